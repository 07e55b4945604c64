"""Contacts out as vCard 4.0 (vobject), one card per person, numbers as tel: URIs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from pressdesk.exchange.contacts.record import ContactRecord

_TEL_TYPES = {"mobile": ["cell", "voice"], "work": ["work", "voice"], "home": ["home", "voice"], "fax": ["fax"]}
_EMAIL_TYPES = {"work": ["work"], "home": ["home"]}


def _tel_uri(value: str) -> str:
    """A number as a tel: URI ("+442079460000 ext. 12" -> "tel:+442079460000;ext=12")."""
    number, _, extension = value.partition(" ext. ")
    return f"tel:{number.strip()}" + (f";ext={extension.strip()}" if extension.strip() else "")


def card_of(record: ContactRecord):
    """One vobject vCard 4.0 component for a record."""
    import vobject

    card = vobject.vCard()
    card.add("version").value = "4.0"
    name = record.full_name
    card.add("fn").value = name
    given, _, family = name.rpartition(" ")
    card.add("n").value = vobject.vcard.Name(family=record.last or family or name, given=record.first or given)
    card.add("kind").value = "individual"
    if record.uid:
        card.add("uid").value = record.uid
    if record.organisation:
        card.add("org").value = [record.organisation]
    if record.title:
        card.add("title").value = record.title
    if topics := [t.strip() for t in record.beat.split(",") if t.strip()]:
        card.add("categories").value = topics
    if record.notes:
        card.add("note").value = record.notes
    for detail in record.emails:
        line = card.add("email")
        line.value = detail.value
        if types := _EMAIL_TYPES.get(detail.label):
            line.params["TYPE"] = types
    for detail in record.phones:
        line = card.add("tel")
        line.value = _tel_uri(detail.value)
        line.params["VALUE"] = ["uri"]
        if types := _TEL_TYPES.get(detail.label):
            line.params["TYPE"] = [",".join(types)]
    return card


def write_vcards(records: Iterable[ContactRecord], out: TextIO) -> int:
    """Write one vCard 4.0 per record (CRLF lines, folded at 75 octets); how many."""
    count = 0
    for record in records:
        out.write(card_of(record).serialize())
        count += 1
    return count
