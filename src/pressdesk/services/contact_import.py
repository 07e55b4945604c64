"""Import contacts from files: every detail checked, one record per person, all or nothing, written in bulk.

Rows are read one at a time and handled in batches: each batch's emails, numbers and names are looked up on the
desk in a few queries, each row is placed (a new person, or folded into the person it is), then the batch is written
with executemany-style Core inserts (the search triggers index them; journalists' name keys are set here, as the ORM
event that keys them does not run for Core inserts). Everything happens inside one savepoint: a failure half-way, or
a dry run, leaves the desk as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter
from pathlib import Path

from rapidfuzz import fuzz, process
from sqlalchemy import Table, bindparam, func, select, update
from sqlmodel import Session

from pressdesk import validation
from pressdesk.errors import FieldError
from pressdesk.exchange.contacts import ContactFileError, ContactRecord, read_contacts
from pressdesk.exchange.safe_cells import looks_like_formula
from pressdesk.limits import too_long
from pressdesk.models import Activity, ContactPoint, Expert, Journalist, Outlet, utcnow
from pressdesk.models.views import JsonMixin
from pressdesk.services import duplicates, likeness
from pressdesk.validation.phones import is_known_region

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


class _Import:
    """One import run: the desk's people as far as looked up, and what the current batch will write."""

    def __init__(
        self, session: Session, *, who: str, region: str, shape: _Shape, found_by: str, summary: ImportSummary
    ) -> None:
        self.session = session
        self.who = who
        self.region = region
        self.shape = shape
        self.found_by = found_by
        self.summary = summary
        self.now = utcnow()
        self.outlets: dict[str, int] | None = None
        self.org_people: dict[object, dict[object, str]] = {}
        self.created: set[int] = set()
        self.regions: dict[str, str] = {}
        self.not_duplicates = duplicates.not_duplicate_pairs(session, shape.entity)
        self.experts_loaded = False
        self.by_name_all: dict[str, list[object]] = {}
        self.outlet_names: dict[int, str] = {}
        self.org_keys: dict[str, str] = {}
        """Each outlet or affiliation name's key, folded once per import (a file names a few thousand outlets, each on
        many rows)."""
        self._new_batch()

    def _new_batch(self) -> None:
        """Forget what the last batch looked up and wrote."""
        self.people: dict[int, _Person] = {}
        self.key_owner: dict[tuple[str, str], _Person] = {}
        self.by_name: dict[str, list[object]] = {}
        self.new_people: list[_Person] = []
        self.changed: dict[int, _Person] = {}
        self.points: list[tuple[_Person, _Point]] = []
        self.history: list[tuple[_Person, str, str]] = []
        self.reviews: list[tuple[_Person, _Person, float, str]] = []
        self.relabel: list[tuple[_Person, tuple[str, str], str]] = []

    # --- checking a row ---------------------------------------------------------------------------------

    def reject(self, record: ContactRecord, field_name: str, value: str, reason: str) -> None:
        """Note a value that is not taken."""
        shown = validation.clean_text(value)[:200]
        self.summary.rejected.append(Rejected(record.source, record.row, field_name, shown, reason))

    def text(self, record: ContactRecord, attr: str, column: str, *, value: str | None = None) -> str:
        """A text field of the row, cleaned; a formula or an over-long text is rejected (and left out)."""
        raw = getattr(record, attr) if value is None else value
        if not raw:
            return ""
        multiline = attr == "notes"
        text = _tidy(raw, multiline=multiline)
        if not multiline:
            text = " ".join(text.split())  # a spreadsheet's stray double spaces
            if text[:1] in _FORMULA_START and looks_like_formula(text):
                self.reject(record, self._where(record, attr), raw, _FORMULA)
                return ""
        if len(text) > _SHORTEST_LIMIT and (problem := too_long(column, text)):
            self.reject(record, self._where(record, attr), raw, problem)
            return ""
        return text

    @staticmethod
    def _where(record: ContactRecord, attr: str) -> str:
        """The column (or columns) a text field came from."""
        if attr == "name":
            return record.fields.get("name") or _name_columns(record)
        return record.fields.get(attr, attr)

    def region_for(self, country: str) -> str:
        """The default region for a row's numbers: its own country where the file gives one, else the desk's."""
        country = (country or "").strip()
        if not country:
            return self.region
        if country not in self.regions:
            code = country.upper()
            if code == "UK":
                code = "GB"
            if not (len(code) == 2 and is_known_region(code)):
                import pycountry

                try:
                    code = pycountry.countries.lookup(country).alpha_2
                except LookupError:
                    code = self.region
            self.regions[country] = code if is_known_region(code) else self.region
        return self.regions[country]

    def check(self, record: ContactRecord) -> _Row | None:
        """The row with its text cleaned and every email and number validated; None when nothing of it can come in."""
        for where, value, reason in record.problems:
            self.reject(record, where, value, reason)
        limits = self.shape.limits
        name = self.text(record, "name", limits["name"], value=record.full_name)
        org_name = self.text(record, "organisation", _ORG_LIMIT[self.shape.entity])
        points: list[_Point] = []
        seen: set[tuple[str, str]] = set()
        for detail in record.emails:
            result = validation.parse_email(detail.value)
            if not result.valid or not result.normalized:
                self.reject(record, detail.field, detail.value, result.error or "This is not an email address.")
                continue
            key = result.normalized.casefold()
            if ("email", key) not in seen and not self._too_long_raw(record, detail.field, result.raw):
                seen.add(("email", key))
                points.append(_Point("email", key, result.normalized, result.raw, "", detail.label))
        region = self.region_for(record.country)
        for detail in record.phones:
            result = validation.parse_phone(detail.value, region, detail=False)
            if not result.valid or not result.e164:
                self.reject(record, detail.field, detail.value, result.error or "This is not a phone number.")
                continue
            if ("phone", result.e164) in seen or self._too_long_raw(record, detail.field, result.raw):
                continue
            seen.add(("phone", result.e164))
            label = detail.label or ("mobile" if validation.parse_phone(result.e164, None).kind == "mobile" else "")
            points.append(_Point("phone", result.e164, result.e164, result.raw, result.extension or "", label))
        if not name and not record.full_name and points:
            name = org_name or points[0].value  # a file's nameless entry (a newsdesk) goes by its outlet or address
        if not name and not points:
            if not record.problems and not record.full_name:
                self.reject(record, record.fields.get("name", "name"), "", "No name, email or phone number: left out.")
            return None
        return _Row(
            source=record.source,
            row=record.row,
            name=name,
            words=likeness.name_words(name) if name else "",
            name_key=validation.name_key(name),
            org_name=org_name,
            role=self.text(record, "title", limits["role"]),
            beat=_topics(self.text(record, "beat", limits["beat"]), limits["beat"]),
            notes=self.text(record, "notes", limits["notes"]),
            points=points,
        )

    def _too_long_raw(self, record: ContactRecord, where: str, raw: str) -> bool:
        """Reject a detail whose text is too long to keep as typed."""
        if problem := too_long("contact_point.raw", raw):
            self.reject(record, where, raw, problem)
            return True
        return False

    # --- looking people up --------------------------------------------------------------------------------

    def place_outlets(self, rows: Sequence[_Row]) -> None:
        """Give each row its outlet id (journalists) or folded affiliation (experts), adding the outlets new to the
        desk in one go."""
        keys = self.org_keys
        for row in rows:
            if row.org_name and row.org_name not in keys:
                keys[row.org_name] = validation.name_key(row.org_name)
        if self.shape.entity == "expert":
            for row in rows:
                row.org = keys[row.org_name] if row.org_name else None
            return
        outlets = self._outlets()
        new: dict[str, _Row] = {}
        for row in rows:
            if row.org_name and (key := keys[row.org_name]) not in outlets:
                new.setdefault(key, row)
        if new:
            table = Outlet.__table__
            ids = _allocate_ids(self.session, table, len(new))
            values = []
            history = []
            for outlet_id, (key, row) in zip(ids, new.items(), strict=True):
                values.append({
                    "id": outlet_id, "name": row.org_name, "name_key": key, "country": "", "kind": "", "website": "",
                    "version": 1, "created_at": self.now, "updated_at": self.now, "updated_by": self.who,
                })  # fmt: skip
                history.append(
                    self._activity("create", "outlet", outlet_id, f"Added outlet {row.org_name} ({row.source})")
                )
                outlets[key] = outlet_id
                self.outlet_names[outlet_id] = row.org_name
                self.org_people[outlet_id] = {}
            _insert_values(self.session, table, values)
            _insert_values(self.session, Activity.__table__, history)
        for row in rows:
            row.org = outlets[keys[row.org_name]] if row.org_name else None

    def _outlets(self) -> dict[str, int]:
        """Every outlet's id by name key (read once: a desk has hundreds of outlets, not millions)."""
        if self.outlets is None:
            self.outlets = {}
            for outlet_id, key, name in self.session.execute(select(Outlet.id, Outlet.name_key, Outlet.name)):
                self.outlets[key] = outlet_id
                self.outlet_names[outlet_id] = name
        return self.outlets

    def _load(self, ids: Iterable[int]) -> None:
        """Read these people (and their emails and numbers) from the desk, once per batch."""
        wanted = [i for i in ids if i not in self.people]
        t = self.shape.table
        org = t.c.outlet_id if self.shape.entity == "journalist" else t.c.affiliation
        owner = getattr(ContactPoint, self.shape.owner)
        for chunk in _chunks(wanted):
            for row in self.session.execute(
                select(t.c.id, t.c.name, org, t.c[self.shape.role], t.c[self.shape.beat], t.c.notes).where(
                    t.c.id.in_(chunk)
                )
            ):
                person_id, name, org_value, role, beat, notes = row
                key = validation.name_key(org_value) if self.shape.entity == "expert" and org_value else org_value
                org_name = org_value if self.shape.entity == "expert" else self._outlet_name(org_value)
                self.people[person_id] = _Person(
                    person_id, name, likeness.name_words(name), validation.name_key(name), key or None,
                    role, beat, notes, set(), existed=person_id not in self.created, org_name=org_name or "",
                )  # fmt: skip
            for owner_id, kind, key, label in self.session.execute(
                select(owner, ContactPoint.kind, ContactPoint.lookup_key, ContactPoint.label).where(owner.in_(chunk))
            ):
                person = self.people[owner_id]
                person.keys.add((kind, key))
                person.labels[(kind, key)] = label
                person.positions += 1

    def _outlet_name(self, outlet_id: int | None) -> str:
        """The name of an outlet by id."""
        if outlet_id is None:
            return ""
        self._outlets()
        return self.outlet_names.get(outlet_id, "")

    def person(self, ref: object) -> _Person:
        """The person a reference names: an id on the desk, or someone this batch brought in."""
        if isinstance(ref, _Person):
            return ref
        self._load([ref])
        return self.people[ref]

    def look_up(self, rows: Sequence[_Row]) -> None:
        """Find, in a few queries, everyone on the desk who owns a batch's emails or numbers or shares a name."""
        owner = getattr(ContactPoint, self.shape.owner)
        for kind in ("email", "phone"):
            keys = sorted({p.key for r in rows for p in r.points if p.kind == kind})
            for chunk in _chunks(keys):
                found = self.session.execute(
                    select(ContactPoint.lookup_key, owner).where(
                        ContactPoint.kind == kind, ContactPoint.lookup_key.in_(chunk), owner.is_not(None)
                    )
                ).all()
                self._load({o for _, o in found})
                for key, owner_id in found:
                    self.key_owner.setdefault((kind, key), self.people[owner_id])
        if self.shape.entity == "expert":
            self._all_experts()
        else:
            names = sorted({r.name_key for r in rows})
            t = self.shape.table
            for chunk in _chunks(names):
                for person_id, key in self.session.execute(select(t.c.id, t.c.name_key).where(t.c.name_key.in_(chunk))):
                    self.by_name.setdefault(key, []).append(person_id)
            outlets = {r.org for r in rows if r.org is not None and r.org not in self.org_people}
            for chunk in _chunks(sorted(outlets)):
                for outlet_id in chunk:
                    self.org_people[outlet_id] = {}
                for person_id, outlet_id, name in self.session.execute(
                    select(t.c.id, t.c.outlet_id, t.c.name).where(t.c.outlet_id.in_(chunk))
                ):
                    self.org_people[outlet_id][person_id] = likeness.name_words(name)

    def _all_experts(self) -> None:
        """Read every expert's name and affiliation once (experts are hundreds, not thousands)."""
        t = self.shape.table
        if not self.experts_loaded:
            for person_id, name, affiliation in self.session.execute(select(t.c.id, t.c.name, t.c.affiliation)):
                org = validation.name_key(affiliation) if affiliation else None
                self.org_people.setdefault(org, {})[person_id] = likeness.name_words(name)
                self.by_name_all.setdefault(validation.name_key(name), []).append(person_id)
            self.experts_loaded = True
        self.by_name = self.by_name_all

    # --- placing a row ------------------------------------------------------------------------------------

    def place(self, row: _Row) -> None:
        """Fold the row into the person it is, or bring them in as someone new; ask about what cannot be decided."""
        owners: list[_Person] = []
        for point in row.points:
            owner = self.key_owner.get((point.kind, point.key))
            if owner is not None and owner not in owners:
                owners.append(owner)
        if owners:
            target = owners[0]
            if likeness.clash(row.words, target.words):
                shared = next(p for p in row.points if self.key_owner.get((p.kind, p.key)) is target)
                person = self.create(row)
                self.review(person, target, likeness.likeness(row.words, target.words), row,
                            f"shares {shared.value} with {target.name}, but the names differ")  # fmt: skip
                return
            self.fold(target, row)
            for other in owners[1:]:
                self.review(target, other, 0, row, f"row has details of both {target.name} and {other.name}")
            return
        if not row.name:
            details = ", ".join(p.value for p in row.points)
            self.summary.rejected.append(Rejected(row.source, row.row, "name", details, _NAMELESS))
            return
        same: list[_Person] = []
        close: list[tuple[_Person, float]] = []
        if row.org is not None and (choices := self.org_people.get(row.org)):
            for _words, score, ref in process.extract(
                row.words, choices, scorer=fuzz.token_sort_ratio, score_cutoff=likeness.CLOSE, limit=5
            ):
                if score >= likeness.SAME:
                    same.append(self.person(ref))
                else:
                    close.append((self.person(ref), score))
        if same:
            self.fold(same[0], row)
            for other in same[1:]:
                self.review(same[0], other, likeness.SAME, row, "the same name at the same outlet")
            return
        person = self.create(row)
        for other, score in close:
            self.review(person, other, score, row, "a close name at the same outlet")
        for ref in self.by_name.get(row.name_key, []):
            other = self.person(ref)
            if other is not person and (other.org is None or row.org is None):
                self.review(person, other, likeness.SAME, row, "the same name, and one of them has no outlet")

    def create(self, row: _Row) -> _Person:
        """Bring the row in as someone new, with every email and number nobody else has."""
        person = _Person(
            None, row.name, row.words, row.name_key, row.org, row.role, row.beat, row.notes, set(),
            existed=False, origin=f"{row.source} row {row.row}", org_name=row.org_name,
        )  # fmt: skip
        self._add_points(person, row)
        self.new_people.append(person)
        self.by_name.setdefault(row.name_key, []).append(person)
        if row.org is not None:
            self.org_people.setdefault(row.org, {})[person] = row.words
        self.history.append((person, "import", f"Imported from {row.source} row {row.row}"))
        self.summary.added += 1
        return person

    def _add_points(self, person: _Person, row: _Row) -> list[_Point]:
        """Give the person the row's emails and numbers that neither they nor anyone else has yet."""
        added = []
        for point in row.points:
            key = (point.kind, point.key)
            if key in person.keys:
                self._label(person, key, point.label)
                continue
            if self.key_owner.get(key, person) is not person:
                continue
            person.keys.add(key)
            person.labels[key] = point
            self.key_owner[key] = person
            self.points.append((person, point))
            added.append(point)
        return added

    def _label(self, person: _Person, key: tuple[str, str], label: str) -> None:
        """Give an unlabelled email or number of the person the label a later file gives it."""
        known = person.labels.get(key)
        if not label or known is None:
            return
        if isinstance(known, _Point):
            known.label = known.label or label
        elif known == "":
            person.labels[key] = label
            self.relabel.append((person, key, label))

    def fold(self, target: _Person, row: _Row) -> None:
        """Add what the row knows that the person lacks: emails, numbers, job title, topics, notes, outlet."""
        relabelled = len(self.relabel)
        added = [p.value for p in self._add_points(target, row)]
        changes = ["labels"] if len(self.relabel) > relabelled else []
        if row.name and row.name_key == target.name_key and target.name.isascii() and not row.name.isascii():
            target.name = row.name  # "Elodie Marchand" and "Élodie Marchand": keep the accents
            changes.append("name")
        if row.role and not target.role:
            target.role = row.role
            changes.append("job title")
        topics = duplicates.merge_topics(target.beat, row.beat) if row.beat else target.beat
        if topics != target.beat and not too_long(self.shape.limits["beat"], topics):
            target.beat = topics
            changes.append("topics")
        if row.notes and row.notes not in target.notes:
            notes = f"{target.notes}\n{row.notes}".strip()
            if not too_long(self.shape.limits["notes"], notes):
                target.notes = notes
                changes.append("notes")
        if row.org is not None and target.org is None:
            target.org, target.org_name = row.org, row.org_name
            self.org_people.setdefault(row.org, {})[target.id if target.id is not None else target] = target.words
            changes.append("outlet")
        if not target.existed:
            self.summary.merged += 1
        elif added or changes:
            self.summary.updated += 1
        else:
            self.summary.unchanged += 1
        if changes and target.id is not None:
            self.changed[target.id] = target
        if added or changes:
            what = ", ".join(added + changes)
            self.history.append((target, "import", f"From {row.source} row {row.row}: added {what}"))

    def review(self, a: _Person, b: _Person, score: float, row: _Row, reason: str) -> None:
        """Put a pair on the review list (a: who the row became, b: who they may be), unless an officer said they are
        two people."""
        if a is b or (a.id is not None and b.id is not None and _pair(a.id, b.id) in self.not_duplicates):
            return
        self.summary.review.append(
            ReviewItem(row.source, row.row, row.name, b.shown(), b.id if b.existed else None, round(score), reason)
        )
        self.reviews.append((a, b, score, f"{row.source} row {row.row}: {reason}"))

    # --- writing a batch ----------------------------------------------------------------------------------

    def _activity(self, action: str, entity: str, entity_id: int, summary: str) -> dict:
        """One history row, as a dict for executemany."""
        return {
            "at": self.now, "who": self.who, "action": action, "entity": entity, "entity_id": entity_id,
            "enquiry_id": None, "summary": summary, "changes": "",
        }  # fmt: skip

    def _person_row(self, person: _Person) -> dict:
        """The insert values of someone new."""
        stamps = {"version": 1, "created_at": self.now, "updated_at": self.now, "updated_by": self.who}
        text = {"name": person.name, "notes": person.notes, self.shape.role: person.role, self.shape.beat: person.beat}
        if self.shape.entity == "journalist":
            extra = {"name_key": person.name_key, "outlet_id": person.org, "preferred_channel": "phone"}
        else:
            extra = {
                "affiliation": person.org_name, "honorific": "", "languages": "en", "working_hours": "09:00-17:30",
                "blocked_dates": "", "media_trained": False, "conflicts": "", "weekly_limit": 3,
            }  # fmt: skip
        return stamps | text | extra | {"archived_at": None}

    def write(self) -> None:
        """Write the batch: new people, changed people, their emails and numbers, history and review pairs."""
        t = self.shape.table
        if self.new_people:
            ids = _allocate_ids(self.session, t, len(self.new_people))
            for person, person_id in zip(self.new_people, ids, strict=True):
                person.id = person_id
                self.created.add(person_id)
            _insert_values(self.session, t, [self._person_row(p) | {"id": p.id} for p in self.new_people])
            for person in self.new_people:
                if person.org is not None:
                    known = self.org_people.setdefault(person.org, {})
                    known[person.id] = known.pop(person, person.words)
            for refs in self.by_name_all.values():  # experts: kept across batches, by id once written
                refs[:] = [ref.id if isinstance(ref, _Person) else ref for ref in refs]
        if self.changed:
            values = {
                "name": bindparam("b_name"), self.shape.role: bindparam("b_role"),
                self.shape.beat: bindparam("b_beat"), "notes": bindparam("b_notes"), "version": t.c.version + 1,
                "updated_at": self.now, "updated_by": self.who,
            }  # fmt: skip
            params = [
                {"b_id": p.id, "b_name": p.name, "b_role": p.role, "b_beat": p.beat, "b_notes": p.notes}
                for p in self.changed.values()
            ]
            if self.shape.entity == "journalist":
                values["outlet_id"] = bindparam("b_org")
                values["name_key"] = bindparam("b_key")
                for p, param in zip(self.changed.values(), params, strict=True):
                    param["b_org"] = p.org
                    param["b_key"] = p.name_key
            else:
                values["affiliation"] = bindparam("b_org")
                for p, param in zip(self.changed.values(), params, strict=True):
                    param["b_org"] = p.org_name
            self.session.execute(update(t).where(t.c.id == bindparam("b_id")).values(values), params)
        if self.points:
            owner = self.shape.owner
            rows = []
            for person, point in self.points:
                rows.append({
                    "journalist_id": None, "expert_id": None, "press_contact_id": None, owner: person.id,
                    "kind": point.kind, "raw": point.raw, "value": point.value, "extension": point.extension,
                    "lookup_key": point.key, "valid": True, "problem": "", "label": point.label,
                    "position": person.positions,
                })  # fmt: skip
                person.positions += 1
            _insert_values(self.session, ContactPoint.__table__, rows)
        if self.relabel:
            owner = getattr(ContactPoint.__table__.c, self.shape.owner)
            table = ContactPoint.__table__
            self.session.execute(
                update(table)
                .where(owner == bindparam("b_owner"), table.c.kind == bindparam("b_kind"))
                .where(table.c.lookup_key == bindparam("b_key"))
                .values(label=bindparam("b_label")),
                [{"b_owner": p.id, "b_kind": k[0], "b_key": k[1], "b_label": label} for p, k, label in self.relabel],
            )
        if self.history:
            rows = [self._activity(action, self.shape.entity, p.id, text) for p, action, text in self.history]
            _insert_values(self.session, Activity.__table__, rows)
        if self.reviews:
            duplicates.add_reviews(
                self.session,
                self.shape.entity,
                [(a.id, b.id, score, reason) for a, b, score, reason in self.reviews],
                found_by=self.found_by,
            )
        self._new_batch()

    def run(self, records: Iterable[ContactRecord], progress: Callable[[int], None] | None, batch: int) -> None:
        """Check, place and write every record, a batch at a time."""
        records = iter(records)
        while chunk := list(islice(records, batch)):
            self.summary.rows += len(chunk)
            rows = [row for record in chunk if (row := self.check(record)) is not None]
            self.place_outlets(rows)
            self.look_up(rows)
            for row in rows:
                self.place(row)
            self.write()
            if progress is not None:
                progress(self.summary.rows)


