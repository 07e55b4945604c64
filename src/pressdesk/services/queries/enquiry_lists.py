"""Enquiry lists, pages, filters and the desk's counts."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import and_, bindparam, case, false, func, or_, select, text
from sqlalchemy.orm import Session

from pressdesk.models import (
    COUNTED_REQUESTS,
    OPEN_STATUSES,
    Enquiry,
    EnquiryStatus,
    Expert,
    InterviewRequest,
    Journalist,
    Outlet,
    UTCDateTime,
    utcnow,
)
from pressdesk.models.views import DeskCounts, EnquiryRow
from pressdesk.services.choices import parse_choice
from pressdesk.store.search import Matches, like_pattern, ranked_ids


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


@cache
def _enquiry_select():
    """The columns of an EnquiryRow (built once: a Select is immutable, each caller narrows a copy)."""
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
            Enquiry.closed_at,
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
