"""Exports: the enquiry log (CSV, XLSX, JSON, Markdown, HTML) and the report (XLSX, HTML, Markdown), streamed.

One module per format; `columns` holds the log's row and columns, `safety` the formula neutralising, `markup` the
Markdown and HTML escaping, `clock` local times, `document` the report's tables and charts as the report writers
take them, `charts` its SVG charts. Nothing here touches the database: services.exports and services.reports
stream the rows and figures in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module
from typing import BinaryIO

from pressdesk.exchange.export.columns import LogRow

LOG_FORMATS: dict[str, str] = {
    "csv": "csv_log",
    "xlsx": "xlsx_log",
    "json": "json_log",
    "md": "markdown_log",
    "html": "html_log",
}
"""The enquiry log's formats and the module that writes each."""

REPORT_FORMATS: dict[str, str] = {"xlsx": "report_xlsx", "html": "report_html", "md": "report_markdown"}
"""The report's formats and the module that writes each."""


def log_writer(fmt: str) -> Callable[[Iterable[LogRow], BinaryIO], int]:
    """The write_log(rows, out, *, zone, title) of a log format (KeyError for an unknown one)."""
    return import_module(f"pressdesk.exchange.export.{LOG_FORMATS[fmt]}").write_log


def report_writer(fmt: str) -> Callable[..., None]:
    """The write_report(document, out, *, log_rows=None) of a report format (KeyError for an unknown one)."""
    return import_module(f"pressdesk.exchange.export.{REPORT_FORMATS[fmt]}").write_report


__all__ = ["LOG_FORMATS", "REPORT_FORMATS", "LogRow", "log_writer", "report_writer"]
