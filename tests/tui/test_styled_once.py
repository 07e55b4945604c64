"""The desk's first frame styles each of its widgets once (issue 8: the fixed cost of every app, and of the first
frame a user waits for): Textual's first ScreenResume styled every widget of the just-mounted desk a second time."""

from __future__ import annotations

from collections import Counter

from textual.css.stylesheet import Stylesheet
from textual.widget import Widget

from pressdesk.tui.app import PressDeskApp, build_app
from tests.tui.conftest import settle


async def test_before_the_first_frame_each_widget_of_the_desk_is_styled_once(frozen_desk, settings, monkeypatch):
    styled: Counter[Widget] = Counter()
    at_first_frame: list[Counter[Widget]] = []
    apply, mount = Stylesheet.apply, PressDeskApp.on_mount

    def counted(self, node, *args, **kwargs) -> None:
        if isinstance(node, Widget):
            styled[node] += 1
        apply(self, node, *args, **kwargs)

    def on_mount(self) -> None:
        mount(self)
        self.call_after_refresh(lambda: at_first_frame.append(Counter(styled)))

    monkeypatch.setattr(Stylesheet, "apply", counted)
    monkeypatch.setattr(PressDeskApp, "on_mount", on_mount)
    app = build_app(settings, target=str(frozen_desk.path))  # opened as at launch
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#enquiries")
        again = {node: n for node, n in at_first_frame[0].items() if n > 1 and node is not table}
        assert not again, "styled more than once before the first frame"
        assert at_first_frame[0][table] == 2, "the table once as mounted, once as it took the focus"
        assert app.screen.focused is table