_UNSET = object()


def _insert_values(session: Session, table: Table, rows: list[dict]) -> None:
    """Insert rows a few hundred to a statement (INSERT ... VALUES (...), (...)), not one statement a row.

    SQLite's FTS5 writes its pending index out at every statement a search trigger runs in, which made executemany
    six times slower; and SQLAlchemy compiles a multi-row insert() afresh for every call (1 s per 20,000 rows), so
    the statement is written here once per shape, values passed through each column type's own bind processing."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    columns = list(rows[0])
    binders = [table.c[name].type._cached_bind_processor(dialect) for name in columns]
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    names = ", ".join(dialect.identifier_preparer.quote(name) for name in columns)
    one = "(" + ", ".join([mark] * len(columns)) + ")"
    per = max(1, min(ROWS_PER_STATEMENT, _max_parameters(connection) // len(columns)))
    get = itemgetter(*columns)
    bound = [(i, bind) for i, bind in enumerate(binders) if bind is not None]
    seen: dict[int, object] = {}
    done: dict[int, object] = {}
    for first in range(0, len(rows), per):
        chunk = rows[first : first + per]
        sql = f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({names}) VALUES " + ", ".join(
            [one] * len(chunk)
        )
        params: list = []
        for row in chunk:
            values = list(get(row)) if len(columns) > 1 else [get(row)]
            for i, bind in bound:
                if values[i] is not seen.get(i, _UNSET):  # the batch's one timestamp is processed once
                    seen[i], done[i] = values[i], bind(values[i])
                values[i] = done[i]
            params += values
        connection.exec_driver_sql(sql, tuple(params))


def _max_parameters(connection) -> int:
    """How many parameters one statement may have (SQLite's limit, often 32,766; 999 before 3.32)."""
    raw = connection.connection.driver_connection
    if hasattr(raw, "getlimit"):
        import sqlite3

        return raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return 30_000


def _allocate_ids(session: Session, table: Table, count: int) -> list[int]:
    """Ids for new rows, known before they are inserted (their contact points and history need them): the next ones
    after the highest on SQLite, whose write session holds the desk's only write lock; the id sequence elsewhere."""
    if session.get_bind().dialect.name == "postgresql":
        sequence = func.pg_get_serial_sequence(table.name, "id")
        return list(
            session.execute(select(func.nextval(sequence)).select_from(func.generate_series(1, count))).scalars()
        )
    top = session.execute(select(func.max(table.c.id))).scalar() or 0
    return list(range(top + 1, top + 1 + count))


def _topics(text: str, column: str) -> str:
    """Topics as a comma-separated list, each once ("schools; Schools; exams" -> "schools, exams"), if that fits."""
    topics = duplicates.merge_topics("", text)
    return text if too_long(column, topics) else topics


def _name_columns(record: ContactRecord) -> str:
    """The columns a row's name came from ("First Name + Last Name"), for messages."""
    return " + ".join(record.fields[k] for k in ("first", "last") if k in record.fields) or "name"


def _pair(a: int, b: int) -> tuple[int, int]:
    """Two ids, lower first."""
    return (a, b) if a < b else (b, a)


def _chunks(values: Sequence) -> Iterable[Sequence]:
    """The values in slices short enough for one IN list."""
    values = list(values)
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start : start + _IN_CHUNK]


