"""People and outlets: find callers in any number format, create and edit them with validation."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from pressdesk import validation
from pressdesk.errors import AmbiguousName, ConflictError, FieldError, NotFound
from pressdesk.models import (
    Channel,
    ContactKind,
    ContactPoint,
    Expert,
    Journalist,
    LawfulBasis,
    Outlet,
    PressContact,
    utcnow,
)
from pressdesk.services import activity, dnc, typed
from pressdesk.services.choices import parse_choice

OWNER_COLUMNS = {"journalist": "journalist_id", "expert": "expert_id", "press_contact": "press_contact_id"}


def name_key(name: str) -> str:
    """A key for names of outlets and people that ignores case, accents and spacing."""
    return validation.name_key(name)


def clean_name(value: str | None, field: str, *, required: bool = True, column: str = "journalist.name") -> str:
    """Clean a one-line name, refusing an empty one when it is required, or one too long for its column."""
    text = typed.clean(column, value, field=field)
    if required and not text:
        raise FieldError(field, "Enter a name.")
    return text


def clean_languages(value: str | None) -> str:
    """An expert's languages as ISO 639 codes ("English, Welsh" -> "en, cy"); FieldError names an unknown one."""
    try:
        return ", ".join(validation.parse_languages(validation.clean_text(value or "")))
    except validation.LanguageError as exc:
        raise FieldError("languages", str(exc)) from None


@dataclass(frozen=True, slots=True)
class PointDraft:
    """A validated phone number or email address, ready to store."""

    kind: str
    raw: str
    value: str
    extension: str
    lookup_key: str
    valid: bool
    problem: str


def phone_draft(text: str, *, region: str, keep_invalid: bool = False, field: str = "phone") -> PointDraft:
    """Validate a phone number; a number that parses but is not valid is kept only when asked."""
    result = validation.parse_phone(text, region)
    if not result.valid and not (keep_invalid and result.possible and result.e164):
        raise FieldError(field, result.error or "This is not a phone number.")
    typed.fit("contact_point.raw", result.raw, field=field)
    return PointDraft(
        kind=ContactKind.PHONE,
        raw=result.raw,
        value=result.e164 or "",
        extension=result.extension or "",
        lookup_key=result.e164 or "",
        valid=result.valid,
        problem=result.error or "",
    )


def email_draft(text: str, *, field: str = "email") -> PointDraft:
    """Validate an email address offline and return its normalised form."""
    result = validation.parse_email(text)
    if not result.valid or not result.normalized:
        raise FieldError(field, result.error or "This is not an email address.")
    typed.fit("contact_point.raw", result.raw, field=field)
    return PointDraft(
        kind=ContactKind.EMAIL,
        raw=result.raw,
        value=result.normalized,
        extension="",
        lookup_key=validation.email_key(result.normalized) or result.normalized.casefold(),
        valid=True,
        problem="",
    )


def get_or_create_outlet(session: Session, *, name: str | None, who: str) -> Outlet | None:
    """The outlet of that name (any case), created if new; None for no name."""
    text = typed.clean("outlet.name", name, field="outlet")
    if not text:
        return None
    key = name_key(text)
    outlet = session.exec(select(Outlet).where(Outlet.name_key == key)).first()
    if outlet is None:
        outlet = Outlet(name=text, name_key=key, updated_by=who)
        session.add(outlet)
        session.flush()
        activity.record(
            session,
            who=who,
            action="create",
            entity="outlet",
            entity_id=outlet.id,
            summary=f"Added outlet {text}",
        )
    return outlet


def _owner_of(point: ContactPoint) -> tuple[str, int]:
    """The (entity, id) a contact point belongs to."""
    for entity, column in OWNER_COLUMNS.items():
        if (owner_id := getattr(point, column)) is not None:
            return entity, owner_id
    raise ValueError("contact point without owner")


def find_points(
    session: Session, kind: str, key: str, *, entity: str | None = None, include_archived: bool = False
) -> list[ContactPoint]:
    """Contact points with this look-up key, optionally only those of one kind of owner (archived people's left out
    unless asked: they are kept for history, not found)."""
    query = select(ContactPoint).where(ContactPoint.kind == kind, ContactPoint.lookup_key == key)
    if entity:
        column = getattr(ContactPoint, OWNER_COLUMNS[entity])
        query = query.where(column.is_not(None))
        if entity in ARCHIVABLE and not include_archived:
            model = ARCHIVABLE[entity]
            query = query.join(model, model.id == column).where(model.archived_at.is_(None))
    return list(session.exec(query.order_by(ContactPoint.id)))


