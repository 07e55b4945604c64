"""The report as Markdown: the figures and the same tables, every value escaped, for pasting into an email."""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO
from zoneinfo import ZoneInfo

from pressdesk.exchange.export import markdown_log
from pressdesk.exchange.export.columns import LogRow
from pressdesk.exchange.export.document import ReportDocument, Table
from pressdesk.exchange.export.markup import md_cell, md_row, md_table_head


def shown(value: object) -> object:
    """A table value as text: "—" for none, one decimal for fractions."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}"
    return value


def table_text(table: Table) -> str:
    """A table under its title; a line saying so when it is empty."""
    text = f"## {md_cell(table.title)}\n\n"
    if not table.rows:
        return text + "None in this period.\n\n"
    text += md_table_head(table.headings, list(table.numeric))
    return text + "".join(md_row([shown(v) for v in row]) for row in table.rows) + "\n"


def write_report(
    document: ReportDocument, out: BinaryIO, *, log_rows: Iterable[LogRow] | None = None, title: str = ""
) -> int:
    """Write the report (and the enquiry log after it, if given); return how many log rows."""
    head = f"# {md_cell(document.title)}\n\n{md_cell(document.subtitle)}\n\n"
    head += "".join(f"- **{md_cell(f.label)}**: {md_cell(f.value)}\n" for f in document.figures) + "\n"
    out.write(head.encode("utf-8"))
    for table in document.tables:
        out.write(table_text(table).encode("utf-8"))
    if log_rows is None:
        return 0
    out.write(b"\n")
    return markdown_log.write_log(log_rows, out, zone=ZoneInfo(document.tz), title="Enquiry log")
