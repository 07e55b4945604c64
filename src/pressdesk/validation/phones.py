"""Offline phone number parsing, formatting and checking for the desk."""

from __future__ import annotations

import copy
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType
from phonenumbers import ValidationResult as _Reason

from pressdesk.validation.text import clean_text

__all__ = ["PhoneResult", "find_phones", "looks_like_phone", "parse_phone", "phone_key"]

phonenumbers.enable_pattern_cache()  # keep its compiled metadata patterns: it recompiled ~20 for every number read

_KINDS: dict[int, str] = {
    PhoneNumberType.FIXED_LINE: "fixed_line",
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal_number",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
    PhoneNumberType.UNKNOWN: "unknown",
}

# UK ranges Ofcom keeps free for TV, radio and film: never in use, never valid.
_DRAMA_RANGES: tuple[tuple[str, str], ...] = (
    ("7700900", "07700 900xxx"),
    ("1632960", "01632 960xxx"),
)

LONGEST = 250
"""The longest text read as a phone number, label and extension included: phonenumbers refuses longer text, and the
patterns below would take seconds over a pasted page (a 78,000-character paste took 6 s)."""
_NO_REGION = "Add the country code (for example +44) or set a default region."
_EXAMPLE = "a phone number looks like 01582 790706 or +44 1582 790706"

