"""Two records, one person: the review list, pairs an officer said are two people, and merging."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from pressdesk import validation
from pressdesk.errors import ConflictError, FieldError, NotFound
from pressdesk.limits import max_length, too_long
from pressdesk.models import (
    ContactPoint,
    DuplicateReview,
    Enquiry,
    Expert,
    InterviewRequest,
    Journalist,
    MediaListMember,
    NotDuplicate,
    Outlet,
    ReleaseExpert,
    utcnow,
)
from pressdesk.models.views import JsonMixin
from pressdesk.services import activity, likeness
from pressdesk.services.contacts import OWNER_COLUMNS

ENTITIES = ("journalist", "expert")


def merge_topics(current: str, more: str) -> str:
    """Comma-separated topics with more added, each once (case aside), in order."""
    seen: dict[str, str] = {}
    for part in f"{current},{more}".replace(";", ",").split(","):
        word = " ".join(part.split())
        if word and word.casefold() not in seen:
            seen[word.casefold()] = word
    return ", ".join(seen.values())


def pair(a: int, b: int) -> tuple[int, int]:
    """Two ids, lower first (how pairs are stored)."""
    return (a, b) if a < b else (b, a)


def not_duplicate_pairs(session: Session, entity: str) -> set[tuple[int, int]]:
    """Every pair of this entity an officer said are two people."""
    rows = session.execute(select(NotDuplicate.low_id, NotDuplicate.high_id).where(NotDuplicate.entity == entity))
    return {(low, high) for low, high in rows}


def _insert_ignoring_conflicts(session: Session, table, rows: list[dict]) -> None:
    """Insert rows, skipping any whose key is already there."""
    dialect = session.get_bind().dialect.name
    module = {"sqlite": sqlite, "postgresql": postgresql}.get(dialect)
    if module is None:
        raise NotImplementedError(f"no insert-or-skip for {dialect}")
    session.execute(module.insert(table).on_conflict_do_nothing(), rows)


def add_reviews(session: Session, entity: str, pairs: Iterable[tuple[int, int, float, str]], *, found_by: str) -> None:
    """Put pairs (a, b, score, reason) on the review list; a pair already there or judged already is skipped."""
    judged = not_duplicate_pairs(session, entity)
    now = utcnow()
    rows = {}
    for a, b, score, reason in pairs:
        if a == b or pair(a, b) in judged:
            continue
        low, high = pair(a, b)
        rows.setdefault(
            (low, high),
            {
                "entity": entity,
                "low_id": low,
                "high_id": high,
                "score": float(score),
                "reason": reason[: max_length("duplicate_review.reason")],
                "found_by": found_by[: max_length("duplicate_review.found_by")],
                "at": now,
            },
        )
    if rows:
        _insert_ignoring_conflicts(session, DuplicateReview.__table__, list(rows.values()))


# --- finding -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonCard(JsonMixin):
    """One side of a possible duplicate, as the review list shows it."""

    id: int
    name: str
    outlet: str
    role: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    archived: bool


@dataclass(frozen=True, slots=True)
class DuplicatePair(JsonMixin):
    """Two people who may be one: why, how alike their names are (0-100), and who found them."""

    entity: str
    a: PersonCard
    b: PersonCard
    score: int
    reason: str
    found_by: str


_MODELS = {"journalist": Journalist, "expert": Expert}
SCAN_OUTLET_LIMIT = 3000
"""An outlet with more journalists than this is not scanned for close names (its pairs would swamp the list)."""


def _model(entity: str):
    """The table class of an entity that can have duplicates."""
    if entity not in _MODELS:
        raise FieldError("entity", f"Duplicates are found among {' and '.join(ENTITIES)}s, not {entity}.")
    return _MODELS[entity]


def _people(session: Session, entity: str) -> dict[int, tuple[str, str, object]]:
    """Every person of an entity: id -> (name, name key, outlet id or folded affiliation)."""
    model = _model(entity)
    org = model.outlet_id if entity == "journalist" else model.affiliation
    found = {}
    for person_id, name, org_value in session.execute(select(model.id, model.name, org)):
        key = validation.name_key(org_value) if entity == "expert" and org_value else org_value
        found[person_id] = (name, validation.name_key(name), key or None)
    return found


def _shared_details(session: Session, entity: str) -> dict[tuple[int, int], tuple[float, str]]:
    """Pairs of people who share an email or a number, and which."""
    owner = getattr(ContactPoint, OWNER_COLUMNS[entity])
    shared = (
        select(ContactPoint.kind, ContactPoint.lookup_key)
        .where(owner.is_not(None))
        .group_by(ContactPoint.kind, ContactPoint.lookup_key)
        .having(func.count(func.distinct(owner)) > 1)
        .subquery()
    )
    rows = session.execute(
        select(ContactPoint.kind, ContactPoint.lookup_key, ContactPoint.value, owner).join(
            shared, (shared.c.kind == ContactPoint.kind) & (shared.c.lookup_key == ContactPoint.lookup_key)
        )
    ).all()
    owners: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for kind, key, value, owner_id in rows:
        owners.setdefault((kind, key), []).append((owner_id, value))
    found: dict[tuple[int, int], tuple[float, str]] = {}
    for people in owners.values():
        for i, (a, value) in enumerate(people):
            for b, _ in people[i + 1 :]:
                if a != b:
                    found.setdefault(pair(a, b), (likeness.SAME, f"both have {value}"))
    return found


def _scan(session: Session, entity: str) -> dict[tuple[int, int], tuple[float, str]]:
    """Pairs the desk holds now: a shared email or number; the same or a close name at one outlet; the same name
    where one has no outlet."""
    found = _shared_details(session, entity)
    people = _people(session, entity)
    by_org: dict[object, dict[int, str]] = {}
    by_key: dict[str, list[int]] = {}
    for person_id, (name, key, org) in people.items():
        by_key.setdefault(key, []).append(person_id)
        if org is not None:
            by_org.setdefault(org, {})[person_id] = likeness.name_words(name)
    for members in by_org.values():
        if len(members) < 2 or len(members) > SCAN_OUTLET_LIMIT:
            continue
        for person_id, words in members.items():
            for _w, score, other in process.extract(
                words, members, scorer=fuzz.token_sort_ratio, score_cutoff=likeness.CLOSE, limit=6
            ):
                if other != person_id:
                    why = (
                        "the same name at the same outlet"
                        if score >= likeness.SAME
                        else "a close name at the same outlet"
                    )
                    found.setdefault(pair(person_id, other), (score, why))
    for ids in by_key.values():
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                if people[a][2] is None or people[b][2] is None:
                    found.setdefault(pair(a, b), (likeness.SAME, "the same name, and one of them has no outlet"))
    return found


def _cards(session: Session, entity: str, ids: Iterable[int]) -> dict[int, PersonCard]:
    """The review list's view of these people."""
    model = _model(entity)
    ids = list(ids)
    if not ids:
        return {}
    if entity == "journalist":
        query = select(model.id, model.name, func.coalesce(Outlet.name, ""), model.role, model.archived_at).outerjoin(
            Outlet, Outlet.id == model.outlet_id
        )
    else:
        query = select(model.id, model.name, model.affiliation, model.title, model.archived_at)
    owner = getattr(ContactPoint, OWNER_COLUMNS[entity])
    points: dict[int, list[tuple[str, str]]] = {}
    cards = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for owner_id, kind, value in session.execute(
            select(owner, ContactPoint.kind, ContactPoint.value).where(owner.in_(chunk)).order_by(ContactPoint.position)
        ):
            points.setdefault(owner_id, []).append((kind, value))
        for person_id, name, outlet, role, archived_at in session.execute(query.where(model.id.in_(chunk))):
            mine = points.get(person_id, [])
            cards[person_id] = PersonCard(
                person_id,
                name,
                outlet,
                role,
                tuple(v for k, v in mine if k == "email"),
                tuple(v for k, v in mine if k == "phone"),
                archived_at is not None,
            )
    return cards


