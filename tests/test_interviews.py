"""The interview life-cycle: offered, accepted or declined, scheduled, done; and the ICS export parsed back."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import text
from sqlmodel import select

from pressdesk.errors import ConflictError, DeskError, FieldError, IllegalMove
from pressdesk.models import LIVE_REQUESTS, Activity, Enquiry, InterviewRequest
from pressdesk.models.inputs import EnquiryCreate
from pressdesk.services import enquiries, interview_diary, interviews, routing
from tests.conftest import DEMO_NOW as NOW  # a Tuesday, 10:00 in London

FRIDAY_10 = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)  # "friday 10:00" in London (GMT in November)
GIUSTOZZI, OKAFOR = 1, 2


def routed(desk, *, expert_id: int = GIUSTOZZI) -> tuple[int, int]:
    """A new IS-K interview enquiry from Sam Reid (The Guardian) routed to an expert: (enquiry id, request id)."""
    with desk.write() as s:
        enquiry = enquiries.log_enquiry(
            s,
            EnquiryCreate(
                subject="Interview: IS-K and the Taliban after the crackdown",
                type="interview",
                phone="+44 20 3353 2741",
                deadline="+3d",
                release_id=1,
            ),
            who="test",
            region="GB",
            tz="Europe/London",
            now=NOW,
        )
        # routing past warnings (Giustozzi is at his weekly limit) is confirmed: these tests are about what follows
        request = routing.route_enquiry(s, who="jo", enquiry_id=enquiry.id, expert_id=expert_id, force=True)
        return enquiry.id, request.id


def status_of(desk, enquiry_id: int, request_id: int) -> tuple[str, str]:
    """(enquiry status, request status)."""
    with desk.read() as s:
        return s.get(Enquiry, enquiry_id).status, s.get(InterviewRequest, request_id).status


def parse_ics(data: bytes):
    """The VEVENTs of an iCalendar file."""
    cal = Calendar.from_ical(data)
    assert cal["PRODID"] == interview_diary.PRODID
    return [c for c in cal.walk("VEVENT")]


def test_accept_schedule_export_done(desk, tmp_path):
    eid, rid = routed(desk)
    with desk.write() as s:
        interviews.accept(s, who="jo", request_id=rid)
    assert status_of(desk, eid, rid) == ("routed", "accepted")
    with desk.write() as s:
        r = interviews.schedule(
            s,
            who="jo",
            request_id=rid,
            start="friday 10:00",
            format="Radio",
            place="LSE studio, 32 Lincoln's Inn Fields",
            now=NOW,
        )
        assert (r.slot_start, r.slot_end, r.format) == (FRIDAY_10, FRIDAY_10 + timedelta(minutes=30), "radio")
    assert status_of(desk, eid, rid) == ("scheduled", "scheduled")

    out = tmp_path / "interviews.ics"
    with desk.read() as s:
        written = interview_diary.export_ics(s, out, now=NOW)
    events = parse_ics(out.read_bytes())
    assert written == len(events) >= 1  # the demo desk has scheduled interviews of its own
    (event,) = [e for e in events if str(e["UID"]) == f"interview-{rid}@pressdesk"]
    assert str(event["UID"]) == f"interview-{rid}@pressdesk"
    assert event.decoded("DTSTART") == FRIDAY_10
    assert event.decoded("DTEND") == FRIDAY_10 + timedelta(minutes=30)
    assert str(event["SUMMARY"]) == "Interview: Dr Antonio Giustozzi with Sam (Samantha) Reid (The Guardian)"
    assert str(event["LOCATION"]) == "LSE studio, 32 Lincoln's Inn Fields"
    description = str(event["DESCRIPTION"])
    assert "Interview: IS-K and the Taliban after the crackdown" in description
    assert "Format: radio" in description
    assert "Phone: +442033532741" in description and "Email: sam.reid@theguardian.com" in description
    assert b"DTSTART:20261127T100000Z" in out.read_bytes()

    with desk.write() as s:
        interviews.complete(s, who="jo", request_id=rid)
    assert status_of(desk, eid, rid) == ("done", "done")
    with desk.read() as s:
        assert interview_diary.export_ics(s, io.BytesIO(), now=NOW) == written - 1  # a done interview leaves the file
        actions = [a.action for a in s.exec(select(Activity).where(Activity.enquiry_id == eid).order_by(Activity.id))]
    assert actions[-6:] == ["status", "interview_accepted", "interview_scheduled", "status", "interview_done", "status"]


def test_illegal_moves_are_refused_and_change_nothing(desk):
    eid, rid = routed(desk)
    with desk.write() as s, pytest.raises(IllegalMove, match="Accept it first"):
        interviews.schedule(s, who="jo", request_id=rid, start="friday 10:00", format="phone", now=NOW)
    with desk.write() as s, pytest.raises(IllegalMove, match="from offered to done"):
        interviews.complete(s, who="jo", request_id=rid)
    with desk.write() as s:
        interviews.decline(s, who="jo", request_id=rid, now=NOW)
    with desk.write() as s, pytest.raises(IllegalMove, match="closed"):
        interviews.accept(s, who="jo", request_id=rid)
    with desk.read() as s:
        assert s.get(InterviewRequest, rid).version == 2


def test_bad_schedule_input_names_the_field_and_writes_nothing(desk):
    eid, rid = routed(desk)
    with desk.write() as s:
        interviews.accept(s, who="jo", request_id=rid)
    cases = [
        ({"start": "friday 10:00", "format": "podcast"}, "format"),
        ({"start": "when the cows come home", "format": "tv"}, "start"),
        ({"start": "", "format": "tv"}, "start"),
        ({"start": "friday 10:00", "end": "friday 9:00", "format": "tv"}, "end"),
    ]
    for kwargs, field in cases:
        with desk.write() as s, pytest.raises(FieldError) as info:
            interviews.schedule(s, who="jo", request_id=rid, now=NOW, **kwargs)
        assert info.value.field == field
    with desk.write() as s, pytest.raises(ConflictError):
        interviews.schedule(s, who="jo", request_id=rid, start="friday 10:00", format="tv", expected_version=1, now=NOW)
    assert status_of(desk, eid, rid) == ("routed", "accepted")


def test_decline_suggests_others_and_sends_the_enquiry_back(desk):
    eid, rid = routed(desk)
    with desk.write() as s:
        nxt = interviews.decline(s, who="jo", request_id=rid, reason="Travelling all week", now=NOW)
    assert nxt and all(x.name != "Antonio Giustozzi" for x in nxt)
    assert status_of(desk, eid, rid) == ("triaged", "declined")
    with desk.read() as s:
        assert "Travelling all week" in s.get(InterviewRequest, rid).notes
        assert GIUSTOZZI not in {x.expert_id for x in routing.suggest_experts(s, enquiry_id=eid, now=NOW)}
    with desk.write() as s, pytest.raises(DeskError, match="already declined"):
        routing.route_enquiry(s, who="jo", enquiry_id=eid, expert_id=GIUSTOZZI)
    with desk.write() as s:
        again = routing.route_enquiry(s, who="jo", enquiry_id=eid, expert_id=nxt[0].expert_id, now=NOW)
    assert status_of(desk, eid, again.id) == ("routed", "offered")


def test_decline_keeps_the_enquiry_routed_while_another_expert_is_asked(desk):
    eid, rid = routed(desk)
    with desk.write() as s:
        other = routing.route_enquiry(s, who="jo", enquiry_id=eid, expert_id=OKAFOR, now=NOW)
        interviews.decline(s, who="jo", request_id=other.id, now=NOW)
    assert status_of(desk, eid, rid) == ("routed", "offered")


def test_reschedule_clash_and_cancel(desk):
    eid, rid = routed(desk)
    with desk.write() as s:
        interviews.accept(s, who="jo", request_id=rid)
        interviews.schedule(s, who="jo", request_id=rid, start="2026-11-27 10:00", format="tv", now=NOW)
        interviews.schedule(
            s,
            who="jo",
            request_id=rid,
            start="2026-11-27 14:00",
            end="2026-11-27 14:45",
            format="online",
            place="https://meet.example.org/abc",
            now=NOW,
        )
    with desk.read() as s:
        r = s.get(InterviewRequest, rid)
        assert (r.slot_start.hour, r.slot_end.minute, r.format, r.version) == (14, 45, "online", 4)
    eid2, rid2 = routed(desk)
    with desk.write() as s:
        interviews.accept(s, who="jo", request_id=rid2)
    with desk.write() as s, pytest.raises(FieldError, match="already has interview"):
        interviews.schedule(s, who="jo", request_id=rid2, start="2026-11-27 14:30", format="phone", now=NOW)
    with desk.write() as s:
        interviews.cancel(s, who="jo", request_id=rid, reason="Story dropped")
    assert status_of(desk, eid, rid) == ("triaged", "cancelled")
    with desk.write() as s:
        interviews.schedule(s, who="jo", request_id=rid2, start="2026-11-27 14:30", format="phone", now=NOW)
    assert status_of(desk, eid2, rid2) == ("scheduled", "scheduled")


def test_ics_to_text_stream_keeps_odd_text_and_skips_slotless_rows(desk):
    eid, rid = routed(desk)
    with desk.write() as s:
        interviews.accept(s, who="jo", request_id=rid)
        interviews.schedule(
            s, who="jo", request_id=rid, start=FRIDAY_10, format="phone", place="[bold]Room 1; 2nd floor\\", now=NOW
        )
    with desk.write() as s:  # the demo's own scheduled requests lose their slots: they must be skipped
        s.execute(text("UPDATE interview_request SET slot_start = NULL WHERE id != :rid"), {"rid": rid})
    buffer = io.StringIO()
    with desk.read() as s:
        assert interview_diary.export_ics(s, buffer, now=NOW) == 1
    (event,) = parse_ics(buffer.getvalue().encode())
    assert str(event["LOCATION"]) == "[bold]Room 1; 2nd floor\\"
    assert event.decoded("DTSTART") == FRIDAY_10


def test_export_to_a_missing_folder_is_refused(desk, tmp_path):
    with desk.read() as s, pytest.raises(FieldError, match="does not exist"):
        interview_diary.export_ics(s, tmp_path / "nope" / "x.ics")


def test_list_interviews(desk):
    eid, rid = routed(desk)
    with desk.read() as s:
        (line,) = interview_diary.list_interviews(s, enquiry_id=eid)
        assert (line.id, line.expert, line.journalist, line.status) == (
            rid,
            "Dr Antonio Giustozzi",
            "Sam (Samantha) Reid",
            "offered",
        )
        with pytest.raises(FieldError):
            interview_diary.list_interviews(s, status="maybe")


def requests_of(desk, enquiry_id: int) -> dict[int, str]:
    """{request id: status} of an enquiry's interview requests."""
    with desk.read() as s:
        rows = s.exec(select(InterviewRequest).where(InterviewRequest.enquiry_id == enquiry_id)).all()
        return {r.id: r.status for r in rows}


