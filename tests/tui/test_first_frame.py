"""The desk's first frame: its whole frame (header, column titles, footer line) styled once, in the place it keeps
when the rows, the counts and the footer's keys arrive (issue 13: first frame against a bare Textual app)."""

from __future__ import annotations

import os
import subprocess
import sys

from textual.css.stylesheet import Stylesheet
from textual.widgets import DataTable

from pressdesk.tui.app import OTHER_SCREENS_CSS, PressDeskApp, build_app
from pressdesk.tui.screens.desk import DeskScreen
from pressdesk.tui.widgets.footer import KeyFooter
from tests.tui.conftest import settle


def frame(app) -> dict:
    """What a frame of the desk shows: column titles, where the table and the footer stand, the footer's keys."""
    screen = app.screen
    table = screen.query_one("#enquiries", DataTable)
    footer = screen.query_one(KeyFooter)
    return {
        "columns": [str(column.label) for column in table.columns.values()],
        "table": (table.region.x, table.region.y, table.region.width),  # its height grows with the rows
        "footer": footer.region,
        "keys": len(footer.children),
    }


def watch_first_frame(monkeypatch) -> list[dict]:
    """The desk's state when the app's first frame is painted (a call after refresh from the app's on_mount)."""
    seen: list[dict] = []
    mount = PressDeskApp.on_mount

    def on_mount(self) -> None:
        mount(self)
        self.call_after_refresh(lambda: seen.append(frame(self)))

    monkeypatch.setattr(PressDeskApp, "on_mount", on_mount)
    return seen


async def test_the_first_frame_is_styled_once(frozen_app, monkeypatch):
    reparsed: list[str] = []
    reparse = Stylesheet.reparse

    def counted(self) -> None:
        reparsed.append("all")
        reparse(self)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    seen = watch_first_frame(monkeypatch)
    async with frozen_app.run_test(size=(160, 45)) as pilot:
        while not seen:
            await pilot.pause()
        assert reparsed == [], "every style was parsed and applied again before the first frame"


async def test_the_first_frame_shows_the_column_titles_where_the_rows_will_stand(frozen_desk, settings, monkeypatch):
    seen = watch_first_frame(monkeypatch)
    app = build_app(settings, target=str(frozen_desk.path))  # opened as at launch: in a worker, after the first frame
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        first, settled = seen[0], frame(app)
        assert first["columns"] == settled["columns"] and "Subject" in first["columns"]
        assert (first["table"], first["footer"]) == (settled["table"], settled["footer"]), "nothing moved"
        assert settled["keys"] > 0


async def test_back_to_the_desk_from_another_mode_is_the_same_desk(frozen_app):
    async with frozen_app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        desk = frozen_app.screen
        assert isinstance(desk, DeskScreen) and frozen_app.current_mode == "desk"
        await pilot.press("2")
        await settle(pilot)
        assert frozen_app.current_mode == "contacts"
        await pilot.press("1")
        await settle(pilot)
        assert frozen_app.current_mode == "desk" and frozen_app.screen is desk


def test_the_desk_loads_no_forms_before_its_first_frame():
    code = (
        "import sys; import pressdesk.tui.app; "
        "print(sorted(m for m in sys.modules if m.startswith('pressdesk.tui.screens.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "['pressdesk.tui.screens.desk', 'pressdesk.tui.screens.enquiry_actions']", (
        "the dialogs load when an action first opens one, not before the first frame"
    )


async def test_the_first_frame_parses_the_desks_rules_and_the_other_screens_rules_come_after_it(
    frozen_desk, settings, monkeypatch
):
    others = os.path.abspath(OTHER_SCREENS_CSS)  # as Textual names a file it read
    seen: list[bool] = []
    mount = PressDeskApp.on_mount

    def on_mount(self) -> None:
        mount(self)
        self.call_after_refresh(lambda: seen.append(self.stylesheet.has_source(others)))

    monkeypatch.setattr(PressDeskApp, "on_mount", on_mount)
    app = build_app(settings, target=str(frozen_desk.path))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert seen == [False], "the first frame parsed every screen's rules"
        assert app.stylesheet.has_source(others), "read once the first page is shown, before any dialog is asked for"


async def test_a_dialog_opened_before_the_first_page_has_its_rules(frozen_desk, settings, monkeypatch):
    monkeypatch.setattr(PressDeskApp, "desk_shown", lambda self: None)  # the first page never comes
    app = build_app(settings, target=str(frozen_desk.path))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        dialog = app.screen.query_one(".help")
        assert (app.screen.styles.align_horizontal, app.screen.styles.align_vertical) == ("center", "middle")
        assert str(dialog.styles.height) == "80h", "the help dialog's height from the stylesheet (80%)"
