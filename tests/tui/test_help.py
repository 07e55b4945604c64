"""The help screen lists every key of the screen underneath, each once."""

from __future__ import annotations

from collections import Counter

from textual.widgets import Static

from pressdesk.tui.screens.help import HelpScreen
from tests.tui.conftest import settle


async def test_help_lists_each_key_once(app):
    async with app.run_test(size=(100, 60)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        lines = [ln.strip() for ln in str(app.screen.query_one("#help-keys", Static).content).splitlines() if ln]
    keys = Counter(ln.split("  ")[0] for ln in lines)
    descriptions = Counter(ln.split("  ", 1)[1].strip().casefold() for ln in lines)
    assert [k for k, n in keys.items() if n > 1] == [], "no key is listed twice"
    assert [d for d, n in descriptions.items() if n > 1] == [], "no action is listed twice"
    assert sum("palette" in d for d in descriptions) == 1
    assert "1 … 5" in keys and not {"1", "2", "3", "4", "5"} & set(keys), "the modes are listed together, once"
    assert {"n", "s", "r", "f5", "^q", "?", "/"} <= set(keys)