def _records(paths: Sequence[str | Path]) -> Iterable[ContactRecord]:
    """Every record of every file, in order; a file that cannot be read stops the import (FieldError "file")."""
    for path in paths:
        target = Path(path).expanduser()
        if not target.is_file():
            raise FieldError("file", f"{path} does not exist or is not a file.")
        try:
            yield from read_contacts(target)
        except ContactFileError as exc:
            raise FieldError("file", str(exc)) from None
        except UnicodeDecodeError:
            raise FieldError("file", f"{target.name} is not text in the encoding it starts with.") from None


def import_contacts(
    session: Session,
    *,
    who: str,
    region: str,
    files: Sequence[str | Path],
    as_: str = "journalists",
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    batch: int = BATCH,
) -> ImportSummary:
    """Import people from contacts files (CSV, vCard, XLSX) as journalists or experts, one record per person.

    All or nothing: everything is written inside one savepoint, released only when every file has been read; a dry
    run does all the same work and rolls it back, so its summary is exactly what the import would do. Run it in a
    desk's write session (Desk.write), which holds the write lock: new rows' ids are taken as the next free ones.
    `progress` is called with the number of rows read after each batch is written (count_records gives the total).
    """
    if as_ not in AS:
        raise FieldError("as", f"Import people as {' or '.join(AS)}, not {as_!r}.")
    shape = _SHAPES[AS[as_]]
    names = [Path(p).name for p in files]
    summary = ImportSummary(files=names, entity=shape.entity, dry_run=dry_run)
    savepoint = session.begin_nested()
    try:
        run = _Import(
            session, who=who, region=region, shape=shape, found_by="import of " + ", ".join(names), summary=summary
        )
        run.run(_records(files), progress, batch)
    except BaseException:
        savepoint.rollback()
        raise
    order = {name: n for n, name in enumerate(names)}
    summary.rejected.sort(key=lambda r: (order.get(r.file, 0), r.row))
    if dry_run:
        savepoint.rollback()
    else:
        savepoint.commit()
    return summary
