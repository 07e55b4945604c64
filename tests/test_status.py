"""The one state machine for enquiry status, and the services that go through it."""

from __future__ import annotations

import pytest

from pressdesk.errors import ConflictError, IllegalMove
from pressdesk.models import EnquiryStatus as S
from pressdesk.models.lifecycle import ENQUIRY
from pressdesk.services import enquiries, queries

MOVES, allowed_moves, check_move = ENQUIRY.moves, ENQUIRY.allowed_moves, ENQUIRY.check

LEGAL = [
    ("new", "triaged"),
    ("triaged", "routed"),
    ("routed", "scheduled"),
    ("scheduled", "done"),
    ("new", "declined"),
    ("triaged", "withdrawn"),
    ("done", "triaged"),
    ("declined", "triaged"),
]
ILLEGAL = [
    ("new", "scheduled"),
    ("done", "scheduled"),
    ("withdrawn", "done"),
    ("declined", "routed"),
    ("scheduled", "new"),
    ("done", "new"),
]


@pytest.mark.parametrize(("src", "dst"), LEGAL)
def test_legal_moves(src, dst):
    assert check_move(src, dst) == S(dst)


@pytest.mark.parametrize(("src", "dst"), ILLEGAL)
def test_illegal_moves_say_what_is_allowed(src, dst):
    with pytest.raises(IllegalMove) as err:
        check_move(src, dst)
    assert f"cannot go from {src} to {dst}" in err.value.message
    for option in allowed_moves(src):
        assert option.value in err.value.message


def test_every_status_has_a_way_forward_and_unknown_is_refused():
    assert set(MOVES) == set(S)
    with pytest.raises(IllegalMove, match="not a status"):
        check_move("new", "lost")
    with pytest.raises(IllegalMove, match="already new"):
        check_move("new", "new")


def test_change_status_records_history_and_bumps_version(demo_desk):
    with demo_desk.read() as s:
        row = queries.list_enquiries(s, status="new", limit=1)[0]
    with demo_desk.write() as s:
        enquiries.change_status(s, who="Priya Shah", enquiry_id=row.id, to="triaged", expected_version=row.version)
    with demo_desk.read() as s:
        fresh = queries.get_enquiry(s, row.id)
        last = queries.history(s, enquiry_id=row.id)[-1]
    assert fresh.status == "triaged" and fresh.version == row.version + 1
    assert last.who == "Priya Shah" and "new → triaged" in last.summary


def test_stale_version_refused_naming_who_changed_it(demo_desk):
    with demo_desk.read() as s:
        row = queries.list_enquiries(s, status="new", limit=1)[0]
    with demo_desk.write() as s:
        enquiries.assign(s, who="Tom Becker", enquiry_id=row.id, officer="Tom Becker", expected_version=row.version)
    with pytest.raises(ConflictError) as err, demo_desk.write() as s:
        enquiries.change_status(s, who="Priya Shah", enquiry_id=row.id, to="triaged", expected_version=row.version)
    assert "changed by Tom Becker while you were editing" in err.value.message
    with demo_desk.read() as s:
        assert queries.get_enquiry(s, row.id).status == "new"


def test_notes_append_without_conflict(demo_desk):
    with demo_desk.read() as s:
        row = queries.list_enquiries(s, status="new", limit=1)[0]
    with demo_desk.write() as s:
        enquiries.add_note(s, who="Tom", enquiry_id=row.id, text="Called back, \x1b[31mleft voicemail\n\tline two")
    with demo_desk.read() as s:
        detail = queries.enquiry_detail(s, row.id)
    assert "left voicemail\n\tline two" in detail.notes and "\x1b" not in detail.notes
    assert detail.row.version == row.version
