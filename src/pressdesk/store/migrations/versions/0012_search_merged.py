"""search merged: the search index's segments merged into one, once (SQLite only)

Revision ID: 0012_search_merged
Revises: 0011_caller_recent
Create Date: 2026-11-27 14:05:00

Every FTS5 MATCH reads each of the index's segments. A desk whose index was filled in bulk (migration 0004's
refill, a big import, the benchmark's desk) keeps tens of them: 30 on the 1,000,000-enquiry benchmark desk, where
one search runs 22 MATCHes. Merging them (FTS5 'optimize', as `db check --repair` already does after a rebuild)
halved the search's CPU there (12-15 ms to 6-7 ms for "smith") and took 9 s. Rows added afterwards go through
FTS5's own automerge as before.
"""

from __future__ import annotations

from alembic import op

revision = "0012_search_merged"
down_revision = "0011_caller_recent"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Merge the search index's segments (SQLite; the server desk's pg_trgm index has none)."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")


def downgrade() -> None:
    """Nothing to undo: the index holds the same rows."""
