"""Opening a form styles each of its widgets once and lays the form out once, the desk under it not at all (issue 8
item 7, issue 13): `n` is the officer's most frequent key, and every Pilot test that opens a form paid the same."""

from __future__ import annotations

import inspect
from collections import Counter

import pytest
import textual.screen
from textual._compositor import Compositor
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen
from textual.widget import Widget

from pressdesk.tui.screens.desk import DeskScreen
from pressdesk.tui.screens.record_form import FormScreen
from pressdesk.tui.screens.shown_once import ShownOnce
from tests.tui.conftest import count_layouts, settle

FORMS = [("n", "LogCallScreen"), ("e", "EditEnquiryScreen"), ("m", "PromptScreen")]
"""The desk's keys that open a form, and the form each opens."""


def test_textual_still_has_what_shown_once_and_sized_in_place_stand_on():
    """ShownOnce and SizedInPlace reach into Textual's private screen and widget methods: a Textual upgrade that
    changes them fails here, not silently in a picture."""
    assert list(inspect.signature(Widget._size_updated).parameters)[1:] == [
        "size",
        "virtual_size",
        "container_size",
        "layout",
    ]
    resized = inspect.getsource(Screen._on_resize)
    assert "self._screen_resized(event.size)" in resized, "a screen's Resize lays it out"
    assert "self.app._background_screens" in resized, "and the screens under it"
    assert "event.refresh_styles" in inspect.getsource(Screen._on_screen_resume), "a resume may keep its styles"
    assert "self.size = size" in inspect.getsource(Compositor.reflow), "a screen's compositor keeps its layout's size"
    assert "self._layout_required = False" in inspect.getsource(Screen._on_timer_update), "a layout done is noted"


def count_stylings(monkeypatch) -> tuple[Counter[Widget], dict[Widget, frozenset[str]]]:
    """How often each widget in the app is styled from now on, and its classes as it was first styled there (a widget
    given a class as it is made, before it is mounted, is styled by Textual then, for nothing: not counted)."""
    styled: Counter[Widget] = Counter()
    first: dict[Widget, frozenset[str]] = {}
    apply = Stylesheet.apply

    def counted(self, node, *args, **kwargs) -> None:
        if isinstance(node, Widget) and node.is_attached:
            styled[node] += 1
            first.setdefault(node, frozenset(node.classes))
        apply(self, node, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", counted)
    return styled, first


def classes_changed(widget: Widget, first: dict[Widget, frozenset[str]]) -> bool:
    """Whether the widget or one above it took another class after it was first styled (a Select given its value, an
    Input its -valid): Textual restyles it and all inside it then, as it must."""
    return any(node in first and frozenset(node.classes) != first[node] for node in widget.ancestors_with_self)


@pytest.mark.parametrize(("key", "form"), FORMS)
async def test_a_form_opens_with_each_widget_styled_once(frozen_app, monkeypatch, key, form):
    async with frozen_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        styled, first = count_stylings(monkeypatch)
        await pilot.press(key)
        await settle(pilot)
        screen = frozen_app.screen
        assert type(screen).__name__ == form and isinstance(screen, FormScreen)
        field = screen.focused
        assert field is not None and field.query_ancestor(FormScreen) is screen, "the form's first field has the focus"
        widgets = [node for node in screen.walk_children(with_self=True) if isinstance(node, Widget)]
        again = {
            f"{type(w).__name__}#{w.id}": styled[w]
            for w in widgets
            if styled[w] > 1 and w is not field and not classes_changed(w, first)
        }
        assert not again, "styled more than once as the form opened"
        assert styled[field] == 2, "the first field once as mounted, once as it took the focus"
        desk = [w for w in styled if isinstance(w.screen, DeskScreen)]
        assert not desk, "the desk under the form was styled again"


@pytest.mark.parametrize(("key", "form"), FORMS)
async def test_a_form_opens_laid_out_once_and_the_desk_under_it_not_again(frozen_app, monkeypatch, key, form):
    async with frozen_app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        desk = frozen_app.screen
        layouts = count_layouts(monkeypatch)
        await pilot.press(key)
        await settle(pilot)
        screen = frozen_app.screen
        assert type(screen).__name__ == form
        assert desk not in layouts, "the desk under the form was laid out again"
        assert frozen_app.screen_stack[0] is desk


async def test_a_form_opened_over_a_desk_with_a_layout_to_do_lays_the_desk_out_as_it_is_shown(frozen_app, monkeypatch):
    """The desk under a form that opens before its last change is laid out (rows, a footer's keys just composed; its
    update timer not come yet, made to wait a minute here) is laid out as the form is first laid out, as Textual does:
    else the form's first frame showed the desk as it was before (under load, a list's footer without its keys)."""
    monkeypatch.setattr(textual.screen, "UPDATE_PERIOD", 60)
    async with frozen_app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        desk = frozen_app.screen
        layouts = count_layouts(monkeypatch)
        laid_out_as_shown: list[bool] = []
        first_resize = ShownOnce.on_resize

        def resized(screen, event) -> None:
            first_resize(screen, event)
            laid_out_as_shown.append(desk in layouts)

        monkeypatch.setattr(ShownOnce, "on_resize", resized)
        desk.refresh(layout=True)  # a change of the desk's, its layout still to come
        desk.action_new()
        await settle(pilot)
        assert type(frozen_app.screen).__name__ == "LogCallScreen"
        assert laid_out_as_shown[:1] == [True], "the desk under the form was left as it was before"


DIALOGS = [("s", "StatusScreen"), ("r", "RouteScreen"), ("question_mark", "HelpScreen"), ("slash", "SearchScreen")]
"""The desk's keys that open a dialog other than a form, and the dialog each opens."""


@pytest.mark.parametrize(("key", "dialog"), DIALOGS)
async def test_a_dialog_opens_styled_once_over_a_desk_not_laid_out_again(frozen_app, monkeypatch, key, dialog):
    async with frozen_app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        desk = frozen_app.screen
        styled, first = count_stylings(monkeypatch)
        layouts = count_layouts(monkeypatch)
        await pilot.press(key)
        await settle(pilot)
        screen = frozen_app.screen
        assert type(screen).__name__ == dialog
        assert desk not in layouts, "the desk under the dialog was laid out again"
        assert styled[screen] == 1, "the dialog was styled again as it was shown"
