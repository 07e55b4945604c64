"""Tests for pressdesk.validation.phones."""

from __future__ import annotations

import pytest

from pressdesk.validation import (
    PhoneResult,
    find_phones,
    looks_like_phone,
    parse_phone,
    phone_key,
)

LUTON = "+441582790706"

VALID = [
    # (text, region, e164, extension)
    ("+44 (0)1582 790 706", "GB", LUTON, None),
    ("+44(0)1582790706", "GB", LUTON, None),
    ("+44 (0) 1582 790706", "GB", LUTON, None),
    ("0044 (0)1582 790706", "GB", LUTON, None),
    ("01582 790706", "GB", LUTON, None),
    ("01582790706", "GB", LUTON, None),
    ("0044 1582 790706", "GB", LUTON, None),
    ("00 44 1582 790706", "GB", LUTON, None),
    ("+44 1582 790706", None, LUTON, None),
    ("tel:+44-1582-790706", "GB", LUTON, None),
    ("tel:+44-1582-790706;ext=123", "GB", LUTON, "123"),
    ("tel:01582790706;phone-context=+44", "GB", LUTON, None),
    ("01582 790706 ext. 123", "GB", LUTON, "123"),
    ("01582 790706 ext 123", "GB", LUTON, "123"),
    ("01582 790706 Ext: 123", "GB", LUTON, "123"),
    ("01582 790706 extension 123", "GB", LUTON, "123"),
    ("01582 790706 x123", "GB", LUTON, "123"),
    ("01582 790706x123", "GB", LUTON, "123"),
    ("01582 790706 #123", "GB", LUTON, "123"),
    ("+44 (0)1582 790 706 ext. 45", "GB", LUTON, "45"),
    ("０１５８２ ７９０７０６", "GB", LUTON, None),
    ("＋４４ （０）１５８２ ７９０ ７０６", "GB", LUTON, None),
    ("٠١٥٨٢٧٩٠٧٠٦", "GB", LUTON, None),
    ("۰۱۵۸۲ ۷۹۰۷۰۶", "GB", LUTON, None),
    ("01582\u00a0790\u00a0706", "GB", LUTON, None),
    ("\u00a0 01582 790706 \u00a0", "GB", LUTON, None),
    ("01582.790.706", "GB", LUTON, None),
    ("01582-790-706", "GB", LUTON, None),
    ("01582 \u2013 790706", "GB", LUTON, None),
    ("Tel: 01582 790706", "GB", LUTON, None),
    ("01582 790706", "gb", LUTON, None),
    ("(202) 555-0143", "US", "+12025550143", None),
    ("202.555.0143", "US", "+12025550143", None),
    ("(202) 555-0143 x12", "US", "+12025550143", "12"),
    ("+1 202-555-0143", "GB", "+12025550143", None),
    ("+1 202-555-0143", None, "+12025550143", None),
    ("+1 (0)202 555 0143", "GB", "+12025550143", None),
    ("07911 123456", "GB", "+447911123456", None),
    ("+33 (0)1 23 45 67 89", "GB", "+33123456789", None),
    ("+39 (0)6 1234 5678", "GB", "+390612345678", None),
    ("+49 (0)30 1234567", "GB", "+49301234567", None),
]


@pytest.mark.parametrize(("text", "region", "e164", "extension"), VALID)
def test_valid_forms(text: str, region: str | None, e164: str, extension: str | None) -> None:
    result = parse_phone(text, region)
    assert result.valid, result.error
    assert result.possible
    assert result.error is None
    assert result.e164 == e164
    assert result.extension == extension


@pytest.mark.parametrize(
    ("text", "region", "international", "national", "number_region", "kind"),
    [
        ("01582 790706", "GB", "+44 1582 790706", "01582 790706", "GB", "fixed_line"),
        ("01582 790706 ext 9", "GB", "+44 1582 790706", "01582 790706", "GB", "fixed_line"),
        ("07400 123456", "GB", "+44 7400 123456", "07400 123456", "GB", "mobile"),
        ("0800 123 4567", "GB", "+44 800 123 4567", "0800 123 4567", "GB", "toll_free"),
        ("0909 879 0000", "GB", "+44 909 879 0000", "0909 879 0000", "GB", "premium_rate"),
        ("(202) 555-0143", "US", "+1 202-555-0143", "(202) 555-0143", "US", "fixed_line_or_mobile"),
        ("+800 1234 5678", "GB", "+800 1234 5678", "1234 5678", None, "toll_free"),
    ],
)
def test_formats_region_and_kind(
    text: str,
    region: str,
    international: str,
    national: str,
    number_region: str | None,
    kind: str,
) -> None:
    result = parse_phone(text, region)
    assert result.valid
    assert result.international == international
    assert result.national == national
    assert result.region == number_region
    assert result.kind == kind


