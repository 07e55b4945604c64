"""Subject access: everything the desk holds about one person, as an export."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from pressdesk.models import (
    Activity,
    ContactPoint,
    Coverage,
    Enquiry,
    InterviewRequest,
    Outlet,
    Release,
    ReleaseExpert,
    ReleasePressContact,
    utcnow,
)
from pressdesk.models.views import _jsonable
from pressdesk.services import contacts, dnc
from pressdesk.services.privacy.people import _chunks, _history_row, _model, find_people


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
