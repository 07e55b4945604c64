"""The report of a period and the figures it holds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pressdesk.models.views import JsonMixin

PERIODS = ("day", "week", "month")
"""The periods a report can be asked for by name: today, this week, this month."""


@dataclass(frozen=True, slots=True)
class Period(JsonMixin):
    """The span a report covers: start included, end excluded, read in the desk's time zone."""

    label: str
    """"day", "week", "month" or "custom"."""
    start: datetime
    end: datetime
    tz: str
    title: str
    """The span in words: "Mon 16 Nov – Sun 22 Nov 2026"."""


@dataclass(frozen=True, slots=True)
class Totals(JsonMixin):
    """How many enquiries came in, and where they stand now."""

    enquiries: int
    open: int
    closed: int
    done: int
    declined: int
    withdrawn: int
    answered: int
    """Given a first response (a move out of new, or a note)."""


@dataclass(frozen=True, slots=True)
class Count(JsonMixin):
    """One line of a breakdown: a name (None for none: no outlet, unassigned...) and its enquiries."""

    name: str | None
    enquiries: int
    open: int
    closed: int


@dataclass(frozen=True, slots=True)
class DayCount(JsonMixin):
    """Enquiries received on one local day."""

    day: date
    enquiries: int


@dataclass(frozen=True, slots=True)
class Times(JsonMixin):
    """Minutes from the call to the first response, over the answered enquiries of a group."""

    name: str | None
    answered: int
    median_minutes: float | None
    p90_minutes: float | None


@dataclass(frozen=True, slots=True)
class Response(JsonMixin):
    """Response times overall and by enquiry type (percentiles as PostgreSQL's percentile_cont gives them)."""

    overall: Times
    by_type: tuple[Times, ...]


@dataclass(frozen=True, slots=True)
class Deadlines(JsonMixin):
    """Deadlines met, missed, none to meet, still pending (open, not due yet), and unknown (closed before the desk
    kept closing times); share met of those met or missed. See enquiry_facts for the rule."""

    met: int
    missed: int
    none: int
    pending: int
    share_met: float | None
    unknown: int = 0


@dataclass(frozen=True, slots=True)
class InterviewCounts(JsonMixin):
    """Interview requests: asked, said yes (accepted, scheduled or held), declined, held, cancelled, unanswered."""

    name: str | None
    requested: int
    accepted: int
    declined: int
    held: int
    cancelled: int
    waiting: int


@dataclass(frozen=True, slots=True)
class Interviews(JsonMixin):
    """Interview requests of the period's enquiries, in all and per expert."""

    requested: int
    accepted: int
    declined: int
    held: int
    cancelled: int
    waiting: int
    per_expert: tuple[InterviewCounts, ...]


@dataclass(frozen=True, slots=True)
class OutletCoverage(JsonMixin):
    """Pieces of coverage in one outlet."""

    name: str | None
    pieces: int


@dataclass(frozen=True, slots=True)
class CoverageCounts(JsonMixin):
    """Coverage that came of the period's enquiries."""

    count: int
    linked_enquiries: int
    by_outlet: tuple[OutletCoverage, ...]


@dataclass(frozen=True, slots=True)
class BusyJournalist(JsonMixin):
    """A journalist and how many enquiries they made."""

    name: str
    outlet: str | None
    enquiries: int


@dataclass(frozen=True, slots=True)
class Report(JsonMixin):
    """The report of a period."""

    period: Period
    totals: Totals
    by_day: tuple[DayCount, ...]
    by_type: tuple[Count, ...]
    by_outlet: tuple[Count, ...]
    by_channel: tuple[Count, ...]
    by_release: tuple[Count, ...]
    by_expert: tuple[Count, ...]
    by_officer: tuple[Count, ...]
    response: Response
    deadlines: Deadlines
    interviews: Interviews
    coverage: CoverageCounts
    busiest_journalists: tuple[BusyJournalist, ...]

    @property
    def is_empty(self) -> bool:
        """Whether no enquiry came in during the period."""
        return self.totals.enquiries == 0
