"""Erasing a person: their records, and their name, numbers and addresses wherever written."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import or_, select, update
from sqlmodel import Session

from pressdesk import validation
from pressdesk.errors import NotFound
from pressdesk.models import (
    Activity,
    ContactPoint,
    Coverage,
    Enquiry,
    Expert,
    InterviewRequest,
    Journalist,
    PressContact,
    Release,
    utcnow,
)
from pressdesk.models.views import JsonMixin
from pressdesk.services import activity, contacts, dnc
from pressdesk.services.privacy.people import ERASED, _chunks, _model, find_people

if TYPE_CHECKING:
    from pressdesk.store.desk import Desk
    from pressdesk.store.scrub import ScrubReport


# --- erasure -------------------------------------------------------------------------------------
FREE_TEXT = {
    Enquiry: ("subject", "notes"),
    Activity: ("summary", "changes"),
    Journalist: ("role", "beat", "notes"),
    Expert: ("title", "affiliation", "topics", "conflicts", "notes"),
    PressContact: ("organisation", "notes"),
    Release: ("title", "body", "source"),
    InterviewRequest: ("place", "notes"),
    Coverage: ("url", "headline", "note"),
}
"""Every column where people type or paste free text that may name someone."""


def person_terms(session: Session, kind: str, person, points: Sequence[ContactPoint], region: str) -> list[str]:
    """How a person is written on the desk: name (folded too, with honorific), numbers, addresses; longest first."""
    from pressdesk.store.search import fold, words_of

    names = [person.name, fold(person.name), words_of(person.name)]
    if kind == "expert" and person.honorific:
        names.append(f"{person.honorific} {person.name}")
    terms = [*names, "-".join(words_of(person.name).split())]
    for p in points:
        terms += [p.raw, p.value, p.lookup_key]
        if p.kind == "phone" and p.value:
            parsed = validation.parse_phone(p.value, region)
            terms += [parsed.international or "", parsed.national or "", (parsed.national or "").replace(" ", "")]
    cleaned = {t.strip() for t in terms if t and len(t.strip()) >= 4}
    return sorted(cleaned, key=lambda t: (-len(t), t))


def _redactor(terms: Sequence[str]) -> re.Pattern[str]:
    """A pattern matching any of the terms as whole words, in any case."""
    return re.compile("(?<!\\w)(?:" + "|".join(re.escape(t) for t in terms) + ")(?!\\w)", re.IGNORECASE)


def _like(term: str) -> str:
    """A LIKE pattern finding the term anywhere."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _scrub_rows(session: Session, model, columns, pattern: re.Pattern[str], where, *, who: str) -> int:
    """Rewrite the free text of matching rows with every term replaced; returns how many rows changed."""
    table_columns = [getattr(model, c) for c in columns]
    changed = 0
    rows = session.execute(select(model.id, *table_columns).where(where)).all()
    for row in rows:
        values = {c: pattern.sub(ERASED, v) for c, v in zip(columns, row[1:], strict=True) if v}
        values = {c: v for c, v in values.items() if v != getattr(row, c)}
        if not values:
            continue
        if hasattr(model, "version"):
            values |= {"version": model.version + 1, "updated_at": utcnow(), "updated_by": who}
        session.execute(update(model).where(model.id == row.id).values(**values))
        changed += 1
    return changed


def scrub_everywhere(session: Session, terms: Sequence[str], *, who: str) -> int:
    """Replace the terms in every free-text column of the desk (a scan of each table); returns rows changed."""
    if not terms:
        return 0
    pattern = _redactor(terms)
    changed = 0
    for model, columns in FREE_TEXT.items():
        likes = [getattr(model, c).like(_like(t), escape="\\") for c in columns for t in terms]
        changed += _scrub_rows(session, model, columns, pattern, or_(*likes), who=who)
    return changed


@dataclass
class Erased(JsonMixin):
    """What erasing one person did (no personal data in it except the terms, which are for checking the files)."""

    kind: str
    id: int
    enquiries: int = 0
    history_rows: int = 0
    text_rows: int = 0
    do_not_contact: int = 0
    terms: list[str] = field(default_factory=list, repr=False)


