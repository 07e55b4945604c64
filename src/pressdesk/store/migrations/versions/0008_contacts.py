"""contacts: archived people, labelled contact points, duplicate review and not-duplicate pairs, media lists

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 09:10:00

Journalists and experts get `archived_at` (hidden from look-up, suggestions and routing, kept for history).
`duplicate_review` holds pairs an import could not decide; `not_duplicate` pairs an officer said are two people,
never suggested again. `media_list` and `media_list_member` hold named lists of journalists. contact_point.label
has been there since 0001. Nothing here is in the search index (beats were indexed from 0002 on).
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import pressdesk.models.types

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("journalist", sa.Column("archived_at", pressdesk.models.types.UTCDateTime(), nullable=True))
    op.add_column("expert", sa.Column("archived_at", pressdesk.models.types.UTCDateTime(), nullable=True))
    op.create_table(
        "not_duplicate",
        sa.Column("entity", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("low_id", sa.Integer(), nullable=False),
        sa.Column("high_id", sa.Integer(), nullable=False),
        sa.Column("at", pressdesk.models.types.UTCDateTime(), nullable=False),
        sa.Column("who", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.PrimaryKeyConstraint("entity", "low_id", "high_id"),
    )
    op.create_table(
        "duplicate_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("low_id", sa.Integer(), nullable=False),
        sa.Column("high_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("found_by", sqlmodel.sql.sqltypes.AutoString(length=400), nullable=False),
        sa.Column("at", pressdesk.models.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("entity", "low_id", "high_id", name="uq_duplicate_review_pair"),
    )
    op.create_table(
        "media_list",
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", pressdesk.models.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", pressdesk.models.types.UTCDateTime(), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("name_key", sqlmodel.sql.sqltypes.AutoString(length=400), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("built_from", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name_key"),
    )
    op.create_table(
        "media_list_member",
        sa.Column("media_list_id", sa.Integer(), nullable=False),
        sa.Column("journalist_id", sa.Integer(), nullable=False),
        sa.Column("added_at", pressdesk.models.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["journalist_id"], ["journalist.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["media_list_id"], ["media_list.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("media_list_id", "journalist_id"),
    )
    op.create_index("ix_media_list_member_journalist_id", "media_list_member", ["journalist_id"])


def downgrade() -> None:
    op.drop_index("ix_media_list_member_journalist_id", table_name="media_list_member")
    op.drop_table("media_list_member")
    op.drop_table("media_list")
    op.drop_table("duplicate_review")
    op.drop_table("not_duplicate")
    op.drop_column("expert", "archived_at")  # SQLite 3.35+ drops a column in place, keeping the table's triggers
    op.drop_column("journalist", "archived_at")
