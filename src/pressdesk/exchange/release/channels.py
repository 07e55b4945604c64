"""Emails and phone numbers in a release: obfuscated addresses, extension ranges, labels, faxes left out."""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from pressdesk.validation.release_phones import (
    find_phone_numbers,
    normalise_email,
    phone_kind,
    region_for_email_domain,
)

__all__ = ["EMAIL_RX", "URL_RX", "Phone", "deobfuscate", "emails_in", "phones_in", "regions_for"]

# Every pattern here starts only where its run starts and reads a bounded stretch from there, so a long run that is
# not an address (blanks, "'0'0'0…", "x dot x dot …") is read once, not again from each of its characters: an
# address's local part has at most 64 characters, a domain label 63, and a spelled-out address a few "dot"s.
EMAIL_RX = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+'-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_BRACKET_AT = re.compile(r"(?:(?<!\s)\s++)?[(\[{<]\s*+(?:at|ät|@)\s*+[)\]}>]\s*", re.IGNORECASE)
_BRACKET_DOT = re.compile(r"(?:(?<!\s)\s++)?[(\[{<]\s*+(?:dot|punkt|point)\s*+[)\]}>]\s*", re.IGNORECASE)
_WORD = r"[A-Za-z0-9][\w-]{0,63}+"
_WORD_CHAIN = rf"{_WORD}(?:\s++dot\s++{_WORD}){{0,8}}"
_SPELLED = re.compile(rf"(?<![\w-])({_WORD_CHAIN})\s++at\s++({_WORD}(?:\s++dot\s++{_WORD}){{1,8}})\b")
URL_RX = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_PHONE_LIKE_RX = re.compile(
    r"(?<![\w@.])\+?\(?\d[\d \t()./-]{5,}\d(?:,?[ \t]*(?i:ext\.?|extn\.?|extension|x)[ \t]*\d{1,6}\b)?"
)
_RANGE_RX = re.compile(  # the base starts at "+" or where its run starts: a long run of digits is read once
    r"(?P<base>(?:\+|(?<![\d (),./]))[\d (),./]*\d)\s*-\s*(?P<a>\d{1,4})\s*/\s*-\s*(?P<b>\d{1,4})(?![\d])"
)
_VANITY_RX = re.compile(
    r"(?<![\w@.])(?:\+|(?=[01]))[\d \t().-]{1,14}?[ \t-]?[A-Z]{2,10}(?:[ \t-][A-Z\d]{1,10}){0,2}(?![\w@])"
)
"""A number written partly in letters, as toll-free lines are ("0800 FLOWERS", "1-800-GOT-JUNK")."""
_NANP_RX = re.compile(r"^\s*(?:\+?1[\s.-]*)?\(\d{3}\)\s*\d{3}[-.\s]\d{4}\s*$|^\s*\d{3}-\d{3}-\d{4}\s*$")
_FAX_RX = re.compile(r"\b(?:fax|telefax|f)\b\.?\s*[:.]?\s*$", re.IGNORECASE)
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("out of hours", re.compile(r"\b(?:out[- ]of[- ]hours|ooh|after[- ]hours|24[- ]hours?|notfall)\b", re.IGNORECASE)),
    (
        "mobile",
        re.compile(
            r"\b(?:m|mob|mobile|cell|cellphone|cellulare|handy|mobil|mobiel|portable|móvil|movil|tlm|telemóvel|telemovel|"
            r"cel|celular|kom|komórka|tel\.\s*kom|gsm|mobiili|matkapuhelin|mobiltelefon|whatsapp|signal|telegram|"
            r"hp|handphone)\b\.?",
            re.I,
        ),
    ),
    (
        "office",
        re.compile(
            r"\b(?:t|tel|telephone|phone|ph|office|direct(?:\s+(?:line|dial))?|did|ddi|telefon|telefoon|tél|teléfono|"
            r"telefone|tlf|puh|puhelin)\b\.?",
            re.I,
        ),
    ),
)


def deobfuscate(text: str) -> str:
    """Write "name (at) agency.de", "x [at] y [dot] ie" and "x dot y at z dot org" as plain addresses."""
    text = _BRACKET_AT.sub("@", text)
    text = _BRACKET_DOT.sub(".", text)

    def spelled(m: re.Match[str]) -> str:
        local, domain = (re.sub(r"\s+dot\s+", ".", g) for g in m.groups())
        return f"{local}@{domain}"

    return _SPELLED.sub(spelled, text)


