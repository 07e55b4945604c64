"""Data-protection duties: who is still to be told, subject access exports, erasure, purging, the history."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import exists, or_, select, update
from sqlmodel import Session

from pressdesk import validation
from pressdesk.errors import FieldError, NotFound
from pressdesk.models import (
    Activity,
    ContactPoint,
    Coverage,
    Enquiry,
    Expert,
    InterviewRequest,
    Journalist,
    Outlet,
    PressContact,
    Release,
    ReleaseExpert,
    ReleasePressContact,
    utcnow,
)
from pressdesk.models.views import JsonMixin, _jsonable
from pressdesk.services import activity, contacts, dnc
from pressdesk.services.contacts.lookup import _owner_of

if TYPE_CHECKING:
    from pressdesk.store.desk import Desk
    from pressdesk.store.scrub import ScrubReport

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


# --- subject access ------------------------------------------------------------------------------


def _plain(row: Any, *, leave_out: tuple[str, ...] = ()) -> dict[str, Any]:
    """A table row as JSON-ready values."""
    return {k: _jsonable(v) for k, v in row.model_dump().items() if k not in leave_out}


def _history(session: Session, condition) -> list[dict[str, Any]]:
    """History rows matching a condition, in order."""
    rows = session.execute(select(Activity).where(condition).order_by(Activity.at, Activity.id)).scalars()
    return [_history_row(r) for r in rows]


def _enquiries_of(session: Session, journalist_id: int) -> list[dict[str, Any]]:
    """A journalist's enquiries, each with its history, interview requests and coverage (indexed look-ups)."""
    enquiries = session.execute(
        select(Enquiry).where(Enquiry.journalist_id == journalist_id).order_by(Enquiry.received_at)
    ).scalars()
    out = {e.id: _plain(e) | {"history": [], "interviews": [], "coverage": []} for e in enquiries}
    for ids in _chunks(list(out)):
        for row in session.execute(
            select(Activity).where(Activity.enquiry_id.in_(ids)).order_by(Activity.at, Activity.id)
        ).scalars():
            out[row.enquiry_id]["history"].append(_history_row(row))
        for req in session.execute(select(InterviewRequest).where(InterviewRequest.enquiry_id.in_(ids))).scalars():
            out[req.enquiry_id]["interviews"].append(_plain(req))
        for cov in session.execute(select(Coverage).where(Coverage.enquiry_id.in_(ids))).scalars():
            out[cov.enquiry_id]["coverage"].append(_plain(cov))
    return list(out.values())


def _interviews_of(session: Session, expert_id: int) -> list[dict[str, Any]]:
    """An expert's interview requests, each with its enquiry's number, subject and date, and its history."""
    requests = session.execute(
        select(InterviewRequest, Enquiry.subject, Enquiry.received_at)
        .join(Enquiry, Enquiry.id == InterviewRequest.enquiry_id)
        .where(InterviewRequest.expert_id == expert_id)
        .order_by(InterviewRequest.created_at)
    ).all()
    out = {
        r.id: _plain(r) | {"enquiry": {"id": r.enquiry_id, "subject": subject, "received_at": _jsonable(at)}}
        for r, subject, at in requests
    }
    for item in out.values():
        item["history"] = []
    for ids in _chunks(list(out)):
        condition = (Activity.entity == "interview_request") & Activity.entity_id.in_(ids)
        for row in _history(session, condition):
            out[row["entity_id"]]["history"].append(row)
    return list(out.values())


def _releases_of(session: Session, kind: str, person_id: int) -> list[dict[str, Any]]:
    """The releases that name an expert or press contact."""
    link = ReleaseExpert if kind == "expert" else ReleasePressContact
    column = link.expert_id if kind == "expert" else link.press_contact_id
    rows = session.execute(
        select(Release.id, Release.title, Release.issued_on)
        .join(link, link.release_id == Release.id)
        .where(column == person_id)
        .order_by(Release.id)
    )
    return [{"id": i, "title": t, "issued_on": _jsonable(d)} for i, t, d in rows]


def _person_export(session: Session, kind: str, person_id: int) -> dict[str, Any]:
    """Everything the desk holds about one person."""
    person = session.get(_model(kind), person_id)
    points = session.execute(
        select(ContactPoint)
        .where(getattr(ContactPoint, contacts.OWNER_COLUMNS[kind]) == person_id)
        .order_by(ContactPoint.position)
    ).scalars()
    points = list(points)
    details = _plain(person, leave_out=("name_key",))
    if kind == "journalist" and person.outlet_id is not None:
        details["outlet"] = session.get(Outlet, person.outlet_id).name
    held: dict[str, Any] = {
        "kind": kind,
        "id": person_id,
        "details": details,
        "contact_points": [
            _plain(p, leave_out=("id", "journalist_id", "expert_id", "press_contact_id")) for p in points
        ],
        "on_do_not_contact_list": any(dnc.listed(session, p.kind, p.lookup_key) for p in points),
        "history": _history(session, (Activity.entity == kind) & (Activity.entity_id == person_id)),
    }
    if kind == "journalist":
        held["enquiries"] = _enquiries_of(session, person_id)
    else:
        held["releases"] = _releases_of(session, kind, person_id)
    if kind == "expert":
        held["interviews"] = _interviews_of(session, person_id)
    return held


