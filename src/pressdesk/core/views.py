"""What the core hands the faces: the services' views (re-exported) and the results the core composes itself.

Faces import their types from here, never from the services. Results that several values make up are named
tuples, so `row, found, asked, spread = core.route_suggestions(...)` and `options.suggestions` both read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import import_module
from typing import TYPE_CHECKING, Any, NamedTuple

from pressdesk.core.trust_views import (
    DeskCheck,
    EraseDone,
    ErasedPerson,
    HistoryRow,
    NotToldRow,
    PurgeDone,
    QuietPerson,
    SubjectAccess,
    Written,
)
from pressdesk.models.views import (
    ActivityRow,
    CoverageView,
    DeskCounts,
    EnquiryDetail,
    EnquiryRow,
    ErasurePreview,
    ExpertRecord,
    InterviewLine,
    InterviewView,
    PersonRow,
    PointView,
    ReleaseRow,
    SearchHit,
    StatementView,
    Suggestion,
)

if TYPE_CHECKING:
    from pressdesk.exchange.export.document import Chart, Figure, ReportDocument, Table
    from pressdesk.exchange.release import ParsedRelease
    from pressdesk.exchange.release.review import EXPERT, Person, people_of, reviewed
    from pressdesk.services.reports import Report

__all__ = [
    "EXPERT",
    "Person",
    "people_of",
    "reviewed",
    "ActivityRow",
    "BackupMade",
    "Booked",
    "CallerCard",
    "CallerLookup",
    "Chart",
    "Completed",
    "CoverageView",
    "Declined",
    "DeskCheck",
    "DeskCounts",
    "DeskPage",
    "DeskPlace",
    "DeskRows",
    "DeskView",
    "DESK_VIEWS",
    "EnquiryDetail",
    "EnquiryRow",
    "EraseDone",
    "ErasedPerson",
    "ErasurePreview",
    "ExpertRecord",
    "Exported",
    "Figure",
    "HistoryRow",
    "InterviewDesk",
    "InterviewLine",
    "InterviewView",
    "ListedEnquiry",
    "NotToldRow",
    "PersonRow",
    "PointView",
    "PurgeDone",
    "QuietPerson",
    "ReleaseImport",
    "ReleaseRow",
    "ReportDocument",
    "ReportView",
    "Restored",
    "Revision",
    "RouteOptions",
    "Routed",
    "SchemaStatus",
    "SearchHit",
    "StatementView",
    "SubjectAccess",
    "Suggestion",
    "Table",
    "Upgraded",
    "WrittenLog",
    "WrittenReport",
    "Written",
]

_LOADED_LATER = {
    "Chart": "pressdesk.exchange.export.document",
    "Figure": "pressdesk.exchange.export.document",
    "ReportDocument": "pressdesk.exchange.export.document",
    "Table": "pressdesk.exchange.export.document",
    "EXPERT": "pressdesk.exchange.release.review",
    "Person": "pressdesk.exchange.release.review",
    "people_of": "pressdesk.exchange.release.review",
    "reviewed": "pressdesk.exchange.release.review",
}
"""Report documents and the release review, imported on first use: the desk's first page needs neither (issue 13)."""


