"""The tests' shared stylesheet cache (tests/shared_css.py) is in place and changes nothing an officer would see."""

from __future__ import annotations

import inspect

from textual.css.stylesheet import Stylesheet

from pressdesk.core import Backend
from pressdesk.tui.app import build_app
from tests import shared_css
from tests.tui.conftest import FIXED, settle


def test_textual_still_parses_through_the_method_the_cache_stands_in_for():
    assert list(inspect.signature(shared_css._textual_parse).parameters) == shared_css.PARSE_PARAMETERS
    assert Stylesheet._parse_rules is shared_css._parse_rules_once, "the tests run without the shared cache"


async def picture(desk, settings) -> str:
    """The desk screen at 100x30 as an SVG."""
    app = build_app(settings, backend=Backend(desk, settings, clock=lambda: FIXED))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        return app.export_screenshot()


async def test_an_app_styled_from_the_cache_looks_the_same_as_one_parsed_afresh(frozen_desk, settings, monkeypatch):
    monkeypatch.setattr(shared_css, "PARSED", {})
    fresh = await picture(frozen_desk, settings)
    parsed = len(shared_css.PARSED)
    assert parsed, "the app's stylesheet was parsed without going through the cache"

    calls: list[object] = []
    monkeypatch.setattr(shared_css, "_textual_parse", lambda *args: calls.append(args) or [])
    cached = await picture(frozen_desk, settings)

    assert calls == [], "the second app parsed again what the first one had parsed"
    assert cached == fresh
