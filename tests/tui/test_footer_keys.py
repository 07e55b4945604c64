"""The footer composes its keys again only when they change: Textual asks after every focus move (issue 13: each
rebuild cost 40-140 ms of the desk's start, four of them before the first rows)."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

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
