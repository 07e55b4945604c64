"""The demo desk's history agrees with its statuses, so its reports show real response and closing times."""

from __future__ import annotations

import json

from sqlmodel import select

from pressdesk.models import Activity, Enquiry, InterviewRequest
from tests.conftest import DEMO_NOW

CLOSED = {"done", "declined", "withdrawn"}


def _moves(session, enquiry_id: int) -> list[tuple]:
    """The enquiry's status rows, oldest first: (at, from, to)."""
    rows = session.exec(
        select(Activity).where(Activity.enquiry_id == enquiry_id, Activity.action == "status").order_by(Activity.id)
    ).all()
    return [(a.at, *json.loads(a.changes)["status"]) for a in rows]


def test_every_enquiry_past_new_has_its_moves_in_the_history_at_plausible_times(desk):
    with desk.read() as s:
        for enquiry in s.exec(select(Enquiry)).all():
            moves = _moves(s, enquiry.id)
            if enquiry.status == "new":
                assert moves == [], enquiry.subject
                continue
            assert moves, f"{enquiry.subject}: {enquiry.status} without a move"
            assert moves[0][1] == "new" and moves[-1][2] == enquiry.status, enquiry.subject
            assert all(a[2] == b[1] for a, b in zip(moves, moves[1:], strict=False)), (
                "each move starts where the last ended"
            )
            times = [m[0] for m in moves]
            assert enquiry.received_at < times[0] and times == sorted(times) and times[-1] < DEMO_NOW


def test_the_stored_times_are_the_ones_in_the_history(desk):
    with desk.read() as s:
        for enquiry in s.exec(select(Enquiry)).all():
            moves = _moves(s, enquiry.id)
            notes = s.exec(
                select(Activity.at).where(Activity.enquiry_id == enquiry.id, Activity.action == "note")
            ).all()
            answered = sorted([m[0] for m in moves] + list(notes))
            assert enquiry.first_response_at == (answered[0] if answered else None), enquiry.subject
            assert enquiry.closed_at == (moves[-1][0] if enquiry.status in CLOSED else None), enquiry.subject


def test_the_demo_answers_some_enquiries_late_and_misses_some_deadlines(desk):
    with desk.read() as s:
        rows = s.exec(select(Enquiry.status, Enquiry.deadline, Enquiry.first_response_at, Enquiry.closed_at)).all()
    missed = [e for e in rows if e.deadline and e.closed_at and e.closed_at > e.deadline]
    met = [e for e in rows if e.deadline and e.closed_at and e.closed_at <= e.deadline]
    still_new_but_answered = [e for e in rows if e.status == "new" and e.first_response_at]
    assert missed and met, "a report of the demo desk shows both"
    assert still_new_but_answered, "a call-back note answers an enquiry before anyone moves it"


def test_interviews_of_closed_demo_enquiries_are_settled_before_they_close(desk):
    with desk.read() as s:
        pairs = s.exec(select(Enquiry.status, InterviewRequest.status).join(InterviewRequest)).all()
    assert ("done", "done") in pairs
    assert all(request != "offered" or enquiry in ("routed",) for enquiry, request in pairs)


def test_some_done_demo_enquiries_have_coverage_so_the_report_shows_it(desk):
    from pressdesk.models import Coverage

    with desk.read() as s:
        pieces = s.exec(select(Enquiry.status, Coverage.published_on, Coverage.url).join(Coverage)).all()
    assert len(pieces) == 4 and {status for status, _, _ in pieces} == {"done"}
    assert all(day is not None and day <= DEMO_NOW.date() for _, day, _ in pieces)
