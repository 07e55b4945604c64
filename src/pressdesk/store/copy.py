"""Copy a whole desk into an empty one on another backend (SQLite <-> PostgreSQL), in batches, checked afterwards."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Table, func, inspect, select, text
from sqlalchemy.engine import Connection

from pressdesk.store.errors import StoreError, mask_url

if TYPE_CHECKING:
    from pressdesk.store.desk import Desk

BATCH = 2000
"""Rows read and written at a time."""

SEEDED = ("desk_secret",)
"""Tables a new desk's migrations fill (the do-not-contact salt): the copy replaces their rows with the source's."""

NOT_COPIED = ("alembic_version",)
"""Tables not copied: the target's own migrations wrote its revision."""

Progress = Callable[[str, int, int], None]
"""Told (table being copied, rows copied so far, rows to copy in all) before the copy and after each batch."""


@dataclass
class CopyResult:
    """What was copied: rows per table, and the sequences set on the target."""

    rows: dict[str, int] = field(default_factory=dict)
    sequences: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Every row copied."""
        return sum(self.rows.values())


def desk_tables() -> list[Table]:
    """The desk's tables, parents before children (the search index is rebuilt by the target's triggers)."""
    from sqlmodel import SQLModel

    import pressdesk.models.tables  # noqa: F401 - registers the tables

    return [t for t in SQLModel.metadata.sorted_tables if t.name not in NOT_COPIED]


def _check_same_schema(source: Desk, target: Desk, tables: list[Table]) -> None:
    """Refuse desks whose tables are not the ones this pressdesk knows (a newer or older schema)."""
    from pressdesk.store.migrate import current_revision

    revisions = current_revision(source), current_revision(target)
    if revisions[0] != revisions[1]:
        raise StoreError(f"the two desks are at different schema revisions ({revisions[0]} and {revisions[1]}).")
    for desk in (source, target):
        with desk.engine.connect() as conn:
            present = set(inspect(conn).get_table_names())
        missing = {t.name for t in tables} - present
        if missing:
            raise StoreError(f"{mask_url(desk.url)} has no table {sorted(missing)[0]}: not a pressdesk desk.")


def _count(conn: Connection, table: Table) -> int:
    """Rows in one table."""
    return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _refuse_filled(conn: Connection, tables: list[Table], target: Desk) -> None:
    """Refuse a target that already holds records: a copy goes only into an empty desk."""
    for table in tables:
        if table.name not in SEEDED and _count(conn, table):
            raise StoreError(
                f"{mask_url(target.url)} already holds records ({table.name}); copy only into an empty desk."
            )


def _copy_table(src: Connection, dst: Connection, table: Table, batch: int, step: Callable[[int], None]) -> int:
    """Copy one table's rows in primary-key order, a batch at a time, telling step how many each time; returns
    how many in all."""
    if table.name in SEEDED:
        dst.execute(table.delete())
    done = 0
    rows = src.execution_options(yield_per=batch).execute(select(table).order_by(*table.primary_key.columns))
    for part in rows.mappings().partitions(batch):
        dst.execute(table.insert(), [dict(r) for r in part])
        done += len(part)
        step(len(part))
    return done


def _serial_column(table: Table) -> str | None:
    """The table's single integer primary key, whose sequence must move past the copied ids."""
    keys = list(table.primary_key.columns)
    if len(keys) == 1 and keys[0].autoincrement in (True, "auto") and keys[0].type.python_type is int:
        return keys[0].name
    return None


def _set_sequences(dst: Connection, tables: list[Table]) -> dict[str, int]:
    """On PostgreSQL, move each id sequence to the highest copied id (SQLite carries on from max(rowid) by itself)."""
    moved: dict[str, int] = {}
    if dst.dialect.name != "postgresql":
        return moved
    for table in tables:
        column = _serial_column(table)
        if column is None:
            continue
        sequence = dst.execute(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column}).scalar()
        if sequence is None:
            continue
        top = dst.execute(select(func.max(table.c[column]))).scalar()
        if top is not None:
            dst.execute(text("SELECT setval(CAST(:s AS regclass), :v)"), {"s": sequence, "v": top})
            moved[table.name] = top
    return moved


def _verify(src: Connection, dst: Connection, tables: list[Table], result: CopyResult) -> None:
    """Check that every table holds as many rows on both sides and that the next id on the target is free."""
    for table in tables:
        theirs, ours = _count(src, table), _count(dst, table)
        if theirs != ours:
            raise StoreError(f"the copy of {table.name} has {ours} rows where the source has {theirs}; nothing kept.")
    for name, top in result.sequences.items():
        sequence = dst.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": name}).scalar()
        last = dst.execute(text(f"SELECT last_value FROM {sequence}")).scalar()
        if last < top:
            raise StoreError(f"the id sequence of {name} stands at {last}, below the copied {top}; nothing kept.")


@contextmanager
def _snapshot(desk: Desk) -> Iterator[Connection]:
    """A connection reading the desk as of one moment while others write (REPEATABLE READ on PostgreSQL; a SQLite
    read transaction sees one moment already)."""
    with desk.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


def copy_desk(source: Desk, target: Desk, *, batch: int = BATCH, progress: Progress | None = None) -> CopyResult:
    """Copy every record of source into target (both migrated, target empty) in one transaction on the target:
    checked row counts and sequences, or nothing written."""
    tables = desk_tables()
    _check_same_schema(source, target, tables)
    result = CopyResult()
    with _snapshot(source) as src, target.engine.connect() as dst:
        dst.execution_options(pressdesk_write=True)  # SQLite: BEGIN IMMEDIATE, the write lock from the start
        with dst.begin():
            if dst.dialect.name == "postgresql":
                dst.execute(text("LOCK TABLE alembic_version IN EXCLUSIVE MODE"))  # one copy into a desk at a time
            _refuse_filled(dst, tables, target)
            total = sum(_count(src, table) for table in tables)
            done = 0
            for table in tables:

                def step(n: int, name: str = table.name) -> None:
                    nonlocal done
                    done += n
                    if progress:
                        progress(name, done, total)

                if progress:
                    progress(table.name, done, total)
                result.rows[table.name] = _copy_table(src, dst, table, batch, step)
            result.sequences = _set_sequences(dst, tables)
            _verify(src, dst, tables, result)
    return result