def find_journalist_by_phone(session: Session, text: str, *, region: str) -> Journalist | None:
    """The journalist with this number, typed in any format."""
    key = validation.phone_key(text, region)
    if not key:
        return None
    points = find_points(session, ContactKind.PHONE, key, entity="journalist")
    return session.get(Journalist, points[0].journalist_id) if points else None


def find_journalist_by_email(session: Session, text: str) -> Journalist | None:
    """The journalist with this email address, in any case."""
    key = validation.email_key(text)
    if not key:
        return None
    points = find_points(session, ContactKind.EMAIL, key, entity="journalist")
    return session.get(Journalist, points[0].journalist_id) if points else None


def find_journalists_by_name(session: Session, text: str, *, limit: int = 10) -> list[Journalist]:
    """Journalists whose name contains the text, ignoring case, accents and spacing; names starting with it first.

    Suggestions only, never a match; archived journalists are left out. The scan reads the name-key index alone
    (about 10 ms for 50,000 people); whether a hit is archived is read for the best few only.
    """
    needle = name_key(validation.clean_text(text))
    if len(needle) < 2:
        return []
    pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    keys = select(Journalist.id, Journalist.name_key)
    starting = keys.where(Journalist.name_key >= needle, Journalist.name_key < needle + "\uffff").limit(limit * 3)
    inside = keys.where(Journalist.name_key.like(pattern, escape="\\")).limit(200)
    hits = set(session.execute(starting).all()) | set(session.execute(inside).all())
    ranked = sorted(hits, key=lambda hit: (not hit[1].startswith(needle), f" {needle}" not in hit[1], hit[1], hit[0]))
    ids = [hit[0] for hit in ranked[: limit * 3]]
    live = select(Journalist).where(Journalist.id.in_(ids), Journalist.archived_at.is_(None))
    found = {j.id: j for j in session.exec(live)} if ids else {}
    return [found[i] for i in ids if i in found][:limit]


def name_fits(typed: str, name: str) -> bool:
    """Whether a typed name could be this person's: every word typed is one of theirs (Sam Reid: Sam (Sam) Reid)."""
    words = set(re.findall(r"\w+", name_key(name)))
    return set(re.findall(r"\w+", name_key(typed))) <= words


def journalists_named(session: Session, name: str) -> list[Journalist]:
    """Every journalist whose whole name is this one, ignoring case, accents and spacing (an indexed look-up); archived
    journalists are left out."""
    key = name_key(validation.clean_text(name))
    if not key:
        return []
    query = select(Journalist).where(Journalist.name_key == key, Journalist.archived_at.is_(None))
    return list(session.exec(query.order_by(Journalist.id)))


def _outlet_names(session: Session, people: Sequence[Journalist]) -> dict[int, str]:
    """The outlet name of each of these journalists that has one, by journalist id."""
    ids = [j.outlet_id for j in people if j.outlet_id is not None]
    names = dict(session.execute(select(Outlet.id, Outlet.name).where(Outlet.id.in_(ids))).all()) if ids else {}
    return {j.id: names[j.outlet_id] for j in people if j.outlet_id in names}


def _ambiguous(name: str, people: Sequence[Journalist], outlets: dict[int, str]) -> AmbiguousName:
    """The refusal for a name several journalists share, listing them so the officer can say which."""
    listed = "; ".join(f"#{j.id} {j.name} ({outlets.get(j.id) or 'no outlet'})" for j in people[:6])
    more = f"; and {len(people) - 6} more" if len(people) > 6 else ""
    return AmbiguousName(
        "journalist",
        f"{len(people)} journalists are called {validation.clean_text(name)}: give --outlet or their number, "
        f"or --journalist-id N ({listed}{more}).",
        tuple(people),
    )


