"""Releases, a person's history and interviews, and one enquiry in detail."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pressdesk.errors import NotFound
from pressdesk.models import Activity, Enquiry, Expert, InterviewRequest, Release, ReleaseExpert, ReleasePressContact
from pressdesk.models.views import ActivityRow, EnquiryDetail, EnquiryRow, InterviewView, PersonRow, ReleaseRow
from pressdesk.services.queries.enquiry_lists import _enquiry_select, _row
from pressdesk.services.queries.people_lists import list_journalists, list_press_contacts
from pressdesk.store.search import like_pattern, matching_ids


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
