"""Reading deadlines as press officers type them, and describing how long is left."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["WhenError", "due_state", "format_countdown", "parse_when"]

END_OF_DAY = time(17, 30)
EVENING = time(18, 0)
SOON = timedelta(minutes=60)
_HINT = "Try 16:00, tomorrow 9am or +2h."

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_UNIT_MINUTES = {"m": 1, "h": 60, "d": 24 * 60, "w": 7 * 24 * 60}
_REL_PART_RE = re.compile(
    r"(\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*"
    r"(minutes?|mins?|mn|m|hours?|hrs?|h|days?|d|weeks?|wks?|w)\b"
)
_REL_SEP_RE = re.compile(r"[\s,]*(?:and\s+)?")
_REL_PHRASES = {
    "half an hour": "30m",
    "half hour": "30m",
    "an hour and a half": "90m",
    "a quarter of an hour": "15m",
    "quarter of an hour": "15m",
    "quarter hour": "15m",
}

_ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:z|[+-]\d{2}(?::?\d{2})?)?)?$")
_AMPM_RE = re.compile(r"(?<![\d:./-])(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m\b\.?")
_HHMM_RE = re.compile(r"(?<![\d/.:-])([01]?\d|2[0-3])[:.]([0-5]\d)(?:\s*(?:h|hrs|hours)\b)?(?![\d/.:])")
_HHMM_HRS_RE = re.compile(r"(?<![\d/.:-])([01]\d|2[0-3])([0-5]\d)\s*(?:h|hrs|hours)\b")
_NAMED_TIMES: tuple[tuple[re.Pattern[str], time], ...] = (
    (re.compile(r"\b(?:noon|midday|mid-day)\b"), time(12, 0)),
    (re.compile(r"\bmidnight\b"), time(23, 59)),
    (
        re.compile(
            r"\b(?:eod|cob|cop|end of (?:the )?(?:working |business )?day"
            r"|close of (?:business|play))\b"
        ),
        END_OF_DAY,
    ),
)
_FILLER_RE = re.compile(r"\b(?:at|by|on|before|for|this|the|of|until|till)\b|[,@]")
_NUMERIC_DATE_RE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$")
_ORDINAL_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ALIASES = {"weds": 2, "thur": 3, "thurs": 3, "tues": 1}
_TODAY = {"today", "tod", "now"}
_TOMORROW = {"tomorrow", "tomorow", "tommorow", "tommorrow", "tmrw", "tmr", "tomoz"}
_EVENING = {"tonight", "evening", "this evening", "tonite"}


class WhenError(ValueError):
    """A deadline that could not be read."""


def _aware(moment: datetime) -> datetime:
    """Treat a naive datetime as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _at(day: date, at: time, zone: ZoneInfo) -> datetime:
    """Return the UTC instant of a local wall-clock time on a day (DST-aware)."""
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def _relative(text: str, now: datetime, zone: ZoneInfo) -> datetime | None:
    """Read "+2h", "+1d", "in 45 minutes", "2 hours from now"; None when it is not one."""
    body, said = re.subn(r"^(?:\+|in )\s*", "", text)
    body, suffixed = re.subn(r"\s+(?:from now|time|later)$", "", body)
    if not (said or suffixed):
        return None  # a bare "1600hrs" or "2 days" is left to the other readers
    body = _REL_PHRASES.get(body, body)
    days = 0.0
    minutes = 0.0
    pos = 0
    while pos < len(body):
        part = _REL_PART_RE.match(body, pos)
        if not part:
            return None
        amount = _NUMBER_WORDS.get(part.group(1))
        value = float(part.group(1)) if amount is None else float(amount)
        unit = part.group(2)[0]
        if unit in "dw":
            days += value * _UNIT_MINUTES[unit] / (24 * 60)
        else:
            minutes += value * _UNIT_MINUTES[unit]
        pos = _REL_SEP_RE.match(body, part.end()).end()
    if pos == 0:
        return None
    # Whole days move the local wall clock ("+1d" is this time tomorrow, even across a
    # clock change); hours, minutes and part days are elapsed time ("+24h" is 24 hours).
    whole_days = int(days)
    minutes += (days - whole_days) * 24 * 60
    local = now.astimezone(zone)
    moved = datetime.combine(local.date() + timedelta(days=whole_days), local.timetz())
    moved = moved.replace(tzinfo=zone, fold=0)
    return moved.astimezone(UTC) + timedelta(minutes=minutes)


