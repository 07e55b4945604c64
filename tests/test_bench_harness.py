"""The benchmark harness runs on a tiny generated desk and prints every measure with numbers (times never asserted)."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
NAMES = [
    "first frame",
    "first rows",
    "search",
    "keystroke",
    "desk page",
    "caller look-up",
    "save call",
    "import",
    "export",
    "report",
]


@pytest.fixture
def bench_main(monkeypatch):
    """Gives the main() of a benchmarks/ script, imported here as the script would run: a process of its own only
    paid Python's and pressdesk's imports (the harness still starts its own fresh processes where it measures one).
    The harness's modules are forgotten afterwards, as is its folder on sys.path."""
    scripts = {p.stem for p in BENCH.glob("*.py")}
    monkeypatch.syspath_prepend(str(BENCH))

    def load(script: str):
        return importlib.import_module(script).main

    yield load
    for name in scripts & set(sys.modules):
        del sys.modules[name]


def test_the_harness_prints_every_measure_beside_its_floor(tmp_path, bench_main, capsys):
    desk = tmp_path / "tiny.db"
    build = bench_main("make_big_desk")
    assert build([str(desk), "--enquiries", "300", "--journalists", "40", "--experts", "8", "--releases", "10"]) == 0
    capsys.readouterr()
    run = bench_main("run")
    assert run(["--json", "--desk", str(desk), "--runs", "1", "--contacts", "50"]) == 0

    measures = json.loads(capsys.readouterr().out)["measures"]

    assert [m["name"] for m in measures] == NAMES
    for m in measures:
        assert m["pressdesk_s"] > 0 and m["floor_s"] >= 0, m
        assert m["ratio"] is None or m["ratio"] == m["pressdesk_s"] / m["floor_s"], m
        assert m["floor"], m
    export = next(m for m in measures if m["name"] == "export")
    assert export["peak_rss_mib"] > 0
