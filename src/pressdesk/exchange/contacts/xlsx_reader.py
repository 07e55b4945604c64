"""Contacts from a spreadsheet media list (XLSX, XLS, ODS through python-calamine): the first sheet with a header row,
the header found wherever it is in its first rows."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, datetime, time
from itertools import chain
from pathlib import Path
from xml.etree import ElementTree

from pressdesk.exchange.contacts.columns import HEADER_SEARCH_ROWS, find_header
from pressdesk.exchange.contacts.record import ContactRecord
from pressdesk.exchange.contacts.text_files import ContactFileError
from pressdesk.exchange.unpacked import shared_text, sheet_spans, unpacked_over
from pressdesk.limits import LARGEST_SHEET_CELLS, LARGEST_SHEET_TEXT, UNPACKED_CONTACTS_BYTES


def cell_text(value: object) -> str:
    """A cell as text: a whole number without ".0" (phone numbers are often stored as numbers), dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def _sizes(path: Path) -> tuple[list[tuple[int, int]], int]:
    """The rows and columns each sheet spans (XLSX or ODS) and the characters of text its cells hold copied (an XLSX's
    shared strings each cell shows, an ODS cell's text times its repeats); none for a file that is no zip workbook
    (calamine then says what it is; an old .xls is measured by old_excel_refusal)."""
    try:
        with zipfile.ZipFile(path) as archive:
            if "content.xml" in archive.namelist():
                with archive.open("content.xml") as content:
                    return ods_sizes(content)
        return sheet_spans(path), shared_text(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, ElementTree.ParseError, zlib.error):
        return [], 0


_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_VALUE_TYPE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}value-type"


