"""Releases: store one, linking its experts and press contacts (found by name before created)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import Session, select

from pressdesk import validation
from pressdesk.errors import FieldError
from pressdesk.models import ContactPoint, Expert, PressContact, Release, ReleaseExpert, ReleasePressContact
from pressdesk.services import activity, contacts, typed


@dataclass(frozen=True)
class ExpertSpec:
    """An expert named on a release."""

    name: str
    honorific: str = ""
    title: str = ""
    affiliation: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    source: str = ""
    """How the release named them: offered, listed or quoted."""


@dataclass(frozen=True)
class ContactSpec:
    """A press contact named on a release, with the role and the labels ("mobile", "out of hours") it gave."""

    name: str
    organisation: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    role: str = ""
    phone_labels: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ReleaseDetails:
    """What the reader found about a release beyond its text: issuer(s), dateline place, embargo zone."""

    issuer: tuple[str, ...] = ()
    place: str = ""
    embargo_zone: str = ""


@dataclass
class ReleaseOutcome:
    """What storing a release created and what it matched."""

    release: Release
    created: list[str] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)


def find_expert(session: Session, name: str) -> Expert | None:
    """The expert of exactly this name, in any case or spacing."""
    key = contacts.name_key(name)
    for expert in session.exec(select(Expert).where(Expert.name.ilike(name.strip()))):
        if contacts.name_key(expert.name) == key:
            return expert
    return None


def _find_press_contact(session: Session, spec: ContactSpec) -> PressContact | None:
    """A press contact with the same email, or else the same name."""
    for email in spec.emails:
        key = validation.email_key(email)
        if key:
            points = contacts.find_points(session, "email", key, entity="press_contact")
            if points:
                return session.get(PressContact, points[0].press_contact_id)
    key = contacts.name_key(spec.name)
    for contact in session.exec(select(PressContact).where(PressContact.name.ilike(spec.name.strip()))):
        if contacts.name_key(contact.name) == key:
            return contact
    return None


def create_release(
    session: Session,
    *,
    who: str,
    region: str,
    title: str,
    issued_on: date | None = None,
    embargo_until: datetime | None = None,
    body: str = "",
    source: str = "",
    experts: Sequence[ExpertSpec] = (),
    press_contacts: Sequence[ContactSpec] = (),
    details: ReleaseDetails = ReleaseDetails(),
) -> ReleaseOutcome:
    """Store a release, linking existing experts and press contacts and creating new ones."""
    release = Release(title="", updated_by=who)
    clean_title = _fill(release, title, issued_on, embargo_until, body, source, details)
    session.add(release)
    session.flush()
    outcome = ReleaseOutcome(release=release)
    _link(session, release, outcome, who=who, region=region, experts=experts, press_contacts=press_contacts)
    session.flush()
    activity.record(
        session,
        who=who,
        action="create",
        entity="release",
        entity_id=release.id,
        summary=f"Added release {clean_title}",
    )
    return outcome


def _fill(
    release: Release,
    title: str,
    issued_on: date | None,
    embargo_until: datetime | None,
    body: str,
    source: str,
    details: ReleaseDetails,
) -> str:
    """Write a release's text, dates, source (a blank one keeps the old) and details, cleaned; returns the title."""
    clean_title = typed.clean("release.title", title, field="title")
    if not clean_title:
        raise FieldError("title", "A release needs a title.")
    release.title = clean_title
    release.issued_on = issued_on
    release.embargo_until = embargo_until
    release.body = typed.clean("release.body", body, field="body", multiline=True)
    release.source = typed.clean("release.source", source, field="source") or release.source or ""
    _set_details(release, details)
    return clean_title


def _set_details(release: Release, details: ReleaseDetails) -> None:
    """Issuer, place and embargo zone, cleaned and cut to their columns."""
    issuer = "; ".join(o.strip() for o in details.issuer if o and o.strip())
    release.issuer = typed.clean("release.issuer", issuer, field="issuer")
    release.place = typed.clean("release.place", details.place, field="place")
    release.embargo_zone = typed.clean("release.embargo_zone", details.embargo_zone, field="embargo zone")


