"""Writing a batch: new people, changed people, their emails and numbers, history and review pairs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, update
from sqlmodel import Session

from pressdesk.models import Activity, ContactPoint
from pressdesk.services import duplicates, likeness
from pressdesk.services.contact_import.bulk import _activity_row, _allocate_ids, _insert_values
from pressdesk.services.contact_import.lookup import _Lookup
from pressdesk.services.contact_import.rows import _Batch, _Person, _Shape
from pressdesk.store.bulk_index import DeferredIndex


class _Writer:
    """A batch written: new people, changed people, their emails and numbers, history and review pairs."""

    def __init__(
        self,
        session: Session,
        *,
        shape: _Shape,
        who: str,
        now: datetime,
        found_by: str,
        lookup: _Lookup,
        index: DeferredIndex,
    ) -> None:
        self.session = session
        self.shape = shape
        self.who = who
        self.now = now
        self.found_by = found_by
        self.lookup = lookup
        """What the run knows of the desk's people, told of those written."""
        self.index = index
        """The run's search index, told of the people changed (filled at the run's end)."""

    def _person_row(self, person: _Person) -> dict:
        """The insert values of someone new."""
        row = {
            "version": 1, "created_at": self.now, "updated_at": self.now, "updated_by": self.who,
            "name": person.name, "notes": person.notes, self.shape.role: person.role, self.shape.beat: person.beat,
        }  # fmt: skip
        if self.shape.entity == "journalist":
            row["name_key"], row["outlet_id"], row["preferred_channel"] = person.name_key, person.org, "phone"
        else:
            row.update(self._expert_defaults, affiliation=person.org_name)
        row["archived_at"] = None
        return row

    _expert_defaults = {
        "honorific": "", "languages": "en", "working_hours": "09:00-17:30", "blocked_dates": "", "media_trained": False,
        "conflicts": "", "weekly_limit": 3,
    }  # fmt: skip
    """What a new expert from a file has besides their name, job, topics, notes and affiliation."""

    def write(self, batch: _Batch) -> None:
        """Write the batch: new people, changed people, their emails and numbers, history and review pairs."""
        t = self.shape.table
        if batch.new_people:
            ids = _allocate_ids(self.session, t, len(batch.new_people))
            for person, person_id in zip(batch.new_people, ids, strict=True):
                person.id = person_id
                self.lookup.created.add(person_id)
            _insert_values(self.session, t, [self._person_row(p) | {"id": p.id} for p in batch.new_people])
            for person in batch.new_people:
                if person.org is not None:
                    known = self.lookup.org_people.setdefault(person.org, {})
                    words = known.pop(person, None)
                    known[person.id] = likeness.sorted_words(person.words) if words is None else words
            for refs in self.lookup.by_name_all.values():  # experts: kept across batches, by id once written
                refs[:] = [ref.id if isinstance(ref, _Person) else ref for ref in refs]
        if batch.changed:
            values = {
                "name": bindparam("b_name"), self.shape.role: bindparam("b_role"),
                self.shape.beat: bindparam("b_beat"), "notes": bindparam("b_notes"), "version": t.c.version + 1,
                "updated_at": self.now, "updated_by": self.who,
            }  # fmt: skip
            params = [
                {"b_id": p.id, "b_name": p.name, "b_role": p.role, "b_beat": p.beat, "b_notes": p.notes}
                for p in batch.changed.values()
            ]
            if self.shape.entity == "journalist":
                values["outlet_id"] = bindparam("b_org")
                values["name_key"] = bindparam("b_key")
                for p, param in zip(batch.changed.values(), params, strict=True):
                    param["b_org"] = p.org
                    param["b_key"] = p.name_key
            else:
                values["affiliation"] = bindparam("b_org")
                for p, param in zip(batch.changed.values(), params, strict=True):
                    param["b_org"] = p.org_name
            self.session.execute(update(t).where(t.c.id == bindparam("b_id")).values(values), params)
            self.index.note_changed(self.shape.entity, batch.changed)
        if batch.points:
            owner = self.shape.owner
            rows = []
            for person, point in batch.points:
                rows.append({
                    "journalist_id": None, "expert_id": None, "press_contact_id": None, owner: person.id,
                    "kind": point.kind, "raw": point.raw, "value": point.value, "extension": point.extension,
                    "lookup_key": point.key, "valid": True, "problem": "", "label": point.label,
                    "position": person.positions,
                })  # fmt: skip
                person.positions += 1
            _insert_values(self.session, ContactPoint.__table__, rows)
        if batch.relabel:
            owner = getattr(ContactPoint.__table__.c, self.shape.owner)
            table = ContactPoint.__table__
            self.session.execute(
                update(table)
                .where(owner == bindparam("b_owner"), table.c.kind == bindparam("b_kind"))
                .where(table.c.lookup_key == bindparam("b_key"))
                .values(label=bindparam("b_label")),
                [{"b_owner": p.id, "b_kind": k[0], "b_key": k[1], "b_label": label} for p, k, label in batch.relabel],
            )
        if batch.history:
            rows = [
                _activity_row(self.now, self.who, action, self.shape.entity, p.id, text)
                for p, action, text in batch.history
            ]
            _insert_values(self.session, Activity.__table__, rows)
        if batch.reviews:
            duplicates.add_reviews(
                self.session,
                self.shape.entity,
                [(a.id, b.id, score, reason) for a, b, score, reason in batch.reviews],
                found_by=self.found_by,
            )
