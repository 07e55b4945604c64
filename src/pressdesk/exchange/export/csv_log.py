"""The enquiry log as CSV: UTF-8 with a BOM (so Excel reads accents), formulas neutralised, numbers as numbers."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import BinaryIO
from zoneinfo import ZoneInfo

from pressdesk.exchange.export.clock import LocalClock
from pressdesk.exchange.export.columns import HEADINGS, LINKS_COLUMN, NUMBER_COLUMNS, TEXT_COLUMNS, TIME_COLUMNS, LogRow
from pressdesk.exchange.export.safety import TRIGGERS, neutralise

_FORMULA_START = frozenset(TRIGGERS)


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
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow(HEADINGS)
    clock = LocalClock(zone)
    count = 0
    for row in rows:
        writer.writerow(csv_cells(row, clock))
        count += 1
    text.flush()
    text.detach()
    return count
