"""Building a report: each figure one GROUP BY or window query over the period's enquiries."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, literal, select
from sqlmodel import Session

from pressdesk.models import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    SAID_YES,
    Coverage,
    Enquiry,
    Expert,
    InterviewRequest,
    Journalist,
    Outlet,
    Release,
    utcnow,
)
from pressdesk.services import enquiry_facts as facts
from pressdesk.services.reports.figures import (
    BusyJournalist,
    Count,
    CoverageCounts,
    DayCount,
    Deadlines,
    InterviewCounts,
    Interviews,
    OutletCoverage,
    Period,
    Report,
    Response,
    Times,
    Totals,
)
from pressdesk.services.reports.periods import _days, _title, local_day

BUSIEST = 10
"""How many journalists the busiest list names."""


# --- the figures ----------------------------------------------------------------------------------
def _in(period: Period):
    """The enquiries received in the period."""
    return and_(Enquiry.received_at >= period.start, Enquiry.received_at < period.end)


def _flag(condition):
    """1 where the condition holds, else 0: for SUM."""
    return case((condition, 1), else_=0)


_OPEN = Enquiry.status.in_(OPEN_STATUSES)


_CLOSED = Enquiry.status.in_(CLOSED_STATUSES)


def _totals(session: Session, period: Period) -> Totals:
    """The totals row."""
    row = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(_flag(_OPEN)), 0),
            func.coalesce(func.sum(_flag(_CLOSED)), 0),
            *(func.coalesce(func.sum(_flag(Enquiry.status == s)), 0) for s in ("done", "declined", "withdrawn")),
            func.count(Enquiry.first_response_at),
        ).where(_in(period))
    ).one()
    return Totals(*(int(v) for v in row))


def _by_day(session: Session, period: Period) -> tuple[DayCount, ...]:
    """Enquiries per local day, every day of the period listed (zero included)."""
    zone = ZoneInfo(period.tz)
    day = local_day(Enquiry.received_at, period.start, period.end, zone).label("day")
    counted = {
        date.fromisoformat(str(d)): n
        for d, n in session.execute(select(day, func.count()).where(_in(period)).group_by(day))
    }
    return tuple(DayCount(d, counted.get(d, 0)) for d in _days(period.start, period.end, zone))


def _counted(rows) -> tuple[Count, ...]:
    """Breakdown rows (name, enquiries, open, closed) as Counts."""
    return tuple(Count(n, int(a), int(b), int(c)) for n, a, b, c in rows)


def _per_value(period: Period, key):
    """Enquiries, open and closed per value of an enquiry column, as a subquery (k, n, open, closed)."""
    return (
        select(
            key.label("k"),
            func.count().label("n"),
            func.sum(_flag(_OPEN)).label("open"),
            func.sum(_flag(_CLOSED)).label("closed"),
        )
        .where(_in(period))
        .group_by(key)
        .subquery()
    )


def _breakdown(session: Session, period: Period, key, *, blank_is_none: bool = False) -> tuple[Count, ...]:
    """Enquiries (open, closed) per value of an enquiry column, most first (a blank value as None if asked)."""
    counts = _per_value(period, key)
    name = func.nullif(counts.c.k, "") if blank_is_none else counts.c.k
    query = select(name, counts.c.n, counts.c.open, counts.c.closed).order_by(counts.c.n.desc(), name.is_(None), name)
    return _counted(session.execute(query))


def _named_breakdown(session: Session, period: Period, key, table, name) -> tuple[Count, ...]:
    """Enquiries (open, closed) per row another table names by `key` (outlet, release): counted first, then named."""
    counts = _per_value(period, key)
    shown = (
        select(name, counts.c.n, counts.c.open, counts.c.closed)
        .select_from(counts)
        .outerjoin(table, table.id == counts.c.k)
        .order_by(counts.c.n.desc(), name.is_(None), name)
    )
    return _counted(session.execute(shown))


def _by_expert(session: Session, period: Period) -> tuple[Count, ...]:
    """Enquiries (open, closed) per expert asked for an interview (an enquiry counts once per expert)."""
    name = facts.expert_label()
    query = (
        select(
            name,
            func.count(Enquiry.id.distinct()),
            func.count(case((_OPEN, Enquiry.id)).distinct()),
            func.count(case((_CLOSED, Enquiry.id)).distinct()),
        )
        .select_from(InterviewRequest)
        .join(Enquiry, Enquiry.id == InterviewRequest.enquiry_id)
        .join(Expert, Expert.id == InterviewRequest.expert_id)
        .where(_in(period))
        .group_by(Expert.id, name)
        .order_by(func.count(Enquiry.id.distinct()).desc(), name)
    )
    return _counted(session.execute(query))


def _percentile(n, value_rank, value, share: tuple[int, int]):
    """One group's percentile_cont(share) as a SUM over its ranked values: the two around the spot, interpolated."""
    num, den = share
    spot = (n - 1) * num
    low = spot // den
    fraction = (spot % den) * 1.0 / den
    return func.sum(
        case((value_rank == low, value * (1 - fraction)), (value_rank == low + 1, value * fraction), else_=0)
    )


