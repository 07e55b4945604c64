"""Two records, one person: finding them, merging them field by field, telling the desk they are two people."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from pressdesk.errors import ConflictError, FieldError, NotFound
from pressdesk.models import Activity, ContactPoint, Enquiry, InterviewRequest, Journalist
from pressdesk.models.inputs import EnquiryCreate
from pressdesk.services import contacts, duplicates, enquiries, media_lists


def journalist(session, name, outlet=None, **kwargs):
    """A journalist made the way the log form makes one."""
    return contacts.create_journalist(session, who="t", region="GB", name=name, outlet=outlet, **kwargs).id


def pairs(desk, **kwargs):
    """(a name, b name, score, reason) of the duplicates found."""
    with desk.read() as s:
        return [(p.a.name, p.b.name, p.score, p.reason) for p in duplicates.find_duplicates(s, **kwargs)]


def test_the_desk_scan_finds_close_names_at_one_outlet_and_same_names_without_one(empty_desk):
    with empty_desk.write() as s:
        journalist(s, "Jon Smith", "The Times")
        journalist(s, "John Smith", "The Times")
        journalist(s, "John Smith", "The Sun")
        journalist(s, "Priya Shah", "The Guardian")
        journalist(s, "Priya Shah")
        journalist(s, "Ann Lee", "The Times")
    assert pairs(empty_desk) == [
        ("Priya Shah", "Priya Shah", 100, "the same name, and one of them has no outlet"),
        ("Jon Smith", "John Smith", 95, "a close name at the same outlet"),
    ]
    assert pairs(empty_desk, scan=False) == []


def test_not_duplicate_takes_a_pair_off_for_good(empty_desk):
    with empty_desk.write() as s:
        a = journalist(s, "Jon Smith", "The Times")
        b = journalist(s, "John Smith", "The Times")
        duplicates.not_duplicate(s, who="t", a=b, b=a)
    assert pairs(empty_desk) == []
    with empty_desk.read() as s:
        said = s.execute(select(Activity.action, Activity.summary).where(Activity.action == "not_duplicate")).one()
    assert said == ("not_duplicate", f"#{a} Jon Smith and #{b} John Smith are two people")
    with pytest.raises(FieldError), empty_desk.write() as s:
        duplicates.not_duplicate(s, who="t", a=a, b=a)
    with pytest.raises(NotFound), empty_desk.write() as s:
        duplicates.not_duplicate(s, who="t", a=a, b=999)


def test_merge_keeps_every_detail_moves_enquiries_and_lists_and_records_whom_it_merged(empty_desk):
    with empty_desk.write() as s:
        a = journalist(s, "Ann Smith", "The Times", emails=["ann@times.example"], beat="education")
        b = journalist(
            s, "Anne Smith", None, phones=["07911 123456"], emails=["ann@home.example"],
            role="Education Editor", beat="schools, Education", notes="Prefers email",
        )  # fmt: skip
        enquiry = enquiries.log_enquiry(
            s, EnquiryCreate(subject="Exams", journalist_id=b), who="t", region="GB", tz="Europe/London"
        )
        both = media_lists.create_list(s, who="t", name="Education", journalist_ids=[a, b]).id
        only_b = media_lists.create_list(s, who="t", name="Schools", journalist_ids=[b]).id
    with empty_desk.write() as s:
        done = duplicates.merge(s, who="Officer", a=a, b=b, keep={"name": "a"})
    assert done.moved == {"contact points": 2, "enquiries": 1, "media lists": 1}
    with empty_desk.read() as s:
        kept = s.get(Journalist, a)
        assert s.get(Journalist, b) is None
        assert (kept.name, kept.role, kept.beat, kept.notes) == (
            "Ann Smith",
            "Education Editor",
            "education, schools",
            "Prefers email",
        )
        points = s.execute(select(ContactPoint.value).where(ContactPoint.journalist_id == a)).scalars().all()
        assert sorted(points) == ["+447911123456", "ann@home.example", "ann@times.example"]
        assert s.get(Enquiry, enquiry.id).journalist_id == a
        assert media_lists.member_ids(s, both) == [a] and media_lists.member_ids(s, only_b) == [a]
        history = s.execute(
            select(Activity.entity, Activity.entity_id, Activity.who, Activity.summary, Activity.changes).where(
                Activity.action == "merge"
            )
        ).one()
    assert history[:4] == ("journalist", a, "Officer", f"Merged #{b} Anne Smith into #{a} Ann Smith")
    merged_from = json.loads(history.changes)["merged_from"]
    assert (merged_from["id"], merged_from["name"], merged_from["role"]) == (b, "Anne Smith", "Education Editor")
    assert {p["value"] for p in merged_from["points"]} == {"+447911123456", "ann@home.example"}


def test_merge_takes_the_field_the_officer_chose(empty_desk):
    with empty_desk.write() as s:
        a = journalist(s, "A. Smith", "The Sun", role="Reporter", notes="old note")
        b = journalist(s, "Ann Smith", "The Times", role="Editor", notes="new note")
        done = duplicates.merge(s, who="t", a=a, b=b, keep={"name": "b", "outlet": "b", "notes": "a"})
        kept = s.get(Journalist, a)
        outlet = kept.outlet_id
        assert (kept.name, kept.role, kept.notes) == ("Ann Smith", "Reporter", "old note")
    assert done.changes["name"] == ["A. Smith", "Ann Smith"]
    with empty_desk.read() as s:
        assert contacts.journalists_named(s, "ann smith")[0].outlet_id == outlet
    with pytest.raises(FieldError, match="not a field"), empty_desk.write() as s:
        duplicates.merge(s, who="t", a=a, b=a + 5, keep={"shoe size": "a"})


def test_merge_refuses_a_stale_version(empty_desk):
    with empty_desk.write() as s:
        a = journalist(s, "Ann Smith")
        b = journalist(s, "Ann Smith", "The Times")
    with pytest.raises(ConflictError), empty_desk.write() as s:
        duplicates.merge(s, who="t", a=a, b=b, expected_versions=(1, 7))
    with empty_desk.read() as s:
        assert s.get(Journalist, b) is not None


def test_merged_pairs_leave_the_review_list_and_pairs_follow_the_kept_person(empty_desk):
    with empty_desk.write() as s:
        a = journalist(s, "Jon Smith", "The Times")
        b = journalist(s, "John Smith", "The Times")
        c = journalist(s, "Johnny Smith", "The Times")
        duplicates.add_reviews(s, "journalist", [(a, b, 95, "x"), (b, c, 90, "y")], found_by="import of a.csv")
        duplicates.merge(s, who="t", a=a, b=b)
    with empty_desk.read() as s:
        found = duplicates.find_duplicates(s, scan=False)
    assert [(p.a.id, p.b.id, p.reason, p.found_by) for p in found] == [(a, c, "y", "import of a.csv")]


def test_merging_experts_moves_their_interviews(demo_desk):
    with demo_desk.write() as s:
        request = s.execute(select(InterviewRequest)).scalars().first()
        expert_id = request.expert_id
        twin = contacts.create_expert(s, who="t", region="GB", name="Twin Expert", topics="floods").id
        s.execute(InterviewRequest.__table__.update().where(InterviewRequest.id == request.id).values(expert_id=twin))
        done = duplicates.merge(s, who="t", entity="expert", a=expert_id, b=twin)
    assert done.moved["interview requests"] == 1
    with demo_desk.read() as s:
        assert s.get(InterviewRequest, request.id).expert_id == expert_id