def _label_phones(session: Session, contact_id: int, labels: Sequence[tuple[str, str]]) -> None:
    """Give a press contact's numbers the labels the release wrote (a label already set is kept)."""
    wanted = dict(labels)
    if not wanted:
        return
    for point in session.exec(select(ContactPoint).where(ContactPoint.press_contact_id == contact_id)):
        label = wanted.get(point.value)
        if label and not point.label:
            point.label = typed.clean("contact_point.label", label, field="label")
            session.add(point)


def _link(
    session: Session,
    release: Release,
    outcome: ReleaseOutcome,
    *,
    who: str,
    region: str,
    experts: Sequence[ExpertSpec],
    press_contacts: Sequence[ContactSpec],
) -> None:
    """Link a release's experts and press contacts, finding each by name (contacts also by email) before creating."""
    origin = f"release #{release.id}" + (f" ({release.source})" if release.source else "")
    for spec in experts:
        expert = find_expert(session, spec.name)
        if expert is None:
            expert = contacts.create_expert(
                session,
                who=who,
                region=region,
                name=spec.name,
                honorific=spec.honorific,
                title=spec.title,
                affiliation=spec.affiliation,
                emails=spec.emails,
                phones=spec.phones,
                source=origin,
            )
            outcome.created.append(f"expert {expert.name}")
        else:
            outcome.matched.append(f"expert {expert.name}")
        link = session.get(ReleaseExpert, (release.id, expert.id))
        if link is None:
            link = ReleaseExpert(release_id=release.id, expert_id=expert.id)
        link.source = typed.clean("release_expert.source", spec.source, field="source") or link.source
        session.add(link)
    for spec in press_contacts:
        contact = _find_press_contact(session, spec)
        if contact is None:
            contact = contacts.create_press_contact(
                session,
                who=who,
                region=region,
                name=spec.name,
                organisation=spec.organisation,
                emails=spec.emails,
                phones=spec.phones,
                source=origin,
            )
            outcome.created.append(f"press contact {contact.name}")
        else:
            drafts = contacts.drafts_from(emails=spec.emails, phones=spec.phones, region=region)
            contacts.add_points(session, who=who, entity="press_contact", owner_id=contact.id, drafts=drafts)
            outcome.matched.append(f"press contact {contact.name}")
        if spec.role and not contact.role:
            contact.role = typed.clean("press_contact.role", spec.role, field="role")
            session.add(contact)
        _label_phones(session, contact.id, spec.phone_labels)
        if session.get(ReleasePressContact, (release.id, contact.id)) is None:
            session.add(ReleasePressContact(release_id=release.id, press_contact_id=contact.id))


def update_release(
    session: Session,
    release: Release,
    *,
    who: str,
    region: str,
    title: str,
    issued_on: date | None = None,
    embargo_until: datetime | None = None,
    body: str = "",
    source: str = "",
    experts: Sequence[ExpertSpec] = (),
    press_contacts: Sequence[ContactSpec] = (),
    details: ReleaseDetails = ReleaseDetails(),
) -> ReleaseOutcome:
    """Update a release imported again: its text, embargo and source, and link the people it now names."""
    clean_title = _fill(release, title, issued_on, embargo_until, body, source, details)
    contacts.bump(release, who=who, entity="release", expected_version=None)
    session.add(release)
    outcome = ReleaseOutcome(release=release)
    _link(session, release, outcome, who=who, region=region, experts=experts, press_contacts=press_contacts)
    session.flush()
    activity.record(
        session,
        who=who,
        action="update",
        entity="release",
        entity_id=release.id,
        summary=f"Updated release {clean_title}",
    )
    return outcome


def release_body(session: Session, *, release_id: int) -> str:
    """A release's text ("" when there is no such release)."""
    release = session.get(Release, release_id)
    return release.body if release is not None else ""
