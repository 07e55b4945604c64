"""Pilot tests: the plain multi-line boxes (a journalist's notes, the log form's notes, a pasted release) show their
text wrapped at the box's width after the terminal is resized, not the lines broken at the old width."""

from __future__ import annotations

import pytest
from textual.screen import Screen
from textual.widgets import TextArea

from .conftest import settle
from .test_expert_wrap import shown_lines, wrap_problems

PAINT = Screen._compositor_refresh
"""Textual's own screen refresh, which renders every changed widget (read before any fixture replaces it)."""


@pytest.fixture(autouse=True)
def _screens_paint_as_in_a_terminal(_headless_screens_render_only_for_pictures, monkeypatch):
    """Screens paint after every change, as in a terminal: a box still drawn as before its resize is what is looked
    for here (painted only for a picture, the box would be drawn afresh at its new width, stale or not)."""
    monkeypatch.setattr(Screen, "_compositor_refresh", PAINT)


BOXES = [
    # (keys that open the form, the box, terminal sizes before and after: the text wraps to as many lines in both)
    pytest.param(
        ["n"],
        "#notes",
        (120, 40),
        (160, 45),
        "Wants a comment on the flood barrier by noon; call back on the mobile, not the desk line, after ten.",
        id="log-form-notes",
    ),
    pytest.param(
        ["2", "e"],
        "#je-notes",
        (100, 30),
        (160, 45),
        "Prefers calls before noon and never on Fridays; covers flood defences, river levels and insurance claims.",
        id="journalist-notes",
    ),
    pytest.param(
        ["4", "i"],
        "#release-text",
        (120, 40),
        (160, 45),
        "University flood model shows Leeds defences hold to 2050 levels.",
        id="pasted-release",
    ),
    pytest.param(
        ["3", "e"],
        "#ee-conflicts",
        (120, 40),
        (160, 45),
        "Advises the Environment Agency; consults for two insurers.",
        id="expert-conflicts",
    ),
]


@pytest.mark.parametrize(("keys", "box", "before", "after", "typed"), BOXES)
async def test_a_box_resized_shows_its_text_wrapped_at_its_new_width(frozen_app, keys, box, before, after, typed):
    async with frozen_app.run_test(size=before) as pilot:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        area = pilot.app.screen.query_one(box, TextArea)
        area.text = typed
        await settle(pilot)
        drawn_before = shown_lines(pilot.app, area)
        await pilot.resize_terminal(*after)
        await settle(pilot)
        shown = shown_lines(pilot.app, area)
        assert len(shown) == len(drawn_before) > 1, "the text wraps to as many lines at both widths (the case missed)"
        assert " ".join(shown) == " ".join(typed.split()), f"the box shows {shown!r}, not all of its text"
        assert not wrap_problems(pilot.app, area)
