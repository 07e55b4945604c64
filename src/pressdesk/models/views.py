"""Plain, frozen objects the services hand up to the core and the faces: never live ORM rows."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from pressdesk.models.enums import Effect


def _jsonable(value: Any) -> Any:
    """Dates as ISO strings, tuples as lists, the rest as is."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


class JsonMixin:
    """Gives a dataclass a JSON-ready dict."""

    def to_json(self) -> dict[str, Any]:
        """The fields as JSON-ready values."""
        return _jsonable(asdict(self))  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class EnquiryRow(JsonMixin):
    """One line of the desk."""

    id: int
    received_at: datetime
    deadline: datetime | None
    journalist_id: int | None
    journalist: str
    outlet: str
    type: str
    subject: str
    expert: str
    status: str
    officer: str
    priority: str
    channel: str
    release_id: int | None
    version: int
    closed_at: datetime | None = None
    """When it reached done, declined or withdrawn; None while open."""


@dataclass(frozen=True, slots=True)
class PointView(JsonMixin):
    """A phone number or email address as shown."""

    kind: str
    value: str
    raw: str
    extension: str
    valid: bool
    problem: str


@dataclass(frozen=True, slots=True)
class PersonRow(JsonMixin):
    """A journalist, expert or press contact in a list."""

    id: int
    kind: str
    name: str
    outlet: str
    role: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    version: int
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ReleaseRow(JsonMixin):
    """A release in a list."""

    id: int
    title: str
    issued_on: date | None
    embargo_until: datetime | None
    experts: tuple[str, ...]
    press_contacts: tuple[PersonRow, ...]


@dataclass(frozen=True, slots=True)
class ActivityRow(JsonMixin):
    """One line of history."""

    at: datetime
    who: str
    action: str
    summary: str


@dataclass(frozen=True, slots=True)
class InterviewView(JsonMixin):
    """An interview request as shown on its enquiry."""

    id: int
    expert_id: int
    expert: str
    status: str
    slot_start: datetime | None
    slot_end: datetime | None
    format: str
    place: str
    version: int


@dataclass(frozen=True, slots=True)
class EnquiryDetail(JsonMixin):
    """Everything the detail pane shows about one enquiry."""

    row: EnquiryRow
    notes: str
    journalist: PersonRow | None
    release: ReleaseRow | None
    interviews: tuple[InterviewView, ...]
    history: tuple[ActivityRow, ...]
    past_enquiries: int


@dataclass(frozen=True, slots=True)
class DeskCounts(JsonMixin):
    """The header strip of the desk."""

    open: int
    due_soon: int
    overdue: int
    unrouted_interviews: int


@dataclass(frozen=True, slots=True)
class SearchHit(JsonMixin):
    """One search result: what it is, which one, and how to show it."""

    kind: str
    id: int
    title: str
    subtitle: str
    release_id: int | None = None
    """The release a press contact came from: where opening the hit goes."""
    release_title: str = ""


@dataclass(frozen=True, slots=True)
class CoverageView(JsonMixin):
    """One piece of coverage as listed on its enquiry."""

    id: int
    enquiry_id: int
    outlet: str
    published_on: date | None
    url: str
    headline: str
    note: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class InterviewLine(JsonMixin):
    """An interview request as listed on the desk."""

    id: int
    enquiry_id: int
    subject: str
    expert_id: int
    expert: str
    journalist: str
    outlet: str
    status: str
    slot_start: datetime | None
    slot_end: datetime | None
    format: str
    place: str
    version: int


@dataclass(frozen=True, slots=True)
class StatementView(JsonMixin):
    """A statement as listed or offered, with how well it fits (score 0 when not ranked)."""

    id: int
    title: str
    body: str
    topics: str
    release_id: int | None
    revision: int
    supersedes_id: int | None
    approved_by: str
    current: bool
    updated_at: datetime
    version: int
    score: float = 0.0
    matched: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason behind a routing suggestion: what to say, and what it does to the expert's chances."""

    text: str
    effect: Effect


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An expert proposed for an enquiry, with a score from 0 to 100 and the reasons for it."""

    expert_id: int
    name: str
    score: float
    reasons: tuple[Reason, ...]
    honorific: str = ""

    @property
    def display_name(self) -> str:
        """The name with its honorific, as said on the phone."""
        return f"{self.honorific} {self.name}".strip()

    @property
    def warnings(self) -> tuple[str, ...]:
        """The reasons that make routing there need a confirmation (Effect.BLOCK)."""
        return tuple(r.text for r in self.reasons if r.effect == Effect.BLOCK)

    def to_json(self) -> dict:
        """The JSON shape the CLI prints: {expert: {id, name}, score, reasons, warnings}."""
        return {
            "expert": {"id": self.expert_id, "name": self.name},
            "score": self.score,
            "reasons": [r.text for r in self.reasons],
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True, slots=True)
class ExpertRecord(JsonMixin):
    """An expert's editable fields as stored, blocked dates included, for a form to start from."""

    id: int
    version: int
    name: str
    honorific: str
    title: str
    affiliation: str
    topics: str
    languages: str
    working_hours: str
    blocked_dates: str
    weekly_limit: int
    media_trained: bool
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    """E.164 numbers, each with " ext. N" when it has an extension."""
    conflicts: str
    notes: str


@dataclass(frozen=True, slots=True)
class ErasurePreview(JsonMixin):
    """What erasing one person would take away, for the confirmation that names it before anything changes."""

    kind: str
    id: int
    name: str
    honorific: str
    points: tuple[tuple[str, str], ...]
    """(kind, value) of each phone number and email address: removed, and put on the do-not-contact list."""
    enquiries: int
    """Their enquiries: kept for the figures, anonymised (no journalist, notes cleared, their name taken out)."""
    history_rows: int
    """History rows about them, their enquiries or their interviews: anonymised."""
    interviews: int
    """Interview requests to them (an expert): removed."""
    releases: int
    """Releases naming them (an expert or press contact): the link is removed, the release stays."""

    @property
    def display_name(self) -> str:
        """The name with any honorific."""
        return f"{self.honorific} {self.name}".strip()
