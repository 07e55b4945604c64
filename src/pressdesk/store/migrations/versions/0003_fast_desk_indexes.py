"""fast desk: covering indexes for the header counts and experts' load; search rowids grouped by kind

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 05:00:00

Measured on a 1,000,000-enquiry desk (benchmarks/out/fixes-pressdesk-big.md): header counts 31 -> 4 ms,
experts with load 107 -> 1 ms, and one search per kind 24 -> 1 ms, because rowid = (code << 40) + id lets
FTS5 read one kind's rowid range instead of filtering every match.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

OPEN = "status IN ('new', 'triaged', 'routed', 'scheduled')"

# The indexed text of each kind, as in 0002; only the rowid encoding changes.
SOURCES = {
    "enquiry": (1, "coalesce(NEW.subject, '') || ' ' || coalesce(NEW.notes, '')"),
    "journalist": (2, "NEW.name || ' ' || NEW.role || ' ' || NEW.beat || ' ' || NEW.notes"),
    "expert": (
        3,
        "NEW.honorific || ' ' || NEW.name || ' ' || NEW.title || ' ' || NEW.affiliation"
        " || ' ' || NEW.topics || ' ' || NEW.notes",
    ),
    "release": (4, "NEW.title || ' ' || NEW.body"),
    "contact_point": (5, "NEW.raw || ' ' || NEW.value"),
    "outlet": (6, "NEW.name"),
    "press_contact": (7, "NEW.name || ' ' || NEW.organisation"),
}


def _triggers(rowid: str) -> None:
    """Drop the search triggers and make them again with this rowid formula (OLD./NEW. prefix added)."""
    for table, (code, body) in SOURCES.items():
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{suffix}")
        new_id = rowid.format(row="NEW", code=code)
        old_id = rowid.format(row="OLD", code=code)
        op.execute(
            f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO search_index(rowid, body) VALUES ({new_id}, {body}); END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_au AFTER UPDATE ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = {old_id}; "
            f"INSERT INTO search_index(rowid, body) VALUES ({new_id}, {body}); END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = {old_id}; END"
        )


def _rebuild(rowid: str) -> None:
    """Empty the search index and fill it again from every source table."""
    op.execute("DELETE FROM search_index")
    for table, (code, body) in SOURCES.items():
        op.execute(
            f"INSERT INTO search_index(rowid, body) SELECT {rowid.format(row='NEW', code=code)}, {body} "
            f"FROM {table} AS NEW"
        )


def upgrade() -> None:
    with op.batch_alter_table("enquiry") as batch:
        batch.create_index(
            "ix_enquiry_open_counts",
            ["status", "type", "deadline"],
            sqlite_where=sa.text(OPEN),
            postgresql_where=sa.text(OPEN),
        )
    with op.batch_alter_table("interview_request") as batch:
        batch.create_index("ix_interview_request_expert_created", ["expert_id", "created_at", "status"])
    if op.get_bind().dialect.name == "sqlite":
        rowid = "(({code} << 40) + {row}.id)"
        _triggers(rowid)
        _rebuild(rowid)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        rowid = "({row}.id * 8 + {code})"
        _triggers(rowid)
        _rebuild(rowid)
    with op.batch_alter_table("interview_request") as batch:
        batch.drop_index("ix_interview_request_expert_created")
    with op.batch_alter_table("enquiry") as batch:
        batch.drop_index("ix_enquiry_open_counts", sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN))
