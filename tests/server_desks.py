"""Desks on the test server kept from test to test: one database per template and test process, put back to the
template's rows before each test (a CREATE DATABASE per test was three quarters of `make test-pg`'s time)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from sqlalchemy import create_engine, text

from tests.backends import fresh_database

SNAPSHOT = "test_pristine"
"""The schema holding a copy of the template's rows, beside the desk's own tables in public."""

SHAPE = """
SELECT md5(string_agg(item, ' ' ORDER BY item)) FROM (
    SELECT format('%s.%s %s %s %s', table_name, column_name, data_type, is_nullable, column_default) AS item
        FROM information_schema.columns WHERE table_schema = 'public'
    UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT t.tgisinternal
    UNION ALL SELECT pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace
        WHERE n.nspname = 'public'
    UNION ALL SELECT format('%s %s', p.oid::regprocedure, md5(p.prosrc)) FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
    UNION ALL SELECT format('%s %s', viewname, definition) FROM pg_views WHERE schemaname = 'public'
    UNION ALL SELECT format('%s %s', sequencename, increment_by) FROM pg_sequences WHERE schemaname = 'public'
) AS shape
"""
"""A fingerprint of the desk's schema: tables, columns, indexes, triggers, constraints, functions, views, sequences."""


TABLES = """
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
"""
"""The desk's tables, a partitioned one once (its partitions' rows are emptied and refilled through it)."""


REFILL = """
    refill := (SELECT xid FROM {snapshot}.refilled WHERE name = '{table}');
    IF refill IS NULL OR (SELECT count(*) FROM public."{table}") <> {count}
        OR EXISTS (SELECT FROM public."{table}" WHERE xmin <> refill) THEN
        DELETE FROM public."{table}";
        INSERT INTO public."{table}" SELECT * FROM {snapshot}."{table}";
        INSERT INTO {snapshot}.refilled VALUES ('{table}', xid(pg_current_xact_id()))
            ON CONFLICT (name) DO UPDATE SET xid = excluded.xid;
    END IF;"""
"""Refill one table when a test wrote to it. Every row a refill leaves carries the refill's transaction id in xmin
(put_back runs no subtransaction): an insert or update since leaves a row with another, a delete a smaller count."""

PUT_BACK = """
CREATE TABLE {snapshot}.refilled (name text PRIMARY KEY, xid xid NOT NULL);
CREATE FUNCTION {snapshot}.put_back() RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    refill xid;
BEGIN
    PERFORM pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid();
    IF EXISTS (TABLE {snapshot}.schema_changed) THEN
        RETURN false;
    END IF;
    SET LOCAL session_replication_role = replica;  -- no triggers, no key checks: rows as they were
    {body}
    RETURN true;
END $$;
"""
"""put_back(): one call before each test; false when the schema changed (the database is then cloned anew)."""

NOTE_DDL = """
CREATE TABLE {snapshot}.schema_changed ();
CREATE FUNCTION {snapshot}.note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO {snapshot}.schema_changed DEFAULT VALUES;
END $$;
CREATE EVENT TRIGGER {snapshot}_ddl ON ddl_command_end EXECUTE FUNCTION {snapshot}.note_ddl();
ALTER EVENT TRIGGER {snapshot}_ddl ENABLE ALWAYS;
"""
"""An event trigger noting any DDL a test runs (even with triggers off for a load), rolled back with it."""


def put_back_body(counts: dict[str, int], sequences: list[str]) -> str:
    """The statements of put_back(): each table refilled when written to, every sequence set back."""
    refills = (REFILL.format(table=t, count=n, snapshot=SNAPSHOT) for t, n in counts.items())
    return "\n".join([*refills, *(f"{step};" for step in sequences)])


class KeptDesk:
    """One database cloned from a template once, then put back to the template's rows before each use.

    One call of put_back() per test: it ends the test's connections, then refills from SNAPSHOT only the tables a test
    wrote to (a row whose xmin is not the refill's transaction, or a count not the template's: an insert, update or
    delete leaves one or the other) and sets every sequence back. A test that changed the schema (any DDL, noted by an
    event trigger) gets its database dropped and cloned anew."""

    def __init__(self, template: str, folder) -> None:
        self.template, self.folder = template, folder
        self._stack: ExitStack | None = None
        self.url = ""

    def _clone(self) -> None:
        """Clone the template, copy its rows and sequence states aside, and write put_back() for them."""
        self._stack = ExitStack()
        self.url = self._stack.enter_context(fresh_database("postgresql", self.folder, template=self.template))
        engine = create_engine(self.url)
        self._stack.callback(engine.dispose)
        self.engine = engine
        with engine.begin() as conn:
            self.tables = sorted(conn.execute(text(TABLES)).scalars())
            conn.execute(text(f"CREATE SCHEMA {SNAPSHOT}"))
            counts = {}
            for table in self.tables:
                conn.execute(text(f'CREATE TABLE {SNAPSHOT}."{table}" AS TABLE public."{table}"'))
                counts[table] = conn.execute(text(f'SELECT count(*) FROM {SNAPSHOT}."{table}"')).scalar()
            sequences = conn.execute(
                text(
                    "SELECT format('PERFORM setval(%L, %s, %L)', format('public.%I', sequencename),"
                    " coalesce(last_value, start_value), last_value IS NOT NULL)"
                    " FROM pg_sequences WHERE schemaname = 'public'"
                )
            ).scalars()
            conn.execute(text(PUT_BACK.format(snapshot=SNAPSHOT, body=put_back_body(counts, list(sequences)))))
            conn.execute(text(NOTE_DDL.format(snapshot=SNAPSHOT)))

    def drop(self) -> None:
        """Drop the database (fresh_database's exit)."""
        if self._stack is not None:
            self._stack.close()
            self._stack = None

    def _put_back(self) -> bool:
        """Put the template's rows back; False when the schema is no longer the template's."""
        with self.engine.begin() as conn:
            return bool(conn.execute(text(f"SELECT {SNAPSHOT}.put_back()")).scalar())

    @contextmanager
    def checkout(self) -> Iterator[str]:
        """The database's URL, holding exactly the template's rows."""
        if self._stack is None or not self._put_back():
            self.drop()
            self._clone()
        yield self.url


@contextmanager
def kept_desks(folder_factory) -> Iterator:
    """A maker of KeptDesk per template URL for one test process; every database is dropped at the end."""
    kept: dict[str, KeptDesk] = {}

    def get(template: str) -> KeptDesk:
        if template not in kept:
            kept[template] = KeptDesk(template, folder_factory())
        return kept[template]

    try:
        yield get
    finally:
        for desk in kept.values():
            desk.drop()
