"""Naming a report's period and counting by the desk's local day in SQL."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, case, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement

from pressdesk import validation
from pressdesk.errors import FieldError
from pressdesk.exchange.export.clock import offset_changes
from pressdesk.models import utcnow
from pressdesk.services.exports import read_period
from pressdesk.services.reports.figures import PERIODS, Period


# --- the period ----------------------------------------------------------------------------------
def _title(start: datetime, end: datetime, zone: ZoneInfo) -> str:
    """A span in words: "Tue 24 Nov 2026", "Mon 16 Nov – Sun 22 Nov 2026", with times when not whole days."""
    first, last = start.astimezone(zone), (end - timedelta(microseconds=1)).astimezone(zone)
    whole = first.time() == datetime.min.time() and end.astimezone(zone).time() == datetime.min.time()

    def day(moment: datetime, year: bool) -> str:
        text = f"{moment:%a} {moment.day} {moment:%b}" + (f" {moment.year}" if year else "")
        return text if whole else f"{text} {moment:%H:%M}"

    if whole and first.date() == last.date():
        return day(first, True)
    return f"{day(first, first.year != last.year)} – {day(last if whole else end.astimezone(zone), True)}"


def report_period(
    period: str | None = None,
    *,
    from_text: str | None = None,
    to_text: str | None = None,
    now: datetime | None = None,
    tz: str,
) -> Period:
    """The period a report covers: named (day, week, month: the current one) or from/to everyday words.

    "--from monday" alone runs to the end of today; a "--to" needs a "--from". FieldError names what is wrong.
    """
    now = now or utcnow()
    if from_text or to_text:
        start, end = read_period(from_text, to_text, now=now, tz=tz)
        if start is None:
            raise FieldError("from", "Say where the report starts, e.g. --from monday.")
        if end is None:
            end = validation.parse_range("today", now=now, tz=tz)[1]
        label = "custom"
    else:
        label = (period or "week").strip().lower()
        if label not in PERIODS:
            raise FieldError("period", f"'{period}' is not a period. Use one of: {', '.join(PERIODS)}.")
        start, end = validation.parse_range(
            {"day": "today", "week": "this week", "month": "this month"}[label], now=now, tz=tz
        )
    if end <= start:
        raise FieldError("to", "The period ends before it starts: give a 'to' after the 'from'.")
    return Period(label=label, start=start, end=end, tz=tz, title=_title(start, end, ZoneInfo(tz)))


# --- local days in SQL ----------------------------------------------------------------------------
class shifted_date(FunctionElement):  # noqa: N801 - named like the SQL functions it sits among
    """The calendar date of a UTC timestamp moved by a number of minutes (a time zone's offset)."""

    inherit_cache = True
    name = "shifted_date"


@compiles(shifted_date, "sqlite")
def _shifted_sqlite(element, compiler, **kw) -> str:
    """SQLite: date(moment, 'N minutes')."""
    moment, minutes = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"date({moment}, ({minutes}) || ' minutes')"


@compiles(shifted_date, "postgresql")
def _shifted_postgresql(element, compiler, **kw) -> str:
    """PostgreSQL: the date of the moment plus an interval."""
    moment, minutes = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"CAST({moment} + ({minutes}) * INTERVAL '1 minute' AS DATE)"


def local_day(column, start: datetime, end: datetime, zone: ZoneInfo):
    """The desk's local date of a UTC timestamp column, exact across clock changes within [start, end)."""
    changes = [(since, int(offset.total_seconds() // 60)) for since, offset in offset_changes(start, end, zone)]
    minutes = changes[-1][1]
    if len(changes) > 1:
        minutes = case(
            *((column < since, offset) for (_, offset), (since, _) in zip(changes, changes[1:], strict=False)),
            else_=changes[-1][1],
        )
    return shifted_date(column, minutes if len(changes) > 1 else literal(minutes, Integer))


def _days(start: datetime, end: datetime, zone: ZoneInfo) -> list[date]:
    """The local days [start, end) touches."""
    first, last = start.astimezone(zone).date(), (end - timedelta(microseconds=1)).astimezone(zone).date()
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
