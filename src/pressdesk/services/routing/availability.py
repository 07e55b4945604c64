"""Whether an expert has working time before a deadline, read from their stored hours and blocked dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from pressdesk.errors import FieldError
from pressdesk.models import Expert
from pressdesk.validation.expert_fields import parse_blocked_dates, parse_working_hours

MIN_SLOT = timedelta(minutes=15)
"""The shortest stretch of working time that counts as free for an interview."""


def _lenient(parse, text: str, default):
    """Parse a stored value, falling back to a default when someone saved something unreadable."""
    try:
        return parse(text)
    except FieldError:
        return default


def _blocked(day: date, spans: list[tuple[date, date]]) -> bool:
    """Whether a day falls in any blocked span."""
    return any(a <= day <= b for a, b in spans)


def free_before(
    expert: Expert, *, now: datetime, deadline: datetime | None, tz: ZoneInfo, horizon_days: int = 14
) -> tuple[bool, str]:
    """Whether the expert has working time (weekdays, within hours, not blocked) before the deadline, and why."""
    hours = _lenient(parse_working_hours, expert.working_hours, None) or (time(0, 0), time(23, 59))
    spans = _lenient(parse_blocked_dates, expert.blocked_dates, [])
    if deadline is not None and deadline <= now:
        return False, "The deadline has passed"
    end = deadline or now + timedelta(days=7)
    local_now = now.astimezone(tz)
    day = local_now.date()
    last = min(end.astimezone(tz).date(), day + timedelta(days=horizon_days))
    saw_blocked = False
    while day <= last:
        if day.weekday() < 5:
            if _blocked(day, spans):
                saw_blocked = True
            else:
                opens = datetime.combine(day, hours[0], tzinfo=tz).astimezone(UTC)
                closes = datetime.combine(day, hours[1], tzinfo=tz).astimezone(UTC)
                if min(closes, end) - max(opens, now) >= MIN_SLOT:
                    return True, "Free before the deadline" if deadline else "Free in the coming days"
        day += timedelta(days=1)
    shown = expert.working_hours.strip() or "any time"
    when = "before the deadline" if deadline else "in the coming week"
    if saw_blocked:
        return False, f"Not free {when}: blocked dates ({expert.blocked_dates.strip()})"
    return False, f"Not free {when} (works {shown} on weekdays)"
