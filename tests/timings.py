"""Per-test wall and CPU seconds (`pytest --timings=FILE`): where the suite waits rather than works."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

CLOCKS = (time.perf_counter, time.process_time)
"""The real clocks, held in a tuple so freezegun's module scan never swaps them for its frozen ones."""


class Timings:
    """Appends `wall<TAB>cpu<TAB>nodeid` per test (setup, call and teardown together) to FILE.<worker>.<pid>."""

    def __init__(self, path: Path) -> None:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        self.path = path.with_name(f"{path.name}.{worker}.{os.getpid()}")
        self.path.parent.mkdir(parents=True, exist_ok=True)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item, nextitem):
        """Time one test's whole protocol on the real clocks."""
        wall, cpu = (clock() for clock in CLOCKS)
        yield
        took_wall, took_cpu = (clock() - start for clock, start in zip(CLOCKS, (wall, cpu), strict=True))
        with self.path.open("a", encoding="utf-8") as out:
            out.write(f"{took_wall:.3f}\t{took_cpu:.3f}\t{item.nodeid}\n")


def register(config: pytest.Config) -> None:
    """Record timings when --timings names a file."""
    target = config.getoption("--timings")
    if target:
        config.pluginmanager.register(Timings(Path(target).resolve()), "pressdesk-timings")