def erase_person(
    session: Session,
    *,
    who: str,
    kind: str,
    person_id: int,
    region: str = "GB",
    do_not_contact: bool = True,
    everywhere: bool = True,
    reason: str = "erased",
) -> Erased:
    """Remove a person and their contact points; anonymise their enquiries (notes cleared, their name, numbers and
    addresses taken out of subjects) and the history about them. Counts, dates, types and statuses stay.

    everywhere: also take them out of every other free text on the desk (a scan); do_not_contact: put their numbers
    and addresses on the do-not-contact list. The files are cleaned afterwards by privacy_erase."""
    model = _model(kind)
    person = session.get(model, person_id, with_for_update=True)
    if person is None:
        raise NotFound(f"There is no {kind.replace('_', ' ')} {person_id}.")
    column = getattr(ContactPoint, contacts.OWNER_COLUMNS[kind])
    points = list(session.execute(select(ContactPoint).where(column == person_id)).scalars())
    terms = person_terms(session, kind, person, points, region)
    pattern = _redactor(terms) if terms else None
    done = Erased(kind=kind, id=person_id, terms=terms)
    if do_not_contact:
        done.do_not_contact = dnc.add_keys(
            session, who=who, keys=[(p.kind, p.lookup_key) for p in points], reason=reason
        )

    enquiry_ids = (
        list(session.execute(select(Enquiry.id).where(Enquiry.journalist_id == person_id)).scalars())
        if kind == "journalist"
        else []
    )
    request_ids = (
        list(session.execute(select(InterviewRequest.id).where(InterviewRequest.expert_id == person_id)).scalars())
        if kind == "expert"
        else []
    )
    for ids in _chunks(enquiry_ids):
        session.execute(
            update(Enquiry)
            .where(Enquiry.id.in_(ids))
            .values(notes="", version=Enquiry.version + 1, updated_at=utcnow(), updated_by=who)
        )
        session.execute(
            update(Activity)
            .where(Activity.enquiry_id.in_(ids), Activity.action == "note")
            .values(summary="Note (erased)", changes="")
        )
        if pattern is not None:
            done.text_rows += _scrub_rows(session, Enquiry, ("subject",), pattern, Enquiry.id.in_(ids), who=who)
            done.history_rows += _scrub_rows(
                session, Activity, ("summary", "changes"), pattern, Activity.enquiry_id.in_(ids), who=who
            )
    done.enquiries = len(enquiry_ids)
    if pattern is not None:
        for ids in _chunks(request_ids):
            where = (Activity.entity == "interview_request") & Activity.entity_id.in_(ids)
            done.history_rows += _scrub_rows(session, Activity, ("summary", "changes"), pattern, where, who=who)
    about = (Activity.entity == kind) & (Activity.entity_id == person_id)
    done.history_rows += session.execute(
        update(Activity).where(about).values(summary=f"({kind.replace('_', ' ')} erased)", changes="")
    ).rowcount
    for point in points:
        session.delete(point)
    session.flush()
    session.delete(person)  # enquiries keep their numbers, their journalist set to none; requests and links go
    session.flush()
    if everywhere and terms:
        done.text_rows += scrub_everywhere(session, terms, who=who)
    activity.record(
        session,
        who=who,
        action="erase",
        entity=kind,
        entity_id=person_id,
        summary=f"Erased {kind.replace('_', ' ')} #{person_id} ({reason}): {done.enquiries} enquiries anonymised",
    )
    return done


@dataclass
class EraseReport:
    """What privacy_erase did, and what the check of the desk's files found afterwards."""

    erased: list[Erased]
    files: ScrubReport | None


def privacy_erase(
    desk: Desk,
    *,
    who: str,
    email: str | None = None,
    phone: str | None = None,
    person_id: int | None = None,
    kind: str = "journalist",
    region: str = "GB",
    do_not_contact: bool = True,
) -> EraseReport:
    """Erase everyone with this email or number (or the one person with this id) in one change, with SQLite's
    secure_delete on; then rewrite the search index, empty the WAL and check the raw files for any trace of them,
    vacuuming if one is found (store.scrub). NotFound when nobody matches."""
    from pressdesk.store.scrub import scrub

    with desk.write(secure_delete=True) as session:
        people = find_people(session, email=email, phone=phone, person_id=person_id, kind=kind, region=region)
        if not people:
            raise NotFound("Nobody on the desk has this " + ("id." if person_id else "email address or number."))
        erased = [
            erase_person(session, who=who, kind=k, person_id=i, region=region, do_not_contact=do_not_contact)
            for k, i in people
        ]
    terms = sorted({t for e in erased for t in e.terms})
    return EraseReport(erased=erased, files=scrub(desk, terms))
