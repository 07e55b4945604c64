"""The footer composes its keys again only when they change: Textual asks after every focus move (issue 13: each
rebuild cost 40-140 ms of the desk's start, four of them before the first rows)."""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from pressdesk.tui.app import PressDeskApp
from pressdesk.tui.widgets.footer import KeyFooter
from tests.tui.conftest import settle


async def test_the_footer_keeps_its_keys_when_nothing_changed_and_follows_a_narrower_terminal(frozen_app):
    async with frozen_app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        footer = frozen_app.screen.query_one(KeyFooter)
        wide = list(footer.query(FooterKey))
        await pilot.press("tab")  # Textual asks the footer to compose again after every change of focus
        await pilot.press("shift+tab")
        await settle(pilot)
        assert all(a is b for a, b in zip(footer.query(FooterKey), wide, strict=True)), "the same keys, not rebuilt"
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        narrow = [key.action for key in footer.query(FooterKey)]
        assert "quit" in narrow and "new" in narrow and len(narrow) < len(wide)
        await pilot.resize_terminal(160, 45)
        await settle(pilot)
        assert [key.action for key in footer.query(FooterKey)] == [key.action for key in wide]


def styled(monkeypatch, kind: type) -> list:
    """Every node of this kind whose styles the app works out again from here on, once per time."""
    seen: list = []
    original = PressDeskApp.update_styles

    def update_styles(app, node=None, animate=True):
        if isinstance(node, kind):
            seen.append(node)
        return original(app, node, animate=animate)

    monkeypatch.setattr(PressDeskApp, "update_styles", update_styles)
    return seen


async def test_a_footer_key_is_styled_once_as_it_is_mounted_not_again_for_its_compact_look(frozen_app, monkeypatch):
    restyled = styled(monkeypatch, FooterKey)
    async with frozen_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.resize_terminal(160, 45)  # the keys are composed again, full size
        await settle(pilot)
        keys = list(frozen_app.screen.query_one(KeyFooter).query(FooterKey))
        assert keys[-1].action == "command_palette" and keys[-1].has_class("-compact"), "as Textual shows it"
        assert len(keys) > 1 and all(not key.has_class("-compact") for key in keys[:-1])
        assert restyled == [], "each key was styled again as its compact class was toggled after it was mounted"
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        keys = list(frozen_app.screen.query_one(KeyFooter).query(FooterKey))
        assert keys and all(key.has_class("-compact") for key in keys)
        assert restyled == []


async def test_the_contacts_footer_keeps_its_keys_when_the_focus_moves_and_they_stay_the_same(frozen_app):
    async with frozen_app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        footer = frozen_app.screen.query_one(Footer)
        before = list(footer.query(FooterKey))
        assert before
        frozen_app.screen.refresh_bindings()  # Textual asks every footer to compose again, as after a focus move
        await settle(pilot)
        assert all(a is b for a, b in zip(footer.query(FooterKey), before, strict=True)), "the same keys, not rebuilt"
