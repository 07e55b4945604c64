"""A screen has its size classes (-narrow, -short...) from the start: given at its first resize, just after its widgets
were styled, they made Textual style every widget of the screen a second time (issue 8)."""

from __future__ import annotations

import pytest
from textual.screen import Screen

from pressdesk.tui.app import PressDeskApp
from tests.tui.conftest import settle


@pytest.mark.parametrize(("size", "classes"), [((80, 24), {"-narrow", "-short"}), ((160, 45), {"-wide", "-tall"})])
async def test_a_screen_opened_has_its_size_classes_before_its_first_resize(frozen_app, monkeypatch, size, classes):
    resized: list[Screen] = []
    original = Screen.update_classes

    def update_classes(screen, new, *args, **kwargs):
        before = set(screen.classes)
        result = original(screen, new, *args, **kwargs)
        if set(screen.classes) != before:
            resized.append(screen)  # Textual styles the whole screen again
        return result

    monkeypatch.setattr(Screen, "update_classes", update_classes)
    async with frozen_app.run_test(size=size) as pilot:
        await settle(pilot)
        opened = [frozen_app.screen]
        await pilot.press("n")  # a form over the desk
        await settle(pilot)
        opened.append(frozen_app.screen)
        await pilot.press("escape", "2")  # another screen
        await settle(pilot)
        opened.append(frozen_app.screen)
        assert [type(screen).__name__ for screen in opened] == ["DeskScreen", "LogCallScreen", "ContactsScreen"]
        assert all(classes <= screen.classes for screen in opened)
        assert resized == [], "a screen was given its size classes after its widgets were styled"


async def test_opening_another_screen_and_coming_back_reparses_no_rule_but_a_new_theme_still_does(
    frozen_app, monkeypatch
):
    refreshed: list[str] = []
    original = PressDeskApp.refresh_css

    def refresh_css(app, animate=True):
        refreshed.append(type(app.screen).__name__)
        return original(app, animate=animate)

    monkeypatch.setattr(PressDeskApp, "refresh_css", refresh_css)
    async with frozen_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        refreshed.clear()
        await pilot.press("2")  # Contacts, opened for the first time
        await settle(pilot)
        assert type(frozen_app.screen).__name__ == "ContactsScreen"
        assert frozen_app.screen.query_one("DataTable").region.height > 10, "styled and laid out"
        await pilot.press("1")  # back to the desk
        await settle(pilot)
        assert type(frozen_app.screen).__name__ == "DeskScreen"
        assert refreshed == [], "every rule was parsed again and every widget styled again"
        frozen_app.theme = "textual-light"
        await settle(pilot)
        assert refreshed, "a new theme restyles what is on screen"
