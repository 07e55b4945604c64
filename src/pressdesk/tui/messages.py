"""Messages the screens exchange with the app."""

from __future__ import annotations

from textual.message import Message


class BackendReady(Message, bubble=False):
    """The desk is open and migrated; screens may query it now."""


class BackendFailed(Message, bubble=False):
    """The desk could not be opened."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class DeskChanged(Message, bubble=False):
    """Something was written; screens showing the desk should reload (and select this enquiry)."""

    def __init__(self, enquiry_id: int | None = None, changed: frozenset[int] | None = None) -> None:
        super().__init__()
        self.enquiry_id = enquiry_id
        self.changed = changed
        """The enquiries another terminal changed (empty: none on the desk's rows), for the desk to re-read alone;
        None: it cannot tell (SQLite, a bulk write, a name on many rows), so the whole page is read again."""
