"""Fixtures for Pilot tests: an app over a throwaway demo desk, and a deterministic wait."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.worker import WorkerCancelled, WorkerFailed, WorkerState

from pressdesk.core import Backend
from pressdesk.tui.app import build_app
from pressdesk.tui.debounce import LOOKUP_DELAY, waiting
from tests.conftest import copied_desk

FIXED = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
"""The moment a frozen desk stands still at (a Wednesday, 10:00 in London)."""


@pytest.fixture
def backend(demo_desk, settings) -> Backend:
    """The TUI's backend over the demo desk."""
    return Backend(demo_desk, settings)


@pytest.fixture
def app(backend, settings):
    """The app, already holding an open backend."""
    return build_app(settings, backend=backend)


@pytest.fixture(scope="session")
def frozen_template(tmp_path_factory) -> Path:
    """The file of a demo desk loaded as if it were FIXED, built once per test run: each test copies it."""
    from pressdesk.services.demo import load_demo
    from pressdesk.store import open_desk

    path = tmp_path_factory.mktemp("frozen") / "frozen.db"
    desk = open_desk(path)
    with desk.write() as s:
        load_demo(s, who="demo", region="GB", now=FIXED)
    desk.dispose()
    return path


@pytest.fixture
def frozen_desk(frozen_template, tmp_path):
    """A private copy of the demo desk loaded as if it were FIXED."""
    desk = copied_desk(frozen_template, tmp_path / "frozen.db")
    yield desk
    desk.dispose()


@pytest.fixture
def frozen_app(frozen_desk, settings):
    """The app over the frozen demo desk, its clock standing still at FIXED, so results never depend on the hour."""
    return build_app(settings, backend=Backend(frozen_desk, settings, clock=lambda: FIXED))


async def settle(pilot) -> None:
    """Wait until every look-up waiting for typing to pause has started, every worker has finished, and its
    results are on screen (no sleeps). The desk watcher runs for as long as the app does, so it is not waited for."""
    for _ in range(50):
        await pilot.pause()
        while any(waiting(screen) for screen in pilot.app.screen_stack):
            await pilot.pause(LOOKUP_DELAY / 3)
        running = [
            w
            for w in pilot.app.workers
            if w.state in (WorkerState.PENDING, WorkerState.RUNNING) and w.group != pilot.app.WATCH_GROUP
        ]
        if not running:
            await pilot.pause()
            if not any(waiting(screen) for screen in pilot.app.screen_stack):
                return
            continue
        for worker in running:
            with contextlib.suppress(WorkerCancelled, WorkerFailed):
                await worker.wait()
    raise AssertionError("workers kept starting: the screen never settled")
