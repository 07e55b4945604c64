"""Every write leaves an Activity row: who, when, what and what changed.

The two ways a record is written, each once: `add` (a new row: add, flush for its id, record) and `change`
(refuse a stale version, bump it, write the values, record what changed).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlmodel import Session

from pressdesk.errors import ConflictError
from pressdesk.models import Activity, utcnow


def record(
    session: Session,
    *,
    who: str,
    action: str,
    entity: str,
    entity_id: int,
    summary: str,
    changes: dict[str, Any] | None = None,
    enquiry_id: int | None = None,
    at: datetime | None = None,
) -> Activity:
    """Append one Activity row to the session (committed with the change it describes)."""
    row = Activity(
        at=at or utcnow(),
        who=who,
        action=action,
        entity=entity,
        entity_id=entity_id,
        enquiry_id=enquiry_id,
        summary=summary,
        changes=json.dumps(changes, default=str, ensure_ascii=False) if changes else "",
    )
    session.add(row)
    return row


def diff(obj: Any, values: dict[str, Any]) -> dict[str, list[Any]]:
    """The fields whose value would change, as {field: [old, new]}."""
    return {k: [getattr(obj, k), v] for k, v in values.items() if getattr(obj, k) != v}


def _enquiry_of(obj: Any, entity: str, enquiry_id: int | None) -> int | None:
    """The enquiry whose history a row belongs on: an enquiry's own, else the one given."""
    return obj.id if entity == "enquiry" else enquiry_id


def bump(obj: Any, *, who: str, entity: str, expected_version: int | None) -> None:
    """Refuse a stale edit (optimistic lock: ConflictError naming the entity), then mark the record changed by who."""
    if expected_version is not None and obj.version != expected_version:
        raise ConflictError(entity, obj.id, obj.updated_by, obj.version)
    obj.version += 1
    obj.updated_at = utcnow()
    obj.updated_by = who


def add(
    session: Session,
    row: Any,
    *,
    who: str,
    entity: str,
    summary: str | Callable[[Any], str],
    action: str = "create",
    enquiry_id: int | None = None,
    changes: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> Any:
    """Add a new row, flush it for its id, and record it on the history (summary may be made from the row)."""
    session.add(row)
    session.flush()
    record(
        session,
        who=who,
        action=action,
        entity=entity,
        entity_id=row.id,
        enquiry_id=_enquiry_of(row, entity, enquiry_id),
        summary=summary(row) if callable(summary) else summary,
        changes=changes,
        at=at,
    )
    return row


def change(
    session: Session,
    obj: Any,
    values: dict[str, Any],
    *,
    who: str,
    entity: str,
    action: str,
    summary: str | Callable[[dict[str, list[Any]]], str],
    expected_version: int | None,
    enquiry_id: int | None = None,
    at: datetime | None = None,
) -> dict[str, list[Any]]:
    """Check the version, bump it, write the values and record what changed (summary may be made from the changes)."""
    changes = diff(obj, values)
    bump(obj, who=who, entity=entity.replace("_", " "), expected_version=expected_version)
    for key, value in values.items():
        setattr(obj, key, value)
    record(
        session,
        who=who,
        action=action,
        entity=entity,
        entity_id=obj.id,
        enquiry_id=_enquiry_of(obj, entity, enquiry_id),
        summary=summary(changes) if callable(summary) else summary,
        changes=changes,
        at=at,
    )
    return changes