def _times(session: Session, period: Period, group=None) -> list[Times]:
    """Answered count, median and 90th percentile of minutes to first response, overall or per `group`.

    The minutes are worked out once per enquiry (inner query), ranked in their group by a window function, and
    each percentile interpolated between the two values around its spot, as percentile_cont does.
    """
    answered = (
        select((group if group is not None else literal(None)).label("g"), facts.response_minutes().label("v"))
        .where(_in(period), Enquiry.first_response_at.is_not(None))
        .subquery()
    )
    partition = {"partition_by": answered.c.g} if group is not None else {}
    ranked = select(
        answered.c.g,
        answered.c.v,
        (func.row_number().over(order_by=answered.c.v, **partition) - 1).label("i"),
        func.count().over(**partition).label("n"),
    ).subquery()
    rows = session.execute(
        select(
            ranked.c.g,
            func.max(ranked.c.n),
            _percentile(ranked.c.n, ranked.c.i, ranked.c.v, (1, 2)),
            _percentile(ranked.c.n, ranked.c.i, ranked.c.v, (9, 10)),
        )
        .group_by(ranked.c.g)
        .order_by(ranked.c.g)
    )
    return [Times(g, int(n), round(float(m), 1), round(float(p), 1)) for g, n, m, p in rows]


def _response(session: Session, period: Period) -> Response:
    """Response times overall and by type."""
    overall = _times(session, period)
    empty = Times(None, 0, None, None)
    return Response(overall=overall[0] if overall else empty, by_type=tuple(_times(session, period, Enquiry.type)))


def _deadlines(session: Session, period: Period, now: datetime) -> Deadlines:
    """Deadlines met, missed, none and pending, with the share met of those met or missed."""
    verdict = facts.deadline_met(now)
    conditions = (
        verdict == facts.MET,
        verdict == facts.MISSED,
        verdict == facts.NO_DEADLINE,
        and_(verdict == facts.PENDING, _OPEN),
        and_(verdict == facts.PENDING, _CLOSED),
    )
    row = session.execute(select(*(func.coalesce(func.sum(_flag(c)), 0) for c in conditions)).where(_in(period))).one()
    met, missed, none, pending, unknown = (int(v) for v in row)
    share = round(met / (met + missed), 4) if met + missed else None
    return Deadlines(met, missed, none, pending, share, unknown)


def _interview_columns():
    """Requested, accepted, declined, held, cancelled, waiting: counts of interview requests."""
    status = InterviewRequest.status
    return (
        func.count(InterviewRequest.id),
        func.coalesce(func.sum(_flag(status.in_(SAID_YES))), 0),
        func.coalesce(func.sum(_flag(status == "declined")), 0),
        func.coalesce(func.sum(_flag(status == "done")), 0),
        func.coalesce(func.sum(_flag(status == "cancelled")), 0),
        func.coalesce(func.sum(_flag(status == "offered")), 0),
    )