def find_journalist_by_name_and_outlet(session: Session, name: str, outlet: str | None) -> Journalist | None:
    """The journalist with this whole name (case, accents, spacing aside), or None for a new person.

    With an outlet: the one so named there (else the one so named with no outlet yet). Without one: the only
    journalist so named. Several who fit are refused with a FieldError listing them, never guessed between.
    """
    same = journalists_named(session, name)
    if not same:
        return None
    outlets = _outlet_names(session, same)
    wanted = name_key(validation.clean_text(outlet or ""))
    if wanted:
        fits = [j for j in same if name_key(outlets.get(j.id, "")) == wanted]
        fits = fits or [j for j in same if j.id not in outlets]
    else:
        fits = same
    if len(fits) > 1:
        raise _ambiguous(name, fits, outlets)
    return fits[0] if fits else None


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
    column = OWNER_COLUMNS[entity]
    added: list[ContactPoint] = []
    existing = session.exec(select(ContactPoint).where(getattr(ContactPoint, column) == owner_id)).all()
    have = {(p.kind, p.lookup_key) for p in existing}
    position = len(existing)
    drafts = list(drafts)
    flagged = dnc.screen(session, [d for d in drafts if (d.kind, d.lookup_key) not in have], override=override_dnc)
    for draft in drafts:
        if (draft.kind, draft.lookup_key) in have:
            continue
        for other in find_points(session, draft.kind, draft.lookup_key, entity=entity):
            other_entity, other_id = _owner_of(other)
            if other_id != owner_id:
                owner = session.get(_MODELS[other_entity], other_id)
                raise FieldError(
                    draft.kind,
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


def drafts_from(
    *, emails: Sequence[str] = (), phones: Sequence[str] = (), region: str, keep_invalid: bool = False
) -> list[PointDraft]:
    """Validate lists of emails and phones, naming the field of the first bad one."""
    drafts = [email_draft(e) for e in emails if e and e.strip()]
    drafts += [phone_draft(p, region=region, keep_invalid=keep_invalid) for p in phones if p and p.strip()]
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
    drafts = drafts_from(emails=emails, phones=phones, region=region, keep_invalid=keep_invalid_phones)
    held = provenance(source=source, lawful_basis=lawful_basis, collected_at=collected_at)
    channel = parse_channel(preferred_channel, "preferred channel")
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
    session.add(journalist)
    session.flush()
    activity.record(
        session,
        who=who,
        action="create",
        entity="journalist",
        entity_id=journalist.id,
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
    drafts = drafts_from(emails=emails, phones=phones, region=region)
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
            k: typed.clean(f"expert.{k}", v, field=k.replace("_", " "), multiline=True) if isinstance(v, str) else v
            for k, v in extra.items()
        },
    )
    session.add(expert)
    session.flush()
    activity.record(
        session,
        who=who,
        action="create",
        entity="expert",
        entity_id=expert.id,
        summary=f"Added expert {name}",
    )
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
    session.add(contact)
    session.flush()
    activity.record(
        session,
        who=who,
        action="create",
        entity="press_contact",
        entity_id=contact.id,
        summary=f"Added press contact {name}",
    )
    add_points(session, who=who, entity="press_contact", owner_id=contact.id, drafts=drafts, override_dnc=override_dnc)
    return contact


_MODELS = {"journalist": Journalist, "expert": Expert, "press_contact": PressContact}
ARCHIVABLE = {"journalist": Journalist, "expert": Expert}
"""The people who can be archived: hidden from look-up, name suggestions and routing, kept for history."""


def archive_person(
    session: Session,
    *,
    who: str,
    entity: str,
    person_id: int,
    archived: bool = True,
    expected_version: int | None = None,
) -> Journalist | Expert:
    """Archive a journalist or expert (or, with archived=False, bring them back); their history stays."""
    if entity not in ARCHIVABLE:
        raise FieldError("entity", f"Only {' and '.join(ARCHIVABLE)}s can be archived.")
    person = session.get(ARCHIVABLE[entity], person_id, with_for_update=True)
    if person is None:
        raise NotFound(f"There is no {entity} {person_id}.")
    if (person.archived_at is not None) == archived:
        return person
    bump(person, who=who, entity=entity, expected_version=expected_version)
    person.archived_at = utcnow() if archived else None
    activity.record(
        session,
        who=who,
        action="archive" if archived else "unarchive",
        entity=entity,
        entity_id=person.id,
        summary=("Archived " if archived else "Brought back from the archive: ") + person.name,
    )
    return person


