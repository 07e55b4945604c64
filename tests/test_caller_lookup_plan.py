"""The caller card reads the caller's latest enquiries newest first from an index, never sorting all of them."""

from __future__ import annotations

from sqlalchemy import event, text

from pressdesk.core import Backend


def test_the_callers_latest_enquiries_come_from_an_index_not_a_sort(demo_desk, settings):
    backend = Backend(demo_desk, settings)
    with demo_desk.read() as s:
        journalist_id, phone = s.execute(
            text("SELECT journalist_id, value FROM contact_point WHERE kind = 'phone' AND journalist_id IS NOT NULL")
        ).first()
    sent: list[tuple[str, object]] = []

    def seen(_conn, _cursor, statement, params, _context, _many) -> None:
        if "FROM enquiry" in statement and "ORDER BY enquiry.received_at DESC" in statement:
            sent.append((statement, params))

    event.listen(demo_desk.engine, "before_cursor_execute", seen)
    try:
        found = backend.lookup_caller(phone=phone)
    finally:
        event.remove(demo_desk.engine, "before_cursor_execute", seen)

    assert found.owner is not None and found.owner.journalist.id == journalist_id
    assert sent, "the card asks for the caller's latest enquiries"
    raw = demo_desk.engine.raw_connection()
    try:
        for statement, params in sent:
            plan = " / ".join(row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + statement, params))
            assert "ix_enquiry_journalist_recent" in plan and "TEMP B-TREE" not in plan, plan
    finally:
        raw.close()
    assert len(sent) == 1, "the caller's card is built once when the number and the save agree"


def test_a_number_typed_is_looked_up_once_and_read_once(demo_desk, settings):
    """Who has the number and who the save logs the call for are one look-up, the number read once (issue 13:
    the look-up asked the phone index twice and parsed the number twice per keystroke)."""
    from pressdesk.validation import phones

    backend = Backend(demo_desk, settings)
    with demo_desk.read() as s:
        journalist_id, raw = s.execute(
            text("SELECT journalist_id, raw FROM contact_point WHERE kind = 'phone' AND journalist_id IS NOT NULL")
        ).first()
    typed = f" {raw} "  # as the form may hold it
    phones.phone_key.cache_clear()
    asked: list[str] = []

    def seen(_conn, _cursor, statement, _params, _context, _many) -> None:
        if "contact_point.lookup_key = " in statement:
            asked.append(statement)

    event.listen(demo_desk.engine, "before_cursor_execute", seen)
    try:
        found = backend.lookup_caller(phone=typed, name="")
    finally:
        event.remove(demo_desk.engine, "before_cursor_execute", seen)

    assert found.owner is not None and found.owner.journalist.id == journalist_id and found.owner.matched_by == "phone"
    assert found.will_be is found.owner and found.refusal == ""
    assert len(asked) == 1, asked
    assert phones.phone_key.cache_info().misses == 1
