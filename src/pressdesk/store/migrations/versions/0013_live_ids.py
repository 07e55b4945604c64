"""live ids: on PostgreSQL the tables a desk row is read from name the enquiries each commit changed

Revision ID: 0013_live_ids
Revises: 0012_search_merged
Create Date: 2026-11-27 16:40:00

Since 0010 every desk table NOTIFYs `pressdesk_changed` with its name, and an open TUI re-reads its whole page on
any change. Here enquiry, interview_request, journalist, outlet and expert get a statement trigger per event with
its transition table (PostgreSQL allows transition tables on single-event triggers only), sending `enquiry:12,13`:
the other terminals re-read those rows alone. A statement or transaction touching more than LIVE_IDS enquiries (a
bulk import, `db copy`) sends the table's name alone, once (NOTIFY folds the same payload within a transaction), and
so does a new name on a journalist, outlet or expert (it shows on many rows). SQLite: nothing (its data_version
says only that something changed).
"""

from __future__ import annotations

from alembic import op

from pressdesk.store.watch import pg_ids_sql, pg_unids_sql

revision = "0013_live_ids"
down_revision = "0012_search_merged"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The row tables' id-naming triggers (PostgreSQL)."""
    if op.get_bind().dialect.name == "postgresql":
        for statement in pg_ids_sql():
            op.execute(statement)


def downgrade() -> None:
    """Back to 0010's table-name triggers (PostgreSQL)."""
    if op.get_bind().dialect.name == "postgresql":
        for statement in pg_unids_sql():
            op.execute(statement)
