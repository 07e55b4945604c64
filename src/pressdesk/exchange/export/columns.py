"""The enquiry log's row and columns, shared by every format: what each column holds and how it is shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, NamedTuple
from zoneinfo import ZoneInfo


class LogRow(NamedTuple):
    """One enquiry of the log, values as stored: times aware UTC, missing values None."""

    id: int
    received: datetime
    channel: str
    journalist: str | None
    outlet: str | None
    email: str | None
    phone: str | None
    type: str
    subject: str
    release: str | None
    expert: str | None
    status: str
    officer: str
    priority: str
    deadline: datetime | None
    first_response_at: datetime | None
    closed_at: datetime | None
    minutes_to_first_response: int | None
    deadline_met: str
    interview_outcome: str
    coverage_links: tuple[str, ...]


Kind = Literal["number", "text", "time", "links"]


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the log: its key (JSON), heading (the other formats), kind of value and widths in characters."""

    key: str
    heading: str
    kind: Kind
    width: int
    """On screen (the XLSX column width)."""
    paper: int
    """On a printed page, where 21 columns share a landscape A4: the longest word of a short column, less for text."""


COLUMNS: tuple[Column, ...] = (
    Column("id", "id", "number", 7, 6),
    Column("received", "received", "time", 16, 10),
    Column("channel", "channel", "text", 9, 9),
    Column("journalist", "journalist", "text", 22, 11),
    Column("outlet", "outlet", "text", 22, 11),
    Column("email", "email", "text", 28, 13),
    Column("phone", "phone", "text", 16, 14),
    Column("type", "type", "text", 11, 12),
    Column("subject", "subject", "text", 50, 17),
    Column("release", "release", "text", 30, 12),
    Column("expert", "expert", "text", 22, 11),
    Column("status", "status", "text", 10, 11),
    Column("officer", "officer", "text", 16, 10),
    Column("priority", "priority", "text", 9, 8),
    Column("deadline", "deadline", "time", 16, 10),
    Column("first_response_at", "first response at", "time", 16, 10),
    Column("closed_at", "closed at", "time", 16, 10),
    Column("minutes_to_first_response", "minutes to first response", "number", 10, 7),
    Column("deadline_met", "deadline met", "text", 9, 6),
    Column("interview_outcome", "interview outcome", "text", 11, 11),
    Column("coverage_links", "coverage links", "links", 40, 15),
)
"""The log's columns, in order (LogRow has the same fields in the same order)."""

assert tuple(c.key for c in COLUMNS) == LogRow._fields

HEADINGS: tuple[str, ...] = tuple(c.heading for c in COLUMNS)
TIME_FORMAT = "%Y-%m-%d %H:%M"
"""How a time is shown outside JSON: the desk's local wall clock, to the minute."""


def local_time(moment: datetime | None, zone: ZoneInfo) -> datetime | None:
    """A stored UTC moment as the desk's naive local wall-clock time (what a spreadsheet cell holds)."""
    return None if moment is None else moment.astimezone(zone).replace(tzinfo=None)


def shown_time(moment: datetime | None, zone: ZoneInfo) -> str:
    """A stored UTC moment as local text, "2026-11-24 10:05" (TIME_FORMAT, spelt out: 3x faster); blank for none."""
    if moment is None:
        return ""
    t = moment.astimezone(zone)
    return f"{t.year:04d}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}"


TIME_COLUMNS = tuple(n for n, c in enumerate(COLUMNS) if c.kind == "time")
TEXT_COLUMNS = tuple(n for n, c in enumerate(COLUMNS) if c.kind == "text")
NUMBER_COLUMNS = tuple(n for n, c in enumerate(COLUMNS) if c.kind == "number")
LINKS_COLUMN = next(n for n, c in enumerate(COLUMNS) if c.kind == "links")


def shown_values(row: LogRow, zone: ZoneInfo, *, links_joined_by: str) -> list[str | int]:
    """A row as the human formats show it: local times as text, numbers as numbers, blanks for missing values."""
    shown: list[str | int] = []
    for column, value in zip(COLUMNS, row, strict=True):
        if column.kind == "time":
            shown.append(shown_time(value, zone))
        elif column.kind == "links":
            shown.append(links_joined_by.join(value))
        elif value is None:
            shown.append("")
        else:
            shown.append(value)
    return shown
