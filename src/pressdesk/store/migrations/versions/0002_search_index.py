"""search index: FTS5 trigram index kept current by triggers (SQLite only)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 04:05:00
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# rowid = id * 8 + code, so one row per record can be replaced or deleted without a scan.
SOURCES = {
    "enquiry": (1, "coalesce(NEW.subject, '') || ' ' || coalesce(NEW.notes, '')"),
    "journalist": (
        2,
        "NEW.name || ' ' || NEW.role || ' ' || NEW.beat || ' ' || NEW.notes",
    ),
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


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE VIRTUAL TABLE search_index USING fts5(body, tokenize='trigram')")
    for table, (code, body) in SOURCES.items():
        op.execute(
            f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO search_index(rowid, body) VALUES (NEW.id * 8 + {code}, {body}); END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_au AFTER UPDATE ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = OLD.id * 8 + {code}; "
            f"INSERT INTO search_index(rowid, body) VALUES (NEW.id * 8 + {code}, {body}); END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = OLD.id * 8 + {code}; END"
        )
        op.execute(
            f"INSERT INTO search_index(rowid, body) SELECT NEW.id * 8 + {code}, {body} "
            f"FROM {table} AS NEW"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in SOURCES:
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{suffix}")
    op.execute("DROP TABLE IF EXISTS search_index")
