"""Typed text made fit to store: cleaned one way (validation.clean_text) and held to its column's length."""

from __future__ import annotations

from pressdesk import validation
from pressdesk.errors import FieldError
from pressdesk.limits import too_long


def fit(column: str, text: str, *, field: str) -> str:
    """Return the text if it fits "table.column", else FieldError naming the field and the limit."""
    if problem := too_long(column, text):
        raise FieldError(field, problem)
    return text


def clean(column: str, value: str | None, *, field: str, multiline: bool = False) -> str:
    """Clean typed or pasted text (escapes, controls, invisible characters) and check it fits its column."""
    return fit(column, validation.clean_text(value or "", multiline=multiline), field=field)
