"""The grammar of typed times: clock times, day words, weekdays, dates and offsets, read strictly."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from pressdesk.validation.when_text import AMPM_RE, HHMM_HRS_RE, HHMM_RE, MONTHS

__all__ = ["END_OF_DAY", "EVENING", "Reading", "WhenError", "read", "read_days"]

END_OF_DAY = time(17, 30)
EVENING = time(18, 0)


class WhenError(ValueError):
    """A typed time that could not be read, or that the field does not accept."""


@dataclass(frozen=True, slots=True)
class Reading:
    """What a typed time says: the instant, and how it was said (for the window's messages)."""

    moment: datetime
    """The instant, aware, in UTC."""
    yearless: bool = False
    """A date was named without its year (so "add the year" can be suggested)."""
    counted_back: bool = False
    """An offset counted back from now ("-2h", "3 days ago")."""


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
    r"(minutes?|mins?|mn|m|hours?|hrs?|h|days?|d|weeks?|wks?|w)(?![a-z])"
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
_REL_AHEAD_RE = re.compile(r"\s+(?:from now|from today|time|later)$")
_REL_BACK_RE = re.compile(r"\s+(?:ago|back|before now|earlier)$")

_ISO_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(z|[+-]\d{2}(?::?\d{2})?)?)?$"
)
_AMPM_RE, _HHMM_RE, _HHMM_HRS_RE = AMPM_RE, HHMM_RE, HHMM_HRS_RE  # one clock grammar with the release reader
_CLOCK_RUN_RE = re.compile(r"[\d:]*\d[\d:]*")
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
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTHS = MONTHS  # English month names and abbreviations, and the German, French and Spanish ones
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH_RE = re.compile(rf"^{_ORDINAL} {_MONTH}(?: (\d{{4}}))?$")
_MONTH_DAY_RE = re.compile(rf"^{_MONTH} {_ORDINAL}(?: (\d{{4}}))?$")
_ORDINAL_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")
_TRAILING_HOUR_RE = re.compile(r"^(.*\S) (\d{1,2})$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ALIASES = {"weds": 2, "thur": 3, "thurs": 3, "tues": 1}
_DAY_WORDS: dict[str, tuple[int, time]] = {
    **dict.fromkeys(("today", "tod"), (0, END_OF_DAY)),
    **dict.fromkeys(("tonight", "evening", "tonite"), (0, EVENING)),
    **dict.fromkeys(("tomorrow", "tomorow", "tommorow", "tommorrow", "tmrw", "tmr", "tomoz"), (1, END_OF_DAY)),
    "day after tomorrow": (2, END_OF_DAY),
    **dict.fromkeys(("yesterday", "yday"), (-1, END_OF_DAY)),
    "day before yesterday": (-2, END_OF_DAY),
}
_HOURS_RULE = "the day has hours 0 to 23"
_MINUTES_RULE = "an hour has minutes 0 to 59"


@dataclass(frozen=True, slots=True)
class _Day:
    """A day the words named, the time of day they imply, and whether a year was left out."""

    day: date
    default: time = END_OF_DAY
    yearless: bool = False
    weekday_today: bool = False
    """Today named by its weekday: once its time has passed it means the same day next week."""


def _at(day: date, at: time, zone: ZoneInfo) -> datetime:
    """Return the UTC instant of a local wall-clock time on a day (DST-aware)."""
    try:
        return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)
    except OverflowError:
        raise WhenError(f"{day.year} is too far from today; check the year.") from None


def make_date(year: int, month: int, day: int) -> date:
    """A calendar date, or WhenError saying which part does not exist."""
    if not 1 <= month <= 12:
        raise WhenError(f"There is no month {month}; months run 1 to 12 (dates are day/month, e.g. 25/11).")
    if not 1 <= year <= 9999:
        raise WhenError(f"There is no year {year}.")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = calendar.month_name[month]
        which = f"{name} {year}" if month == 2 else name
        raise WhenError(f"There is no {day} {which}; {which} has {last} days.")
    return date(year, month, day)


def _clock(hour: int, minute: int, shown: str) -> time:
    """A time of day, or WhenError saying which part does not exist."""
    if hour > 23:
        raise WhenError(f"There is no {shown}; {_HOURS_RULE}.")
    if minute > 59:
        raise WhenError(f"There is no {shown}; {_MINUTES_RULE}.")
    return time(hour, minute)


