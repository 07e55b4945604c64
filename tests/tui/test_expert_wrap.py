"""Pilot tests: the expert form's multi-line boxes wrap their text at the box's width, whenever the values arrive."""

from __future__ import annotations

import threading
from itertools import pairwise

import pytest
from textual.widgets import TextArea

from pressdesk.tui.screens import expert_edit
from pressdesk.tui.screens.expert_edit import ExpertEditScreen

from .conftest import settle

WIDE = (160, 45)


def shown_lines(app, area: TextArea) -> list[str]:
    """The lines the terminal shows inside a box, as the user reads them (trailing spaces dropped)."""
    strips = app.screen._compositor.render_strips()
    region = area.content_region
    rows = (strips[y].crop(region.x, region.right).text.rstrip() for y in range(region.y, region.bottom))
    return [row for row in rows if row.strip()]


def wrap_problems(app, area: TextArea) -> list[str]:
    """Each shown line that broke early: the next line's first word would have fitted on it."""
    lines, width = shown_lines(app, area), area.wrap_width
    return [
        f"{line!r} broke before {after.split()[0]!r} though the box has {width} columns"
        for line, after in pairwise(lines)
        if len(line) + 1 + len(after.split()[0]) <= width
    ]


def assert_wrapped_at_the_box(app) -> None:
    """Topics and conflicts show all their text, each line as full as the box's width allows."""
    for key in ("topics", "conflicts"):
        area = app.screen.query_one(f"#ee-{key}", TextArea)
        shown = " ".join(shown_lines(app, area))
        assert shown == " ".join(area.text.split()), f"{key}: the box shows {shown!r}, not all of its text"
        assert not wrap_problems(app, area), f"{key}: {wrap_problems(app, area)}"


@pytest.fixture
def late_expert(monkeypatch):
    """The expert's saved values reach the form only when the returned event is set."""
    arrive = threading.Event()
    read = expert_edit.read_expert

    def read_late(backend, expert_id):
        arrive.wait(10)
        return read(backend, expert_id)

    monkeypatch.setattr(expert_edit, "read_expert", read_late)
    return arrive


async def open_expert_form(pilot) -> ExpertEditScreen:
    """Open the experts list and the form over its first expert (long topics and conflicts)."""
    await settle(pilot)
    await pilot.press("3")
    await settle(pilot)
    await pilot.press("e")
    assert isinstance(pilot.app.screen, ExpertEditScreen)
    return pilot.app.screen


async def test_values_arriving_at_once_wrap_at_the_box(frozen_app):
    async with frozen_app.run_test(size=WIDE) as pilot:
        await open_expert_form(pilot)
        await settle(pilot)
        assert_wrapped_at_the_box(pilot.app)


async def test_values_arriving_after_the_form_is_drawn_wrap_at_the_box(frozen_app, late_expert):
    async with frozen_app.run_test(size=WIDE) as pilot:
        form = await open_expert_form(pilot)
        await pilot.pause()
        assert form.query_one("#ee-blocked_dates").disabled, "the saved values came before the form was drawn"
        late_expert.set()
        await settle(pilot)
        assert not form.query_one("#ee-blocked_dates").disabled, "the saved values never came"
        assert_wrapped_at_the_box(pilot.app)
