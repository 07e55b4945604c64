"""The report as a workbook: a summary sheet with native Excel charts, one sheet per table, the enquiry log last."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import BinaryIO
from zoneinfo import ZoneInfo

from pressdesk.exchange.export.columns import LogRow
from pressdesk.exchange.export.document import Chart, ReportDocument, Table
from pressdesk.exchange.export.xlsx_log import MAX_TEXT, add_log_sheets, new_workbook

SUMMARY = "Summary"
CHART_SIZE = {"x_scale": 1.25, "y_scale": 1.1}
"""Each chart about 600 x 320 pixels."""
CHART_PLACES = ("D2", "N2", "D20", "N20", "D38", "N38")
"""Where the charts go on the summary sheet, two abreast."""
_EXCEL_KIND = {"column": "column", "bar": "bar", "pie": "doughnut"}


def _sheet_name(table: Table) -> str:
    """A table's sheet name (Excel allows 31 characters)."""
    return table.title[:31]


def _write_table(workbook, table: Table, formats: dict) -> None:
    """One table on its own sheet: bold frozen headings, auto-filter, text as text, numbers as numbers."""
    sheet = workbook.add_worksheet(_sheet_name(table))
    numeric = table.numeric
    for n, heading in enumerate(table.headings):
        widest = max([len(heading), *(len(str(row[n])) for row in table.rows if row[n] is not None)])
        sheet.set_column(n, n, min(max(widest + 2, 10), 60))
    sheet.freeze_panes(1, 0)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    sheet.write_row(0, 0, table.headings, formats["heading"])
    for r, row in enumerate(table.rows, start=1):
        for n, value in enumerate(row):
            if value is None:
                continue
            if numeric[n]:
                sheet.write_number(r, n, value, formats["decimal"] if isinstance(value, float) else None)
            else:
                sheet.write_string(r, n, str(value)[:MAX_TEXT])
    sheet.autofilter(0, 0, max(len(table.rows), 1), len(table.headings) - 1)


def _chart(workbook, chart: Chart, table: Table):
    """A native Excel chart over the table's sheet."""
    drawing = workbook.add_chart({"type": _EXCEL_KIND[chart.kind]})
    name, last = _sheet_name(table), len(table.rows)
    for column in chart.value_columns:
        series = {
            "name": [name, 0, column],
            "categories": [name, 1, chart.label_column, last, chart.label_column],
            "values": [name, 1, column, last, column],
        }
        if chart.kind == "pie":
            series["data_labels"] = {"value": True}
            if chart.colors:
                series["points"] = [{"fill": {"color": c}} for c in chart.colors]
        elif chart.colors:
            series["fill"] = {"color": chart.colors[chart.value_columns.index(column) % len(chart.colors)]}
        drawing.add_series(series)
    drawing.set_title({"name": chart.title, "name_font": {"size": 12}})
    drawing.set_legend(
        {"position": "bottom"} if chart.kind == "pie" or len(chart.value_columns) > 1 else {"none": True}
    )
    if chart.kind != "pie":
        highest = max([1, *((row[c] or 0) for row in table.rows for c in chart.value_columns)])
        counts = {"min": 0, "major_unit": max(1, math.ceil(highest / 8)), "num_format": "0"}
        if chart.kind == "bar":  # categories run down the y axis, first at the top; the counts along x
            drawing.set_y_axis({"reverse": True})
            drawing.set_x_axis(counts)
        else:
            drawing.set_y_axis(counts)
    return drawing


def _summary(workbook, document: ReportDocument, formats: dict) -> None:
    """The first sheet: title, period, headline figures, and the charts."""
    sheet = workbook.add_worksheet(SUMMARY)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 1)
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 1, 30)
    sheet.write_string(0, 0, document.title, formats["title"])
    sheet.write_string(1, 0, document.subtitle)
    for r, figure in enumerate(document.figures, start=3):
        sheet.write_string(r, 0, figure.label, formats["label"])
        sheet.write_string(r, 1, figure.value, formats["figure"])
    drawn = [c for c in document.charts if document.table(c.table).rows]
    for place, chart in zip(CHART_PLACES, drawn, strict=False):
        sheet.insert_chart(place, _chart(workbook, chart, document.table(chart.table)), CHART_SIZE)


def write_report(
    document: ReportDocument, out: BinaryIO, *, log_rows: Iterable[LogRow] | None = None, title: str = ""
) -> int:
    """Write the workbook: summary, a sheet per table, then the enquiry log if given; return how many log rows."""
    workbook = new_workbook(out)
    formats = {
        "title": workbook.add_format({"bold": True, "font_size": 16}),
        "label": workbook.add_format({"bold": True}),
        "figure": workbook.add_format({"align": "left", "font_size": 12}),
        "heading": workbook.add_format({"bold": True, "bg_color": "#EEF0F6", "border": 1}),
        "decimal": workbook.add_format({"num_format": "0.0"}),
    }
    _summary(workbook, document, formats)
    for table in document.tables:
        _write_table(workbook, table, formats)
    count = 0
    if log_rows is not None:
        count = add_log_sheets(workbook, log_rows, ZoneInfo(document.tz), "Enquiry log")
    workbook.close()
    return count
