"""The desk's first page before the core is open: read straight from a SQLite desk file with the stdlib, so the TUI
shows rows while SQLAlchemy loads and the desk opens in a worker (issue 13). Imports no SQLAlchemy."""

from __future__ import annotations

from datetime import datetime

from pressdesk.core.views import DeskPage


def first_desk_page(target: str | None, *, now: datetime, demo: bool = False, limit: int = 200) -> DeskPage | None:
    """The open enquiries' first page with the header counts, as `Backend.desk_page()` gives it, read without the
    core; None when the desk is not a SQLite file this can read (the face then waits for the core)."""
    from pressdesk.paths import default_db_path
    from pressdesk.store.first_page import read_first_page, sqlite_path

    path = sqlite_path(target, default_db_path())
    found = read_first_page(path, now=now, limit=limit, skip_empty=demo) if path is not None else None
    if found is None:
        return None
    return DeskPage(
        counts=found.counts,
        rows=found.rows,
        after=None,
        more=found.more,
        next_after=found.cursors[-1] if found.cursors else None,
    )
