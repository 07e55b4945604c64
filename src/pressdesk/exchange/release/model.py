"""What the release reader gives back: the release, its experts and its press contacts, as plain frozen data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

__all__ = ["SOURCES", "ParsedContact", "ParsedExpert", "ParsedRelease", "ReleaseParseError"]

SOURCES = ("offered", "listed", "quoted")
"""Where an expert came from, strongest first: offered for interview, listed in a headed block, quoted."""


class ReleaseParseError(ValueError):
    """The text cannot be read as a press release."""


@dataclass(frozen=True)
class ParsedExpert:
    """A person the release offers, lists or quotes, with their own email and phones when it gives them."""

    name: str
    title: str | None
    affiliation: str | None
    honorific: str | None = None
    source: str = "offered"
    email: str | None = None
    phones: tuple[str, ...] = ()

    @property
    def display_name(self) -> str:
        """Return the name with its honorific, e.g. "Dr Antonio Giustozzi"."""
        return f"{self.honorific} {self.name}" if self.honorific else self.name

    def as_dict(self) -> dict:
        """The JSON form."""
        return {
            "name": self.display_name,
            "title": self.title,
            "affiliation": self.affiliation,
            "source": self.source,
            "email": self.email,
            "phones": list(self.phones),
        }


@dataclass(frozen=True)
class ParsedContact:
    """A press contact: a person, or (name None) the organisation's press line; phones are E.164."""

    name: str | None
    organisation: str | None
    email: str | None
    phones: tuple[str, ...] = ()
    role: str | None = None
    phone_labels: tuple[tuple[str, str], ...] = ()
    """(E.164, "mobile" | "office" | "out of hours") for the numbers the release labels."""

    def as_dict(self) -> dict:
        """The JSON form."""
        return {
            "name": self.name,
            "organisation": self.organisation,
            "role": self.role,
            "email": self.email,
            "phones": list(self.phones),
            "phone_labels": dict(self.phone_labels),
        }


@dataclass(frozen=True)
class ParsedRelease:
    """Everything read from one release; embargo is an aware UTC datetime; warnings list every assumption."""

    title: str
    date: dt.date | None
    embargo: dt.datetime | None
    experts: tuple[ParsedExpert, ...] = ()
    press_contacts: tuple[ParsedContact, ...] = ()
    body: str = ""
    region: str = "GB"
    warnings: tuple[str, ...] = field(default=())
    issuer: tuple[str, ...] = ()
    place: str | None = None
    embargo_zone: str | None = None

    def as_dict(self) -> dict:
        """Return the JSON-ready form printed by ``--json``."""
        return {
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "embargo": self.embargo.isoformat() if self.embargo else None,
            "embargo_zone": self.embargo_zone,
            "place": self.place,
            "issuer": list(self.issuer),
            "experts": [e.as_dict() for e in self.experts],
            "press_contacts": [c.as_dict() for c in self.press_contacts],
            "warnings": list(self.warnings),
        }
