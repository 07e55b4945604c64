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


async def test_reports_screen_shows_this_weeks_figures_charts_and_tables(frozen_app):
    async with frozen_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        assert isinstance(frozen_app.screen, ReportsScreen)
        assert title(frozen_app) == "Mon 23 Nov – Sun 29 Nov 2026"
        expected = frozen_app.backend.report("week").report
        figures = [str(f.render()) for f in frozen_app.screen.query(".figure").results(Static)]
        assert figures[0] == f"{expected.totals.enquiries}\nEnquiries received"
        days = shown_table(frozen_app, 0)
        assert [row[0] for row in days] == [
            f"{d} {n} Nov"
            for d, n in zip(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), range(23, 30), strict=True)
        ]
        assert sum(int(row[1]) for row in days) == expected.totals.enquiries
        chart = frozen_app.screen.query_one("#chart-days", PlotextPlot)
        drawn = chart.render().plain
        assert "Enquiries per day" in drawn and "█" in drawn, "the chart is drawn with bars"


async def test_the_period_picker_reports_last_week_and_a_custom_span(frozen_app):
    async with frozen_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        screen = frozen_app.screen
        screen.query_one("#report-periods").focus()
        await pilot.press("right", "enter")  # the highlight starts on This week -> Last week
        await settle(pilot)
        assert title(frozen_app) == "Mon 16 Nov – Sun 22 Nov 2026"
        await pilot.press("right", "right", "enter")  # -> Custom: the date boxes appear
        await settle(pilot)
        assert screen.query_one("#report-dates").display and screen.focused.id == "report-from"
        await pilot.press(*"monday", "tab", *"today", "enter")
        await settle(pilot)
        assert title(frozen_app) == "Mon 23 Nov – Wed 25 Nov 2026"
        screen.query_one("#report-from", Input).value = "someday"
        screen.query_one("#report-from", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert title(frozen_app).startswith("from: Could not read 'someday'")


class _Text(HTMLParser):
    """The text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data) -> None:
        self.parts.append(data)


async def test_x_on_reports_writes_the_report_and_says_where(frozen_app, documents):
    async with frozen_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        dialog = frozen_app.screen
        assert isinstance(dialog, ExportScreen)
        path = dialog.query_one("#export-path", Input).value
        assert path == str(documents / "pressdesk-report-2026-11-25.html")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(frozen_app.screen, ReportsScreen)
        page = _Text()
        page.feed((documents / "pressdesk-report-2026-11-25.html").read_text(encoding="utf-8"))
        assert "Press office report: Mon 23 Nov – Sun 29 Nov 2026" in "".join(page.parts)
        messages = [n.message for n in frozen_app._notifications]
        assert f"Exported the report to {path}" in messages


async def test_choosing_a_format_changes_the_files_extension(frozen_app, documents):
    async with frozen_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("shift+tab", "right", "enter")  # HTML -> XLSX
        box = frozen_app.screen.query_one("#export-path", Input)
        assert box.value.endswith("pressdesk-report-2026-11-25.xlsx")


async def test_a_file_that_cannot_be_written_keeps_the_dialog_open_saying_why(frozen_app, tmp_path):
    async with frozen_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        frozen_app.screen.query_one("#export-path", Input).value = str(tmp_path / "missing" / "desk.csv")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(frozen_app.screen, ExportScreen)
        message = str(frozen_app.screen.query_one("#export-msg", Static).render())
        assert message.startswith("Not exported: The folder") and "missing" in message


def desk_ids(app) -> list[int]:
    """The enquiries the desk shows, top to bottom."""
    return [int(row.key.value) for row in app.screen.query_one(DataTable).ordered_rows]


async def test_x_on_the_desk_exports_what_the_current_view_shows(frozen_app, tmp_path):
    async with frozen_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v", "v", "v")  # open -> mine -> overdue -> closed today
        await settle(pilot)
        desk = frozen_app.screen
        assert desk.view.name == "closed today"
        shown = desk_ids(frozen_app)
        assert shown and all(desk.rows[i].status in CLOSED for i in shown)
        await pilot.press("x")
        await settle(pilot)
        target = tmp_path / "closed.csv"
        frozen_app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
        assert sorted(int(r["id"]) for r in rows) == sorted(shown)
        assert f"Exported {len(shown)} enquiries to {target}" in [n.message for n in frozen_app._notifications]


async def test_the_views_show_mine_overdue_and_all(frozen_app):
    async with frozen_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        desk = frozen_app.screen
        open_ids = set(desk_ids(frozen_app))
        await pilot.press("v")
        await settle(pilot)
        assert all(desk.rows[i].officer == "Test Officer" for i in desk_ids(frozen_app))
        await pilot.press("v")
        await settle(pilot)
        overdue = desk_ids(frozen_app)
        assert overdue and all(desk.rows[i].deadline < FIXED for i in overdue)
        assert set(overdue) < open_ids
        await pilot.press("v", "v")
        await settle(pilot)
        everything = desk_ids(frozen_app)
        assert open_ids < set(everything), "all holds the open ones and the closed ones"
        received = [desk.rows[i].received_at for i in everything]
        assert received == sorted(received, reverse=True), "all: newest first"
        await pilot.press("v")
        await settle(pilot)
        assert set(desk_ids(frozen_app)) == open_ids


async def test_the_filter_narrows_the_desk_and_refuses_an_unknown_outlet(frozen_app):
    async with frozen_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(frozen_app.screen, DeskFilterScreen)
        frozen_app.screen.query_one("#filter-outlet", Input).value = "Nowhere Gazette"
        await pilot.press("enter")
        await settle(pilot)
        dialog = frozen_app.screen
        assert isinstance(dialog, DeskFilterScreen)
        assert str(dialog.query_one("#filter-msg", Static).render()).startswith("Not applied: There is no outlet")
        assert dialog.focused.id == "filter-outlet"
        dialog.query_one("#filter-outlet", Input).value = ""
        dialog.query_one("#filter-type", Input).value = "Interview"
        await pilot.press("enter")
        await settle(pilot)
        desk = frozen_app.screen
        assert isinstance(desk, DeskScreen) and desk.view.type == "interview"
        shown = desk_ids(frozen_app)
        assert shown and all(desk.rows[i].type == "interview" for i in shown)
        assert "interview" in desk.sub_title
