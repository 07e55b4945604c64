"""Finding likely duplicate people: the scan and the cards shown side by side."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import func, select
from sqlmodel import Session

from pressdesk import validation
from pressdesk.errors import FieldError
from pressdesk.models import ContactPoint, DuplicateReview, Expert, Journalist, Outlet
from pressdesk.models.views import JsonMixin
from pressdesk.services import likeness
from pressdesk.services.contacts import OWNER_COLUMNS
from pressdesk.services.duplicates.reviews import ENTITIES, not_duplicate_pairs, pair


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
