"""Lists of journalists, experts and press contacts, filtered and ranked."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from pressdesk import validation
from pressdesk.models import (
    COUNTED_REQUESTS,
    ContactPoint,
    Expert,
    InterviewRequest,
    Journalist,
    Outlet,
    PressContact,
    Release,
    ReleasePressContact,
    utcnow,
)
from pressdesk.models.views import PersonRow
from pressdesk.services.contacts import OWNER_COLUMNS
from pressdesk.store.search import Matches, like_pattern, point_texts, ranked_columns, ranked_ids


def _points(session: Session, entity: str, ids: Sequence[int]) -> dict[int, list[ContactPoint]]:
    """Contact points of many people at once, keyed by owner id."""
    if not ids:
        return {}
    column = getattr(ContactPoint, OWNER_COLUMNS[entity])
    found: dict[int, list[ContactPoint]] = defaultdict(list)
    rows = session.execute(select(ContactPoint).where(column.in_(list(ids))).order_by(ContactPoint.position)).scalars()
    for p in rows:
        found[getattr(p, OWNER_COLUMNS[entity])].append(p)
    return found


def _phone_text(p: ContactPoint) -> str:
    """E.164 with its extension, if any."""
    return p.value + (f" ext. {p.extension}" if p.extension else "")


def _person(kind: str, obj, outlet: str, role: str, points: list[ContactPoint], **detail) -> PersonRow:
    """A PersonRow from a person and their contact points."""
    return PersonRow(
        id=obj.id,
        kind=kind,
        name=obj.name,
        outlet=outlet,
        role=role,
        emails=tuple(p.value for p in points if p.kind == "email"),
        phones=tuple(_phone_text(p) for p in points if p.kind == "phone"),
        version=obj.version,
        detail=detail,
    )


def beat_filter(session: Session, column, beat: str):
    """A WHERE clause for people whose topics hold these words, whole, case and accents aside ("education" matches
    "Higher Education, schools", not "educational")."""
    from pressdesk.store.search import words_of

    words = words_of(beat)  # letters and digits only: nothing to escape in a LIKE pattern
    if not words:
        return true()
    return func.pressdesk_fold(column).like(f"% {words} %")  # SQLite registers it; PostgreSQL has it (0009)


def journalist_filters(
    session: Session,
    *,
    text: str | None = None,
    beat: str | None = None,
    outlet_id: int | None = None,
    archived: bool | None = None,
    region: str | None = "GB",
) -> list:
    """WHERE clauses for journalists matching a text (a number dialled at home read in region), with a beat, at an
    outlet, archived or not (None: either)."""
    clauses: list = []
    if text and text.strip():
        clauses.append(Journalist.id.in_(_people_matching(session, "journalist", text, region)))
    if beat and beat.strip():
        clauses.append(beat_filter(session, Journalist.beat, beat))
    if outlet_id is not None:
        clauses.append(Journalist.outlet_id == outlet_id)
    if archived is not None:
        clauses.append(Journalist.archived_at.is_not(None) if archived else Journalist.archived_at.is_(None))
    return clauses


def list_journalists(
    session: Session,
    *,
    text: str | None = None,
    ids: Sequence[int] | None = None,
    limit: int = 100,
    offset: int = 0,
    beat: str | None = None,
    outlet_id: int | None = None,
    archived: bool | None = None,
    region: str | None = "GB",
) -> list[PersonRow]:
    """Journalists by name, with outlet, emails and phones; optionally those matching a text (a number dialled at
    home read in region), with a beat, at an outlet, or archived or not (None: both)."""
    query = (
        select(Journalist, func.coalesce(Outlet.name, ""))
        .outerjoin(Outlet, Outlet.id == Journalist.outlet_id)
        .order_by(Journalist.name, Journalist.id)
    )
    if ids is not None:
        query = query.where(Journalist.id.in_(list(ids)))
    query = query.where(
        *journalist_filters(session, text=text, beat=beat, outlet_id=outlet_id, archived=archived, region=region)
    )
    rows = session.execute(query.limit(limit).offset(offset)).all()
    points = _points(session, "journalist", [j.id for j, _ in rows])
    return [
        _person(
            "journalist",
            j,
            outlet,
            j.role,
            points.get(j.id, []),
            beat=j.beat,
            preferred_channel=j.preferred_channel,
            notes=j.notes,
            problems=[f"{p.value}: {p.problem}" for p in points.get(j.id, []) if not p.valid],
            outlet_id=j.outlet_id,
            archived=j.archived_at is not None,
            labelled=[(p.kind, p.label, _phone_text(p) if p.kind == "phone" else p.value) for p in mine],
        )
        for j, outlet in rows
        for mine in [points.get(j.id, [])]
    ]


def _people_matching(session: Session, kind: str, text: str, region: str | None) -> list[int]:
    """Ids of people of one kind whose name, details, phone or email match the text."""
    return people_ranked(session, kind, text, region=region).ids


def _point_owners(session: Session, text: str, cache: dict, region: str | None) -> dict[str, Matches]:
    """People of each kind owning a phone or email that matches the text: the number itself (dialled at home:
    read in region), or every word at a word start (an email's name or domain), before fragments inside a word
    (part of a number)."""
    if "point_owners" in cache:
        return cache["point_owners"]
    owners = {kind: (set(), set()) for kind in OWNER_COLUMNS}
    columns = [getattr(ContactPoint, c) for c in OWNER_COLUMNS.values()]
    key = validation.phone_key(text, region) if validation.looks_like_phone(text) else None
    if key:
        for row in session.execute(
            select(*columns).where(ContactPoint.kind == "phone", ContactPoint.lookup_key == key)
        ):
            for kind, owner in zip(OWNER_COLUMNS, row, strict=True):
                owners[kind][0].add(owner)
    for point_text in point_texts(text, region):
        # the owners read with the matches, in one statement: a number's first digits match 1,000 contact points
        points, read = ranked_columns(
            session, "contact_point", point_text, limit=1000, columns=tuple(OWNER_COLUMNS.values())
        ) or (Matches(), {})
        at_starts = set(points.at_word_starts)
        for point_id in points.ids:
            for kind, owner in zip(OWNER_COLUMNS, read[point_id], strict=True):
                owners[kind][0 if point_id in at_starts else 1].add(owner)
    found = {kind: Matches(sorted(a - {None}), sorted(b - a - {None})) for kind, (a, b) in owners.items()}
    cache["point_owners"] = found
    return found


def people_ranked(
    session: Session, kind: str, text: str, *, cache: dict | None = None, region: str | None = "GB"
) -> Matches:
    """People of one kind matching the text: those whose name, details, email or outlet have every word at a
    word start (or whose number it is, dialled at home in region) first, then those matching inside a word (a
    fragment of a number)."""
    cache = {} if cache is None else cache
    model = {"journalist": Journalist, "expert": Expert, "press_contact": PressContact}[kind]
    points = _point_owners(session, text, cache, region)[kind]
    starts, inside = set(points.at_word_starts), set(points.inside_words)
    own = ranked_ids(session, kind, text, limit=1000, cache=cache)
    if own is None:
        name = func.lower(model.name).like(like_pattern(text), escape="\\")
        starts |= set(session.execute(select(model.id).where(name)).scalars())
    else:
        starts |= set(own.at_word_starts)
        inside |= set(own.inside_words)
    if kind == "journalist":
        outlets = ranked_ids(session, "outlet", text, limit=100, cache=cache) or Matches()
        for found, into in ((outlets.at_word_starts, starts), (outlets.inside_words, inside)):
            if found:
                into |= set(session.execute(select(Journalist.id).where(Journalist.outlet_id.in_(found))).scalars())
    return Matches(sorted(starts), sorted(inside - starts))


def list_experts(
    session: Session,
    *,
    text: str | None = None,
    ids: Sequence[int] | None = None,
    limit: int = 100,
    offset: int = 0,
    now: datetime | None = None,
    archived: bool | None = None,
    region: str | None = "GB",
) -> list[PersonRow]:
    """Experts by name with topics, languages and current load (open interview requests this week); archived or not
    (None: both)."""
    now = now or utcnow()
    week_ago = now - timedelta(days=7)
    load = (
        select(func.count())
        .select_from(InterviewRequest)
        .where(
            InterviewRequest.expert_id == Expert.id,
            InterviewRequest.status.in_(COUNTED_REQUESTS),
            InterviewRequest.created_at >= week_ago,
        )
        .scalar_subquery()
    )
    query = select(Expert, load).order_by(Expert.name, Expert.id)
    if ids is not None:
        query = query.where(Expert.id.in_(list(ids)))
    if text and text.strip():
        query = query.where(Expert.id.in_(_people_matching(session, "expert", text, region)))
    if archived is not None:
        query = query.where(Expert.archived_at.is_not(None) if archived else Expert.archived_at.is_(None))
    rows = session.execute(query.limit(limit).offset(offset)).all()
    points = _points(session, "expert", [e.id for e, _ in rows])
    return [
        _person(
            "expert",
            e,
            e.affiliation,
            e.title,
            points.get(e.id, []),
            honorific=e.honorific,
            topics=e.topics,
            languages=e.languages,
            working_hours=e.working_hours,
            media_trained=e.media_trained,
            weekly_limit=e.weekly_limit,
            conflicts=e.conflicts,
            load=n,
            notes=e.notes,
            archived=e.archived_at is not None,
        )
        for e, n in rows
    ]


def list_press_contacts(
    session: Session,
    *,
    text: str | None = None,
    ids: Sequence[int] | None = None,
    release_ids: Sequence[int] | None = None,
    limit: int = 100,
    region: str | None = "GB",
) -> list[PersonRow]:
    """Press contacts named on releases, by name, with organisation, emails, phones and the newest release
    naming them (detail: latest_release_id, latest_release, release_count)."""
    query = select(PressContact).order_by(PressContact.name, PressContact.id)
    if ids is not None:
        query = query.where(PressContact.id.in_(list(ids)))
    if release_ids is not None:
        named = select(ReleasePressContact.press_contact_id).where(ReleasePressContact.release_id.in_(release_ids))
        query = query.where(PressContact.id.in_(named))
    if text and text.strip():
        query = query.where(PressContact.id.in_(_people_matching(session, "press_contact", text, region)))
    contacts = session.execute(query.limit(limit)).scalars().all()
    found = [c.id for c in contacts]
    points = _points(session, "press_contact", found)
    releases: dict[int, list[tuple[int, str]]] = defaultdict(list)
    if found:
        for cid, rid, title in session.execute(
            select(ReleasePressContact.press_contact_id, Release.id, Release.title)
            .join(Release, Release.id == ReleasePressContact.release_id)
            .where(ReleasePressContact.press_contact_id.in_(found))
            .order_by(Release.issued_on.desc(), Release.id.desc())
        ):
            releases[cid].append((rid, title))
    rows = []
    for c in contacts:
        newest = releases[c.id][0] if releases[c.id] else (None, "")
        detail = {
            "latest_release_id": newest[0],
            "latest_release": newest[1],
            "release_count": len(releases[c.id]),
            "notes": c.notes,
        }
        rows.append(_person("press_contact", c, c.organisation, "", points.get(c.id, []), **detail))
    return rows
