"""Snapshots of the main screens on a demo desk frozen at one moment, so every picture is repeatable."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from pressdesk.tui.screens.log_call import LogCallScreen
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


def test_log_call_refused_at_80x24(snap_compare, frozen_app):
    """A call refused for want of a name at 80x24: the reason is on screen under the form and the name box, and the
    cursor is in the name box (the picture, and the same run's checks)."""

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("n", *"0161 306 1234", "tab", *"Flood claims data")
        await settle(pilot)  # the number's look-up has answered, as it has by the time an officer has typed a subject
        await pilot.press("ctrl+s")
        await still(pilot)
        app = pilot.app
        assert isinstance(app.screen, LogCallScreen), "the refused form stays open"
        screen = app.screen.region
        for selector in ("#form-msg", "#journalist-msg"):
            widget = app.screen.query_one(selector, Static)
            assert "journalist's name" in str(widget.content), f"{selector} says a name is wanted"
            visible = widget.region.intersection(widget.parent.region)
            assert visible.height >= 1 and screen.contains_region(visible), f"{selector} is off screen"
        assert app.focused.id == "journalist", "the cursor is in the name box"

    assert snap_compare(frozen_app, terminal_size=(80, 24), run_before=run_before)


LAPTOP, WIDE = (80, 24), (160, 45)


def keys_then_still(*keys: str):
    """A run_before that settles the desk, presses the keys (settling after each) and stops the cursors."""

    async def run_before(pilot):
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        await still(pilot)

    return run_before


@pytest.mark.parametrize("size", [LAPTOP, WIDE], ids=["80x24", "160x45"])
def test_desk_at_size(snap_compare, frozen_app, size):
    assert snap_compare(frozen_app, terminal_size=size, run_before=keys_then_still())


@pytest.mark.parametrize("size", [LAPTOP, WIDE], ids=["80x24", "160x45"])
def test_route_dialog_at_size(snap_compare, frozen_app, size):
    assert snap_compare(frozen_app, terminal_size=size, run_before=keys_then_still("down", "down", "down", "down", "r"))


@pytest.mark.parametrize("size", [LAPTOP, WIDE], ids=["80x24", "160x45"])
def test_expert_form_at_size(snap_compare, frozen_app, size):
    assert snap_compare(frozen_app, terminal_size=size, run_before=keys_then_still("3", "e"))
