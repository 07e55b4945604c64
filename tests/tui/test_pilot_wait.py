"""The Pilot tests' wait for the app (conftest.until_idle) stands in for Textual's clock-based one and still waits for
everything a key sets off on the UI thread."""

from __future__ import annotations

import asyncio
import inspect

import textual.app
import textual.pilot
from textual.app import App, ComposeResult
from textual.pilot import Pilot
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


async def test_each_key_is_handled_and_painted_before_the_next_is_pressed():
    app = Echo()
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.press(*"desk")
        assert str(app.query_one("#echo", Static).content) == "echo: desk", "every message a key set off was handled"
        screen = app.screen
        assert not (screen._layout_required or screen._repaint_required or screen._dirty_widgets), "and painted"
