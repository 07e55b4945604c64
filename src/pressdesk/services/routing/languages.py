"""Which language an outlet interviews in, and which an expert speaks: the tables and their reading."""

from __future__ import annotations

import re

COUNTRY_LANGUAGE = {
    "GB": "en", "IE": "en", "US": "en", "AU": "en", "NZ": "en", "CA": "en", "ZA": "en", "IN": "en", "SG": "en",
    "DE": "de", "AT": "de", "CH": "de", "LI": "de", "LU": "fr", "FR": "fr", "BE": "fr", "MC": "fr",
    "ES": "es", "MX": "es", "AR": "es", "CO": "es", "CL": "es", "PE": "es", "IT": "it", "SM": "it",
    "NL": "nl", "PL": "pl", "PT": "pt", "BR": "pt", "CN": "zh", "TW": "zh", "HK": "zh", "JP": "ja",
    "KR": "ko", "RU": "ru", "UA": "uk", "TR": "tr", "SE": "sv", "NO": "no", "DK": "da", "FI": "fi",
    "GR": "el", "CZ": "cs", "HU": "hu", "RO": "ro", "IL": "he", "SA": "ar", "AE": "ar", "EG": "ar",
    "QA": "ar", "PK": "ur", "AF": "ps", "IR": "fa",
}  # fmt: skip
"""The language an outlet in a country most likely interviews in."""

LANGUAGE_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch",
    "pl": "Polish", "pt": "Portuguese", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ru": "Russian",
    "uk": "Ukrainian", "tr": "Turkish", "sv": "Swedish", "no": "Norwegian", "da": "Danish", "fi": "Finnish",
    "el": "Greek", "cs": "Czech", "hu": "Hungarian", "ro": "Romanian", "he": "Hebrew", "ar": "Arabic",
    "ur": "Urdu", "ps": "Pashto", "fa": "Persian", "ga": "Irish", "cy": "Welsh", "hi": "Hindi",
}  # fmt: skip
"""Language codes and their English names, for reasons and for reading experts' languages."""

_NAME_TO_CODE = {name.casefold(): code for code, name in LANGUAGE_NAMES.items()} | {
    "mandarin": "zh",
    "cantonese": "zh",
    "farsi": "fa",
    "gaeilge": "ga",
    "deutsch": "de",
    "français": "fr",
    "francais": "fr",
    "español": "es",
    "espanol": "es",
}


def expert_languages(text: str) -> set[str]:
    """Language codes from "en, it" or "English, Italian"."""
    codes = set()
    for part in re.split(r"[,;/\s]+", text or ""):
        key = part.strip().casefold()
        if not key:
            continue
        codes.add(key if key in LANGUAGE_NAMES or len(key) == 2 else _NAME_TO_CODE.get(key, key))
    return codes
