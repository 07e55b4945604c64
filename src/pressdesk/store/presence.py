"""Who has a server desk open: each pressdesk connection names its officer (application_name), the server lists them."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Engine

from pressdesk.validation import clean_text

PREFIX = "pressdesk: "
"""How a pressdesk connection's application_name starts; the officer's name follows."""

MAX_NAME_BYTES = 63
"""PostgreSQL keeps at most this much of an application_name."""


def application_name(officer: str) -> str:
    """The application_name a connection of this officer carries (cut to what PostgreSQL keeps, whole characters)."""
    name = PREFIX + " ".join(officer.split())
    while len(name.encode()) > MAX_NAME_BYTES:
        name = name[:-1]
    return name


_OTHERS = text(
    "SELECT DISTINCT substr(application_name, :start) FROM pg_stat_activity "
    "WHERE datname = current_database() AND starts_with(application_name, :prefix) AND application_name <> :mine "
    "ORDER BY 1"
)


def others_on_desk(engine: Engine, officer: str) -> list[str]:
    """The other officers with this desk open now, by name (always none on SQLite: it has no server to ask)."""
    if engine.dialect.name != "postgresql":
        return []
    with engine.connect() as conn:
        rows = conn.execute(
            _OTHERS, {"start": len(PREFIX) + 1, "prefix": PREFIX, "mine": application_name(officer)}
        ).scalars()
        return [clean_text(name) for name in rows]  # set by other programs' settings: never shown raw
