"""Deadlines, interview slots and coverage dates read by the services with one grammar and a window each."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from pressdesk.core import Backend
from pressdesk.errors import FieldError
from pressdesk.models import Activity, Coverage, Enquiry, InterviewRequest
from pressdesk.models.inputs import EnquiryCreate, EnquiryUpdate
from pressdesk.services import coverage, enquiries, interviews, routing

FRI_27 = datetime(2026, 11, 27, 10, 15, tzinfo=UTC)  # Friday 27 November 2026, 10:15 in London
MON_30_9 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
GUARDIAN_DESK = "+44 20 3353 2741"


def log(session, deadline, now=FRI_27):
    """Log an enquiry from a known caller with this deadline."""
    return enquiries.log_enquiry(
        session,
        EnquiryCreate(subject="IS-K after the crackdown", type="interview", phone=GUARDIAN_DESK, deadline=deadline),
        who="jo",
        region="GB",
        tz="Europe/London",
        now=now,
    )


def rows(session) -> tuple[int, int, int]:
    """(enquiries, history rows, coverage rows) on the desk."""
    count = lambda model: session.execute(select(func.count()).select_from(model)).scalar_one()  # noqa: E731
    return count(Enquiry), count(Activity), count(Coverage)


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("25/11 14:00", "That was 2 days ago"),
        ("25 Nov 14:00", "That was 2 days ago"),
        ("today 99:99", "There is no 99:99"),
        ("tomorrow 25:00", "There is no 25:00"),
        ("1999-01-01", "That was 27 years ago"),
        ("0001-01-01T00:00", "years ago"),
        ("-2h", "counts back from now"),
    ],
)
def test_a_misread_deadline_is_refused_at_the_deadline_field_and_nothing_is_written(desk, typed, words):
    with desk.read() as s:
        before = rows(s)
    with desk.write() as s, pytest.raises(FieldError) as info:
        log(s, typed)
    assert info.value.field == "deadline" and words in info.value.reason
    with desk.read() as s:
        assert rows(s) == before


def test_a_weekday_and_a_bare_hour_are_the_next_monday_at_nine(desk):
    with desk.write() as s:
        enquiry_id = log(s, "mon 9").id
    with desk.write() as s:
        enquiries.set_deadline(s, who="jo", tz="Europe/London", enquiry_id=enquiry_id, deadline="tue 14", now=FRI_27)
    with desk.read() as s:
        assert s.get(Enquiry, enquiry_id).deadline == datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
    with desk.write() as s:
        enquiries.update_enquiry(
            s,
            EnquiryUpdate(deadline="mon 9"),
            who="jo",
            tz="Europe/London",
            enquiry_id=enquiry_id,
            expected_version=None,
            now=FRI_27,
        )
    with desk.read() as s:
        assert s.get(Enquiry, enquiry_id).deadline == MON_30_9


def accepted_request(desk) -> int:
    """An interview request, accepted, ready to schedule."""
    with desk.write() as s:
        enquiry = log(s, "mon 9")
        request = routing.route_enquiry(s, who="jo", enquiry_id=enquiry.id, expert_id=1, force=True)
        interviews.accept(s, who="jo", request_id=request.id)
        return request.id


@pytest.mark.parametrize(
    ("start", "end", "field", "words"),
    [
        ("today 11:0011:20", None, "start", "'11:0011:20' is not a time of day"),
        ("-2h", None, "start", "counts back from now"),
        ("25/11 14:00", None, "start", "That was 2 days ago"),
        ("mon 9", "-10m", "end", "counts back"),
        ("mon 9", "9:25:00", "end", "is not a time of day"),
    ],
)
def test_a_misread_slot_is_never_booked(desk, start, end, field, words):
    request_id = accepted_request(desk)
    with desk.write() as s, pytest.raises(FieldError) as info:
        interviews.schedule(s, who="jo", request_id=request_id, start=start, end=end, format="radio", now=FRI_27)
    assert info.value.field == field and words in info.value.reason
    with desk.read() as s:
        request = s.get(InterviewRequest, request_id)
        assert (request.status, request.slot_start) == ("accepted", None)


def test_a_slot_end_counts_from_its_start(desk):
    request_id = accepted_request(desk)
    with desk.write() as s:
        booked = interviews.schedule(
            s, who="jo", request_id=request_id, start="mon 9", end="+20m", format="radio", now=FRI_27
        )
        assert (booked.slot_start, booked.slot_end) == (MON_30_9, MON_30_9 + timedelta(minutes=20))


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("yesterday", date(2026, 11, 26)),
        ("today", date(2026, 11, 27)),
        ("wed", date(2026, 11, 25)),
        ("25/11", date(2026, 11, 25)),
        ("2026-11-23", date(2026, 11, 23)),
        (date(2026, 11, 20), date(2026, 11, 20)),
    ],
)
def test_coverage_dates_take_everyday_words_looking_back(desk, typed, day):
    with desk.write() as s:
        row = coverage.add_coverage(s, who="jo", enquiry_id=5, headline="It ran", published_on=typed, now=FRI_27)
        assert row.published_on == day


@pytest.mark.parametrize(
    ("typed", "words"),
    [("tomorrow", "cannot be in the future"), ("1/12/2026", "in 4 days"), ("banana", "Could not read")],
)
def test_a_coverage_date_to_come_or_unreadable_is_refused(desk, typed, words):
    with desk.read() as s:
        before = rows(s)
    with desk.write() as s, pytest.raises(FieldError) as info:
        coverage.add_coverage(s, who="jo", enquiry_id=5, headline="It ran", published_on=typed, now=FRI_27)
    assert info.value.field == "date" and words in info.value.reason
    with desk.read() as s:
        assert rows(s) == before


def test_the_preview_shows_exactly_what_is_saved(desk, settings):
    backend = Backend(desk, settings, clock=lambda: FRI_27)
    shown = backend.preview_deadline("mon 9")
    enquiry_id = backend.log_call(subject="IS-K", type="comment", phone=GUARDIAN_DESK, deadline="mon 9")
    with desk.read() as s:
        saved = s.get(Enquiry, enquiry_id)
        assert saved.deadline == shown == MON_30_9
        assert saved.received_at == FRI_27

    with pytest.raises(FieldError) as refused:
        backend.preview_deadline("25/11 14:00")
    assert "That was 2 days ago" in refused.value.reason


def test_the_slot_preview_shows_the_end_as_booked(desk, settings):
    backend = Backend(desk, settings, clock=lambda: FRI_27)
    request_id = accepted_request(desk)
    start, end = backend.preview_slot("mon 9", "+20m")
    assert (start, end) == (MON_30_9, MON_30_9 + timedelta(minutes=20))
    backend.schedule_interview(request_id, start="mon 9", end="+20m", format="radio")
    with desk.read() as s:
        request = s.get(InterviewRequest, request_id)
        assert (request.slot_start, request.slot_end) == (start, end)
    with pytest.raises(FieldError) as refused:
        backend.preview_slot("today 11:0011:20")
    assert refused.value.field == "start"
