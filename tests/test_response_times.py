"""Response and closing times are facts from the history: the first move out of new (or first note), the close."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlmodel import select

from pressdesk.models import Activity, Enquiry
from pressdesk.models.inputs import EnquiryCreate
from pressdesk.services import enquiries
from pressdesk.store import open_desk
from pressdesk.store.migrate import upgrade

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def log(session, minutes: int = 0, subject: str = "Comment on rail strikes") -> int:
    """Log an enquiry at T0 + minutes; its id."""
    row = enquiries.log_enquiry(
        session,
        EnquiryCreate(subject=subject, journalist="Sam Reid", outlet="The Times"),
        who="Ann",
        region="GB",
        tz="Europe/London",
        now=T0 + timedelta(minutes=minutes),
    )
    session.flush()
    return row.id


def times(desk, enquiry_id: int) -> tuple[datetime | None, datetime | None]:
    """The stored (first_response_at, closed_at) of an enquiry."""
    with desk.read() as s:
        row = s.get(Enquiry, enquiry_id)
        return row.first_response_at, row.closed_at


def test_a_new_enquiry_has_neither_time(empty_desk):
    with empty_desk.write() as s:
        eid = log(s)
    assert times(empty_desk, eid) == (None, None)


def test_the_first_move_out_of_new_is_the_first_response_and_a_close_is_the_closing_time(empty_desk):
    with empty_desk.write() as s:
        eid = log(s)
        enquiries.change_status(s, who="Ann", enquiry_id=eid, to="triaged", now=T0 + timedelta(minutes=12))
        enquiries.change_status(s, who="Ann", enquiry_id=eid, to="done", now=T0 + timedelta(minutes=95))
    assert times(empty_desk, eid) == (T0 + timedelta(minutes=12), T0 + timedelta(minutes=95))
    with empty_desk.read() as s:
        moves = s.exec(select(Activity.at).where(Activity.enquiry_id == eid, Activity.action == "status")).all()
    assert sorted(moves) == [T0 + timedelta(minutes=12), T0 + timedelta(minutes=95)]


def test_a_note_on_a_new_enquiry_is_its_first_response_and_later_moves_do_not_replace_it(empty_desk):
    with empty_desk.write() as s:
        eid = log(s)
        enquiries.add_note(
            s, who="Ann", enquiry_id=eid, text="Called back: expert free at 3", now=T0 + timedelta(minutes=7)
        )
        enquiries.change_status(s, who="Ann", enquiry_id=eid, to="triaged", now=T0 + timedelta(minutes=30))
    assert times(empty_desk, eid) == (T0 + timedelta(minutes=7), None)


def test_reopening_clears_the_closing_time_and_closing_again_sets_the_new_one(empty_desk):
    with empty_desk.write() as s:
        eid = log(s)
        enquiries.change_status(s, who="Ann", enquiry_id=eid, to="declined", now=T0 + timedelta(minutes=20))
        enquiries.change_status(s, who="Ann", enquiry_id=eid, to="triaged", now=T0 + timedelta(minutes=40))
    assert times(empty_desk, eid) == (T0 + timedelta(minutes=20), None)
    with empty_desk.write() as s:
        enquiries.change_status(s, who="Ann", enquiry_id=eid, to="done", now=T0 + timedelta(minutes=80))
    assert times(empty_desk, eid) == (T0 + timedelta(minutes=20), T0 + timedelta(minutes=80))


def test_a_refused_move_leaves_both_times_as_they_were(empty_desk):
    from pressdesk.errors import IllegalMove

    with empty_desk.write() as s:
        eid = log(s)
    with pytest.raises(IllegalMove), empty_desk.write() as s:
        enquiries.change_status(s, who="Ann", enquiry_id=eid, to="scheduled", now=T0 + timedelta(minutes=5))
    assert times(empty_desk, eid) == (None, None)


def _stamp(moment: datetime) -> str:
    """A moment as the desk stores it in SQLite (naive UTC with microseconds)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _insert_history(conn, eid: int, status: str, rows: list[tuple[int, str, str, dict | None]]) -> None:
    """An enquiry as a 0005 desk held it, received at T0, with history rows (minutes, who, action, changes)."""
    stamp = _stamp(T0)
    conn.execute(
        text(
            "INSERT INTO enquiry (id, version, created_at, updated_at, updated_by, received_at, channel, type, "
            "subject, priority, status, officer, notes) VALUES (:id, 1, :t, :t, 'x', :t, 'phone', 'comment', "
            "'Old enquiry', 'normal', :status, '', '')"
        ),
        {"id": eid, "t": stamp, "status": status},
    )
    for minutes, who, action, changes in [(0, "Ann", "create", None), *rows]:
        conn.execute(
            text(
                "INSERT INTO activity (at, who, action, entity, entity_id, enquiry_id, summary, changes) "
                "VALUES (:at, :who, :action, 'enquiry', :id, :id, '', :changes)"
            ),
            {
                "at": _stamp(T0 + timedelta(minutes=minutes)),
                "who": who,
                "action": action,
                "id": eid,
                "changes": json.dumps(changes) if changes else "",
            },
        )


def test_the_migration_fills_both_times_from_the_history_of_an_older_desk(tmp_path):
    desk = open_desk(tmp_path / "old.db", migrate=False)
    upgrade(desk, "0005")
    with desk.engine.begin() as conn:
        _insert_history(conn, 1, "new", [])
        _insert_history(
            conn,
            2,
            "done",
            [
                (15, "Ann", "status", {"status": ["new", "triaged"]}),
                (60, "Ann", "status", {"status": ["triaged", "done"]}),
            ],
        )
        _insert_history(
            conn, 3, "triaged", [(5, "Ann", "note", None), (20, "Ann", "status", {"status": ["new", "triaged"]})]
        )
        _insert_history(
            conn,
            4,
            "withdrawn",
            [
                (10, "Ann", "status", {"status": ["new", "done"]}),
                (30, "Ann", "status", {"status": ["done", "triaged"]}),
                (90, "Ann", "status", {"status": ["triaged", "withdrawn"]}),
            ],
        )
        _insert_history(
            conn,
            5,
            "triaged",
            [
                (8, "Ann", "status", {"status": ["new", "declined"]}),
                (25, "Ann", "status", {"status": ["declined", "triaged"]}),
            ],
        )
        _insert_history(conn, 6, "done", [])  # closed before the desk kept history: unknown, not guessed
        _insert_history(conn, 7, "new", [(3, "Ann", "assign", {"officer": ["", "Ann"]})])
    upgrade(desk)
    expected = {
        1: (None, None),
        2: (T0 + timedelta(minutes=15), T0 + timedelta(minutes=60)),
        3: (T0 + timedelta(minutes=5), None),
        4: (T0 + timedelta(minutes=10), T0 + timedelta(minutes=90)),
        5: (T0 + timedelta(minutes=8), None),
        6: (None, None),
        7: (None, None),
    }
    assert {eid: times(desk, eid) for eid in expected} == expected
    desk.dispose()