@pytest.mark.parametrize("close_as", ["done", "declined", "withdrawn"])
def test_closing_an_enquiry_cancels_its_open_requests_with_history(desk, close_as):
    eid, offered = routed(desk)
    with desk.write() as s:
        accepted = routing.route_enquiry(s, who="jo", enquiry_id=eid, expert_id=OKAFOR, now=NOW).id
        interviews.accept(s, who="jo", request_id=accepted)
    with desk.write() as s:
        enquiries.change_status(s, who="jo", enquiry_id=eid, to=close_as)
    assert requests_of(desk, eid) == {offered: "cancelled", accepted: "cancelled"}
    with desk.read() as s:
        history = s.exec(select(Activity).where(Activity.enquiry_id == eid).order_by(Activity.id)).all()
        cancelled = [(a.entity_id, a.who, a.summary) for a in history if a.action == "interview_cancelled"]
        assert s.get(Enquiry, eid).status == close_as
        assert "enquiry closed" in s.get(InterviewRequest, offered).notes
    assert {rid for rid, _, _ in cancelled} == {offered, accepted}
    assert all(who == "jo" and "enquiry closed" in summary for _, who, summary in cancelled)
    with desk.read() as s:  # `interview list` no longer shows them as open
        live = [line for line in interview_diary.list_interviews(s, enquiry_id=eid) if line.status in LIVE_REQUESTS]
    assert live == []


