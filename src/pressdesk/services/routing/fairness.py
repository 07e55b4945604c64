"""How interview requests spread over the experts: who was asked how often lately."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlmodel import Session

from pressdesk.models import Expert, InterviewRequest, utcnow
from pressdesk.models import InterviewStatus as R


def request_spread(session: Session, *, days: int = 30, now: datetime | None = None) -> list[tuple[str, int]]:
    """How many interview requests each expert was sent in the last days (cancelled ones aside), most first."""
    now = now or utcnow()
    counted = (
        select(InterviewRequest.expert_id, func.count().label("n"))
        .where(InterviewRequest.created_at >= now - timedelta(days=days), InterviewRequest.status != R.CANCELLED)
        .group_by(InterviewRequest.expert_id)
        .subquery()
    )
    rows = session.execute(
        select(Expert.name, func.coalesce(counted.c.n, 0))
        .outerjoin(counted, counted.c.expert_id == Expert.id)
        .order_by(func.coalesce(counted.c.n, 0).desc(), Expert.name)
    )
    return [(name, n) for name, n in rows]
