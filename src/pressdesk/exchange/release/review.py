"""The officer's review of a release before it is stored: keep or drop each person, correct a name, move a person
between expert and press contact; then the release as reviewed."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from pressdesk.exchange.release.model import ParsedContact, ParsedExpert, ParsedRelease

__all__ = ["EXPERT", "CONTACT", "Person", "people_of", "reviewed"]

EXPERT, CONTACT = "expert", "contact"


@dataclass(frozen=True)
class Person:
    """One person (or press line) found in a release, as the review shows and changes them."""

    kind: str
    name: str | None
    honorific: str | None = None
    title: str | None = None
    """An expert's title, or a press contact's role."""
    organisation: str | None = None
    """An expert's affiliation, or a press contact's organisation."""
    email: str | None = None
    phones: tuple[str, ...] = ()
    source: str = "listed"
    keep: bool = True
    phone_labels: tuple[tuple[str, str], ...] = ()

    @property
    def shown_name(self) -> str:
        """The name as the review lists it, with the honorific."""
        name = self.name or "(press line)"
        return f"{self.honorific} {name}" if self.honorific else name

    def toggled(self) -> Person:
        """Kept becomes dropped and back."""
        return dataclasses.replace(self, keep=not self.keep)

    def moved(self) -> Person:
        """An expert becomes a press contact and back; a press line without a name stays a press contact."""
        if self.kind == CONTACT and not self.name:
            return self
        return dataclasses.replace(self, kind=CONTACT if self.kind == EXPERT else EXPERT)

    def renamed(self, name: str) -> Person:
        """The same person under the name the officer typed."""
        return dataclasses.replace(self, name=" ".join(name.split()) or self.name)


def people_of(parsed: ParsedRelease) -> list[Person]:
    """Everyone a release names, experts first, in the order it names them."""
    experts = [
        Person(EXPERT, e.name, e.honorific, e.title, e.affiliation, e.email, e.phones, e.source) for e in parsed.experts
    ]
    contacts = [
        Person(CONTACT, c.name, None, c.role, c.organisation, c.email, c.phones, "contact", True, c.phone_labels)
        for c in parsed.press_contacts
    ]
    return experts + contacts


def reviewed(parsed: ParsedRelease, people: list[Person]) -> ParsedRelease:
    """The release with the people as the officer left them: dropped ones out, moved ones on their new side."""
    experts = tuple(
        ParsedExpert(
            p.name,
            p.title,
            p.organisation,
            p.honorific,
            p.source if p.source != "contact" else "listed",
            p.email,
            p.phones,
        )
        for p in people
        if p.keep and p.kind == EXPERT and p.name
    )
    contacts = tuple(
        ParsedContact(p.name, p.organisation, p.email, p.phones, p.title, p.phone_labels)
        for p in people
        if p.keep and p.kind == CONTACT
    )
    return dataclasses.replace(parsed, experts=experts, press_contacts=contacts)
