"""Input latency: type a realistic call into the log-a-call form on a desk and time each key to the next screen update.

    .venv/bin/python benchmarks/type_a_call.py --db tmp/cache/desk-1000000.db

Runs the real app headless with the desk opened and warmed beforehand, leaves what is loaded once its first page is
shown out of the garbage collector's full passes (`gc.freeze`, as the TUI does then), opens the form with
`n` and types a caller's number (the busiest caller's, so the look-up finds a card), a subject, a deadline that
reaches dateparser ("next tuesday 4pm") and a name. The same keys go into the floor, a bare Textual app of five
Inputs. Each is typed twice over (`--runs` times each), and each key is timed two ways:

- **key to update** (the measure of issue 13): from the moment the key event is posted to the app (as the terminal
  driver posts it) to the end of the screen update that shows it: `Screen._on_timer_update` run by the screen's own
  update timer (1/60 s after the screen goes idle with something to paint; nothing painted early), which lays out and
  composes the changed widgets (headless, `App._display` then draws nothing: the composition is what is timed). Work
  the key set going is counted until its result is on screen: the key is done only when nothing on the event loop is
  ready to run, the screen has nothing left to paint, and every worker started since the key was posted (a preview
  under the deadline, a caller look-up whose debounce timer fired meanwhile) has finished and handed its result back.
  A debounce timer still waiting then (typing has not paused) is not waited for: the next key is posted at once, so
  a look-up that fires 150 ms after the last digit lands on, and is counted in, whichever key is being typed then.
  The CPU column beside it is the process's CPU time (every thread) over the same span. The loop is turned, not
  slept in 20 ms steps; the wait between checks is 1 ms of idle loop and is not part of the figure (the end time is
  taken inside the update itself).
- **Pilot** (kept for comparison with earlier rounds): `pilot.press`, whose end is Textual's `wait_for_idle`, which
  SLEEPS 20 ms at a time until the process's CPU time stands still (at least ~60 ms per key, the harness waiting, not
  the officer), with the process's CPU time meanwhile.

Prints p50, p95, p99 and max of each, pressdesk's beside the floor's, the load average, the worst keys, and each Tab
out of a field (each a change of focus): its median over `--runs` typings of the call.
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


Times = list[tuple[float, float, str, str]]
"""Per key: seconds, the process's CPU seconds meanwhile, its field and the key."""

UPDATES: list[tuple[float, float]] = []
"""(perf_counter, process_time) at the end of each screen update that laid out or composed something."""


def timed_screen_updates() -> None:
    """Note the moment each screen update (run by the screen's update timer) has composed what changed."""
    from textual.screen import Screen

    if getattr(Screen._on_timer_update, "timed", False):
        return
    update = Screen._on_timer_update

    def on_timer_update(screen: Screen) -> None:
        work = screen._layout_required or screen._scroll_required or screen._repaint_required or screen._dirty_widgets
        update(screen)
        if work and screen.is_current:
            UPDATES.append((time.perf_counter(), time.process_time()))

    on_timer_update.timed = True  # type: ignore[attr-defined]
    Screen._on_timer_update = on_timer_update  # type: ignore[method-assign]


def key_event(key: str):
    """The Key event a terminal driver posts for this key (as Pilot builds it)."""
    import unicodedata

    from textual import events
    from textual.keys import _get_unicode_name_from_key

    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(key))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


def busy(app, before: set) -> bool:
    """Whether the key's work is not yet on screen: a task ready to run, something to paint, a worker of its running."""
    from textual.worker import WorkerState

    if asyncio.get_running_loop()._ready:  # type: ignore[attr-defined]
        return True
    screen = app.screen
    if screen._layout_required or screen._scroll_required or screen._repaint_required or screen._dirty_widgets:
        return True
    if screen._callbacks:
        return True
    return any(w not in before and w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)


async def key_to_update(app, keys: list[tuple[str, str]]) -> Times:
    """Post each key as the driver does; its time to the end of the last screen update its work caused."""
    times: Times = []
    for field, key in keys:
        before = set(app.workers)
        UPDATES.clear()
        event = key_event(key)
        event.set_sender(app)
        start, cpu = time.perf_counter(), time.process_time()
        app._driver.send_message(event)
        await asyncio.sleep(0)
        while busy(app, before):
            await asyncio.sleep(0 if asyncio.get_running_loop()._ready else 0.001)  # type: ignore[attr-defined]
        end, end_cpu = UPDATES[-1] if UPDATES else (time.perf_counter(), time.process_time())
        times.append((end - start, end_cpu - cpu, field, key))
    return times


