"""Tests for pressdesk.validation.emails."""

from __future__ import annotations

import pytest

from pressdesk.validation import EmailResult, email_key, parse_email

VALID = [
    # (text, normalized, ascii)
    ("name@example.com", "name@example.com", "name@example.com"),
    ("Jane.Smith@Example.COM", "Jane.Smith@example.com", "Jane.Smith@example.com"),
    ("  jane@example.com  ", "jane@example.com", "jane@example.com"),
    ("\u00a0jane@example.com\u00a0", "jane@example.com", "jane@example.com"),
    ("\u200bjane@example.com\ufeff", "jane@example.com", "jane@example.com"),
    ("mailto:jane@example.com", "jane@example.com", "jane@example.com"),
    ("MAILTO:jane@example.com", "jane@example.com", "jane@example.com"),
    ("mailto:jane@example.com?subject=Comment", "jane@example.com", "jane@example.com"),
    ("Jane Smith <jane@example.com>", "jane@example.com", "jane@example.com"),
    ('"Smith, Jane" <jane@example.com>', "jane@example.com", "jane@example.com"),
    ("<jane@example.com>", "jane@example.com", "jane@example.com"),
    ("Jane <mailto:jane@example.com>", "jane@example.com", "jane@example.com"),
    (
        "jane+press@news.example.co.uk",
        "jane+press@news.example.co.uk",
        "jane+press@news.example.co.uk",
    ),
    ("jane@bücher.de", "jane@bücher.de", "jane@xn--bcher-kva.de"),
    ("josé@example.com", "josé@example.com", None),
    ("用户@例子.广告", "用户@例子.广告", None),
]


@pytest.mark.parametrize(("text", "normalized", "ascii_form"), VALID)
def test_valid_addresses(text: str, normalized: str, ascii_form: str | None) -> None:
    result = parse_email(text)
    assert result.valid, result.error
    assert result.error is None
    assert result.normalized == normalized
    assert result.ascii == ascii_form


INVALID = [
    # (text, words the error must contain)
    ("", ["Enter an email address"]),
    ("   ", ["Enter an email address"]),
    ("Jane <>", ["Enter an email address"]),
    ("janeexample.com", ["needs an @ sign", "name@example.com"]),
    ("@example.com", ["nothing before the @ sign"]),
    ("jane@", ["nothing after the @ sign"]),
    ("jane@example", ["needs a dot"]),
    ("jane@@example.com", ["only have one @ sign"]),
    ("a@b@c.com", ["only have one @ sign"]),
    ("jane..smith@example.com", ["two dots"]),
    (".jane@example.com", ["start with a dot"]),
    ("jane.@example.com", ["dot just before the @ sign"]),
    ("jane@example.com.", ["end with a dot"]),
    ("jane smith@example.com", ["before the @ sign", "a space"]),
    ("jane@exa mple.com", ["after the @ sign", "a space"]),
    ("jane,smith@example.com", ["before the @ sign", "','"]),
    ("jane@-example.com", ["hyphen"]),
    ("jane@example.123", ["domain ending"]),
    ("jane@foo.invalid", ["reserved"]),
    ("jane@[192.0.2.1]", ["IP address"]),
    ('"jane smith"@example.com', ["Quotation marks"]),
    ("jane\u200b@example.com", ["hidden", "zero width space"]),
    ("jane\ufe6bexample.com", ["ordinary @ sign"]),
    ("jane\uff20example.com", ["ordinary @ sign"]),
    ("a" * 300 + "@example.com", ["too long"]),
    ("jane@" + "a" * 70 + ".com", ["too long"]),
    ("jane@xn--example.com", ["international domain name"]),
]


@pytest.mark.parametrize(("text", "words"), INVALID)
def test_invalid_addresses(text: str, words: list[str]) -> None:
    result = parse_email(text)
    assert not result.valid
    assert result.normalized is None
    assert result.ascii is None
    assert result.error
    assert result.error.endswith(".")
    assert "@-sign" not in result.error
    for word in words:
        assert word in result.error


def test_missing_at_sign_message_is_exact() -> None:
    error = parse_email("janeexample.com").error
    assert error == "An email address needs an @ sign, as in name@example.com."


def test_raw_keeps_what_was_pasted() -> None:
    assert parse_email(" Jane Smith <jane@example.com> ").raw == "Jane Smith <jane@example.com>"


def test_never_checks_dns() -> None:
    # A domain that certainly has no mail server is still accepted: no network look-up.
    assert parse_email("jane@no-such-domain-pressdesk-test.example").valid


def test_as_dict_has_exactly_the_cli_keys() -> None:
    result = parse_email("Jane@Example.com")
    assert isinstance(result, EmailResult)
    assert result.as_dict() == {
        "valid": True,
        "normalized": "Jane@example.com",
        "ascii": "Jane@example.com",
        "error": None,
    }


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Jane.Smith@Example.COM", "jane.smith@example.com"),
        ("mailto:JANE@example.com", "Jane <jane@EXAMPLE.com>"),
        (" jane@example.com\u00a0", "JANE@EXAMPLE.COM"),
        ("STRASSE@example.de", "strasse@EXAMPLE.de"),
    ],
)
def test_email_key_matches_case_insensitively(first: str, second: str) -> None:
    assert email_key(first) is not None
    assert email_key(first) == email_key(second)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Jane.Smith@Example.COM", "jane.smith@example.com"),
        ("José@Example.com", "josé@example.com"),
        ("not an address", None),
        ("", None),
    ],
)
def test_email_key_values(text: str, key: str | None) -> None:
    assert email_key(text) == key
