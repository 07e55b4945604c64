"""Export the enquiry log: read what the faces typed as a filter, stream the rows out of one SELECT, write a format."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from pressdesk import validation
from pressdesk.errors import FieldError
from pressdesk.exchange.export import LOG_FORMATS, log_writer
from pressdesk.exchange.export.columns import LogRow
from pressdesk.models import (
    OPEN_STATUSES,
    ContactPoint,
    Enquiry,
    EnquiryStatus,
    Expert,
    InterviewRequest,
    Journalist,
    Outlet,
    Release,
    utcnow,
)
from pressdesk.services import enquiry_facts as facts
from pressdesk.services import log_csv
from pressdesk.services.choices import parse_choice
from pressdesk.services.enquiries import parse_type

Progress = Callable[[int, int], None]
"""Told (rows written so far, rows in all) as an export goes, for a progress bar."""

PROGRESS_EVERY = 1000
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class LogFilter:
    """Which enquiries an export holds: received from `start` (included) to `end` (excluded), and the rest."""

    start: datetime | None = None
    end: datetime | None = None
    statuses: tuple[str, ...] = ()
    officers: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    open_only: bool = False
    closed_from: datetime | None = None
    """Closed (done, declined, withdrawn) from then (included), as the desk's "closed today" view."""
    closed_to: datetime | None = None
    due_before: datetime | None = None
    """Deadline before then, as the desk's "overdue" view (with open_only)."""


def _words(values: str | Sequence[str] | None) -> list[str]:
    """Values given once or repeated, each possibly a comma-separated list, without blanks."""
    if values is None:
        return []
    items = [values] if isinstance(values, str) else list(values)
    return [part.strip() for item in items for part in item.split(",") if part.strip()]


def read_period(
    from_text: str | None, to_text: str | None, *, now: datetime | None = None, tz: str
) -> tuple[datetime | None, datetime | None]:
    """The (start, end) typed as everyday words: `from` takes the start of what it names, `to` its end.

    "--from monday" is from Monday 00:00; "--from 'last week' --to 'last week'" is exactly last week; a missing
    side is open. FieldError("from"/"to") says what could not be read, or that the end comes before the start.
    """
    now = now or utcnow()
    start = end = None
    for field, text in (("from", from_text), ("to", to_text)):
        if text is None or not text.strip():
            continue
        try:
            first, after = validation.parse_range(text, now=now, tz=tz)
        except validation.WhenError as exc:
            raise FieldError(field, str(exc)) from None
        if field == "from":
            start = first
        else:
            end = after
    if start is not None and end is not None and end <= start:
        raise FieldError("to", "The period ends before it starts: give a 'to' after the 'from'.")
    return start, end


def read_filter(
    *,
    from_text: str | None = None,
    to_text: str | None = None,
    status: str | Sequence[str] | None = None,
    officer: str | Sequence[str] | None = None,
    type: str | Sequence[str] | None = None,
    outlet: str | Sequence[str] | None = None,
    open_only: bool = False,
    now: datetime | None = None,
    tz: str,
) -> LogFilter:
    """A LogFilter from what was typed; FieldError naming the field for a date, status or type it cannot read."""
    start, end = read_period(from_text, to_text, now=now, tz=tz)
    statuses = tuple(parse_choice(EnquiryStatus, s, field="status", noun="enquiry status") for s in _words(status))
    types = tuple(parse_type(t) for t in _words(type))
    officers = tuple(validation.clean_text(o) for o in _words(officer))
    outlets = tuple(validation.clean_text(o) for o in _words(outlet))
    return LogFilter(start, end, statuses, officers, types, outlets, open_only)


def _outlet_ids(session: Session, names: Sequence[str]) -> list[int]:
    """The ids of the outlets named (case, accents and spacing aside); FieldError for one not on the desk."""
    ids = []
    for name in names:
        found = session.execute(select(Outlet.id).where(Outlet.name_key == validation.name_key(name))).scalar()
        if found is None:
            raise FieldError("outlet", f"There is no outlet '{name}' on the desk.")
        ids.append(found)
    return ids


