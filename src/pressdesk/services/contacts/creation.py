"""Creating journalists, experts and press contacts with their contact points."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlmodel import Session, select

from pressdesk.errors import FieldError
from pressdesk.models import Channel, ContactKind, ContactPoint, Expert, Journalist, LawfulBasis, PressContact, utcnow
from pressdesk.services import activity, dnc, typed
from pressdesk.services.choices import parse_choice
from pressdesk.services.contacts.lookup import (
    _MODELS,
    OWNER_COLUMNS,
    PointDraft,
    _owner_of,
    clean_languages,
    clean_name,
    email_draft,
    find_points,
    get_or_create_outlet,
    phone_draft,
)


def add_points(
    session: Session,
    *,
    who: str,
    entity: str,
    owner_id: int,
    drafts: Iterable[PointDraft],
    enquiry_id: int | None = None,
    override_dnc: bool = False,
) -> list[ContactPoint]:
    """Attach validated contact points to a person, skipping ones they have and refusing ones another person has, or
    one on the do-not-contact list (kept, flagged, with override_dnc)."""
    drafts = list(drafts)
    if not drafts:  # a call logged for someone picked on the desk: nothing to add, nothing to read
        return []
    column = OWNER_COLUMNS[entity]
    added: list[ContactPoint] = []
    existing = session.exec(select(ContactPoint).where(getattr(ContactPoint, column) == owner_id)).all()
    have = {(p.kind, p.lookup_key) for p in existing}
    position = len(existing)
    flagged = dnc.screen(session, [d for d in drafts if (d.kind, d.lookup_key) not in have], override=override_dnc)
    for draft in drafts:
        if (draft.kind, draft.lookup_key) in have:
            continue
        for other in find_points(session, draft.kind, draft.lookup_key, entity=entity):
            other_entity, other_id = _owner_of(other)
            if other_id != owner_id:
                owner = session.get(_MODELS[other_entity], other_id)
                raise FieldError(
                    draft.field,
                    f"{draft.value} already belongs to {owner.name if owner else 'someone else'}.",
                )
        point = ContactPoint(
            kind=draft.kind,
            raw=draft.raw,
            value=draft.value,
            extension=draft.extension,
            lookup_key=draft.lookup_key,
            valid=draft.valid,
            problem=dnc.FLAG if draft in flagged else draft.problem,
            position=position,
            **{column: owner_id},
        )
        position += 1
        session.add(point)
        have.add((draft.kind, draft.lookup_key))
        added.append(point)
    if added:
        session.flush()
        activity.record(
            session,
            who=who,
            action="add_contact",
            entity=entity,
            entity_id=owner_id,
            enquiry_id=enquiry_id,
            summary="Added " + ", ".join(p.value + (f" ext. {p.extension}" if p.extension else "") for p in added),
        )
    for draft in flagged:
        where = f"enquiry #{enquiry_id}" if enquiry_id else f"{entity} #{owner_id}"
        noun = "phone number" if draft.kind == ContactKind.PHONE else "email address"
        activity.record(
            session,
            who=who,
            action="dnc_override",
            entity=entity,
            entity_id=owner_id,
            enquiry_id=enquiry_id,
            summary=f"Kept a {noun} on the do-not-contact list ({where})",
        )
    return added


SINGLE = ("email", "phone")
"""The inputs a refusal names when the values were typed one at a time (the do-not-contact list, a release)."""
LISTS = ("emails", "phones")
"""The inputs a refusal names when a person's emails and phones were typed as lists (adding or editing them)."""


def drafts_from(
    *,
    emails: Sequence[str] = (),
    phones: Sequence[str] = (),
    region: str,
    keep_invalid: bool = False,
    fields: tuple[str, str] = SINGLE,
) -> list[PointDraft]:
    """Validate lists of emails and phones, naming the field (`fields`: email's, phone's) of the first bad one."""
    drafts = [email_draft(e, field=fields[0]) for e in emails if e and e.strip()]
    drafts += [
        phone_draft(p, region=region, keep_invalid=keep_invalid, field=fields[1]) for p in phones if p and p.strip()
    ]
    return drafts


BY_HAND = "entered by hand"
"""The source of a person typed in on the desk rather than found in a call, a release or an import."""


def provenance(*, source: str, lawful_basis: str, collected_at: datetime | None) -> dict[str, object]:
    """What the law asks the desk to record of a new person: lawful basis, source, when collected; checked."""
    return {
        "lawful_basis": parse_choice(
            LawfulBasis, lawful_basis, field="lawful basis", noun="lawful basis", default="legitimate_interest"
        ),
        "source": typed.clean("journalist.source", source, field="source") or BY_HAND,
        "collected_at": collected_at or utcnow(),
    }