def bump(obj, *, who: str, entity: str, expected_version: int | None) -> None:
    """Refuse a stale edit (optimistic lock), then mark the record as changed by `who`."""
    if expected_version is not None and obj.version != expected_version:
        raise ConflictError(entity, obj.id, obj.updated_by, obj.version)
    obj.version += 1
    obj.updated_at = utcnow()
    obj.updated_by = who


JOURNALIST_FIELDS = ("name", "role", "beat", "preferred_channel", "notes")


def update_journalist(
    session: Session,
    *,
    who: str,
    region: str,
    journalist_id: int,
    expected_version: int | None,
    outlet: str | None = None,
    emails: Sequence[str] | None = None,
    phones: Sequence[str] | None = None,
    **fields: str,
) -> Journalist:
    """Edit a journalist; emails/phones, when given, replace the current lists."""
    journalist = session.get(Journalist, journalist_id, with_for_update=True)
    if journalist is None:
        raise NotFound(f"There is no journalist {journalist_id}.")
    values: dict[str, object] = {}
    for key, value in fields.items():
        if key not in JOURNALIST_FIELDS:
            raise FieldError(key, "This field cannot be edited here.")
        if key == "name":
            values[key] = clean_name(value, "name")
        elif key == "preferred_channel":
            values[key] = parse_channel(value, "preferred channel")
        else:
            values[key] = typed.clean(f"journalist.{key}", value, field=key, multiline=key == "notes")
    drafts = replacement_drafts(
        session, entity="journalist", owner_id=journalist_id, emails=emails, phones=phones, region=region
    )
    if outlet is not None:
        outlet_row = get_or_create_outlet(session, name=outlet, who=who)
        values["outlet_id"] = outlet_row.id if outlet_row else None
    return apply_person_edit(
        session,
        journalist,
        who=who,
        entity="journalist",
        values=values,
        drafts=drafts,
        expected_version=expected_version,
    )


def replacement_drafts(
    session: Session,
    *,
    entity: str,
    owner_id: int,
    emails: Sequence[str] | None,
    phones: Sequence[str] | None,
    region: str,
) -> list[PointDraft] | None:
    """The person's new contact points, validated (a list not given keeps its current values); None if neither given."""
    if emails is None and phones is None:
        return None
    current = _points_of(session, entity, owner_id)
    return drafts_from(
        emails=emails if emails is not None else [p.raw for p in current if p.kind == "email"],
        phones=phones if phones is not None else [p.raw for p in current if p.kind == "phone"],
        region=region,
    )


def apply_person_edit(
    session: Session,
    person,
    *,
    who: str,
    entity: str,
    values: dict[str, object],
    drafts: list[PointDraft] | None,
    expected_version: int | None,
):
    """Write validated values to a person (version checked), replace their contact points, record what changed."""
    changes = activity.diff(person, values)
    bump(person, who=who, entity=entity, expected_version=expected_version)
    for key, value in values.items():
        setattr(person, key, value)
    if drafts is not None and (
        replaced := _replace_points(session, who=who, entity=entity, owner_id=person.id, drafts=drafts)
    ):
        changes["contact details"] = replaced
    activity.record(
        session,
        who=who,
        action="update",
        entity=entity,
        entity_id=person.id,
        summary=f"Edited {person.name}: " + (", ".join(changes) or "no change"),
        changes=changes,
    )
    return person


def _points_of(session: Session, entity: str, owner_id: int) -> list[ContactPoint]:
    """A person's contact points in their order."""
    column = getattr(ContactPoint, OWNER_COLUMNS[entity])
    return list(session.exec(select(ContactPoint).where(column == owner_id).order_by(ContactPoint.position)))


def _replace_points(
    session: Session, *, who: str, entity: str, owner_id: int, drafts: list[PointDraft]
) -> list[list[str]] | None:
    """Make a person's contact points exactly the drafts; return [old, new] values if they changed."""
    current = _points_of(session, entity, owner_id)
    old = [p.value for p in current]
    new = [d.value for d in drafts]
    if old == new:
        return None
    for point in current:
        session.delete(point)
    session.flush()
    add_points(session, who=who, entity=entity, owner_id=owner_id, drafts=drafts)
    return [old, new]
