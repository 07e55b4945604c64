"""Offline checking and tidying of what press officers type: phones, emails, text, deadlines.

Names are loaded on first use, so importing one light submodule (say `when`) does not pay for
phonenumbers and email_validator before the TUI's first frame.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "EmailResult": "emails",
    "email_key": "emails",
    "parse_email": "emails",
    "PhoneResult": "phones",
    "find_phones": "phones",
    "looks_like_phone": "phones",
    "international_start": "phones",
    "parse_phone": "phones",
    "phone_key": "phones",
    "readable_phone": "phone_shown",
    "LanguageError": "languages",
    "parse_languages": "languages",
    "clean_text": "text",
    "name_key": "names",
    "WhenError": "when",
    "DEADLINE": "when",
    "PAST_DATE": "when",
    "Window": "when",
    "parse_day": "when",
    "due_state": "countdown",
    "format_countdown": "countdown",
    "parse_when": "when",
    "parse_range": "when",
}

__all__ = [
    "DEADLINE",
    "PAST_DATE",
    "EmailResult",
    "LanguageError",
    "PhoneResult",
    "WhenError",
    "Window",
    "clean_text",
    "due_state",
    "email_key",
    "find_phones",
    "format_countdown",
    "international_start",
    "looks_like_phone",
    "name_key",
    "parse_email",
    "parse_languages",
    "parse_day",
    "parse_phone",
    "parse_range",
    "parse_when",
    "phone_key",
    "readable_phone",
]

if TYPE_CHECKING:
    from pressdesk.validation.countdown import due_state, format_countdown
    from pressdesk.validation.emails import EmailResult, email_key, parse_email
    from pressdesk.validation.languages import LanguageError, parse_languages
    from pressdesk.validation.names import name_key
    from pressdesk.validation.phone_shown import readable_phone
    from pressdesk.validation.phones import (
        PhoneResult,
        find_phones,
        international_start,
        looks_like_phone,
        parse_phone,
        phone_key,
    )
    from pressdesk.validation.text import clean_text
    from pressdesk.validation.when import (
        DEADLINE,
        PAST_DATE,
        WhenError,
        Window,
        parse_day,
        parse_range,
        parse_when,
    )


def __getattr__(name: str) -> Any:
    """Import the submodule that holds `name` when it is first asked for."""
    if name in _EXPORTS:
        value = getattr(import_module(f"pressdesk.validation.{_EXPORTS[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pressdesk.validation' has no attribute {name!r}")
