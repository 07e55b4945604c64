"""run.py's Backend measures on a PostgreSQL desk beside the SQLite desk it was copied from, in the same run.

    .venv/bin/python benchmarks/server.py --desk SQLITE_PATH --server URL [--runs N] [--json] [--durable]

The server desk must hold a copy of the SQLite desk (`pressdesk --db SQLITE_PATH db copy --to URL`): the same ids, so
the same busiest caller and the same queries on both. Each measure alternates the two desks call by call (run.py's
side_by_side) and prints one row: measure, SQLite, PostgreSQL, ratio (PostgreSQL / SQLite), CPU seconds of this
process per call on each and, when the server runs on this machine and its processes can be read, the server's CPU
seconds per call. Save call writes bench enquiries into both desks and names the server's fsync and
synchronous_commit beside it (SQLite's WAL with synchronous=NORMAL, as pressdesk opens it, does not wait for the disk
at commit: like synchronous_commit off). --durable measures save call again with the server desk's synchronous_commit
off, then on (ALTER DATABASE, reset afterwards): on is PostgreSQL's default, and only means a disk wait when the
server runs with fsync on.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as harness  # noqa: E402

NAMES = ("search", "keystroke", "desk page", "caller look-up", "save call")
"""The measures compared, in order (save call again per server setting with --durable)."""

SHOWN = ("fsync", "full_page_writes", "synchronous_commit")
"""The server settings a save call's time depends on, printed beside it."""


@dataclass
class Compared:
    """One measure on both desks, in seconds (median of the runs unless `how` says otherwise)."""

    name: str
    sqlite_s: float
    postgresql_s: float
    ratio: float | None
    how: str
    sqlite_cpu_s: float | None = None
    postgresql_cpu_s: float | None = None
    server_cpu_s: float | None = None


class ServerClock:
    """CPU seconds spent by this desk's client backends on the server (processes titled `postgres: USER DB ...`, the
    postmaster's children), read from /proc when the server is local: autovacuum and the checkpointer left out."""

    def __init__(self, engine: Any) -> None:
        self.pid: int | None = None
        url = engine.url
        self.title = f"postgres: {url.username} {url.database} ".encode()
        try:
            with engine.connect() as conn:
                folder = conn.exec_driver_sql("SHOW data_directory").scalar_one()
            self.pid = int(Path(folder, "postmaster.pid").read_text().split()[0])
        except Exception:  # noqa: BLE001 - a remote server, or one whose files this user cannot read
            self.pid = None

    def seconds(self) -> float | None:
        """Total user + system CPU seconds of the desk's client backends now."""
        if self.pid is None:
            return None
        total = 0
        for proc in Path("/proc").glob("[0-9]*"):
            try:
                fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == self.pid and (proc / "cmdline").read_bytes().startswith(self.title):
                    total += int(fields[11]) + int(fields[12])
            except OSError:
                continue
        return total / os.sysconf("SC_CLK_TCK")


def compare(
    name: str, lite: Callable[[], Any], pg: Callable[[], Any], runs: int, clock: ServerClock, how: str
) -> Compared:
    """Both calls alternating after a warm-up (run.py's side_by_side), medians, CPU medians and server CPU per call."""
    before = clock.seconds()
    a, b = harness.side_by_side(lite, pg, runs)
    after = clock.seconds()
    lite_cpu, pg_cpu = harness.CPU.pop("last")
    server = None if before is None or after is None else (after - before) / (1 + 2 * runs)
    return row(name, statistics.median(a), statistics.median(b), how, lite_cpu, pg_cpu, server)


def row(name: str, lite: float, pg: float, how: str, *cpu: float | None) -> Compared:
    """A compared measure with its ratio (None when SQLite took no measurable time)."""
    return Compared(name, lite, pg, pg / lite if lite > 0 else None, how, *cpu)


def save_calls(lite: Any, pg: Any, busy_id: int, runs: int, clock: ServerClock, name: str) -> Compared:
    """log_call on each desk in turn, p95 of max(runs, 20) each (CPU: median per call)."""
    walls: dict[str, list[float]] = {"lite": [], "pg": []}
    cpus: dict[str, list[float]] = {"lite": [], "pg": []}
    count = max(runs, 20)
    before = clock.seconds()
    for n in range(count):
        for key, backend in (("lite", lite), ("pg", pg)):

            def save(backend=backend, n=n) -> None:
                backend.log_call(
                    subject=f"Bench call {n} about flood defences", journalist_id=busy_id, deadline="tomorrow 5pm"
                )

            t, c = time.perf_counter(), time.thread_time()
            save()
            cpus[key].append(time.thread_time() - c)
            walls[key].append(time.perf_counter() - t)
    after = clock.seconds()
    server = None if before is None or after is None else (after - before) / count
    med = statistics.median
    how = f"log_call, p95 of {count}"
    lite_s, pg_s = harness.p95(walls["lite"]), harness.p95(walls["pg"])
    return row(name, lite_s, pg_s, how, med(cpus["lite"]), med(cpus["pg"]), server)


@contextmanager
def synchronous_commit(engine: Any, value: str) -> Iterator[None]:
    """The server desk's new connections committing with this synchronous_commit (ALTER DATABASE: it outranks the
    server's command line, unlike ALTER SYSTEM), reset afterwards; the pool is emptied so every call gets it."""

    def apply(tail: str) -> None:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            name = conn.exec_driver_sql("SELECT current_database()").scalar_one()
            conn.exec_driver_sql(f'ALTER DATABASE "{name}" {tail}')
        engine.dispose()

    apply(f"SET synchronous_commit = '{value}'")
    try:
        yield
    finally:
        apply("RESET synchronous_commit")


