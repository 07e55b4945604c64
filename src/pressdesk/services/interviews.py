"""The life of an interview request: accept, decline, schedule, hold it; export the diary as iCalendar."""

from __future__ import annotations

import io
import os
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO

from sqlalchemy import func, select
from sqlmodel import Session

from pressdesk import validation
from pressdesk.errors import DeskError, FieldError, NotFound
from pressdesk.models import (
    CLOSED_STATUSES,
    LIVE_REQUESTS,
    ContactPoint,
    Enquiry,
    Expert,
    InterviewFormat,
    InterviewRequest,
    Journalist,
    Outlet,
    utcnow,
)
from pressdesk.models import EnquiryStatus as E
from pressdesk.models import InterviewStatus as S
from pressdesk.models.lifecycle import enquiry_follows, enquiry_route
from pressdesk.models.views import InterviewLine
from pressdesk.services import enquiries, request_moves, routing, typed
from pressdesk.services.choices import parse_choice

DEFAULT_LENGTH = timedelta(minutes=30)
"""How long an interview lasts when no end is given."""

PRODID = "-//pressdesk//interviews//EN"


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
) -> list[routing.Suggestion]:
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


# --- listing -----------------------------------------------------------------------------------


def _first_point(kind: str):
    """The journalist's first phone or email, as a scalar subquery."""
    return (
        select(ContactPoint.value)
        .where(ContactPoint.journalist_id == Journalist.id, ContactPoint.kind == kind)
        .order_by(ContactPoint.position, ContactPoint.id)
        .limit(1)
        .scalar_subquery()
    )


def _lines_query():
    """Interview requests with their enquiry, expert, journalist and outlet."""
    return (
        select(
            InterviewRequest,
            Enquiry.subject,
            func.trim(Expert.honorific + " " + Expert.name).label("expert"),
            func.coalesce(Journalist.name, "").label("journalist"),
            func.coalesce(Outlet.name, "").label("outlet"),
            func.coalesce(_first_point("phone"), "").label("phone"),
            func.coalesce(_first_point("email"), "").label("email"),
        )
        .join(Enquiry, Enquiry.id == InterviewRequest.enquiry_id)
        .join(Expert, Expert.id == InterviewRequest.expert_id)
        .outerjoin(Journalist, Journalist.id == Enquiry.journalist_id)
        .outerjoin(Outlet, Outlet.id == Enquiry.outlet_id)
    )


def list_interviews(
    session: Session,
    *,
    status: str | None = None,
    enquiry_id: int | None = None,
    expert_id: int | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[InterviewLine]:
    """Interview requests, the booked ones by slot first, then the newest."""
    query = _lines_query()
    if status:
        wanted = parse_choice(S, status, field="status", noun="interview status")
        query = query.where(InterviewRequest.status == wanted)
    if enquiry_id is not None:
        query = query.where(InterviewRequest.enquiry_id == enquiry_id)
    if expert_id is not None:
        query = query.where(InterviewRequest.expert_id == expert_id)
    query = query.order_by(
        InterviewRequest.slot_start.is_(None), InterviewRequest.slot_start, InterviewRequest.id.desc()
    )
    return [
        InterviewLine(
            id=r.id,
            enquiry_id=r.enquiry_id,
            subject=subject,
            expert_id=r.expert_id,
            expert=expert,
            journalist=journalist,
            outlet=outlet,
            status=r.status,
            slot_start=r.slot_start,
            slot_end=r.slot_end,
            format=r.format,
            place=r.place,
            version=r.version,
        )
        for r, subject, expert, journalist, outlet, _phone, _email in session.execute(query.limit(limit).offset(offset))
    ]


# --- iCalendar ---------------------------------------------------------------------------------


def _event(row, *, stamp: datetime):
    """One VEVENT for a scheduled interview."""
    from icalendar import Event

    request, subject, expert, journalist, outlet, phone, email = row
    who = journalist or "a journalist"
    summary = f"Interview: {expert} with {who}" + (f" ({outlet})" if outlet else "")
    lines = [subject, f"Format: {request.format or 'not set'}"]
    if journalist:
        lines.append(f"Journalist: {journalist}" + (f", {outlet}" if outlet else ""))
    if phone:
        lines.append(f"Phone: {phone}")
    if email:
        lines.append(f"Email: {email}")
    lines.append(f"pressdesk enquiry {request.enquiry_id}, interview request {request.id}")
    event = Event()
    event.add("uid", f"interview-{request.id}@pressdesk")
    event.add("dtstamp", stamp)
    event.add("dtstart", request.slot_start)
    event.add("dtend", request.slot_end or request.slot_start + DEFAULT_LENGTH)
    event.add("summary", summary)
    if request.place:
        event.add("location", request.place)
    event.add("description", "\n".join(lines))
    event.add("sequence", max(0, request.version - 1))
    event.add("last-modified", request.updated_at)
    event.add("status", "CONFIRMED")
    return event


def _calendar_head() -> tuple[bytes, bytes]:
    """The VCALENDAR lines before the events and the closing line."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "pressdesk interviews")
    text = cal.to_ical()
    end = b"END:VCALENDAR\r\n"
    if not text.endswith(end):
        raise DeskError("The iCalendar library produced an unexpected calendar.")
    return text[: -len(end)], end


def write_ics(session: Session, out: IO[bytes], *, now: datetime | None = None) -> int:
    """Write every scheduled interview to a binary stream as an iCalendar file; return how many."""
    stamp = now or utcnow()
    head, tail = _calendar_head()
    out.write(head)
    query = (
        _lines_query()
        .where(InterviewRequest.status == S.SCHEDULED, InterviewRequest.slot_start.is_not(None))
        .order_by(InterviewRequest.slot_start, InterviewRequest.id)
        .execution_options(yield_per=200)
    )
    count = 0
    for row in session.execute(query):
        out.write(_event(row, stamp=stamp).to_ical())
        count += 1
    out.write(tail)
    return count


def export_ics(session: Session, path_or_stream: str | os.PathLike[str] | IO, *, now: datetime | None = None) -> int:
    """Write the scheduled interviews as an .ics file (replaced whole, never half-written) or to a stream."""
    if hasattr(path_or_stream, "write"):
        stream = path_or_stream
        if isinstance(stream, io.TextIOBase):
            buffer = io.BytesIO()
            count = write_ics(session, buffer, now=now)
            stream.write(buffer.getvalue().decode("utf-8"))
            return count
        return write_ics(session, stream, now=now)
    path = Path(path_or_stream)
    if path.is_dir():
        raise FieldError("output", f"{path} is a folder; give a file name such as interviews.ics.")
    if not path.parent.is_dir():
        raise FieldError("output", f"The folder {path.parent} does not exist.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".pressdesk-", suffix=".ics", dir=path.parent)
    except OSError as exc:
        raise FieldError("output", f"cannot write a file in {path.parent}: {exc.strerror}.") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            count = write_ics(session, fh, now=now)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise FieldError("output", f"cannot write {path}: {exc.strerror}.") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count
