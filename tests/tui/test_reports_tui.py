"""The Reports screen (period picker, figures, charts, tables), the export dialog, and the desk's views and filter.

The app runs over the frozen demo desk (FIXED: Wednesday 25 November 2026, 10:00 in London).
"""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser

import pytest
from textual.widgets import DataTable, Input, Static
from textual_plotext import PlotextPlot

from pressdesk.core import reports as core_reports
from pressdesk.tui.screens.desk import DeskScreen
from pressdesk.tui.screens.desk_filter import DeskFilterScreen
from pressdesk.tui.screens.export import ExportScreen
from pressdesk.tui.screens.reports import ReportsScreen
from tests.tui.conftest import FIXED, settle

SIZE = (120, 40)
CLOSED = {"done", "declined", "withdrawn"}


@pytest.fixture(autouse=True)
def documents(tmp_path, monkeypatch):
    """The documents folder the export dialog offers: a folder of the test's own."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(core_reports, "documents_folder", lambda: folder)
    return folder


def title(app) -> str:
    """The period line of the Reports screen."""
    return str(app.screen.query_one("#report-title", Static).render())


def shown_table(app, index: int) -> list[list[str]]:
    """The cells of one of the Reports screen's tables, as text."""
    grid = list(app.screen.query(".report-table").results(DataTable))[index]
    return [[str(c) for c in grid.get_row_at(n)] for n in range(grid.row_count)]


