"""Once the desk has loaded its readers, what it loaded is left out of the garbage collector's full passes, so no key
typed waits for a pass over every object of dateparser, phonenumbers and SQLAlchemy (issue 13: input latency; the
worst key of the typing benchmark was such a pass, ~200 ms of CPU)."""

from __future__ import annotations

import gc

import pressdesk.tui.app
from pressdesk.tui.app import build_app
from tests.tui.conftest import settle


async def test_what_the_desk_loaded_is_left_out_of_full_collections_while_it_runs(frozen_desk, settings, monkeypatch):
    monkeypatch.setattr(pressdesk.tui.app, "gc", gc)  # the app's own freeze, which other Pilot tests leave out
    gc.unfreeze()  # what earlier tests froze (tests/tui/conftest.py) is given back: this app's own freeze is checked
    app = build_app(settings, target=str(frozen_desk.path))  # opened as at launch, its readers warmed after the page
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.backend is not None
        assert gc.get_freeze_count() > 0, "every object loaded so far is still walked by each full collection"
    assert gc.get_freeze_count() == 0, "given back to the collector when the app ends"
