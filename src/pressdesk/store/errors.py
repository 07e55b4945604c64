"""Why a desk could not be opened, created or upgraded, in words fit to show as they are."""

from __future__ import annotations

import shlex

from pressdesk.paths import mask_url

__all__ = ["DeskMissing", "StoreError", "mask_url"]


class StoreError(Exception):
    """A desk that cannot be opened, created or upgraded."""

    field = "desk"

    def __init__(self, reason: str) -> None:
        super().__init__(f"{self.field}: {reason}")
        self.reason = reason
        self.message = f"{self.field}: {reason}"


class DeskMissing(StoreError):
    """The desk file named does not exist, and this command does not create desks."""

    def __init__(self, path: str) -> None:
        super().__init__(f"no desk at {path}; create one with `pressdesk db init {shlex.quote(path)}`.")
        self.path = path
