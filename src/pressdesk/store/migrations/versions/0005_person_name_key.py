"""person name key: journalists get an indexed name key that folds case, accents and spacing; outlets' keys fold too

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 09:00:00

"Elodie Marchand" and "élodie  marchand" are the same person as "Élodie Marchand": the log look-up compares
journalist.name_key (validation.name_key) through an index, so it stays cheap on a 50,000-journalist desk.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

from pressdesk.validation.names import name_key

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _old_key(name: str) -> str:
    """The outlet key before this revision: case and spacing folded, accents kept."""
    return re.sub(r"\s+", " ", name).strip().casefold()


def _quietly(table: str, update: Callable[[sa.Connection], None]) -> None:
    """Run an update with the table's SQLite triggers set aside (the keys are not in the search index)."""
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


def _key_journalists(bind: sa.Connection) -> None:
    """Fill every journalist's name key."""
    rows = bind.execute(sa.text("SELECT id, name FROM journalist")).all()
    if rows:
        bind.execute(
            sa.text("UPDATE journalist SET name_key = :key WHERE id = :id"),
            [{"id": i, "key": name_key(name)} for i, name in rows],
        )


def _rekey_outlets(fold: Callable[[str], str]) -> Callable[[sa.Connection], None]:
    """An update giving each outlet the key `fold` makes of its name, unless another outlet holds that key."""

    def update(bind: sa.Connection) -> None:
        rows = bind.execute(sa.text("SELECT id, name, name_key FROM outlet ORDER BY id")).all()
        taken = {key for _i, _n, key in rows}
        for outlet_id, name, key in rows:
            new = fold(name)
            if new != key and new not in taken:
                bind.execute(sa.text("UPDATE outlet SET name_key = :k WHERE id = :i"), {"k": new, "i": outlet_id})
                taken.discard(key)
                taken.add(new)

    return update


def upgrade() -> None:
    op.add_column("journalist", sa.Column("name_key", sa.String(length=400), nullable=False, server_default=""))
    _quietly("journalist", _key_journalists)
    op.create_index("ix_journalist_name_key", "journalist", ["name_key"])
    _quietly("outlet", _rekey_outlets(name_key))


def downgrade() -> None:
    _quietly("outlet", _rekey_outlets(_old_key))
    op.drop_index("ix_journalist_name_key", table_name="journalist")
    op.drop_column("journalist", "name_key")  # SQLite 3.35+ drops a column in place, keeping the table's triggers