def _check_clock_runs(text: str) -> None:
    """Refuse anything shaped like a clock time that is not one ("25:00", "11:0011:20")."""
    for run in _CLOCK_RUN_RE.findall(text):
        if ":" not in run:
            continue
        parts = re.fullmatch(r"(\d{1,2}):(\d{2})", run)
        if parts is None:
            raise WhenError(f"'{run}' is not a time of day; write one time such as 11:00.")
        _clock(int(parts.group(1)), int(parts.group(2)), run)
    for hours in _HHMM_HRS_RE.finditer(text):
        _clock(int(hours.group(1)), int(hours.group(2)), f"{hours.group(1)}:{hours.group(2)}")


def _take_time(text: str) -> tuple[time | None, str]:
    """Find a time of day in the text; return it and the text with it removed."""
    match = _AMPM_RE.search(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        shown = match.group(0).strip()
        if not 1 <= hour <= 12:
            raise WhenError(f"There is no {shown}; 12-hour times run from 1 to 12 (or write {hour}:00).")
        if minute > 59:
            raise WhenError(f"There is no {shown}; {_MINUTES_RULE}.")
        hour = hour % 12 + (12 if match.group(3) == "p" else 0)
        return time(hour, minute), text[: match.start()] + " " + text[match.end() :]
    for pattern in (_HHMM_RE, _HHMM_HRS_RE):
        match = pattern.search(text)
        if match and int(match.group(1)) <= 23:
            at = _clock(int(match.group(1)), int(match.group(2)), match.group(0))
            return at, text[: match.start()] + " " + text[match.end() :]
    for pattern, at in _NAMED_TIMES:
        match = pattern.search(text)
        if match:
            return at, text[: match.start()] + " " + text[match.end() :]
    return None, text


def _relative(text: str, now: datetime, zone: ZoneInfo) -> Reading | None:
    """Read "+2h", "in 45 minutes", "2 hours from now", "-2h", "3 days ago"; None when it is not one."""
    body, ahead = re.subn(r"^(?:\+|in )\s*", "", text)
    back = 0
    if not ahead:
        body, back = re.subn(r"^-\s*", "", body)
    body, said_ahead = _REL_AHEAD_RE.subn("", body)
    if not (ahead or back or said_ahead):
        body, back = _REL_BACK_RE.subn("", body)
    if not (ahead or back or said_ahead):
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
    sign = -1 if back else 1
    # Whole days move the local wall clock ("+1d" is this time tomorrow, even across a
    # clock change); hours, minutes and part days are elapsed time ("+24h" is 24 hours).
    whole_days = int(days)
    minutes += (days - whole_days) * 24 * 60
    local = now.astimezone(zone)
    try:
        moved = datetime.combine(local.date() + timedelta(days=sign * whole_days), local.timetz())
        moment = moved.replace(tzinfo=zone, fold=0).astimezone(UTC) + timedelta(minutes=sign * minutes)
    except OverflowError:
        raise WhenError(f"'{text}' is too far from today.") from None
    return Reading(moment, counted_back=bool(back))


def _iso(text: str, zone: ZoneInfo) -> Reading | None:
    """Read ISO 8601 forms; a time without an offset is local, a bare date is end of day."""
    match = _ISO_RE.match(text)
    if not match:
        return None
    day = make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match.group(4) is None:
        return Reading(_at(day, END_OF_DAY, zone))
    clock = match.group(4)
    _clock(int(clock[:2]), int(clock[3:5]), clock[:5])
    try:
        parsed = datetime.fromisoformat(text.upper().replace(" ", "T", 1).replace(" ", ""))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return Reading(_at(parsed.date(), parsed.time(), zone))
    try:
        return Reading(parsed.astimezone(UTC))
    except OverflowError:
        raise WhenError(f"{day.year} is too far from today; check the year.") from None


def _weekday(text: str, today: date, looks_back: bool) -> _Day | None:
    """The day "fri", "friday", "next friday", "last friday" names; None when it is not a weekday."""
    words = text.split()
    said = words[0] if words and words[0] in ("next", "last") else ""
    if said:
        words = words[1:]
    if len(words) != 1:
        return None
    word = words[0]
    number = _WEEKDAY_ALIASES.get(word)
    if number is None and len(word) >= 3:
        number = next((n for n, name in enumerate(_WEEKDAYS) if name.startswith(word)), None)
    if number is None:
        return None
    if said == "last" or (looks_back and not said):
        back = (today.weekday() - number) % 7 or (7 if said == "last" else 0)
        return _Day(today - timedelta(days=back))
    ahead = (number - today.weekday()) % 7 or (7 if said == "next" else 0)
    return _Day(today + timedelta(days=ahead), weekday_today=ahead == 0)


def _this_or_last_year(month: int, day: int, today: date, looks_back: bool) -> _Day:
    """A day and month without a year: this year's, or for a look back the latest such date by today."""
    year = today.year
    if looks_back:
        year -= (month, day) > (today.month, today.day)
        while (month, day) == (2, 29) and not calendar.isleap(year):
            year -= 1
    return _Day(make_date(year, month, day), yearless=True)


def _day_of_month(number: int, today: date, looks_back: bool) -> _Day:
    """The next date with this day of the month (this month if still to come), or the latest for a look back."""
    year, month = today.year, today.month
    step = -1 if looks_back else 1
    for _ in range(13):
        if number <= calendar.monthrange(year, month)[1]:
            candidate = date(year, month, number)
            if (candidate <= today) if looks_back else (candidate >= today):
                return _Day(candidate)
        month += step
        year, month = (year + 1, 1) if month == 13 else (year - 1, 12) if month == 0 else (year, month)
    raise WhenError(f"No month has a day {number}.")


def _named_date(day: str, month: str, year: str | None, today: date, looks_back: bool) -> _Day:
    """A date written with its month's name, with or without the year."""
    if year:
        return _Day(make_date(int(year), _MONTHS[month], int(day)))
    return _this_or_last_year(_MONTHS[month], int(day), today, looks_back)


def _day(text: str, today: date, looks_back: bool) -> _Day | None:
    """The day the words name: today, tomorrow, a weekday, a date; None when they name no day."""
    if text in _DAY_WORDS:
        offset, default = _DAY_WORDS[text]
        return _Day(today + timedelta(days=offset), default)
    if (weekday := _weekday(text, today, looks_back)) is not None:
        return weekday
    if ordinal := _ORDINAL_RE.match(text):
        return _day_of_month(int(ordinal.group(1)), today, looks_back)
    if numeric := _NUMERIC_DATE_RE.match(text):
        day, month, year = int(numeric.group(1)), int(numeric.group(2)), numeric.group(3)
        if year:
            return _Day(make_date(int(year) + (2000 if len(year) == 2 else 0), month, day))
        make_date(2000, month, day)  # says what is wrong with 31/4 or 11/25
        return _this_or_last_year(month, day, today, looks_back)
    if named := _DAY_MONTH_RE.match(text):
        return _named_date(named.group(1), named.group(2), named.group(3), today, looks_back)
    if named := _MONTH_DAY_RE.match(text):
        return _named_date(named.group(2), named.group(1), named.group(3), today, looks_back)
    return None


def _dateparser(text: str, local_now: datetime, tz: str, looks_back: bool) -> datetime | None:
    """Ask dateparser about words without numbers ("next week", "this afternoon"): a naive local datetime, or None."""
    import dateparser  # slow to import: only when a deadline needs it

    settings = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "past" if looks_back else "future",
        "RELATIVE_BASE": local_now.replace(tzinfo=None),
        "TIMEZONE": tz,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["relative-time", "custom-formats", "absolute-time"],
    }
    return dateparser.parse(text, languages=["en"], settings=settings)


