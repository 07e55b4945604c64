"""Saving a call sends only the statements it needs (issue 13: save a call, p95 on the 1M desk)."""

from __future__ import annotations

from sqlalchemy import event, text

from pressdesk.core import Backend


def statements_of(desk, call) -> list[str]:
    """The SQL statements `call()` sends to the desk, in order."""
    sent: list[str] = []

    def seen(_conn, _cursor, statement, _params, _context, _many) -> None:
        sent.append(" ".join(statement.split()))

    event.listen(desk.engine, "before_cursor_execute", seen)
    try:
        call()
    finally:
        event.remove(desk.engine, "before_cursor_execute", seen)
    return sent


def test_a_call_for_a_journalist_picked_on_the_desk_reads_none_of_their_numbers(demo_desk, settings):
    backend = Backend(demo_desk, settings)
    with demo_desk.read() as s:
        journalist_id = s.execute(
            text("SELECT journalist_id FROM contact_point WHERE journalist_id IS NOT NULL")
        ).scalar()
    saved: list[int] = []

    sent = statements_of(
        demo_desk, lambda: saved.append(backend.log_call(subject="Flood defences", journalist_id=journalist_id))
    )

    assert not [s for s in sent if s.startswith("SELECT") and "FROM contact_point" in s], sent
    with demo_desk.read() as s:
        row = s.execute(text("SELECT journalist_id, subject FROM enquiry WHERE id = :id"), {"id": saved[0]}).one()
    assert tuple(row) == (journalist_id, "Flood defences")


def test_a_number_typed_with_the_call_is_still_added_to_the_journalist(demo_desk, settings):
    backend = Backend(demo_desk, settings)
    with demo_desk.read() as s:
        journalist_id = s.execute(text("SELECT id FROM journalist ORDER BY id LIMIT 1")).scalar()
    backend.log_call(subject="Flood defences", journalist_id=journalist_id, phone="+44 7911 123456")
    with demo_desk.read() as s:
        numbers = s.execute(
            text("SELECT value FROM contact_point WHERE journalist_id = :j AND kind = 'phone'"), {"j": journalist_id}
        ).scalars()
        assert "+447911123456" in list(numbers)