def __getattr__(name: str) -> Any:
    """A report-document or release-review name, imported when first asked for."""
    if name in _LOADED_LATER:
        return getattr(import_module(_LOADED_LATER[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True, slots=True)
class CallerCard:
    """Who is calling, as the log-a-call form shows it."""

    journalist: PersonRow
    recent: tuple[EnquiryRow, ...]
    matched_by: str
    """How they were found: "phone", "email", "name" or "choice"."""


@dataclass(frozen=True, slots=True)
class CallerLookup:
    """What the log form knows about the caller from what is typed so far."""

    owner: CallerCard | None
    """Who has the number (or email) typed."""
    will_be: CallerCard | None
    """Who saving would log the call for; None: a new journalist, or refused."""
    refusal: str
    """Why saving would be refused, else ""."""
    same_name: tuple[PersonRow, ...]
    """Those sharing the whole name typed, when that is why saving would be refused."""
    names: tuple[PersonRow, ...]
    """Those whose name contains the name typed: suggestions, never chosen for you."""


@dataclass(frozen=True, slots=True)
class DeskPage:
    """A page of the desk with its header counts."""

    counts: DeskCounts | None
    """The header strip's numbers, on the first page only."""
    rows: tuple[EnquiryRow, ...]
    after: tuple[datetime | None, int] | None
    """The cursor this page started after, None for the first."""
    more: bool
    next_after: tuple[datetime | None, int] | None = None
    """The cursor to ask for the next page with (its view's sort time and id of the last row)."""


@dataclass(frozen=True, slots=True)
class DeskRows:
    """Some enquiries' rows as a desk view shows them, with the header counts (what a change re-reads)."""

    counts: DeskCounts
    rows: tuple[EnquiryRow, ...]
    """Those of the enquiries asked for that belong in the view, in its order; one missing has left it."""


DESK_VIEWS: tuple[str, ...] = ("open", "mine", "overdue", "closed today", "all")
"""The desk's views, in the order `v` cycles through them (services.desk_views.VIEWS)."""


def _micros(when: datetime | None) -> int:
    """A UTC time as whole microseconds since 1970 (exact, unlike a float timestamp), 0 for none."""
    return (when.replace(tzinfo=None) - datetime(1970, 1, 1)) // timedelta(microseconds=1) if when else 0


@dataclass(frozen=True, slots=True)
class DeskView:
    """What the desk shows: a view (open, mine, overdue, closed today, all) narrowed by officer, type and outlet."""

    name: str = "open"
    officer: str = ""
    type: str = ""
    outlet: str = ""

    def cycled(self) -> DeskView:
        """The next view, the narrowing kept."""
        following = DESK_VIEWS[(DESK_VIEWS.index(self.name) + 1) % len(DESK_VIEWS)]
        return DeskView(following, self.officer, self.type, self.outlet)

    def order_key(self, row: EnquiryRow) -> tuple:
        """Where a row stands in this view's order, smallest first: by deadline (none last) for open enquiries,
        newest closing or arrival first for the others (services.desk_views reads pages in this order)."""
        if self.name in ("open", "mine", "overdue"):
            return (row.deadline is None, _micros(row.deadline), row.id)
        return (-_micros(row.closed_at if self.name == "closed today" else row.received_at), -row.id)

    @property
    def narrowed(self) -> bool:
        """Whether an officer, type or outlet is chosen."""
        return bool(self.officer or self.type or self.outlet)

    @property
    def label(self) -> str:
        """The view in words: "open", "all · officer Jo · type interview · outlet BBC News"."""
        parts = [self.name]
        parts += [f"{what} {value}" for what, value in (("officer", self.officer), ("type", self.type)) if value]
        if self.outlet:
            parts.append(f"outlet {self.outlet}")
        return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class ListedEnquiry:
    """An enquiry with its journalist's emails and phones, as listings and `log --json` print it."""

    row: EnquiryRow
    emails: tuple[str, ...]
    phones: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """The enquiry's fields with the journalist's emails and phones."""
        return self.row.to_json() | {"emails": list(self.emails), "phones": list(self.phones)}


class RouteOptions(NamedTuple):
    """Everything the routing screen shows for an enquiry."""

    enquiry: EnquiryRow
    suggestions: list[Suggestion]
    asked: list[tuple[str, str]]
    """(name, status) of the experts asked already."""
    spread: list[tuple[str, int]]
    """(name, requests) of every expert over the last days, most first."""


class Routed(NamedTuple):
    """An enquiry offered to an expert by name or id."""

    request_id: int
    enquiry_id: int
    expert_id: int
    expert: str
    """The expert's name."""
    honorific: str
    status: str
    """The enquiry's status afterwards."""


class Declined(NamedTuple):
    """An expert said no: the next suggestions (the decliner left out) and where the enquiry stands."""

    suggestions: list[Suggestion]
    enquiry_id: int
    status: str


class Completed(NamedTuple):
    """An interview done, and the enquiry's status afterwards."""

    enquiry_id: int
    status: str


class InterviewDesk(NamedTuple):
    """An enquiry's interviews screen: the enquiry, its requests, its coverage, the statement it was given."""

    enquiry: EnquiryRow
    interviews: list[InterviewLine]
    coverage: list[CoverageView]
    statement: str
    """"Title (revision N)" of the statement given, or ""."""


class Exported(NamedTuple):
    """Scheduled interviews written to a calendar file."""

    count: int
    where: str
    """The full path written (or "-" for a stream)."""


class ReleaseImport(NamedTuple):
    """A release read and (unless a dry run) stored with its experts and press contacts."""

    parsed: ParsedRelease
    release_id: int | None
    """None for a dry run."""
    created: list[str]
    matched: list[str]


class Revision(NamedTuple):
    """A statement's new revision."""

    statement_id: int
    revision: int


class DeskPlace(NamedTuple):
    """Where a desk was made (or found): its file, or its URL with any password masked."""

    where: str
    existed: bool


class OfficerView(NamedTuple):
    """An officer on the desk's list."""

    name: str
    initials: str
    email: str


class Copied(NamedTuple):
    """A desk copied into another: both places (passwords masked) and the rows copied per table."""

    source: str
    target: str
    rows: dict[str, int]


class SchemaStatus(NamedTuple):
    """A desk's location and where its schema stands against the migrations shipped."""

    url: str
    """Masked: never a password."""
    current: str | None
    head: str
    pending: tuple[str, ...]


class Upgraded(NamedTuple):
    """A desk's schema before and after running the migrations."""

    before: str | None
    after: str | None
    was_up_to_date: bool


class Booked(NamedTuple):
    """An interview's slot as booked."""

    start: datetime
    end: datetime | None
    format: str
    place: str


class WrittenLog(NamedTuple):
    """Enquiries written to a log file."""

    count: int
    where: str
    """The full path written (or "-" for a stream)."""


class ReportView(NamedTuple):
    """The report of a period: its figures (Report, as `report --json` prints it) and the same laid out as headline
    figures and tables (ReportDocument, as the report files and the Reports screen show them)."""

    report: Report
    document: ReportDocument


class WrittenReport(NamedTuple):
    """A report written to a file."""

    report: Report
    where: str
    """The full path written (or "-" for a stream)."""


# --- trust: backups, checks, data protection ------------------------------------------------------------


class BackupMade(NamedTuple):
    """A backup written: the file, private to its owner, and its size."""

    path: str
    size: int


class Restored(NamedTuple):
    """A restore done: what it was checked for, the schema it came at and stands at now, where the old desk went."""

    restored_from: str
    checked: tuple[str, ...]
    """What the copy passed before anything was replaced."""
    copy_revision: str
    revision: str
    replaced: str | None
    """The copy of the desk it replaced (None: there was no desk, or it went into an empty server desk)."""
    on_server: bool = False
    """Whether it went into an empty desk on a PostgreSQL server (nothing there to replace)."""
