"""The report as one self-contained HTML page: figures, SVG charts held in the page, tables; printable to PDF."""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO
from zoneinfo import ZoneInfo

from pressdesk.exchange.export import charts, html_log
from pressdesk.exchange.export.columns import LogRow
from pressdesk.exchange.export.document import ReportDocument, Table
from pressdesk.exchange.export.markup import PAGE_END, h, page_head, title_block
from pressdesk.exchange.export.report_markdown import shown


def table_html(table: Table) -> str:
    """A table in its own section, its title above; a line saying so when it is empty."""
    numeric = table.numeric
    html = f'<section class="table" id="{h(table.key)}">\n<h2>{h(table.title)}</h2>\n'
    if not table.rows:
        return html + "<p>None in this period.</p>\n</section>\n"
    head = "".join(f"<th{' class=n' if n else ''}>{h(t)}</th>" for t, n in zip(table.headings, numeric, strict=True))
    html += f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
    for row in table.rows:
        cells = "".join(f"<td{' class=n' if n else ''}>{h(shown(v))}</td>" for v, n in zip(row, numeric, strict=True))
        html += f"<tr>{cells}</tr>\n"
    return html + "</tbody>\n</table>\n</section>\n"


def summary_html(document: ReportDocument) -> str:
    """The first page: title, period, headline figures and the charts."""
    html = title_block(document.title, document.subtitle)
    html += '<div class="kpis">\n'
    html += "".join(f'<div class="kpi"><b>{h(f.value)}</b>{h(f.label)}</div>\n' for f in document.figures)
    html += "</div>\n"
    drawn = [c for c in document.charts if document.table(c.table).rows]
    if drawn:
        html += '<div class="charts">\n'
        for chart in drawn:
            uri = charts.image_uri(charts.svg(chart, document.table(chart.table)))
            html += f'<figure><img src="{uri}" alt="{h(chart.title)}" width="640" height="340"></figure>\n'
        html += "</div>\n"
    return html


def write_report(
    document: ReportDocument, out: BinaryIO, *, log_rows: Iterable[LogRow] | None = None, title: str = ""
) -> int:
    """Write the page: summary first, then each table, then the enquiry log on its own pages if given."""
    out.write(page_head(document.title).encode("utf-8"))
    out.write(summary_html(document).encode("utf-8"))
    out.write(b'<section class="page">\n')
    for table in document.tables:
        out.write(table_html(table).encode("utf-8"))
    out.write(b"</section>\n")
    count = 0
    if log_rows is not None:
        zone = ZoneInfo(document.tz)
        heading = (
            f'<section class="page log">\n<h2>Enquiry log</h2>\n<p class=meta>Times are local to {h(zone.key)}.</p>\n'
        )
        out.write(heading.encode("utf-8"))
        count = html_log.write_rows(log_rows, out, zone)
        out.write(b"</section>\n")
    out.write(PAGE_END.encode())
    return count
