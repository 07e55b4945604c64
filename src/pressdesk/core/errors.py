"""Failures the desk can explain to a person, in one line, whichever layer raised them."""

from __future__ import annotations


def explain(exc: BaseException) -> str | None:
    """The one-line message for a refusal (a value, a setting, a desk that cannot be opened, a database that said
    no), or None for a real bug, which the face should let surface."""
    from pressdesk.errors import DeskError
    from pressdesk.settings import SettingsError
    from pressdesk.store.errors import StoreError

    if isinstance(exc, DeskError | StoreError | SettingsError):
        return exc.message
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        reason = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else type(exc.orig).__name__
        return f"desk: {reason}."
    return None
