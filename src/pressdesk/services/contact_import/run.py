"""One import run: batches read, looked up, placed and written inside one savepoint."""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from pathlib import Path

from sqlalchemy import bindparam, update
from sqlmodel import Session

from pressdesk.errors import FieldError
from pressdesk.exchange.contacts import ContactRecord
from pressdesk.models import Activity, ContactPoint, utcnow
from pressdesk.services import dnc, duplicates
from pressdesk.services.contact_import.bulk import _allocate_ids, _insert_values, _records
from pressdesk.services.contact_import.checking import _Checking
from pressdesk.services.contact_import.lookup import _LookingUp
from pressdesk.services.contact_import.placing import _Placing
from pressdesk.services.contact_import.rows import _SHAPES, AS, BATCH, ImportSummary, _Person, _Point, _Shape
from pressdesk.store.bulk_index import DeferredIndex
from pressdesk.validation.many import ValueChecks


class _Import(_Checking, _LookingUp, _Placing):
    """One import run: the desk's people as far as looked up, and what the current batch will write."""

    def __init__(
        self,
        session: Session,
        *,
        who: str,
        region: str,
        shape: _Shape,
        found_by: str,
        summary: ImportSummary,
        workers: int | None = None,
    ) -> None:
        self.session = session
        self.who = who
        self.region = region
        self.shape = shape
        self.found_by = found_by
        self.summary = summary
        self.now = utcnow()
        self.values = ValueChecks(workers)
        """Every distinct number's and address's answer, read in a worker process for a big file."""
        self.index = DeferredIndex(session.connection(), [shape.entity, "contact_point", "outlet"])
        """The search index, filled for the import's rows at its end rather than row by row."""
        self.outlets: dict[str, int] | None = None
        self.org_people: dict[object, dict[object, str]] = {}
        self.created: set[int] = set()
        self.regions: dict[str, str] = {}
        self.not_duplicates = duplicates.not_duplicate_pairs(session, shape.entity)
        self.on_dnc_list = dnc.checker(session)
        """Whether a (kind, look-up key) is on the do-not-contact list (the list read once for the import)."""
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
            self.index.note_changed(self.shape.entity, self.changed)
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
        """Check, place and write every record, a batch at a time; with a worker reading the values, the next batch's
        values are handed to it before this batch is placed and written."""
        records = iter(records)
        ahead: deque[tuple[list[ContactRecord], object]] = deque()
        while chunk := list(islice(records, batch)):
            ahead.append((chunk, self.values.submit(len(chunk), *self.values_of(chunk))))
            while len(ahead) > (1 if self.values.pooled else 0):
                self._batch(*ahead.popleft(), progress)
        while ahead:
            self._batch(*ahead.popleft(), progress)
        self.index.finish()

    def _batch(self, chunk: list[ContactRecord], values, progress: Callable[[int], None] | None) -> None:
        """Check, place and write one batch."""
        self.values.collect(values)
        self.summary.rows += len(chunk)
        rows = [row for record in chunk if (row := self.check(record)) is not None]
        self.place_outlets(rows)
        self.look_up(rows)
        for row in rows:
            self.place(row)
        self.write()
        if progress is not None:
            progress(self.summary.rows)


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
    workers: int | None = None,
) -> ImportSummary:
    """Import people from contacts files (CSV, vCard, XLSX) as journalists or experts, one record per person.

    All or nothing: everything is written inside one savepoint, released only when every file has been read; a dry
    run does all the same work and rolls it back, so its summary is exactly what the import would do. Run it in a
    desk's write session (Desk.write), which holds the write lock: new rows' ids are taken as the next free ones.
    `progress` is called with the number of rows read after each batch is written (count_records gives the total).
    `workers`: processes that read the numbers and addresses (None: one, from the POOL_AFTER-th row on; 0: none).
    """
    if as_ not in AS:
        raise FieldError("as", f"Import people as {' or '.join(AS)}, not {as_!r}.")
    shape = _SHAPES[AS[as_]]
    names = [Path(p).name for p in files]
    summary = ImportSummary(files=names, entity=shape.entity, dry_run=dry_run)
    savepoint = session.begin_nested()
    collecting = gc.isenabled()
    gc.disable()  # the import makes a million small objects and frees none: collecting them all the while costs ~10 %
    run = None
    try:
        run = _Import(
            session, who=who, region=region, shape=shape, found_by="import of " + ", ".join(names), summary=summary,
            workers=workers,
        )  # fmt: skip
        run.run(_records(files), progress, batch)
        run.values.close(wait=True)
    except BaseException:
        savepoint.rollback()
        raise
    finally:
        if run is not None:
            run.values.close()
        if collecting:
            gc.enable()
    order = {name: n for n, name in enumerate(names)}
    summary.rejected.sort(key=lambda r: (order.get(r.file, 0), r.row))
    if dry_run:
        savepoint.rollback()
    else:
        savepoint.commit()
    return summary
