"""search folded: the index holds accent- and case-folded words, so "Elodie" finds "Élodie" (SQLite only)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 09:00:00

The FTS5 trigram tokenizer of the SQLite that ships with Python here (3.40) has no `remove_diacritics`, so the
triggers index `pressdesk_fold(text)` (pressdesk.store.search.index_text, registered on every connection)
instead of the raw text, and searches fold what was typed the same way. The rowids stay `(code << 40) + id`.
The index is dropped and refilled in one pass per table (a DELETE would tokenize every old row again).
"""

from __future__ import annotations

from alembic import op

from pressdesk.store.search import FOLD_FUNCTION, register

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# The indexed text of each kind, as in 0003.
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


def _rebuild(fold: str | None) -> None:
    """Make the index again, filled from every source table, with triggers that keep it current.

    `fold` is the SQL function wrapped around each record's text, or None for the raw text of 0003."""
    for table in SOURCES:
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{suffix}")
    op.execute("DROP TABLE IF EXISTS search_index")
    op.execute("CREATE VIRTUAL TABLE search_index USING fts5(body, tokenize='trigram')")
    for table, (code, body) in SOURCES.items():
        indexed = f"{fold}({body})" if fold else body
        new_id, old_id = f"(({code} << 40) + NEW.id)", f"(({code} << 40) + OLD.id)"
        op.execute(f"INSERT INTO search_index(rowid, body) SELECT {new_id}, {indexed} FROM {table} AS NEW")
        op.execute(
            f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO search_index(rowid, body) VALUES ({new_id}, {indexed}); END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_au AFTER UPDATE ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = {old_id}; "
            f"INSERT INTO search_index(rowid, body) VALUES ({new_id}, {indexed}); END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = {old_id}; END"
        )


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    register(bind.connection.driver_connection)  # already there on a desk's engine; this makes sure
    _rebuild(FOLD_FUNCTION)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _rebuild(None)