def ods_sizes(content) -> tuple[list[tuple[int, int]], int]:
    """(rows, columns) each table of an ODS content.xml spans to its last cell with a value, its repeats counted (a
    few bytes may repeat a cell millions of times; LibreOffice's own repeats of empty cells span nothing), and the
    characters of text its cells hold, each repeat counted (calamine holds each repeat's own copy)."""
    spans: list[tuple[int, int]] = []
    rows = columns = row_at = column_at = filled = 0
    text = row_text = cell_text = 0
    for event, element in ElementTree.iterparse(content, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == f"{_TABLE}table":
                rows = columns = row_at = 0
            elif tag == f"{_TABLE}table-row":
                column_at, filled, row_text = 0, 0, 0
            elif tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                cell_text = 0
            continue
        if tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
            repeat = int(element.get(f"{_TABLE}number-columns-repeated", "1"))
            column_at += repeat
            if element.get(_VALUE_TYPE):
                columns = max(columns, column_at)
                filled = 1
                row_text += (cell_text + len(element.text or "")) * repeat
        elif tag == f"{_TABLE}table-row":
            repeat = int(element.get(f"{_TABLE}number-rows-repeated", "1"))
            row_at += repeat
            rows = row_at if filled else rows
            text += row_text * repeat
        elif tag == f"{_TABLE}table":
            spans.append((rows, columns))
        else:  # a paragraph or span of a cell's text
            cell_text += len(element.text or "") + len(element.tail or "")
        element.clear()
    return spans, text


def _plain_archive(path: Path) -> bool:
    """Whether the file is a zip that holds no workbook (a .vcf or .csv someone zipped): no XLSX, XLSB or ODS parts."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return False
    return not names & {"xl/workbook.xml", "xl/workbook.bin", "content.xml", "[Content_Types].xml"}


def calamine_panicked(exc: BaseException) -> bool:
    """Whether calamine stopped on a file it could not read with a Rust panic (pyo3's PanicException is no Exception,
    so it would escape every handler as a traceback)."""
    return type(exc).__name__ == "PanicException"


def old_excel_refusal(path: Path) -> str:
    """Why an old Excel workbook (a compound file) is refused before calamine reads it, or "" (also for any other
    file): damaged so calamine would loop or crash, sheets spanning too many cells, or cells copying too much text."""
    from pressdesk.exchange.compound import MAGIC, DamagedCompoundFile, compound_stream
    from pressdesk.exchange.contacts.xls_sizes import held_sizes

    with path.open("rb") as fh:
        if fh.read(len(MAGIC)) != MAGIC:
            return ""
    try:
        stream = compound_stream(path, ("Workbook", "Book"))
        held = held_sizes(stream) if stream is not None else None
    except DamagedCompoundFile as exc:
        return f"is not an Excel workbook pressdesk can read ({exc}); open it in Excel and save it again as .xlsx."
    if held is None:
        return "is not an Excel workbook (it holds no workbook); save it from Excel as .xlsx."
    if held.cells > LARGEST_SHEET_CELLS:
        rows, columns = held.largest
        return (
            f"has sheets spanning {held.cells:,} cells (at most {LARGEST_SHEET_CELLS:,}; one spans {rows:,} rows by"
            f" {columns:,} columns): it is not a contacts list; copy the contacts into a new sheet."
        )
    return _too_much_text(held.shared_text)


def _too_much_text(characters: int) -> str:
    """Why a workbook whose cells copy this much shared text is refused, or "" when it is within LARGEST_SHEET_TEXT."""
    if characters <= LARGEST_SHEET_TEXT:
        return ""
    return (
        f"has cells holding {characters:,} characters of text in all (at most {LARGEST_SHEET_TEXT:,}): it is not a"
        " contacts list; save its contacts sheet on its own."
    )


def readable_sheet(path: Path):
    """The sheet of a workbook the contacts are on, as calamine reads it, or None when it cannot be read or spans too
    many cells (the reader then says why)."""
    from python_calamine import CalamineWorkbook

    if unpacked_over(path, UNPACKED_CONTACTS_BYTES) or old_excel_refusal(path):
        return None
    spans, text = _sizes(path)
    if any(r * c > LARGEST_SHEET_CELLS for r, c in spans) or _too_much_text(text):
        return None
    try:
        return contacts_sheet(CalamineWorkbook.from_path(str(path)), source=path.name)[0]
    except BaseException as exc:  # calamine raises its own error types for every kind of bad file, and panics
        if not isinstance(exc, Exception) and not calamine_panicked(exc):
            raise
        return None


def contacts_sheet(workbook, *, source: str):
    """(sheet, its column map, its header's row number, the rows read so far, the rows after them) of the first sheet
    with a header row: an export's first sheet may be its search or a cover page. ValueError when none has one."""
    refused: ValueError | None = None
    for index in range(len(workbook.sheet_names)):
        sheet = workbook.get_sheet_by_index(index)
        rows = ([cell_text(c) for c in cells] for cells in sheet.iter_rows())
        seen = [cells for _, cells in zip(range(HEADER_SEARCH_ROWS), rows, strict=False)]
        try:
            columns, at = find_header(seen, source=source)
        except ValueError as exc:
            refused = refused or exc
            continue
        return sheet, columns, at, seen, rows
    raise refused or ValueError(f"{source} has no sheet.")


def read_xlsx(path: str | Path, *, source: str | None = None) -> Iterator[ContactRecord]:
    """Every contact on the first sheet of a workbook, one row at a time; ContactFileError if it cannot be read."""
    from python_calamine import CalamineWorkbook

    path = Path(path)
    source = source or path.name
    if bomb := unpacked_over(path, UNPACKED_CONTACTS_BYTES):
        raise ContactFileError(f"{source} {bomb}: it is not a contacts list; save its contacts sheet on its own.")
    if refusal := old_excel_refusal(path):
        raise ContactFileError(f"{source} {refusal}")
    if _plain_archive(path):
        raise ContactFileError(f"{source} is a zip archive, not a contacts file: unpack it and import the file inside.")
    spans, text = _sizes(path)
    for rows, columns in spans:
        if rows * columns > LARGEST_SHEET_CELLS:
            raise ContactFileError(
                f"{source} has a sheet spanning {rows:,} rows by {columns:,} columns (at most {LARGEST_SHEET_CELLS:,}"
                " cells): it is not a contacts list; copy the contacts into a new sheet."
            )
    if refusal := _too_much_text(text):
        raise ContactFileError(f"{source} {refusal}")
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheet, columns, at, seen, rows = contacts_sheet(workbook, source=source)
    except ValueError as exc:
        raise ContactFileError(str(exc)) from None
    except BaseException as exc:  # calamine raises its own error types for every kind of bad file, and panics
        if not isinstance(exc, Exception) and not calamine_panicked(exc):
            raise
        reason = type(exc).__name__
        raise ContactFileError(
            f"{source} is not an Excel workbook pressdesk can read ({reason}): open it in Excel or LibreOffice and save"
            " it again as .xlsx or .csv."
        ) from None
    first_row = sheet.start[0] if sheet.start else 0
    for offset, cells in enumerate(chain(seen, rows), start=1):
        if offset <= at or not any(c.strip() for c in cells):
            continue
        record = columns.record(cells, row=first_row + offset, source=source)
        if not record.is_empty():
            yield record
