"""What the record says about how an enquiry went, as SQL expressions the log export and the report share.

- Minutes to first response: whole minutes from the call (received_at) to the first response
  (first_response_at: the first move out of new, or the first note; see services.enquiries).
- Deadline met: "yes" when the enquiry was done or declined at or before its deadline; "no" when it closed after
  the deadline, or is still open and the deadline has passed; "none" when it had no deadline or the journalist
  withdrew it before the deadline (nothing left to meet); "" while it is open and the deadline is still ahead,
  or when it closed before the desk kept history (closing time unknown).
- Interview outcome: how the furthest interview request of the enquiry ended: held (done), scheduled, accepted,
  requested (offered, no answer yet), cancelled, declined; "" when no expert was asked.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, and_, case, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement, FunctionElement

from pressdesk.models import OPEN_STATUSES, Coverage, Enquiry, Expert, InterviewRequest
from pressdesk.models import EnquiryStatus as E
from pressdesk.models import InterviewStatus as R

MET, MISSED, NO_DEADLINE, PENDING = "yes", "no", "none", ""
"""The values of "deadline met"."""

OUTCOMES = {
    R.DONE: "held",
    R.SCHEDULED: "scheduled",
    R.ACCEPTED: "accepted",
    R.OFFERED: "requested",
    R.CANCELLED: "cancelled",
    R.DECLINED: "declined",
}
"""Interview request status -> the outcome word, furthest first."""

COVERAGE_SEPARATOR = "\n"
"""Between an enquiry's coverage links in one value (no link or headline holds a line break)."""


class minutes_between(FunctionElement):  # noqa: N801 - named like the SQL functions it sits among
    """Whole minutes from `earlier` to `later` (floored), in the database's own date arithmetic."""

    type = Integer()
    inherit_cache = True
    name = "minutes_between"


@compiles(minutes_between, "sqlite")
def _minutes_sqlite(element, compiler, **kw) -> str:
    """SQLite: the difference of Unix seconds, divided as integers (stamps are stored as naive UTC text)."""
    later, earlier = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"((CAST(strftime('%s', {later}) AS INTEGER) - CAST(strftime('%s', {earlier}) AS INTEGER)) / 60)"


@compiles(minutes_between, "postgresql")
def _minutes_postgresql(element, compiler, **kw) -> str:
    """PostgreSQL: the epoch of the interval, in floored minutes."""
    later, earlier = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"CAST(floor(extract(epoch FROM ({later} - {earlier})) / 60) AS INTEGER)"


def response_minutes() -> ColumnElement[int]:
    """Minutes from the call to the first response; NULL while unanswered."""
    return minutes_between(Enquiry.first_response_at, Enquiry.received_at)


def deadline_met(now: datetime) -> ColumnElement[str]:
    """Whether the enquiry met its deadline, as of `now`: yes, no, none, or "" (not decided yet)."""
    closed, due = Enquiry.closed_at, Enquiry.deadline
    return case(
        (due.is_(None), NO_DEADLINE),
        (and_(closed.is_not(None), closed <= due, Enquiry.status == E.WITHDRAWN), NO_DEADLINE),
        (and_(closed.is_not(None), closed <= due), MET),
        (closed.is_not(None), MISSED),
        (and_(Enquiry.status.in_(OPEN_STATUSES), due < now), MISSED),
        else_=PENDING,
    )


def _request_rank():
    """Interview request statuses ranked by how far they got (held highest)."""
    ranks = list(reversed(OUTCOMES))
    return case(*((InterviewRequest.status == s, n) for n, s in enumerate(ranks, start=1)), else_=0)


def main_request_id():
    """The enquiry's furthest interview request (the latest of equals), as a correlated scalar subquery."""
    return (
        select(InterviewRequest.id)
        .where(InterviewRequest.enquiry_id == Enquiry.id)
        .order_by(_request_rank().desc(), InterviewRequest.id.desc())
        .limit(1)
        .correlate(Enquiry)
        .scalar_subquery()
    )


def outcome_word(status_column) -> ColumnElement[str]:
    """The interview outcome word for a request status column ("" when there is no request)."""
    return case(*((status_column == s, word) for s, word in OUTCOMES.items()), else_="")


def expert_label() -> ColumnElement[str]:
    """An expert's name with honorific."""
    return func.trim(Expert.honorific + " " + Expert.name)


def coverage_links() -> ColumnElement[str]:
    """The enquiry's coverage, link (else headline) per piece, oldest first, joined by COVERAGE_SEPARATOR."""
    link = func.coalesce(func.nullif(Coverage.url, ""), func.nullif(Coverage.headline, ""))
    pieces = (
        select(link.label("link"))
        .where(Coverage.enquiry_id == Enquiry.id, link.is_not(None))
        .order_by(Coverage.id)
        .correlate(Enquiry)
        .subquery()
    )
    return select(func.aggregate_strings(pieces.c.link, COVERAGE_SEPARATOR)).scalar_subquery()
