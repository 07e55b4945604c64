"""Contacts out as an XLSX workbook (xlsxwriter): every cell written as a string, never as a formula or number."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from pressdesk.exchange.contacts.columns_out import HEADERS, row_of
from pressdesk.exchange.contacts.record import ContactRecord

_OPTIONS = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}


def write_xlsx(records: Iterable[ContactRecord], out: str | Path | BinaryIO, *, sheet: str = "Contacts") -> int:
    """Write one sheet, a header and a row per record, each cell a string; a file path streams rows to disk."""
    import xlsxwriter

    streaming = isinstance(out, str | Path)
    options = _OPTIONS | ({"constant_memory": True} if streaming else {"in_memory": True})
    workbook = xlsxwriter.Workbook(str(out) if streaming else out, options)
    try:
        worksheet = workbook.add_worksheet(sheet)
        bold = workbook.add_format({"bold": True})
        for column, header in enumerate(HEADERS):
            worksheet.write_string(0, column, header, bold)
        count = 0
        for count, record in enumerate(records, start=1):
            for column, cell in enumerate(row_of(record)):
                if cell:
                    worksheet.write_string(count, column, cell)
        worksheet.freeze_panes(1, 0)
    finally:
        workbook.close()
    return count
