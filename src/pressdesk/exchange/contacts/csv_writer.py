"""Contacts out as CSV in Google Contacts' columns, every text cell formula-safe."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from pressdesk.exchange.contacts.columns_out import HEADERS, row_of
from pressdesk.exchange.contacts.record import ContactRecord
from pressdesk.exchange.safe_cells import safe_cell


def write_csv(records: Iterable[ContactRecord], out: TextIO) -> int:
    """Write a header and one row per record (a cell starting with = + - @ or a break gets a leading '); how many."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    count = 0
    for record in records:
        writer.writerow([safe_cell(cell) for cell in row_of(record)])
        count += 1
    return count
