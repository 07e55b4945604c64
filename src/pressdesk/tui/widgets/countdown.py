"""The Due column: a countdown coloured by urgency, or when a closed enquiry was closed."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from rich.text import Text

STYLES = {"overdue": "bold white on red", "soon": "bold black on yellow", "later": "", "none": "dim"}


def countdown_cell(deadline: datetime | None, now: datetime) -> Text:
    """'12m', '3h', 'overdue 40m' or '—', styled for overdue and due-within-the-hour."""
    # imported here, not with the desk: the first frame shows no row (the desk-opening worker loads it before rows)
    from pressdesk.validation.countdown import due_state, format_countdown

    return Text(format_countdown(deadline, now), style=STYLES[due_state(deadline, now)])


def closed_cell(closed_at: datetime, now: datetime, tz: str) -> Text:
    """When an enquiry was closed, dimmed: "✓ 14:05" today, "✓ 24 Nov" this year, "✓ 24 Nov 25" before.

    It fits the column's 11 cells, as "closed 14:05" would not; the Status column says how it ended.
    """
    zone = ZoneInfo(tz)
    closed, today = closed_at.astimezone(zone), now.astimezone(zone)
    if closed.date() == today.date():
        shown = f"{closed:%H:%M}"
    else:
        shown = f"{closed:%d %b}" if closed.year == today.year else f"{closed:%d %b %y}"
    return Text(f"✓ {shown}", style=STYLES["none"])


def due_cell(deadline: datetime | None, closed_at: datetime | None, now: datetime, tz: str) -> Text:
    """The Due cell of an enquiry: its closing time once closed, else the countdown to its deadline."""
    return countdown_cell(deadline, now) if closed_at is None else closed_cell(closed_at, now, tz)
