"""The live desk on a server: from another terminal's commit to its row on this desk, re-reading the row alone
(the enquiry ids the notice names) against re-reading the page, alternating run by run.

    .venv/bin/python benchmarks/live_rows.py --desk postgresql+psycopg://... [--runs N] [--size 160x45] [--change edit]

Before 0013_live_ids the desk re-read its page at the next one-second poll ("page, polled").
The desk is written to (one call logged per run, as another terminal would): give it a copy.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time

from textual.widgets import DataTable

from pressdesk.core import Backend
from pressdesk.core.views import DeskView
from pressdesk.settings import Settings
from pressdesk.store import open_desk, watch
from pressdesk.tui.app import build_app

WAYS = ("by ids", "page", "page, polled")
"""The rows named, woken by the notice; the page re-read, woken by the notice; the page re-read at the next
one-second poll (the desk before 0013_live_ids)."""


def shown(app) -> set[int]:
    """The enquiry ids in the desk's table."""
    return {int(k.value) for k in app.screen.query_one("#enquiries", DataTable).rows}


def timed(owner, name: str, spent: dict[str, list[float]]) -> None:
    """Record how long each call of this method takes (wall and process CPU seconds)."""
    real = getattr(owner, name)

    def call(*args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return real(*args, **kwargs)
        finally:
            spent[name].append(time.perf_counter() - wall)
            spent[f"{name} cpu"].append(time.process_time() - cpu)

    setattr(owner, name, call)


async def measure(url: str, runs: int, size: tuple[int, int], change: str) -> dict[str, list[float]]:
    """Seconds from the other terminal's commit to its row shown, per way of re-reading."""
    settings = Settings(region="GB", officer="Bench Officer", timezone="Europe/London")
    backend = Backend(open_desk(url), settings)
    other = Backend(open_desk(url), settings)
    spent: dict[str, list[float]] = {k: [] for k in (*WAYS, "desk_rows", "desk_rows cpu")}
    for name in ("desk_page", "_show_changed", "_show_page"):
        spent |= {name: [], f"{name} cpu": []}
    named, pushes = watch.changed_enquiries, watch.ChangeWatch.pushes
    app = build_app(settings, backend=backend)
    async with app.run_test(size=size) as pilot:
        while not shown(app):
            await pilot.pause(0.05)
        if change == "log":
            app.screen.show_view(DeskView("all"))  # newest first: each call logged lands at the top of the page
        await pilot.pause(1)
        table = app.screen.query_one("#enquiries", DataTable)
        edited = int(table.ordered_rows[2].key.value)  # "edit": a row on the page whose subject changes
        timed(backend, "desk_rows", spent)
        timed(backend, "desk_page", spent)
        timed(app.screen, "_show_changed", spent)  # laying the rows out on the UI thread
        timed(app.screen, "_show_page", spent)
        for run in range(runs * len(WAYS)):
            way = WAYS[run % len(WAYS)]
            watch.changed_enquiries = named if way == "by ids" else (lambda _payloads: None)
            watch.ChangeWatch.pushes = pushes if way != "page, polled" else property(lambda _self: False)
            await pilot.pause(1.2)  # the last notices drained, the watch's loop past a poll begun the other way
            subject = f"Live bench {run}"
            if change == "log":
                made = other.log_call(subject=subject, journalist="Ann Other", deadline="+5m")
                arrived = lambda made=made: made in shown(app)  # noqa: E731
            else:
                other.update_enquiry(edited, subject=subject)
                arrived = lambda subject=subject: str(table.get_cell(str(edited), "subject")) == subject  # noqa: E731
            start = time.perf_counter()
            while not arrived():
                if time.perf_counter() - start > 30:
                    raise SystemExit(f"the {change} was not shown within 30 s")
                await pilot.pause(0.002)
            spent[way].append(time.perf_counter() - start)
    watch.changed_enquiries, watch.ChangeWatch.pushes = named, pushes
    other.close()
    backend.close()
    return spent


def main() -> None:
    """Measure and print medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desk", required=True, help="a server desk's URL (it is written to: use a copy)")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--size", default="160x45")
    parser.add_argument("--change", choices=("log", "edit"), default="log", help="a call logged, or a row's subject")
    args = parser.parse_args()
    cols, rows = (int(n) for n in args.size.split("x"))
    load = os.getloadavg()
    spent = asyncio.run(measure(args.desk, args.runs, (cols, rows), args.change))
    after = os.getloadavg()[0]
    print(f"load average before {load[0]:.2f}, after {after:.2f}; {args.runs} runs each, {args.size}, {args.change}")
    for name, values in spent.items():
        if values:
            print(f"{name:>14}: median {statistics.median(values) * 1000:7.1f} ms  max {max(values) * 1000:7.1f} ms")
    ratio = statistics.median(spent["by ids"]) / statistics.median(spent["page"])
    print(f"commit to row shown, by ids / page: {ratio:.2f}")


if __name__ == "__main__":
    main()
