"""Phone-number and email helpers used when reading press-release text."""

from __future__ import annotations

import re

import phonenumbers
from email_validator import EmailNotValidError, validate_email

__all__ = [
    "find_phone_numbers",
    "is_known_region",
    "normalise_email",
    "phone_kind",
    "region_for_email_domain",
    "region_for_number",
]

# "+44 (0)1582 ...": a bracketed trunk prefix after the country code must not be dialled.
_TRUNK_FORM = re.compile(r"\+\s*\d{1,3}(?P<gap>[\s.-]*[(\[]\s*0\s*[)\]][\s.-]*)")

# Country-code top-level domains that are mostly used as vanity names, not as a location.
_VANITY_TLDS = frozenset({"ai", "app", "cc", "co", "fm", "gg", "io", "is", "ly", "me", "sh", "so", "tv", "to", "ws"})
_SPECIAL_TLDS = {"uk": "GB", "gov": "US", "edu": "US", "mil": "US"}


def is_known_region(region: str | None) -> bool:
    """Return True when phonenumbers knows the two-letter region code."""
    return bool(region) and region.upper() in phonenumbers.SUPPORTED_REGIONS


def _trunk_fallback(
    text: str, region: str, taken: list[tuple[int, int]]
) -> list[tuple[int, int, phonenumbers.PhoneNumber]]:
    """Find "+CC (0) ..." numbers the matcher missed by reading them without the "(0)"."""
    extra: list[tuple[int, int, phonenumbers.PhoneNumber]] = []
    for form in _TRUNK_FORM.finditer(text):
        if any(s <= form.start() < e for s, e in taken):
            continue
        gap_start, gap_end = form.span("gap")
        line_end = text.find("\n", gap_end)
        line_end = len(text) if line_end < 0 else min(line_end, gap_end + 40)
        window = text[form.start() : gap_start] + " " + text[gap_end:line_end]
        shift = (gap_end - gap_start) - 1
        for match in phonenumbers.PhoneNumberMatcher(window, region):
            if match.start == 0:
                extra.append((form.start(), form.start() + match.end + shift, match.number))
            break
    return extra


def find_phone_numbers(text: str, region: str | None) -> list[tuple[int, int, str]]:
    """Find valid phone numbers in text as (start, end, E.164); national ones read in region."""
    if not text:
        return []
    reg = region.upper() if is_known_region(region) else "ZZ"
    matcher = phonenumbers.PhoneNumberMatcher(text, reg, leniency=phonenumbers.Leniency.VALID)
    found = [(m.start, m.end, m.number) for m in matcher]
    found += _trunk_fallback(text, reg, [(s, e) for s, e, _ in found])
    e164 = phonenumbers.PhoneNumberFormat.E164
    found.sort(key=lambda item: item[0])
    return [(s, e, _with_extension(phonenumbers.format_number(n, e164), n)) for s, e, n in found]


def _with_extension(e164: str, number: phonenumbers.PhoneNumber) -> str:
    """The E.164 form with " ext. N" when the number has an extension, as the desk keeps phone numbers."""
    return f"{e164} ext. {number.extension}" if number.extension else e164


def region_for_number(e164: str) -> str | None:
    """Return the region (e.g. "GB") a number in international format belongs to, if known."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    return region if is_known_region(region) else None


def phone_kind(e164: str) -> str | None:
    """Return "mobile" for a mobile number, "fixed" for a fixed line, else None."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return None
    kind = phonenumbers.number_type(number)
    if kind == phonenumbers.PhoneNumberType.MOBILE:
        return "mobile"
    return "fixed" if kind == phonenumbers.PhoneNumberType.FIXED_LINE else None


def region_for_email_domain(address_or_domain: str) -> str | None:
    """Return the region implied by an email address's or domain's country-code TLD."""
    domain = address_or_domain.rsplit("@", 1)[-1].strip().strip(".").lower()
    if "." not in domain:
        return None
    tld = domain.rsplit(".", 1)[-1]
    if tld in _SPECIAL_TLDS:
        return _SPECIAL_TLDS[tld]
    if len(tld) != 2 or tld in _VANITY_TLDS:
        return None
    return tld.upper() if is_known_region(tld) else None


def normalise_email(address: str) -> str | None:
    """Return the normalised form of an email address, or None when it is not valid."""
    try:
        return validate_email(address.strip(), check_deliverability=False).normalized
    except EmailNotValidError:
        return None
