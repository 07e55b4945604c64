"""Routing: experts ranked for an enquiry with reasons, routing itself, and how requests spread."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from pressdesk.errors import ConflictError, DeskError, FieldError, NeedsConfirmation, NotFound
from pressdesk.models import Activity, Enquiry, Expert, InterviewRequest
from pressdesk.models.enums import Effect
from pressdesk.models.inputs import EnquiryCreate
from pressdesk.models.views import Reason
from pressdesk.services import enquiries, routing
from pressdesk.store import open_desk
from pressdesk.validation import expert_fields
from pressdesk.words import spread_text
from tests.conftest import DEMO_NOW as NOW  # a Tuesday, 10:00 in London

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(scope="module")
def shared(template):
    """The template desk itself, for tests that only read."""
    desk = open_desk(template)
    yield desk
    desk.dispose()


def enquiry_id(session, subject_start: str) -> int:
    """The id of the demo enquiry whose subject starts with these words."""
    return session.exec(select(Enquiry.id).where(Enquiry.subject.startswith(subject_start))).one()


def expert_id(session, name: str) -> int:
    """The id of the demo expert of this name."""
    return session.exec(select(Expert.id).where(Expert.name == name)).one()


def texts(suggestion) -> list[str]:
    """What a suggestion's reasons say."""
    return [r.text for r in suggestion.reasons]


def log_isk(session, *, deadline: str = "+2d") -> int:
    """A fresh interview enquiry about IS-K and the Taliban on the seed release, from a known caller."""
    enquiry = enquiries.log_enquiry(
        session,
        EnquiryCreate(
            subject="Interview: IS-K and the Taliban, what next?",
            type="interview",
            phone="07823 418 562",
            deadline=deadline,
            release_id=1,
        ),
        who="test",
        region="GB",
        tz="Europe/London",
        now=NOW,
    )
    return enquiry.id


# --- words and availability --------------------------------------------------------------------


def test_words_fold_case_accents_hyphens_and_plurals():
    assert routing.words("IS-K") == {"isk"}
    assert routing.words("Floods, flooding and FLOODED") == {"flood"}
    assert routing.words("Wiśniewski") == routing.words("wisniewski")
    assert routing.words("the Taliban's interview request") == {"taliban"}


def test_working_hours_and_blocked_dates_are_read_or_refused():
    nine, half_five = datetime(1, 1, 1, 9).time(), datetime(1, 1, 1, 17, 30).time()
    assert expert_fields.parse_working_hours("09:00-17:30") == (nine, half_five)
    assert expert_fields.parse_working_hours("") is None
    with pytest.raises(FieldError) as info:
        expert_fields.parse_working_hours("all day")
    assert info.value.field == "working_hours"
    spans = expert_fields.parse_blocked_dates("2026-12-01..2026-12-05, 2026-12-24")
    assert [(a.isoformat(), b.isoformat()) for a, b in spans] == [
        ("2026-12-01", "2026-12-05"),
        ("2026-12-24", "2026-12-24"),
    ]
    with pytest.raises(FieldError, match="blocked dates"):
        expert_fields.parse_blocked_dates("1 December")
    with pytest.raises(FieldError, match="before the first"):
        expert_fields.parse_blocked_dates("2026-12-05..2026-12-01")


def _expert(**kw) -> Expert:
    return Expert(name="Test Person", **kw)


def test_free_before_deadline_respects_hours_weekends_and_blocked_days():
    tuesday_8am = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
    tuesday_9am = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    tuesday_noon = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    expert = _expert(working_hours="09:00-17:30")
    assert routing.free_before(expert, now=tuesday_8am, deadline=tuesday_noon, tz=LONDON) == (
        True,
        "Free before the deadline",
    )
    free, why = routing.free_before(expert, now=tuesday_8am, deadline=tuesday_9am, tz=LONDON)
    assert not free and "works 09:00-17:30" in why
    blocked = _expert(working_hours="09:00-17:30", blocked_dates="2026-11-24..2026-11-25")
    free, why = routing.free_before(blocked, now=tuesday_8am, deadline=tuesday_noon, tz=LONDON)
    assert not free and "blocked dates" in why
    saturday = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
    sunday = datetime(2026, 11, 29, 16, 0, tzinfo=UTC)
    assert routing.free_before(expert, now=saturday, deadline=sunday, tz=LONDON)[0] is False
    assert routing.free_before(expert, now=tuesday_noon, deadline=tuesday_8am, tz=LONDON) == (
        False,
        "The deadline has passed",
    )


def test_expert_languages_accept_codes_and_names():
    assert routing.expert_languages("en, it") == {"en", "it"}
    assert routing.expert_languages("English; German") == {"en", "de"}


# --- ranking -----------------------------------------------------------------------------------


