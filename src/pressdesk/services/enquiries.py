"""Log an enquiry and act on it: status, officer, deadline, notes; every change in the history."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from pressdesk import validation
from pressdesk.errors import FieldError, NotFound
from pressdesk.models import (
    CLOSED_STATUSES,
    Enquiry,
    EnquiryStatus,
    EnquiryType,
    Journalist,
    Priority,
    Release,
    utcnow,
)
from pressdesk.models.inputs import EnquiryCreate, EnquiryUpdate
from pressdesk.models.lifecycle import ENQUIRY
from pressdesk.services import activity, contacts, dnc, request_moves, typed
from pressdesk.services.choices import parse_choice


def parse_type(text: str | None) -> str:
    """Read an enquiry type, refusing unknown ones with the list of known ones."""
    return parse_choice(EnquiryType, text, field="type", noun="enquiry type")


def parse_priority(text: str | None) -> str:
    """Read a priority, refusing unknown ones."""
    return parse_choice(Priority, text, field="priority", noun="priority", default="normal")


def parse_deadline(value: str | datetime | None, *, tz: str, now: datetime | None = None) -> datetime | None:
    """Read a deadline typed in everyday words, in the desk's time zone; blank means none.

    The one reader the TUI's preview and every save call: at most a day past, at most two years ahead.
    """
    if value is None or isinstance(value, datetime):
        return value
    if not value.strip():
        return None
    try:
        return validation.parse_when(value, now=now or utcnow(), tz=tz, window=validation.DEADLINE)
    except validation.WhenError as exc:
        raise FieldError("deadline", str(exc)) from None


def find_caller(
    session: Session, *, region: str, phone: str | None = None, email: str | None = None
) -> Journalist | None:
    """The journalist with this phone number (any format) or email address (any case)."""
    if phone and phone.strip():
        found = contacts.find_journalist_by_phone(session, phone, region=region)
        if found:
            return found
    if email and email.strip():
        return contacts.find_journalist_by_email(session, email)
    return None


def owner_of(
    session: Session, *, region: str, phone: str | None = None, email: str | None = None
) -> tuple[Journalist | None, str]:
    """Whoever has the number typed, else the email, and which of the two found them ("phone", "email"; "")."""
    if phone and phone.strip() and (person := contacts.find_journalist_by_phone(session, phone, region=region)):
        return person, "phone"
    if email and email.strip() and (person := contacts.find_journalist_by_email(session, email)):
        return person, "email"
    return None, ""


def who_called(
    session: Session,
    *,
    region: str,
    journalist_id: int | None = None,
    journalist: str | None = None,
    outlet: str | None = None,
    phone: str | None = None,
    email: str | None = None,
    found: tuple[Journalist | None, str] | None = None,
) -> Journalist | None:
    """The journalist a call is from, or None for a new one: the one chosen by id; else whoever has the number or
    email (refused when the name typed is someone else's); else the one with this whole name (see contacts).
    found: what owner_of gave for the same phone and email, when the caller has asked already."""
    if journalist_id:
        person = session.get(Journalist, journalist_id)
        if person is None:
            raise FieldError("journalist", f"There is no journalist {journalist_id}.")
        return person
    owner, by = found if found is not None else owner_of(session, region=region, phone=phone, email=email)
    typed = validation.clean_text(journalist or "")
    if owner is not None and typed and not contacts.name_fits(typed, owner.name):
        field, value = ("phone", phone) if by == "phone" else ("email", email)
        raise FieldError(
            field,
            f"{validation.clean_text(value)} belongs to {owner.name}, not {typed}: log the call for {owner.name}, "
            f"or leave the {field} out to add {typed} as a new journalist.",
        )
    if owner is not None or not typed:
        return owner
    return contacts.find_journalist_by_name_and_outlet(session, typed, outlet)


def log_enquiry(
    session: Session, data: EnquiryCreate, *, who: str, region: str, tz: str, now: datetime | None = None
) -> Enquiry:
    """Log a call or message: find the caller by phone or email before creating a new journalist.

    A number or address on the do-not-contact list is refused (FieldError naming it) unless override_dnc, which
    keeps it flagged. A new journalist's source is this enquiry."""
    now = now or utcnow()
    subject, journalist, outlet, phone, email = data.subject, data.journalist, data.outlet, data.phone, data.email
    release_id, keep_invalid_phone, override_dnc = data.release_id, data.keep_invalid_phone, data.override_dnc
    kind = parse_type(data.type)
    prio = parse_priority(data.priority)
    chan = contacts.parse_channel(data.channel)
    due = parse_deadline(data.deadline, tz=tz, now=now)
    assigned = data.officer if data.officer is not None else who
    text = data.notes
    drafts = []
    if phone and phone.strip():
        drafts.append(contacts.phone_draft(phone, region=region, keep_invalid=keep_invalid_phone))
    if email and email.strip():
        drafts.append(contacts.email_draft(email))
    if release_id is not None and session.get(Release, release_id) is None:
        raise FieldError("release", f"There is no release {release_id}.")
    dnc.screen(session, drafts, override=override_dnc)

    person = who_called(
        session,
        region=region,
        journalist_id=data.journalist_id,
        journalist=journalist,
        outlet=outlet,
        phone=phone,
        email=email,
    )
    new_caller = person is None
    if person is None:
        name = journalist or ""
        if not name:
            raise FieldError(
                "journalist",
                "Enter the journalist's name: no journalist on the desk has this number or email.",
            )
        person = contacts.create_journalist(
            session,
            who=who,
            region=region,
            name=name,
            outlet=outlet,
            preferred_channel=chan if chan in ("phone", "email") else "phone",
            source=f"enquiry ({chan})",
            collected_at=now,
        )
    outlet_row = contacts.get_or_create_outlet(session, name=outlet, who=who)
    if person.outlet_id is None and outlet_row is not None:
        person.outlet_id = outlet_row.id
    enquiry = Enquiry(
        received_at=now,
        channel=chan,
        journalist_id=person.id,
        outlet_id=outlet_row.id if outlet_row else person.outlet_id,
        type=kind,
        subject=subject,
        release_id=release_id,
        deadline=due,
        priority=prio,
        status=EnquiryStatus.NEW,
        officer=assigned,
        notes=text,
        updated_by=who,
    )
    activity.add(
        session,
        enquiry,
        who=who,
        entity="enquiry",
        summary=f"Logged {kind} enquiry from {person.name}: {subject}",
        at=now,
    )
    if new_caller:
        person.source = f"enquiry #{enquiry.id} ({chan})"
    contacts.add_points(
        session,
        who=who,
        entity="journalist",
        owner_id=person.id,
        drafts=drafts,
        enquiry_id=enquiry.id,
        override_dnc=override_dnc,
    )
    return enquiry


def _load(session: Session, enquiry_id: int) -> Enquiry:
    """The enquiry, locked for update where the database can, or NotFound."""
    enquiry = session.get(Enquiry, enquiry_id, with_for_update=True)
    if enquiry is None:
        raise NotFound(f"There is no enquiry {enquiry_id}.")
    return enquiry


def _apply(
    session: Session,
    enquiry: Enquiry,
    values: dict,
    *,
    who: str,
    action: str,
    expected_version: int | None,
    summary: str,
    at: datetime | None = None,
) -> Enquiry:
    """Check the version, write the values, bump the version and record what changed (at `at`, default now)."""
    activity.change(
        session,
        enquiry,
        values,
        who=who,
        entity="enquiry",
        action=action,
        summary=summary,
        expected_version=expected_version,
        enquiry_id=enquiry.id,
        at=at,
    )
    return enquiry


def change_status(
    session: Session,
    *,
    who: str,
    enquiry_id: int,
    to: str,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Enquiry:
    """Move an enquiry to another status, if the state machine allows it; closing it closes its open requests.

    The first move is the first response (the first leaves `new`, and none leads back to it) unless a note came
    first; a move into done, declined or withdrawn is the closing time, and reopening clears it.
    Reopening leaves cancelled requests as they are: the officer routes the enquiry again.
    """
    moment = now or utcnow()
    enquiry = _load(session, enquiry_id)
    target = ENQUIRY.check(enquiry.status, to)
    _apply(
        session,
        enquiry,
        {"status": target.value},
        who=who,
        action="status",
        expected_version=expected_version,
        summary=f"Status {enquiry.status} → {target.value}",
        at=moment,
    )
    enquiry.first_response_at = enquiry.first_response_at or moment
    enquiry.closed_at = moment if target in CLOSED_STATUSES else None
    if target in CLOSED_STATUSES:
        request_moves.close_open_requests(session, enquiry, who=who, now=moment)
    return enquiry


def assign(
    session: Session, *, who: str, enquiry_id: int, officer: str, expected_version: int | None = None
) -> Enquiry:
    """Give an enquiry to an officer (blank to unassign): one on the desk's list, by name or initials, if it has one."""
    from pressdesk.services.officers import resolve_officer

    name = resolve_officer(session, typed.clean("enquiry.officer", officer, field="officer"))
    enquiry = _load(session, enquiry_id)
    return _apply(
        session,
        enquiry,
        {"officer": name},
        who=who,
        action="assign",
        expected_version=expected_version,
        summary=f"Assigned to {name}" if name else "Unassigned",
    )


def set_deadline(
    session: Session,
    *,
    who: str,
    tz: str,
    enquiry_id: int,
    deadline: str | datetime | None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Enquiry:
    """Set or clear an enquiry's deadline, read in the desk's time zone."""
    enquiry = _load(session, enquiry_id)
    due = parse_deadline(deadline, tz=tz, now=now)
    when = due.isoformat(timespec="minutes") if due else "none"
    return _apply(
        session,
        enquiry,
        {"deadline": due},
        who=who,
        action="deadline",
        expected_version=expected_version,
        summary=f"Deadline set to {when}",
    )


def update_enquiry(
    session: Session,
    data: EnquiryUpdate,
    *,
    who: str,
    tz: str,
    enquiry_id: int,
    expected_version: int | None,
    now: datetime | None = None,
) -> Enquiry:
    """Edit the given fields of an enquiry in one change (status has its own function)."""
    enquiry = _load(session, enquiry_id)
    values = data.changes()
    if "type" in values:
        values["type"] = parse_type(values["type"])
    if "priority" in values:
        values["priority"] = parse_priority(values["priority"])
    if "deadline" in values:
        values["deadline"] = parse_deadline(values["deadline"], tz=tz, now=now)
    if values.get("release_id") is not None and session.get(Release, values["release_id"]) is None:
        raise FieldError("release", f"There is no release {values['release_id']}.")
    if values.get("officer") is not None:
        from pressdesk.services.officers import resolve_officer

        values["officer"] = resolve_officer(session, values["officer"])
    changed = [k for k, v in values.items() if getattr(enquiry, k) != v]
    return _apply(
        session,
        enquiry,
        values,
        who=who,
        action="update",
        expected_version=expected_version,
        summary="Edited " + (", ".join(changed) if changed else "nothing"),
    )


def add_note(session: Session, *, who: str, enquiry_id: int, text: str, now: datetime | None = None) -> Enquiry:
    """Append a dated note; notes never conflict with other edits, so the version stays.

    A note is the desk answering (a call back, an email sent): the first one on an enquiry still unanswered is
    its first response.
    """
    note = typed.clean("enquiry.notes", text, field="note", multiline=True)
    if not note:
        raise FieldError("note", "The note is empty.")
    moment = now or utcnow()
    enquiry = _load(session, enquiry_id)
    enquiry.first_response_at = enquiry.first_response_at or moment
    stamp = moment.strftime("%Y-%m-%d %H:%M UTC")
    entry = f"[{stamp} {who}] {note}"
    enquiry.notes = f"{enquiry.notes}\n{entry}" if enquiry.notes else entry
    activity.record(
        session,
        who=who,
        action="note",
        entity="enquiry",
        entity_id=enquiry.id,
        enquiry_id=enquiry.id,
        summary=f"Note: {note}",
        at=moment,
    )
    return enquiry


def mark_done(session: Session, *, who: str, enquiry_id: int, expected_version: int | None = None) -> Enquiry:
    """Close an enquiry as done."""
    return change_status(
        session, who=who, enquiry_id=enquiry_id, to=EnquiryStatus.DONE, expected_version=expected_version
    )
