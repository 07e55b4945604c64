"""The desk's first page (open enquiries, most urgent first, with the header counts) read with the stdlib `sqlite3`
module, read-only, before SQLAlchemy is loaded: the TUI shows it while the core opens the desk (issue 13).

It must give what `services.desk_views.view_page(view="open")` and `services.queries.desk_counts` give; a test
compares the two on several desks. Anything unusual (a server desk, a missing file, a schema not at HEAD, a
SQLite error) gives None, and the desk waits for the core as before. This module imports no SQLAlchemy.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from pressdesk.models.enums import COUNTED_REQUESTS, OPEN_STATUSES, EnquiryStatus, EnquiryType
from pressdesk.models.views import DeskCounts, EnquiryRow
from pressdesk.store.migrate import HEAD

_OPEN = ", ".join(f"'{s.value}'" for s in OPEN_STATUSES)
"""The open statuses written literally, as the partial index ix_enquiry_open_deadline is defined."""

_KEYS = {
    True: f"SELECT deadline, id FROM enquiry INDEXED BY ix_enquiry_open_deadline WHERE status IN ({_OPEN})"
    " AND deadline IS NOT NULL ORDER BY deadline, id LIMIT ?",
    False: f"SELECT deadline, id FROM enquiry INDEXED BY ix_enquiry_open_deadline WHERE status IN ({_OPEN})"
    " AND deadline IS NULL ORDER BY id LIMIT ?",
}
"""(deadline, id) of the open enquiries with a deadline, in (deadline, id) order, and of those without one."""

_ROWS = f"""
SELECT e.id, e.received_at, e.deadline, e.journalist_id, coalesce(j.name, ''), coalesce(o.name, ''), e.type,
       e.subject,
       coalesce((SELECT x.name FROM expert AS x JOIN interview_request AS r ON r.expert_id = x.id
                 WHERE r.enquiry_id = e.id AND r.status IN ({", ".join(f"'{s.value}'" for s in COUNTED_REQUESTS)})
                 ORDER BY r.id DESC LIMIT 1), ''),
       e.status, e.officer, e.priority, e.channel, e.release_id, e.version
FROM enquiry AS e LEFT OUTER JOIN journalist AS j ON j.id = e.journalist_id
     LEFT OUTER JOIN outlet AS o ON o.id = e.outlet_id
WHERE e.id IN ({{ids}})
"""
"""The columns of an EnquiryRow (as services.queries.enquiry_rows_select), for a list of ids."""

_UNROUTED = (EnquiryStatus.NEW.value, EnquiryStatus.TRIAGED.value)

_COUNTS = f"""
SELECT count(*),
       coalesce(sum(CASE WHEN deadline >= :now AND deadline < :soon THEN 1 ELSE 0 END), 0),
       coalesce(sum(CASE WHEN deadline < :now THEN 1 ELSE 0 END), 0),
       coalesce(sum(CASE WHEN type = '{EnquiryType.INTERVIEW.value}' AND status IN {_UNROUTED!r} THEN 1 ELSE 0 END), 0)
FROM enquiry WHERE status IN ({_OPEN})
"""
"""The header strip's numbers (as services.queries.desk_counts)."""

Cursor = tuple[datetime | None, int]


@dataclass(frozen=True, slots=True)
class FirstPage:
    """The open enquiries' first page, each row with its cursor, and the header counts."""

    rows: tuple[EnquiryRow, ...]
    cursors: tuple[Cursor, ...]
    more: bool
    counts: DeskCounts


def sqlite_path(target: str | None, default: Path) -> Path | None:
    """The SQLite file a --db target names (a path or sqlite:///PATH; None: the default desk), else None."""
    if target is None:
        return default.expanduser()
    if "://" not in target:
        return Path(target).expanduser()
    scheme, _, rest = target.partition(":///")
    if scheme not in ("sqlite", "sqlite+pysqlite") or not rest or "?" in rest or rest == ":memory:":
        return None
    return Path(rest)


def _stored(moment: datetime) -> str:
    """A moment as the desk stores it: naive UTC text with microseconds."""
    return moment.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def _read(text: str | None) -> datetime | None:
    """A stored time as an aware UTC datetime."""
    if text is None:
        return None
    moment = datetime.fromisoformat(text)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _page_keys(db: sqlite3.Connection, limit: int) -> list[tuple[str | None, int]]:
    """(stored deadline, id) of the first `limit` open enquiries, most urgent first, those without a deadline last."""
    keys = db.execute(_KEYS[True], (limit,)).fetchall()
    if len(keys) < limit:
        keys += db.execute(_KEYS[False], (limit - len(keys),)).fetchall()
    return keys


def _counts(db: sqlite3.Connection, now: datetime) -> DeskCounts:
    """Open enquiries, those due within the hour, overdue ones, interview requests not routed."""
    row = db.execute(_COUNTS, {"now": _stored(now), "soon": _stored(now + timedelta(hours=1))}).fetchone()
    return DeskCounts(open=row[0], due_soon=row[1], overdue=row[2], unrouted_interviews=row[3])


def _open(path: Path) -> sqlite3.Connection:
    """A read-only connection to the desk file, no statement run yet."""
    return sqlite3.connect(
        f"file:{quote(os.fspath(path.resolve()))}?mode=ro", uri=True, timeout=1.0, isolation_level=None
    )


def read_first_page(path: Path, *, now: datetime, limit: int, skip_empty: bool = False) -> FirstPage | None:
    """The first `limit` open enquiries with their counts, in one read transaction; None if this desk cannot be read
    this way: not a file, a schema not at HEAD, an error (or no enquiry at all with skip_empty: the demo desk is
    filled when it opens)."""
    if not path.is_file():
        return None
    try:
        with closing(_open(path)) as db:
            db.execute("BEGIN")
            if db.execute("SELECT version_num FROM alembic_version").fetchall() != [(HEAD,)]:
                return None
            if skip_empty and db.execute("SELECT 1 FROM enquiry LIMIT 1").fetchone() is None:
                return None
            keys = _page_keys(db, limit + 1)
            shown = keys[:limit]
            found = {r[0]: r for r in db.execute(_ROWS.format(ids=", ".join("?" * len(shown))), [i for _, i in shown])}
            counts = _counts(db, now)
    except (sqlite3.Error, ValueError):
        return None
    rows = tuple(_row(found[i]) for _, i in shown if i in found)
    cursors = tuple((_read(d), i) for d, i in shown if i in found)
    return FirstPage(rows=rows, cursors=cursors, more=len(keys) > limit, counts=counts)


def _row(r: tuple) -> EnquiryRow:
    """An EnquiryRow from the columns of _ROWS, times read back as aware UTC."""
    return EnquiryRow(r[0], _read(r[1]), _read(r[2]), *r[3:])
