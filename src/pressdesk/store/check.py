"""`db check`: SQLite's own integrity and foreign-key checks (on PostgreSQL: rows whose foreign keys point nowhere, and
id sequences ahead of their tables), and the search index in step with its tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import text

from pressdesk.store.search import (
    CODES,
    FOLD_FUNCTION,
    INDEXED,
    SHIFT,
    fill_sql,
    index_ranges,
    pg_drop_sql,
    pg_index_sql,
    pg_rowid_sql,
    rowid_sql,
    trigger_sql,
)

if TYPE_CHECKING:
    from pressdesk.store.desk import Desk


@dataclass(frozen=True)
class SearchReport:
    """How far the search index is from its tables, by kind of record (only kinds with a difference are listed)."""

    missing: dict[str, int] = field(default_factory=dict)
    """Records with no row in the index: search cannot find them."""
    stale: dict[str, int] = field(default_factory=dict)
    """Records whose index row holds other text than theirs: search finds them by old words."""
    orphaned: dict[str, int] = field(default_factory=dict)
    """Index rows of records that no longer exist."""
    missing_triggers: list[str] = field(default_factory=list)
    """Triggers that keep the index in step and are gone: edits no longer reach it."""
    damaged: str = ""
    """FTS5's own integrity check, when it fails."""

    @property
    def ok(self) -> bool:
        """Whether the index matches its tables exactly."""
        return not (self.missing or self.stale or self.orphaned or self.missing_triggers or self.damaged)


@dataclass(frozen=True)
class CheckReport:
    """What `db check` found: SQLite's integrity messages, foreign keys that point nowhere, the search index."""

    integrity: list[str]
    foreign_keys: list[tuple[str, int, str]]
    search: SearchReport | None
    sequences: list[tuple[str, int, int]] = field(default_factory=list)
    """(table, the id its sequence gives next, the highest id it holds) where the next id is taken (PostgreSQL)."""

    @property
    def ok(self) -> bool:
        """Whether the desk is sound."""
        search_ok = self.search is None or self.search.ok
        return not self.integrity and not self.foreign_keys and search_ok and not self.sequences

    @property
    def problems(self) -> list[str]:
        """Each finding as a sentence."""
        lines = [f"integrity: {m}" for m in self.integrity]
        lines += [
            f"foreign key: {t} row {rowid} points at a missing {parent}" for t, rowid, parent in self.foreign_keys
        ]
        if self.search is not None:
            s = self.search
            lines += [f"search index: {n} {kind} record(s) missing from it" for kind, n in s.missing.items()]
            lines += [f"search index: {n} {kind} record(s) indexed with old text" for kind, n in s.stale.items()]
            lines += [f"search index: {n} row(s) of deleted {kind} records" for kind, n in s.orphaned.items()]
            lines += [f"search index: trigger {t} is missing" for t in s.missing_triggers]
            lines += [f"search index: {s.damaged}"] if s.damaged else []
        if any(line.startswith("search index") for line in lines):
            lines.append("search index: `rebuild_search_index` makes it again from the tables")
        lines += [
            f"id sequence: the next {t} would get id {after}, which {t} already holds (up to {top}); "
            f"new {t} records would be refused"
            for t, after, top in self.sequences
        ]
        return lines


def check(desk: Desk) -> CheckReport:
    """Run PRAGMA integrity_check and foreign_key_check, and compare the search index with its tables (SQLite); on
    PostgreSQL, which keeps its own pages sound, look for rows pointing nowhere, the index and the id sequences."""
    if desk.engine.dialect.name == "postgresql":
        with desk.read() as s:
            return CheckReport(
                integrity=[], foreign_keys=_pg_dangling(s), search=_pg_search_report(s), sequences=_pg_sequences(s)
            )
    if not desk.is_sqlite:
        return CheckReport(integrity=[], foreign_keys=[], search=None)
    with desk.read() as s:
        found = [r[0] for r in s.execute(text("PRAGMA integrity_check"))]
        integrity = [] if found == ["ok"] else found
        keys = [(t, rowid, parent) for t, rowid, parent, _fk in s.execute(text("PRAGMA foreign_key_check"))]
        search = _search_report(s) if not integrity else None
    return CheckReport(integrity=integrity, foreign_keys=keys, search=search)


def _one_range(kind: str) -> tuple[tuple[int, int], ...]:
    """A kind's one rowid range, (code << 40) onwards (every kind's on PostgreSQL)."""
    low = CODES[kind] << SHIFT
    return ((low, low + (1 << SHIFT) - 1),)


def _count_by_kind(session, sql: str, *, rowid=rowid_sql, table: str = "{}", ranges=index_ranges) -> dict[str, int]:
    """Run one counting query per kind and rowid range ({table}, {rowid}, {low}, {high}, {indexed} filled in); keep
    non-zero counts."""
    counts = {}
    for kind in CODES:
        n = 0
        for low, high in ranges(kind) if "{low}" in sql else _one_range(kind):
            query = sql.format(
                table=table.format(kind),
                rowid=rowid(kind),
                indexed=f"{FOLD_FUNCTION}({INDEXED[kind]})",
                low=low,
                high=high,
            )
            n += session.execute(text(query)).scalar() or 0
        if n:
            counts[kind] = n
    return counts


