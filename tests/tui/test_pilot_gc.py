"""The Pilot tests' collector (conftest.collect_then_freeze): each test starts with the garbage of the tests before it
collected and everything still alive left out of the collector's passes, so no pass walks an earlier test's objects."""

from __future__ import annotations

import asyncio
import gc
import weakref

from pressdesk.core import Backend
from pressdesk.tui.app import build_app
from tests.tui.conftest import FIXED, collect_then_freeze, settle


def ended_app(desk, settings) -> weakref.ref:
    """A weak reference to an app run on the desk in an event loop of its own, as a Pilot test's, and ended."""

    async def run(app) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)

    app = build_app(settings, backend=Backend(desk, settings, clock=lambda: FIXED))
    asyncio.run(run(app))
    return weakref.ref(app)


def test_at_each_tests_start_an_ended_app_is_collected_and_what_lives_on_is_frozen(frozen_desk, settings):
    collect_then_freeze()  # an earlier test's start
    ended = ended_app(frozen_desk, settings)
    kept = [object()]  # alive, in no cycle: walked by every pass until frozen
    collect_then_freeze()  # the next test's
    assert ended() is None, "an ended app is still there: walked by every pass (or frozen for good)"
    assert gc.get_freeze_count() > 0
    assert not any(o is kept for o in gc.get_objects()), "a list still alive is walked by every pass"