INVALID = [
    # (text, region, possible, e164, words the error must contain)
    ("", "GB", False, None, ["Enter a phone number"]),
    ("   \u00a0 ", "GB", False, None, ["Enter a phone number"]),
    ("abc", "GB", False, None, ["not a phone number", "no digits"]),
    ("call me back", "GB", False, None, ["no digits"]),
    ("01582 79O7O6", "GB", False, None, ["letters"]),
    ("0207 O87 1234", "GB", False, None, ["letters", "letter O"]),
    ("020 7O87 1234", "GB", False, None, ["letter O"]),
    ("0207 OOO 1234", "GB", False, None, ["letter O"]),
    ("07700 900123 or 07700 900456", "GB", False, None, ["letters"]),
    ("01582 790706 (mobile)", "GB", False, None, ["letters"]),
    ("4", "GB", False, None, ["too short"]),
    ("123", "GB", False, "+44123", ["too short", "GB"]),
    ("+44 20", "GB", False, "+4420", ["too short", "GB"]),
    ("0044", "GB", False, None, ["too short"]),
    ("0158279070612345", "GB", False, "+44158279070612345", ["too long", "GB"]),
    ("12345678901234567890", "GB", False, None, ["too long"]),
    ("+882 1234", "GB", False, "+8821234", ["too short", "+882"]),
    ("+999 123456", "GB", False, None, ["country code", "+999"]),
    ("+", "GB", False, None, ["no digits"]),
    ("07700 900123", "GB", True, "+447700900123", ["no such number", "drama", "07700 900"]),
    ("+44 7700 900123", None, True, "+447700900123", ["GB", "drama"]),
    ("01632 960123", "GB", True, "+441632960123", ["no such number", "drama"]),
    ("01582 790706", None, False, None, ["country code", "default region"]),
    ("(202) 555-0143", None, False, None, ["Add the country code"]),
    ("01582 790706", "", False, None, ["Add the country code"]),
]


@pytest.mark.parametrize(("text", "region", "possible", "e164", "words"), INVALID)
def test_invalid_forms(text: str, region: str | None, possible: bool, e164: str | None, words: list[str]) -> None:
    result = parse_phone(text, region)
    assert not result.valid
    assert result.possible is possible
    assert result.e164 == e164
    assert result.error
    assert result.error.endswith(".")
    for word in words:
        assert word in result.error


def test_no_region_message_is_exact() -> None:
    result = parse_phone("01582 790706", None)
    assert result.error == "Add the country code (for example +44) or set a default region."


def test_drama_range_is_possible_but_not_valid() -> None:
    result = parse_phone("07700 900123")
    assert result.region == "GB"
    assert result.kind == "unknown"
    assert result.national == "07700 900123"
    assert result.error == (
        "This looks like a GB number but no such number is in use (the 07700 900xxx range is reserved for drama)."
    )


def test_wrong_length_for_us_number_names_the_region() -> None:
    result = parse_phone("(202) 555-014", "US")
    assert not result.valid
    assert "US" in (result.error or "")


def test_raw_is_stripped_and_kept() -> None:
    assert parse_phone("  01582 790706 x12\u00a0").raw == "01582 790706 x12"


def test_as_dict_has_exactly_the_cli_keys() -> None:
    result = parse_phone("tel:+44-1582-790706;ext=123")
    assert result.as_dict() == {
        "valid": True,
        "e164": LUTON,
        "international": "+44 1582 790706",
        "national": "01582 790706",
        "extension": "123",
        "region": "GB",
        "kind": "fixed_line",
        "error": None,
    }


