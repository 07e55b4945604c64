"""The Pilot tests' wait for the app (conftest.until_idle) stands in for Textual's clock-based one and still waits for
everything a key sets off on the UI thread."""

from __future__ import annotations

import asyncio
import inspect

import textual.app
import textual.pilot
import textual.screen
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static

from tests.tui.conftest import until_idle


class Echo(App):
    """An input whose every change is echoed, two messages later, in a Static below it."""

    def compose(self) -> ComposeResult:
        yield Input(id="typed")
        yield Static(id="echo")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#echo", Static).call_later(self.echo, event.value)

    def echo(self, value: str) -> None:
        self.query_one("#echo", Static).update(f"echo: {value}")


def test_textual_still_waits_through_the_names_the_fixture_replaces():
    assert textual.app.wait_for_idle is until_idle, "App._press_keys looks wait_for_idle up in textual.app"
    assert textual.pilot.wait_for_idle is until_idle, "Pilot.pause looks wait_for_idle up in textual.pilot"
    assert "wait_for_idle(" in inspect.getsource(App._press_keys), "a Textual upgrade changed how a key is waited for"
    assert "wait_for_idle(" in inspect.getsource(Pilot.pause), "a Textual upgrade changed how Pilot.pause waits"
    assert hasattr(asyncio.get_event_loop_policy().new_event_loop(), "_ready"), "asyncio's loop keeps its ready queue"
    assert "self._resize_timer = None" in inspect.getsource(App._check_resize), "settle waits on the resize timer"
    assert "self.app._background_screens" in inspect.getsource(Screen.is_current.fget), "modals show screens under"
    assert "self._refresh_layout(" in inspect.getsource(Screen._on_timer_update), "a screen lays out on its timer"


async def test_each_key_is_handled_and_painted_before_the_next_is_pressed():
    app = Echo()
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.press(*"desk")
        assert str(app.query_one("#echo", Static).content) == "echo: desk", "every message a key set off was handled"
        screen = app.screen
        assert not (screen._layout_required or screen._repaint_required or screen._dirty_widgets), "and painted"


class Lines(App):
    """A page of lines under an empty modal."""

    CSS = "ModalScreen { background: $background 50%; }"

    def compose(self) -> ComposeResult:
        yield Static("one", id="lines")


async def test_a_screen_under_a_modal_is_laid_out_before_the_wait_ends(monkeypatch):
    """The screen under a form lays itself out on its own update timer (a footer's keys, rows a worker read): the
    wait covers it too, so a picture of the form shows the screen under it as the officer would see it. The timers
    are made to wait a minute here, so that the wait alone must do it."""
    monkeypatch.setattr(textual.screen, "UPDATE_PERIOD", 60)
    app = Lines()
    async with app.run_test(size=(40, 10)) as pilot:
        app.push_screen(ModalScreen())
        await pilot.pause()
        lines = app.screen_stack[0].query_one("#lines", Static)
        lines.update("one\ntwo\nthree")
        await pilot.pause()
        assert lines.region.height == 3, "the screen under the modal was laid out again"