def _search_report(session) -> SearchReport:
    """Compare every record's index row with the text it should hold."""
    if not session.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'search_index'")).first():
        return SearchReport(missing_triggers=sorted(n for k in CODES for n in trigger_sql(k)))
    triggers = {r[0] for r in session.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))}
    damaged = ""
    try:
        session.execute(text("INSERT INTO search_index(search_index) VALUES ('integrity-check')"))
    except Exception as exc:  # noqa: BLE001 - FTS5 reports damage as an error; it is a finding here
        damaged = str(getattr(exc, "orig", exc)).splitlines()[0]
    return SearchReport(
        missing=_count_by_kind(
            session,
            "SELECT count(*) FROM {table} AS NEW WHERE NOT EXISTS (SELECT 1 FROM search_index WHERE rowid = {rowid})",
        ),
        stale=_count_by_kind(
            session,
            "SELECT count(*) FROM {table} AS NEW JOIN search_index AS s ON s.rowid = {rowid} "
            "WHERE s.body IS NOT {indexed}",
        ),
        orphaned=_count_by_kind(
            session,
            "SELECT count(*) FROM search_index WHERE rowid BETWEEN {low} AND {high} "
            "AND rowid - {low} NOT IN (SELECT id FROM {table})",
        ),
        missing_triggers=sorted(n for k in CODES for n in trigger_sql(k) if n not in triggers),
        damaged=damaged,
    )


def _pg_search_report(session) -> SearchReport:
    """The search index on PostgreSQL against its tables, and the triggers that keep it in step."""
    triggers = {f"search_{kind}_sync" for kind in CODES}
    present = set(
        session.execute(
            text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D' AND tgname LIKE 'search_%'")
        ).scalars()
    )
    if session.execute(text("SELECT to_regclass('search_index')")).scalar() is None:
        return SearchReport(missing_triggers=sorted(triggers))
    count = {"rowid": pg_rowid_sql, "table": '"{}"', "ranges": _one_range}
    return SearchReport(
        missing=_count_by_kind(
            session,
            "SELECT count(*) FROM {table} AS NEW WHERE NOT EXISTS (SELECT 1 FROM search_index WHERE rowid = {rowid})",
            **count,
        ),
        stale=_count_by_kind(
            session,
            "SELECT count(*) FROM {table} AS NEW JOIN search_index AS s ON s.rowid = {rowid} "
            "WHERE s.body IS DISTINCT FROM {indexed}",
            **count,
        ),
        orphaned=_count_by_kind(
            session,
            "SELECT count(*) FROM search_index WHERE rowid BETWEEN {low} AND {high} "
            "AND NOT EXISTS (SELECT 1 FROM {table} AS t WHERE t.id = rowid - {low})",
            **count,
        ),
        missing_triggers=sorted(triggers - present),
    )


DANGLING_SHOWN = 20
"""Rows named per foreign key that points nowhere (a bulk load gone wrong can leave thousands)."""


def _pg_dangling(session) -> list[tuple[str, int, str]]:
    """(table, row id, parent table) of rows whose foreign key names a row that is not there: PostgreSQL enforces
    its keys, but a load with triggers off (session_replication_role = replica, DISABLE TRIGGER) skips them."""
    from sqlalchemy import inspect

    found = []
    schema = inspect(session.connection())
    for table in sorted(schema.get_table_names()):
        if "id" not in {c["name"] for c in schema.get_columns(table)}:
            continue
        for key in schema.get_foreign_keys(table):
            parent, mine, theirs = key["referred_table"], key["constrained_columns"], key["referred_columns"]
            joined = " AND ".join(f'p."{b}" = c."{a}"' for a, b in zip(mine, theirs, strict=True))
            given = " AND ".join(f'c."{a}" IS NOT NULL' for a in mine)
            rows = session.execute(
                text(
                    f'SELECT c.id FROM "{table}" AS c WHERE {given} '
                    f'AND NOT EXISTS (SELECT 1 FROM "{parent}" AS p WHERE {joined}) '
                    f"ORDER BY c.id LIMIT {DANGLING_SHOWN}"
                )
            ).scalars()
            found += [(table, row_id, parent) for row_id in rows]
    return found


def _pg_sequences(session) -> list[tuple[str, int, int]]:
    """(table, next id, highest id) of every id sequence that would hand out an id its table already holds."""
    behind = []
    owned = session.execute(
        text(
            "SELECT c.relname, pg_get_serial_sequence(quote_ident(c.relname), 'id') FROM pg_class AS c "
            "JOIN pg_attribute AS a ON a.attrelid = c.oid AND a.attname = 'id' AND NOT a.attisdropped "
            "WHERE c.relkind = 'r' AND c.relnamespace = to_regnamespace(current_schema()) ORDER BY c.relname"
        )
    ).all()
    for table, sequence in owned:
        if sequence is None:
            continue
        last, called = session.execute(text(f"SELECT last_value, is_called FROM {sequence}")).one()
        after = last + 1 if called else last
        top = session.execute(text(f'SELECT max(id) FROM "{table}"')).scalar()
        if top is not None and after <= top:
            behind.append((table, after, top))
    return behind


def rebuild_search_index(desk: Desk) -> None:
    """Make the search index again from its tables, with the triggers that keep it in step, in one transaction."""
    if desk.engine.dialect.name == "postgresql":
        with desk.write() as s:
            for sql in (*pg_drop_sql(), *pg_index_sql()):
                s.execute(text(sql))
        return
    if not desk.is_sqlite:
        return
    with desk.write() as s:
        for kind in CODES:
            for name, sql in trigger_sql(kind).items():
                s.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
                s.execute(text(sql))
        s.execute(text("DELETE FROM search_index"))
        for kind in CODES:
            s.execute(text(fill_sql(kind)))
        s.execute(text("INSERT INTO search_index(search_index) VALUES ('optimize')"))
