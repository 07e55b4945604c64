"""Contacts from a CSV file: generic media lists, Outlook and Google Contacts exports, in any delimiter and encoding."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from pressdesk.exchange.contacts.columns import find_header
from pressdesk.exchange.contacts.record import ContactRecord
from pressdesk.exchange.contacts.text_files import ContactFileError, open_text, text_lines
from pressdesk.limits import LONGEST_FILE_LINE
from pressdesk.words import counted

DELIMITERS = ",;\t|"
"""The delimiters a contacts CSV may use (Excel in much of Europe writes semicolons)."""

_SEP_HINT = re.compile(r"^\s*sep=(.)\s*$", re.IGNORECASE)
_SAMPLE_LINES = 50
_SNIFF_CHARS = 4096
"""How much of the sample csv.Sniffer reads: its quote pattern re-scans the rest of its text from every quote."""

csv.field_size_limit(LONGEST_FILE_LINE)  # a notes cell can be long; the default 128 KB refuses some real exports


def _delimiter(sample: list[str]) -> str:
    """The delimiter of a sample of lines: csv.Sniffer's, else the one the first line with any has most of."""
    text = "".join(sample)[:_SNIFF_CHARS]
    try:
        found = csv.Sniffer().sniff(text, delimiters=DELIMITERS).delimiter
    except csv.Error:
        found = ""
    for line in sample:
        counts = {d: line.count(d) for d in DELIMITERS}
        if max(counts.values()) > 0:
            return found if found and counts.get(found, 0) > 0 else max(counts, key=counts.get)
    return found or ","


def _header_delimiter(sample: list[str], source: str) -> str:
    """The delimiter of a sample of lines: the guessed one when a header row reads under it, else the one under which
    one reads best (a title line over the header may have commas in a semicolon file). Only each line's start is
    tried: a header is short, and a long line split four ways would cost seconds."""
    guess = _delimiter(sample)
    starts = [line[:_SNIFF_CHARS] for line in sample]
    best, best_score = guess, 0
    for delimiter in dict.fromkeys(guess + DELIMITERS):
        try:
            columns, _ = find_header(list(csv.reader(starts, delimiter=delimiter)), source=source)
        except (ValueError, csv.Error):
            continue
        if delimiter == guess:
            return guess
        if columns.score > best_score:
            best, best_score = delimiter, columns.score
    return best


def _refuse_markup(sample: list[str], source: str) -> None:
    """ContactFileError for a web page or XML file (old media databases saved their "Excel" export as an HTML table)."""
    start = "".join(line[:1000] for line in sample[:5]).lstrip("\ufeff \t\r\n")[:1000].casefold()
    if start.startswith("<") and any(tag in start for tag in ("<html", "<table", "<?xml", "<!doctype")):
        raise ContactFileError(
            f"{source} is a web page or XML file, not a spreadsheet or CSV: open it in Excel and save it as .xlsx or"
            " .csv."
        )


class _RecordLines:
    """The lines a csv reader takes, those of the record it is reading kept, so one that runs to the end of the file
    can be looked at again."""

    def __init__(self, lines) -> None:
        self.lines = iter(lines)
        self.record: list[str] = []
        self.last: list[str] = []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.record.append(line)
        return line

    def rows(self, reader) -> Iterator[list[str]]:
        """The reader's rows, the lines of the last one read kept."""
        for cells in reader:
            self.last, self.record = self.record, []
            yield cells

    def open_quote(self, delimiter: str) -> bool:
        """Whether the last record read ran to the end of the file inside a quoted cell (a quote mark left open)."""
        if not self.last:
            return False
        try:
            list(csv.reader(self.last, delimiter=delimiter, strict=True))
        except csv.Error as exc:
            return "unexpected end of data" in str(exc)
        return False


def read_csv(path: str | Path, *, source: str | None = None) -> Iterator[ContactRecord]:
    """Every contact in a CSV file, one row at a time; ContactFileError when the file has no recognisable header."""
    path = Path(path)
    source = source or path.name
    try:
        handle = open_text(path)
    except OSError as exc:
        raise ContactFileError(f"cannot read {source}: {exc.strerror or exc}.") from None
    with handle:
        try:
            lines = text_lines(handle, source)
            head = [line for _, line in zip(range(_SAMPLE_LINES), lines, strict=False)]
        except UnicodeDecodeError:
            raise ContactFileError(f"{source} is not text in the encoding it starts with.") from None
        _refuse_markup(head, source)
        if head and (hint := _SEP_HINT.match(head[0])):  # Excel's hint line, not a row of the sheet
            delimiter, head = hint.group(1), head[1:]
        else:
            delimiter = _header_delimiter(head, source)
        tracked = _RecordLines(chain(head, lines))
        rows = tracked.rows(csv.reader(tracked, delimiter=delimiter))
        seen: list[list[str]] = []
        try:
            for cells in rows:
                seen.append(cells)
                if len(seen) >= 20:
                    break
            columns, at = find_header(seen, source=source)
        except ValueError as exc:
            raise ContactFileError(str(exc)) from None
        except UnicodeDecodeError:
            raise ContactFileError(f"{source} is not text in the encoding it starts with.") from None
        number = 0
        try:
            for cells in chain(seen, rows):
                number += 1
                if number <= at or not any(c.strip() for c in cells):
                    continue
                record = columns.record(cells, row=number, source=source)
                if not record.is_empty():
                    yield record
        except UnicodeDecodeError:
            raise ContactFileError(f"{source} has text that is not in its encoding near row {number + 1}.") from None
        except csv.Error as exc:
            raise ContactFileError(f"{source} row {number + 1}: {exc}.") from None
        if tracked.open_quote(delimiter):
            raise ContactFileError(
                f"{source} row {number}: a quote mark opens a cell that never closes (the rest of the file,"
                f" {counted(len(tracked.last), 'line')}, was read as that one cell); close the quote or take it out."
            )
