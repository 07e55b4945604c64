"""The errors a press officer can meet, each with a sentence that says what to do; every layer raises them."""

from __future__ import annotations

import re

QUOTED_AT_MOST = 40
"""How much of what was typed a refusal quotes back: a pasted page is not echoed whole."""

_QUOTED_RE = re.compile(r"'[^']*'|\"[^\"]*\"")
_LONG_WORD_RE = re.compile(rf"\S{{{2 * QUOTED_AT_MOST + 1},}}")


def quoted(text: str) -> str:
    """What was typed, as a refusal quotes it: its first QUOTED_AT_MOST characters and an ellipsis when longer."""
    return text if len(text) <= QUOTED_AT_MOST else f"{text[:QUOTED_AT_MOST]}…"


def clipped(message: str) -> str:
    """A refusal written by someone else (click) with every quoted value, and any long run without a space, cut
    to its start (linear: each quote opens at most one scan to the end)."""

    def quote(found: re.Match[str]) -> str:
        text = found[0]
        return text if len(text) <= QUOTED_AT_MOST + 2 else f"{text[0]}{quoted(text[1:-1])}{text[-1]}"

    def word(found: re.Match[str]) -> str:
        text = found[0]
        closing = text[-1] if text[-1] in ")]}'\".,;:" else ""
        return f"{quoted(text)}{closing}"

    return _LONG_WORD_RE.sub(word, _QUOTED_RE.sub(quote, message))


class DeskError(Exception):
    """Something the desk refused to do, with a message fit to show as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class FieldError(DeskError, ValueError):
    """A value typed into a named field is not acceptable; `field` is the input's name (read as words)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field.replace('_', ' ')}: {message}")
        self.field = field
        self.reason = message


class AmbiguousName(FieldError):
    """A name several people share, given without what tells them apart."""

    def __init__(self, field: str, message: str, people: tuple) -> None:
        super().__init__(field, message)
        self.people = people


class OnDoNotContactList(FieldError):
    """A number or address that asked not to be contacted; an officer may still log it, flagged, by overriding."""

    def __init__(self, field: str, message: str, values: tuple[str, ...]) -> None:
        super().__init__(field, message)
        self.values = values
        """Every listed number and address given (as stored: E.164, folded email), the first one in field."""


class NotFound(DeskError, LookupError):
    """A record the user named does not exist."""


class IllegalMove(DeskError):
    """A status change the state machine does not allow."""


class ConflictError(DeskError):
    """Someone else saved the record after it was loaded for editing."""

    def __init__(self, entity: str, entity_id: int, changed_by: str, current_version: int) -> None:
        who = changed_by or "someone else"
        super().__init__(
            f"This {entity} was changed by {who} while you were editing. "
            "Reload to see their change, then make yours again."
        )
        self.entity = entity
        self.entity_id = entity_id
        self.changed_by = who
        self.current_version = current_version


class NeedsConfirmation(DeskError):
    """Routing to this expert goes past a hard warning; the officer must confirm (force) to go ahead."""

    def __init__(self, expert: str, warnings: tuple[str, ...]) -> None:
        super().__init__(f"Not routed to {expert}: " + "; ".join(warnings) + ".")
        self.expert = expert
        self.warnings = warnings
