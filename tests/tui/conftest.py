"""Fixtures for Pilot tests: an app over a throwaway demo desk, and a deterministic wait."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
import textual.app
import textual.pilot
from textual._context import active_app
from textual._styles_cache import StylesCache
from textual.app import ScreenStackError
from textual.screen import Screen
from textual.worker import WorkerCancelled, WorkerFailed, WorkerState

import pressdesk.tui.app
from pressdesk.core import Backend
from pressdesk.tui.app import build_app
from pressdesk.tui.debounce import LOOKUP_DELAY, waiting
from tests.conftest import copied_desk

FIXED = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
"""The moment a frozen desk stands still at (a Wednesday, 10:00 in London)."""


LOOP_TURNS = 10_000
"""At most this many turns of the event loop per wait for the app to go idle (Textual's own gives up after 1 s)."""


def unpainted(app) -> bool:
    """Whether the current screen has a layout, repaint or after-refresh callback waiting for its update timer."""
    try:
        screen = app.screen
    except ScreenStackError:  # the app is closing
        return False
    if app._batch_count or not screen.is_current:
        return False
    return bool(
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._recompose_required
        or screen._dirty_widgets
        or screen._callbacks
    )


async def until_idle(min_sleep: float = 0, max_sleep: float = 1) -> None:
    """Textual's `wait_for_idle`, without the clock: turn the event loop until nothing on it is ready to run and the
    screen has nothing left to lay out or paint (painting it as its update timer would). Textual's own sleeps 20 ms at
    a time until the process's CPU time stands still: at least 40 ms per key pressed, ~70 ms under load. Worker
    threads are not waited for here (nor reliably there): `settle` waits for them."""
    loop = asyncio.get_running_loop()
    app = active_app.get()
    for _ in range(LOOP_TURNS):
        await asyncio.sleep(0)
        if loop._ready:  # a message pump or task can still run
            continue
        if not unpainted(app):
            return
        app.screen._on_timer_update()  # lay out and paint now, as Pilot.pause does


@pytest.fixture(autouse=True)
def _keys_wait_for_the_app_not_the_clock(monkeypatch):
    """Every key Pilot presses and every `pilot.pause()` waits for the app to go idle by turning the event loop,
    not by sleeping until the CPU time stands still."""
    monkeypatch.setattr(textual.app, "wait_for_idle", until_idle)
    monkeypatch.setattr(textual.pilot, "wait_for_idle", until_idle)


def paint_nothing(screen: Screen) -> None:
    """A headless screen's refresh: Textual renders every changed widget into strips that a headless driver then
    throws away (`App._display` draws nothing headless), about a third of a Pilot test's CPU. Pictures of the screen
    (`export_screenshot`, the snapshots) render the whole screen themselves."""
    screen._dirty_widgets.clear()


@pytest.fixture(autouse=True)
def _headless_screens_render_only_for_pictures(monkeypatch):
    """A Pilot test's screen lays itself out after every key as the app's does, but renders only when a test takes
    its picture."""
    monkeypatch.setattr(Screen, "_compositor_refresh", paint_nothing)


GC_KEPT = SimpleNamespace(freeze=lambda: None, unfreeze=lambda: None)
"""What the app's warm-up freeze and its unmount's unfreeze do in a Pilot test: nothing (see below)."""


def collect_then_freeze() -> None:
    """Collect the garbage of the tests before (their apps ended, their fixtures gone), then leave every object still
    alive out of the collector's passes, as the app does after its warm-up. Textual's `StylesCache.get_inner_outer`
    cache (an lru_cache on a method: up to 1,024 StylesCache objects with every strip they cached, long after their
    app ended) is forgotten first so that those are collected too."""
    StylesCache.get_inner_outer.cache_clear()
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _full_collections_skip_what_earlier_tests_loaded(monkeypatch):
    """Each Pilot test starts with what earlier tests left alive (the modules and caches loaded so far) frozen and their
    garbage collected (`collect_then_freeze`), so the collector's passes walk only what this test makes. Frozen once
    per process, by the first test's end, the modules and caches later tests loaded and every test's app surviving two
    passes were walked by each full pass (~0.1 s each, one in three tests); frozen at a test's own end, its app, still
    held by pytest until its teardown is over, would be kept for good. The app's own freeze and unfreeze do nothing in
    a Pilot test: an app that unfroze at its end made every test pay a pass over every object, and one that froze
    mid-test would keep its widgets for good."""
    collect_then_freeze()
    monkeypatch.setattr(pressdesk.tui.app, "gc", GC_KEPT)


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


async def settle(pilot, *, timers: bool = False) -> None:
    """The officer stops typing: wait until every look-up waiting for typing to pause has started, every worker has
    finished, and its results are on screen (no sleeps). A waiting look-up starts at once (`Debounce.now`, as its
    timer would LOOKUP_DELAY later); with `timers`, its own timer is waited for. The desk watcher runs for as long as
    the app does, so it is not waited for."""
    for _ in range(50):
        await pilot.pause()
        while pilot.app._resize_timer is not None:  # Textual passes a new size on 1/120 s after the last one
            await pilot.pause(1 / 120)
        while any(waiting(screen) for screen in pilot.app.screen_stack):
            if timers:
                await pilot.pause(LOOKUP_DELAY / 3)
                continue
            for screen in pilot.app.screen_stack:
                for look_up in screen.__dict__.get("debounces", ()):
                    if look_up.pending:
                        look_up.now()
            await pilot.pause()
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


def count_layouts(monkeypatch) -> list[Screen]:
    """Every full layout of a screen from now on, one entry per layout."""
    layouts: list[Screen] = []
    lay_out = Screen._refresh_layout

    def counted(screen, *args, **kwargs):
        layouts.append(screen)
        return lay_out(screen, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    return layouts