# A leading label such as "Tel:", "T:", "Mob." before the number itself.
_LABEL_RE = re.compile(
    r"^(?:tel|telephone|phone|ph|t|m|mob|mobile|cell|fax|f|call)\s*[:.]?\s*(?=[+(\d])",
    re.IGNORECASE,
)
# URI parameters (";ext=12", ";phone-context=+44") and spoken extensions at the end.
_URI_PARAMS_RE = re.compile(r";[a-z][a-z0-9-]*=[^;]*", re.IGNORECASE)
_EXT_TAIL_RE = re.compile(
    r"(?:[,;]\s*)?\s*(?:ext(?:ension)?\.?|ext|x|#|~)\s*[:.]?\s*\d{1,7}\s*#?\s*$",
    re.IGNORECASE,
)
# "(0)" written after a country code, as in "+44 (0)1582 790706".
_TRUNK_RE = re.compile(r"^(\D*?(?:\+|00)\s*\d{1,3})[\s.\-]*\(\s*0\s*\)")
_IDD_RE = re.compile(r"^((?:tel:)?\s*)00\s*(?=\d)", re.IGNORECASE)
_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}\b")
_PHONE_PUNCT = set(" +()-./\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
# A second "+" after digits: "+442078733260 +1" is one number and a stray fragment, never a US number.
_STRAY_PLUS_RE = re.compile(r"\d[^+]*(\+.*)$")
_ONE_NUMBER = "give one number, with its country code once"
# A number spelt with letters: digits first, then letters, digits and phone punctuation.
_VANITY_RE = re.compile(r"\+?[\d\s().-]*\d[\s().-]*[A-Za-z][A-Za-z\d\s().-]*")


@dataclass(frozen=True, slots=True)
class PhoneResult:
    """The outcome of reading one phone number."""

    raw: str
    valid: bool
    possible: bool
    e164: str | None
    international: str | None
    national: str | None
    extension: str | None
    region: str | None
    kind: str | None
    error: str | None

    def as_dict(self) -> dict:
        """Return the fields the CLI prints with --json."""
        return {
            "valid": self.valid,
            "e164": self.e164,
            "international": self.international,
            "national": self.national,
            "extension": self.extension,
            "region": self.region,
            "kind": self.kind,
            "error": self.error,
        }


def _region_arg(region: str | None) -> str | None:
    """Tidy a default region code ("gb" -> "GB"); blank means none."""
    region = (region or "").strip().upper()
    return region or None


def _normalise(text: str) -> str:
    """Fold full-width forms and odd spaces to ASCII (phonenumbers reads other digits)."""
    return unicodedata.normalize("NFKC", text).strip()


def _core(text: str) -> str:
    """Return the number itself without a label, URI scheme, parameters or extension."""
    core = text.strip()
    if core[:4].lower() == "tel:":
        core = core[4:]
    core = _LABEL_RE.sub("", core)
    core = _URI_PARAMS_RE.sub("", core)
    return _EXT_TAIL_RE.sub("", core).strip()


def _count_digits(text: str) -> int:
    """Count decimal digits in any script."""
    return sum(map(str.isdecimal, text))


def _where(region: str | None, country_code: int | None) -> str:
    """Describe whose numbering plan a number belongs to, for messages."""
    if region and region not in ("001", "ZZ"):
        return f"a {region} number"
    if country_code:
        return f"a +{country_code} number"
    return "a phone number"


def _checked(num: phonenumbers.PhoneNumber) -> tuple[str | None, bool]:
    """The number's region code as phonenumbers finds it, and whether the number is valid there.

    The same answer as phonenumbers.is_valid_number, which finds the region first too: found once, not twice."""
    region = phonenumbers.region_code_for_number(num)
    return region, phonenumbers.is_valid_number_for_region(num, region)


def _region_of(num: phonenumbers.PhoneNumber, region: str | None) -> str | None:
    """Return the region of a number (region_code_for_number's), falling back to its country code's main region."""
    if not region or region == "ZZ":
        region = phonenumbers.region_code_for_country_code(num.country_code)
    # "001" is phonenumbers' code for non-geographic numbers such as +800: no region.
    return None if region in (None, "ZZ", "001") else region


def _not_valid_reason(num: phonenumbers.PhoneNumber, region: str | None) -> str:
    """Explain why a parsed number is not a valid number."""
    where = _where(region, num.country_code)
    reason = phonenumbers.is_possible_number_with_reason(num)
    if reason == _Reason.INVALID_COUNTRY_CODE:
        return f"+{num.country_code} is not a country code in use."
    if reason == _Reason.TOO_SHORT:
        return f"This number is too short for {where}."
    if reason == _Reason.TOO_LONG:
        return f"This number is too long for {where}."
    if reason == _Reason.INVALID_LENGTH:
        return f"This number has the wrong number of digits for {where}."
    if reason == _Reason.IS_POSSIBLE_LOCAL_ONLY:
        return "This looks like a local number: add the area code."
    national = str(num.national_number)
    if num.country_code == 44:
        for prefix, label in _DRAMA_RANGES:
            if national.startswith(prefix):
                return (
                    f"This looks like {where} but no such number is in use (the {label} range is reserved for drama)."
                )
    return f"This looks like {where} but no such number is in use."


def _result(
    raw: str, num: phonenumbers.PhoneNumber, checked: tuple[str | None, bool] | None = None, *, detail: bool = True
) -> PhoneResult:
    """Build a result from a parsed number (`checked`: its _checked answer, if known); without detail the display
    forms and the kind are left None."""
    if num.extension:
        bare = copy.copy(num)
        bare.extension = None
    else:
        bare = num
    code, valid = checked or _checked(num)
    region = _region_of(num, code)
    return PhoneResult(
        raw=raw,
        valid=valid,
        possible=valid or phonenumbers.is_possible_number(num),
        e164=phonenumbers.format_number(bare, PhoneNumberFormat.E164),
        international=phonenumbers.format_number(bare, PhoneNumberFormat.INTERNATIONAL) if detail else None,
        national=phonenumbers.format_number(bare, PhoneNumberFormat.NATIONAL) if detail else None,
        extension=num.extension or None,
        region=region,
        kind=_KINDS.get(phonenumbers.number_type(num), "unknown") if detail else None,
        error=None if valid else _not_valid_reason(num, region),
    )


def _failed(raw: str, error: str) -> PhoneResult:
    """Build a result for text that could not be read as a number at all."""
    return PhoneResult(raw, False, False, None, None, None, None, None, None, error)


def _parse_error(exc: NumberParseException, text: str, core: str, region: str | None) -> str:
    """Turn a phonenumbers parse failure into a plain sentence."""
    kind = exc.error_type
    has_plus = core.startswith("+")
    if kind == NumberParseException.INVALID_COUNTRY_CODE:
        if not has_plus:
            return _NO_REGION
        code = "".join(ch for ch in core[1:] if ch.isdecimal())[:3]
        if code:
            return f"The country code after + is not in use (+{code} is not a country)."
        return "There is a + sign but no country code after it."
    if kind == NumberParseException.TOO_SHORT_AFTER_IDD:
        return "This number is too short: there is too little after the international prefix."
    if kind == NumberParseException.TOO_SHORT_NSN:
        return f"This number is too short for {_where(region, None)}."
    if kind == NumberParseException.TOO_LONG:
        return "This number is too long to be a phone number."
    digits = _count_digits(text)
    if digits == 0:
        return f"This is not a phone number: it has no digits ({_EXAMPLE})."
    if all(ch.isdecimal() or ch in _PHONE_PUNCT for ch in core):
        return "This number is too short to be a phone number."
    return f"This is not a phone number ({_EXAMPLE})."


def _try_parse(text: str, region: str | None) -> phonenumbers.PhoneNumber | NumberParseException:
    """Parse text, returning the number or the exception raised."""
    try:
        return phonenumbers.parse(text, region, keep_raw_input=False)
    except NumberParseException as exc:
        return exc


def _vanity(core: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    """A number spelt in letters ("1-800-FLOWERS", "0800 CALL NOW"), read off a dial pad; None when it is not one.

    It takes three or more letters, not only O, I and L (those are digits typed wrongly), and a
    digit before them. Letters past the number's length are not dialled ("1-800-CONTACTS" is
    1-800-CONTACT), as long as three of them stay in the number; a North American number written
    "1-800-..." is read with its country code 1 even on a desk in another region.
    """
    letters = "".join(ch for ch in core if ch.isalpha())
    if not (_VANITY_RE.fullmatch(core) and len(letters) >= 3 and set(letters.upper()) - set("OIL")):
        return None
    text = core
    while sum(ch.isalpha() for ch in text) >= 3:
        dialled = phonenumbers.convert_alpha_characters_in_number(text)
        tries = [dialled] + (["+" + dialled] if re.match(r"1\D*[2-9]", dialled) else [])
        for candidate in tries:
            number = _try_parse(candidate, region)
            if isinstance(number, phonenumbers.PhoneNumber) and phonenumbers.is_valid_number(number):
                return number
        if not text[-1].isalpha():
            return None
        text = text[:-1].rstrip(" -.")
    return None


def parse_phone(text: str, region: str | None = "GB", *, detail: bool = True) -> PhoneResult:
    """Read a phone number in any common written form; region is the default for national forms.

    detail=False leaves out the international and national forms and the kind (None), for bulk imports: it reads
    a number in about half the time."""
    raw = (text or "").strip()
    if not raw:
        return _failed(raw, "Enter a phone number.")
    if len(raw) > LONGEST:
        return _failed(raw, f"This is too long to be a phone number ({len(raw):,} characters; at most {LONGEST}).")
    region = _region_arg(region)
    normal = _normalise(raw)
    if region is None:
        # Without a default region "00 44 ..." still unambiguously means "+44 ...".
        normal = _IDD_RE.sub(r"\1+", normal)
    core = _core(normal)
    if _count_digits(core) == 0:
        return _failed(raw, f"This is not a phone number: it has no digits ({_EXAMPLE}).")
    if stray := _STRAY_PLUS_RE.search(core):
        return _failed(raw, f"“{clean_text(stray.group(1))}” after the number is not part of it: {_ONE_NUMBER}.")
    if any(ch.isalpha() for ch in core):
        vanity = _vanity(core, region)
        if vanity is not None:
            return _result(raw, vanity, detail=detail)
        return _failed(
            raw,
            "This number has letters in it: use only digits, spaces and + ( ) - . "
            "(check for a letter O typed instead of a zero).",
        )
    candidates = [normal]
    if "(" in normal:
        without_trunk = _TRUNK_RE.sub(r"\1 ", normal)
        if without_trunk != normal:
            candidates.append(without_trunk)
    parsed = [_try_parse(candidate, region) for candidate in candidates]
    numbers = [p for p in parsed if isinstance(p, phonenumbers.PhoneNumber)]
    if not numbers:
        first = parsed[0]
        assert isinstance(first, NumberParseException)
        return _failed(raw, _parse_error(first, normal, core, region))
    checks = [(n, _checked(n)) for n in numbers]
    best = next(((n, c) for n, c in checks if c[1]), None)
    if best is None:
        best = next(((n, c) for n, c in checks if phonenumbers.is_possible_number(n)), checks[0])
    return _result(raw, best[0], best[1], detail=detail)


@lru_cache(maxsize=256)
def phone_key(text: str, region: str | None = "GB") -> str | None:
    """Return the E.164 form used to look a caller up, or None when the text is not a number (remembered: the
    caller look-up asks for the same number twice a keystroke)."""
    return parse_phone(text, region).e164


_DIALLED_RE = re.compile(r"[\d\s().\-]+")
"""A number, or its first digits, as dialled: digits with spaces, brackets, dots or hyphens, no "+"."""


START_DIGITS = 4
"""How many digits after the national prefix make a number's start worth looking up ("020 3" is every London number)."""


def international_start(text: str, region: str | None = "GB") -> str | None:
    """The digits a number typed in its national form begins with in E.164, without the "+": "020 3194" ->
    "44203194" in GB. None when the text is not dialled digits starting with the region's national prefix (a "+",
    a letter, a region without a national prefix), or has fewer than START_DIGITS digits after it."""
    text = _normalise(text or "")
    if not _DIALLED_RE.fullmatch(text):
        return None
    digits = "".join(str(unicodedata.digit(ch)) for ch in text if ch.isdecimal())
    meta = phonenumbers.PhoneMetadata.metadata_for_region(_region_arg(region) or "", None)
    prefix = meta.national_prefix if meta is not None else None
    if not prefix or not digits.startswith(prefix) or len(digits) < len(prefix) + START_DIGITS:
        return None
    return f"{meta.country_code}{digits[len(prefix) :]}"


def looks_like_phone(text: str) -> bool:
    """Say whether search-box text is a phone number: phone characters only, 6 or more digits."""
    # A "tel:" scheme, a label such as "Tel:" and a trailing extension ("ext 12", "x12", "#12")
    # are allowed; any other letter means a name or a word. An ISO date is not a number.
    if not text or len(text) > LONGEST:
        return False
    core = _core(_normalise(text))
    if _count_digits(core) < 6 or _ISO_DATE_RE.match(core):
        return False
    return all(ch.isdecimal() or ch in _PHONE_PUNCT or ch.isspace() for ch in core)


def find_phones(text: str, region: str | None = "GB") -> list[PhoneResult]:
    """Find every phone number in free text, in order, without repeating the same number."""
    if not text:
        return []
    region = _region_arg(region)
    seen: set[str] = set()
    found: list[PhoneResult] = []
    matcher = phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE)
    for match in matcher:
        result = _result(match.raw_string.strip(), match.number)
        if result.e164 is None or result.e164 in seen:
            continue
        seen.add(result.e164)
        found.append(result)
    return found


def is_known_region(code: str) -> bool:
    """Whether phonenumbers knows this region code (GB, IE, US...) as a default for numbers without a country code."""
    return code in phonenumbers.SUPPORTED_REGIONS