def read(text: str, *, now: datetime, zone: ZoneInfo, tz: str, looks_back: bool = False) -> Reading | None:
    """Read normalised text as a moment; None when it is not a time at all, WhenError when it names one wrongly.

    A weekday, a day of the month or a date without its year points forward from today (the next
    one; a date without a year is this year's), or back when `looks_back` (the latest one).
    A bare number after a day is the hour ("mon 9" is Monday 09:00). Numbers are never
    handed to dateparser: only word phrases such as "next week" are, so no digit is ignored.
    """
    if text in ("now", "asap", "immediately"):
        return Reading(now)
    found = _iso(text, zone) or _relative(text, now, zone)
    if found is not None:
        return found
    _check_clock_runs(text)
    local_now = now.astimezone(zone)
    today = local_now.date()
    at, rest = _take_time(text)
    rest = re.sub(r"\s+", " ", _FILLER_RE.sub(" ", rest)).strip()
    if not rest:
        return Reading(_at(today, at, zone)) if at else None
    named = _day(rest, today, looks_back)
    if named is None and at is None and (split := _TRAILING_HOUR_RE.match(rest)):
        named = _day(split.group(1), today, looks_back)
        if named is not None:
            hour = int(split.group(2))
            if hour > 23:
                raise WhenError(f"There is no hour {hour}; {_HOURS_RULE}.")
            at = time(hour, 0)
    if named is not None:
        moment = _at(named.day, at or named.default, zone)
        if named.weekday_today and moment <= now:
            moment = _at(named.day + timedelta(days=7), at or named.default, zone)
        return Reading(moment, yearless=named.yearless)
    if at is not None and (offset := _relative(rest, now, zone)) is not None:
        moved = offset.moment.astimezone(zone)
        if moved.time() != local_now.time():
            return None  # "in 2 hours at 4pm": only whole days go with a time of day
        return Reading(_at(moved.date(), at, zone), counted_back=offset.counted_back)
    if rest.rstrip(".") in _MONTHS:
        month = _MONTHS[rest.rstrip(".")]
        raise WhenError(f"Which day of {calendar.month_name[month]}? For example 1 {calendar.month_abbr[month]}.")
    if re.search(r"\d", rest) or len(rest) < 3:
        return None
    parsed = _dateparser(rest, local_now, tz, looks_back)
    if parsed is None:
        return None
    if at is None:
        # dateparser keeps the current time for relative phrases ("next week") and gives
        # midnight for a bare day, which means end of that day here.
        at = parsed.time() if parsed.time() != time(0, 0) else END_OF_DAY
    return Reading(_at(parsed.date(), at, zone))


