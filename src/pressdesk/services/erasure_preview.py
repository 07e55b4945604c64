"""What erasing a person would take away, counted before anything changes: the confirmation names it all."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlmodel import Session

from pressdesk.models import Activity, ContactPoint, Enquiry, InterviewRequest, ReleaseExpert, ReleasePressContact
from pressdesk.models.views import ErasurePreview
from pressdesk.services import contacts, privacy


def _count(session: Session, query) -> int:
    """How many rows a query would return."""
    return session.execute(select(func.count()).select_from(query.subquery())).scalar_one()


def preview_person(session: Session, *, kind: str, person_id: int) -> ErasurePreview:
    """One person's name, contact points and the counts of what erasing them removes or anonymises."""
    person = session.get(privacy.PEOPLE[kind], person_id)
    owner = getattr(ContactPoint, contacts.OWNER_COLUMNS[kind])
    points = session.execute(
        select(ContactPoint.kind, ContactPoint.value, ContactPoint.raw)
        .where(owner == person_id)
        .order_by(ContactPoint.position, ContactPoint.id)
    ).all()
    about = (Activity.entity == kind) & (Activity.entity_id == person_id)
    enquiries = interviews = releases = 0
    if kind == "journalist":
        theirs = select(Enquiry.id).where(Enquiry.journalist_id == person_id)
        enquiries = _count(session, theirs)
        about = or_(about, Activity.enquiry_id.in_(theirs))
    if kind == "expert":
        requests = select(InterviewRequest.id).where(InterviewRequest.expert_id == person_id)
        interviews = _count(session, requests)
        about = or_(about, (Activity.entity == "interview_request") & Activity.entity_id.in_(requests))
        releases = _count(session, select(ReleaseExpert.release_id).where(ReleaseExpert.expert_id == person_id))
    if kind == "press_contact":
        releases = _count(
            session, select(ReleasePressContact.release_id).where(ReleasePressContact.press_contact_id == person_id)
        )
    return ErasurePreview(
        kind=kind,
        id=person_id,
        name=person.name,
        honorific=getattr(person, "honorific", "") or "",
        points=tuple((k, value or raw) for k, value, raw in points),
        enquiries=enquiries,
        history_rows=_count(session, select(Activity.id).where(about)),
        interviews=interviews,
        releases=releases,
    )


def erasure_preview(
    session: Session,
    *,
    email: str | None = None,
    phone: str | None = None,
    person_id: int | None = None,
    kind: str = "journalist",
    region: str = "GB",
) -> list[ErasurePreview]:
    """Everyone privacy_erase would erase for this email, number or id, with what would go; [] when nobody."""
    people = privacy.find_people(session, email=email, phone=phone, person_id=person_id, kind=kind, region=region)
    return [preview_person(session, kind=k, person_id=i) for k, i in people]


def namesakes(session: Session, name: str) -> int:
    """How many people on the desk have this name (any case): their own records keep it after an erasure."""
    wanted = name.strip().lower()
    return sum(
        _count(session, select(model.id).where(func.lower(model.name) == wanted)) for model in privacy.PEOPLE.values()
    )
