"""The report as a file: its figures, tables and charts laid out for the writers in exchange.export (XLSX, HTML,
Markdown), with the enquiry log after it where asked."""

from __future__ import annotations

from datetime import datetime
from typing import IO
from zoneinfo import ZoneInfo

from sqlmodel import Session

from pressdesk.errors import FieldError
from pressdesk.exchange.export import REPORT_FORMATS, report_writer
from pressdesk.exchange.export.document import Chart, Figure, ReportDocument, Table
from pressdesk.models import utcnow
from pressdesk.services import exports
from pressdesk.services.exports import LogFilter, Progress
from pressdesk.services.reports import Count, Period, Report, build_report


def _minutes_text(minutes: float | None) -> str:
    """Minutes in words: "—", "25 min", "52.5 min", "1 h 5 min"."""
    if minutes is None:
        return "—"
    if minutes < 60:
        return f"{minutes:g} min"
    hours, rest = divmod(round(minutes), 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def _breakdown_table(key: str, title: str, noun: str, rows: tuple[Count, ...], none: str) -> Table:
    """A breakdown as a table: name, enquiries, open, closed."""
    return Table(
        key,
        title,
        (noun, "Enquiries", "Open", "Closed"),
        tuple((r.name if r.name is not None else none, r.enquiries, r.open, r.closed) for r in rows),
    )


def report_document(report: Report, *, now: datetime | None = None) -> ReportDocument:
    """The report as headline figures, tables and charts, ready for a report writer."""
    zone = ZoneInfo(report.period.tz)
    t, d, i, c = report.totals, report.deadlines, report.interviews, report.coverage
    decided = d.met + d.missed
    figures = (
        Figure("Enquiries received", str(t.enquiries)),
        Figure("Still open", str(t.open)),
        Figure("Closed", str(t.closed)),
        Figure("Answered", f"{t.answered} of {t.enquiries}"),
        Figure("Median first response", _minutes_text(report.response.overall.median_minutes)),
        Figure("90% answered within", _minutes_text(report.response.overall.p90_minutes)),
        Figure("Deadlines met", f"{d.share_met:.0%} ({d.met} of {decided})" if d.share_met is not None else "—"),
        Figure("Interviews held", f"{i.held} of {i.requested} requested"),
        Figure("Coverage", f"{c.count} pieces from {c.linked_enquiries} enquiries"),
    )
    response_rows = tuple(
        (name, x.answered, x.median_minutes, x.p90_minutes)
        for name, x in (("All types", report.response.overall), *((x.name, x) for x in report.response.by_type))
    )
    tables = (
        Table(
            "by_day",
            "Enquiries per day",
            ("Day", "Enquiries"),
            tuple((f"{r.day:%a} {r.day.day} {r.day:%b}", r.enquiries) for r in report.by_day),
        ),
        _breakdown_table("by_type", "By type", "Type", report.by_type, "(none)"),
        _breakdown_table("by_channel", "By channel", "Channel", report.by_channel, "(none)"),
        _breakdown_table("by_outlet", "By outlet", "Outlet", report.by_outlet, "(no outlet)"),
        _breakdown_table("by_release", "By release", "Release", report.by_release, "(no release)"),
        _breakdown_table("by_expert", "By expert", "Expert", report.by_expert, "(none)"),
        _breakdown_table("by_officer", "By officer", "Officer", report.by_officer, "(unassigned)"),
        Table(
            "response",
            "Minutes to first response",
            ("Type", "Answered", "Median minutes", "90th percentile minutes"),
            response_rows if report.response.overall.answered else (),
        ),
        Table(
            "deadlines",
            "Deadlines",
            ("Deadline", "Enquiries"),
            (("Met", d.met), ("Missed", d.missed), ("No deadline", d.none), ("Not due yet", d.pending))
            + ((("Closing time unknown", d.unknown),) if d.unknown else ())
            if t.enquiries
            else (),
        ),
        Table(
            "interviews",
            "Interviews per expert",
            ("Expert", "Requested", "Accepted", "Declined", "Held", "Cancelled", "Waiting"),
            tuple((e.name, e.requested, e.accepted, e.declined, e.held, e.cancelled, e.waiting) for e in i.per_expert),
        ),
        Table(
            "coverage",
            "Coverage by outlet",
            ("Outlet", "Pieces"),
            tuple((o.name if o.name is not None else "(no outlet)", o.pieces) for o in c.by_outlet),
        ),
        Table(
            "journalists",
            "Busiest journalists",
            ("Journalist", "Outlet", "Enquiries"),
            tuple((j.name, j.outlet if j.outlet is not None else "", j.enquiries) for j in report.busiest_journalists),
        ),
    )
    charts = (
        Chart("Enquiries per day", "column", "by_day", 0, (1,)),
        Chart("Enquiries by type", "bar", "by_type", 0, (1,)),
        Chart("Deadlines", "pie", "deadlines", 0, (1,), colors=("#4e9a06", "#cc0000", "#babdb6", "#3465a4")),
        Chart("Interviews per expert", "bar", "interviews", 0, (1, 2, 4)),
    )
    stamp = (now or utcnow()).astimezone(zone)
    when = f"{stamp:%a} {stamp.day} {stamp:%b %Y %H:%M}"
    subtitle = f"Enquiries received {report.period.title} ({report.period.tz}); figures as of {when}."
    return ReportDocument(
        title=f"Press office report: {report.period.title}",
        subtitle=subtitle,
        figures=figures,
        tables=tables,
        charts=charts,
        tz=report.period.tz,
    )


def export_report(
    session: Session,
    period: Period,
    fmt: str,
    out: IO[bytes],
    *,
    now: datetime | None = None,
    with_log: bool | None = None,
    progress: Progress | None = None,
) -> Report:
    """Write the report of a period to a binary stream as xlsx, html or md; the enquiry log follows it when
    `with_log` (by default in xlsx only, as its last sheet). Returns the report."""
    if fmt not in REPORT_FORMATS:
        raise FieldError("format", f"'{fmt}' is not a format of the report. Use one of: {', '.join(REPORT_FORMATS)}.")
    now = now or utcnow()
    report = build_report(session, period.start, period.end, period.label, tz=period.tz, now=now)
    rows = None
    if with_log if with_log is not None else fmt == "xlsx":
        wanted = LogFilter(start=period.start, end=period.end)
        rows = exports.stream_progress(session, wanted, now=now, progress=progress)
    report_writer(fmt)(report_document(report, now=now), out, log_rows=rows)
    return report