_SPAN_RE = re.compile(r"^(?:(this|current|last|previous|next) )?(week|month|year)$")
_LAST_DAYS_RE = re.compile(r"^(?:the )?(?:last|past|previous) (\d{1,4}) (days?|weeks?)$")
_MONTH_ALONE_RE = re.compile(rf"^{_MONTH}(?: (\d{{4}}))?$")


def _month_start(year: int, month: int, step: int = 0) -> date:
    """The first day of the month `step` months after (year, month)."""
    index = year * 12 + month - 1 + step
    return date(index // 12, index % 12 + 1, 1)


def _named_span(which: str, unit: str, today: date) -> tuple[date, date]:
    """The days of this, last or next week (Monday to Sunday), month or year."""
    step = {"last": -1, "previous": -1, "next": 1}.get(which, 0)
    if unit == "week":
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
        return monday, monday + timedelta(weeks=1)
    if unit == "month":
        first = _month_start(today.year, today.month, step)
        return first, _month_start(first.year, first.month, 1)
    return date(today.year + step, 1, 1), date(today.year + step + 1, 1, 1)


def _month_span(name: str, year: str | None, today: date) -> tuple[date, date]:
    """A month named alone: that month of the year given, else the latest such month (this one or before)."""
    month = _MONTHS[name]
    first = date(int(year), month, 1) if year else date(today.year - (month > today.month), month, 1)
    return first, _month_start(first.year, first.month, 1)


def read_days(text: str, *, now: datetime, zone: ZoneInfo) -> tuple[date, date] | None:
    """The local days normalised text names as a span, (first day, day after the last); None when it names no span.

    "this week" and "last week" run Monday to Sunday; "this month", "last year", "october" (the latest
    October), "nov 2025", "last 7 days" (today and the six before). A single day ("today", "monday", "25/11",
    "2026-11-02") is that day; weekdays and dates without a year look back, as for the day coverage ran.
    Words that give a time of day name a moment, not a span: None, for read() to answer.
    """
    today = now.astimezone(zone).date()
    if span := _SPAN_RE.match(text):
        return _named_span(span.group(1) or "this", span.group(2), today)
    if last := _LAST_DAYS_RE.match(text):
        count = int(last.group(1)) * (7 if last.group(2).startswith("week") else 1)
        if count < 1:
            raise WhenError(f"'{text}' names no days; give at least one day, e.g. last 7 days.")
        return today - timedelta(days=count - 1), today + timedelta(days=1)
    if month := _MONTH_ALONE_RE.match(text):
        return _month_span(month.group(1).rstrip("."), month.group(2), today)
    iso = _ISO_RE.match(text)
    if iso and iso.group(4) is None:
        day = make_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        return day, day + timedelta(days=1)
    if iso:
        return None
    _check_clock_runs(text)
    at, rest = _take_time(text)
    if at is not None:
        return None
    named = _day(re.sub(r"\s+", " ", _FILLER_RE.sub(" ", rest)).strip(), today, looks_back=True)
    if named is None:
        return None
    return named.day, named.day + timedelta(days=1)
