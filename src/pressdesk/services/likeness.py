"""How alike two people's names are (rapidfuzz over accent-folded words), and the lines the desk draws."""

from __future__ import annotations

from rapidfuzz import fuzz

from pressdesk.store.search import words_of

SAME = 100.0
"""The same words in any order ("Smith, Ann" and "ann smith"): at the same outlet, the same person."""
CLOSE = 85.0
"""At least this alike ("Jon Smith" and "John Smith", "A. Smith" and "Ann Smith"): asked about, never decided."""
CLASH = 60.0
"""Below this, two names sharing one email or number are two people (a newsdesk address, a switchboard)."""


def name_words(name: str) -> str:
    """A name as folded words: case, accents and punctuation aside ("Siobhán O'Brien" -> "siobhan o brien")."""
    return words_of(name or "")


def sorted_words(words: str) -> str:
    """A name's words (as name_words) in sorted order: fuzz.ratio of two of them is token_sort_ratio of the names, and
    a name compared with many is sorted once, not once a comparison."""
    return " ".join(sorted(words.split()))


def likeness(a: str, b: str) -> float:
    """How alike two names (as name_words) are, 0 to 100, the order of words aside."""
    return fuzz.token_sort_ratio(a, b)


def clash(a: str, b: str) -> bool:
    """Whether two names (as name_words) are plainly two people's: neither is a part of the other nor close to it."""
    return bool(a and b) and fuzz.token_set_ratio(a, b) < CLASH
