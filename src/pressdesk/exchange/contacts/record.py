"""The neutral contact record every reader yields and every writer takes, and the labels of its details."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

LABELS = ("mobile", "work", "home", "fax", "other")
"""What a phone number or email address is for (blank when the file does not say)."""

LABEL_WORDS = {
    "mobile": "mobile",
    "mob": "mobile",
    "cell": "mobile",
    "cellular": "mobile",
    "iphone": "mobile",
    "handy": "mobile",
    "work": "work",
    "business": "work",
    "office": "work",
    "company": "work",
    "direct": "work",
    "main": "work",
    "switchboard": "work",
    "newsdesk": "work",
    "desk": "work",
    "newsroom": "work",
    "home": "home",
    "personal": "home",
    "private": "home",
    "fax": "fax",
    "other": "other",
    "pager": "other",
    "car": "other",
    "secondary": "other",
    "alternate": "other",
    "alternative": "other",
    "additional": "other",
    # the same in the languages address books export in (folded: no accents)
    "mobil": "mobile", "mobiel": "mobile", "movil": "mobile", "portable": "mobile", "cellulare": "mobile",
    "dienstlich": "work", "geschaftlich": "work", "arbeit": "work", "bureau": "work", "professionnel": "work",
    "travail": "work", "trabajo": "work", "ufficio": "work", "werk": "work", "comercial": "work",
    "privat": "home", "prive": "home", "personnel": "home", "domicile": "home", "casa": "home", "thuis": "home",
    "abitazione": "home", "particular": "home", "residencial": "home", "celular": "mobile",
    "sekundare": "other", "secondaire": "other", "secundario": "other", "autre": "other", "andere": "other",
}  # fmt: skip
"""Words that say what a detail is for, and the label each gives."""
_LABEL_TOKEN = re.compile(r"[a-z]+")
_RUN_OF_CAPITALS = re.compile(r"(?<=[a-z])(?=[A-Z]{2})")
"""Where a word runs into a capitalised one ("HomeFAX"); "iPhone" is one word."""
DEVICES = ("fax", "mobile")
"""Labels that win over a place named beside them."""


class Detail(NamedTuple):
    """One phone number or email address as the file gave it: its label, its text and the column or property."""

    label: str
    value: str
    field: str


@dataclass(slots=True)
class ContactRecord:
    """One person as a file describes them, before any checking: the same shape for CSV, vCard and XLSX."""

    row: int
    """Where the person is in the file: the spreadsheet row (header included) or the card's number in a vCard file."""
    source: str
    """The file's name, for messages."""
    name: str = ""
    first: str = ""
    last: str = ""
    organisation: str = ""
    title: str = ""
    beat: str = ""
    notes: str = ""
    country: str = ""
    """A country or region code the file gives for the person (used as the default region of their numbers)."""
    emails: list[Detail] = field(default_factory=list)
    phones: list[Detail] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    """The column or property each text came from ("name" -> "Full Name"), for messages."""
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    """(field, value, reason) of what the reader itself could not read."""
    uid: str = ""
    """A stable identity for writers (a vCard UID), blank for what was read."""

    @property
    def full_name(self) -> str:
        """The name as given, else first and last name joined."""
        return self.name.strip() or " ".join(p for p in (self.first.strip(), self.last.strip()) if p)

    def is_empty(self) -> bool:
        """Whether the record holds nothing at all (a blank line or card)."""
        return not (self.full_name or self.organisation or self.emails or self.phones or self.notes or self.title)


def label_of(text: str | None) -> str:
    """A label from what a file calls a detail ("Mobile Phone", "* Work", "_$!<Home>!$_", "CELL"); "" if none. A device
    named beside a place is the device: "Work Fax" and Apple's "HomeFAX" are a fax, "Work Mobile" a mobile."""
    if not text:
        return ""
    spaced = _RUN_OF_CAPITALS.sub(" ", text)
    words = _LABEL_TOKEN.findall(unicodedata.normalize("NFKD", spaced).casefold())
    labels = [LABEL_WORDS[word] for word in words if word in LABEL_WORDS]
    for device in DEVICES:
        if device in labels:
            return device
    return labels[0] if labels else ""
