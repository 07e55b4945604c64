"""Writing rows in bulk: multi-row inserts, history rows, id allocation, topics, name columns and chunks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime
from operator import itemgetter
from pathlib import Path

from sqlalchemy import Table, func, select
from sqlmodel import Session

from pressdesk.errors import FieldError
from pressdesk.exchange.contacts import ContactFileError, ContactRecord, read_contacts
from pressdesk.limits import too_long
from pressdesk.services import duplicates
from pressdesk.services.contact_import.rows import _IN_CHUNK, ROWS_PER_STATEMENT

_UNSET = object()

IMPORT_PAGE_CACHE_KIB = 256 * 1024
"""SQLite's page cache while an import writes (KiB; the default is 2 MiB): the people's and numbers' indexes it grows
stay in memory instead of being re-read and spilled to the WAL batch after batch. Only what is touched is allocated."""


def _insert_values(session: Session, table: Table, rows: list[dict]) -> None:
    """Insert rows a few hundred to a statement (INSERT ... VALUES (...), (...)), not one statement a row.

    SQLite's FTS5 writes its pending index out at every statement a search trigger runs in, which made executemany
    six times slower; and SQLAlchemy compiles a multi-row insert() afresh for every call (1 s per 20,000 rows), so
    the statement is written here once per shape, values passed through each column type's own bind processing."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    columns = list(rows[0])
    binders = [table.c[name].type._cached_bind_processor(dialect) for name in columns]
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    names = ", ".join(dialect.identifier_preparer.quote(name) for name in columns)
    one = "(" + ", ".join([mark] * len(columns)) + ")"
    per = max(1, min(ROWS_PER_STATEMENT, _max_parameters(connection) // len(columns)))
    get = itemgetter(*columns)
    bound = [(i, bind) for i, bind in enumerate(binders) if bind is not None]
    seen: dict[int, object] = {}
    done: dict[int, object] = {}
    for first in range(0, len(rows), per):
        chunk = rows[first : first + per]
        sql = f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({names}) VALUES " + ", ".join(
            [one] * len(chunk)
        )
        params: list = []
        for row in chunk:
            values = list(get(row)) if len(columns) > 1 else [get(row)]
            for i, bind in bound:
                if values[i] is not seen.get(i, _UNSET):  # the batch's one timestamp is processed once
                    seen[i], done[i] = values[i], bind(values[i])
                values[i] = done[i]
            params += values
        connection.exec_driver_sql(sql, tuple(params))


@contextmanager
def _page_cache(session: Session, kib: int = IMPORT_PAGE_CACHE_KIB) -> Iterator[None]:
    """A bigger SQLite page cache for the session's connection while the block runs, the old setting back after it
    (however it ends); elsewhere nothing."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    kept = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
    connection.exec_driver_sql(f"PRAGMA cache_size = {-int(kib)}")
    try:
        yield
    except BaseException:
        with suppress(Exception):  # the failure that ended the block is the one to tell
            connection.exec_driver_sql(f"PRAGMA cache_size = {kept}")
        raise
    connection.exec_driver_sql(f"PRAGMA cache_size = {kept}")


def _max_parameters(connection) -> int:
    """How many parameters one statement may have (SQLite's limit, often 32,766; 999 before 3.32)."""
    raw = connection.connection.driver_connection
    if hasattr(raw, "getlimit"):
        import sqlite3

        return raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return 30_000


def _allocate_ids(session: Session, table: Table, count: int) -> list[int]:
    """Ids for new rows, known before they are inserted (their contact points and history need them): the next ones
    after the highest on SQLite, whose write session holds the desk's only write lock; the id sequence elsewhere."""
    if session.get_bind().dialect.name == "postgresql":
        sequence = func.pg_get_serial_sequence(table.name, "id")
        return list(
            session.execute(select(func.nextval(sequence)).select_from(func.generate_series(1, count))).scalars()
        )
    top = session.execute(select(func.max(table.c.id))).scalar() or 0
    return list(range(top + 1, top + 1 + count))


def _topics(text: str, column: str) -> str:
    """Topics as a comma-separated list, each once ("schools; Schools; exams" -> "schools, exams"), if that fits."""
    if not text:
        return ""  # most rows of most files: no topics to tidy
    topics = duplicates.merge_topics("", text)
    return text if too_long(column, topics) else topics


def _name_columns(record: ContactRecord) -> str:
    """The columns a row's name came from ("First Name + Last Name"), for messages."""
    return " + ".join(record.fields[k] for k in ("first", "last") if k in record.fields) or "name"


def _pair(a: int, b: int) -> tuple[int, int]:
    """Two ids, lower first."""
    return (a, b) if a < b else (b, a)


def _chunks(values: Sequence) -> Iterable[Sequence]:
    """The values in slices short enough for one IN list."""
    values = list(values)
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start : start + _IN_CHUNK]


def _select_in(session: Session, sql: str, values: Sequence, *before: object) -> Iterator[tuple]:
    """The rows of a SELECT whose last condition is an IN list (`{marks}` in sql; `{mark}` for each of `before`), a
    chunk of values at a time, sent as written: SQLAlchemy compiled every value of an IN list afresh each time."""
    connection = session.connection()
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    for chunk in _chunks(values):
        marks = ", ".join([mark] * len(chunk))
        yield from connection.exec_driver_sql(sql.format(mark=mark, marks=marks), (*before, *chunk))


def _records(paths: Sequence[str | Path]) -> Iterable[ContactRecord]:
    """Every record of every file, in order; a file that cannot be read stops the import (FieldError "file")."""
    for path in paths:
        target = Path(path).expanduser()
        if not target.is_file():
            raise FieldError("file", f"{path} does not exist or is not a file.")
        try:
            yield from read_contacts(target)
        except ContactFileError as exc:
            raise FieldError("file", str(exc)) from None
        except UnicodeDecodeError:
            raise FieldError("file", f"{target.name} is not text in the encoding it starts with.") from None


def _activity_row(at: datetime, who: str, action: str, entity: str, entity_id: int, summary: str) -> dict:
    """One history row, as a dict for executemany."""
    return {
        "at": at, "who": who, "action": action, "entity": entity, "entity_id": entity_id,
        "enquiry_id": None, "summary": summary, "changes": "",
    }  # fmt: skip
