"""Snapshots of the main screens on a demo desk frozen at one moment, so every picture is repeatable."""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.conftest import settle

SIZE = (120, 40)


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
