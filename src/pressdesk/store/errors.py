"""Why a desk could not be opened, created or upgraded, in words fit to show as they are."""

from __future__ import annotations

import re
import shlex

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

_PASSWORD_RE = re.compile(r"(://[^/:@]*:)[^@/]*@")


def mask_url(url: str) -> str:
    """A desk URL with any password replaced by ***, safe to print."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return _PASSWORD_RE.sub(r"\1***@", url)


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