def _iso(text: str, zone: ZoneInfo) -> datetime | None:
    """Read ISO 8601 forms; a time without an offset is local, a bare date is end of day."""
    if not _ISO_RE.match(text):
        return None
    try:
        parsed = datetime.fromisoformat(text.upper().replace(" ", "T", 1).replace(" ", ""))
    except ValueError:
        return None
    if len(text) == 10:
        return _at(parsed.date(), END_OF_DAY, zone)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    return parsed.astimezone(UTC)


def _take_time(text: str) -> tuple[time | None, str]:
    """Find a time of day in the text; return it and the text with it removed."""
    match = _AMPM_RE.search(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if not 1 <= hour <= 12 or minute > 59:
            raise ValueError("bad 12-hour time")
        hour = hour % 12 + (12 if match.group(3) == "p" else 0)
        return time(hour, minute), text[: match.start()] + " " + text[match.end() :]
    for pattern in (_HHMM_RE, _HHMM_HRS_RE):
        match = pattern.search(text)
        if match:
            at = time(int(match.group(1)), int(match.group(2)))
            return at, text[: match.start()] + " " + text[match.end() :]
    for pattern, at in _NAMED_TIMES:
        match = pattern.search(text)
        if match:
            return at, text[: match.start()] + " " + text[match.end() :]
    return None, text


def _weekday(text: str) -> tuple[int, bool] | None:
    """Return (weekday number, said "next") for "fri", "friday", "next friday"; else None."""
    words = text.split()
    said_next = bool(words) and words[0] == "next"
    if said_next:
        words = words[1:]
    if len(words) != 1:
        return None
    word = words[0]
    if word in _WEEKDAY_ALIASES:
        return _WEEKDAY_ALIASES[word], said_next
    if len(word) >= 3:
        for number, name in enumerate(_WEEKDAYS):
            if name.startswith(word):
                return number, said_next
    return None


def _dateparser(text: str, local_now: datetime, tz: str) -> datetime | None:
    """Ask dateparser for a local wall-clock datetime (naive), or None."""
    import dateparser  # slow to import: only when a deadline needs it

    settings = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": local_now.replace(tzinfo=None),
        "TIMEZONE": tz,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["relative-time", "custom-formats", "absolute-time"],
    }
    return dateparser.parse(text, languages=["en"], settings=settings)


def _resolve(rest: str, at: time | None, local_now: datetime, zone: ZoneInfo, tz: str) -> datetime | None:
    """Combine the day words left over with the time of day; None when unreadable."""
    today = local_now.date()
    if rest in _TODAY or not rest:
        return _at(today, at or END_OF_DAY, zone) if (at or rest) else None
    if rest in _EVENING:
        return _at(today, at or EVENING, zone)
    if rest in _TOMORROW:
        return _at(today + timedelta(days=1), at or END_OF_DAY, zone)
    if rest == "day after tomorrow":
        return _at(today + timedelta(days=2), at or END_OF_DAY, zone)
    weekday = _weekday(rest)
    if weekday is not None:
        number, said_next = weekday
        ahead = (number - today.weekday()) % 7
        candidate = _at(today + timedelta(days=ahead), at or END_OF_DAY, zone)
        if ahead == 0 and (said_next or candidate <= local_now):
            candidate = _at(today + timedelta(days=7), at or END_OF_DAY, zone)
        return candidate
    ordinal = _ORDINAL_RE.match(rest)
    if ordinal:
        return _day_of_month(int(ordinal.group(1)), at, local_now, zone)
    numeric = _NUMERIC_DATE_RE.match(rest)
    if numeric:
        return _at(_numeric_date(numeric, local_now.date()), at or END_OF_DAY, zone)
    if re.fullmatch(r"\d+", rest):
        raise ValueError("a bare number is not a time or a date")
    if not re.search(r"\d", rest) and len(rest) < 3:
        return None
    found = _dateparser(rest, local_now, tz)
    if found is None:
        return None
    if at is None:
        # dateparser keeps the current time for relative phrases ("in 3 days", "next
        # week"), and gives midnight for a bare date, which means end of that day here.
        at = found.time() if found.time() != time(0, 0) else END_OF_DAY
    return _at(found.date(), at, zone)


