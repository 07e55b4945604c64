"""A desk's search index left in many pieces is merged into one when the desk is upgraded (issue 13: every MATCH
reads every piece; 30 pieces on the benchmark desk doubled the search's cost)."""

from __future__ import annotations

import sqlite3

from pressdesk.core import Backend
from pressdesk.store import open_desk
from pressdesk.store.migrate import HEAD, upgrade


def pieces(path) -> int:
    """How many segments the FTS5 search index is in."""
    with sqlite3.connect(path) as db:
        return db.execute("SELECT count(DISTINCT segid) FROM search_index_idx").fetchone()[0]


def test_upgrading_merges_the_search_index_and_search_still_finds_everything(new_desk_file, settings):
    path = new_desk_file("pieces.db")
    desk = open_desk(path)
    try:
        core = Backend(desk, settings)
        for n in range(3):  # each commit leaves the index one more piece, until FTS5 merges four
            core.log_call(subject=f"Flood defences briefing {n}", journalist=f"Ann Lee {n}", outlet="Daily Post")
        assert pieces(path) > 1
        with sqlite3.connect(path) as db:
            db.execute("UPDATE alembic_version SET version_num = '0011_caller_recent'")
        assert upgrade(desk).current == HEAD
        assert pieces(path) == 1
        found = {hit.title for hit in core.search("flood defences")}
        assert found == {f"Flood defences briefing {n}" for n in range(3)}
    finally:
        desk.dispose()
