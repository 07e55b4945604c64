"""Reading the languages an expert speaks as ISO 639 codes, from names or codes typed in any case."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from functools import cache

__all__ = ["LanguageError", "parse_languages"]

_EXAMPLE = "write names or codes such as English, de, cy"
# Everyday names pycountry does not list under that spelling (its "Modern Greek (1453-)" is plain
# Greek to a press officer) and the names languages give themselves.
_ALIASES = {
    "greek": "el",
    "farsi": "fa",
    "pashto": "ps",
    "punjabi": "pa",
    "swahili": "sw",
    "mandarin": "zh",
    "cantonese": "zh",
    "castilian": "es",
    "flemish": "nl",
    "deutsch": "de",
    "francais": "fr",
    "espanol": "es",
    "italiano": "it",
    "nederlands": "nl",
    "polski": "pl",
    "portugues": "pt",
    "gaeilge": "ga",
    "cymraeg": "cy",
    "bsl": "bfi",
}


class LanguageError(ValueError):
    """A language that is not one people speak or sign, named in the message."""


def _fold(text: str) -> str:
    """Case-fold and drop accents and spacing, so Français, francais and FRANÇAIS are one key."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _iso_639_3() -> list[dict[str, str]]:
    """The ISO 639-3 table pycountry ships, read as plain JSON (its Language objects take far longer to build)."""
    import pycountry

    with open(os.path.join(pycountry.DATABASE_DIR, "iso639-3.json"), encoding="utf-8") as fh:
        return json.load(fh)["639-3"]


@cache
def _known() -> dict[str, str]:
    """Every accepted spelling (folded) -> the code to store: ISO 639-1 where a language has one, else 639-3.

    Accepted: the languages with a two-letter ISO 639-1 code, and the living languages of ISO 639-3
    (so Yue Chinese and British Sign Language are in; constructed ones without a 639-1 code, such
    as Klingon, and extinct or historical ones are out).
    """
    known: dict[str, str] = {}
    for lang in _iso_639_3():
        two = lang.get("alpha_2")
        if two is None and lang.get("type") != "L":
            continue
        code = two or lang["alpha_3"]
        name = lang["name"]
        for spelling in (
            name,
            re.sub(r"\s*\(.*\)$", "", name),
            lang.get("common_name"),
            lang["alpha_3"],
            lang.get("bibliographic"),
        ):
            if spelling:
                known.setdefault(_fold(spelling), code)
        if two:
            known[two] = two  # a two-letter code wins over a name that happens to be spelt like it
    known.update(_ALIASES)
    return known


def _code(item: str) -> str:
    """The code of one typed language ("German", "de", "deu", "pt-BR"); LanguageError naming it when unknown."""
    key = _fold(item)
    known = _known()
    if key in known:
        return known[key]
    base, _, region = key.partition("-")
    if region and re.fullmatch(r"[a-z]{2}|\d{3}", region) and base in known:
        return known[base]  # "pt-BR" speaks Portuguese: routing goes by language
    words = key.split()
    if len(words) > 1 and all(len(word) == 2 and word in known for word in words):
        return ", ".join(known[word] for word in words)  # "en de": two-letter codes without commas
    raise LanguageError(f"“{item}” is not a language we know; {_EXAMPLE}.")


def parse_languages(text: str | None) -> list[str]:
    """Read comma-separated languages as codes, in order, without repeats; LanguageError names the first unknown one."""
    codes: list[str] = []
    for part in re.split(r"[,;/\n]+", text or ""):
        item = " ".join(part.split())
        if not item:
            continue
        for code in _code(item).split(", "):
            if code not in codes:
                codes.append(code)
    return codes
