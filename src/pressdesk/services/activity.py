"""Every write leaves an Activity row: who, when, what and what changed."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlmodel import Session

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
