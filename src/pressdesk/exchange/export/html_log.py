"""The enquiry log as one self-contained HTML page: every value escaped, nothing fetched, printable."""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO
from zoneinfo import ZoneInfo

from pressdesk.exchange.export.columns import COLUMNS, LogRow, shown_values
from pressdesk.exchange.export.markup import PAGE_END, h, h_lines, page_head, title_block


def table_head() -> str:
    """The opening of the log's table, with its headings."""
    paper = sum(c.paper for c in COLUMNS)
    widths = "".join(f'<col style="width:{100 * c.paper / paper:.1f}%">' for c in COLUMNS)
    cells = "".join(f"<th{' class=n' if c.kind == 'number' else ''}>{h(c.heading)}</th>" for c in COLUMNS)
    return f'<table class="log">\n<colgroup>{widths}</colgroup>\n<thead><tr>{cells}</tr></thead>\n<tbody>\n'


def table_row(row: LogRow, zone: ZoneInfo) -> str:
    """One enquiry as a table row; coverage links one per line."""
    cells = []
    for column, value in zip(COLUMNS, shown_values(row, zone, links_joined_by="\n"), strict=True):
        if column.kind == "number":
            cells.append(f"<td class=n>{h(value)}</td>")
        elif column.kind == "links":
            cells.append(f"<td>{h_lines(value)}</td>")
        else:
            cells.append(f"<td>{h(value)}</td>")
    return "<tr>" + "".join(cells) + "</tr>\n"


TABLE_END = "</tbody>\n</table>\n"


def write_rows(rows: Iterable[LogRow], out: BinaryIO, zone: ZoneInfo) -> int:
    """Write the log's table (head, rows, end) into a page being written; return how many rows."""
    out.write(table_head().encode())
    count = 0
    for row in rows:
        out.write(table_row(row, zone).encode("utf-8"))
        count += 1
    out.write(TABLE_END.encode())
    return count


def write_log(rows: Iterable[LogRow], out: BinaryIO, *, zone: ZoneInfo, title: str = "Enquiry log") -> int:
    """Write a whole page: title, the time zone, the table; return how many rows."""
    out.write(page_head(title).encode("utf-8"))
    heading = title_block(title, f"Times are local to {zone.key}.") + '<section class="log">\n'
    out.write(heading.encode("utf-8"))
    count = write_rows(rows, out, zone)
    out.write(("</section>\n" + PAGE_END).encode())
    return count
