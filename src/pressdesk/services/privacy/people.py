"""The kinds of person, who is still to be told, the privacy history and finding people."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from pressdesk import validation
from pressdesk.errors import FieldError, NotFound
from pressdesk.models import Activity, ContactPoint, Expert, Journalist, PressContact, utcnow
from pressdesk.models.views import JsonMixin, _jsonable
from pressdesk.services import activity, contacts
from pressdesk.services.contacts.lookup import _owner_of

PEOPLE = {"journalist": Journalist, "expert": Expert, "press_contact": PressContact}


TELL_WITHIN = timedelta(days=30)
"""The ICO's one month: people whose details came from elsewhere are told within it that the desk holds them."""


ERASED = "[erased]"
"""What stands where an erased person's name, number or address was written."""


CHUNK = 500
"""Ids per IN (...) list."""


def _model(kind: str):
    """The table of a kind of person, or FieldError naming the kind."""
    if kind not in PEOPLE:
        raise FieldError("kind", f"Say journalist, expert or press_contact, not {kind!r}.")
    return PEOPLE[kind]


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    """Ids in lists short enough for one IN (...)."""
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])


# --- told within a month -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class NotTold(JsonMixin):
    """A person not yet told the desk holds their details, past the month."""

    kind: str
    id: int
    name: str
    source: str
    collected_at: datetime
    due: datetime
    days_over: int


def not_told(
    session: Session, *, now: datetime | None = None, within: timedelta = TELL_WITHIN, limit: int = 500
) -> list[NotTold]:
    """People collected more than a month ago and not yet told, longest waiting first (indexed on told_at)."""
    now = now or utcnow()
    cut = now - within
    found: list[NotTold] = []
    for kind, model in PEOPLE.items():
        rows = session.execute(
            select(model.id, model.name, model.source, model.collected_at)
            .where(model.told_at.is_(None), model.collected_at <= cut)
            .order_by(model.collected_at)
            .limit(limit)
        )
        for pid, name, source, collected in rows:
            due = collected + within
            found.append(NotTold(kind, pid, name, source, collected, due, (now - due).days))
    return sorted(found, key=lambda p: (p.collected_at, p.kind, p.id))[:limit]


def mark_told(
    session: Session, *, who: str, kind: str, person_id: int, at: datetime | None = None, how: str = ""
) -> None:
    """Record that a person was told the desk holds their details (and how, for the history)."""
    person = session.get(_model(kind), person_id, with_for_update=True)
    if person is None:
        raise NotFound(f"There is no {kind.replace('_', ' ')} {person_id}.")
    contacts.bump(person, who=who, entity=kind, expected_version=None)
    person.told_at = at or utcnow()
    activity.record(
        session,
        who=who,
        action="told",
        entity=kind,
        entity_id=person_id,
        summary=f"Told {person.name} the desk holds their details" + (f" ({how})" if how else ""),
    )


# --- the history ---------------------------------------------------------------------------------
def _history_row(row: Activity) -> dict[str, Any]:
    """One history row as JSON-ready values, its changes parsed."""
    try:
        changes = json.loads(row.changes) if row.changes else {}
    except ValueError:
        changes = {"text": row.changes}
    return {
        "id": row.id,
        "at": row.at.isoformat(),
        "who": row.who,
        "action": row.action,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "enquiry_id": row.enquiry_id,
        "summary": row.summary,
        "changes": _jsonable(changes),
    }


def stream_history(
    session: Session, *, since: datetime | None = None, until: datetime | None = None, batch: int = 1000
) -> Iterator[dict[str, Any]]:
    """Every history row (who, when, what, what changed) in order, read a batch at a time, never all at once."""
    after = 0
    while True:
        query = select(Activity).where(Activity.id > after).order_by(Activity.id).limit(batch)
        if since is not None:
            query = query.where(Activity.at >= since)
        if until is not None:
            query = query.where(Activity.at < until)
        rows = session.execute(query).scalars().all()
        if not rows:
            return
        for row in rows:
            yield _history_row(row)
        after = rows[-1].id


# --- finding the person --------------------------------------------------------------------------
def find_people(
    session: Session,
    *,
    email: str | None = None,
    phone: str | None = None,
    person_id: int | None = None,
    kind: str = "journalist",
    region: str = "GB",
) -> list[tuple[str, int]]:
    """(kind, id) of everyone with this email address or number (any owner), or the one person with this id."""
    given = [v for v in (email, phone, person_id) if v not in (None, "")]
    if len(given) != 1:
        raise FieldError("person", "Give one of an email address, a phone number or an id.")
    if person_id is not None:
        return [(kind, person_id)] if session.get(_model(kind), person_id) is not None else []
    if email:
        key = validation.email_key(email)
        if not key:
            raise FieldError("email", "This is not an email address.")
        kind_key = ("email", key)
    else:
        key = validation.phone_key(phone or "", region)
        if not key:
            raise FieldError("phone", "This is not a phone number.")
        kind_key = ("phone", key)
    points = session.execute(
        select(ContactPoint).where(ContactPoint.kind == kind_key[0], ContactPoint.lookup_key == kind_key[1])
    ).scalars()
    owners = dict.fromkeys(_owner_of(p) for p in points)
    return list(owners)
