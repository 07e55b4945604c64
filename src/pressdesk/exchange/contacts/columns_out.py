"""The columns pressdesk writes contacts in (Google Contacts' own, which Gmail, Outlook and pressdesk read back)."""

from __future__ import annotations

from pressdesk.exchange.contacts.columns import GOOGLE_JOIN
from pressdesk.exchange.contacts.record import ContactRecord, Detail

EMAIL_SLOTS = 3
PHONE_SLOTS = 4
"""Emails and numbers each get this many label/value column pairs; more go into the last pair, joined by " ::: "."""

HEADERS = (
    ["Name", "Organization Name", "Organization Title", "Beat", "Notes"]
    + [f"E-mail {n} - {part}" for n in range(1, EMAIL_SLOTS + 1) for part in ("Label", "Value")]
    + [f"Phone {n} - {part}" for n in range(1, PHONE_SLOTS + 1) for part in ("Label", "Value")]
)


def _slots(details: list[Detail], slots: int) -> list[str]:
    """Label and value cells for some details, the ones past the last slot joined into it."""
    cells: list[str] = []
    for n in range(slots):
        group = details[n : n + 1] if n < slots - 1 else details[n:]
        cells.append(GOOGLE_JOIN.join(d.label.capitalize() for d in group) if group else "")
        cells.append(GOOGLE_JOIN.join(d.value for d in group) if group else "")
    return cells


def row_of(record: ContactRecord) -> list[str]:
    """A record as the cells under HEADERS."""
    return [
        record.full_name,
        record.organisation,
        record.title,
        record.beat,
        record.notes,
        *_slots(record.emails, EMAIL_SLOTS),
        *_slots(record.phones, PHONE_SLOTS),
    ]
