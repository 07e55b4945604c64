"""Reports: a period (today, this week, last week, this month, custom), its headline figures, charts and tables;
`x` writes the report to a file."""

from __future__ import annotations

import math
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, RadioButton, RadioSet, Static
from textual_plotext import PlotextPlot

from pressdesk.tui.messages import BackendReady, DeskChanged
from pressdesk.tui.safe import cell, lit
from pressdesk.tui.widgets.footer import KeyFooter
from pressdesk.tui.work import run_db

PERIODS: tuple[tuple[str, str], ...] = (
    ("day", "Today"),
    ("week", "This week"),
    ("last week", "Last week"),
    ("month", "This month"),
    ("custom", "Custom"),
)
"""The period picker's choices: (key, label); "week" is the first shown."""

REPORT_FORMATS = ("html", "xlsx", "md")


def period_words(period: str, from_text: str = "", to_text: str = "") -> dict[str, str | None]:
    """The chosen period as the core reads it: a name (day, week, month) or from/to words."""
    if period == "custom":
        return {"period": None, "from_text": from_text or None, "to_text": to_text or None}
    if period == "last week":
        return {"period": None, "from_text": "last week", "to_text": "last week"}
    return {"period": period, "from_text": None, "to_text": None}


def _value(value: Any):
    """A text value as a cell, never read as markup; none as a dim dash."""
    return cell("—", "dim") if value is None or value == "" else cell(value)


def _right(text: str):
    """A number, right-aligned in its column."""
    found = cell(text)
    found.justify = "right"
    return found


