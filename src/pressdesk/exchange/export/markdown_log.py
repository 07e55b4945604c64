"""The enquiry log as a Markdown table, every value escaped, for pasting into an email or a wiki."""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO
from zoneinfo import ZoneInfo

from pressdesk.exchange.export.columns import COLUMNS, HEADINGS, LogRow, shown_values
from pressdesk.exchange.export.markup import md_cell, md_row, md_table_head


def write_log(rows: Iterable[LogRow], out: BinaryIO, *, zone: ZoneInfo, title: str = "Enquiry log") -> int:
    """Write a title line and the rows as one Markdown table; return how many rows."""
    out.write(f"# {md_cell(title)}\n\nTimes are local to {md_cell(zone.key)}.\n\n".encode())
    out.write(md_table_head(HEADINGS, [c.kind == "number" for c in COLUMNS]).encode())
    count = 0
    for row in rows:
        out.write(md_row(shown_values(row, zone, links_joined_by=" ")).encode("utf-8"))
        count += 1
    return count
