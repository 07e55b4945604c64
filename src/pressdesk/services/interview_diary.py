"""The interview diary: the requests listed with who and where, and the booked ones as an iCalendar file."""

from __future__ import annotations

import io
import os
from datetime import datetime
from pathlib import Path
from typing import IO

from sqlalchemy import func, select
from sqlmodel import Session

from pressdesk.errors import DeskError, FieldError
from pressdesk.models import ContactPoint, Enquiry, Expert, InterviewRequest, Journalist, Outlet, utcnow
from pressdesk.models import InterviewStatus as S
from pressdesk.models.views import InterviewLine
from pressdesk.services.choices import parse_choice
from pressdesk.services.exports import write_file
from pressdesk.services.interviews import DEFAULT_LENGTH

PRODID = "-//pressdesk//interviews//EN"


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
    return write_file(path, lambda fh: write_ics(session, fh, now=now))
