"""Comparing names as people type them: case, accents and spacing do not count."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["name_key"]

_SPACES = re.compile(r"\s+")


def name_key(text: str | None) -> str:
    """The same key for names that differ only in case, accents or spacing ("Élodie  MARCHAND" = "elodie marchand")."""
    text = text or ""
    if text.isascii():  # nothing to decompose (most names): the same key, without a pass over every letter
        return _SPACES.sub(" ", text).strip().casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare).strip().casefold()
