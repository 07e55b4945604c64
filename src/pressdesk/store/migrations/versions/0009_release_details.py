"""release details: who issued a release, its place and embargo zone, contacts' roles, how experts were named

Revision ID: 0009_release_details
Revises: 0008
Create Date: 2026-11-27 11:05:00

The release reader finds a release's issuer (organisations, "; " between them), its dateline place and the zone
its embargo was read in; a press contact's role ("Press Officer", "Communications Team"); and how each expert was
named on the release (offered, listed or quoted). All default to "" so rows already stored stay valid.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0009_release_details"
down_revision = "0008"
branch_labels = None
depends_on = None


def _text(name: str, length: int) -> sa.Column:
    """A text column that is never NULL and defaults to ""."""
    return sa.Column(name, sqlmodel.sql.sqltypes.AutoString(length=length), nullable=False, server_default="")


def upgrade() -> None:
    op.add_column("release", _text("issuer", 400))
    op.add_column("release", _text("place", 200))
    op.add_column("release", _text("embargo_zone", 60))
    op.add_column("press_contact", _text("role", 200))
    op.add_column("release_expert", _text("source", 10))


def downgrade() -> None:
    op.drop_column("release_expert", "source")  # SQLite 3.35+ drops a column in place, keeping the table's triggers
    op.drop_column("press_contact", "role")
    op.drop_column("release", "embargo_zone")
    op.drop_column("release", "place")
    op.drop_column("release", "issuer")
