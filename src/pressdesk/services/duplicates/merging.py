"""Marking a pair as two people, and merging two records of one person."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlmodel import Session

from pressdesk.errors import ConflictError, FieldError, NotFound
from pressdesk.limits import too_long
from pressdesk.models import (
    ContactPoint,
    DuplicateReview,
    Enquiry,
    InterviewRequest,
    MediaListMember,
    NotDuplicate,
    ReleaseExpert,
    utcnow,
)
from pressdesk.models.views import JsonMixin
from pressdesk.services import activity
from pressdesk.services.contacts import OWNER_COLUMNS
from pressdesk.services.duplicates.reviews import _insert_ignoring_conflicts, merge_topics, pair
from pressdesk.services.duplicates.scan import _model


# --- deciding ------------------------------------------------------------------------------------------------
def _repoint_pairs(session: Session, entity: str, keep: int, gone: int) -> None:
    """Pairs naming the person merged away now name the one kept (or go, if that would pair them with themselves)."""
    for table in (DuplicateReview.__table__, NotDuplicate.__table__):
        rows = session.execute(
            select(table).where(table.c.entity == entity, (table.c.low_id == gone) | (table.c.high_id == gone))
        ).all()
        session.execute(
            delete(table).where(table.c.entity == entity, (table.c.low_id == gone) | (table.c.high_id == gone))
        )
        moved = []
        for row in rows:
            values = dict(row._mapping)
            other = values["high_id"] if values["low_id"] == gone else values["low_id"]
            if other == keep:
                continue
            values["low_id"], values["high_id"] = pair(keep, other)
            values.pop("id", None)
            moved.append(values)
        if moved:
            _insert_ignoring_conflicts(session, table, moved)


def not_duplicate(session: Session, *, who: str, entity: str = "journalist", a: int, b: int) -> None:
    """Say two people are two people: off the review list, and never suggested again."""
    model = _model(entity)
    if a == b:
        raise FieldError("people", "Give two different people.")
    for person_id in (a, b):
        if session.get(model, person_id) is None:
            raise NotFound(f"There is no {entity} {person_id}.")
    low, high = pair(a, b)
    _insert_ignoring_conflicts(
        session,
        NotDuplicate.__table__,
        [{"entity": entity, "low_id": low, "high_id": high, "at": utcnow(), "who": who}],
    )
    session.execute(
        delete(DuplicateReview).where(
            DuplicateReview.entity == entity, DuplicateReview.low_id == low, DuplicateReview.high_id == high
        )
    )
    first, second = session.get(model, low), session.get(model, high)
    activity.record(
        session,
        who=who,
        action="not_duplicate",
        entity=entity,
        entity_id=low,
        summary=f"#{low} {first.name} and #{high} {second.name} are two people",
        changes={"not_duplicate_of": high},
    )


MERGE_FIELDS = {
    "journalist": ("name", "outlet", "role", "beat", "preferred_channel", "notes"),
    "expert": (
        "name", "honorific", "title", "affiliation", "topics", "languages", "working_hours", "blocked_dates",
        "media_trained", "conflicts", "weekly_limit", "notes",
    ),
}  # fmt: skip
"""The fields an officer chooses between when merging two people."""


_COMBINED = {"beat", "topics", "notes", "conflicts", "blocked_dates"}
"""Fields whose two values are both kept unless one is chosen."""


_COLUMN = {"outlet": "outlet_id"}


def _combined(field: str, first, second):
    """Both values of a field kept: topics listed once each, notes one after the other."""
    if field in ("beat", "topics", "blocked_dates"):
        return merge_topics(first, second)
    return first if not second or second in first else f"{first}\n{second}".strip()


@dataclass(frozen=True, slots=True)
class MergeOutcome(JsonMixin):
    """What a merge did: who was kept, who went, what changed and what was moved over."""

    entity: str
    kept: int
    merged: int
    changes: dict
    moved: dict


def merge(
    session: Session,
    *,
    who: str,
    entity: str = "journalist",
    a: int,
    b: int,
    keep: Mapping[str, str] | None = None,
    expected_versions: tuple[int | None, int | None] = (None, None),
) -> MergeOutcome:
    """Make two people one: `a` stays, with each field as `keep` says ("a" or "b"; by default a's value, or b's
    where a has none; topics and notes from both), every email and number of both, and b's enquiries, interviews,
    releases and media lists; b goes. The history row says it was a merge, of whom, with b as it was."""
    model = _model(entity)
    if a == b:
        raise FieldError("people", "Give two different people to merge.")
    keep = dict(keep or {})
    for field, side in keep.items():
        if field not in MERGE_FIELDS[entity]:
            raise FieldError("keep", f"{field} is not a field to choose ({', '.join(MERGE_FIELDS[entity])}).")
        if side not in ("a", "b"):
            raise FieldError("keep", f"Keep {field} of a or b, not {side!r}.")
    first = session.get(model, a, with_for_update=True)
    second = session.get(model, b, with_for_update=True)
    for person, person_id in ((first, a), (second, b)):
        if person is None:
            raise NotFound(f"There is no {entity} {person_id}.")
    for person, expected in zip((first, second), expected_versions, strict=True):
        if expected is not None and person.version != expected:
            raise ConflictError(entity, person.id, person.updated_by, person.version)
    values: dict[str, object] = {}
    for field in MERGE_FIELDS[entity]:
        column = _COLUMN.get(field, field)
        mine, theirs = getattr(first, column), getattr(second, column)
        side = keep.get(field)
        if side == "b" or (side is None and mine in ("", None) and theirs not in ("", None)):
            value = theirs
        elif side is None and field in _COMBINED and theirs:
            value = _combined(field, mine, theirs)
        else:
            value = mine
        if column in TEXT_COLUMNS.get(entity, ()) and isinstance(value, str) and too_long(f"{entity}.{column}", value):
            value = mine
        values[column] = value
    snapshot = {
        "id": second.id,
        "version": second.version,
        **{_COLUMN.get(f, f): getattr(second, _COLUMN.get(f, f)) for f in MERGE_FIELDS[entity]},
        "points": [
            {"kind": p.kind, "value": p.value, "label": p.label}
            for p in session.execute(
                select(ContactPoint)
                .where(getattr(ContactPoint, OWNER_COLUMNS[entity]) == b)
                .order_by(ContactPoint.position)
            ).scalars()
        ],
    }
    changes = activity.diff(first, values)
    moved = _move_links(session, entity, keep_id=a, gone_id=b)
    _repoint_pairs(session, entity, a, b)
    name_before = second.name
    session.delete(second)
    session.flush()
    for column, value in values.items():
        setattr(first, column, value)
    first.version += 1
    first.updated_at = utcnow()
    first.updated_by = who
    activity.record(
        session,
        who=who,
        action="merge",
        entity=entity,
        entity_id=a,
        summary=f"Merged #{b} {name_before} into #{a} {first.name}",
        changes={"merged_from": snapshot, "fields": changes, "moved": moved},
    )
    session.flush()
    return MergeOutcome(entity, a, b, changes, moved)


TEXT_COLUMNS = {
    "journalist": ("name", "role", "beat", "notes"),
    "expert": ("name", "honorific", "title", "affiliation", "topics", "conflicts", "blocked_dates", "notes"),
}


def _move_links(session: Session, entity: str, *, keep_id: int, gone_id: int) -> dict[str, int]:
    """Move everything that points at the person merged away to the one kept; how many of each were moved."""
    moved: dict[str, int] = {}
    column = getattr(ContactPoint, OWNER_COLUMNS[entity])
    have = {
        (kind, key)
        for kind, key in session.execute(select(ContactPoint.kind, ContactPoint.lookup_key).where(column == keep_id))
    }
    position = len(have)
    points = session.execute(select(ContactPoint).where(column == gone_id).order_by(ContactPoint.position)).scalars()
    count = 0
    for point in list(points):
        if (point.kind, point.lookup_key) in have:
            session.delete(point)
            continue
        setattr(point, OWNER_COLUMNS[entity], keep_id)
        point.position = position
        position += 1
        count += 1
    moved["contact points"] = count
    if entity == "journalist":
        result = session.execute(update(Enquiry).where(Enquiry.journalist_id == gone_id).values(journalist_id=keep_id))
        moved["enquiries"] = result.rowcount
        moved["media lists"] = _move_membership(
            session, MediaListMember.__table__, "media_list_id", "journalist_id", keep_id, gone_id
        )
    else:
        result = session.execute(
            update(InterviewRequest).where(InterviewRequest.expert_id == gone_id).values(expert_id=keep_id)
        )
        moved["interview requests"] = result.rowcount
        moved["releases"] = _move_membership(
            session, ReleaseExpert.__table__, "release_id", "expert_id", keep_id, gone_id
        )
    session.flush()
    return moved


def _move_membership(session: Session, table, group: str, member: str, keep_id: int, gone_id: int) -> int:
    """Move a link table's rows from one member to another, leaving out groups the kept one is in already."""
    groups = [g for (g,) in session.execute(select(table.c[group]).where(table.c[member] == gone_id))]
    already = {g for (g,) in session.execute(select(table.c[group]).where(table.c[member] == keep_id))}
    moving = [g for g in groups if g not in already]
    session.execute(delete(table).where(table.c[member] == gone_id))
    if moving:
        values = [{group: g, member: keep_id} for g in moving]
        if "added_at" in table.c:
            for v in values:
                v["added_at"] = utcnow()
        session.execute(insert(table), values)
    return len(moving)
