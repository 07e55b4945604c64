"""What the core hands the faces: the services' views (re-exported) and the results the core composes itself.

Faces import their types from here, never from the services. Results that several values make up are named
tuples, so `row, found, asked, spread = core.route_suggestions(...)` and `options.suggestions` both read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from pressdesk.exchange.release.review import EXPERT, Person, people_of, reviewed
from pressdesk.models.views import (
    ActivityRow,
    CoverageView,
    DeskCounts,
    EnquiryDetail,
    EnquiryRow,
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
    from pressdesk.exchange.release import ParsedRelease

__all__ = [
    "EXPERT",
    "Person",
    "people_of",
    "reviewed",
    "ActivityRow",
    "Booked",
    "CallerCard",
    "CallerLookup",
    "Completed",
    "CoverageView",
    "Declined",
    "DeskCounts",
    "DeskPage",
    "DeskPlace",
    "EnquiryDetail",
    "EnquiryRow",
    "ExpertRecord",
    "Exported",
    "InterviewDesk",
    "InterviewLine",
    "InterviewView",
    "ListedEnquiry",
    "PersonRow",
    "PointView",
    "ReleaseImport",
    "ReleaseRow",
    "Revision",
    "RouteOptions",
    "Routed",
    "SchemaStatus",
    "SearchHit",
    "StatementView",
    "Suggestion",
    "Upgraded",
]


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
    """The (deadline, id) cursor this page started after, None for the first."""
    more: bool


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