def find_duplicates(session: Session, *, entity: str = "journalist", scan: bool = True, limit: int = 500) -> list:
    """Pairs of people who may be one, most alike first: those imports could not decide, and (with scan) those the
    desk holds now; a pair an officer said are two people is never among them."""
    _model(entity)
    judged = not_duplicate_pairs(session, entity)
    pairs: dict[tuple[int, int], tuple[float, str, str]] = {}
    for low, high, score, reason, found_by in session.execute(
        select(
            DuplicateReview.low_id,
            DuplicateReview.high_id,
            DuplicateReview.score,
            DuplicateReview.reason,
            DuplicateReview.found_by,
        ).where(DuplicateReview.entity == entity)
    ):
        pairs[(low, high)] = (score, reason, found_by)
    if scan:
        for key, (score, reason) in _scan(session, entity).items():
            pairs.setdefault(key, (score, reason, "desk scan"))
    pairs = {k: v for k, v in pairs.items() if k not in judged}
    ranked = sorted(pairs.items(), key=lambda item: (-item[1][0], item[0]))[: limit * 2]
    cards = _cards(session, entity, {i for key, _ in ranked for i in key})
    found = [
        DuplicatePair(entity, cards[low], cards[high], round(score), reason, found_by)
        for (low, high), (score, reason, found_by) in ranked
        if low in cards and high in cards
    ]
    return found[:limit]


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
