"""Word matching for routing and statements: fold accents and case, stem lightly, drop words that say nothing."""

from __future__ import annotations

import re
import unicodedata

_STOP_TEXT = """
    a about after against all also an and any are as at be been before but by can could did do does
    for from had has have he her his how i if in into is it its may me more most my new no not of on
    or our over she should so some such than that the their them then there these they this those to
    up us was we were what when where which who why will with would you your via vs versus per
    interview interviews request requests comment comments quote quotes bid bids expert experts
    call background story piece please dr prof professor mr mrs ms need needs want wants talk
    anyone someone two lines line live pre record recorded update
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
"""Words that say nothing about the topic of an enquiry."""


def fold(text: str) -> str:
    """Case-fold text and drop accents, so Wiśniewski matches Wisniewski."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stem(word: str) -> str:
    """A light English stemmer: floods, flooding and flooded all become flood."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        word = word[:-2]
    return word


_WORD_RE = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")


def word_forms(text: str) -> dict[str, str]:
    """The stemmed content words of a text, each with the form it was written in."""
    found: dict[str, str] = {}
    for raw in _WORD_RE.findall(text or ""):
        word = re.sub(r"[-'’.]", "", re.sub(r"['’]s$", "", fold(raw)))
        if len(word) < 2 or word in STOP_WORDS or word.isdigit():
            continue
        found.setdefault(stem(word), raw)
    return found


def words(text: str) -> set[str]:
    """The stemmed content words of a text; hyphenated forms join up (IS-K is isk)."""
    return set(word_forms(text))


def phrases(text: str) -> list[tuple[str, set[str]]]:
    """A comma-separated keyword list as (shown text, stemmed words) pairs."""
    out = []
    for part in re.split(r"[,;\n]+", text or ""):
        shown = part.strip()
        ws = words(shown)
        if shown and ws:
            out.append((shown, ws))
    return out
