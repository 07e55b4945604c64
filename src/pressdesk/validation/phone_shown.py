"""Stored phone numbers as people read and dial them (the desk keeps them in E.164)."""

from __future__ import annotations

from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

EXTENSION = " ext. "
"""How the desk writes an extension after a stored number."""


@lru_cache(maxsize=4096)
def readable_phone(stored: str, region: str | None = None) -> str:
    """A stored number spaced as people read it: in its national form when it is in the desk's own country (region),
    else in its international form, with any extension after it; as stored when it is not an E.164 number."""
    number, _, extension = stored.partition(EXTENSION)
    try:
        parsed = phonenumbers.parse(number, None)
    except NumberParseException:
        return stored
    if not number.startswith("+") or not phonenumbers.is_possible_number(parsed):
        return stored
    home = bool(region) and parsed.country_code == phonenumbers.country_code_for_region(region.upper())
    shown = phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL if home else PhoneNumberFormat.INTERNATIONAL)
    return shown + (EXTENSION + extension if extension else "")
