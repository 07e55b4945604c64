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


class KeptDesk:
    """One database cloned from a template once, then put back to the template's rows before each use.

    Rows are put back in one transaction by one function call (every table emptied and refilled from SNAPSHOT, every
    sequence set back);
    a test that changed the schema itself (or left it unreadable) gets its database dropped and cloned anew."""

    def __init__(self, template: str, folder) -> None:
        self.template, self.folder = template, folder
        self._stack: ExitStack | None = None
        self.url = ""

    def _clone(self) -> None:
        """Clone the template and copy its rows and sequence states aside."""
        self._stack = ExitStack()
        self.url = self._stack.enter_context(fresh_database("postgresql", self.folder, template=self.template))
        engine = create_engine(self.url)
        self._stack.callback(engine.dispose)
        self.engine = engine
        with engine.begin() as conn:
            tables = conn.execute(text(TABLES)).scalars()
            self.tables = sorted(tables)
            conn.execute(text(f"CREATE SCHEMA {SNAPSHOT}"))
            for table in self.tables:
                conn.execute(text(f'CREATE TABLE {SNAPSHOT}."{table}" AS TABLE public."{table}"'))
            filled = [t for t in self.tables if conn.execute(text(f'SELECT EXISTS (TABLE {SNAPSHOT}."{t}")')).scalar()]
            sequences = conn.execute(
                text(
                    "SELECT format('PERFORM setval(%L, %s, %L)', format('public.%I', sequencename),"
                    " coalesce(last_value, start_value), last_value IS NOT NULL)"
                    " FROM pg_sequences WHERE schemaname = 'public'"
                )
            ).scalars()
            steps = [
                "SET LOCAL session_replication_role = replica",  # no triggers, no key checks: rows as they were
                *(f'DELETE FROM public."{t}"' for t in self.tables),  # DELETE: TRUNCATE makes files, slower here
                *(f'INSERT INTO public."{t}" SELECT * FROM {SNAPSHOT}."{t}"' for t in filled),
                *sequences,
            ]
            body = "; ".join(steps)
            conn.execute(
                text(f"CREATE FUNCTION {SNAPSHOT}.put_back() RETURNS void LANGUAGE plpgsql AS $$ BEGIN {body}; END $$")
            )
            self.shape = conn.execute(text(SHAPE)).scalar()

    def drop(self) -> None:
        """Drop the database (fresh_database's exit)."""
        if self._stack is not None:
            self._stack.close()
            self._stack = None

    def _put_back(self) -> bool:
        """Put the template's rows back; False when the schema is no longer the template's."""
        with self.engine.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
            shape = conn.execute(text(SHAPE)).scalar()
            conn.commit()
            if shape != self.shape:
                return False
            conn.execute(text(f"SELECT {SNAPSHOT}.put_back()"))
            conn.commit()
        return True

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
