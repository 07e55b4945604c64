"""The life of an interview request: accept, decline, schedule, hold it (the diary is in interview_diary)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlmodel import Session

from pressdesk import validation
from pressdesk.errors import DeskError, FieldError, NotFound
from pressdesk.models import (
    CLOSED_STATUSES,
    LIVE_REQUESTS,
    Enquiry,
    InterviewFormat,
    InterviewRequest,
    utcnow,
)
from pressdesk.models import EnquiryStatus as E
from pressdesk.models import InterviewStatus as S
from pressdesk.models.lifecycle import enquiry_follows, enquiry_route
from pressdesk.models.views import Suggestion
from pressdesk.services import enquiries, request_moves, routing, typed
from pressdesk.services.choices import parse_choice

DEFAULT_LENGTH = timedelta(minutes=30)
"""How long an interview lasts when no end is given."""


def parse_format(text: str | None) -> str:
    """Read an interview format (phone, TV, radio, print, online), refusing unknown ones."""
    return parse_choice(InterviewFormat, text, field="format", noun="interview format")


def parse_slot(value: str | datetime | None, *, field: str, tz: str, now: datetime | None = None) -> datetime | None:
    """Read a slot time typed in everyday words ("thu 10:00", "tomorrow 9am"), in the desk's time zone."""
    if value is None or isinstance(value, datetime):
        if isinstance(value, datetime) and value.tzinfo is None:
            raise FieldError(field, "Give the time with its time zone.")
        return value
    if not value.strip():
        return None
    try:
        return validation.parse_when(value, now=now or utcnow(), tz=tz, window=validation.DEADLINE)
    except validation.WhenError as exc:
        raise FieldError(field, str(exc)) from None


def read_slot(
    start: str | datetime | None, end: str | datetime | None = None, *, tz: str, now: datetime | None = None
) -> tuple[datetime, datetime]:
    """The interview's (start, end) as schedule() books them: the end counts from the start, 30 minutes by default."""
    begins = parse_slot(start, field="start", tz=tz, now=now)
    if begins is None:
        raise FieldError("start", "Say when the interview starts, e.g. thu 10:00 or tomorrow 9am.")
    ends = parse_slot(end, field="end", tz=tz, now=begins) or begins + DEFAULT_LENGTH
    if ends <= begins:
        raise FieldError("end", "The interview must end after it starts.")
    if ends - begins > timedelta(hours=12):
        raise FieldError("end", "An interview longer than 12 hours is probably a typing slip; check the end time.")
    return begins, ends


def _load(session: Session, request_id: int) -> InterviewRequest:
    """The interview request, locked for update where the database can, or NotFound."""
    request = session.get(InterviewRequest, request_id, with_for_update=True)
    if request is None:
        raise NotFound(f"There is no interview request {request_id}.")
    return request


def _move_enquiry(session: Session, *, who: str, enquiry_id: int, target: E) -> None:
    """Bring an open enquiry to the target status by the enquiry state machine's moves (via routed where needed)."""
    enquiry = session.get(Enquiry, enquiry_id)
    if enquiry is None:
        return
    for step in enquiry_route(enquiry.status, target):
        enquiries.change_status(session, who=who, enquiry_id=enquiry_id, to=step)


def _settle_enquiry(session: Session, *, who: str, enquiry_id: int) -> None:
    """Make a routed or scheduled enquiry's status follow its requests (enquiry_follows)."""
    enquiry = session.get(Enquiry, enquiry_id)
    if enquiry is None or enquiry.status not in (E.ROUTED, E.SCHEDULED):
        return
    statuses = session.execute(select(InterviewRequest.status).where(InterviewRequest.enquiry_id == enquiry_id))
    target = enquiry_follows(statuses.scalars())
    if target is not None:
        _move_enquiry(session, who=who, enquiry_id=enquiry_id, target=target)


def accept(session: Session, *, who: str, request_id: int, expected_version: int | None = None) -> InterviewRequest:
    """The expert said yes: the request is accepted (the slot comes with schedule)."""
    request = _load(session, request_id)
    name = request_moves.expert_name(session, request.expert_id)
    return request_moves.move_request(
        session, request, who=who, to=S.ACCEPTED, expected_version=expected_version, summary=f"{name} accepted"
    )


