"""Contacts in and out: CSV (generic, Outlook, Google), vCard, LDIF and spreadsheet (XLSX, XLS, ODS) readers yielding
neutral ContactRecords, and CSV, vCard 4 and XLSX writers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from pressdesk.exchange.contacts.record import LABELS, ContactRecord, Detail, label_of
from pressdesk.exchange.contacts.text_files import ContactFileError

__all__ = [
    "LABELS",
    "ContactFileError",
    "ContactRecord",
    "Detail",
    "count_records",
    "file_format",
    "label_of",
    "read_contacts",
]

FORMATS = ("csv", "vcf", "ldif", "xlsx")
"""What file_format answers; "xlsx" is any workbook calamine reads (XLSX, XLSB, XLS, ODS)."""
_SHEET_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
"""How a workbook starts: a zip (XLSX, ODS) or an OLE2 compound file (old Excel's XLS)."""
_SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".ods")
"""Names of files that are workbooks whatever they start with (".xls" is not: old media databases wrote their "Excel"
export as tab-separated text under that name)."""
_LDIF_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?(?:#[^\n]*\n|[ \t]*\n)*(?:version:[ \t]*1[ \t]*\n)?dn::?[ \t]", re.IGNORECASE
)
"""How an LDIF file starts: comments and blank lines (each line matched one way only), a version line, a dn."""


def file_format(path: str | Path) -> str:
    """The format of a contacts file: xlsx (a workbook), vcf (a BEGIN:VCARD near the start), ldif (an LDIF address
    book: its first entry's dn line) or csv."""
    path = Path(path)
    with path.open("rb") as fh:
        head = fh.read(4096)
    if head.startswith(_SHEET_MAGIC) or path.suffix.casefold() in _SHEET_SUFFIXES:
        return "xlsx"
    if path.suffix.casefold() in (".vcf", ".vcard"):
        return "vcf"
    if path.suffix.casefold() == ".ldif" or _LDIF_START.match(head.replace(b"\r\n", b"\n")):
        return "ldif"
    sample = head.replace(b"\x00", b"").decode("latin-1").upper()
    return "vcf" if "BEGIN:VCARD" in sample else "csv"


def read_contacts(path: str | Path, *, source: str | None = None) -> Iterator[ContactRecord]:
    """Every contact in a file of any supported format, one at a time (ContactFileError when it cannot be read)."""
    path = Path(path)
    try:
        kind = file_format(path)
    except OSError as exc:
        raise ContactFileError(f"cannot read {source or path.name}: {exc.strerror or exc}.") from None
    if kind == "xlsx":
        from pressdesk.exchange.contacts.xlsx_reader import read_xlsx

        return read_xlsx(path, source=source)
    if kind == "vcf":
        from pressdesk.exchange.contacts.vcard_reader import read_vcards

        return read_vcards(path, source=source)
    if kind == "ldif":
        from pressdesk.exchange.contacts.ldif_reader import read_ldif

        return read_ldif(path, source=source)
    from pressdesk.exchange.contacts.csv_reader import read_csv

    return read_csv(path, source=source)


def count_records(path: str | Path) -> int:
    """About how many people a file holds, quickly, for a progress bar: a CSV's lines after the first, a vCard
    file's cards, an LDIF file's entries, a sheet's rows after the first; 0 for what is no regular file (a FIFO never
    ends, nor does /dev/zero: reading them for a count hung)."""
    path = Path(path)
    if not path.is_file():
        return 0
    kind = file_format(path)
    if kind == "xlsx":
        from pressdesk.exchange.contacts.xlsx_reader import readable_sheet

        sheet = readable_sheet(path)
        return max(0, sheet.height - 1) if sheet is not None else 0
    marker = {"vcf": b"BEGIN:VCARD", "ldif": b"\ndn:"}.get(kind, b"\n")
    count = 0
    with path.open("rb") as fh:
        head = fh.read(2)
        wide = head in (b"\xff\xfe", b"\xfe\xff")
        fh.seek(0)
        while chunk := fh.read(1 << 20):
            count += chunk.replace(b"\x00", b"").upper().count(marker) if wide or kind == "vcf" else chunk.count(marker)
    return count if kind == "vcf" else count + 1 if kind == "ldif" else max(0, count - 1)