class _Text(HTMLParser):
    """The text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data) -> None:
        self.parts.append(data)


async def test_reports_show_this_weeks_figures_write_the_report_in_the_format_chosen_and_pick_a_period(
    frozen_app, documents
):
    """The Reports screen shows this week's figures, chart and tables; x writes the report where the dialog says and
    says where, a format chosen changes the file's extension; the period picker reports last week and a custom span
    and names a date it cannot read."""
    async with frozen_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        screen = frozen_app.screen
        assert isinstance(screen, ReportsScreen), "5 opens the reports"
        assert title(frozen_app) == "Mon 23 Nov – Sun 29 Nov 2026", "on this week"
        expected = frozen_app.backend.report("week").report
        figures = [str(f.render()) for f in screen.query(".figure").results(Static)]
        assert figures[0] == f"{expected.totals.enquiries}\nEnquiries received", "the figures are the week's"
        days = shown_table(frozen_app, 0)
        assert [row[0] for row in days] == [
            f"{d} {n} Nov"
            for d, n in zip(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), range(23, 30), strict=True)
        ], "the table has a row a day"
        assert sum(int(row[1]) for row in days) == expected.totals.enquiries, "adding up to the week's enquiries"
        chart = screen.query_one("#chart-days", PlotextPlot)
        drawn = chart.render().plain
        assert "Enquiries per day" in drawn and "█" in drawn, "the chart is drawn with bars"

        await pilot.press("x")
        await settle(pilot)
        dialog = frozen_app.screen
        assert isinstance(dialog, ExportScreen), "x opens the export dialog"
        path = dialog.query_one("#export-path", Input).value
        assert path == str(documents / "pressdesk-report-2026-11-25.html"), "offering a page in the documents folder"
        await pilot.press("enter")
        await settle(pilot)
        assert frozen_app.screen is screen, "writing returns to the reports"
        page = _Text()
        page.feed((documents / "pressdesk-report-2026-11-25.html").read_text(encoding="utf-8"))
        assert "Press office report: Mon 23 Nov – Sun 29 Nov 2026" in "".join(page.parts), "the week's report"
        messages = [n.message for n in frozen_app._notifications]
        assert f"Exported the report to {path}" in messages, "and says where"

        await pilot.press("x")
        await settle(pilot)
        await pilot.press("shift+tab", "right", "enter")  # HTML -> XLSX
        box = frozen_app.screen.query_one("#export-path", Input)
        assert box.value.endswith("pressdesk-report-2026-11-25.xlsx"), "a format chosen changes the extension"
        await pilot.press("escape")
        await settle(pilot)
        assert frozen_app.screen is screen

        screen.query_one("#report-periods").focus()
        await pilot.press("right", "enter")  # the highlight starts on This week -> Last week
        await settle(pilot)
        assert title(frozen_app) == "Mon 16 Nov – Sun 22 Nov 2026", "last week"
        await pilot.press("right", "right", "enter")  # -> Custom: the date boxes appear
        await settle(pilot)
        assert screen.query_one("#report-dates").display and screen.focused.id == "report-from", "custom asks dates"
        await pilot.press(*"monday", "tab", *"today", "enter")
        await settle(pilot)
        assert title(frozen_app) == "Mon 23 Nov – Wed 25 Nov 2026", "a custom span read from words"
        screen.query_one("#report-from", Input).value = "someday"
        screen.query_one("#report-from", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert title(frozen_app).startswith("from: Could not read 'someday'"), "a date not read is named"


def desk_ids(app) -> list[int]:
    """The enquiries the desk shows, top to bottom."""
    return [int(row.key.value) for row in app.screen.query_one(DataTable).ordered_rows]


async def test_the_desks_views_export_what_they_show_refuse_a_missing_folder_and_the_filter_narrows_them(
    frozen_app, tmp_path
):
    """The desk's views show mine, overdue, closed today and all; x exports what the view shows; a file that cannot
    be written keeps the dialog open saying why; the filter refuses an unknown outlet and narrows the desk by type."""
    async with frozen_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        desk = frozen_app.screen
        open_ids = set(desk_ids(frozen_app))
        await pilot.press("v")
        await settle(pilot)
        assert all(desk.rows[i].officer == "Test Officer" for i in desk_ids(frozen_app)), "mine: only mine"
        await pilot.press("v")
        await settle(pilot)
        overdue = desk_ids(frozen_app)
        assert overdue and all(desk.rows[i].deadline < FIXED for i in overdue), "overdue: only those past deadline"
        assert set(overdue) < open_ids, "overdue: some of the open ones"
        await pilot.press("v")  # -> closed today
        await settle(pilot)
        assert desk.view.name == "closed today"
        shown = desk_ids(frozen_app)
        assert shown and all(desk.rows[i].status in CLOSED for i in shown), "closed today: only closed ones"

        await pilot.press("x")
        await settle(pilot)
        frozen_app.screen.query_one("#export-path", Input).value = str(tmp_path / "missing" / "desk.csv")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(frozen_app.screen, ExportScreen), "a file that cannot be written keeps the dialog open"
        message = str(frozen_app.screen.query_one("#export-msg", Static).render())
        assert message.startswith("Not exported: The folder") and "missing" in message, "saying why"
        target = tmp_path / "closed.csv"
        frozen_app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
        assert sorted(int(r["id"]) for r in rows) == sorted(shown), "x exports what the view shows"
        assert f"Exported {len(shown)} enquiries to {target}" in [n.message for n in frozen_app._notifications]

        await pilot.press("v")
        await settle(pilot)
        everything = desk_ids(frozen_app)
        assert open_ids < set(everything), "all holds the open ones and the closed ones"
        received = [desk.rows[i].received_at for i in everything]
        assert received == sorted(received, reverse=True), "all: newest first"
        await pilot.press("v")
        await settle(pilot)
        assert set(desk_ids(frozen_app)) == open_ids, "v comes back round to the open ones"

        await pilot.press("f")
        await settle(pilot)
        assert isinstance(frozen_app.screen, DeskFilterScreen), "f opens the filter"
        frozen_app.screen.query_one("#filter-outlet", Input).value = "Nowhere Gazette"
        await pilot.press("enter")
        await settle(pilot)
        dialog = frozen_app.screen
        assert isinstance(dialog, DeskFilterScreen), "an unknown outlet keeps the filter open"
        assert str(dialog.query_one("#filter-msg", Static).render()).startswith("Not applied: There is no outlet")
        assert dialog.focused.id == "filter-outlet", "with the cursor at the outlet"
        dialog.query_one("#filter-outlet", Input).value = ""
        dialog.query_one("#filter-type", Input).value = "Interview"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(frozen_app.screen, DeskScreen) and desk.view.type == "interview", "the filter applies"
        shown = desk_ids(frozen_app)
        assert shown and all(desk.rows[i].type == "interview" for i in shown), "showing only that type"
        assert "interview" in desk.sub_title, "and says so"
