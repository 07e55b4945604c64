"""Offline email address checking and normalising for the desk (never looks anything up)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

__all__ = ["EmailResult", "email_key", "parse_email"]

_EXAMPLE = "as in name@example.com"
_MAILTO_RE = re.compile(r"^\s*mailto:\s*", re.IGNORECASE)
# "Jane Smith <jane@example.com>", "\"Smith, Jane\" <jane@example.com>", "<jane@example.com>".
_ANGLE_RE = re.compile(r"^[^<>]*<\s*([^<>]*?)\s*>[\s.,;]*$")
_LIST_RE = re.compile(r"^(.*?): (.*)$")
_INVISIBLE = " \t\r\n\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff"

# (fragment of email_validator's message, plain sentence); the first match wins.
_MESSAGES: tuple[tuple[str, str], ...] = (
    ("must have an @-sign", f"An email address needs an @ sign, {_EXAMPLE}."),
    ("something before the @-sign", f"There is nothing before the @ sign ({_EXAMPLE})."),
    ("something after the @-sign", f"There is nothing after the @ sign ({_EXAMPLE})."),
    ("should have a period", f"The part after the @ sign needs a dot, {_EXAMPLE}."),
    ("valid top-level domain", "The ending after the last dot is not a real domain ending."),
    (
        "special-use or reserved name",
        "The part after the @ sign is a reserved name, not a mail domain.",
    ),
    ("two periods in a row", "An email address cannot have two dots in a row."),
    ("start with a period", "An email address cannot start with a dot."),
    ("end with a period", "An email address cannot end with a dot."),
    ("period immediately before the @-sign", "There cannot be a dot just before the @ sign."),
    ("period immediately after the @-sign", "There cannot be a dot just after the @ sign."),
    ("hyphen immediately after the @-sign", "There cannot be a hyphen just after the @ sign."),
    ("period and a hyphen", "A dot and a hyphen cannot be next to each other."),
    ("with a hyphen", "A part of the domain cannot start or end with a hyphen."),
    (
        "two letters followed by two dashes",
        "The part after the @ sign has a misplaced double hyphen.",
    ),
    ("too long before the @-sign", "The part before the @ sign is too long."),
    ("too long after the @-sign", "The part after the @ sign is too long."),
    ("periods cannot be separated", "One part of the domain after the @ sign is too long."),
    ("is too long", "This email address is too long."),
    ("small commercial at", "Use an ordinary @ sign, not the small \ufe6b character."),
    ("full-width", "Use an ordinary @ sign, not the wide \uff20 character."),
    ("Quoting the part before", "Quotation marks are not accepted before the @ sign."),
    ("in quotes before", "Quotation marks are not accepted before the @ sign."),
    ("bracketed IP address", "An IP address after the @ sign is not accepted; use a domain name."),
    ("in brackets", "An IP address after the @ sign is not accepted; use a domain name."),
    ("display name", "Paste just the address, or the form Name <name@example.com>."),
    ("angle bracket", "Paste just the address, or the form Name <name@example.com>."),
    ("anything after the email address", "There is extra text after the email address."),
    ("unsafe characters", "The address contains hidden or unsafe characters: {chars}."),
    (
        "Internationalized characters before",
        "These characters are not accepted before the @ sign: {chars}.",
    ),
    (
        "invalid characters before the @-sign",
        "The part before the @ sign has characters that are not allowed: {chars}.",
    ),
    (
        "after the @-sign contains invalid characters",
        "The part after the @ sign has characters that are not allowed: {chars}.",
    ),
    (
        "invalid characters after the @-sign",
        "The part after the @ sign has characters that are not allowed.",
    ),
    ("not valid IDNA", "The part after the @ sign is not a valid international domain name."),
    (
        "international characters",
        "The part after the @ sign is not a valid international domain name.",
    ),
    ("after the @-sign is invalid", "The part after the @ sign is not a valid domain name."),
    ("invalid character", "The email address has a character that is not allowed."),
    ("not valid ASCII", "The email address has a character that is not allowed."),
)


@dataclass(frozen=True, slots=True)
class EmailResult:
    """The outcome of reading one email address."""

    raw: str
    valid: bool
    normalized: str | None
    ascii: str | None
    error: str | None

    def as_dict(self) -> dict:
        """Return the fields the CLI prints with --json."""
        return {
            "valid": self.valid,
            "normalized": self.normalized,
            "ascii": self.ascii,
            "error": self.error,
        }


def _strip(text: str) -> str:
    """Strip surrounding blanks, including non-breaking and zero-width spaces."""
    return text.strip().strip(_INVISIBLE).strip()


def _extract(raw: str) -> str:
    """Pull the bare address out of pasted forms: "mailto:", "Name <addr>", "<addr>"."""
    text = raw
    match = _ANGLE_RE.match(text)
    if match:
        text = match.group(1)
    if _MAILTO_RE.match(text):
        # A mailto: link may carry "?subject=..." after the address.
        text = _MAILTO_RE.sub("", text).split("?", 1)[0]
    return _strip(text)


def _chars(message: str) -> str:
    """Return the characters email_validator lists after the colon, e.g. "a space" or "','"."""
    match = _LIST_RE.match(message.rstrip("."))
    if not match:
        return "?"
    items = []
    for item in match.group(2).split(", "):
        item = item.strip()
        if item == "SPACE":
            items.append("a space")
        elif item.isupper():
            items.append(item.lower())  # a Unicode character name such as ZERO WIDTH SPACE
        else:
            items.append(item)
    return ", ".join(items)


def _plain(message: str) -> str:
    """Rewrite an email_validator message as a short plain sentence."""
    for fragment, sentence in _MESSAGES:
        if fragment.lower() in message.lower():
            return sentence.format(chars=_chars(message)) if "{chars}" in sentence else sentence
    return message.replace("@-sign", "@ sign")


def parse_email(text: str) -> EmailResult:
    """Check an email address offline and return its normalised and ASCII forms."""
    raw = _strip(text or "")
    if not raw:
        return EmailResult(raw, False, None, None, "Enter an email address.")
    address = _extract(raw)
    if not address:
        return EmailResult(raw, False, None, None, "Enter an email address.")
    if address.count("@") > 1:
        return EmailResult(raw, False, None, None, "An email address can only have one @ sign.")
    try:
        checked = validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        return EmailResult(raw, False, None, None, _plain(str(exc)))
    return EmailResult(raw, True, checked.normalized, checked.ascii_email, None)


def email_key(text: str) -> str | None:
    """Return the casefolded normalised address for finding duplicates, or None when invalid."""
    result = parse_email(text)
    return result.normalized.casefold() if result.normalized else None