def test_done_on_demo_enquiry_3_closes_its_interview_offer(desk):
    assert "offered" in requests_of(desk, 3).values()
    with desk.write() as s:
        enquiries.mark_done(s, who="jo", enquiry_id=3)
    assert set(requests_of(desk, 3).values()) == {"cancelled"}


def test_a_scheduled_interview_that_has_begun_is_done_when_the_enquiry_is(desk):
    eid, rid = routed(desk)
    with desk.write() as s:
        interviews.accept(s, who="jo", request_id=rid)
        interviews.schedule(s, who="jo", request_id=rid, start=FRIDAY_10, format="tv", now=NOW)
    with desk.write() as s:
        enquiries.change_status(s, who="jo", enquiry_id=eid, to="done", now=FRIDAY_10 + timedelta(hours=1))
    assert requests_of(desk, eid) == {rid: "done"}


def test_a_failed_close_changes_no_request(desk):
    eid, rid = routed(desk)
    with desk.write() as s, pytest.raises(ConflictError):
        enquiries.change_status(s, who="jo", enquiry_id=eid, to="done", expected_version=1)
    assert status_of(desk, eid, rid) == ("routed", "offered")


def test_reopening_leaves_cancelled_requests_and_the_expert_can_be_asked_again(desk):
    eid, rid = routed(desk)
    with desk.write() as s:
        enquiries.change_status(s, who="jo", enquiry_id=eid, to="withdrawn")
    with desk.write() as s:
        enquiries.change_status(s, who="jo", enquiry_id=eid, to="triaged")
    assert status_of(desk, eid, rid) == ("triaged", "cancelled")
    with desk.write() as s:
        again = routing.route_enquiry(s, who="jo", enquiry_id=eid, expert_id=GIUSTOZZI, force=True)
    assert status_of(desk, eid, again.id) == ("routed", "offered")
