"""privacy: each person's lawful basis, source, collection and telling dates; a salted do-not-contact list

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 09:00:00

Journalists, experts and press contacts get `lawful_basis` (legitimate interest unless recorded otherwise), `source`
(where their details came from), `collected_at` (filled from created_at) and `told_at` (when they were told the desk
holds their details), with an index for "not yet told". People already on the desk get the source they can be traced
to: a journalist their first enquiry, an expert or press contact their first release. `do_not_contact` keeps salted
hashes of numbers and addresses that asked not to be contacted; `desk_secret` holds this desk's random salt.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

import sqlalchemy as sa
import sqlmodel
from alembic import op

import pressdesk.models.types

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

PEOPLE = ("journalist", "expert", "press_contact")

# Where each person already on the desk came from, as far as the desk can tell.
TRACED = {
    "journalist": "(SELECT 'enquiry #' || min(e.id) FROM enquiry AS e WHERE e.journalist_id = journalist.id)",
    "expert": "(SELECT 'release #' || min(r.release_id) FROM release_expert AS r WHERE r.expert_id = expert.id)",
    "press_contact": (
        "(SELECT 'release #' || min(r.release_id) FROM release_press_contact AS r "
        "WHERE r.press_contact_id = press_contact.id)"
    ),
}


def _quietly(table: str, update: Callable[[sa.Connection], None]) -> None:
    """Run an update with the table's SQLite triggers set aside (none of these columns is in the search index)."""
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
    update(bind)
    for _name, sql in triggers:
        bind.execute(sa.text(sql))


def upgrade() -> None:
    for table in PEOPLE:
        op.add_column(
            table,
            sa.Column(
                "lawful_basis",
                sqlmodel.sql.sqltypes.AutoString(length=40),
                nullable=False,
                server_default="legitimate_interest",
            ),
        )
        op.add_column(
            table, sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=400), nullable=False, server_default="")
        )
        op.add_column(
            table,
            sa.Column(
                "collected_at",
                pressdesk.models.types.UTCDateTime(),
                nullable=False,
                server_default="1970-01-01 00:00:00.000000",
            ),
        )
        op.add_column(table, sa.Column("told_at", pressdesk.models.types.UTCDateTime(), nullable=True))

        def backfill(bind: sa.Connection, table: str = table) -> None:
            bind.execute(
                sa.text(f"UPDATE {table} SET collected_at = created_at, source = coalesce({TRACED[table]}, '')")
            )

        _quietly(table, backfill)
        op.create_index(f"ix_{table}_not_told", table, ["told_at", "collected_at"])

    op.create_table(
        "do_not_contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("created_at", pressdesk.models.types.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "digest", name="uq_do_not_contact_kind_digest"),
    )
    op.create_table(
        "desk_secret",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.execute(
        sa.text("INSERT INTO desk_secret (name, value) VALUES ('dnc_salt', :salt)").bindparams(
            salt=secrets.token_hex(32)
        )
    )


def downgrade() -> None:
    op.drop_table("desk_secret")
    op.drop_table("do_not_contact")
    for table in PEOPLE:
        op.drop_index(f"ix_{table}_not_told", table_name=table)
        for column in ("told_at", "collected_at", "source", "lawful_basis"):
            op.drop_column(table, column)  # SQLite 3.35+ drops a column in place, keeping the table's triggers
