"""Moved to `pressdesk.errors` (issue 8); this name stays only until branches begun before then have landed."""

from pressdesk.errors import (
    AmbiguousName,
    ConflictError,
    DeskError,
    FieldError,
    IllegalMove,
    NeedsConfirmation,
    NotFound,
)

__all__ = ["AmbiguousName", "ConflictError", "DeskError", "FieldError", "IllegalMove", "NeedsConfirmation", "NotFound"]
