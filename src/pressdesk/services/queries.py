"""Read-only questions the desk asks: lists, counts, details, search. All return plain views."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta

from sqlalchemy import and_, bindparam, case, func, or_, select, text
from sqlalchemy.orm import Session

from pressdesk import validation
from pressdesk.models import (
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
from pressdesk.services.choices import parse_choice
from pressdesk.services.contacts import OWNER_COLUMNS
from pressdesk.services.errors import NotFound
from pressdesk.services.views import (
    ActivityRow,
    DeskCounts,
    EnquiryDetail,
    EnquiryRow,
    InterviewView,
    PersonRow,
    ReleaseRow,
    SearchHit,
)
from pressdesk.store.search import fts_query, like_pattern, matching_ids

ACTIVE_INTERVIEW = ("offered", "accepted", "scheduled", "done")


def _expert_name():
    """The expert on an enquiry's latest live interview request, as a scalar subquery."""
    return (
        select(Expert.name)
        .join(InterviewRequest, InterviewRequest.expert_id == Expert.id)
        .where(
            InterviewRequest.enquiry_id == Enquiry.id,
            InterviewRequest.status.in_(ACTIVE_INTERVIEW),
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
        ids = matching_ids(session, "enquiry", text, limit=match_limit)
        if ids is None:
            query = query.where(func.lower(Enquiry.subject).like(like_pattern(text), escape="\\"))
        else:
            people = matching_ids(session, "journalist", text, limit=max(50, match_limit // 10)) or []
            query = query.where(or_(Enquiry.id.in_(ids), Enquiry.journalist_id.in_(people)))
    if order == "recent":
        query = query.order_by(Enquiry.received_at.desc(), Enquiry.id.desc())
    else:
        query = query.order_by(Enquiry.deadline.is_(None), Enquiry.deadline, Enquiry.id)
    return query


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


def list_journalists(
    session: Session,
    *,
    text: str | None = None,
    ids: Sequence[int] | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[PersonRow]:
    """Journalists by name, with outlet, emails and phones; optionally those matching a text."""
    query = (
        select(Journalist, func.coalesce(Outlet.name, ""))
        .outerjoin(Outlet, Outlet.id == Journalist.outlet_id)
        .order_by(Journalist.name, Journalist.id)
    )
    if ids is not None:
        query = query.where(Journalist.id.in_(list(ids)))
    if text and text.strip():
        query = query.where(Journalist.id.in_(_people_matching(session, "journalist", text)))
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
        )
        for j, outlet in rows
    ]


def _people_matching(session: Session, kind: str, text: str) -> list[int]:
    """Ids of people of one kind whose name, details, phone or email match the text."""
    fts = matching_ids(session, kind, text, limit=1000)
    ids = set(fts or [])
    model = {"journalist": Journalist, "expert": Expert, "press_contact": PressContact}[kind]
    if fts is None:
        ids |= set(
            session.execute(
                select(model.id).where(func.lower(model.name).like(like_pattern(text), escape="\\"))
            ).scalars()
        )
    column = getattr(ContactPoint, OWNER_COLUMNS[kind])
    key = validation.phone_key(text) if validation.looks_like_phone(text) else None
    if key:
        ids |= set(
            session.execute(
                select(column).where(ContactPoint.kind == "phone", ContactPoint.lookup_key == key)
            ).scalars()
        )
    point_ids = matching_ids(session, "contact_point", text.replace(" ", ""), limit=1000) or []
    if point_ids:
        ids |= set(session.execute(select(column).where(ContactPoint.id.in_(point_ids), column.is_not(None))).scalars())
    if kind == "journalist":
        outlets = matching_ids(session, "outlet", text, limit=100) or []
        if outlets:
            ids |= set(session.execute(select(Journalist.id).where(Journalist.outlet_id.in_(outlets))).scalars())
    return sorted(i for i in ids if i is not None)


def list_experts(
    session: Session,
    *,
    text: str | None = None,
    limit: int = 100,
    offset: int = 0,
    now: datetime | None = None,
) -> list[PersonRow]:
    """Experts by name with topics, languages and current load (open interview requests this week)."""
    now = now or utcnow()
    week_ago = now - timedelta(days=7)
    load = (
        select(func.count())
        .select_from(InterviewRequest)
        .where(
            InterviewRequest.expert_id == Expert.id,
            InterviewRequest.status.in_(ACTIVE_INTERVIEW),
            InterviewRequest.created_at >= week_ago,
        )
        .scalar_subquery()
    )
    query = select(Expert, load).order_by(Expert.name, Expert.id)
    if text and text.strip():
        query = query.where(Expert.id.in_(_people_matching(session, "expert", text)))
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
        )
        for e, n in rows
    ]


def _release_rows(session: Session, releases: Sequence[Release]) -> list[ReleaseRow]:
    """ReleaseRows with their experts' and press contacts' names."""
    ids = [r.id for r in releases]
    experts: dict[int, list[str]] = defaultdict(list)
    contacts: dict[int, list[str]] = defaultdict(list)
    if ids:
        for rid, name in session.execute(
            select(ReleaseExpert.release_id, Expert.name)
            .join(Expert, Expert.id == ReleaseExpert.expert_id)
            .where(ReleaseExpert.release_id.in_(ids))
        ):
            experts[rid].append(name)
        for rid, name in session.execute(
            select(ReleasePressContact.release_id, PressContact.name)
            .join(PressContact, PressContact.id == ReleasePressContact.press_contact_id)
            .where(ReleasePressContact.release_id.in_(ids))
        ):
            contacts[rid].append(name)
    return [
        ReleaseRow(
            id=r.id,
            title=r.title,
            issued_on=r.issued_on,
            embargo_until=r.embargo_until,
            experts=tuple(experts[r.id]),
            press_contacts=tuple(contacts[r.id]),
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


def search(session: Session, text: str, *, limit: int = 8) -> list[SearchHit]:
    """Enquiries, journalists, experts and releases matching any word or number (two characters at least)."""
    if not text or len(text.strip()) < 2:
        return []
    hits: list[SearchHit] = []
    for p in list_journalists(session, text=text, limit=limit):
        hits.append(
            SearchHit("journalist", p.id, p.name, " · ".join(filter(None, [p.outlet, *p.phones[:1], *p.emails[:1]])))
        )
    for p in list_experts(session, text=text, limit=limit):
        hits.append(SearchHit("expert", p.id, p.name, " · ".join(filter(None, [p.role, p.outlet]))))
    if fts_query(text) is None and session.get_bind().dialect.name == "sqlite":
        return hits  # under three letters: people by name or number only, never a scan of every enquiry
    for r in list_releases(session, text=text, limit=limit):
        hits.append(SearchHit("release", r.id, r.title, r.issued_on.isoformat() if r.issued_on else ""))
    for e in list_enquiries(session, text=text, order="recent", limit=limit, match_limit=limit * 4):
        hits.append(SearchHit("enquiry", e.id, e.subject, f"{e.journalist} · {e.status}"))
    return hits
