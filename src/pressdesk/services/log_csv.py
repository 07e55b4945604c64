"""The enquiry log as CSV cells straight out of SQLite: the log's SELECT with its text and numbers finished in SQL.

A million rows through SQLAlchemy's type processing (a datetime per stored time), then a Python loop per cell,
cost 3.4 times the `sqlite3 -csv` of the same SELECT. Here the same SELECT (services.exports.log_query, so the
columns are one list) has its text made inert and its blanks filled in SQL, and its rows are read from the DBAPI
cursor as plain tuples, times as SQLite stores them: exchange.export.csv_log.write_stored turns those into local
text (clock.StoredClock) and hands the rows to csv.writer. Other databases take the row-by-row path.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import ColumnElement, Select, String, case, func, literal, type_coerce
from sqlalchemy.sql.selectable import ScalarSelect
from sqlmodel import Session

from pressdesk.exchange.export.columns import COLUMNS
from pressdesk.exchange.export.safety import TRIGGERS


def works_on(session: Session) -> bool:
    """Whether this path can export from the session's database (SQLite, whose times are stored as UTC text)."""
    return session.get_bind().dialect.name == "sqlite"


def _inert(value: ColumnElement) -> ColumnElement[str]:
    """Text as safety.neutralise leaves it (a leading ' before a formula's first character); blank for none.

    A subquery's value is made inert inside it: the CASE names its value twice, and SQLite would run it twice a row.
    """
    if isinstance(value, ScalarSelect):
        inner = value.element
        return func.coalesce(inner.with_only_columns(_inert(inner.selected_columns[0])).scalar_subquery(), "")
    text = type_coerce(value, String)
    return case((func.substr(text, 1, 1).in_(TRIGGERS), literal("'", String) + text), else_=func.coalesce(text, ""))


def _cell(kind: str, value: ColumnElement) -> ColumnElement:
    """A column of the log as its CSV cell: numbers kept (blank for none), text inert, times as stored."""
    if kind == "time":
        return type_coerce(value, String)
    if kind == "number":
        return func.coalesce(value, "")
    return _inert(value)  # text, and the coverage links already joined by line breaks in SQL


def csv_query(log_query: Select) -> Select:
    """The log's SELECT (services.exports.log_query) with every column as its finished CSV cell, in the same order."""
    columns = list(log_query.selected_columns)
    assert len(columns) == len(COLUMNS), "the log's SELECT has one column per column of the log"
    return log_query.with_only_columns(*(_cell(c.kind, v) for c, v in zip(COLUMNS, columns, strict=True)))


def stream_cells(session: Session, log_query: Select, *, batch: int = 2000) -> Iterator[list[tuple]]:
    """The log's rows as CSV cells (times as stored), `batch` rows at a time, read from the cursor as they come."""
    result = session.connection().execute(csv_query(log_query))
    try:
        cursor = result.cursor  # the DBAPI cursor: rows as plain tuples, values as SQLite gives them
        while rows := cursor.fetchmany(batch):
            yield rows
    finally:
        result.close()
