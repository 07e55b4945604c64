"""Read a word from one of the desk's fixed vocabularies, refusing others with the list of known ones."""

from __future__ import annotations

from enum import StrEnum

from pressdesk.errors import FieldError, quoted


def parse_choice(vocabulary: type[StrEnum], text: str | None, *, field: str, noun: str, default: str = "") -> str:
    """The vocabulary's value for `text` (any case, spaces or dashes as underscores), or FieldError naming the field."""
    value = (text or default).strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return vocabulary(value).value
    except ValueError:
        known = ", ".join(v.value for v in vocabulary)
        article = "an" if noun[0] in "aeiou" else "a"
        raise FieldError(field, f"'{quoted(text or '')}' is not {article} {noun}. Use one of: {known}.") from None
