"""What an import reads, rejects and reports: file shapes, rows, people and the summary."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Table

from pressdesk import validation
from pressdesk.models import Expert, Journalist
from pressdesk.models.views import JsonMixin

AS = {"journalists": "journalist", "experts": "expert"}
"""What the people of a file may be imported as."""


BATCH = 2000
"""Rows looked up and written together."""


ROWS_PER_STATEMENT = 2000
"""Rows one INSERT writes at most (measured: 500 a statement took 1.7 times as long as 2,000, search triggers and
all; 2,000 is as quick as filling the search index in one go after the rows)."""


_IN_CHUNK = 500
"""Values in one SQL IN list."""


@dataclass(frozen=True, slots=True)
class Rejected(JsonMixin):
    """A value that was not taken: where it is in the file, what it is and why."""

    file: str
    row: int
    field: str
    value: str
    reason: str


@dataclass(frozen=True, slots=True)
class ReviewItem(JsonMixin):
    """A row that may be the same person as another, which the import would not decide."""

    file: str
    row: int
    name: str
    other: str
    other_id: int | None
    """The other person's id when they were on the desk before this import (None for one it brought in)."""
    score: int
    reason: str


@dataclass(slots=True)
class ImportSummary(JsonMixin):
    """What an import did (or, in a dry run, would do): rows added, updated, merged, unchanged, what was refused."""

    files: list[str]
    entity: str
    dry_run: bool
    rows: int = 0
    added: int = 0
    updated: int = 0
    merged: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Shape:
    """Where an entity keeps what a file gives: its table, and the columns for job title, topics and owner."""

    entity: str
    table: Table
    role: str
    beat: str
    owner: str
    limits: dict[str, str]


_SHAPES = {
    "journalist": _Shape(
        "journalist",
        Journalist.__table__,
        "role",
        "beat",
        "journalist_id",
        {"name": "journalist.name", "role": "journalist.role", "beat": "journalist.beat", "notes": "journalist.notes"},
    ),
    "expert": _Shape(
        "expert",
        Expert.__table__,
        "title",
        "topics",
        "expert_id",
        {"name": "expert.name", "role": "expert.title", "beat": "expert.topics", "notes": "expert.notes"},
    ),
}


_ORG_LIMIT = {"journalist": "outlet.name", "expert": "expert.affiliation"}


@dataclass(slots=True)
class _Point:
    """A checked phone number or email address of a row."""

    kind: str
    key: str
    value: str
    raw: str
    extension: str
    label: str


@dataclass(slots=True)
class _Row:
    """A row with its text cleaned and its details checked."""

    source: str
    row: int
    name: str
    words: str
    name_key: str
    org_name: str
    role: str
    beat: str
    notes: str
    points: list[_Point]
    org: int | str | None = None


@dataclass(eq=False, slots=True)
class _Person:
    """Someone on the desk, or brought in by this import, as the import sees them."""

    id: int | None
    name: str
    words: str
    name_key: str
    org: int | str | None
    role: str
    beat: str
    notes: str
    keys: set[tuple[str, str]]
    existed: bool
    positions: int = 0
    labels: dict[tuple[str, str], object] = field(default_factory=dict)
    """The label of each email and number, or the pending _Point of one this import adds."""
    origin: str = ""
    org_name: str = ""

    def shown(self) -> str:
        """The person as a review line names them."""
        where = f" ({self.org_name})" if self.org_name else ""
        came = f", {self.origin}" if self.origin else ""
        return (f"#{self.id} " if self.existed else "") + self.name + where + came


@dataclass(slots=True)
class _Batch:
    """What one batch will write: people new and changed, their emails and numbers, labels, history, review pairs."""

    new_people: list[_Person] = field(default_factory=list)
    changed: dict[int, _Person] = field(default_factory=dict)
    points: list[tuple[_Person, _Point]] = field(default_factory=list)
    history: list[tuple[_Person, str, str]] = field(default_factory=list)
    reviews: list[tuple[_Person, _Person, float, str]] = field(default_factory=list)
    relabel: list[tuple[_Person, tuple[str, str], str]] = field(default_factory=list)


def _tidy(text: str, *, multiline: bool = False) -> str:
    """Text cleaned of escapes and control characters (plain printable ASCII, most cells, only stripped)."""
    if text.isascii() and text.isprintable() and "^" not in text:
        return text.strip()
    return validation.clean_text(text, multiline=multiline)


_FORMULA = "This looks like a spreadsheet formula, not text; it was left out."


_FORMULA_START = frozenset("=+-@")


_SHORTEST_LIMIT = 200
"""The shortest length limit of a field an import fills (names, outlets, job titles, topics): shorter text fits."""


_NAMELESS = "No usable name, and none of its emails or numbers is anyone's on the desk: the row was left out."
