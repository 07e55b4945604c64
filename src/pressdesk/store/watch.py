"""Notice commits made through other connections (other terminals): PRAGMA data_version on SQLite, LISTEN on
PostgreSQL (statement triggers on every desk table NOTIFY `pressdesk_changed` with the table's name, migration
0010_team_desk)."""

from __future__ import annotations

import time

from sqlalchemy.engine import Engine

CHANNEL = "pressdesk_changed"
"""The channel a PostgreSQL desk's triggers notify on each committed change; the payload is the table's name."""

WATCHED = (
    "outlet",
    "journalist",
    "expert",
    "press_contact",
    "contact_point",
    "release",
    "release_expert",
    "release_press_contact",
    "statement",
    "enquiry",
    "interview_request",
    "coverage",
    "activity",
    "do_not_contact",
    "media_list",
    "media_list_member",
    "duplicate_review",
    "not_duplicate",
    "officer",
)
"""The tables whose changes a PostgreSQL desk announces (every table a screen shows)."""


def pg_notify_sql() -> list[str]:
    """The statements making a PostgreSQL desk announce its commits: one function, a statement trigger per table.

    NOTIFY is delivered at commit, and the same payload twice in one transaction only once: a bulk import of a
    million rows sends one notice per table it touched."""
    statements = [
        "CREATE FUNCTION pressdesk_notify_change() RETURNS trigger LANGUAGE plpgsql AS $notify$ BEGIN "
        f"PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME); RETURN NULL; END $notify$"
    ]
    statements += [
        f'CREATE TRIGGER pressdesk_changed_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
        "FOR EACH STATEMENT EXECUTE FUNCTION pressdesk_notify_change()"
        for table in WATCHED
    ]
    return statements


def pg_unnotify_sql() -> list[str]:
    """The statements undoing pg_notify_sql."""
    drops = [f'DROP TRIGGER IF EXISTS pressdesk_changed_{table} ON "{table}"' for table in WATCHED]
    return [*drops, "DROP FUNCTION IF EXISTS pressdesk_notify_change()"]


class ChangeWatch:
    """One connection kept open to learn whether anyone else committed since the last look.

    SQLite: `PRAGMA data_version` changes only when another connection commits, and costs no table read, so it
    can be asked every second. PostgreSQL: the connection LISTENs; the triggers' notices wait in it until asked.
    """

    def __init__(self, engine: Engine) -> None:
        self._dialect = engine.dialect.name
        self._conn = None
        self.tables: set[str] = set()
        """The tables changed, as the last `changed()` learnt them (PostgreSQL only; empty on SQLite)."""
        if self._dialect in ("sqlite", "postgresql"):
            self._conn = engine.raw_connection()
        self._listener = None
        if self._dialect == "postgresql":
            self._listener = self._conn.driver_connection
            self._conn.detach()  # LISTENs until closed: never handed to another session by the pool
            self._listener.autocommit = True
            self._listener.execute(f"LISTEN {CHANNEL}")
        self._last = self._version()

    def _version(self) -> int | None:
        """The current data version, or None when the database cannot tell."""
        if self._conn is None or self._dialect != "sqlite":
            return None
        cursor = self._conn.cursor()
        try:
            cursor.execute("PRAGMA data_version")
            return cursor.fetchone()[0]
        finally:
            cursor.close()

    @property
    def supported(self) -> bool:
        """Whether this desk can be watched (SQLite, PostgreSQL) at all."""
        return self._conn is not None

    def _notices(self, timeout: float) -> set[str]:
        """The tables named by the notices that arrive within timeout seconds (0: those already there)."""
        first = list(self._listener.notifies(timeout=timeout, stop_after=1))
        if not first:
            return set()
        return {n.payload for n in first} | {n.payload for n in self._listener.notifies(timeout=0)}

    def changed(self) -> bool:
        """Whether another connection committed since the last call (or since the watch began)."""
        if self._conn is None:
            return False
        if self._dialect == "postgresql":
            self.tables = self._notices(0)
            return bool(self.tables)
        version = self._version()
        if version == self._last:
            return False
        self._last = version
        return True

    def wait(self, timeout: float) -> bool:
        """Whether a commit arrives within timeout seconds: at once on PostgreSQL, at the next poll on SQLite."""
        deadline = time.monotonic() + timeout
        while True:
            if self._dialect == "postgresql" and self._conn is not None:
                self.tables = self._notices(max(deadline - time.monotonic(), 0))
                return bool(self.tables)
            if self.changed():
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)

    def close(self) -> None:
        """Give the kept connection back."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