def test_result_is_frozen() -> None:
    result = parse_phone("01582 790706")
    assert isinstance(result, PhoneResult)
    with pytest.raises(AttributeError):
        result.valid = False  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "region", "key"),
    [
        ("+44 (0)1582 790 706", "GB", LUTON),
        ("01582 790706", "GB", LUTON),
        ("0044 1582 790706", "GB", LUTON),
        ("tel:+44-1582-790706;ext=123", "GB", LUTON),
        ("٠١٥٨٢٧٩٠٧٠٦", "GB", LUTON),
        ("07700 900123", "GB", "+447700900123"),
        ("(202) 555-0143", "US", "+12025550143"),
        ("+1 202 555 0143", None, "+12025550143"),
        ("01582 790706", None, None),
        ("not a number", "GB", None),
        ("", "GB", None),
    ],
)
def test_phone_key(text: str, region: str | None, key: str | None) -> None:
    assert phone_key(text, region) == key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01582 790706", True),
        ("+44 (0)1582 790 706", True),
        ("01582-790-706", True),
        ("01582.790.706", True),
        ("tel:+44-1582-790706", True),
        ("Tel: 01582 790706", True),
        ("01582 790706 ext. 123", True),
        ("01582 790706 x123", True),
        ("０１５８２ ７９０７０６", True),
        ("٠١٥٨٢٧٩٠٧٠٦", True),
        ("(202) 555-0143", True),
        ("790706", True),
        ("79070", False),
        ("12345", False),
        ("Jane Smith", False),
        ("Room 101 01582", False),
        ("01582 790706 Jane", False),
        ("jane@example.com", False),
        ("2026-11-25", False),
        ("", False),
    ],
)
def test_looks_like_phone(text: str, expected: bool) -> None:
    assert looks_like_phone(text) is expected


def test_find_phones_in_order_and_deduplicated() -> None:
    text = "Call Jane on +44 (0)1582 790 706 or 07700 900123, or our US office on +1 202-555-0143. Again: 01582 790706."
    found = find_phones(text)
    assert [r.e164 for r in found] == [LUTON, "+447700900123", "+12025550143"]
    assert found[0].raw == "+44 (0)1582 790 706"
    assert found[0].valid
    assert not found[1].valid
    assert "drama" in (found[1].error or "")


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        ("Nothing to see here.", "GB", []),
        ("", "GB", []),
        ("Ring ０１５８２ ７９０７０６ today", "GB", [LUTON]),
        ("US desk: (202) 555-0143", "US", ["+12025550143"]),
        ("Only +44 1582 790706 has a plus; 07911 123456 does not", None, [LUTON]),
    ],
)
def test_find_phones_table(text: str, region: str | None, expected: list[str]) -> None:
    assert [r.e164 for r in find_phones(text, region)] == expected


VANITY = [
    # (text, default region, E.164): letters on a dial pad, as libphonenumber reads them
    ("1-800-FLOWERS", "US", "+18003569377"),
    ("1-800-CONTACTS", "US", "+18002668228"),  # a letter past the number's length is not dialled
    ("1-800-CONTACTS", "GB", "+18002668228"),  # North American style: 1 then the number
    ("+1 (800) GOT-JUNK", "GB", "+18004685865"),
    ("+1 800 MY APPLE", "GB", "+18006927753"),
    ("0800 CALL NOW", "GB", "+448002255669"),
    ("Tel: +1-800-FLOWERS", "GB", "+18003569377"),
]


@pytest.mark.parametrize(("text", "region", "e164"), VANITY)
def test_vanity_numbers_are_read(text: str, region: str, e164: str) -> None:
    result = parse_phone(text, region)
    assert (result.valid, result.e164, result.error) == (True, e164, None)
    assert result.raw == text


@pytest.mark.parametrize(
    ("text", "region"),
    [("+442078733260 +1", "GB"), ("+44 20 7873 3260 +1", "GB"), ("+442078733260 +1", "US"), ("+442078733260+1", None)],
)
def test_a_stray_country_code_after_a_number_is_refused_and_changes_nothing(text: str, region: str | None) -> None:
    result = parse_phone(text, region)
    assert (result.valid, result.e164, result.region) == (False, None, None)
    assert result.error == "“+1” after the number is not part of it: give one number, with its country code once."


@pytest.mark.parametrize("piece", ["\x1b]8;;http://x\x1b\\link 0", "1 ", "+44 20 7946 0000 ", "tomorrow 9am "])
def test_a_pasted_page_is_refused_as_too_long_and_never_read(piece: str) -> None:
    pasted = piece * 5000
    result = parse_phone(pasted, "GB")
    assert not result.valid
    assert result.error == f"This is too long to be a phone number ({len(pasted.strip()):,} characters; at most 250)."
    assert not looks_like_phone(pasted)


def test_the_longest_text_read_is_still_a_number_with_its_label_and_extension() -> None:
    text = "Tel: +44 1582 790706 ext 12" + " " * 200 + "."
    assert parse_phone(text[:-1].strip(), "GB").e164 == LUTON
