"""Offer an enquiry to an expert: find them by name or id, check, record the request, move the enquiry on."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session

from pressdesk.errors import ConflictError, DeskError, FieldError, NeedsConfirmation, NotFound
from pressdesk.models import CLOSED_STATUSES, LIVE_REQUESTS, Enquiry, Expert, InterviewRequest, utcnow
from pressdesk.models import EnquiryStatus as E
from pressdesk.models import InterviewStatus as R
from pressdesk.services import activity, enquiries
from pressdesk.services.routing.scoring import read_context, score_expert
from pressdesk.services.routing.words import fold


def find_expert(session: Session, name_or_id: str) -> Expert:
    """The expert with this id, this exact name, or the one whose name contains these words."""
    text = (name_or_id or "").strip()
    if not text:
        raise FieldError("expert", "Name the expert, or give their id.")
    if text.isascii() and text.isdigit():
        expert = session.get(Expert, int(text)) if len(text) <= 18 else None  # longer would overflow a 64-bit id
        if expert is None:
            raise NotFound(f"There is no expert {text}.")
        return expert
    wanted = [w for w in fold(text).replace(".", " ").split() if w not in ("dr", "prof", "professor", "mr", "ms")]
    candidates = []
    for expert in session.execute(select(Expert).execution_options(yield_per=200)).scalars():
        name = fold(expert.name)
        if name.split() == wanted:
            return expert
        if all(w in name for w in wanted):
            candidates.append(expert)
    if not candidates:
        raise NotFound(f"No expert is called '{text}'.")
    if len(candidates) > 1:
        names = ", ".join(f"{e.name} ({e.id})" for e in candidates[:8])
        raise FieldError("expert", f"'{text}' fits more than one expert: {names}. Give the id.")
    return candidates[0]


def route_enquiry(
    session: Session,
    *,
    who: str,
    enquiry_id: int,
    expert_id: int,
    expected_version: int | None = None,
    force: bool = False,
    now: datetime | None = None,
    tz: str = "Europe/London",
) -> InterviewRequest:
    """Offer the enquiry to an expert: an offered InterviewRequest, and the enquiry moves to routed.

    Past a hard warning (see Suggestion.warnings) it raises NeedsConfirmation unless `force` is set.
    """
    enquiry = session.get(Enquiry, enquiry_id, with_for_update=True)
    if enquiry is None:
        raise NotFound(f"There is no enquiry {enquiry_id}.")
    expert = session.get(Expert, expert_id)
    if expert is None:
        raise NotFound(f"There is no expert {expert_id}.")
    if enquiry.status in CLOSED_STATUSES:
        raise DeskError(f"Enquiry {enquiry_id} is {enquiry.status}; reopen it (status triaged) before routing it.")
    if expected_version is not None and enquiry.version != expected_version:
        raise ConflictError("enquiry", enquiry.id, enquiry.updated_by, enquiry.version)
    earlier = session.execute(
        select(InterviewRequest.status).where(
            InterviewRequest.enquiry_id == enquiry_id, InterviewRequest.expert_id == expert_id
        )
    ).scalars()
    for status in earlier:
        if status in LIVE_REQUESTS:
            raise DeskError(f"{expert.name} has already been asked for this enquiry ({status}).")
        if status == R.DECLINED:
            raise DeskError(f"{expert.name} already declined this enquiry; choose another expert.")
    if not force:
        warnings = score_expert(expert, read_context(session, enquiry, now=now or utcnow(), tz=tz)).warnings
        if warnings:
            raise NeedsConfirmation(f"{expert.honorific} {expert.name}".strip(), warnings)
    request = InterviewRequest(enquiry_id=enquiry_id, expert_id=expert_id, status=R.OFFERED, updated_by=who)
    name = f"{expert.honorific} {expert.name}".strip()
    activity.add(
        session,
        request,
        who=who,
        entity="interview_request",
        action="route",
        enquiry_id=enquiry_id,
        summary=lambda row: f"Offered to {name} (request {row.id})",
    )
    if enquiry.status in (E.NEW, E.TRIAGED):
        enquiries.change_status(session, who=who, enquiry_id=enquiry_id, to=E.ROUTED)
    return request