class ReportsScreen(Screen):
    """The report of a period: figures, charts in the terminal, and every table of the report files."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "export", "Export", id="reports.export"),
        Binding("f5", "reload", "Reload", id="reports.reload"),
    ]
    NARROW_KEYS: ClassVar[frozenset[str]] = frozenset({"export", "reload"})

    def __init__(self) -> None:
        super().__init__()
        self.period = "week"
        self.view = None
        self.asked: dict[str, str | None] = period_words("week")
        """The period of the report shown, as it was asked for (the export asks for the same)."""

    def compose(self) -> ComposeResult:
        """Header, the period picker, then figures, charts and tables in one scroll."""
        yield Header()
        with RadioSet(id="report-periods"):
            for key, label in PERIODS:
                yield RadioButton(label, value=key == self.period, name=key)
        with Horizontal(id="report-dates"):
            yield Input(placeholder="from: monday", id="report-from")
            yield Input(placeholder="to: today", id="report-to")
        yield Static("", id="report-title")
        with VerticalScroll(id="report-body"):
            yield Grid(id="report-figures")
            with Horizontal(id="report-charts"):
                yield PlotextPlot(id="chart-days")
                yield PlotextPlot(id="chart-types")
            yield Vertical(id="report-tables")
        yield KeyFooter()

    def on_mount(self) -> None:
        """The custom dates hide until asked for; load the week if the desk is open."""
        self._show_custom(False)
        picker = self.query_one("#report-periods", RadioSet)
        for _ in range(picker.pressed_index):  # the keyboard's highlight starts on the period shown, not the first
            picker.action_next_button()
        if self.app.backend is not None:
            self.reload()

    def on_backend_ready(self, _event: BackendReady) -> None:
        """The desk opened: report on it."""
        self.reload()

    def on_desk_changed(self, _event: DeskChanged) -> None:
        """Something was written: count again."""
        self.reload()

    def action_reload(self) -> None:
        """Count again."""
        self.reload()

    def _show_custom(self, shown: bool) -> None:
        """Show or hide the from/to boxes."""
        self.query_one("#report-dates").display = shown

    @on(RadioSet.Changed, "#report-periods")
    def _period_chosen(self, event: RadioSet.Changed) -> None:
        """A period was picked: report on it (a custom one once its dates are typed)."""
        self.period = event.pressed.name or "week"
        self._show_custom(self.period == "custom")
        if self.period == "custom":
            self.query_one("#report-from", Input).focus()
            self._say("Type the first and last day (today, monday, 16/11) and press Enter.")
            return
        self.reload()

    @on(Input.Submitted, "#report-dates Input")
    def _dates_typed(self) -> None:
        """Enter in either date box reports on the custom period."""
        self.reload()

    def reload(self) -> None:
        """Build the report of the chosen period in a worker."""
        asked = period_words(
            self.period, self.query_one("#report-from", Input).value, self.query_one("#report-to", Input).value
        )

        def shown(view) -> None:
            self.asked = asked
            self._show(view)

        run_db(self, lambda b: b.report(**asked), done=shown, error=lambda exc: self._say(exc.message), group="report")

    def _say(self, message: str) -> None:
        """The line under the picker."""
        self.query_one("#report-title", Static).update(lit(message, "bold"))

    def _show(self, view) -> None:
        """Show a report: title, figures, charts and tables."""
        self.view = view
        document = view.document
        self._say(document.title.removeprefix("Press office report: "))
        figures = self.query_one("#report-figures", Grid)
        figures.remove_children()
        figures.mount_all(
            Static(lit(f.value, "bold") + lit("\n") + lit(f.label, "dim"), classes="figure") for f in document.figures
        )
        self._chart("#chart-days", "Enquiries per day", document.table("by_day"), vertical=True)
        self._chart("#chart-types", "By type", document.table("by_type"), vertical=False)
        tables = self.query_one("#report-tables", Vertical)
        tables.remove_children()
        tables.mount_all(self._table_widgets(document))

    def _chart(self, selector: str, title: str, table, *, vertical: bool) -> None:
        """A bar chart of a table's first two columns."""
        plot = self.query_one(selector, PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title(title)
        labels = [str(row[0]) for row in table.rows]
        values = [row[1] for row in table.rows]
        if not vertical:
            labels, values = labels[::-1], values[::-1]
        if labels and vertical:  # ticks chosen here, not by plotext from the width: "Mon 23", every day or so
            every = math.ceil(len(labels) / 8)
            plt.bar(list(range(1, len(labels) + 1)), values, width=0.6)
            plt.xticks(list(range(1, len(labels) + 1))[::every], [" ".join(x.split()[:2]) for x in labels][::every])
        elif labels:
            plt.bar(labels, values, orientation="horizontal", width=0.6)
        plot.refresh()

    def _table_widgets(self, document) -> list:
        """A title and a table for each table of the report (a dim line where it has no rows)."""
        widgets: list = []
        for table in document.tables:
            widgets.append(Static(lit(table.title, "bold"), classes="report-table-title"))
            if not table.rows:
                widgets.append(Static(lit("Nothing in this period.", "dim"), classes="hint"))
                continue
            grid = DataTable(classes="report-table", cursor_type="none", zebra_stripes=True, show_cursor=False)
            numeric = table.numeric
            for n, heading in enumerate(table.headings):
                grid.add_column(_right(heading) if numeric[n] else cell(heading), key=str(n))
            for row in table.rows:
                grid.add_row(*(_right(_text(v)) if numeric[n] else _value(v) for n, v in enumerate(row)))
            widgets.append(grid)
        return widgets

    def action_export(self) -> None:
        """Write the report of the period shown to a file."""
        from pressdesk.tui.screens.export import ExportScreen, default_path

        if self.app.backend is None or self.view is None:
            self.app.notify("The report is still being counted.", severity="warning")
            return
        period, asked = self.view.report.period, dict(self.asked)

        def write(backend, path: str, fmt: str, progress):
            return backend.export_report(path, fmt, progress=progress, **asked)

        day = self.app.backend.clock()
        self.app.push_screen(
            ExportScreen(
                f"Export the report: {period.title}",
                REPORT_FORMATS,
                default_path("report", REPORT_FORMATS[0], day),
                write,
                noun="report",
            )
        )


def _text(value: Any) -> str:
    """A number as text."""
    if value is None:
        return "—"
    return f"{value:g}" if isinstance(value, float) else str(value)