async def pilot_presses(pilot, keys: list[tuple[str, str]]) -> Times:
    """Press each key through Pilot: its time until Pilot's wait for idle ends, with the CPU time meanwhile."""
    times: Times = []
    for field, key in keys:
        start, cpu = time.perf_counter(), time.process_time()
        await pilot.press(key)
        times.append((time.perf_counter() - start, time.process_time() - cpu, field, key))
    return times


async def type_call(path: Path, keys: list[tuple[str, str]], how: str) -> Times:
    """Each key's seconds (`how`: "update" or "pilot") and the process's CPU seconds meanwhile, with field and key."""
    from pressdesk.core import Backend
    from pressdesk.settings import Settings
    from pressdesk.store import open_desk
    from pressdesk.tui.app import build_app

    settings = Settings(region="GB", officer="Bench Officer", timezone="Europe/London")
    backend = Backend(open_desk(path), settings)
    backend.warm()  # as the TUI does once its first page is shown
    app = build_app(settings, backend=backend)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        gc.freeze()  # as the TUI does after its first page: what is loaded by then is left out of full collections
        await pilot.press("n")
        await pilot.pause(0.5)
        times = await (key_to_update(app, keys) if how == "update" else pilot_presses(pilot, keys))
        await pilot.pause(0.5)
    backend.close()
    return times


async def type_into_bare_app(keys: list[tuple[str, str]], how: str) -> Times:
    """The floor: the same keys pressed the same way into a bare Textual app of five Inputs."""
    from textual.app import App
    from textual.widgets import Input

    class Bare(App):
        def compose(self):
            for _ in range(5):
                yield Input()

    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        gc.freeze()  # as pressdesk's run does
        times = await (key_to_update(app, keys) if how == "update" else pilot_presses(pilot, keys))
    gc.unfreeze()  # as pressdesk's app does when it ends
    return times


def quantiles(label: str, times: Times, kind: str, column: int) -> None:
    """Print p50, p95, p99 and max of one column of the times."""
    values = sorted(t[column] for t in times)
    q = statistics.quantiles(values, n=100)
    print(
        f"  {label:9} {kind:6}  p50 {q[49] * 1000:6.1f}  p95 {q[94] * 1000:6.1f}  p99 {q[98] * 1000:6.1f}  "
        f"max {values[-1] * 1000:6.1f} ms"
    )


def report(title: str, runs: list[Times], floors: list[Times], keys: list[tuple[str, str]]) -> None:
    """The quantiles of pressdesk beside the floor's, the slowest keys, and each Tab out of a field."""
    times = [t for run in runs for t in run]
    floor = [t for run in floors for t in run]
    print(f"{title}, {len(times)} keys each:")
    for kind, column in (("wall", 0), ("CPU", 1)):
        quantiles("pressdesk", times, kind, column)
        quantiles("floor", floor, kind, column)
    print(
        "  pressdesk's slowest keys (wall / CPU): "
        + ", ".join(
            f"{field}: {key} {t * 1000:.1f}/{cpu * 1000:.1f}" for t, cpu, field, key in sorted(times, reverse=True)[:5]
        )
    )
    tabs = []
    for i, (field, key) in enumerate(keys):
        if key == "tab":
            wall = statistics.median(run[i][0] for run in runs) * 1000
            cpu = statistics.median(run[i][1] for run in runs) * 1000
            tabs.append(f"{field} {wall:.1f}/{cpu:.1f} (floor {statistics.median(r[i][0] for r in floors) * 1000:.1f})")
    print(f"  Tab out of each field, median of {len(runs)} (wall/CPU ms): " + ", ".join(tabs))


def main(argv: list[str] | None = None) -> int:
    """Type the call and print the latencies."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--runs", type=int, default=1, help="type the call this many times each way (each in a new app)")
    args = p.parse_args(argv)
    raw = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    row = raw.execute(
        "SELECT c.raw FROM contact_point c WHERE c.kind = 'phone' AND c.journalist_id = (SELECT journalist_id "
        "FROM enquiry WHERE journalist_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) LIMIT 1"
    ).fetchone()
    raw.close()
    load = os.getloadavg()
    keys = keys_for(row[0] if row else "07700 900123")
    timed_screen_updates()
    for how, title in (("update", "key to update (posted key -> its screen update composed)"), ("pilot", "Pilot")):
        runs = [asyncio.run(type_call(args.db, keys, how)) for _ in range(args.runs)]
        floors = [asyncio.run(type_into_bare_app(keys, how)) for _ in range(args.runs)]
        report(title, runs, floors, keys)
    after = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} before, {after[0]:.2f} {after[1]:.2f} after")
    return 0


if __name__ == "__main__":
    sys.exit(main())
