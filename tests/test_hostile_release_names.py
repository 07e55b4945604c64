"""A release that is a pasted list of names: the reader's work grows with the text, not with its square."""

import sys

import pytest

from pressdesk.exchange.release import parse_release


def _calls(text: str) -> int:
    """Calls the reader makes from its own code for the text, Python and C (a count of work, not a time)."""
    count = 0

    def tally(frame, event, _arg):
        nonlocal count
        if event in ("call", "c_call") and "pressdesk" in frame.f_code.co_filename:
            count += 1

    sys.setprofile(tally)
    try:
        parse_release(text)
    finally:
        sys.setprofile(None)
    return count


def _names(n: int) -> list[str]:
    """n different two-word names."""
    letters = "BCDFGHKLMNPRSTVWZ"
    return [
        f"{letters[i % 17]}{'aeiou'[i // 17 % 5]}{letters[i // 85 % 17].lower()}ton {letters[i // 7 % 17]}ane"
        for i in range(n)
    ]


SHAPES = {
    "one name repeated": lambda n: " ".join(["Name"] * n),
    "quoted people": lambda n: " ".join(f'"Yes," said {name}.' for name in _names(n // 4)),
    "titled people": lambda n: " ".join(f"Dr {name} of Leeds" for name in _names(n // 5)),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_four_times_the_names_is_at_most_about_four_times_the_work(shape):
    small, large = (_calls("Title line\n\n" + SHAPES[shape](n) + "\n") for n in (400, 1600))
    assert large <= 6 * small, f"{shape}: {small} calls for 400 words, {large} for 1,600 (a square would be 16×)"