def _conditions(session: Session, wanted: LogFilter) -> list:
    """The WHERE clauses of a filter, on the enquiry table alone (so counting needs no join)."""
    where = []
    if wanted.start is not None:
        where.append(Enquiry.received_at >= wanted.start)
    if wanted.end is not None:
        where.append(Enquiry.received_at < wanted.end)
    if wanted.statuses:
        where.append(Enquiry.status.in_(wanted.statuses))
    if wanted.open_only:
        where.append(Enquiry.status.in_(OPEN_STATUSES))
    if wanted.officers:
        where.append(Enquiry.officer.in_(wanted.officers))
    if wanted.types:
        where.append(Enquiry.type.in_(wanted.types))
    if wanted.outlets:
        where.append(Enquiry.outlet_id.in_(_outlet_ids(session, wanted.outlets)))
    if wanted.closed_from is not None:
        where.append(Enquiry.closed_at >= wanted.closed_from)
    if wanted.closed_to is not None:
        where.append(Enquiry.closed_at < wanted.closed_to)
    if wanted.due_before is not None:
        where.append(Enquiry.deadline < wanted.due_before)
    return where


def _first_point(kind: str):
    """The journalist's first phone or email (by position), as a correlated scalar subquery."""
    return (
        select(ContactPoint.value)
        .where(ContactPoint.journalist_id == Enquiry.journalist_id, ContactPoint.kind == kind)
        .order_by(ContactPoint.position, ContactPoint.id)
        .limit(1)
        .correlate(Enquiry)
        .scalar_subquery()
    )


def log_query(session: Session, wanted: LogFilter, *, now: datetime) -> Select:
    """The one SELECT of the log: an enquiry per row with its people, release, expert, times and coverage."""
    main = aliased(InterviewRequest, name="main_request")
    return (
        select(
            Enquiry.id,
            Enquiry.received_at,
            Enquiry.channel,
            Journalist.name,
            Outlet.name,
            _first_point("email"),
            _first_point("phone"),
            Enquiry.type,
            Enquiry.subject,
            Release.title,
            facts.expert_label(),
            Enquiry.status,
            Enquiry.officer,
            Enquiry.priority,
            Enquiry.deadline,
            Enquiry.first_response_at,
            Enquiry.closed_at,
            facts.response_minutes(),
            facts.deadline_met(now),
            facts.outcome_word(main.status),
            facts.coverage_links(),
        )
        .select_from(Enquiry)
        .outerjoin(Journalist, Journalist.id == Enquiry.journalist_id)
        .outerjoin(Outlet, Outlet.id == Enquiry.outlet_id)
        .outerjoin(Release, Release.id == Enquiry.release_id)
        .outerjoin(main, main.id == facts.main_request_id())
        .outerjoin(Expert, Expert.id == main.expert_id)
        .where(*_conditions(session, wanted))
        .order_by(Enquiry.received_at, Enquiry.id)
    )


def count_log(session: Session, wanted: LogFilter) -> int:
    """How many enquiries the filter holds."""
    return session.execute(select(func.count()).select_from(Enquiry).where(*_conditions(session, wanted))).scalar_one()


def stream_log(
    session: Session, wanted: LogFilter, *, now: datetime | None = None, batch: int = 2000
) -> Iterator[LogRow]:
    """The log's rows, fetched `batch` at a time from one SELECT: memory stays flat however many there are."""
    query = log_query(session, wanted, now=now or utcnow()).execution_options(yield_per=batch)
    separator = facts.COVERAGE_SEPARATOR
    make = LogRow._make
    for row in session.connection().execute(query):  # Core rows: the ORM's loading layer adds nothing here
        links = row[-1]
        yield make((*row[:-1], tuple(links.split(separator)) if links else ()))


