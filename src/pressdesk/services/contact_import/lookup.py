"""Looking up a batch's outlets and people on the desk in a few queries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session

from pressdesk import validation
from pressdesk.models import Activity, Outlet
from pressdesk.services import likeness
from pressdesk.services.contact_import.bulk import _activity_row, _allocate_ids, _chunks, _insert_values, _select_in
from pressdesk.services.contact_import.rows import _Person, _Row, _Shape


class _Lookup:
    """The batch's outlets and people looked up on the desk; what the run knows of the desk's people so far."""

    def __init__(self, session: Session, *, shape: _Shape, who: str, now: datetime) -> None:
        self.session = session
        self.shape = shape
        self.who = who
        self.now = now
        self.outlets: dict[str, int] | None = None
        self.org_people: dict[object, dict[object, str]] = {}
        """The people of each outlet (by id, or the person this run brings in), their name's words sorted."""
        self.created: set[int] = set()
        """The ids of the people this run has written."""
        self.experts_loaded = False
        self.by_name_all: dict[str, list[object]] = {}
        self.outlet_names: dict[int, str] = {}
        self.org_keys: dict[str, str] = {}
        """Each outlet or affiliation name's key, folded once per import (a file names a few thousand outlets, each on
        many rows)."""
        self.new_batch()

    def new_batch(self) -> None:
        """Forget the people the last batch looked up."""
        self.people: dict[int, _Person] = {}
        self.key_owner: dict[tuple[str, str], _Person] = {}
        self.by_name: dict[str, list[object]] = {}

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
                    _activity_row(
                        self.now, self.who, "create", "outlet", outlet_id, f"Added outlet {row.org_name} ({row.source})"
                    )
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
        t = self.shape.entity
        org = "outlet_id" if t == "journalist" else "affiliation"
        owner = self.shape.owner
        people = f"SELECT id, name, {org}, {self.shape.role}, {self.shape.beat}, notes FROM {t} WHERE id IN ({{marks}})"
        points = f"SELECT {owner}, kind, lookup_key, label FROM contact_point WHERE {owner} IN ({{marks}})"
        for chunk in _chunks(wanted):
            for row in _select_in(self.session, people, chunk):
                person_id, name, org_value, role, beat, notes = row
                key = validation.name_key(org_value) if self.shape.entity == "expert" and org_value else org_value
                org_name = org_value if self.shape.entity == "expert" else self._outlet_name(org_value)
                self.people[person_id] = _Person(
                    person_id, name, likeness.name_words(name), validation.name_key(name), key or None,
                    role, beat, notes, set(), existed=person_id not in self.created, org_name=org_name or "",
                )  # fmt: skip
            for owner_id, kind, key, label in _select_in(self.session, points, chunk):
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
        owner = self.shape.owner
        owners = (
            f"SELECT lookup_key, {owner} FROM contact_point "
            f"WHERE kind = {{mark}} AND lookup_key IN ({{marks}}) AND {owner} IS NOT NULL"
        )
        for kind in ("email", "phone"):
            keys = sorted({p.key for r in rows for p in r.points if p.kind == kind})
            for chunk in _chunks(keys):
                found = list(_select_in(self.session, owners, chunk, kind))
                self._load({o for _, o in found})
                for key, owner_id in found:
                    self.key_owner.setdefault((kind, key), self.people[owner_id])
        if self.shape.entity == "expert":
            self._all_experts()
        else:
            names = sorted({r.name_key for r in rows})
            t = self.shape.table
            same_names = f"SELECT id, name_key FROM {t.name} WHERE name_key IN ({{marks}})"
            for person_id, key in _select_in(self.session, same_names, names):
                self.by_name.setdefault(key, []).append(person_id)
            outlets = {r.org for r in rows if r.org is not None and r.org not in self.org_people}
            for chunk in _chunks(sorted(outlets)):
                for outlet_id in chunk:
                    self.org_people[outlet_id] = {}
                for person_id, outlet_id, name in self.session.execute(
                    select(t.c.id, t.c.outlet_id, t.c.name).where(t.c.outlet_id.in_(chunk))
                ):
                    self.org_people[outlet_id][person_id] = likeness.sorted_words(likeness.name_words(name))

    def _all_experts(self) -> None:
        """Read every expert's name and affiliation once (experts are hundreds, not thousands)."""
        t = self.shape.table
        if not self.experts_loaded:
            for person_id, name, affiliation in self.session.execute(select(t.c.id, t.c.name, t.c.affiliation)):
                org = validation.name_key(affiliation) if affiliation else None
                self.org_people.setdefault(org, {})[person_id] = likeness.sorted_words(likeness.name_words(name))
                self.by_name_all.setdefault(validation.name_key(name), []).append(person_id)
            self.experts_loaded = True
        self.by_name = self.by_name_all
