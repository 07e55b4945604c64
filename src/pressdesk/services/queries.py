"""Read-only questions the desk asks: lists, counts, details, search. All return plain views."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta

from sqlalchemy import and_, bindparam, case, false, func, or_, select, text, true
from sqlalchemy.orm import Session

from pressdesk import validation
from pressdesk.errors import NotFound
from pressdesk.models import (
    COUNTED_REQUESTS,
    OPEN_STATUSES,
    Activity,
    ContactPoint,
    Enquiry,
    EnquiryStatus,
    Expert,
    InterviewRequest,
    Journalist,
    Outlet,
    PressContact,
    Release,
    ReleaseExpert,
    ReleasePressContact,
    UTCDateTime,
    utcnow,
)
from pressdesk.models.views import (
    ActivityRow,
    DeskCounts,
    EnquiryDetail,
    EnquiryRow,
    InterviewView,
    PersonRow,
    ReleaseRow,
)
from pressdesk.services.choices import parse_choice
from pressdesk.services.contacts import OWNER_COLUMNS
from pressdesk.store.search import Matches, like_pattern, matching_ids, ranked_ids


def _expert_name():
    """The expert on an enquiry's latest live interview request, as a scalar subquery."""
    return (
        select(Expert.name)
        .join(InterviewRequest, InterviewRequest.expert_id == Expert.id)
        .where(
            InterviewRequest.enquiry_id == Enquiry.id,
            InterviewRequest.status.in_(COUNTED_REQUESTS),
        )
        .order_by(InterviewRequest.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _enquiry_select():
    """The columns of an EnquiryRow."""
    return (
        select(
            Enquiry.id,
            Enquiry.received_at,
            Enquiry.deadline,
            Enquiry.journalist_id,
            func.coalesce(Journalist.name, "").label("journalist"),
            func.coalesce(Outlet.name, "").label("outlet"),
            Enquiry.type,
            Enquiry.subject,
            func.coalesce(_expert_name(), "").label("expert"),
            Enquiry.status,
            Enquiry.officer,
            Enquiry.priority,
            Enquiry.channel,
            Enquiry.release_id,
            Enquiry.version,
        )
        .select_from(Enquiry)
        .outerjoin(Journalist, Journalist.id == Enquiry.journalist_id)
        .outerjoin(Outlet, Outlet.id == Enquiry.outlet_id)
    )


def _row(r) -> EnquiryRow:
    """An EnquiryRow from a result row."""
    return EnquiryRow(**r._mapping)


def enquiry_rows_select():
    """The SELECT of EnquiryRows, for a caller to narrow and order."""
    return _enquiry_select()


def enquiry_rows(session: Session, query) -> list[EnquiryRow]:
    """The EnquiryRows a narrowed enquiry_rows_select() gives."""
    return [_row(r) for r in session.execute(query)]


def list_enquiries(
    session: Session,
    *,
    status: Sequence[str] | str | None = None,
    open_only: bool = False,
    overdue: bool = False,
    text: str | None = None,
    officer: str | None = None,
    journalist_id: int | None = None,
    expert_id: int | None = None,
    order: str = "urgency",
    limit: int = 100,
    offset: int = 0,
    now: datetime | None = None,
    match_limit: int = 5000,
) -> list[EnquiryRow]:
    """Enquiries, most urgent first (overdue, then by time left; no deadline last) or newest first."""
    query = enquiry_query(
        session,
        status=status,
        open_only=open_only,
        overdue=overdue,
        text=text,
        officer=officer,
        journalist_id=journalist_id,
        expert_id=expert_id,
        order=order,
        now=now,
        match_limit=match_limit,
    )
    return [_row(r) for r in session.execute(query.limit(limit).offset(offset))]


def stream_enquiries(session: Session, *, batch: int = 500, **filters) -> Iterator[EnquiryRow]:
    """Every enquiry matching the filters of list_enquiries, fetched `batch` rows at a time, never all at once."""
    query = enquiry_query(session, **filters).execution_options(yield_per=batch)
    for r in session.execute(query):
        yield _row(r)


def count_matching_enquiries(session: Session, **filters) -> int:
    """How many enquiries match the filters of list_enquiries."""
    query = enquiry_query(session, **filters).order_by(None).subquery()
    return session.execute(select(func.count()).select_from(query)).scalar_one()


def enquiry_query(
    session: Session,
    *,
    status: Sequence[str] | str | None = None,
    open_only: bool = False,
    overdue: bool = False,
    text: str | None = None,
    officer: str | None = None,
    journalist_id: int | None = None,
    expert_id: int | None = None,
    order: str = "urgency",
    now: datetime | None = None,
    match_limit: int = 5000,
):
    """The select of EnquiryRows matching the filters, in order; an unknown status is refused (FieldError)."""
    now = now or utcnow()
    query = _enquiry_select()
    if isinstance(status, str):
        status = [status]
    if status:
        wanted = [parse_choice(EnquiryStatus, s, field="status", noun="enquiry status") for s in status]
        query = query.where(Enquiry.status.in_(wanted))
    if open_only or overdue:
        query = query.where(open_filter())
    if overdue:
        query = query.where(Enquiry.deadline < now)
    if officer is not None:
        query = query.where(Enquiry.officer == officer)
    if journalist_id is not None:
        query = query.where(Enquiry.journalist_id == journalist_id)
    if expert_id is not None:
        query = query.where(
            Enquiry.id.in_(select(InterviewRequest.enquiry_id).where(InterviewRequest.expert_id == expert_id))
        )
    if text and text.strip():
        query = query.where(or_(*enquiry_text_filters(session, text, match_limit=match_limit)))
    if order == "recent":
        query = query.order_by(Enquiry.received_at.desc(), Enquiry.id.desc())
    else:
        query = query.order_by(Enquiry.deadline.is_(None), Enquiry.deadline, Enquiry.id)
    return query


def enquiry_number(text: str) -> int | None:
    """The enquiry number typed as "12" or "#12", if that is all that was typed."""
    found = re.fullmatch(r"#?\s*(\d{1,18})", text.strip())
    return int(found.group(1)) if found else None


def enquiry_text_filters(session: Session, text: str, *, match_limit: int = 5000, cache: dict | None = None) -> list:
    """WHERE clauses for enquiries matching a text, best first: its number; every word at a word start of its
    subject, notes, journalist or outlet; every word anywhere in them. Any one of them is a match."""
    number = enquiry_number(text)
    filters = [Enquiry.id == number] if number is not None else []
    own = ranked_ids(session, "enquiry", text, limit=match_limit, cache=cache)
    if own is None:
        return [*filters, func.lower(Enquiry.subject).like(like_pattern(text), escape="\\")]
    people = ranked_ids(session, "journalist", text, limit=1000, cache=cache) or Matches()
    outlets = ranked_ids(session, "outlet", text, limit=100, cache=cache) or Matches()
    most = (max(50, match_limit // 10), 20)  # journalists, outlets: the best ones, as each brings many enquiries
    for ids, journalists, outlet_ids in (
        (own.at_word_starts, people.at_word_starts[: most[0]], outlets.at_word_starts[: most[1]]),
        (own.inside_words, people.inside_words[: most[0]], outlets.inside_words[: most[1]]),
    ):
        clauses = [Enquiry.id.in_(ids)] if ids else []
        clauses += [Enquiry.journalist_id.in_(journalists)] if journalists else []
        clauses += [Enquiry.outlet_id.in_(outlet_ids)] if outlet_ids else []
        filters.append(or_(*clauses) if clauses else false())
    return filters


def open_filter():
    """`status IN ('new', ...)` written literally, so SQLite can use the partial indexes on open enquiries."""
    return Enquiry.status.in_(bindparam("open_statuses", list(OPEN_STATUSES), expanding=True, literal_execute=True))


Cursor = tuple[datetime | None, int]
"""Where a desk page ended: the last row's (deadline, id)."""


def _open_ids(session: Session, *, dated: bool, after: Cursor | None, limit: int) -> list[int]:
    """Ids of one page of open enquiries, read in order from the partial index ix_enquiry_open_deadline."""
    hint = " INDEXED BY ix_enquiry_open_deadline" if session.get_bind().dialect.name == "sqlite" else ""
    where = ["status IN ('new', 'triaged', 'routed', 'scheduled')"]
    params: dict = {"limit": limit}
    if dated:
        where.append("deadline IS NOT NULL")
        if after is not None:
            where.append("(deadline > :d OR (deadline = :d AND id > :i))")
            params |= {"d": after[0], "i": after[1]}
        order = "deadline, id"
    else:
        where.append("deadline IS NULL")
        if after is not None and after[0] is None:
            where.append("id > :i")
            params["i"] = after[1]
        order = "id"
    sql = text(f"SELECT id FROM enquiry{hint} WHERE {' AND '.join(where)} ORDER BY {order} LIMIT :limit")
    if "d" in params:
        sql = sql.bindparams(bindparam("d", type_=UTCDateTime))
    return list(session.execute(sql, params).scalars())


def open_page(session: Session, *, after: Cursor | None = None, limit: int = 200) -> list[EnquiryRow]:
    """Open enquiries most urgent first, from a keyset cursor: each page costs the same however deep it is.

    Rows with a deadline come in (deadline, id) order straight from the partial index; rows without one
    follow in id order from the same index. SQLite is told the index by name: with statistics it may
    otherwise pick (status, deadline) and sort every open enquiry for each page.
    """
    ids: list[int] = []
    if after is None or after[0] is not None:
        ids = _open_ids(session, dated=True, after=after, limit=limit)
    if len(ids) < limit:
        ids += _open_ids(session, dated=False, after=after if ids == [] else None, limit=limit - len(ids))
    if not ids:
        return []
    rows = {r.id: _row(r) for r in session.execute(_enquiry_select().where(Enquiry.id.in_(ids)))}
    return [rows[i] for i in ids if i in rows]


def count_enquiries(session: Session, *, open_only: bool = False) -> int:
    """How many enquiries there are (open ones only, if asked)."""
    query = select(func.count()).select_from(Enquiry)
    if open_only:
        query = query.where(open_filter())
    return session.execute(query).scalar_one()


def desk_counts(session: Session, *, now: datetime | None = None) -> DeskCounts:
    """Open enquiries, those due within the hour, overdue ones, and interview requests not routed."""
    now = now or utcnow()
    soon = now + timedelta(hours=1)
    row = session.execute(
        select(
            func.count(),
            func.sum(case((and_(Enquiry.deadline >= now, Enquiry.deadline < soon), 1), else_=0)),
            func.sum(case((Enquiry.deadline < now, 1), else_=0)),
            func.sum(
                case(
                    (and_(Enquiry.type == "interview", Enquiry.status.in_(("new", "triaged"))), 1),
                    else_=0,
                )
            ),
        ).where(open_filter())
    ).one()
    return DeskCounts(open=row[0], due_soon=row[1] or 0, overdue=row[2] or 0, unrouted_interviews=row[3] or 0)


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
) -> list:
    """WHERE clauses for journalists matching a text, with a beat, at an outlet, archived or not (None: either)."""
    clauses: list = []
    if text and text.strip():
        clauses.append(Journalist.id.in_(_people_matching(session, "journalist", text)))
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
) -> list[PersonRow]:
    """Journalists by name, with outlet, emails and phones; optionally those matching a text, with a beat, at an
    outlet, or archived or not (None: both)."""
    query = (
        select(Journalist, func.coalesce(Outlet.name, ""))
        .outerjoin(Outlet, Outlet.id == Journalist.outlet_id)
        .order_by(Journalist.name, Journalist.id)
    )
    if ids is not None:
        query = query.where(Journalist.id.in_(list(ids)))
    query = query.where(*journalist_filters(session, text=text, beat=beat, outlet_id=outlet_id, archived=archived))
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


def _people_matching(session: Session, kind: str, text: str) -> list[int]:
    """Ids of people of one kind whose name, details, phone or email match the text."""
    return people_ranked(session, kind, text).ids


def _point_owners(session: Session, text: str, cache: dict) -> dict[str, Matches]:
    """People of each kind owning a phone or email that matches the text: the number itself, or every word
    at a word start (an email's name or domain), before fragments inside a word (part of a number)."""
    if "point_owners" in cache:
        return cache["point_owners"]
    owners = {kind: (set(), set()) for kind in OWNER_COLUMNS}
    columns = [getattr(ContactPoint, c) for c in OWNER_COLUMNS.values()]
    key = validation.phone_key(text) if validation.looks_like_phone(text) else None
    if key:
        for row in session.execute(
            select(*columns).where(ContactPoint.kind == "phone", ContactPoint.lookup_key == key)
        ):
            for kind, owner in zip(OWNER_COLUMNS, row, strict=True):
                owners[kind][0].add(owner)
    points = ranked_ids(session, "contact_point", text.replace(" ", ""), limit=1000, cache=cache) or Matches()
    if points.ids:
        at_starts = set(points.at_word_starts)
        for point_id, *row in session.execute(select(ContactPoint.id, *columns).where(ContactPoint.id.in_(points.ids))):
            for kind, owner in zip(OWNER_COLUMNS, row, strict=True):
                owners[kind][0 if point_id in at_starts else 1].add(owner)
    found = {kind: Matches(sorted(a - {None}), sorted(b - a - {None})) for kind, (a, b) in owners.items()}
    cache["point_owners"] = found
    return found


def people_ranked(session: Session, kind: str, text: str, *, cache: dict | None = None) -> Matches:
    """People of one kind matching the text: those whose name, details, email or outlet have every word at a
    word start (or whose number it is) first, then those matching inside a word (a fragment of a number)."""
    cache = {} if cache is None else cache
    model = {"journalist": Journalist, "expert": Expert, "press_contact": PressContact}[kind]
    points = _point_owners(session, text, cache)[kind]
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
        query = query.where(Expert.id.in_(_people_matching(session, "expert", text)))
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
        query = query.where(PressContact.id.in_(_people_matching(session, "press_contact", text)))
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


def _release_rows(session: Session, releases: Sequence[Release]) -> list[ReleaseRow]:
    """ReleaseRows with their experts' names and their press contacts."""
    ids = [r.id for r in releases]
    experts: dict[int, list[str]] = defaultdict(list)
    contacts: dict[int, list[PersonRow]] = defaultdict(list)
    if ids:
        for rid, name in session.execute(
            select(ReleaseExpert.release_id, Expert.name)
            .join(Expert, Expert.id == ReleaseExpert.expert_id)
            .where(ReleaseExpert.release_id.in_(ids))
        ):
            experts[rid].append(name)
        named = session.execute(
            select(ReleasePressContact.release_id, ReleasePressContact.press_contact_id).where(
                ReleasePressContact.release_id.in_(ids)
            )
        ).all()
        people = {p.id: p for p in list_press_contacts(session, release_ids=ids, limit=len(named) or 1)}
        for rid, cid in named:
            if cid in people:
                contacts[rid].append(people[cid])
    return [
        ReleaseRow(
            id=r.id,
            title=r.title,
            issued_on=r.issued_on,
            embargo_until=r.embargo_until,
            experts=tuple(experts[r.id]),
            press_contacts=tuple(sorted(contacts[r.id], key=lambda p: (p.name, p.id))),
        )
        for r in releases
    ]


def list_releases(session: Session, *, text: str | None = None, limit: int = 100, offset: int = 0) -> list[ReleaseRow]:
    """Releases, newest first."""
    query = select(Release).order_by(Release.issued_on.desc(), Release.id.desc())
    if text and text.strip():
        ids = matching_ids(session, "release", text, limit=1000)
        query = query.where(
            Release.id.in_(ids) if ids is not None else func.lower(Release.title).like(like_pattern(text), escape="\\")
        )
    return _release_rows(session, session.execute(query.limit(limit).offset(offset)).scalars().all())


def history(session: Session, *, enquiry_id: int, limit: int = 200) -> list[ActivityRow]:
    """The enquiry's activity, oldest first."""
    rows = session.execute(
        select(Activity.at, Activity.who, Activity.action, Activity.summary)
        .where(Activity.enquiry_id == enquiry_id)
        .order_by(Activity.at, Activity.id)
        .limit(limit)
    )
    return [ActivityRow(**r._mapping) for r in rows]


def interviews_for(session: Session, *, enquiry_id: int) -> list[InterviewView]:
    """The interview requests made for an enquiry, oldest first."""
    rows = session.execute(
        select(InterviewRequest, Expert.name)
        .join(Expert, Expert.id == InterviewRequest.expert_id)
        .where(InterviewRequest.enquiry_id == enquiry_id)
        .order_by(InterviewRequest.id)
    ).all()
    return [
        InterviewView(
            id=ir.id,
            expert_id=ir.expert_id,
            expert=name,
            status=ir.status,
            slot_start=ir.slot_start,
            slot_end=ir.slot_end,
            format=ir.format,
            place=ir.place,
            version=ir.version,
        )
        for ir, name in rows
    ]


def get_enquiry(session: Session, enquiry_id: int) -> EnquiryRow:
    """One desk line, or NotFound."""
    row = session.execute(_enquiry_select().where(Enquiry.id == enquiry_id)).first()
    if row is None:
        raise NotFound(f"There is no enquiry {enquiry_id}.")
    return _row(row)


def enquiry_detail(session: Session, enquiry_id: int) -> EnquiryDetail:
    """The enquiry with its journalist, release, interviews and history."""
    row = get_enquiry(session, enquiry_id)
    notes = session.execute(select(Enquiry.notes).where(Enquiry.id == enquiry_id)).scalar_one()
    journalist = None
    past = 0
    if row.journalist_id is not None:
        people = list_journalists(session, ids=[row.journalist_id], limit=1)
        journalist = people[0] if people else None
        past = session.execute(
            select(func.count())
            .select_from(Enquiry)
            .where(Enquiry.journalist_id == row.journalist_id, Enquiry.id != enquiry_id)
        ).scalar_one()
    release = None
    if row.release_id is not None:
        rel = session.get(Release, row.release_id)
        release = _release_rows(session, [rel])[0] if rel else None
    return EnquiryDetail(
        row=row,
        notes=notes,
        journalist=journalist,
        release=release,
        interviews=tuple(interviews_for(session, enquiry_id=enquiry_id)),
        history=tuple(history(session, enquiry_id=enquiry_id)),
        past_enquiries=past,
    )
