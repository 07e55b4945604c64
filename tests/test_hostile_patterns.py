"""Hostile lines at the patterns that read release text and contact cells: a long run that is not what a pattern looks
for is read once, not retried from each of its characters (quadratic: 12,000 characters took 0.2-3 s, a 2 MB release
or a 16 MB cell hours). The assertions are the text or the parts a person expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressdesk.exchange.contacts.columns import split_phones
from pressdesk.exchange.release import parse_release
from pressdesk.exchange.release.channels import deobfuscate, emails_in, phones_in

N = 200_000
"""Characters of the long run: a tenth of the longest release."""


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("ann" + " \n" * (N // 2) + "lee", id="blanks-without-a-bracket"),
        pytest.param("ann (" + " " * N + "x", id="an-open-bracket-then-blanks"),
        pytest.param("-s" * (N // 2), id="word-pieces-without-at"),
        pytest.param("x dot " * (N // 6) + "y", id="spelled-dots-without-at"),
    ],
)
def test_release_text_without_a_hidden_address_comes_back_as_it_was(text: str) -> None:
    assert deobfuscate(text) == text


def test_an_address_after_a_long_run_is_still_written_plainly() -> None:
    run = " \n" * (N // 2)
    assert deobfuscate(run + "ann (at) example [dot] org and bo dot lee at example dot org") == (
        run + "ann@example.org and bo.lee@example.org"
    )


@pytest.mark.parametrize("run", ["'0" * (N // 2), "%a" * (N // 2), "a" * N])
def test_a_long_run_of_address_characters_is_no_address(run: str) -> None:
    warnings: list[str] = []
    assert emails_in(run + " and ann@example.org", warnings) == [(len(run) + 5, len(run) + 20, "ann@example.org")]
    assert warnings == []


def test_a_phone_cell_with_a_long_gap_is_split_at_its_separator_only() -> None:
    gap = " " * N
    assert split_phones("020 7946 0000" + gap + "x ; 020 7946 0001") == ["020 7946 0000" + gap + "x", "020 7946 0001"]


def test_separators_in_a_row_still_split_once_each() -> None:
    assert split_phones("020 7946 0000 ; ; 020 7946 0001 / 07700 900123") == [
        "020 7946 0000",
        "020 7946 0001",
        "07700 900123",
    ]
    assert deobfuscate("ann (at)  (at) example (dot) org") == "ann@@example.org"


RELEASE = Path(__file__).resolve().parent.parent / "fixtures" / "releases" / "uk_two_experts_two_contacts.txt"


@pytest.mark.parametrize("line", ["GMT" * (N // 3), "McLEAN" * (N // 6)])
def test_a_long_word_of_capitals_in_a_release_names_no_one_and_changes_nothing(line: str) -> None:
    text = RELEASE.read_text(encoding="utf-8")
    plain = parse_release(text, default_region="GB", default_tz="Europe/London")
    read = parse_release(text + "\n\n" + line + " and the charity\n", default_region="GB", default_tz="Europe/London")
    assert (read.issuer, read.title, read.experts, read.press_contacts) == (
        plain.issuer,
        plain.title,
        plain.experts,
        plain.press_contacts,
    )


def test_a_long_run_of_digits_is_no_extension_range_and_the_number_after_it_is_found() -> None:
    warnings: list[str] = []
    found = phones_in("1" * N + " or call 020 7946 0000", ["GB"], warnings)
    assert [phone.e164 for phone in found] == ["+442079460000"]


def test_an_extension_range_after_a_label_keeps_its_country_code() -> None:
    found = phones_in("Tel: +49 30 1234 5600-12/-13", ["DE"], [])
    assert [phone.e164 for phone in found] == ["+49301234560012", "+49301234560013"]
