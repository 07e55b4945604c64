"""Spreadsheet formula injection: text that a spreadsheet would run as a formula is made inert (OWASP CSV injection)."""

from __future__ import annotations

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""The first characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP)."""


def neutralise(text: str) -> str:
    """Text with a leading ' when it begins like a formula, so a spreadsheet shows it and never runs it."""
    return "'" + text if text.startswith(TRIGGERS) else text


def neutralise_cell(value: object) -> object:
    """A CSV cell made safe: text neutralised; numbers (int, float) left as numbers."""
    return neutralise(value) if isinstance(value, str) else value
