"""The enquiry log as an XLSX sheet (xlsxwriter, constant memory): text always as text, times as real dates."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any, BinaryIO
from zoneinfo import ZoneInfo

from pressdesk.exchange.export.columns import COLUMNS, HEADINGS, LogRow

MAX_ROWS = 1_048_576
"""Rows in one Excel sheet, its heading row included; a longer log goes on to a second sheet."""
MAX_TEXT = 32_767
"""Characters in one Excel cell."""
DATE_FORMAT = "yyyy-mm-dd hh:mm"

WORKBOOK_OPTIONS: dict[str, Any] = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
"""Rows are flushed as they are written; no text is ever turned into a formula, link or number."""


def new_workbook(out: BinaryIO):
    """An xlsxwriter workbook writing to a binary stream, with the safe options."""
    import xlsxwriter

    return xlsxwriter.Workbook(out, WORKBOOK_OPTIONS)


LINE_HEIGHT = 15
"""Points per line of text in a row."""
WRAPPED = frozenset(n for n, c in enumerate(COLUMNS) if c.kind == "links" or (c.kind == "text" and c.width >= 30))
"""Columns whose text wraps within the column (subject, release, coverage links) rather than running over."""


def _lines(row: LogRow) -> int:
    """How many lines the row's wrapped cells need, at their columns' widths (a little over, never under)."""
    needed = 1
    for n in WRAPPED:
        value = row[n]
        if not value:
            continue
        width = COLUMNS[n].width
        parts = value if isinstance(value, tuple) else str(value).split("\n")
        needed = max(needed, sum(max(1, math.ceil(len(part) / width)) for part in parts))
    return min(needed, 20)


class LogSheets:
    """Writes log rows into one sheet, going on to "… (2)" past Excel's row limit; frozen heading and filter."""

    def __init__(self, workbook, name: str, zone: ZoneInfo) -> None:
        self.workbook, self.name, self.zone = workbook, name, zone
        self.heading = workbook.add_format({"bold": True, "bg_color": "#EEF0F6", "border": 1, "text_wrap": True})
        self.date = workbook.add_format({"num_format": DATE_FORMAT, "align": "left", "valign": "top"})
        self.wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        self.top = workbook.add_format({"valign": "top"})
        self.sheets = 0
        self.sheet = None
        self.row = 0

    def _next_sheet(self) -> None:
        """Close the current sheet (filter over its rows) and start another with the headings."""
        self._finish()
        self.sheets += 1
        name = self.name if self.sheets == 1 else f"{self.name} ({self.sheets})"
        sheet = self.workbook.add_worksheet(name[:31])
        for n, column in enumerate(COLUMNS):
            sheet.set_column(n, n, column.width, self.wrap if column.kind == "links" else None)
        sheet.freeze_panes(1, 0)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4: the 21 columns print two pages across, the headings and ids on every page
        sheet.fit_to_pages(2, 0)
        sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
        sheet.set_footer("&L&A&RPage &P of &N")
        sheet.repeat_rows(0)
        sheet.repeat_columns(0)
        sheet.write_row(0, 0, HEADINGS, self.heading)
        self.sheet, self.row = sheet, 1

    def _finish(self) -> None:
        """Put the auto-filter over the finished sheet's rows."""
        if self.sheet is not None:
            self.sheet.autofilter(0, 0, max(self.row - 1, 1), len(COLUMNS) - 1)

    def write(self, row: LogRow) -> None:
        """Write one enquiry: numbers as numbers, times as local dates, everything else with write_string."""
        if self.sheet is None or self.row >= MAX_ROWS:
            self._next_sheet()
        sheet, r, zone = self.sheet, self.row, self.zone
        lines = _lines(row)
        if lines > 1:  # set before the row's cells: constant memory writes each row once
            sheet.set_row(r, LINE_HEIGHT * lines)
        for n, (column, value) in enumerate(zip(COLUMNS, row, strict=True)):
            if value is None or value == "" or value == ():
                continue
            if column.kind == "number":
                sheet.write_number(r, n, value, self.top)
            elif column.kind == "time":
                sheet.write_datetime(r, n, value.astimezone(zone).replace(tzinfo=None), self.date)
            elif column.kind == "links":
                sheet.write_string(r, n, "\n".join(value)[:MAX_TEXT], self.wrap)
            else:
                sheet.write_string(r, n, str(value)[:MAX_TEXT], self.wrap if n in WRAPPED else self.top)
        self.row += 1

    def close(self) -> None:
        """Finish the last sheet (an empty log still gets its heading row)."""
        if self.sheet is None:
            self._next_sheet()
        self._finish()


def add_log_sheets(workbook, rows: Iterable[LogRow], zone: ZoneInfo, name: str = "Enquiry log") -> int:
    """Write the rows into the workbook as the log's sheet(s); return how many rows."""
    sheets = LogSheets(workbook, name, zone)
    count = 0
    for row in rows:
        sheets.write(row)
        count += 1
    sheets.close()
    return count


def write_log(rows: Iterable[LogRow], out: BinaryIO, *, zone: ZoneInfo, title: str = "Enquiry log") -> int:
    """Write a workbook holding the log; return how many rows."""
    workbook = new_workbook(out)
    count = add_log_sheets(workbook, rows, zone)
    workbook.close()
    return count
