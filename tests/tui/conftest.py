"""Fixtures for Pilot tests: an app over a throwaway demo desk, and a deterministic wait."""

from __future__ import annotations

import contextlib

import pytest
from textual.worker import WorkerCancelled, WorkerFailed, WorkerState

from pressdesk.tui.app import build_app
from pressdesk.tui.backend import Backend
from pressdesk.tui.debounce import LOOKUP_DELAY, waiting


@pytest.fixture
def backend(demo_desk, settings) -> Backend:
    """The TUI's backend over the demo desk."""
    return Backend(demo_desk, settings)


@pytest.fixture
def app(backend, settings):
    """The app, already holding an open backend."""
    return build_app(settings, backend=backend)


async def settle(pilot) -> None:
    """Wait until every look-up waiting for typing to pause has started, every worker has finished, and its
    results are on screen."""
    for _ in range(50):
        await pilot.pause()
        while any(waiting(screen) for screen in pilot.app.screen_stack):
            await pilot.pause(LOOKUP_DELAY / 3)
        running = [w for w in pilot.app.workers if w.state in (WorkerState.PENDING, WorkerState.RUNNING)]
        if not running:
            await pilot.pause()
            if not any(waiting(screen) for screen in pilot.app.screen_stack):
                return
            continue
        for worker in running:
            with contextlib.suppress(WorkerCancelled, WorkerFailed):
                await worker.wait()
    raise AssertionError("workers kept starting: the screen never settled")
