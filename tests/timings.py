"""Per-test wall and CPU seconds (`pytest --timings=FILE`): where the suite waits rather than works."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest


def children_cpu() -> float:
    """CPU seconds of this process's ended (waited-for) child processes, and of tests/at_once.py's launcher and the
    ended processes it forked (its children, not ours)."""
    from tests.at_once import forked_cpu

    spent = os.times()
    return spent.children_user + spent.children_system + forked_cpu()


CLOCKS = (time.perf_counter, time.process_time, children_cpu)
"""The real clocks, held in a tuple so freezegun's module scan never swaps them for its frozen ones."""


class Timings:
    """Appends `wall<TAB>cpu<TAB>children's cpu<TAB>nodeid` per test (setup to teardown) to FILE.<worker>.<pid>."""

    def __init__(self, path: Path) -> None:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        self.path = path.with_name(f"{path.name}.{worker}.{os.getpid()}")
        self.path.parent.mkdir(parents=True, exist_ok=True)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item, nextitem):
        """Time one test's whole protocol on the real clocks."""
        started = [clock() for clock in CLOCKS]
        yield
        took = [f"{clock() - start:.3f}" for clock, start in zip(CLOCKS, started, strict=True)]
        with self.path.open("a", encoding="utf-8") as out:
            out.write("\t".join([*took, item.nodeid]) + "\n")


def register(config: pytest.Config) -> None:
    """Record timings when --timings names a file."""
    target = config.getoption("--timings")
    if target:
        config.pluginmanager.register(Timings(Path(target).resolve()), "pressdesk-timings")
