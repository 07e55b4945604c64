"""Snapshots of the main screens on a demo desk frozen at one moment, so every picture is repeatable."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from textual.widgets import Input

from pressdesk.services.demo import load_demo
from pressdesk.store import open_desk
from pressdesk.tui.app import build_app
from pressdesk.tui.backend import Backend
from tests.tui.conftest import settle

FIXED = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
SIZE = (120, 40)


@pytest.fixture
def frozen_app(tmp_path, settings):
    """The app over a demo desk whose clock stands still at FIXED."""
    desk = open_desk(tmp_path / "snap.db")
    with desk.write() as s:
        load_demo(s, who="demo", region="GB", now=FIXED)
    app = build_app(settings, backend=Backend(desk, settings, clock=lambda: FIXED))
    yield app
    desk.dispose()


async def still(pilot) -> None:
    """Settle the workers and stop the text cursors blinking."""
    await settle(pilot)
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


def test_desk_screen(snap_compare, frozen_app):
    assert snap_compare(frozen_app, terminal_size=SIZE, run_before=still)


def test_log_call_with_known_caller(snap_compare, frozen_app):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("n", *"+44 7823 418562")
        await still(pilot)

    assert snap_compare(frozen_app, terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare, frozen_app):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("question_mark")
        await still(pilot)

    assert snap_compare(frozen_app, terminal_size=SIZE, run_before=run_before)


def test_log_call_refused_at_80x24(snap_compare, frozen_app):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("n", *"0161 306 1234", "tab", *"Flood claims data", "ctrl+s")
        await still(pilot)

    assert snap_compare(frozen_app, terminal_size=(80, 24), run_before=run_before)
