"""A screen has its size classes (-narrow, -short...) from the start: given at its first resize, just after its widgets
were styled, they made Textual style every widget of the screen a second time (issue 8)."""

from __future__ import annotations

import pytest
from textual.screen import Screen

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
