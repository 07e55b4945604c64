"""The benchmark harness runs on a tiny generated desk and prints every measure with numbers (times never asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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


def test_the_harness_prints_every_measure_beside_its_floor(tmp_path):
    desk = tmp_path / "tiny.db"
    build = [sys.executable, str(BENCH / "make_big_desk.py"), str(desk), "--enquiries", "300"]
    subprocess.run(
        [*build, "--journalists", "40", "--experts", "8", "--releases", "10"], check=True, capture_output=True
    )
    run = [sys.executable, str(BENCH / "run.py"), "--json", "--desk", str(desk), "--runs", "1", "--contacts", "50"]
    done = subprocess.run(run, check=True, capture_output=True, text=True, timeout=600)

    measures = json.loads(done.stdout)["measures"]

    assert [m["name"] for m in measures] == NAMES
    for m in measures:
        assert m["pressdesk_s"] > 0 and m["floor_s"] >= 0, m
        assert m["ratio"] is None or m["ratio"] == m["pressdesk_s"] / m["floor_s"], m
        assert m["floor"], m
    export = next(m for m in measures if m["name"] == "export")
    assert export["peak_rss_mib"] > 0
