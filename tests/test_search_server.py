"""The search index on a PostgreSQL server: each kind looked up among its own rows, planned from its own statistics."""

from __future__ import annotations

import json

import pytest
from alembic import command
from sqlalchemy import event, text

from pressdesk.store import open_desk
from pressdesk.store.migrate import HEAD, alembic_config, current_revision
from pressdesk.store.search import CODES, SHIFT, ranked_ids
from tests.backends import new_server_desk

pytestmark = pytest.mark.backend

NUMBERS = 3000
"""Phone numbers and enquiries put in the index: enough for the planner to tell a rare pattern from a common one."""


@pytest.fixture
def server_url(tmp_path):
    """A new desk at the newest schema on the PostgreSQL server (skipped, saying why, without one)."""
    with new_server_desk(tmp_path) as url:
        yield url


def _fill_index(desk) -> None:
    """NUMBERS phone numbers all holding "072", and as many enquiries holding no digit, as the index rows they make."""
    point, enquiry = CODES["contact_point"] << SHIFT, CODES["enquiry"] << SHIFT
    with desk.write() as s:
        s.execute(
            text(
                "INSERT INTO search_index(rowid, body) SELECT :point + n, ' 07200 ' || lpad(n::text, 6, '0') || "
                "' 447200' || lpad(n::text, 6, '0') || ' ' FROM generate_series(1, :n) AS n"
            ),
            {"point": point, "n": NUMBERS},
        )
        s.execute(
            text(
                "INSERT INTO search_index(rowid, body) SELECT :enquiry + n, ' flood defences on the oder who pays ' "
                "FROM generate_series(1, :n) AS n"
            ),
            {"enquiry": enquiry, "n": NUMBERS},
        )
    with desk.engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE search_index"))


def _rows_read(plan: dict) -> int:
    """Index rows a plan node and those under it read and threw away, as EXPLAIN ANALYZE counts them."""
    removed = plan.get("Rows Removed by Filter", 0) + plan.get("Rows Removed by Index Recheck", 0)
    return removed + sum(_rows_read(child) for child in plan.get("Plans", []))


def _looked_up(desk, kind: str, typed: str, limit: int):
    """ranked_ids of one kind, and the index rows its statement read to answer (from EXPLAIN ANALYZE of it)."""
    sent = []

    def seen(_conn, _cursor, statement, params, _context, _many) -> None:
        sent.append((statement, params))

    event.listen(desk.engine, "before_cursor_execute", seen)
    try:
        with desk.read() as s:
            found = ranked_ids(s, kind, typed, limit=limit)
    finally:
        event.remove(desk.engine, "before_cursor_execute", seen)
    [(statement, params)] = sent
    with desk.engine.connect() as conn:
        plan = conn.exec_driver_sql(f"EXPLAIN (ANALYZE, FORMAT JSON) {statement}", params).scalar_one()
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return found, _rows_read(plan[0]["Plan"])


def test_postgresql_a_phone_fragment_is_not_looked_for_by_reading_every_enquiry(server_url):
    """ "072" is in half the index's rows (every phone number) and in no enquiry: asked for the newest enquiries
    holding it, the server must not walk all of them expecting one every other row."""
    desk = open_desk(server_url)
    try:
        _fill_index(desk)
        found, read = _looked_up(desk, "enquiry", "072", 32)
        assert found.ids == []
        assert read < NUMBERS / 10, f"read {read} enquiry index rows to find none"
        points, _ = _looked_up(desk, "contact_point", "072", 32)
        assert points.at_word_starts == list(range(NUMBERS, NUMBERS - 32, -1))  # the newest numbers, at a word start
    finally:
        desk.dispose()


def test_postgresql_index_moves_into_a_partition_per_kind_and_back_keeping_every_row(server_url):
    desk = open_desk(server_url)
    try:
        _fill_index(desk)

        def layout() -> tuple[str, int, int]:
            with desk.read() as s:
                kind = s.execute(text("SELECT relkind FROM pg_class WHERE relname = 'search_index'")).scalar_one()
                parts = s.execute(
                    text("SELECT count(*) FROM pg_inherits WHERE inhparent = 'search_index'::regclass")
                ).scalar_one()
                return kind, parts, s.execute(text("SELECT count(*) FROM search_index")).scalar_one()

        assert current_revision(desk) == HEAD
        assert layout() == ("p", len(CODES), 2 * NUMBERS)
        newest = _looked_up(desk, "contact_point", "07200 0029", 5)[0]
        command.downgrade(alembic_config(desk), "0012_search_merged")
        assert layout() == ("r", 0, 2 * NUMBERS)
        assert _looked_up(desk, "contact_point", "07200 0029", 5)[0] == newest
        command.upgrade(alembic_config(desk), "head")
        assert layout() == ("p", len(CODES), 2 * NUMBERS)
        assert _looked_up(desk, "contact_point", "07200 0029", 5)[0] == newest
        assert newest.at_word_starts[:2] == [2999, 2998]
    finally:
        desk.dispose()
