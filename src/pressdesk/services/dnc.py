"""The do-not-contact list: numbers and addresses that asked not to be contacted, kept only as salted hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, TypeVar

from sqlmodel import Session, select

from pressdesk.errors import OnDoNotContactList
from pressdesk.models import ContactKind, DeskSecret, DoNotContact


class Keyed(Protocol):
    """A validated phone number or email address as the list needs it (services.contacts.PointDraft is one)."""

    kind: str
    value: str
    lookup_key: str
    field: str


PointDraft = TypeVar("PointDraft", bound=Keyed)

SALT = "dnc_salt"
"""The desk_secret row holding this desk's random salt (made by migration 0007, or on first use)."""

REFUSAL = {
    ContactKind.PHONE: "This number asked not to be contacted (it is on the desk's do-not-contact list).",
    ContactKind.EMAIL: "This email address asked not to be contacted (it is on the desk's do-not-contact list).",
}
FLAG = "asked not to be contacted; kept by an officer's override"
"""The problem recorded on a contact point kept despite the list."""


def _salt(session: Session) -> bytes:
    """This desk's salt, made (randomly) if the desk has none yet; cached for the session."""
    if (cached := session.info.get(SALT)) is not None:
        return cached
    row = session.get(DeskSecret, SALT)
    if row is None:
        row = DeskSecret(name=SALT, value=secrets.token_hex(32))
        session.add(row)
        session.flush()
    session.info[SALT] = salt = bytes.fromhex(row.value)
    return salt


def digest(session: Session, kind: str, key: str) -> str:
    """The salted hash of a look-up key (E.164 number or folded email address), in hex."""
    return hmac.new(_salt(session), f"{kind}:{key}".encode(), hashlib.sha256).hexdigest()


def listed(session: Session, kind: str, key: str) -> bool:
    """Whether this number or address is on the list."""
    if not key:
        return False
    found = select(DoNotContact.id).where(DoNotContact.kind == kind, DoNotContact.digest == digest(session, kind, key))
    return session.exec(found).first() is not None


def checker(session: Session) -> Callable[[str, str], bool]:
    """A fast test of many (kind, look-up key) pairs against the list, for bulk imports: the list is read once."""
    salt = _salt(session)
    digests = set(session.exec(select(DoNotContact.digest)).all())
    if not digests:
        return lambda kind, key: False

    def on_list(kind: str, key: str) -> bool:
        return bool(key) and hmac.new(salt, f"{kind}:{key}".encode(), hashlib.sha256).hexdigest() in digests

    return on_list


def screen(session: Session, drafts: Sequence[PointDraft], *, override: bool = False) -> list[PointDraft]:
    """Refuse drafts on the list (OnDoNotContactList naming the first one's field, and every listed value); with
    override, return those listed."""
    kept = [draft for draft in drafts if listed(session, draft.kind, draft.lookup_key)]
    if kept and not override:
        first = kept[0]
        raise OnDoNotContactList(first.field, REFUSAL[ContactKind(first.kind)], tuple(d.value for d in kept))
    return kept


def add_keys(session: Session, *, who: str, keys: Iterable[tuple[str, str]], reason: str) -> int:
    """Put (kind, look-up key) pairs on the list (those already there are left); returns how many were added."""
    added = 0
    for kind, key in keys:
        if not key or listed(session, kind, key):
            continue
        session.add(DoNotContact(kind=kind, digest=digest(session, kind, key), reason=reason, created_by=who))
        added += 1
    session.flush()
    return added
