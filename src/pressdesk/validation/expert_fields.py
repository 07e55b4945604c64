"""An expert's working hours ("09:00-17:30") and blocked dates ("2026-12-24, 2026-12-28..2027-01-02"), read."""

from __future__ import annotations

import re
from datetime import date, time

from pressdesk.errors import FieldError

_HOURS_RE = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?\s*[-–—to ]+\s*(\d{1,2})(?::(\d{2}))?\s*$")


def parse_working_hours(text: str) -> tuple[time, time] | None:
    """Read "09:00-17:30" as (start, end); None for blank; FieldError when it is not a range."""
    if not (text or "").strip():
        return None
    m = _HOURS_RE.match(text)
    if not m:
        raise FieldError("working_hours", f"Could not read '{text}'. Write them as 09:00-17:30.")
    try:
        start = time(int(m.group(1)), int(m.group(2) or 0))
        end = time(int(m.group(3)), int(m.group(4) or 0))
    except ValueError:
        raise FieldError("working_hours", f"'{text}' is not a time range. Write it as 09:00-17:30.") from None
    if end <= start:
        raise FieldError("working_hours", f"In '{text}' the end comes before the start.")
    return start, end


def parse_blocked_dates(text: str) -> list[tuple[date, date]]:
    """Read comma-separated ISO dates or ranges ("2026-12-01..2026-12-05") as (first, last) pairs."""
    spans: list[tuple[date, date]] = []
    for item in re.split(r"[,;\s]+", text or ""):
        if not item:
            continue
        first, _, last = item.partition("..")
        try:
            start = date.fromisoformat(first)
            end = date.fromisoformat(last) if last else start
        except ValueError:
            raise FieldError(
                "blocked_dates", f"Could not read '{item}'. Use dates like 2026-12-01 or 2026-12-01..2026-12-05."
            ) from None
        if end < start:
            raise FieldError("blocked_dates", f"In '{item}' the last day comes before the first.")
        spans.append((start, end))
    return spans
