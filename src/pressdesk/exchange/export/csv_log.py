"""The enquiry log as CSV: UTF-8 with a BOM (so Excel reads accents), formulas neutralised, numbers as numbers."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import BinaryIO
from zoneinfo import ZoneInfo

from pressdesk.exchange.export.clock import LocalClock, StoredClock
from pressdesk.exchange.export.columns import HEADINGS, LINKS_COLUMN, NUMBER_COLUMNS, TEXT_COLUMNS, TIME_COLUMNS, LogRow
from pressdesk.exchange.export.safety import TRIGGERS, neutralise

_FORMULA_START = frozenset(TRIGGERS)
assert TIME_COLUMNS == (1, 14, 15, 16), "write_stored takes the times where they are: received, then three together"


def csv_cells(row: LogRow, clock: LocalClock) -> list[object]:
    """A row as CSV cells: local times as "2026-11-24 10:05", text neutralised, numbers kept, blanks for none.

    Written column kind by column kind rather than through safety.neutralise_cell for each cell: a million rows
    pass through here, and this is the export's hot loop.
    """
    cells: list[object] = list(row)
    for n in TIME_COLUMNS:
        cells[n] = clock.text(cells[n])
    for n in TEXT_COLUMNS:
        text = cells[n]
        if text is None:
            cells[n] = ""
        elif text[:1] in _FORMULA_START:
            cells[n] = "'" + text
    for n in NUMBER_COLUMNS:
        if cells[n] is None:
            cells[n] = ""
    cells[LINKS_COLUMN] = neutralise("\n".join(cells[LINKS_COLUMN]))
    return cells


def write_log(rows: Iterable[LogRow], out: BinaryIO, *, zone: ZoneInfo, title: str = "") -> int:
    """Write the rows as CSV to a binary stream; return how many."""
    clock = LocalClock(zone)
    return write_cells(([csv_cells(row, clock)] for row in rows), out)


def write_stored(batches: Iterable[Sequence[Sequence[object]]], out: BinaryIO, *, zone: ZoneInfo) -> int:
    """Write rows whose cells are finished but for the times, which are as SQLite stores them; how many.

    The hot loop of a million-row export: one tuple a row, the four times through StoredClock, nothing else.
    """
    local = StoredClock(zone).text
    received, deadline, responded, closed = TIME_COLUMNS
    return write_cells(
        (
            [
                (
                    *r[:received],
                    local(r[received]),
                    *r[received + 1 : deadline],
                    local(r[deadline]),
                    local(r[responded]),
                    local(r[closed]),
                    *r[closed + 1 :],
                )
                for r in batch
            ]
            for batch in batches
        ),
        out,
    )


def write_cells(batches: Iterable[Sequence[Sequence[object]]], out: BinaryIO) -> int:
    """Write the headings, then rows of finished cells (csv_cells' or the database's), a batch at a time; how many."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow(HEADINGS)
    count = 0
    for batch in batches:
        writer.writerows(batch)
        count += len(batch)
    text.flush()
    text.detach()
    return count