def parse_channel(text: str | None, field: str = "channel") -> str:
    """Read a channel name, refusing unknown ones."""
    return parse_choice(Channel, text, field=field, noun="channel", default="phone")


def create_journalist(
    session: Session,
    *,
    who: str,
    region: str,
    name: str,
    outlet: str | None = None,
    role: str = "",
    beat: str = "",
    emails: Sequence[str] = (),
    phones: Sequence[str] = (),
    preferred_channel: str = "phone",
    notes: str = "",
    keep_invalid_phones: bool = False,
    source: str = BY_HAND,
    lawful_basis: str = "legitimate_interest",
    collected_at: datetime | None = None,
    override_dnc: bool = False,
) -> Journalist:
    """Create a journalist with validated contact details, recording where they came from and on what basis."""
    name = clean_name(name, "name")
    drafts = drafts_from(emails=emails, phones=phones, region=region, keep_invalid=keep_invalid_phones, fields=LISTS)
    held = provenance(source=source, lawful_basis=lawful_basis, collected_at=collected_at)
    channel = parse_channel(preferred_channel, "preferred_channel")
    texts = {
        "role": typed.clean("journalist.role", role, field="role"),
        "beat": typed.clean("journalist.beat", beat, field="beat"),
        "notes": typed.clean("journalist.notes", notes, field="notes", multiline=True),
    }
    outlet_row = get_or_create_outlet(session, name=outlet, who=who)
    journalist = Journalist(
        name=name,
        outlet_id=outlet_row.id if outlet_row else None,
        preferred_channel=channel,
        updated_by=who,
        **texts,
        **held,
    )
    activity.add(
        session,
        journalist,
        who=who,
        entity="journalist",
        summary=f"Added journalist {name}" + (f" ({outlet_row.name})" if outlet_row else ""),
    )
    add_points(session, who=who, entity="journalist", owner_id=journalist.id, drafts=drafts, override_dnc=override_dnc)
    return journalist


def create_expert(
    session: Session,
    *,
    who: str,
    region: str,
    name: str,
    honorific: str = "",
    title: str = "",
    affiliation: str = "",
    topics: str = "",
    languages: str = "en",
    emails: Sequence[str] = (),
    phones: Sequence[str] = (),
    source: str = BY_HAND,
    lawful_basis: str = "legitimate_interest",
    collected_at: datetime | None = None,
    override_dnc: bool = False,
    **extra: object,
) -> Expert:
    """Create an expert with validated contact details, recording where they came from and on what basis."""
    name = clean_name(name, "name", column="expert.name")
    drafts = drafts_from(emails=emails, phones=phones, region=region, fields=LISTS)
    held = provenance(source=source, lawful_basis=lawful_basis, collected_at=collected_at)
    expert = Expert(
        name=name,
        honorific=typed.clean("expert.honorific", honorific, field="honorific").rstrip("."),
        title=typed.clean("expert.title", title, field="title"),
        affiliation=typed.clean("expert.affiliation", affiliation, field="affiliation"),
        topics=typed.clean("expert.topics", topics, field="topics"),
        languages=clean_languages(languages) or "en",
        updated_by=who,
        **held,
        **{
            k: typed.clean(f"expert.{k}", v, field=k, multiline=True) if isinstance(v, str) else v
            for k, v in extra.items()
        },
    )
    activity.add(session, expert, who=who, entity="expert", summary=f"Added expert {name}")
    add_points(session, who=who, entity="expert", owner_id=expert.id, drafts=drafts, override_dnc=override_dnc)
    return expert


def create_press_contact(
    session: Session,
    *,
    who: str,
    region: str,
    name: str,
    organisation: str = "",
    emails: Sequence[str] = (),
    phones: Sequence[str] = (),
    source: str = BY_HAND,
    lawful_basis: str = "legitimate_interest",
    collected_at: datetime | None = None,
    override_dnc: bool = False,
) -> PressContact:
    """Create a press contact (as named on a release) with validated details and where they came from."""
    name = clean_name(name, "name", column="press_contact.name")
    drafts = drafts_from(emails=emails, phones=phones, region=region)
    organisation = typed.clean("press_contact.organisation", organisation, field="organisation")
    held = provenance(source=source, lawful_basis=lawful_basis, collected_at=collected_at)
    contact = PressContact(name=name, organisation=organisation, updated_by=who, **held)
    activity.add(session, contact, who=who, entity="press_contact", summary=f"Added press contact {name}")
    add_points(session, who=who, entity="press_contact", owner_id=contact.id, drafts=drafts, override_dnc=override_dnc)
    return contact
