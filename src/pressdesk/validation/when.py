"""Reading times as press officers type them, within what a field accepts, and describing how long is left."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pressdesk.limits import LONGEST_TIME
from pressdesk.validation.countdown import as_utc as _aware
from pressdesk.validation.countdown import due_state, format_countdown
from pressdesk.validation.text import clean_text
from pressdesk.validation.when_words import Reading, WhenError, read, read_days

__all__ = [
    "DEADLINE",
    "PAST_DATE",
    "Window",
    "WhenError",
    "due_state",
    "format_countdown",
    "parse_day",
    "parse_range",
    "parse_when",
]

_HINT = "Try 16:00, tomorrow 9am or +2h."


@dataclass(frozen=True, slots=True)
class Window:
    """Which moments a field accepts around now, and which way a day named without its week or year points."""

    noun: str
    """What the field holds, for messages ("deadline", "coverage date")."""
    back: timedelta
    """How far before now is still accepted."""
    ahead: timedelta
    """How far after now is still accepted."""
    looks_back: bool = False
    """The field records what happened: a weekday or a date without its year is the latest one, and an
    offset may count back ("-2d", "3 days ago"); otherwise they point forward and a count back is refused."""
    whole_days: bool = False
    """The field holds a day, not an instant: the limits are counted in calendar days."""


DEADLINE = Window("deadline", back=timedelta(days=1), ahead=timedelta(days=731))
"""A deadline or an interview slot: at most a day past (shown as overdue), at most two years ahead."""

PAST_DATE = Window("date", back=timedelta(days=3653), ahead=timedelta(0), looks_back=True, whole_days=True)
"""The day something happened (coverage ran): today or up to ten years back, never in the future."""


def _zone(tz: str) -> ZoneInfo:
    """The desk's time zone, or WhenError naming it."""
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise WhenError(f"Unknown time zone '{tz}'.") from exc


def _distance(earlier: date, later: date) -> str:
    """The distance between two days as words: "1 day", "2 days", "27 years"."""
    days = (later - earlier).days
    if days >= 730:
        return f"{later.year - earlier.year - ((later.month, later.day) < (earlier.month, earlier.day))} years"
    return f"{days} days" if days != 1 else "1 day"


def _limit(span: timedelta) -> str:
    """A window's limit as words: "a day", "2 years"."""
    if span.days >= 365:
        return f"{round(span.days / 365)} years"
    return "a day" if span.days == 1 else f"{span.days} days"


def _shown(moment: datetime, zone: ZoneInfo, *, whole_days: bool, now: datetime) -> str:
    """A moment as the refusal shows it: "Wed 25 Nov 14:00", with the year when it is not this year's."""
    local = moment.astimezone(zone)
    text = f"{local:%a} {local.day} {local:%b}"
    if local.year != now.astimezone(zone).year:
        text += f" {local.year:04d}"
    return text if whole_days else f"{text} {local:%H:%M}"


def _check(reading: Reading, window: Window, now: datetime, zone: ZoneInfo, typed: str) -> datetime:
    """Return the reading's moment if the window accepts it, else WhenError saying how far out it is."""
    if reading.counted_back and not window.looks_back:
        raise WhenError(f"'{typed}' counts back from now; give when the {window.noun} is, e.g. +2h or 16:00.")
    moment = reading.moment
    day, today = moment.astimezone(zone).date(), now.astimezone(zone).date()
    if window.whole_days:
        early, late = (today - day).days > window.back.days, (day - today).days > window.ahead.days
    else:
        early, late = moment < now - window.back, moment > now + window.ahead
    shown = _shown(moment, zone, whole_days=window.whole_days, now=now)
    if early:
        when = "yesterday" if (today - day).days == 1 else f"{_distance(day, today)} ago"
        if reading.yearless and not window.looks_back:
            next_year = f"{day.day}/{day.month}/{day.year + 1}"
            raise WhenError(f"That was {when} ({shown}). For next year, add the year: {next_year}.")
        raise WhenError(f"That was {when} ({shown}); a {window.noun} can be at most {_limit(window.back)} past.")
    if late and not window.ahead:
        when = "tomorrow" if (day - today).days == 1 else f"in {_distance(today, day)}"
        raise WhenError(f"That is {when} ({shown}); a {window.noun} cannot be in the future.")
    if late:
        raise WhenError(f"That is more than {_limit(window.ahead)} ahead ({shown}); check the year.")
    return moment


