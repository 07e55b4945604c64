"""Editing, bumping and archiving people and replacing their contact points."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, select

from pressdesk.errors import ConflictError, FieldError, NotFound
from pressdesk.models import ContactPoint, Expert, Journalist, utcnow
from pressdesk.models.inputs import JournalistUpdate
from pressdesk.services import activity
from pressdesk.services.contacts.creation import LISTS, add_points, drafts_from, parse_channel
from pressdesk.services.contacts.lookup import ARCHIVABLE, OWNER_COLUMNS, PointDraft, get_or_create_outlet


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


def update_journalist(
    session: Session,
    data: JournalistUpdate,
    *,
    who: str,
    region: str,
    journalist_id: int,
    expected_version: int | None,
) -> Journalist:
    """Edit a journalist; emails/phones, when given, replace the current lists."""
    journalist = session.get(Journalist, journalist_id, with_for_update=True)
    if journalist is None:
        raise NotFound(f"There is no journalist {journalist_id}.")
    values = data.changes()
    emails, phones, outlet = values.pop("emails", None), values.pop("phones", None), values.pop("outlet", None)
    if "preferred_channel" in values:
        values["preferred_channel"] = parse_channel(values["preferred_channel"], "preferred_channel")
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
        fields=LISTS,
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
