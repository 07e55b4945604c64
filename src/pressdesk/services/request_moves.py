"""Move an interview request through its state machine, and close an enquiry's open requests when it closes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session

from pressdesk.models import LIVE_REQUESTS, Enquiry, EnquiryStatus, Expert, InterviewRequest
from pressdesk.models import InterviewStatus as R
from pressdesk.models.lifecycle import INTERVIEW
from pressdesk.services import activity


def expert_name(session: Session, expert_id: int) -> str:
    """The expert's name with honorific."""
    expert = session.get(Expert, expert_id)
    return f"{expert.honorific} {expert.name}".strip() if expert else f"expert {expert_id}"


def move_request(
    session: Session,
    request: InterviewRequest,
    *,
    who: str,
    to: R,
    values: dict | None = None,
    expected_version: int | None,
    summary: str,
) -> InterviewRequest:
    """Move a request: check the move and version, write, bump and record it on the enquiry's history."""
    INTERVIEW.check(request.status, to)
    activity.change(
        session,
        request,
        {"status": to.value, **(values or {})},
        who=who,
        entity="interview_request",
        action=f"interview_{to.value}",
        summary=summary,
        expected_version=expected_version,
        enquiry_id=request.enquiry_id,
    )
    session.flush()
    return request


def close_open_requests(session: Session, enquiry: Enquiry, *, who: str, now: datetime) -> list[InterviewRequest]:
    """The enquiry has closed: cancel its open requests, or mark done a booked interview that has already begun."""
    reason = f"enquiry closed ({enquiry.status})"
    live = (
        session.execute(
            select(InterviewRequest)
            .where(InterviewRequest.enquiry_id == enquiry.id, InterviewRequest.status.in_(LIVE_REQUESTS))
            .order_by(InterviewRequest.id)
            .with_for_update()
        )
        .scalars()
        .all()
    )
    moved = []
    for request in live:
        name = expert_name(session, request.expert_id)
        if (
            enquiry.status == EnquiryStatus.DONE
            and request.status == R.SCHEDULED
            and request.slot_start
            and request.slot_start <= now
        ):
            to, summary, notes = R.DONE, f"Interview with {name} done: {reason}", request.notes
        else:
            to, summary = R.CANCELLED, f"Interview with {name} cancelled: {reason}"
            notes = f"{request.notes}\n{reason}".strip()
        moved.append(
            move_request(
                session, request, who=who, to=to, values={"notes": notes}, expected_version=None, summary=summary
            )
        )
    return moved
