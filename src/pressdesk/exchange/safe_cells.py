"""Spreadsheet cells that stay text: a cell starting with = + - @ tab CR or LF is led by an apostrophe."""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""What a spreadsheet may read as the start of a formula (OWASP's list)."""

_FORMULA = re.compile(r"^\s*(?:=|[+\-@].*[(!|])", re.DOTALL)


def safe_cell(text: str) -> str:
    """The text as a CSV cell no spreadsheet runs: a leading ' before a formula character, else unchanged."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def looks_like_formula(text: str) -> bool:
    """Whether a cell read from a file is a spreadsheet formula rather than a name: "=HYPERLINK(...)", "@SUM(A1)",
    "+cmd|' /C calc'!A0" (a leading - or + alone, as in "-" or "+44 20...", is not)."""
    return bool(_FORMULA.match(text or ""))
