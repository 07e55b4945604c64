"""Hostile text at the cleaner every typed, pasted or imported text passes: long runs are read once, never re-scanned.

Each input is a run of one piece that made a pattern retry from every position of its line (quadratic: a 20,000-char
note took 2-8 s of CPU, a release body of 2 MB hours); the assertions are the cleaned text a person expects."""

from __future__ import annotations

import pytest

from pressdesk.validation.text import clean_text

N = 100_000
"""Characters of the long line: five times a note's limit, a twentieth of a release body's."""


@pytest.mark.parametrize("multiline", [False, True])
@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        pytest.param("a" + " " * N + "b", "a" + " " * N + "b", id="spaces-without-a-break-are-kept"),
        pytest.param("a" + " " * N + "\tb", "a b", id="spaces-then-a-tab-are-one-space"),
        pytest.param("^P" * (N // 2), "^P" * (N // 2), id="caret-DCS-without-end-is-text"),
        pytest.param("^[_" * (N // 3), "^[_" * (N // 3), id="caret-APC-without-end-is-text"),
        pytest.param("^P" * (N // 2) + "^G after", "after", id="caret-DCS-to-its-end-is-removed"),
        pytest.param("\x90" * N + "x", "x", id="8-bit-DCS-without-end-loses-its-introducers"),
        pytest.param("\x9da" * (N // 2), "a" * (N // 2), id="8-bit-OSC-without-end-keeps-its-text"),
        pytest.param("\x9da" * (N // 2) + "\x9c after", "after", id="8-bit-OSC-to-its-end-is-removed"),
        pytest.param("a" + "\u200c" * N + "b", "a" + "\u200c" * N + "b", id="joiners-between-letters-are-kept"),
        pytest.param("a" + "\u200d" * N + " b", "a b", id="joiners-before-a-space-are-dropped"),
    ],
)
def test_a_long_hostile_line_is_cleaned_in_one_read(text: str, cleaned: str, multiline: bool) -> None:
    if multiline and "\t" in text:
        cleaned = text
    assert clean_text(text, multiline=multiline) == cleaned