def _reporting(rows: Iterable[T], total: int, progress: Progress | None) -> Iterator[T]:
    """The rows, telling `progress` (done, total) every PROGRESS_EVERY rows and at the end."""
    if progress is None:
        yield from rows
        return
    done = 0
    progress(0, total)
    for row in rows:
        yield row
        done += 1
        if done % PROGRESS_EVERY == 0:
            progress(done, total)
    progress(done, total)


def export_log(
    session: Session,
    wanted: LogFilter,
    fmt: str,
    out: IO[bytes],
    *,
    tz: str,
    now: datetime | None = None,
    progress: Progress | None = None,
    title: str = "Enquiry log",
) -> int:
    """Write the enquiries the filter holds to a binary stream in a format (csv, xlsx, json, md, html); how many."""
    if fmt not in LOG_FORMATS:
        raise FieldError("format", f"'{fmt}' is not a format of the log. Use one of: {', '.join(LOG_FORMATS)}.")
    if fmt == "csv" and log_csv.works_on(session):
        return _csv_from_sqlite(session, wanted, out, zone=ZoneInfo(tz), now=now, progress=progress)
    rows = stream_progress(session, wanted, now=now, progress=progress)
    return log_writer(fmt)(rows, out, zone=ZoneInfo(tz), title=title)


def _csv_from_sqlite(
    session: Session,
    wanted: LogFilter,
    out: IO[bytes],
    *,
    zone: ZoneInfo,
    now: datetime | None,
    progress: Progress | None,
) -> int:
    """The CSV log with its cells finished in SQLite (services.log_csv), a batch of rows at a time."""
    from pressdesk.exchange.export import csv_log

    total = count_log(session, wanted) if progress is not None else 0
    query = log_query(session, wanted, now=now or utcnow())
    batches = log_csv.stream_cells(session, query, batch=PROGRESS_EVERY)
    return csv_log.write_stored(_reporting_batches(batches, total, progress), out, zone=zone)


def _reporting_batches(batches: Iterable[Sequence[T]], total: int, progress: Progress | None) -> Iterator[Sequence[T]]:
    """The batches of rows (PROGRESS_EVERY each but the last), telling `progress` (done, total) after each one."""
    if progress is None:
        yield from batches
        return
    done = 0
    progress(0, total)
    for batch in batches:
        yield batch
        done += len(batch)
        if done % PROGRESS_EVERY == 0:
            progress(done, total)
    progress(done, total)


def stream_progress(
    session: Session, wanted: LogFilter, *, now: datetime | None = None, progress: Progress | None = None
) -> Iterator[LogRow]:
    """The log's rows as stream_log gives them, telling `progress` how far it has got (the total counted first)."""
    total = count_log(session, wanted) if progress is not None else 0
    return _reporting(stream_log(session, wanted, now=now), total, progress)


def write_file(path: str | os.PathLike[str], write: Callable[[IO[bytes]], T]) -> T:
    """Call write(stream) on a new file that replaces `path` only once it is whole; FieldError("output") if it cannot.

    The file is private to its owner (mode 0600), like the desk: it holds journalists' contact details.
    """
    target = Path(path)
    if target.is_dir():
        raise FieldError("output", f"{target} is a folder; give a file name.")
    if target.exists() and not target.is_file():  # a device or a pipe: the file put in its place would replace it
        raise FieldError("output", f"{target} is a device or a pipe, not a file; give a file name.")
    if not target.parent.is_dir():
        raise FieldError("output", f"The folder {target.parent} does not exist.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".pressdesk-", suffix=target.suffix, dir=target.parent)
    except OSError as exc:
        raise FieldError("output", f"cannot write a file in {target.parent}: {exc.strerror}.") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            result = write(stream)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise FieldError("output", f"cannot write {target}: {exc.strerror}.") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return result
