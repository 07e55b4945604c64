"""Contacts in and out: CSV (generic, Outlook, Google), vCard and XLSX readers yielding neutral ContactRecords, and
CSV, vCard 4 and XLSX writers."""

from __future__ import annotations

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

FORMATS = ("csv", "vcf", "xlsx")
_XLSX_MAGIC = b"PK\x03\x04"


def file_format(path: str | Path) -> str:
    """The format of a contacts file: xlsx (a zip), vcf (a BEGIN:VCARD near the start) or csv."""
    path = Path(path)
    with path.open("rb") as fh:
        head = fh.read(4096)
    if head.startswith(_XLSX_MAGIC) or path.suffix.casefold() in (".xlsx", ".xlsm"):
        return "xlsx"
    if path.suffix.casefold() in (".vcf", ".vcard"):
        return "vcf"
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
    from pressdesk.exchange.contacts.csv_reader import read_csv

    return read_csv(path, source=source)


def count_records(path: str | Path) -> int:
    """About how many people a file holds, quickly, for a progress bar: a CSV's lines after the first, a vCard
    file's cards, a sheet's rows after the first."""
    path = Path(path)
    kind = file_format(path)
    if kind == "xlsx":
        from pressdesk.exchange.contacts.xlsx_reader import readable_sheet

        sheet = readable_sheet(path)
        return max(0, sheet.height - 1) if sheet is not None else 0
    marker = b"BEGIN:VCARD" if kind == "vcf" else b"\n"
    count = 0
    with path.open("rb") as fh:
        head = fh.read(2)
        wide = head in (b"\xff\xfe", b"\xfe\xff")
        fh.seek(0)
        while chunk := fh.read(1 << 20):
            count += chunk.replace(b"\x00", b"").upper().count(marker) if wide or kind == "vcf" else chunk.count(marker)
    return count if kind == "vcf" else max(0, count - 1)
