"""What the core hands the faces about the desk's health and personal data: checks, erasure, purges, history, subject
access (re-exported by core.views)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple


@dataclass(frozen=True, slots=True)
class DeskCheck:
    """What `db check` found: SQLite's integrity and foreign-key checks, and the search index against its tables."""

    ok: bool
    problems: tuple[str, ...]
    """Each finding as a sentence."""
    checked: tuple[str, ...]
    """What was checked (a server database: nothing, it looks after itself)."""
    rebuilt: bool = False
    """Whether the search index was made again from the tables first."""

    def to_json(self) -> dict[str, Any]:
        """The check as --json prints it."""
        return {"ok": self.ok, "checked": list(self.checked), "problems": list(self.problems), "rebuilt": self.rebuilt}


@dataclass(frozen=True, slots=True)
class NotToldRow:
    """A person not yet told the desk holds their details, more than a month after they were collected."""

    kind: str
    id: int
    name: str
    source: str
    collected_at: datetime
    days_over: int
    """Days since the month ran out."""

    def to_json(self) -> dict[str, Any]:
        """The row as --json prints it."""
        return {
            "kind": self.kind,
            "id": self.id,
            "name": self.name,
            "source": self.source,
            "collected_at": self.collected_at.isoformat(),
            "days_over": self.days_over,
        }


@dataclass(frozen=True, slots=True)
class ErasedPerson:
    """What erasing one person did, in counts only (nothing about who they were)."""

    kind: str
    id: int
    enquiries: int
    history_rows: int
    text_rows: int
    """Other free text (notes, subjects, history, releases) on the desk their name or numbers were taken out of."""
    do_not_contact: int
    """Numbers and addresses put on the do-not-contact list."""


@dataclass(frozen=True, slots=True)
class EraseDone:
    """An erasure: who went, and what the check of the desk's files found afterwards."""

    people: tuple[ErasedPerson, ...]
    files_checked: bool
    """False for a server database, whose files pressdesk cannot see."""
    traces: int
    """Occurrences of their name, numbers or addresses still found in the desk file, its WAL or shared memory."""
    wal_emptied: bool
    vacuumed: bool
    namesakes: int = 0
    """Other people on the desk with the same name: their own records keep it, and it is not counted in traces."""

    def to_json(self) -> dict[str, Any]:
        """The erasure as --json prints it (counts only)."""
        return {
            "people": [
                {
                    "kind": p.kind,
                    "id": p.id,
                    "enquiries_anonymised": p.enquiries,
                    "history_rows_anonymised": p.history_rows,
                    "other_texts_cleaned": p.text_rows,
                    "added_to_do_not_contact": p.do_not_contact,
                }
                for p in self.people
            ],
            "files_checked": self.files_checked,
            "traces_left": self.traces,
            "wal_emptied": self.wal_emptied,
            "vacuumed": self.vacuumed,
            "namesakes": self.namesakes,
        }


class QuietPerson(NamedTuple):
    """Someone with no activity since a purge's cut-off."""

    kind: str
    id: int
    name: str


class PurgeDone(NamedTuple):
    """A purge: its cut-off, who it found, how many it anonymised (0 for a dry run)."""

    cut_off: datetime
    people: tuple[QuietPerson, ...]
    erased: int
    dry_run: bool


class Written(NamedTuple):
    """A file written: how many records went into it, and where."""

    count: int
    where: str


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One change on the history: when, which officer, what, on which record, what changed."""

    id: int
    at: str
    """ISO 8601, UTC."""
    who: str
    action: str
    entity: str
    entity_id: int | None
    enquiry_id: int | None
    summary: str
    changes: dict[str, object]

    def to_json(self) -> dict[str, object]:
        """The row as the history export writes it."""
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class SubjectAccess:
    """Everything held about the people one subject access request named, as the JSON document sent to them."""

    people: int
    document: dict[str, object]
