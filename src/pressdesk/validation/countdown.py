"""How long is left before a deadline, in a few characters: the desk's Due column (no date words loaded)."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

SOON = timedelta(minutes=60)
"""A deadline closer than this is "soon"."""

PAST_GRACE = timedelta(minutes=1)
"""How far behind the clock a deadline typed is taken as meant without a word (the minute just gone, "now");
further back, the officer most likely meant tomorrow or mistyped, and is told."""


def as_utc(moment: datetime) -> datetime:
    """Treat a naive datetime as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


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
    seconds = (as_utc(deadline) - as_utc(now)).total_seconds()
    if seconds >= 0:
        return _span(math.ceil(seconds / 60))
    return f"overdue {_span(max(1, int(-seconds // 60)))}"


def due_state(deadline: datetime | None, now: datetime) -> str:
    """Classify a deadline as "none", "overdue", "soon" (within 60 minutes) or "later"."""
    if deadline is None:
        return "none"
    left = as_utc(deadline) - as_utc(now)
    if left < timedelta(0):
        return "overdue"
    return "soon" if left <= SOON else "later"


def already_passed(deadline: datetime | None, now: datetime) -> str | None:
    """'passed 1h 46m ago' for a deadline further behind now than PAST_GRACE; None for any other."""
    if deadline is None:
        return None
    behind = as_utc(now) - as_utc(deadline)
    if behind <= PAST_GRACE:
        return None
    return f"passed {_span(int(behind.total_seconds() // 60))} ago"
