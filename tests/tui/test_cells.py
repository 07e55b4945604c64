"""Table cells take as many columns on every terminal as the table reserves for them, emoji included."""

from __future__ import annotations

import unicodedata

import pytest
from rich.cells import cell_len

from pressdesk.tui.safe import cell

TRICKY = [
    "Ann ❤️ Other",  # emoji presentation selector: 1 or 2 columns depending on the terminal
    "Family 👨‍👩‍👧 day",  # zero-width joiner sequence: 2 columns joined, 6 apart
    "Thumbs 👍🏽 up",  # skin-tone modifier: 2 or 4
    "Keycap 1️⃣ two",  # keycap sequence
    "Flag 🇬🇧 and 🏴󠁧󠁢󠁥󠁮󠁧󠁿",  # regional indicators and tag sequence
    "☎️ +44 20 7946 0000",
]


def apart_width(ch: str) -> int:
    """The columns a terminal that draws every code point on its own gives it (the wcwidth model: tmux, VTE)."""
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


@pytest.mark.parametrize("text", TRICKY)
def test_cell_width_does_not_depend_on_how_the_terminal_joins_emoji(text):
    shown = cell(text).plain
    joined = cell_len(shown)  # a terminal that draws clusters as one glyph (as Rich measures)
    apart = sum(apart_width(ch) for ch in shown)
    assert joined == apart, f"{shown!r} is {joined} or {apart} columns wide depending on the terminal"
    assert all(ch.isprintable() for ch in shown)


def test_plain_text_and_accents_are_left_alone():
    assert cell("Élodie Marchand, Le Monde · 中文").plain == "Élodie Marchand, Le Monde · 中文"


def test_emoji_still_read_as_themselves():
    assert cell("Family 👨‍👩‍👧 day").plain == "Family 👨👩👧 day"
    assert cell("Ann ❤️ Other").plain == "Ann ❤ Other"
    assert cell("Flag 🇬🇧").plain == "Flag GB"
