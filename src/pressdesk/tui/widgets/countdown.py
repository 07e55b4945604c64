"""The Due column: a countdown coloured by urgency."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text

STYLES = {"overdue": "bold white on red", "soon": "bold black on yellow", "later": "", "none": "dim"}


def countdown_cell(deadline: datetime | None, now: datetime) -> Text:
    """'12m', '3h', 'overdue 40m' or '—', styled for overdue and due-within-the-hour."""
    # imported here, not with the desk: the first frame shows no row (the desk-opening worker loads it before rows)
    from pressdesk.validation.countdown import due_state, format_countdown

    return Text(format_countdown(deadline, now), style=STYLES[due_state(deadline, now)])
