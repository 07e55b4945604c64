"""The enquiry log as CSV: UTF-8 with a BOM (so Excel reads accents), formulas neutralised, numbers as numbers."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import BinaryIO
from zoneinfo import ZoneInfo

from pressdesk.exchange.export.columns import HEADINGS, LogRow, shown_values
from pressdesk.exchange.export.safety import neutralise_cell


def write_log(rows: Iterable[LogRow], out: BinaryIO, *, zone: ZoneInfo, title: str = "") -> int:
    """Write the rows as CSV to a binary stream, local times as "2026-11-24 10:05"; return how many."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow(HEADINGS)
    count = 0
    for row in rows:
        writer.writerow([neutralise_cell(v) for v in shown_values(row, zone, links_joined_by="\n")])
        count += 1
    text.flush()
    text.detach()
    return count
