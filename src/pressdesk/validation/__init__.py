"""Offline checking and tidying of what press officers type: phones, emails, text, deadlines."""

from __future__ import annotations

from pressdesk.validation.emails import EmailResult, email_key, parse_email
from pressdesk.validation.phones import (
    PhoneResult,
    find_phones,
    looks_like_phone,
    parse_phone,
    phone_key,
)
from pressdesk.validation.text import clean_text
from pressdesk.validation.when import WhenError, due_state, format_countdown, parse_when

__all__ = [
    "EmailResult",
    "PhoneResult",
    "WhenError",
    "clean_text",
    "due_state",
    "email_key",
    "find_phones",
    "format_countdown",
    "looks_like_phone",
    "parse_email",
    "parse_phone",
    "parse_when",
    "phone_key",
]