def test_isk_enquiry_ranks_giustozzi_first_with_reasons(shared):
    with shared.read() as s:
        eid = enquiry_id(s, "Interview request: IS-K resilience")
        found = routing.suggest_experts(s, enquiry_id=eid, now=NOW)
    best = found[0]
    assert best.name == "Antonio Giustozzi"
    assert best.display_name == "Dr Antonio Giustozzi"
    said = [r.text for r in best.reasons]
    topics = next(r for r in said if r.startswith("Topics match: "))
    assert "Taliban" in topics and "IS-K" in topics
    assert "Offered on this release" in said
    assert "Media-trained" in said
    assert any(r.startswith("4 of 4 interviews this week") for r in said)
    assert best.score > found[1].score + 20
    assert [x.score for x in found] == sorted((x.score for x in found), reverse=True)
    assert all(0 <= x.score <= 100 for x in found)
    assert best.to_json() == {
        "expert": {"id": best.expert_id, "name": "Antonio Giustozzi"},
        "score": best.score,
        "reasons": said,
        "warnings": ["4 of 4 interviews this week: at the limit"],
    }


def test_flood_enquiry_prefers_the_release_experts(shared):
    with shared.read() as s:
        eid = enquiry_id(s, "Interview: climate scientist for dpa explainer")
        found = routing.suggest_experts(s, enquiry_id=eid, now=NOW, limit=3)
    assert [x.name for x in found[:2]] == ["Rachel Okafor", "Tomasz Wiśniewski"]
    assert "Does not speak German" in texts(found[0])
    assert len(found) == 3


def test_language_and_conflict_reasons(shared):
    with shared.read() as s:
        german = enquiry_id(s, "Interview (auf Deutsch)")
        found = {x.name: x for x in routing.suggest_experts(s, enquiry_id=german, now=NOW)}
        assert "Does not speak German" in texts(found["Sophie Laurent"])
        assert "Not media-trained: a press officer should sit in" in texts(found["Tomasz Wiśniewski"])
        waits = enquiry_id(s, "Anyone to comment on US vs UK elective waits")
        byrne = next(x for x in routing.suggest_experts(s, enquiry_id=waits, now=NOW) if x.name == "Aisling Byrne")
    assert any(r.startswith("Declared conflict, relevant here: Paid adviser") for r in texts(byrne))


def test_unknown_enquiry_is_not_found(shared):
    with shared.read() as s, pytest.raises(NotFound):
        routing.suggest_experts(s, enquiry_id=9999, now=NOW)


def test_find_expert_by_id_name_honorific_or_part(shared):
    with shared.read() as s:
        assert routing.find_expert(s, "1").name == "Antonio Giustozzi"
        assert routing.find_expert(s, "Dr Antonio Giustozzi").id == 1
        assert routing.find_expert(s, "giustozzi").id == 1
        assert routing.find_expert(s, "Wisniewski").name == "Tomasz Wiśniewski"
        with pytest.raises(FieldError, match="more than one"):
            routing.find_expert(s, "a")
        with pytest.raises(NotFound):
            routing.find_expert(s, "Nobody Here")


# --- routing -----------------------------------------------------------------------------------


def test_route_creates_an_offered_request_and_moves_the_enquiry(desk):
    with desk.write() as s:
        eid = log_isk(s)
        top = routing.suggest_experts(s, enquiry_id=eid, now=NOW)[0]
        assert top.name == "Antonio Giustozzi"
        version = s.get(Enquiry, eid).version
        request = routing.route_enquiry(
            s, who="jo", enquiry_id=eid, expert_id=top.expert_id, expected_version=version, now=NOW, force=True
        )
        rid = request.id
    with desk.read() as s:
        assert s.get(InterviewRequest, rid).status == "offered"
        enquiry = s.get(Enquiry, eid)
        assert enquiry.status == "routed" and enquiry.version == version + 1
        actions = [a.action for a in s.exec(select(Activity).where(Activity.enquiry_id == eid).order_by(Activity.id))]
        assert actions[-2:] == ["route", "status"]
        again = {x.name for x in routing.suggest_experts(s, enquiry_id=eid, now=NOW)}
        assert "Antonio Giustozzi" not in again, "an expert already asked is not suggested again"
        assert routing.asked_experts(s, enquiry_id=eid) == [("Dr Antonio Giustozzi", "offered")]


def test_route_refuses_twice_closed_and_stale(desk):
    with desk.write() as s:
        eid = log_isk(s)
        routing.route_enquiry(s, who="jo", enquiry_id=eid, expert_id=1, force=True)
    with desk.write() as s, pytest.raises(DeskError, match="already been asked"):
        routing.route_enquiry(s, who="jo", enquiry_id=eid, expert_id=1, force=True)
    with desk.write() as s, pytest.raises(ConflictError):
        routing.route_enquiry(s, who="jo", enquiry_id=eid, expert_id=2, expected_version=1)
    with desk.read() as s:
        withdrawn = enquiry_id(s, "Interview: IS-K external operations")
    with desk.write() as s, pytest.raises(DeskError, match="withdrawn"):
        routing.route_enquiry(s, who="jo", enquiry_id=withdrawn, expert_id=1)
    with desk.read() as s:
        assert len(s.exec(select(InterviewRequest).where(InterviewRequest.enquiry_id == eid)).all()) == 1
        assert s.exec(select(InterviewRequest).where(InterviewRequest.enquiry_id == withdrawn)).all() == []


