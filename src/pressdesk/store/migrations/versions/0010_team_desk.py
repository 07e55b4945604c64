"""team desk: the officers' list; on PostgreSQL the search index (pg_trgm over the folded text, kept by triggers)
and a NOTIFY at each committed change, for the other terminals

Revision ID: 0010_team_desk
Revises: 0009_release_details
Create Date: 2026-11-27 11:00:00

SQLite has had its FTS5 index since 0002. A PostgreSQL desk gets the same thing here: `pressdesk_fold` in PL/pgSQL
(unaccent and lower(), as pressdesk.store.search.index_text folds), a `search_index(rowid, body)` table with rowids
(code << 40) + id, a trigger per kind keeping it current, and a pg_trgm GIN index so substring LIKE patterns are
answered from the index. Needs the pg_trgm and unaccent extensions (PostgreSQL's contrib; trusted since 13, so a
database owner may create them). Every desk table gets a statement trigger that NOTIFYs `pressdesk_changed` with
its name (pressdesk.store.watch), so open TUIs re-read within a second, as SQLite's data_version poll makes them.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import pressdesk.models.types

from pressdesk.store.search import pg_drop_sql, pg_index_sql
from pressdesk.store.watch import pg_notify_sql, pg_unnotify_sql

revision = "0010_team_desk"
down_revision = "0009_release_details"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "officer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("initials", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
        sa.Column("created_at", pressdesk.models.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("initials"),
        sa.UniqueConstraint("name"),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in [*pg_index_sql(by_kind=False), *pg_notify_sql()]:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in [*pg_unnotify_sql(), *pg_drop_sql()]:
            op.execute(statement)
    op.drop_table("officer")
