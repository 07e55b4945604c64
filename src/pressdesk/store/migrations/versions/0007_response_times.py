"""response times: each enquiry keeps when the desk first answered it and when it closed, filled from its history

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 12:00:00

Reports ask for minutes to first response and deadlines met across up to 1,000,000 enquiries; reading them out of
the history at every query would mean a GROUP BY over every activity row. So the two facts are stored on the
enquiry, kept by pressdesk.services.enquiries in the same transaction as the change, and filled here in one pass
over the history:

- first_response_at: the first `status` row (the first move is always out of `new`: no move leads back to it)
  or the first `note` row, whichever came first;
- closed_at: for an enquiry now done, declined or withdrawn, its last `status` row (the move that closed it).

An enquiry closed before the desk kept history (no status row) keeps both empty: unknown, not guessed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

CLOSED = "('done', 'declined', 'withdrawn')"

BACKFILL = f"""
UPDATE enquiry
SET first_response_at = history.first_response,
    closed_at = CASE WHEN enquiry.status IN {CLOSED} THEN history.last_move END
FROM (
    SELECT enquiry_id,
           min(at) AS first_response,
           max(CASE WHEN action = 'status' THEN at END) AS last_move
    FROM activity
    WHERE entity = 'enquiry' AND action IN ('status', 'note') AND enquiry_id IS NOT NULL
    GROUP BY enquiry_id
) AS history
WHERE history.enquiry_id = enquiry.id
"""


def _without_triggers(table: str, sql: str) -> None:
    """Run an update with the table's SQLite triggers set aside (the new columns are not in the search index)."""
    bind = op.get_bind()
    triggers: list[tuple[str, str]] = []
    if bind.dialect.name == "sqlite":
        triggers = list(
            bind.execute(
                sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"), {"t": table}
            )
        )
        for name, _sql in triggers:
            bind.execute(sa.text(f'DROP TRIGGER "{name}"'))
    bind.execute(sa.text(sql))
    for _name, trigger_sql in triggers:
        bind.execute(sa.text(trigger_sql))


def upgrade() -> None:
    op.add_column("enquiry", sa.Column("first_response_at", sa.DateTime(), nullable=True))
    op.add_column("enquiry", sa.Column("closed_at", sa.DateTime(), nullable=True))
    _without_triggers("enquiry", BACKFILL)
    op.create_index("ix_enquiry_closed_at", "enquiry", ["closed_at"])


def downgrade() -> None:
    op.drop_index("ix_enquiry_closed_at", table_name="enquiry")
    op.drop_column("enquiry", "closed_at")  # SQLite 3.35+ drops a column in place, keeping the table's triggers
    op.drop_column("enquiry", "first_response_at")
