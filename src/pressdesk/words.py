"""Counting things in words: '1 earlier enquiry', '3 earlier enquiries', "Antonio Giustozzi 6, Rachel Okafor 2"."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["counted", "plural_of", "spread_text"]


def plural_of(noun: str) -> str:
    """The plural of an English noun phrase as the desk uses them (its last word changes)."""
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", noun):
        return noun + "es"
    return noun + "s"


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """The number with the noun in the form that goes with it: '1 enquiry', '0 enquiries', '2 people'."""
    return f"{n} {singular if n == 1 else plural or plural_of(singular)}"


def spread_text(spread: Iterable[tuple[str, int]]) -> str:
    """One line for the desk: "Antonio Giustozzi 6, Rachel Okafor 2, ..."."""
    return ", ".join(f"{name} {n}" for name, n in spread)
