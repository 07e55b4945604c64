"""Data protection: where each person came from and on what basis, who was told, do-not-contact, access requests."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from pressdesk.errors import FieldError
from pressdesk.models import Expert, Journalist, PressContact
from pressdesk.models.inputs import EnquiryCreate
from pressdesk.services import contacts, enquiries, intake, privacy
from tests.conftest import DEMO_NOW

RELEASE = "fixtures/releases/uk_two_experts_two_contacts.txt"


def log(desk, now=None, **fields):
    """Log a call as officer Jo; returns the enquiry id."""
    fields.setdefault("subject", "Comment on bus emissions")
    with desk.write() as s:
        return enquiries.log_enquiry(s, EnquiryCreate(**fields), who="Jo", region="GB", tz="Europe/London", now=now).id


def person(desk, model, person_id):
    """A person row, read in its own session."""
    with desk.read() as s:
        row = s.get(model, person_id)
        s.expunge(row)
        return row


# --- lawful basis, source, collected -------------------------------------------------------------


def test_a_caller_new_to_the_desk_records_basis_source_and_when(empty_desk):
    at = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
    enquiry_id = log(empty_desk, now=at, journalist="Nell Quarry", phone="07911 123456", channel="email")
    with empty_desk.read() as s:
        nell = s.execute(text("SELECT id FROM journalist WHERE name = 'Nell Quarry'")).scalar()
    row = person(empty_desk, Journalist, nell)
    assert row.lawful_basis == "legitimate_interest"
    assert row.source == f"enquiry #{enquiry_id} (email)"
    assert row.collected_at == at and row.told_at is None


def test_experts_and_contacts_from_a_release_name_the_release(empty_desk):
    with open(RELEASE, encoding="utf-8") as fh, empty_desk.write() as s:
        _parsed, outcome = intake.import_release(
            s, who="Jo", region="GB", tz="Europe/London", text=fh.read(), source="buses.txt"
        )
        release_id = outcome.release.id
    with empty_desk.read() as s:
        sources = {r for (r,) in s.execute(text("SELECT source FROM expert UNION SELECT source FROM press_contact"))}
    assert sources == {f"release #{release_id} (buses.txt)"}


def test_a_person_created_by_an_importer_keeps_what_it_says(empty_desk):
    with empty_desk.write() as s:
        j = contacts.create_journalist(
            s, who="Jo", region="GB", name="Ida Import", source="import contacts.csv", lawful_basis="Consent"
        )
        e = contacts.create_expert(s, who="Jo", region="GB", name="Dr Ex Pert")
        ids = j.id, e.id
    assert person(empty_desk, Journalist, ids[0]).source == "import contacts.csv"
    assert person(empty_desk, Journalist, ids[0]).lawful_basis == "consent"
    assert person(empty_desk, Expert, ids[1]).source == "entered by hand"


def test_an_unknown_lawful_basis_is_refused_naming_the_field(empty_desk):
    with pytest.raises(FieldError) as refused, empty_desk.write() as s:
        contacts.create_journalist(s, who="Jo", region="GB", name="Ida", lawful_basis="because")
    assert refused.value.field == "lawful basis"


def test_people_already_on_a_desk_get_a_traced_source_when_it_is_upgraded(tmp_path):
    from pressdesk.store import open_desk
    from pressdesk.store.migrate import upgrade

    desk = open_desk(tmp_path / "old.db", migrate=False)
    upgrade(desk, "0005")
    stamp = "'2025-03-04 05:06:07.000000'"
    with desk.write() as s:
        for sql in (
            "INSERT INTO journalist (id, name, name_key, outlet_id, role, beat, preferred_channel, notes, created_at,"
            " updated_at, updated_by, version) VALUES (4, 'Old Timer', 'old timer', NULL, '', '', 'phone', '',"
            f" {stamp}, {stamp}, 't', 1)",
            "INSERT INTO enquiry (id, received_at, channel, journalist_id, type, subject, priority, status, officer,"
            f" notes, created_at, updated_at, updated_by, version) VALUES (9, {stamp}, 'phone', 4, 'comment', 'x',"
            f" 'normal', 'new', '', '', {stamp}, {stamp}, 't', 1)",
        ):
            s.execute(text(sql))
    desk.dispose()
    desk = open_desk(tmp_path / "old.db")
    row = person(desk, Journalist, 4)
    assert row.source == "enquiry #9" and row.collected_at == datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)
    with desk.read() as s:
        assert s.execute(text("SELECT count(*) FROM desk_secret WHERE name = 'dnc_salt'")).scalar() == 1
    desk.dispose()


# --- told within a month -------------------------------------------------------------------------


def test_people_not_told_a_month_after_collection_are_listed_until_marked_told(empty_desk):
    now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
    log(empty_desk, now=now - timedelta(days=31), journalist="Long Ago", phone="07911 123001")
    log(empty_desk, now=now - timedelta(days=29), journalist="Recent Caller", phone="07911 123002")
    with empty_desk.write() as s:
        contacts.create_expert(s, who="Jo", region="GB", name="Prof Old", collected_at=now - timedelta(days=40))
    with empty_desk.read() as s:
        due = privacy.not_told(s, now=now)
    assert [(p.kind, p.name, p.days_over) for p in due] == [("expert", "Prof Old", 10), ("journalist", "Long Ago", 1)]
    with empty_desk.write() as s:
        privacy.mark_told(s, who="Jo", kind="journalist", person_id=due[1].id, at=now)
    with empty_desk.read() as s:
        assert [p.name for p in privacy.not_told(s, now=now)] == ["Prof Old"]
        history = list(privacy.stream_history(s))
    told = [h for h in history if h["action"] == "told"]
    assert told and told[-1]["who"] == "Jo" and told[-1]["entity"] == "journalist"


# --- do not contact ------------------------------------------------------------------------------


def test_a_number_that_asked_not_to_be_contacted_is_refused_naming_the_field(empty_desk):
    with empty_desk.write() as s:
        privacy.add_do_not_contact(s, who="Jo", phones=["+44 7911 123456"], emails=["No.More@Example.com"], region="GB")
    with pytest.raises(FieldError) as by_phone:
        log(empty_desk, journalist="Back Again", phone="07911 123456")
    assert by_phone.value.field == "phone" and "asked not to be contacted" in by_phone.value.reason
    with pytest.raises(FieldError) as by_email:
        log(empty_desk, journalist="Back Again", email="no.more@EXAMPLE.com")
    assert by_email.value.field == "email"
    with pytest.raises(FieldError), empty_desk.write() as s:
        contacts.create_expert(s, who="Jo", region="GB", name="Again", phones=["+447911123456"])
    with empty_desk.read() as s:
        assert s.execute(text("SELECT count(*) FROM journalist")).scalar() == 0
        assert s.execute(text("SELECT count(*) FROM expert")).scalar() == 0


def test_an_officer_may_override_and_the_override_is_flagged(empty_desk):
    with empty_desk.write() as s:
        privacy.add_do_not_contact(s, who="Jo", phones=["07911 123456"], region="GB")
    enquiry_id = log(empty_desk, journalist="Back Again", phone="07911 123456", override_dnc=True)
    with empty_desk.read() as s:
        problem = s.execute(text("SELECT problem FROM contact_point WHERE value = '+447911123456'")).scalar()
        flagged = s.execute(text("SELECT who, summary FROM activity WHERE action = 'dnc_override'")).all()
    assert "asked not to be contacted" in problem
    assert flagged == [("Jo", f"Kept a phone number on the do-not-contact list (enquiry #{enquiry_id})")]


def test_the_list_holds_only_salted_hashes(empty_desk, tmp_path):
    with empty_desk.write() as s:
        privacy.add_do_not_contact(s, who="Jo", phones=["07911 123456"], emails=["hidden@example.com"], region="GB")
    empty_desk.dispose()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("desk.db*"))
    for secret in (b"hidden@example.com", b"+447911123456", b"7911123456"):
        assert secret not in raw
    other = tmp_path / "other.db"
    from pressdesk.store import open_desk

    second = open_desk(other)
    with second.write() as s:
        privacy.add_do_not_contact(s, who="Jo", phones=["07911 123456"], region="GB")
    with second.read() as s, open_desk(tmp_path / "desk.db").read() as first:
        mine = first.execute(text("SELECT digest FROM do_not_contact WHERE kind = 'phone'")).scalar()
        theirs = s.execute(text("SELECT digest FROM do_not_contact WHERE kind = 'phone'")).scalar()
    assert mine != theirs, "each desk salts its own hashes"
    second.dispose()


# --- subject access ------------------------------------------------------------------------------


def test_export_gives_everything_held_about_one_person_as_json(desk):
    with desk.read() as s:
        sam = s.execute(text("SELECT journalist_id FROM contact_point WHERE value = '+447823418562'")).scalar()
        held = s.execute(text("SELECT count(*) FROM enquiry WHERE journalist_id = :j"), {"j": sam}).scalar()
    with desk.read() as s:
        by_phone = privacy.privacy_export(s, phone="07823 418562", region="GB")
        by_id = privacy.privacy_export(s, person_id=sam, kind="journalist")
    assert by_phone["people"] == by_id["people"]
    [them] = by_phone["people"]
    assert them["kind"] == "journalist" and them["details"]["name"] == "Sam (Samantha) Reid"
    assert {"lawful_basis", "source", "collected_at", "told_at"} <= set(them["details"])
    assert "+447823418562" in [p["value"] for p in them["contact_points"]]
    assert len(them["enquiries"]) == held > 0
    assert all(e["history"] for e in them["enquiries"]), "each enquiry carries its history, naming the officer"
    assert all(h["who"] for e in them["enquiries"] for h in e["history"])
    assert them["history"][0]["action"] == "create"
    json.dumps(by_phone)  # JSON-able as it is


def test_export_of_an_expert_lists_interviews_and_releases(desk):
    with desk.read() as s:
        expert_id = s.execute(text("SELECT expert_id FROM interview_request ORDER BY id LIMIT 1")).scalar()
        report = privacy.privacy_export(s, person_id=expert_id, kind="expert")
    [them] = report["people"]
    assert them["interviews"] and all(i["enquiry"]["id"] for i in them["interviews"])
    assert "releases" in them


def test_export_of_someone_unknown_holds_nobody(desk):
    with desk.read() as s:
        assert privacy.privacy_export(s, email="nobody@nowhere.example")["people"] == []


def test_the_history_streams_every_row_with_its_officer(desk):
    with desk.read() as s:
        total = s.execute(text("SELECT count(*) FROM activity")).scalar()
        rows = list(privacy.stream_history(s, batch=7))
    assert len(rows) == total and all(r["who"] for r in rows)
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)


# --- purge ---------------------------------------------------------------------------------------


def test_purge_anonymises_only_people_quiet_since_the_cut_off(empty_desk):
    now = datetime(2026, 11, 28, tzinfo=UTC)
    old = now - timedelta(days=4 * 365)
    log(empty_desk, now=old, journalist="Quiet Quentin", phone="07911 123111", subject="Old story about Quiet Quentin")
    log(empty_desk, now=old, journalist="Busy Beatrix", phone="07911 123222")
    log(empty_desk, now=now - timedelta(days=10), journalist="Busy Beatrix", phone="07911 123222")
    with empty_desk.write() as s:
        s.execute(text("UPDATE journalist SET updated_at = :t, collected_at = :t"), {"t": old.replace(tzinfo=None)})
        s.execute(text("UPDATE enquiry SET updated_at = received_at, created_at = received_at"))
    plan = privacy.privacy_purge(empty_desk, who="Jo", older_than="3y", now=now, dry_run=True)
    assert [(p.kind, p.name) for p in plan.people] == [("journalist", "Quiet Quentin")]
    with empty_desk.read() as s:
        assert s.execute(text("SELECT count(*) FROM journalist")).scalar() == 2, "a dry run changes nothing"
    done = privacy.privacy_purge(empty_desk, who="Jo", older_than="3y", now=now)
    assert done.erased == 1
    with empty_desk.read() as s:
        assert s.execute(text("SELECT name FROM journalist")).scalars().all() == ["Busy Beatrix"]
        assert s.execute(text("SELECT count(*) FROM enquiry")).scalar() == 3, "their enquiries stay, anonymised"
        subjects = s.execute(text("SELECT subject FROM enquiry WHERE journalist_id IS NULL")).scalars().all()
    assert subjects == ["Old story about [erased]"]


def test_purge_reads_its_age_and_refuses_nonsense():
    assert privacy.parse_age("3y") == timedelta(days=3 * 365)
    assert privacy.parse_age("18m") == timedelta(days=18 * 30)
    assert privacy.parse_age("90d") == timedelta(days=90)
    with pytest.raises(FieldError) as refused:
        privacy.parse_age("soon")
    assert refused.value.field == "older than"


def test_demo_people_say_they_came_from_the_demo(demo_desk):
    with demo_desk.read() as s:
        sources = set(s.execute(text("SELECT source FROM journalist")).scalars())
        contacts_sources = set(s.execute(text("SELECT source FROM press_contact")).scalars())
    assert sources == {"demo data"}
    assert all(src.startswith("release #") for src in contacts_sources)


def test_press_contacts_have_the_same_fields(empty_desk):
    with empty_desk.write() as s:
        c = contacts.create_press_contact(s, who="Jo", region="GB", name="Pia Press", source="release #1")
        cid = c.id
    row = person(empty_desk, PressContact, cid)
    assert row.lawful_basis == "legitimate_interest" and row.source == "release #1"


def test_frozen_demo_is_collected_when_it_was_loaded(desk):
    with desk.read() as s:
        stamps = set(s.execute(text("SELECT collected_at FROM journalist")).scalars())
    assert {datetime.fromisoformat(str(t)).date() for t in stamps} == {DEMO_NOW.date()}