def shown(engine: Any) -> dict[str, str]:
    """What the server says the settings a commit's time depends on are, to a connection of the pool."""
    with engine.connect() as conn:
        return {key: conn.exec_driver_sql(f"SHOW {key}").scalar_one() for key in SHOWN}


def measures(desk: Path, url: str, runs: int, durable: bool) -> tuple[list[Compared], dict[str, Any]]:
    """Search, keystroke, desk page, caller look-up and save call through Backend on both desks, alternating."""
    from pressdesk.core import Backend
    from pressdesk.settings import Settings
    from pressdesk.store import open_desk

    settings = Settings(region="GB", officer="Bench Officer", timezone="Europe/London")
    lite_desk, pg_desk = open_desk(desk, create=False), open_desk(url, create=False)
    lite, pg = Backend(lite_desk, settings), Backend(pg_desk, settings)
    clock = ServerClock(pg_desk.engine)
    raw = sqlite3.connect(f"file:{desk}?mode=ro", uri=True)
    busy_id, phone = harness.busiest_caller(raw)
    raw.close()
    out: list[Compared] = []
    out.append(
        compare("search", lambda: lite.search("smith"), lambda: pg.search("smith"), runs, clock, "search('smith')")
    )

    worst: dict[str, tuple[float, str, Compared]] = {}
    for typed in ("smith", phone):
        for i in range(1, len(typed) + 1):
            text = typed[:i]
            if text != text.rstrip():
                continue
            got = compare("keystroke", lambda t=text: lite.search(t), lambda t=text: pg.search(t), 3, clock, text)
            for side, seconds in (("sqlite", got.sqlite_s), ("postgresql", got.postgresql_s)):
                if seconds > worst.get(side, (-1.0,))[0]:
                    worst[side] = (seconds, text, got)
    (lite_s, lite_text, lite_got), (pg_s, pg_text, pg_got) = worst["sqlite"], worst["postgresql"]
    how = f"worst search-as-you-type keystroke of each, median of 3 (SQLite '{lite_text}', PostgreSQL '{pg_text}')"
    out.append(row("keystroke", lite_s, pg_s, how, lite_got.sqlite_cpu_s, pg_got.postgresql_cpu_s, pg_got.server_cpu_s))

    out.append(compare("desk page", lite.desk_page, pg.desk_page, runs, clock, "desk_page()"))
    out.append(
        compare(
            "caller look-up",
            lambda: lite.lookup_caller(phone=phone),
            lambda: pg.lookup_caller(phone=phone),
            runs,
            clock,
            "lookup_caller(phone=busiest)",
        )
    )
    server = shown(pg_desk.engine)
    out.append(save_calls(lite, pg, busy_id, runs, clock, "save call"))
    out[-1].how += " (server: " + ", ".join(f"{k} {v}" for k, v in server.items()) + ")"
    for value in ("off", "on") if durable else ():
        with synchronous_commit(pg_desk.engine, value):
            if (now := shown(pg_desk.engine)["synchronous_commit"]) != value:
                raise SystemExit(f"--durable: synchronous_commit is {now}, not {value}")
            out.append(save_calls(lite, pg, busy_id, runs, clock, f"save call, synchronous_commit {value}"))
    lite_desk.dispose()
    pg_desk.dispose()
    return out, {"server": server, "server_cpu_read": clock.pid is not None}


def fmt(seconds: float | None) -> str:
    """Milliseconds as printed."""
    return "" if seconds is None else f"{seconds * 1000:,.1f} ms"


def table(rows: list[Compared]) -> str:
    """A markdown table: measure, SQLite, PostgreSQL, ratio, CPU of each, server CPU, how."""
    lines = [
        "| measure | SQLite | PostgreSQL | ratio | CPU here: SQLite / PostgreSQL | server CPU | how |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for m in rows:
        ratio = "—" if m.ratio is None else f"{m.ratio:,.2f}×"
        cpu = f"{fmt(m.sqlite_cpu_s)} / {fmt(m.postgresql_cpu_s)}" if m.sqlite_cpu_s is not None else ""
        lines.append(
            f"| {m.name} | {fmt(m.sqlite_s)} | {fmt(m.postgresql_s)} | {ratio} | {cpu} | {fmt(m.server_cpu_s)} "
            f"| {m.how} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure both desks and print the table (or JSON)."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--desk", type=Path, required=True, help="the SQLite desk the server desk was copied from")
    p.add_argument("--server", required=True, help="the server desk, postgresql+psycopg://USER@HOST:PORT/DB")
    p.add_argument("--runs", type=int, default=9, help="runs per measure (default 9)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--durable", action="store_true", help="also save call with synchronous_commit off, then on")
    args = p.parse_args(argv)
    desk = args.desk.expanduser().resolve()
    if not desk.is_file():
        p.error(f"no desk at {desk}")
    env = harness.machine()
    started = time.perf_counter()
    rows, server = measures(desk, args.server, args.runs, args.durable)
    env |= server
    env["load_after"] = [round(x, 2) for x in os.getloadavg()]
    env["seconds"] = round(time.perf_counter() - started, 1)
    env["desk"] = str(desk)
    if args.json:
        print(json.dumps({"machine": env, "measures": [asdict(m) for m in rows]}, indent=2))
    else:
        print(table(rows))
        print(f"\n{json.dumps(env)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