def _interviews(session: Session, period: Period) -> Interviews:
    """Interview requests of the period's enquiries, in all and per expert."""
    total = session.execute(
        select(*_interview_columns()).join(Enquiry, Enquiry.id == InterviewRequest.enquiry_id).where(_in(period))
    ).one()
    expert = facts.expert_label().label("expert")
    per_expert = session.execute(
        select(expert, *_interview_columns())
        .join(Enquiry, Enquiry.id == InterviewRequest.enquiry_id)
        .join(Expert, Expert.id == InterviewRequest.expert_id)
        .where(_in(period))
        .group_by(Expert.id, expert)
        .order_by(func.count(InterviewRequest.id).desc(), expert)
    )
    return Interviews(
        *(int(v) for v in total),
        per_expert=tuple(InterviewCounts(name, *(int(v) for v in counts)) for name, *counts in per_expert),
    )


def _coverage(session: Session, period: Period) -> CoverageCounts:
    """Coverage of the period's enquiries: pieces, enquiries with any, pieces per outlet."""
    count, linked = session.execute(
        select(func.count(Coverage.id), func.count(Coverage.enquiry_id.distinct()))
        .join(Enquiry, Enquiry.id == Coverage.enquiry_id)
        .where(_in(period))
    ).one()
    by_outlet = session.execute(
        select(Outlet.name, func.count(Coverage.id))
        .join(Enquiry, Enquiry.id == Coverage.enquiry_id)
        .outerjoin(Outlet, Outlet.id == Coverage.outlet_id)
        .where(_in(period))
        .group_by(Outlet.id, Outlet.name)
        .order_by(func.count(Coverage.id).desc(), Outlet.name.is_(None), Outlet.name)
    )
    return CoverageCounts(int(count), int(linked), tuple(OutletCoverage(n, int(c)) for n, c in by_outlet))


def _busiest(session: Session, period: Period) -> tuple[BusyJournalist, ...]:
    """The journalists with the most enquiries in the period: counted per journalist first, then named."""
    counts = (
        select(Enquiry.journalist_id.label("k"), func.count().label("n"))
        .where(_in(period), Enquiry.journalist_id.is_not(None))
        .group_by(Enquiry.journalist_id)
        .subquery()
    )
    rows = session.execute(
        select(Journalist.name, Outlet.name, counts.c.n)
        .select_from(counts)
        .join(Journalist, Journalist.id == counts.c.k)
        .outerjoin(Outlet, Outlet.id == Journalist.outlet_id)
        .order_by(counts.c.n.desc(), Journalist.name)
        .limit(BUSIEST)
    )
    return tuple(BusyJournalist(name, outlet, int(n)) for name, outlet, n in rows)


def build_report(
    session: Session,
    start: datetime,
    end: datetime,
    period: str = "custom",
    *,
    tz: str = "Europe/London",
    now: datetime | None = None,
) -> Report:
    """The report of the enquiries received from `start` to `end` (excluded), as of `now` (which decides the deadlines
    still pending); `period` names the span ("day", "week", "month", "custom"). An empty period gives zeros."""
    now = now or utcnow()
    span = Period(label=period, start=start, end=end, tz=tz, title=_title(start, end, ZoneInfo(tz)))
    return Report(
        period=span,
        totals=_totals(session, span),
        by_day=_by_day(session, span),
        by_type=_breakdown(session, span, Enquiry.type),
        by_outlet=_named_breakdown(session, span, Enquiry.outlet_id, Outlet, Outlet.name),
        by_channel=_breakdown(session, span, Enquiry.channel),
        by_release=_named_breakdown(session, span, Enquiry.release_id, Release, Release.title),
        by_expert=_by_expert(session, span),
        by_officer=_breakdown(session, span, Enquiry.officer, blank_is_none=True),
        response=_response(session, span),
        deadlines=_deadlines(session, span, now),
        interviews=_interviews(session, span),
        coverage=_coverage(session, span),
        busiest_journalists=_busiest(session, span),
    )