def emails_in(text: str, warnings: list[str]) -> list[tuple[int, int, str]]:
    """Valid addresses in text as (start, end, normalised address); an invalid one is a warning."""
    out = []
    for m in EMAIL_RX.finditer(text):
        raw = m.group(0).rstrip(".")
        norm = normalise_email(raw)
        if norm:
            out.append((m.start(), m.start() + len(raw), norm))
        else:
            warnings.append(f"Email address {raw!r} is not valid and was left out.")
    return out


def regions_for(text: str, *fallbacks: str | None) -> list[str]:
    """Regions to read national numbers in: the email domain's beside them, then the fallbacks given."""
    found = [region_for_email_domain(m.group(0)) for m in EMAIL_RX.finditer(text)]
    return list(dict.fromkeys(r for r in [*found, *fallbacks] if r))


@dataclass(frozen=True)
class Phone:
    """A phone number found in text: where, its E.164 form and its label (mobile, office, out of hours)."""

    start: int
    end: int
    e164: str
    label: str | None = None


def _label(before: str, after: str, e164: str) -> str | None:
    """The label written before (or in brackets after) a number, else "mobile" when the number is one."""
    tail = re.split(r"[|;,\n]|\s/\s|\bor\b", before)[-1]
    sentence = re.split(r"[.!?]\s|\n", before)[-1]
    if _LABELS[0][1].match(sentence.strip()):
        return "out of hours"  # "Out of hours, call the switchboard on …"
    bracket = re.match(r"\s*\(([^)]{1,20})\)", after)
    for text in (tail, bracket.group(1) if bracket else ""):
        for label, pattern in _LABELS:
            if pattern.search(text):
                return label
    return "mobile" if phone_kind(e164) == "mobile" else None


def _read_one(candidate: str, regions: list[str]) -> list[tuple[int, int, str]]:
    """Numbers in one digit run, trying the number's own form first and then each region in turn."""
    tries = (["US"] if _NANP_RX.match(candidate) else []) + regions
    if candidate.lstrip().startswith("+"):
        tries = [None, *tries]
    out: list[tuple[int, int, str]] = []
    for region in dict.fromkeys(tries):
        for start, end, e164 in find_phone_numbers(candidate, region):
            if not any(s < end and start < e for s, e, _v in out):
                out.append((start, end, e164))
    return sorted(out)


def phones_in(text: str, regions: list[str], warnings: list[str], taken: list[tuple[int, int]] = ()) -> list[Phone]:
    """Phone numbers in text, national ones read in the first region that makes them valid; faxes left out."""
    raw: list[tuple[int, int, str]] = []
    masked = text
    for m in _RANGE_RX.finditer(text):
        base = m.group("base")
        pair = [_read_one(f"{base}-{m.group(k)}", regions) for k in ("a", "b")]
        if all(pair):
            raw += [(m.start(), m.start("b") - 1, pair[0][0][2]), (m.start("b"), m.end(), pair[1][0][2])]
            masked = masked[: m.start()] + " " * (m.end() - m.start()) + masked[m.end() :]
    for m in _VANITY_RX.finditer(masked):
        letters = sum(c.isalpha() for c in m.group(0))
        spelled = phonenumbers.convert_alpha_characters_in_number(m.group(0))
        found = _read_one(spelled, regions) if letters >= 3 else []
        if len(found) == 1 and found[0][0] <= 1 and found[0][1] >= len(spelled.rstrip()) - 1:
            raw.append((m.start(), m.end(), found[0][2]))
            masked = masked[: m.start()] + " " * (m.end() - m.start()) + masked[m.end() :]
    for m in _PHONE_LIKE_RX.finditer(masked):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        found = _read_one(m.group(0), regions)
        raw += [(m.start() + s, m.start() + e, v) for s, e, v in found]
        digits = re.sub(r"\D", "", m.group(0))
        if not found and len(digits) >= 7 and not re.fullmatch(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}", m.group(0).strip()):
            warnings.append(f"Could not read {m.group(0).strip()!r} as a phone number ({', '.join(regions)}).")
    out: list[Phone] = []
    for start, end, e164 in sorted(raw):
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        if _FAX_RX.search(re.split(r"[|;,]", before)[-1]):
            continue
        if any(p.e164 == e164 for p in out):
            continue
        out.append(Phone(start, end, e164, _label(before, text[end : end + 24], e164)))
    return out
