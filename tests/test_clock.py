"""The core takes the time from its injected clock only: stood still just before or after midnight, every date it
writes, lists or suggests by is the clock's, whatever the real time is (the suite never fails across midnight)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pressdesk.core import Backend
from tests.conftest import DEMO_NOW

EVE = datetime(2026, 11, 25, 23, 59, 30, tzinfo=UTC)
"""Half a minute before midnight on a Wednesday in London (GMT in November)."""
AFTER = EVE + timedelta(minutes=1)
"""Half a minute after that midnight."""


def at(desk, settings, moment: datetime) -> Backend:
    """The core over the desk with its clock stood still at a moment."""
    return Backend(desk, settings, clock=lambda: moment)


def open_enquiry(core: Backend) -> int:
    """The id of an open enquiry of the demo desk."""
    return next(iter(core.list_enquiries(open_only=True, limit=1))).row.id


def test_a_note_is_dated_and_recorded_by_the_clock(desk, settings):
    core = at(desk, settings, EVE)
    enquiry_id = open_enquiry(core)
    core.add_note(enquiry_id, "Called back, left a message")
    detail = core.detail(enquiry_id)
    assert "[2026-11-25 23:59 UTC Test Officer] Called back, left a message" in detail.notes
    assert [h.at for h in detail.history if h.action == "note"] == [EVE]


def test_a_status_change_is_recorded_at_the_clock(desk, settings):
    core = at(desk, settings, AFTER)
    enquiry_id = open_enquiry(core)
    core.change_status(enquiry_id, "withdrawn")
    moves = [h for h in core.detail(enquiry_id).history if h.action == "status"]
    assert moves[-1].at == AFTER
    assert "withdrawn" in moves[-1].summary


def test_an_enquiry_due_at_midnight_is_overdue_only_after_midnight_by_the_clock(desk, settings):
    before = at(desk, settings, EVE)
    enquiry_id = open_enquiry(before)
    before.set_deadline(enquiry_id, "2026-11-26 00:00")
    after = at(desk, settings, AFTER)
    overdue_before = {e.row.id for e in before.list_enquiries(overdue=True, limit=None)}
    overdue_after = {e.row.id for e in after.list_enquiries(overdue=True, limit=None)}
    assert enquiry_id not in overdue_before
    assert enquiry_id in overdue_after
    assert before.count_enquiries(overdue=True) == len(overdue_before) == before.counts().overdue
    assert after.count_enquiries(overdue=True) == len(overdue_after) == after.counts().overdue


def test_suggestions_after_a_decline_are_those_routing_shows_at_the_clock(desk, settings):
    core = at(desk, settings, DEMO_NOW)
    line = next(i for i in core.interviews(status="offered") if i.enquiry_id)
    shown = core.route_suggestions(line.enquiry_id).suggestions
    declined = core.decline_interview(line.id, reason="away")
    expected = [(s.name, s.reasons) for s in shown if s.expert_id != line.expert_id]
    assert [(s.name, s.reasons) for s in declined.suggestions] == expected[: len(declined.suggestions)]
    assert declined.suggestions, "the demo desk has other experts to suggest"


def test_the_demo_desk_is_loaded_at_the_clock(empty_desk, settings):
    core = at(empty_desk, settings, EVE)
    assert core.ensure_demo()
    newest = max(e.row.received_at for e in core.list_enquiries(limit=None))
    assert EVE - timedelta(hours=1) < newest < EVE
