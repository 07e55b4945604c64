"""The desk table's columns: the ones that matter always, the others as the terminal's width allows."""

from __future__ import annotations

from typing import NamedTuple


class Column(NamedTuple):
    """A desk column: its label, the EnquiryRow field behind it, and its width in cells (0: takes the rest)."""

    label: str
    key: str
    width: int


ORDER = (
    Column("Due", "due", 11),
    Column("Journalist", "journalist", 16),
    Column("Outlet", "outlet", 12),
    Column("Type", "type", 9),
    Column("Subject", "subject", 0),
    Column("Expert", "expert", 13),
    Column("Status", "status", 9),
    Column("Officer", "officer", 11),
)
"""Every column, in the order they stand."""
ALWAYS = ("due", "journalist", "subject", "status")
"""What matters most: shown at any width."""
EXTRAS = ("outlet", "expert", "type", "officer")
"""Added in this order while the subject keeps SUBJECT_MIN cells."""
SUBJECT_MIN = 24
"""The narrowest the subject may become to make room for another column."""
PADDING = 2
"""Cells the table adds around each column (one either side)."""


def fit_columns(width: int) -> tuple[Column, ...]:
    """The columns for a table `width` cells wide, the subject taking what the others leave."""
    by_key = {c.key: c for c in ORDER}
    chosen = list(ALWAYS)

    def left(keys) -> int:
        return width - sum(by_key[k].width + PADDING for k in keys)

    for key in EXTRAS:
        if left([*chosen, key]) >= SUBJECT_MIN:
            chosen.append(key)
    subject = max(SUBJECT_MIN, left(chosen))
    return tuple(c._replace(width=subject) if c.key == "subject" else c for c in ORDER if c.key in chosen)
