"""One import run: a small orchestrator of its pieces (checking, lookup, placing, writing), inside one savepoint."""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, islice
from pathlib import Path

from sqlmodel import Session

from pressdesk.errors import FieldError
from pressdesk.exchange.contacts import ContactRecord
from pressdesk.models import utcnow
from pressdesk.services import dnc, duplicates
from pressdesk.services.contact_import.bulk import _page_cache, _records
from pressdesk.services.contact_import.checking import _Checker
from pressdesk.services.contact_import.lookup import _Lookup
from pressdesk.services.contact_import.placing import _Placer
from pressdesk.services.contact_import.rows import _SHAPES, AS, BATCH, ImportSummary, _Batch, _Shape
from pressdesk.services.contact_import.writing import _Writer
from pressdesk.store.bulk_index import DeferredIndex
from pressdesk.validation.many import POOL_AFTER, ValueChecks


class _Import:
    """One import run, composed of its pieces: rows checked (checking), looked up on the desk (lookup), placed
    (placing) and written (writing), a batch at a time; the values read ahead and the search index filled at the end."""

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
        now = utcnow()
        self.summary = summary
        self.values = ValueChecks(workers)
        """Every distinct number's and address's answer, read in a worker process for a big file."""
        self.index = DeferredIndex(session.connection(), [shape.entity, "contact_point", "outlet"])
        """The search index, filled for the import's rows at its end rather than row by row."""
        self.lookup = _Lookup(session, shape=shape, who=who, now=now)
        self.placer = _Placer(
            summary=summary,
            shape=shape,
            lookup=self.lookup,
            not_duplicates=duplicates.not_duplicate_pairs(session, shape.entity),
        )
        self.checker = _Checker(
            summary=summary, shape=shape, region=region, values=self.values, on_dnc_list=dnc.checker(session)
        )
        self.writer = _Writer(
            session, shape=shape, who=who, now=now, found_by=found_by, lookup=self.lookup, index=self.index
        )

    def run(self, records: Iterable[ContactRecord], progress: Callable[[int], None] | None, batch: int) -> None:
        """Check, place and write every record, a batch at a time; with a worker reading the values, the next batch's
        values are handed to it before this batch is placed and written."""
        head, records = _read_ahead(iter(records), POOL_AFTER + 1)
        self.values.expect(len(head))  # a big file's values all go to the worker, the first batch's too
        records = chain(head, records)
        ahead: deque[tuple[list[ContactRecord], object]] = deque()
        while chunk := list(islice(records, batch)):
            ahead.append((chunk, self.values.submit(len(chunk), *self.checker.values_of(chunk))))
            while len(ahead) > (1 if self.values.pooled else 0):
                self._batch(*ahead.popleft(), progress)
        while ahead:
            self._batch(*ahead.popleft(), progress)
        self.index.finish()

    def _batch(self, chunk: list[ContactRecord], values, progress: Callable[[int], None] | None) -> None:
        """Check, place and write one batch."""
        self.values.collect(values)
        self.summary.rows += len(chunk)
        rows = [row for record in chunk if (row := self.checker.check(record)) is not None]
        self.lookup.place_outlets(rows)
        self.lookup.look_up(rows)
        for row in rows:
            self.placer.place(row)
        self.writer.write(self.placer.batch)
        self.placer.batch = _Batch()
        self.lookup.new_batch()
        if progress is not None:
            progress(self.summary.rows)


def _read_ahead(records: Iterator[ContactRecord], count: int) -> tuple[list[ContactRecord], Iterator[ContactRecord]]:
    """The first `count` records, and the rest; a file failing within them fails only after those before the fault (so
    the batches before it are written, then taken back, as they would be without the look-ahead)."""
    head: list[ContactRecord] = []
    try:
        for record in islice(records, count):
            head.append(record)
    except Exception as exc:  # noqa: BLE001 - raised again where the import reaches it
        return head, _raising(exc)
    return head, records


def _raising(exc: Exception) -> Iterator[ContactRecord]:
    """No records, then the failure met while reading ahead."""
    raise exc
    yield  # a generator: raises when the import reaches it


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
        with _page_cache(session):
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