def _normal(text: str) -> tuple[str, str]:
    """The text as typed (cleaned, for messages) and normalised for the grammar; WhenError when it is empty or
    too long to be a time (refused before anything reads it, and never echoed back)."""
    if len(text) > LONGEST_TIME:
        raise WhenError(f"This is too long to be a time ({len(text):,} characters; at most {LONGEST_TIME}).")
    typed = clean_text(text)  # what is read is also what a refusal may echo: never an escape code
    if not typed:
        raise WhenError(f"Could not read an empty entry as a time. {_HINT}")
    normal = unicodedata.normalize("NFKC", typed).lower()
    return typed, re.sub(r"\s+", " ", normal).strip(" .")


def _read(text: str, now: datetime, zone: ZoneInfo, tz: str, window: Window | None) -> Reading:
    """Read the text with the one grammar; WhenError when it is not a time or names one wrongly."""
    typed, normal = _normal(text)
    try:
        found = read(normal, now=now, zone=zone, tz=tz, looks_back=window is not None and window.looks_back)
    except WhenError:
        raise
    except (ValueError, OverflowError) as exc:
        raise WhenError(f"Could not read '{typed}' as a time. {_HINT}") from exc
    if found is None:
        raise WhenError(f"Could not read '{typed}' as a time. {_HINT}")
    return found


def parse_when(
    text: str, *, now: datetime | None = None, tz: str = "Europe/London", window: Window | None = DEADLINE
) -> datetime:
    """Read a typed time in the desk's local time zone and return it as an aware UTC datetime.

    Choices: a time alone ("16:00", "4pm") is today even if it has passed (the deadline
    shows as overdue rather than silently moving to tomorrow); a day without a time
    ("tomorrow", "friday", "25 Nov") means end of day, 17:30; "tonight" is 18:00;
    "noon"/"midday" 12:00; "eod"/"end of day" 17:30; "midnight" 23:59 of that day.
    A weekday ("friday 10am", "next friday") is the next such day, today only while
    that time is still ahead and "next" was not said; a bare number after a day is the
    hour ("mon 9" is 09:00). "+2h"/"in 45 minutes" add elapsed time; "+1d"/"in 2 days"
    keep the local clock time across a clock change. Day and month are read UK-style
    (25/11 is 25 November); a date without a year is this year's, never silently next
    year's. An impossible time ("25:00", "13pm", "31/4") is refused saying why. The
    window (DEADLINE by default; None for no limits) refuses moments too far back or
    ahead, and for a deadline any offset counted back ("-2h").
    """
    zone = _zone(tz)
    now = _aware(now) if now is not None else datetime.now(UTC)
    found = _read(text, now, zone, tz, window)
    if window is None:
        return found.moment
    return _check(found, window, now, zone, clean_text(text))


def parse_day(text: str, *, now: datetime | None = None, tz: str = "Europe/London", window: Window = PAST_DATE) -> date:
    """Read a typed day ("yesterday", "mon", "25/11", "2026-11-25") with the same grammar; the local date."""
    zone = _zone(tz)
    return parse_when(text, now=now, tz=tz, window=window).astimezone(zone).date()


def parse_range(text: str, *, now: datetime | None = None, tz: str = "Europe/London") -> tuple[datetime, datetime]:
    """Read typed words as a span of time (start, end), end excluded, as aware UTC datetimes, for choosing a period.

    Words for days give whole local days from midnight to midnight: "today", "monday" (the latest Monday),
    "25/11", "this week" and "last week" (Monday to Sunday), "this month", "october", "last 7 days"
    (see when_words.read_days). Words for a moment ("monday 9am", "-2h", "now") give a span of no length,
    (moment, moment), so a "from" takes its start and a "to" its end either way.
    """
    zone = _zone(tz)
    now = _aware(now) if now is not None else datetime.now(UTC)
    typed, normal = _normal(text)
    unread = f"Could not read '{typed}' as a day or a period. Try today, monday, last week or 25/11."
    try:
        days = read_days(normal, now=now, zone=zone)
        found = None if days is not None else read(normal, now=now, zone=zone, tz=tz, looks_back=True)
    except WhenError:
        raise
    except (ValueError, OverflowError) as exc:
        raise WhenError(unread) from exc
    if days is not None:
        first, after = days
        return _midnight(first, zone), _midnight(after, zone)
    if found is None:
        raise WhenError(unread)
    return found.moment, found.moment


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    """The UTC instant a local day begins."""
    try:
        return datetime.combine(day, time(0, 0), tzinfo=zone).astimezone(UTC)
    except OverflowError:
        raise WhenError(f"{day.year} is too far from today; check the year.") from None