def decline(
    session: Session,
    *,
    who: str,
    request_id: int,
    reason: str = "",
    expected_version: int | None = None,
    tz: str = "Europe/London",
    now: datetime | None = None,
) -> list[Suggestion]:
    """The expert said no: record it, send the enquiry back to triaged if nobody else is on it, suggest others."""
    why = typed.clean("interview_request.notes", reason, field="reason", multiline=True)
    request = _load(session, request_id)
    name = request_moves.expert_name(session, request.expert_id)
    notes = f"{request.notes}\n{why}".strip() if why else request.notes
    request_moves.move_request(
        session,
        request,
        who=who,
        to=S.DECLINED,
        values={"notes": notes},
        expected_version=expected_version,
        summary=f"{name} declined" + (f": {why}" if why else ""),
    )
    _settle_enquiry(session, who=who, enquiry_id=request.enquiry_id)
    return routing.suggest_experts(session, enquiry_id=request.enquiry_id, now=now, tz=tz)


def request_enquiry(session: Session, *, request_id: int) -> int:
    """The id of the enquiry an interview request belongs to (NotFound when there is no such request)."""
    return _load(session, request_id).enquiry_id


def cancel(
    session: Session, *, who: str, request_id: int, reason: str = "", expected_version: int | None = None
) -> InterviewRequest:
    """Call the interview off (the journalist dropped it, or the desk did); the enquiry follows."""
    why = typed.clean("interview_request.notes", reason, field="reason", multiline=True)
    request = _load(session, request_id)
    name = request_moves.expert_name(session, request.expert_id)
    request_moves.move_request(
        session,
        request,
        who=who,
        to=S.CANCELLED,
        values={"notes": f"{request.notes}\n{why}".strip() if why else request.notes},
        expected_version=expected_version,
        summary=f"Interview with {name} cancelled" + (f": {why}" if why else ""),
    )
    _settle_enquiry(session, who=who, enquiry_id=request.enquiry_id)
    return request


def _clash(session: Session, request: InterviewRequest, start: datetime, end: datetime) -> InterviewRequest | None:
    """Another scheduled interview of the same expert overlapping the slot, if any."""
    return session.execute(
        select(InterviewRequest)
        .where(
            InterviewRequest.expert_id == request.expert_id,
            InterviewRequest.id != request.id,
            InterviewRequest.status == S.SCHEDULED,
            InterviewRequest.slot_start < end,
            InterviewRequest.slot_end > start,
        )
        .limit(1)
    ).scalar_one_or_none()


def schedule(
    session: Session,
    *,
    who: str,
    request_id: int,
    start: str | datetime,
    end: str | datetime | None = None,
    format: str,
    place: str = "",
    expected_version: int | None = None,
    tz: str = "Europe/London",
    now: datetime | None = None,
) -> InterviewRequest:
    """Book an accepted request (or move a booked one): slot, format and place or link; the enquiry is scheduled."""
    kind = parse_format(format)
    begins, ends = read_slot(start, end, tz=tz, now=now)
    where = typed.clean("interview_request.place", place, field="place")
    request = _load(session, request_id)
    enquiry = session.get(Enquiry, request.enquiry_id)
    if enquiry is not None and enquiry.status in CLOSED_STATUSES:
        raise DeskError(f"Enquiry {enquiry.id} is {enquiry.status}; reopen it before scheduling an interview for it.")
    other = _clash(session, request, begins, ends)
    name = request_moves.expert_name(session, request.expert_id)
    if other is not None:
        raise FieldError("start", f"{name} already has interview {other.id} at that time.")
    moving = request.status == S.SCHEDULED
    stamp = begins.isoformat(timespec="minutes")
    request_moves.move_request(
        session,
        request,
        who=who,
        to=S.SCHEDULED,
        values={"slot_start": begins, "slot_end": ends, "format": kind, "place": where},
        expected_version=expected_version,
        summary=("Rescheduled" if moving else "Scheduled")
        + f" {kind} interview with {name} at {stamp}"
        + (f" ({where})" if where else ""),
    )
    _move_enquiry(session, who=who, enquiry_id=request.enquiry_id, target=E.SCHEDULED)
    return request


def complete(
    session: Session,
    *,
    who: str,
    request_id: int,
    expected_version: int | None = None,
    close_enquiry: bool = True,
) -> InterviewRequest:
    """The interview happened: the request is done, and the enquiry too when nothing else is pending."""
    request = _load(session, request_id)
    name = request_moves.expert_name(session, request.expert_id)
    request_moves.move_request(
        session,
        request,
        who=who,
        to=S.DONE,
        expected_version=expected_version,
        summary=f"Interview with {name} done",
    )
    pending = session.execute(
        select(func.count())
        .select_from(InterviewRequest)
        .where(
            InterviewRequest.enquiry_id == request.enquiry_id,
            InterviewRequest.status.in_(LIVE_REQUESTS),
        )
    ).scalar_one()
    enquiry = session.get(Enquiry, request.enquiry_id)
    if close_enquiry and not pending and enquiry is not None and enquiry.status in (E.ROUTED, E.SCHEDULED):
        enquiries.change_status(session, who=who, enquiry_id=request.enquiry_id, to=E.DONE)
    return request
