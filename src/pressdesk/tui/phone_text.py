"""Phone numbers on screen: spaced as the officer reads and dials them, the desk keeping E.164."""

from __future__ import annotations


def shown_phone(stored: str, region: str | None) -> str:
    """A stored number as dialled from region (national form at home, international abroad); '' stays ''."""
    if not stored:
        return stored
    from pressdesk.validation.phone_shown import readable_phone  # phonenumbers loads after the first frame

    return readable_phone(stored, region)
