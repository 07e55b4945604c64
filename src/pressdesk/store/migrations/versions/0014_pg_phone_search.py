"""pg phone search: the PostgreSQL search index split into one partition per kind (SQLite: nothing)

Revision ID: 0014_pg_phone_search
Revises: 0013_live_ids
Create Date: 2026-11-27 16:45:00

A phone fragment typed into search ("072") took ~75 ms a keystroke on a 100k server desk, against ~3 ms on SQLite.
Its trigram is in 0.7 % of the index's rows, nearly all of them phone numbers, but the planner's statistics cover the
whole table: asked for the 32 newest enquiries matching, it expected a match every ~140 enquiry rows, walked their
primary key backwards, and read all 100,140 of them to find none (`EXPLAIN (ANALYZE, BUFFERS)`: 70 ms, "Rows Removed
by Filter: 100140"). With one partition per kind (the rowid ranges of migration 0003), a kind's look-up reads only its
partition, planned from that partition's own statistics: the enquiries' say "072" is rare there, so the trigram index
answers (0.1 ms), while the contact points' say it is common, so their newest matches are walked in order as before.
The rows are copied across in one transaction and the trigram index is built again (about a minute on a 1M desk).
"""

from __future__ import annotations

from alembic import op

from pressdesk.store.search import pg_relayout_sql

revision = "0014_pg_phone_search"
down_revision = "0013_live_ids"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Move the PostgreSQL index into a partition per kind (SQLite's FTS5 index is left as it is)."""
    if op.get_bind().dialect.name == "postgresql":
        for statement in pg_relayout_sql(by_kind=True):
            op.execute(statement)


def downgrade() -> None:
    """Move the PostgreSQL index back into one table."""
    if op.get_bind().dialect.name == "postgresql":
        for statement in pg_relayout_sql(by_kind=False):
            op.execute(statement)