def test_routed_enquiry_stays_routed_when_a_second_expert_is_asked(desk):
    with desk.write() as s:
        eid = enquiry_id(s, "Can Dr Giustozzi talk IS-K recruitment")
        routing.route_enquiry(s, who="jo", enquiry_id=eid, expert_id=expert_id(s, "Mei Lin Tan"), now=NOW)
        assert s.get(Enquiry, eid).status == "routed"


def test_request_spread_counts_recent_requests_per_expert(desk):
    with desk.read() as s:
        before = dict(routing.request_spread(s, now=NOW))
    assert before["Antonio Giustozzi"] == 4
    assert before["Tomasz Wiśniewski"] == 0
    assert len(before) == 7
    with desk.write() as s:
        wisniewski = expert_id(s, "Tomasz Wiśniewski")
        routing.route_enquiry(s, who="jo", enquiry_id=log_isk(s), expert_id=wisniewski, now=NOW)
    with desk.read() as s:
        spread = routing.request_spread(s)
    assert dict(spread)["Tomasz Wiśniewski"] == 1
    assert spread[0][0] == "Antonio Giustozzi"
    assert spread_text(spread[:1]).startswith("Antonio Giustozzi ")


def test_already_asked_experts_are_listed_apart_not_suggested(shared):
    with shared.read() as s:
        german = enquiry_id(s, "Interview (auf Deutsch)")
        names = {x.name for x in routing.suggest_experts(s, enquiry_id=german, now=NOW)}
        asked = routing.asked_experts(s, enquiry_id=german)
    assert "Daniel Achterberg" not in names
    assert [name for name, _ in asked] == ["Prof Daniel Achterberg"]


def test_hard_warnings_are_flagged_apart_from_the_other_reasons(shared):
    with shared.read() as s:
        isk = enquiry_id(s, "Interview request: IS-K resilience")
        found = {x.name: x for x in routing.suggest_experts(s, enquiry_id=isk, now=NOW)}
    giustozzi = found["Antonio Giustozzi"]
    assert giustozzi.warnings == ("4 of 4 interviews this week: at the limit",)
    assert set(giustozzi.warnings) <= set(texts(giustozzi))
    assert giustozzi.to_json()["warnings"] == list(giustozzi.warnings)
    assert found["Tomasz Wiśniewski"].warnings == (), "soft minuses (not media-trained) need no confirmation"


def test_every_reason_says_whether_it_counts_for_or_against_the_expert(shared):
    with shared.read() as s:
        german = enquiry_id(s, "Interview (auf Deutsch)")
        found = {x.name: x for x in routing.suggest_experts(s, enquiry_id=german, now=NOW)}
        isk = enquiry_id(s, "Interview request: IS-K resilience")
        giustozzi = routing.suggest_experts(s, enquiry_id=isk, now=NOW)[0]
    effects = {r.text: r.effect for r in found["Tomasz Wiśniewski"].reasons}
    assert effects["Not media-trained: a press officer should sit in"] == Effect.PENALTY
    assert effects["Does not speak German"] == Effect.PENALTY
    by_effect = {r.effect: r.text for r in giustozzi.reasons}
    assert by_effect[Effect.BLOCK] == "4 of 4 interviews this week: at the limit"
    assert giustozzi.warnings == tuple(r.text for r in giustozzi.reasons if r.effect == Effect.BLOCK)
    assert Reason("Offered on this release", Effect.BOOST) in giustozzi.reasons


def test_route_past_a_hard_warning_is_refused_unless_forced(desk):
    with desk.write() as s:
        eid = log_isk(s, deadline="+1h")
        s.get(Expert, 2).working_hours = "06:00-07:00"  # Okafor cannot fit anything in before the deadline
    with desk.write() as s, pytest.raises(NeedsConfirmation) as info:
        routing.route_enquiry(s, who="jo", enquiry_id=eid, expert_id=1, now=NOW)
    assert info.value.warnings == ("4 of 4 interviews this week: at the limit",)
    assert "Antonio Giustozzi" in info.value.message and "at the limit" in info.value.message
    with desk.write() as s, pytest.raises(NeedsConfirmation, match="Not free before the deadline"):
        routing.route_enquiry(s, who="jo", enquiry_id=eid, expert_id=2, now=NOW)
    with desk.read() as s:
        assert s.exec(select(InterviewRequest).where(InterviewRequest.enquiry_id == eid)).all() == []
        assert s.get(Enquiry, eid).status == "new"
    with desk.write() as s:
        routing.route_enquiry(s, who="jo", enquiry_id=eid, expert_id=1, now=NOW, force=True)
        assert s.get(Enquiry, eid).status == "routed"
