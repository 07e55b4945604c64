"""benchmarks/server.py runs run.py's Backend measures on a tiny desk copied up to PostgreSQL beside the SQLite desk
it came from, and prints every measure with numbers on both (times never asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pressdesk.store import open_desk
from pressdesk.store.copy import copy_desk
from tests.backends import NO_SERVER, fresh_database

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
NAMES = [
    "search",
    "keystroke",
    "desk page",
    "caller look-up",
    "save call",
    "save call, synchronous_commit off",
    "save call, synchronous_commit on",
]

pytestmark = pytest.mark.backend


def test_the_server_harness_prints_every_measure_on_sqlite_and_postgresql(tmp_path):
    if not os.environ.get("PRESSDESK_TEST_DB"):
        pytest.skip(NO_SERVER)
    desk = tmp_path / "tiny.db"
    build = [sys.executable, str(BENCH / "make_big_desk.py"), str(desk), "--enquiries", "300"]
    subprocess.run(
        [*build, "--journalists", "40", "--experts", "8", "--releases", "10"], check=True, capture_output=True
    )
    with fresh_database("postgresql", tmp_path) as url:
        source, target = open_desk(desk, create=False), open_desk(url)
        try:
            copy_desk(source, target)
        finally:
            source.dispose()
            target.dispose()
        run = [sys.executable, str(BENCH / "server.py"), "--json", "--desk", str(desk), "--server", url]
        done = subprocess.run([*run, "--runs", "2", "--durable"], check=True, capture_output=True, text=True)

    report = json.loads(done.stdout)
    measures = report["measures"]

    assert [m["name"] for m in measures] == NAMES
    for m in measures:
        assert m["sqlite_s"] > 0 and m["postgresql_s"] > 0, m
        assert m["ratio"] == m["postgresql_s"] / m["sqlite_s"], m
        assert m["sqlite_cpu_s"] is not None and m["postgresql_cpu_s"] is not None, m
        assert m["server_cpu_s"] is None or m["server_cpu_s"] >= 0, m
    assert set(report["machine"]["server"]) == {"fsync", "full_page_writes", "synchronous_commit"}
    assert "fsync" in measures[4]["how"]
