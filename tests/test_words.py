"""Counts read as English: one thing, several things."""

from __future__ import annotations

import pytest

from pressdesk.words import counted


@pytest.mark.parametrize(
    ("n", "noun", "said"),
    [
        (1, "earlier enquiry", "1 earlier enquiry"),
        (2, "earlier enquiry", "2 earlier enquiries"),
        (0, "earlier enquiry", "0 earlier enquiries"),
        (1, "scheduled interview", "1 scheduled interview"),
        (3, "scheduled interview", "3 scheduled interviews"),
        (2, "match", "2 matches"),
        (2, "day", "2 days"),
    ],
)
def test_the_noun_agrees_with_the_number(n, noun, said):
    assert counted(n, noun) == said


def test_an_irregular_plural_is_given():
    assert counted(2, "person", "people") == "2 people" and counted(1, "person", "people") == "1 person"
