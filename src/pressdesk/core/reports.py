"""Reports out: the enquiry log and the report of a period, as figures for the faces and as files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from pressdesk.core.base import CoreBase
from pressdesk.core.views import DeskView, ReportView, WrittenLog, WrittenReport
from pressdesk.errors import FieldError

Progress = Callable[[int, int], None]
"""Told (rows written so far, rows in all) as an export goes, for a progress bar."""

Target = str | IO[bytes]
"""A file name ("~" allowed; "-" is the caller's to turn into a stream) or a binary stream."""


def documents_folder() -> Path:
    """Where exports go unless told otherwise: the user's documents folder (the home folder if there is none)."""
    from platformdirs import user_documents_dir

    folder = Path(user_documents_dir())
    return folder if folder.is_dir() else Path.home()


def _path(target: str) -> Path:
    """The file a typed name stands for; FieldError("output") for none."""
    text = target.strip()
    if not text:
        raise FieldError("output", "Give a file name such as ~/Documents/enquiries.xlsx.")
    return Path(text).expanduser().absolute()


class ReportsArea(CoreBase):
    """The enquiry log export (by typed filter or as the desk shows it) and the report of a period."""

    def _log_filter(self, **typed):
        """The export filter of what a face typed; FieldError names what cannot be read."""
        from pressdesk.services import exports

        return exports.read_filter(now=self.clock(), tz=self.settings.timezone, **typed)

    def _write_log(self, wanted, target: Target, fmt: str, progress: Progress | None, title: str) -> WrittenLog:
        """Write the log of a filter to a file (whole or not at all) or a stream."""
        from pressdesk.exchange.export import LOG_FORMATS
        from pressdesk.services import exports

        if fmt not in LOG_FORMATS:
            raise FieldError("format", f"'{fmt}' is not a format of the log. Use one of: {', '.join(LOG_FORMATS)}.")
        now, tz = self.clock(), self.settings.timezone
        with self.desk.read() as s:
            exports.count_log(s, wanted)  # an unknown outlet is refused before a byte is written

            def write(out: IO[bytes]) -> int:
                return exports.export_log(s, wanted, fmt, out, tz=tz, now=now, progress=progress, title=title)

            if not isinstance(target, str):
                return WrittenLog(write(target), "-")
            path = _path(target)
            return WrittenLog(exports.write_file(path, write), str(path))

    def export_enquiries(
        self,
        target: Target,
        fmt: str,
        *,
        from_text: str | None = None,
        to_text: str | None = None,
        status: Sequence[str] = (),
        officer: Sequence[str] = (),
        type: Sequence[str] = (),
        outlet: Sequence[str] = (),
        open_only: bool = False,
        progress: Progress | None = None,
    ) -> WrittenLog:
        """Write the enquiry log chosen by typed dates and filters in a format (csv, xlsx, json, md, html).

        FieldError names the field that cannot be read ("from", "to", "status", "type", "outlet", "format",
        "output"); nothing is written then.
        """
        wanted = self._log_filter(
            from_text=from_text,
            to_text=to_text,
            status=list(status),
            officer=list(officer),
            type=list(type),
            outlet=list(outlet),
            open_only=open_only,
        )
        return self._write_log(wanted, target, fmt, progress, "Enquiry log")

    def export_view(self, view: DeskView, target: Target, fmt: str, *, progress: Progress | None = None) -> WrittenLog:
        """Write the enquiries a desk view holds (what the desk shows under that view and narrowing)."""
        from pressdesk.services import desk_views

        wanted = desk_views.view_filter(
            view.name,
            me=self.settings.officer,
            officer=view.officer,
            type=view.type,
            outlet=view.outlet,
            now=self.clock(),
            tz=self.settings.timezone,
        )
        return self._write_log(wanted, target, fmt, progress, f"Enquiries: {view.label}")

    def _period(self, period: str | None, from_text: str | None, to_text: str | None):
        """The report's period from a name or typed dates."""
        from pressdesk.services.reports import report_period

        return report_period(period, from_text=from_text, to_text=to_text, now=self.clock(), tz=self.settings.timezone)

    def report(
        self, period: str | None = None, *, from_text: str | None = None, to_text: str | None = None
    ) -> ReportView:
        """The report of a period (day, week, month: the current one) or of typed dates: figures and tables.

        FieldError names "period", "from" or "to" when it cannot be read.
        """
        from pressdesk.services.report_files import report_document
        from pressdesk.services.reports import build_report

        span = self._period(period, from_text, to_text)
        now = self.clock()
        with self.desk.read() as s:
            found = build_report(s, span.start, span.end, span.label, tz=span.tz, now=now)
        return ReportView(found, report_document(found, now=now))

    def export_report(
        self,
        target: Target,
        fmt: str,
        *,
        period: str | None = None,
        from_text: str | None = None,
        to_text: str | None = None,
        progress: Progress | None = None,
    ) -> WrittenReport:
        """Write the report of a period as xlsx (with the enquiry log as its last sheet), html or md."""
        from pressdesk.exchange.export import REPORT_FORMATS
        from pressdesk.services import exports, report_files

        if fmt not in REPORT_FORMATS:
            raise FieldError(
                "format", f"'{fmt}' is not a format of the report. Use one of: {', '.join(REPORT_FORMATS)}."
            )
        span = self._period(period, from_text, to_text)
        now = self.clock()
        with self.desk.read() as s:

            def write(out: IO[bytes]):
                return report_files.export_report(s, span, fmt, out, now=now, progress=progress)

            if not isinstance(target, str):
                return WrittenReport(write(target), "-")
            path = _path(target)
            return WrittenReport(exports.write_file(path, write), str(path))
