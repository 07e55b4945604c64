"""The other screens' rules, read once the desk's first page is shown, restyle only what they may style: none of the
desk (Textual's update restyled every widget on screen, ~500 stylings in every Pilot test, issue 8)."""

from __future__ import annotations

import os

from textual.css.stylesheet import Stylesheet
from textual.widgets import Input

from pressdesk.tui.app import OTHER_SCREENS_CSS, PressDeskApp
from tests.tui.conftest import settle


async def test_the_other_screens_rules_restyle_none_of_the_desk_and_style_the_form_opened_next(frozen_app, monkeypatch):
    reading: list[bool] = []
    restyled: list = []
    apply, load = Stylesheet.apply, PressDeskApp.load_other_screens_css

    def recorded_apply(sheet, node, **kwargs):
        if reading:
            restyled.append(node)
        return apply(sheet, node, **kwargs)

    def recorded_load(app):
        reading.append(True)
        try:
            load(app)
        finally:
            reading.clear()

    monkeypatch.setattr(Stylesheet, "apply", recorded_apply)
    monkeypatch.setattr(PressDeskApp, "load_other_screens_css", recorded_load)
    async with frozen_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert frozen_app.stylesheet.has_source(os.path.abspath(OTHER_SCREENS_CSS)), "read after the first page"
        assert restyled == []
        await pilot.press("n")
        await settle(pilot)
        phone = frozen_app.screen.query_one("#phone", Input)
        assert phone.styles.height.value == 1 and phone.region.height == 1, "the form's one-line boxes (its rules)"
