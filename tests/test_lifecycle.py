"""The vocabularies' groupings and the two state machines the services and the faces ask (pressdesk.models)."""

from __future__ import annotations

import pytest

from pressdesk.errors import IllegalMove
from pressdesk.models.enums import (
    CLOSED_STATUSES,
    COUNTED_REQUESTS,
    LIVE_REQUESTS,
    OPEN_STATUSES,
    SAID_YES,
    EnquiryStatus,
    InterviewStatus,
)
from pressdesk.models.lifecycle import ENQUIRY, INTERVIEW, enquiry_follows, enquiry_route

E, R = EnquiryStatus, InterviewStatus


def test_open_and_closed_enquiries_split_every_status_once():
    assert set(OPEN_STATUSES) | set(CLOSED_STATUSES) == set(E)
    assert not set(OPEN_STATUSES) & set(CLOSED_STATUSES)
    assert all(ENQUIRY.allowed_moves(s) == (E.TRIAGED,) for s in CLOSED_STATUSES), "closed ones only reopen"


def test_live_requests_are_those_with_moves_left_and_counted_adds_the_held_ones():
    assert set(LIVE_REQUESTS) == {s for s in R if INTERVIEW.allowed_moves(s)}
    assert set(COUNTED_REQUESTS) == set(LIVE_REQUESTS) | {R.DONE}
    assert set(SAID_YES) == {R.ACCEPTED, R.SCHEDULED, R.DONE}


@pytest.mark.parametrize(
    ("now", "target", "route"),
    [
        ("new", "scheduled", (E.ROUTED, E.SCHEDULED)),
        ("triaged", "scheduled", (E.ROUTED, E.SCHEDULED)),
        ("scheduled", "triaged", (E.ROUTED, E.TRIAGED)),  # never through done and a reopening
        ("routed", "scheduled", (E.SCHEDULED,)),
        ("scheduled", "scheduled", ()),
        ("done", "scheduled", ()),  # a closed enquiry is not dragged back by its interviews
    ],
)
def test_an_enquiry_follows_its_interviews_by_allowed_moves_through_open_statuses(now, target, route):
    path = enquiry_route(now, target)
    assert path == route
    for before, after in zip((E(now), *path), path, strict=False):
        assert ENQUIRY.can_move(before, after)


@pytest.mark.parametrize(
    ("requests", "status"),
    [
        ({"scheduled", "declined"}, E.SCHEDULED),
        ({"offered", "declined"}, E.ROUTED),
        ({"accepted"}, E.ROUTED),
        ({"declined", "cancelled"}, E.TRIAGED),
        ({"done", "cancelled"}, None),
    ],
)
def test_the_enquiry_status_its_requests_call_for(requests, status):
    assert enquiry_follows(requests) == status


def test_request_refusals_say_what_can_happen_next():
    with pytest.raises(IllegalMove, match="From offered it can go to: accepted, declined, cancelled. Accept it first"):
        INTERVIEW.check("offered", R.SCHEDULED)
    with pytest.raises(IllegalMove, match="nothing: it is closed"):
        INTERVIEW.check("done", R.CANCELLED)
    assert INTERVIEW.check("scheduled", R.SCHEDULED) == R.SCHEDULED, "a reschedule"