def _numeric_date(match: re.Match[str], today: date) -> date:
    """Read day/month[/year] UK-style; without a year, the next such date from today."""
    day, month = int(match.group(1)), int(match.group(2))
    if match.group(3):
        year = int(match.group(3))
        return date(year + 2000 if year < 100 else year, month, day)
    found = date(today.year, month, day)
    return found if found >= today else date(today.year + 1, month, day)


def _day_of_month(day: int, at: time | None, local_now: datetime, zone: ZoneInfo) -> datetime:
    """Return the next date with this day of the month (this month if still to come)."""
    year, month = local_now.year, local_now.month
    for _ in range(13):
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None and candidate >= local_now.date():
            return _at(candidate, at or END_OF_DAY, zone)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    raise ValueError("no such day of the month")


def parse_when(text: str, *, now: datetime | None = None, tz: str = "Europe/London") -> datetime:
    """Read a typed deadline in the desk's local time zone and return it as an aware UTC datetime.

    Choices: a time alone ("16:00", "4pm") is today even if it has passed (the deadline
    shows as overdue rather than silently moving to tomorrow); a day without a time
    ("tomorrow", "friday", "25 Nov") means end of day, 17:30; "tonight" is 18:00;
    "noon"/"midday" 12:00; "eod"/"end of day" 17:30; "midnight" 23:59 of that day.
    A weekday ("friday 10am", "next friday") is the next such day, today only while
    that time is still ahead and "next" was not said. "+2h"/"in 45 minutes" add elapsed
    time; "+1d"/"in 2 days" keep the local clock time across a clock change. Day and
    month are read UK-style (25/11 is 25 November); a date without a year is the next one.
    """
    try:
        zone = ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise WhenError(f"Unknown time zone '{tz}'.") from exc
    now = _aware(now) if now is not None else datetime.now(UTC)
    shown = (text or "").strip()
    if not shown:
        raise WhenError(f"Could not read an empty entry as a time. {_HINT}")
    failure = WhenError(f"Could not read '{shown}' as a time. {_HINT}")
    normal = unicodedata.normalize("NFKC", shown).lower()
    normal = re.sub(r"\s+", " ", normal).strip(" .")
    if normal in ("now", "asap", "immediately"):
        return now.astimezone(UTC)
    local_now = now.astimezone(zone)
    try:
        found = _iso(normal, zone) or _relative(normal, now, zone)
        if found is None:
            at, rest = _take_time(normal)
            rest = re.sub(r"\s+", " ", _FILLER_RE.sub(" ", rest)).strip()
            found = _resolve(rest, at, local_now, zone, tz)
            if found is None and at is not None:
                # Let dateparser try the whole text in case the time was misread.
                found = _resolve(normal, None, local_now, zone, tz)
    except (ValueError, OverflowError) as exc:
        raise failure from exc
    if found is None:
        raise failure
    return found


def _span(minutes: int) -> str:
    """Describe a number of minutes briefly: 12m, 3h 20m, 30h, 2d."""
    if minutes < 60:
        return f"{minutes}m"
    hours, mins = divmod(minutes, 60)
    if hours < 10:
        return f"{hours}h {mins}m" if mins else f"{hours}h"
    if hours < 48:
        return f"{hours}h"
    return f"{minutes // (24 * 60)}d"


def format_countdown(deadline: datetime | None, now: datetime) -> str:
    """Describe the time left before a deadline ("3h 20m") or past it ("overdue 40m")."""
    if deadline is None:
        return "—"
    seconds = (_aware(deadline) - _aware(now)).total_seconds()
    if seconds >= 0:
        return _span(math.ceil(seconds / 60))
    return f"overdue {_span(max(1, int(-seconds // 60)))}"


def due_state(deadline: datetime | None, now: datetime) -> str:
    """Classify a deadline as "none", "overdue", "soon" (within 60 minutes) or "later"."""
    if deadline is None:
        return "none"
    left = _aware(deadline) - _aware(now)
    if left < timedelta(0):
        return "overdue"
    return "soon" if left <= SOON else "later"
