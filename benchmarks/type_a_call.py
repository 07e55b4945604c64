"""Input latency: type a realistic call into the log-a-call form on a desk and time each key to the next screen update.

    .venv/bin/python benchmarks/type_a_call.py --db tmp/cache/desk-1000000.db

Runs the real app headless through Textual's Pilot with the desk opened and warmed beforehand (as after the first
page), opens the form with `n` and types a caller's number (the busiest caller's, so the look-up finds a card), a
subject, a deadline that reaches dateparser ("next tuesday 4pm") and a name. Each key's time is from the press
until Pilot has seen the app process it and the screen settle (its `press` waits for that), with the process's CPU
time meanwhile (every thread: the look-ups run in workers). Prints p50, p95, p99 and max, the same for the floor (the
same keys pressed through Pilot into a bare Textual app of five Inputs), the load average, the worst keys, and each
Tab out of a field (each a change of focus, the heavy keys of issue 13): its median over `--runs` typings of the call.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path


def keys_for(phone: str) -> list[tuple[str, str]]:
    """(field, key) for a whole call, tab between fields as an officer would."""
    fields = [
        ("phone", phone),
        ("subject", "Flood defences in the Somerset Levels: comment for the 6pm bulletin"),
        ("deadline", "next tuesday 4pm"),
    ]
    keys: list[tuple[str, str]] = []
    for name, typed in fields:
        keys += [(name, "space" if c == " " else c) for c in typed]
        keys.append((name, "tab"))
    keys.append(("type", "tab"))
    keys += [("journalist", "space" if c == " " else c) for c in "Sam Okafor"]
    return keys


async def type_call(path: Path, keys: list[tuple[str, str]]) -> list[tuple[float, float, str, str]]:
    """Each key's seconds to the next screen update and the process's CPU seconds meanwhile, with its field and key."""
    from pressdesk.core import Backend
    from pressdesk.settings import Settings
    from pressdesk.store import open_desk
    from pressdesk.tui.app import build_app

    settings = Settings(region="GB", officer="Bench Officer", timezone="Europe/London")
    backend = Backend(open_desk(path), settings)
    backend.warm()  # as the TUI does once its first page is shown, then it freezes what is loaded (gc.freeze)
    gc.freeze()
    app = build_app(settings, backend=backend)
    times: list[tuple[float, float, str, str]] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        await pilot.press("n")
        await pilot.pause(0.5)
        for field, key in keys:
            start, cpu = time.perf_counter(), time.process_time()
            await pilot.press(key)
            times.append((time.perf_counter() - start, time.process_time() - cpu, field, key))
        await pilot.pause(0.5)
    backend.close()
    return times


async def type_into_bare_app(keys: list[tuple[str, str]]) -> list[tuple[float, float, str, str]]:
    """The floor: the same keys pressed the same way into a bare Textual app of five Inputs."""
    from textual.app import App
    from textual.widgets import Input

    class Bare(App):
        def compose(self):
            for _ in range(5):
                yield Input()

    times: list[tuple[float, float, str, str]] = []
    async with Bare().run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        for field, key in keys:
            start, cpu = time.perf_counter(), time.process_time()
            await pilot.press(key)
            times.append((time.perf_counter() - start, time.process_time() - cpu, field, key))
    return times


def quantiles(label: str, times: list[tuple[float, float, str, str]]) -> None:
    """Print p50, p95, p99 and max of the wall and CPU times."""
    for kind, column in (("wall", 0), ("CPU", 1)):
        values = sorted(t[column] for t in times)
        q = statistics.quantiles(values, n=100)
        print(
            f"{label}, {len(values)} keys, {kind}: p50 {q[49] * 1000:.1f} ms, p95 {q[94] * 1000:.1f} ms, "
            f"p99 {q[98] * 1000:.1f} ms, max {values[-1] * 1000:.1f} ms"
        )


def main(argv: list[str] | None = None) -> int:
    """Type the call and print the latencies."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--runs", type=int, default=1, help="type the call this many times (each in a new app)")
    args = p.parse_args(argv)
    raw = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    row = raw.execute(
        "SELECT c.raw FROM contact_point c WHERE c.kind = 'phone' AND c.journalist_id = (SELECT journalist_id "
        "FROM enquiry WHERE journalist_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) LIMIT 1"
    ).fetchone()
    raw.close()
    load = os.getloadavg()[0]
    keys = keys_for(row[0] if row else "07700 900123")
    runs = [asyncio.run(type_call(args.db, keys)) for _ in range(args.runs)]
    floors = [asyncio.run(type_into_bare_app(keys)) for _ in range(args.runs)]
    times = [t for run in runs for t in run]
    quantiles("pressdesk", times)
    quantiles("floor (bare app of five Inputs, same keys through Pilot)", [t for run in floors for t in run])
    print(f"load average {load:.1f} before, {os.getloadavg()[0]:.1f} after; pressdesk's slowest keys (wall / CPU):")
    for t, cpu, field, key in sorted(times, reverse=True)[:5]:
        print(f"  {t * 1000:7.1f} / {cpu * 1000:5.1f} ms  {field}: {key}")
    print(f"Tab out of each field, median of {args.runs} (wall / CPU; the floor's CPU):")
    for i, (field, key) in enumerate(keys):
        if key == "tab":
            wall = statistics.median(run[i][0] for run in runs) * 1000
            cpu = statistics.median(run[i][1] for run in runs) * 1000
            floor = statistics.median(run[i][1] for run in floors) * 1000
            print(f"  {wall:7.1f} / {cpu:5.1f} ms  {field}: tab  (floor {floor:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
