"""The review list of possible duplicates and the pairs an officer said are two people."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from pressdesk.limits import max_length
from pressdesk.models import DuplicateReview, NotDuplicate, utcnow

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
