"""Notice commits made through other connections (other terminals): PRAGMA data_version on SQLite, LISTEN on
PostgreSQL (statement triggers on every desk table NOTIFY `pressdesk_changed` with the table's name, migration
0010_team_desk; the tables a desk row is read from also name the enquiries changed, migration 0013_live_ids)."""

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


ROW_TABLES = ("enquiry", "interview_request", "journalist", "outlet", "expert")
"""The tables a desk row is read from: their notices say which enquiries changed, `enquiry:12,13` (`enquiry:` for
none), or name the table alone when they cannot tell (too many, a name that shows on many rows, a TRUNCATE)."""

LIVE_IDS = 200
"""The most enquiry ids one transaction announces; beyond it the table's name alone (a bulk write: re-read the page).
Ten-digit ids keep a notice far below PostgreSQL's 8000-byte payload limit."""

_ID_COLUMN = {"enquiry": "id", "interview_request": "enquiry_id"}
"""The column naming the enquiry in each table whose rows belong to one enquiry."""


_TRANSITIONS = (
    ("INSERT", "NEW TABLE AS new_rows"),
    ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    ("DELETE", "OLD TABLE AS old_rows"),
)
"""Each event a row table's triggers fire on, with the transition tables its trigger reads."""


def pg_ids_sql() -> list[str]:
    """The statements making the desk row's tables name the enquiries they changed (they replace those tables'
    0010 triggers): a statement trigger per event, with its transition table (PostgreSQL allows one per event)."""
    statements = [
        "CREATE FUNCTION pressdesk_notify_ids() RETURNS trigger LANGUAGE plpgsql AS $notify$ "
        "DECLARE col text := TG_ARGV[0]; rows_in text := CASE TG_OP WHEN 'DELETE' THEN 'old_rows' ELSE 'new_rows' END;"
        " many int; ids int[]; sent int; BEGIN "
        f"EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM %I LIMIT {LIVE_IDS + 1}) s', rows_in) INTO many; "
        f"IF many > {LIVE_IDS} THEN PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME); RETURN NULL; END IF; "
        "EXECUTE format('SELECT array_agg(DISTINCT %I) FROM %I WHERE %I IS NOT NULL', col, rows_in, col) INTO ids; "
        "sent := coalesce(nullif(current_setting('pressdesk.live_ids', true), ''), '0')::int "
        "+ coalesce(cardinality(ids), 0); "
        f"IF sent > {LIVE_IDS} THEN PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME); RETURN NULL; END IF; "
        "PERFORM set_config('pressdesk.live_ids', sent::text, true); "
        f"PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME || ':' || coalesce(array_to_string(ids, ','), '')); "
        "RETURN NULL; END $notify$",
        "CREATE FUNCTION pressdesk_notify_names() RETURNS trigger LANGUAGE plpgsql AS $notify$ BEGIN "
        f"IF TG_OP = 'INSERT' THEN PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME || ':'); RETURN NULL; END IF; "
        "IF TG_OP = 'UPDATE' THEN IF NOT EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o USING (id) "
        f"WHERE n.name IS DISTINCT FROM o.name) THEN PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME || ':'); "
        f"RETURN NULL; END IF; END IF; PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME); RETURN NULL; END $notify$",
    ]
    for table in ROW_TABLES:
        statements.append(f'DROP TRIGGER IF EXISTS pressdesk_changed_{table} ON "{table}"')
        call = f"pressdesk_notify_ids('{_ID_COLUMN[table]}')" if table in _ID_COLUMN else "pressdesk_notify_names()"
        for event, referencing in _TRANSITIONS:
            statements.append(
                f'CREATE TRIGGER pressdesk_changed_{table}_{event.lower()} AFTER {event} ON "{table}" '
                f"REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION {call}"
            )
        statements.append(
            f'CREATE TRIGGER pressdesk_changed_{table}_truncate AFTER TRUNCATE ON "{table}" '
            "FOR EACH STATEMENT EXECUTE FUNCTION pressdesk_notify_change()"
        )
    return statements


def pg_unids_sql() -> list[str]:
    """The statements undoing pg_ids_sql: the row tables announce their names alone again, as 0010 made them."""
    statements = []
    for table in ROW_TABLES:
        statements += [
            f'DROP TRIGGER IF EXISTS pressdesk_changed_{table}_{event} ON "{table}"'
            for event in ("insert", "update", "delete", "truncate")
        ]
        statements.append(
            f'CREATE TRIGGER pressdesk_changed_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
            "FOR EACH STATEMENT EXECUTE FUNCTION pressdesk_notify_change()"
        )
    return [
        *statements,
        "DROP FUNCTION IF EXISTS pressdesk_notify_ids()",
        "DROP FUNCTION IF EXISTS pressdesk_notify_names()",
    ]


def changed_enquiries(payloads: set[str]) -> frozenset[int] | None:
    """The enquiries a set of notices says changed (empty: no desk row did), or None when one cannot tell."""
    ids: set[int] = set()
    for payload in payloads:
        table, named, listed = payload.partition(":")
        if not named:
            if table in ROW_TABLES:
                return None
            continue
        ids.update(int(i) for i in listed.split(",") if i)
    return frozenset(ids) if len(ids) <= LIVE_IDS else None


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
        self.enquiries: frozenset[int] | None = None
        """The enquiries changed, as the last `changed()` learnt them (empty: no desk row; None: cannot tell, as
        always on SQLite, whose data_version says only that something changed)."""
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

    @property
    def pushes(self) -> bool:
        """Whether commits announce themselves (PostgreSQL: `wait` returns as a notice arrives; SQLite is asked)."""
        return self._listener is not None

    def _notices(self, timeout: float) -> set[str]:
        """The tables named by the notices that arrive within timeout seconds (0: those already there); the
        enquiries they name are kept in `enquiries`."""
        first = list(self._listener.notifies(timeout=timeout, stop_after=1))
        if not first:
            return set()
        payloads = {n.payload for n in first} | {n.payload for n in self._listener.notifies(timeout=0)}
        self.enquiries = changed_enquiries(payloads)
        return {payload.partition(":")[0] for payload in payloads}

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
