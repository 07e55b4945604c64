"""How much a zip-based file (.xlsx, .docx) unpacks to, read from its directory before any part is unpacked."""

from __future__ import annotations

import re
import zipfile
from array import array
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree


def unpacked_over(file: str | Path | BinaryIO, limit: int) -> str:
    """Why the zip is refused ("unpacks to 3,072 MB (at most 256 MB)"), or "" when it fits or is no zip at all (its
    reader then says what is wrong with it)."""
    try:
        with zipfile.ZipFile(file) as archive:
            total = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return ""
    if total <= limit:
        return ""
    return f"unpacks to {total >> 20:,} MB (at most {limit >> 20:,} MB)"


def read_through(file: BinaryIO, chunk: int = 1 << 20) -> None:
    """Unpack every member of a zip 1 MB at a time and drop it, so a member whose directory understates it fails its
    check (zipfile.BadZipFile: zipfile stops at the size the directory gives, and the CRC then fails) with memory
    bounded: read whole, as python-docx reads a part, such a member was unpacked whole before it was cut (200 MB)."""
    with zipfile.ZipFile(file) as archive:
        for member in archive.infolist():
            with archive.open(member) as part:
                while part.read(chunk):
                    pass


_CELL_ROW = re.compile(rb'\br="[A-Z]{1,3}([0-9]{1,7})"')
_CELL_COLUMN = re.compile(rb'\br="([A-Z]{1,3})[0-9]{1,7}"')
_SHEET = re.compile(r"xl/worksheets/[^/]+\.xml")


def _column(letters: bytes) -> int:
    """The number of a column from its letters (A = 1, Z = 26, AA = 27)."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def sheet_spans(path: str | Path) -> list[tuple[int, int]]:
    """(rows, columns) each worksheet of a workbook spans from its first cell to its last, read 1 MB at a time."""
    spans = []
    with zipfile.ZipFile(path) as archive:
        for name in (n for n in archive.namelist() if _SHEET.fullmatch(n)):
            rows: set[int] = set()
            columns: set[bytes] = set()
            carry = b""
            with archive.open(name) as sheet:
                while chunk := sheet.read(1 << 20):
                    text = carry + chunk
                    found = list(map(int, _CELL_ROW.findall(text)))
                    rows.update((min(found), max(found)) if found else ())
                    columns.update(_CELL_COLUMN.findall(text))
                    carry = text[-32:]
            if rows:
                numbers = [_column(letters) for letters in columns]
                spans.append((max(rows) - min(rows) + 1, max(numbers) - min(numbers) + 1))
    return spans


_SHARED_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\bt="s"[^>]*>\s*<(?:\w+:)?v>\s*([0-9]{1,10})\s*<')
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _string_lengths(archive: zipfile.ZipFile) -> array:
    """The length in characters of each shared string of a workbook, read as it streams (each string let go)."""
    lengths = array("Q")
    if "xl/sharedStrings.xml" not in archive.namelist():
        return lengths
    with archive.open("xl/sharedStrings.xml") as strings:
        for _, element in ElementTree.iterparse(strings):
            if element.tag == f"{_MAIN}si":
                lengths.append(sum(len(t.text or "") for t in element.iter(f"{_MAIN}t")))
                element.clear()
    return lengths


def shared_text(path: str | Path) -> int:
    """How many characters of shared strings the cells of a workbook's sheets show, in all: calamine holds a copy for
    each cell (one 30,000-character string shown in 40,000 cells of a 140 KB file made it hold 1.2 GB)."""
    with zipfile.ZipFile(path) as archive:
        lengths = _string_lengths(archive)
        if not lengths:
            return 0
        total = 0
        for name in (n for n in archive.namelist() if _SHEET.fullmatch(n)):
            carry = b""
            with archive.open(name) as sheet:
                while chunk := sheet.read(1 << 20):
                    text = carry + chunk
                    cut = text.rfind(b"</") + 1 or len(text)
                    for index in map(int, _SHARED_CELL.findall(text, 0, cut)):
                        total += lengths[index] if index < len(lengths) else 0
                    carry = text[cut:][-(1 << 16) :]
    return total
