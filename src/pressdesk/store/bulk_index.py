"""The search index of a bulk write filled once at its end, not row by row by the search triggers.

A trigger calls the Python fold for every row inserted or updated and makes FTS5 take the rows one statement at a
time; a bulk import of 100,000 people spends more CPU there than in one `INSERT ... SELECT` over the new rows at the
end. `DeferredIndex` drops the insert and update triggers of some kinds inside the caller's transaction, remembers
the highest id of each kind, and at `finish` indexes every row above it and every row the caller says it changed, then
puts the triggers back exactly as they were. It is all DDL and DML inside the caller's transaction: a rollback (a
failure, a dry run, a kill) takes the dropped triggers back with everything else. SQLite only; elsewhere a no-op.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.engine import Connection

from pressdesk.store.search import FOLD_FUNCTION, INDEXED, index_ranges, rowid_sql

_IN_CHUNK = 500
"""Ids in one IN list."""


class DeferredIndex:
    """Search triggers of some kinds dropped for a bulk write; the rows it wrote indexed at once by `finish`."""

    def __init__(self, connection: Connection, kinds: Iterable[str]) -> None:
        self.connection = connection
        self.active = connection.dialect.name == "sqlite"
        self.kinds = list(kinds)
        self.tops: dict[str, int] = {}
        self.changed: dict[str, set[int]] = {kind: set() for kind in self.kinds}
        self.triggers: list[tuple[str, str]] = []
        if not self.active:
            return
        names = [f"search_{kind}_{when}" for kind in self.kinds for when in ("ai", "au")]
        marks = ", ".join(f":n{i}" for i in range(len(names)))
        self.triggers = [
            (name, sql)
            for name, sql in connection.execute(
                text(f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks}) ORDER BY name"),
                {f"n{i}": name for i, name in enumerate(names)},
            )
        ]
        for kind in self.kinds:
            self.tops[kind] = connection.execute(text(f"SELECT coalesce(max(id), 0) FROM {kind}")).scalar_one()
        for name, _sql in self.triggers:
            connection.exec_driver_sql(f'DROP TRIGGER "{name}"')

    def note_changed(self, kind: str, ids: Iterable[int]) -> None:
        """Rows of a kind that existed before the bulk write and were updated by it: indexed again at the end."""
        if self.active:
            self.changed[kind].update(i for i in ids if i <= self.tops[kind])

    def finish(self) -> None:
        """Index the new and changed rows of every kind in one statement each, and put the triggers back."""
        if not self.active:
            return
        for kind in self.kinds:
            changed = sorted(self.changed[kind])
            for start in range(0, len(changed), _IN_CHUNK):
                chunk = changed[start : start + _IN_CHUNK]
                rowids = ", ".join(str(low + i) for low, _high in index_ranges(kind) for i in chunk)
                self.connection.exec_driver_sql(f"DELETE FROM search_index WHERE rowid IN ({rowids})")
            self.connection.execute(
                text(
                    f"INSERT INTO search_index(rowid, body) SELECT {rowid_sql(kind)}, {FOLD_FUNCTION}({INDEXED[kind]}) "
                    f"FROM {kind} AS NEW WHERE NEW.id > :top"
                ),
                {"top": self.tops[kind]},
            )
            for start in range(0, len(changed), _IN_CHUNK):
                ids = ", ".join(str(i) for i in changed[start : start + _IN_CHUNK])
                self.connection.exec_driver_sql(
                    f"INSERT INTO search_index(rowid, body) SELECT {rowid_sql(kind)}, {FOLD_FUNCTION}({INDEXED[kind]}) "
                    f"FROM {kind} AS NEW WHERE NEW.id IN ({ids})"
                )
        for _name, sql in self.triggers:
            self.connection.exec_driver_sql(sql)
        self.triggers = []