def privacy_export(
    session: Session,
    *,
    email: str | None = None,
    phone: str | None = None,
    person_id: int | None = None,
    kind: str = "journalist",
    region: str = "GB",
) -> dict[str, Any]:
    """Everything held about the person with this email, number or id (details, contact points, enquiries, notes,
    history, interviews, coverage, releases), JSON-ready, for a subject access request. Indexed look-ups only."""
    people = find_people(session, email=email, phone=phone, person_id=person_id, kind=kind, region=region)
    asked = {k: v for k, v in {"email": email, "phone": phone, "id": person_id}.items() if v not in (None, "")}
    return {
        "generated_at": utcnow().isoformat(),
        "asked_for": asked | ({"kind": kind} if person_id is not None else {}),
        "people": [_person_export(session, k, i) for k, i in people],
    }


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


# --- purging people gone quiet -------------------------------------------------------------------

_AGE = re.compile(r"^\s*(\d{1,4})\s*(y|m|w|d)\s*$", re.IGNORECASE)
_DAYS = {"y": 365, "m": 30, "w": 7, "d": 1}


def parse_age(text: str | timedelta) -> timedelta:
    """An age such as 3y, 18m, 6w or 90d (years of 365 days, months of 30), or FieldError("older than")."""
    if isinstance(text, timedelta):
        return text
    found = _AGE.match(text or "")
    if not found or int(found[1]) == 0:
        raise FieldError("older than", "Give an age such as 3y, 18m, 6w or 90d.")
    return timedelta(days=int(found[1]) * _DAYS[found[2].lower()])


@dataclass(frozen=True, slots=True)
class Quiet(JsonMixin):
    """A person with no activity since the cut-off."""

    kind: str
    id: int
    name: str


@dataclass
class PurgeReport:
    """Who a purge found (and, unless a dry run, anonymised)."""

    cut_off: datetime
    people: list[Quiet]
    erased: int = 0
    files: ScrubReport | None = None


def quiet_people(session: Session, *, cut: datetime) -> list[Quiet]:
    """People collected and last changed before the cut-off, with no enquiry, interview or release since."""
    j, x, c = Journalist, Expert, PressContact
    recent_enquiry = exists().where(
        Enquiry.journalist_id == j.id, or_(Enquiry.received_at >= cut, Enquiry.updated_at >= cut)
    )
    recent_request = exists().where(InterviewRequest.expert_id == x.id, InterviewRequest.updated_at >= cut)
    recent_expert_release = exists().where(
        ReleaseExpert.expert_id == x.id, ReleaseExpert.release_id == Release.id, Release.created_at >= cut
    )
    recent_contact_release = exists().where(
        ReleasePressContact.press_contact_id == c.id,
        ReleasePressContact.release_id == Release.id,
        Release.created_at >= cut,
    )
    queries = {
        "journalist": select(j.id, j.name).where(j.updated_at < cut, j.collected_at < cut, ~recent_enquiry),
        "expert": select(x.id, x.name).where(
            x.updated_at < cut, x.collected_at < cut, ~recent_request, ~recent_expert_release
        ),
        "press_contact": select(c.id, c.name).where(c.updated_at < cut, c.collected_at < cut, ~recent_contact_release),
    }
    return [
        Quiet(kind, i, n) for kind, q in queries.items() for i, n in session.execute(q.order_by(q.selected_columns[0]))
    ]


def privacy_purge(
    desk: Desk,
    *,
    who: str,
    older_than: str | timedelta,
    now: datetime | None = None,
    dry_run: bool = False,
    region: str = "GB",
) -> PurgeReport:
    """Anonymise everyone with no activity for `older_than` (e.g. "3y"): each is erased as privacy_erase does, but
    not put on the do-not-contact list, and only their own records are scanned. A dry run only lists them."""
    from pressdesk.store.scrub import scrub

    cut = (now or utcnow()) - parse_age(older_than)
    with desk.read() as session:
        people = quiet_people(session, cut=cut)
    report = PurgeReport(cut_off=cut, people=people)
    if dry_run or not people:
        return report
    with desk.write(secure_delete=True) as session:
        for p in people:
            erase_person(
                session,
                who=who,
                kind=p.kind,
                person_id=p.id,
                region=region,
                do_not_contact=False,
                everywhere=False,
                reason=f"no activity since {cut.date().isoformat()}",
            )
    report.erased = len(people)
    report.files = scrub(desk, [], vacuum=False)
    return report


def add_do_not_contact(
    session: Session,
    *,
    who: str,
    region: str,
    phones: Sequence[str] = (),
    emails: Sequence[str] = (),
    reason: str = "objected",
) -> int:
    """Put numbers and addresses (typed in any format) on the list, validated first; records who did it."""
    drafts = contacts.drafts_from(emails=emails, phones=phones, region=region, keep_invalid=True)
    added = dnc.add_keys(session, who=who, keys=[(d.kind, d.lookup_key) for d in drafts], reason=reason)
    if added:
        activity.record(
            session,
            who=who,
            action="do_not_contact",
            entity="do_not_contact",
            entity_id=0,
            summary=f"Added {added} number(s) or address(es) to the do-not-contact list ({reason})",
        )
    return added
