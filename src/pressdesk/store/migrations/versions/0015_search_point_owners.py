"""search point owners: experts' and press contacts' phones and emails indexed in their own rowid ranges (SQLite only)

Revision ID: 0015_search_point_owners
Revises: 0014_pg_phone_search
Create Date: 2026-11-28 00:20:00

Every contact point was indexed at (5 << 40) + id, whoever owned it, so the search box looked for an expert's or press
contact's email among the 1,000 newest matching phones and emails of anyone: on a desk where 1,000 journalists' emails
newer than the expert's share its domain, the expert was never found. Now an expert's point is at rowid id and a press
contact's at (1 << 39) + id, below every kind's range (journalists' stay at (5 << 40) + id; store.search.POINT_RANGES
says why below), the triggers write each point under its owner's range, and each kind of person's points are searched
among their own. Only the experts' and press contacts' rows move (600 on the 1,000,000-enquiry benchmark desk).
PostgreSQL keeps its one contact_point partition.
"""

from __future__ import annotations

from alembic import op

from pressdesk.store.search import FOLD_FUNCTION, register

revision = "0015_search_point_owners"
down_revision = "0014_pg_phone_search"
branch_labels = None
depends_on = None

INDEXED = f"{FOLD_FUNCTION}(NEW.raw || ' ' || NEW.value)"


def _rowid(row: str, *, by_owner: bool) -> str:
    """A contact point's rowid: in its owner's range, or (before) under contact_point's code 5 for every owner."""
    if not by_owner:
        return f"((5 << 40) + {row}.id)"
    return (
        f"(CASE WHEN {row}.expert_id IS NOT NULL THEN 0 WHEN {row}.press_contact_id IS NOT NULL THEN {1 << 39} "
        f"ELSE {5 << 40} END + {row}.id)"
    )


def _relayout(*, by_owner: bool) -> None:
    """Triggers writing the new layout, and the experts' and press contacts' rows moved into it."""
    for suffix in ("ai", "au", "ad"):
        op.execute(f"DROP TRIGGER IF EXISTS search_contact_point_{suffix}")
    new_id, old_id = _rowid("NEW", by_owner=by_owner), _rowid("OLD", by_owner=by_owner)
    op.execute(
        "CREATE TRIGGER search_contact_point_ai AFTER INSERT ON contact_point BEGIN "
        f"INSERT INTO search_index(rowid, body) VALUES ({new_id}, {INDEXED}); END"
    )
    op.execute(
        "CREATE TRIGGER search_contact_point_au AFTER UPDATE ON contact_point BEGIN "
        f"DELETE FROM search_index WHERE rowid = {old_id}; "
        f"INSERT INTO search_index(rowid, body) VALUES ({new_id}, {INDEXED}); END"
    )
    op.execute(
        "CREATE TRIGGER search_contact_point_ad AFTER DELETE ON contact_point BEGIN "
        f"DELETE FROM search_index WHERE rowid = {old_id}; END"
    )
    was = _rowid("NEW", by_owner=not by_owner)
    op.execute(
        f"DELETE FROM search_index WHERE rowid IN (SELECT {was} FROM contact_point AS NEW WHERE journalist_id IS NULL)"
    )
    op.execute(
        f"INSERT INTO search_index(rowid, body) SELECT {new_id}, {INDEXED} FROM contact_point AS NEW "
        "WHERE journalist_id IS NULL"
    )


def _fold_callable(driver) -> None:
    """Make sure the fold is callable from SQL: a desk's engine registers it on every connection (registering it again
    there fails while the migration's statements are open); a bare engine has not."""
    import sqlite3

    try:
        driver.execute(f"SELECT {FOLD_FUNCTION}('')").fetchall()
    except sqlite3.OperationalError:
        register(driver)


def upgrade() -> None:
    """Index experts' and press contacts' phones and emails under their own codes (SQLite)."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        _fold_callable(bind.connection.driver_connection)
        _relayout(by_owner=True)


def downgrade() -> None:
    """Every contact point back under code 5 (SQLite)."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        _fold_callable(bind.connection.driver_connection)
        _relayout(by_owner=False)
