"""One harness: every measure of issue 13 beside its floor, measured back to back in the same run.

    .venv/bin/python benchmarks/run.py [--quick] [--json] [--desk PATH] [--runs N]

Prints one row per measure: name, pressdesk_s, floor_s, ratio (and peak RSS where memory matters). Without
--desk it builds (once) and reuses a desk of 1,000,000 enquiries (100,000 with --quick) under tmp/cache/.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = ROOT / "tmp" / "cache"
sys.path.insert(0, str(HERE))

import export_csv  # noqa: E402
import import_contacts  # noqa: E402
import queries as hot  # noqa: E402
import startup  # noqa: E402

NAMES = (
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
)
"""Every measure the harness prints, in order."""


@dataclass
class Measure:
    """One measure beside its floor, in seconds (median of the runs unless `how` says otherwise)."""

    name: str
    pressdesk_s: float
    floor_s: float
    ratio: float | None
    how: str = ""
    floor: str = ""
    peak_rss_mib: float | None = None
    floor_rss_mib: float | None = None
    pressdesk_cpu_s: float | None = None
    floor_cpu_s: float | None = None


def measure(name: str, ours: float, floor: float, how: str, floor_is: str, **extra: float) -> Measure:
    """A measure with its ratio (None when the floor took no measurable time)."""
    ratio = ours / floor if floor > 0 else None
    return Measure(name, ours, floor, ratio, how, floor_is, **extra)


def with_cpu(m: Measure) -> Measure:
    """The measure with the CPU medians of the side_by_side just run."""
    m.pressdesk_cpu_s, m.floor_cpu_s = CPU.pop("last", (None, None))
    return m


def timed(fn: Callable[[], Any]) -> float:
    """Seconds one call takes."""
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


CPU: dict[str, tuple[float, float]] = {}
"""The last side_by_side's median CPU seconds of this thread (ours, floor): on a loaded shared machine the wall clock
of a 5 ms call is mostly time spent waiting for a core, its CPU time is not."""


def cpu_timed(fn: Callable[[], Any]) -> float:
    """CPU seconds this thread spends in one call (SQLite runs in it too)."""
    t = time.thread_time()
    fn()
    return time.thread_time() - t


def side_by_side(ours: Callable[[], Any], floor: Callable[[], Any], runs: int) -> tuple[list[float], list[float]]:
    """Both after a warm-up, alternating run by run so a busier moment of the machine hits both; wall seconds
    (CPU seconds of a second round go to CPU["last"])."""
    ours(), floor()
    a, b, ca, cb = [], [], [], []
    for _ in range(runs):
        a.append(timed(ours))
        b.append(timed(floor))
        ca.append(cpu_timed(ours))
        cb.append(cpu_timed(floor))
    CPU["last"] = (statistics.median(ca), statistics.median(cb))
    return a, b


def desk_for(size: int) -> Path:
    """The cached generated desk of that many enquiries, built on first use."""
    path = CACHE / f"desk-{size}.db"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        print(f"building {path} ({size:,} enquiries), once", flush=True)
        cmd = [sys.executable, str(HERE / "make_big_desk.py"), str(path), "--enquiries", str(size)]
        if size < 200_000:
            cmd += ["--journalists", str(max(200, size // 20)), "--experts", "60"]
        subprocess.run(cmd, check=True)
    return path


# --- start-up ---------------------------------------------------------------------------------------------------


def startup_measures(desk: Path, runs: int) -> list[Measure]:
    """First frame and first rows of the real entry point beside a bare Textual app, alternating fresh processes."""
    startup.compile_pressdesk()
    home = Path(tempfile.mkdtemp(prefix="pressdesk-bench-home-"))
    env = startup.env_for(home)
    bare, ours = [], []
    for _ in range(runs):
        bare.append(startup.child(startup.BARE, env))
        ours.append(startup.child(startup.PRESSDESK, {**env, "PRESSDESK_BENCH_DB": str(desk)}))
    shutil.rmtree(home, ignore_errors=True)

    def med(rs: list[dict], key: str) -> float:
        return statistics.median(r[f"{key}_from_launch_ms"] for r in rs) / 1000

    def cpu(rs: list[dict], key: str) -> float:
        return statistics.median(r[f"{key}_cpu"] for r in rs)

    floor, floor_cpu = med(bare, "first_frame"), cpu(bare, "first_frame")
    how = f"median of {runs} fresh processes, from launch"
    is_ = "bare Textual app, one Static: first frame"
    return [
        measure(
            "first frame",
            med(ours, "first_frame"),
            floor,
            how,
            is_,
            pressdesk_cpu_s=cpu(ours, "first_frame"),
            floor_cpu_s=floor_cpu,
        ),
        measure(
            "first rows",
            med(ours, "usable"),
            floor,
            how,
            is_,
            pressdesk_cpu_s=cpu(ours, "usable"),
            floor_cpu_s=floor_cpu,
        ),
    ]


# --- hot calls through Backend ----------------------------------------------------------------------------------


def busiest_caller(raw: sqlite3.Connection) -> tuple[int, str]:
    """The journalist with the most enquiries and their first phone number as typed (national form)."""
    from pressdesk.validation import parse_phone

    busy = raw.execute(
        "SELECT journalist_id FROM enquiry WHERE journalist_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    busy_id = busy[0] if busy else 1
    row = raw.execute(
        "SELECT value FROM contact_point WHERE journalist_id = ? AND kind = 'phone' ORDER BY position LIMIT 1",
        (busy_id,),
    ).fetchone()
    return busy_id, parse_phone(row[0], "GB").national if row else "07700 900123"


def p95(values: list[float]) -> float:
    """The 95th percentile of the values."""
    return statistics.quantiles(values, n=20)[-1]


def backend_measures(desk: Path, runs: int) -> list[Measure]:
    """Search, keystroke, desk page, caller look-up, save call and report through pressdesk.core.Backend."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import event

    from pressdesk.core import Backend
    from pressdesk.services import reports
    from pressdesk.settings import Settings
    from pressdesk.store import open_desk
    from pressdesk.validation import parse_phone

    opened = open_desk(desk)
    backend = Backend(opened, Settings(region="GB", officer="Bench Officer", timezone="Europe/London"))
    backend.warm()  # as the TUI's process is once started (app.warm_backend): the readers loaded, and what is loaded
    gc.freeze()  # left out of the collector's full passes (without it a 20-50 ms pass lands in one save in twenty)
    raw = sqlite3.connect(f"file:{desk}?mode=ro", uri=True, check_same_thread=False)
    q = raw.execute
    out: list[Measure] = []
    med = statistics.median

    # search "smith": every kind through Backend, beside the FTS MATCH alone
    fts = hot.FTS_SQL
    a, b = side_by_side(lambda: backend.search("smith"), lambda: q(fts, (hot.fts_phrase("smith"),)).fetchall(), runs)
    out.append(with_cpu(measure("search", med(a), med(b), f"search('smith'), median of {runs}", "FTS5 MATCH alone")))

    # search as you type: every prefix of a name and of a phone number, the worst keystroke
    busy_id, phone = busiest_caller(raw)
    worst, worst_floor, worst_text = 0.0, 0.0, ""
    for typed in ("smith", phone):
        for i in range(1, len(typed) + 1):
            text = typed[:i]
            if text != text.rstrip():
                continue
            phrase = hot.fts_phrase(text)
            a, b = side_by_side(lambda t=text: backend.search(t), lambda p=phrase: q(fts, (p,)).fetchall(), 3)
            if med(a) > worst:
                worst, worst_floor, worst_text = med(a), med(b), text
                CPU["worst"] = CPU["last"]
    out.append(
        measure(
            "keystroke",
            worst,
            worst_floor,
            f"worst search-as-you-type keystroke ('{worst_text}'), median of 3",
            "FTS5 MATCH of that keystroke",
            pressdesk_cpu_s=CPU["worst"][0],
            floor_cpu_s=CPU.pop("worst")[1],
        )
    )

    # desk page: the first screen with its counts, beside the hand-written page and counts SQL
    now = datetime.now(UTC).replace(tzinfo=None)
    counts_params = {"now": str(now), "soon": str(now + timedelta(hours=1))}

    def desk_floor() -> None:
        q(hot.DESK_SQL, ("", 0)).fetchall()
        q(hot.COUNTS_SQL, counts_params).fetchall()

    a, b = side_by_side(lambda: backend.desk_page(), desk_floor, runs)
    out.append(
        with_cpu(measure("desk page", med(a), med(b), f"desk_page(), median of {runs}", "hand-written page + counts"))
    )

    # caller look-up: the busiest caller's number as typed
    e164 = parse_phone(phone, "GB").e164
    a, b = side_by_side(lambda: backend.lookup_caller(phone=phone), lambda: q(hot.PHONE_SQL, (e164,)).fetchall(), runs)
    out.append(
        with_cpu(
            measure(
                "caller look-up",
                med(a),
                med(b),
                f"lookup_caller(phone=busiest), median of {runs}",
                "phone index SELECT",
            )
        )
    )

    # save call, p95: each through Backend, then the same enquiry INSERT alone (committed) through sqlite3
    inserts: list[tuple[str, Any]] = []

    @event.listens_for(opened.engine, "before_cursor_execute")
    def _seen(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO ENQUIRY"):
            inserts.append((statement, parameters))

    writer = sqlite3.connect(desk, isolation_level=None)
    from pressdesk.store.search import register

    register(writer)
    saves, singles = [], []
    for n in range(max(runs, 20)):
        saves.append(
            timed(
                lambda n=n: backend.log_call(
                    subject=f"Bench call {n} about flood defences", journalist_id=busy_id, deadline="tomorrow 5pm"
                )
            )
        )
        sql, params = inserts[-1]

        def one_insert(sql=sql, params=params) -> None:
            writer.execute("BEGIN IMMEDIATE")
            writer.execute(sql, params).fetchall()
            writer.execute("COMMIT")

        singles.append(timed(one_insert))
    event.remove(opened.engine, "before_cursor_execute", _seen)
    writer.close()

    out.append(
        measure("save call", p95(saves), p95(singles), f"log_call, p95 of {len(saves)}", "the enquiry INSERT alone")
    )

    # report over every enquiry, beside the same GROUP BY SELECTs replayed raw
    start = datetime.fromisoformat(q("SELECT min(received_at) FROM enquiry").fetchone()[0] or "2020-01-01")
    start = start.replace(tzinfo=UTC) - timedelta(days=1)
    end = datetime.now(UTC) + timedelta(days=1)
    selects: list[tuple[str, Any]] = []

    @event.listens_for(opened.engine, "before_cursor_execute")
    def _sel(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if statement.lstrip()[:6].upper() in ("SELECT", "WITH R", "WITH "):
            selects.append((statement, parameters))

    def report() -> None:
        with opened.read() as s:
            reports.build_report(s, start, end, "custom", tz="Europe/London")

    report()  # the warm-up, and the SELECTs it sends
    event.remove(opened.engine, "before_cursor_execute", _sel)
    replay = list(selects)
    a, b = [], []
    for _ in range(2 if runs < 9 else 1):  # a report of a million enquiries takes a while
        a.append(timed(report))
        b.append(timed(lambda: [q(sql, p).fetchall() for sql, p in replay]))
    report_runs = len(a)
    out.append(
        measure(
            "report",
            med(a),
            med(b),
            f"build_report of every enquiry, median of {report_runs}",
            f"its {len(replay)} GROUP BY SELECTs replayed through sqlite3",
        )
    )
    raw.close()
    opened.dispose()
    return out


# --- import and export ------------------------------------------------------------------------------------------


def import_measure(rows: int) -> Measure:
    """Import `rows` contacts into a new desk beside the validation loop alone over the same values."""
    folder = Path(tempfile.mkdtemp(prefix="pressdesk-bench-import-"))
    try:
        path = folder / "contacts.csv"
        import_contacts.make_csv(path, rows, 1)
        phones, emails = import_contacts.values(path)
        before = import_contacts.library_loop(phones, emails)
        ours, _summary = import_contacts.import_once(path, folder / "desk.db", dry_run=False)
        after = import_contacts.library_loop(phones, emails)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return measure(
        "import",
        ours,
        (before + after) / 2,
        f"{rows:,} contacts into a new desk, one run",
        "phonenumbers + email-validator loop alone (mean of before and after)",
    )


def export_measure(desk: Path) -> Measure:
    """Every enquiry to CSV in a fresh process beside the sqlite3 CLI (or, without it, Python's csv) on the same SQL."""
    folder = Path(tempfile.mkdtemp(prefix="pressdesk-bench-export-"))
    try:
        sql_file = folder / "log.sql"
        sql_file.write_text(export_csv.log_sql(desk))
        py = sys.executable
        ours_s, ours_rss, _ = export_csv.measure([py, "-c", export_csv.PRESSDESK, str(desk), str(folder / "p.csv")])
        cli = shutil.which("sqlite3")
        if cli:
            floor_s, floor_rss, _ = export_csv.measure(
                [cli, "-csv", "-header", str(desk), f".read {sql_file}"], folder / "s.csv"
            )
            floor_is = "sqlite3 -csv, same SELECT"
        else:
            floor_s, floor_rss, _ = export_csv.measure(
                [py, "-c", export_csv.PYTHON_FLOOR, str(desk), str(folder / "f.csv"), str(sql_file)]
            )
            floor_is = "no sqlite3 CLI here: Python sqlite3 + csv.writer, same SELECT"
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return measure(
        "export",
        ours_s,
        floor_s,
        "every enquiry to CSV, fresh process, one run",
        floor_is,
        peak_rss_mib=ours_rss,
        floor_rss_mib=floor_rss,
    )


# --- the table --------------------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    return {
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "cpus": os.cpu_count(),
        "load_1_5_15": [round(x, 2) for x in os.getloadavg()],
    }


def cpu_cell(m: Measure) -> str:
    """CPU milliseconds, pressdesk / floor, when measured."""
    return f"{m.pressdesk_cpu_s * 1000:,.1f} / {m.floor_cpu_s * 1000:,.1f} ms" if m.pressdesk_cpu_s is not None else ""


def ratio(m: Measure) -> str:
    """The ratio as printed."""
    return "—" if m.ratio is None else f"{m.ratio:,.1f}×"


def table(rows: list[Measure]) -> str:
    """A markdown table of the measures."""
    lines = [
        "| measure | pressdesk | floor | ratio | CPU: pressdesk / floor | peak RSS (floor) | how | floor is |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for m in rows:
        rss = f"{m.peak_rss_mib:,.0f} MiB ({m.floor_rss_mib:,.0f})" if m.peak_rss_mib is not None else ""
        cpu = cpu_cell(m)
        lines.append(
            f"| {m.name} | {m.pressdesk_s * 1000:,.1f} ms | {m.floor_s * 1000:,.1f} ms | {ratio(m)} | {cpu} | {rss} "
            f"| {m.how} | {m.floor} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure everything and print the table (or JSON)."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="a 100,000-enquiry desk, fewer runs (under two minutes)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--desk", type=Path, help="measure this desk (bench calls get saved in it)")
    p.add_argument("--runs", type=int, help="runs per measure (default 9, 5 with --quick)")
    p.add_argument("--only", help="comma-separated groups to run: startup, backend, import, export (default: all)")
    p.add_argument("--contacts", type=int, help="contacts to import (default 100,000, 10,000 with --quick)")
    args = p.parse_args(argv)
    runs = args.runs or (5 if args.quick else 9)
    desk = (args.desk or desk_for(100_000 if args.quick else 1_000_000)).expanduser().resolve()
    if not desk.is_file():
        p.error(f"no desk at {desk}")
    contacts = args.contacts or (10_000 if args.quick else 100_000)
    env = machine()
    say = (lambda *_a, **_k: None) if args.json else print
    say(f"desk {desk} ({desk.stat().st_size / 2**20:,.0f} MiB), load {env['load_1_5_15']}", flush=True)
    started = time.perf_counter()
    rows: list[Measure] = []
    groups = {
        "startup": lambda: startup_measures(desk, max(2, runs // 2)),
        "backend": lambda: backend_measures(desk, runs),
        "import": lambda: [import_measure(contacts)],
        "export": lambda: [export_measure(desk)],
    }
    only = [g.strip() for g in args.only.split(",")] if args.only else list(groups)
    if unknown := set(only) - set(groups):
        p.error(f"--only: no group {', '.join(sorted(unknown))}")
    for step in (groups[g] for g in only):
        got = step()
        rows += got
        for m in got:
            cpu = f"; CPU {cpu_cell(m)}" if m.pressdesk_cpu_s is not None else ""
            say(
                f"  {m.name}: {m.pressdesk_s * 1000:,.1f} ms vs {m.floor_s * 1000:,.1f} ms ({ratio(m)}){cpu}",
                flush=True,
            )
    rows.sort(key=lambda m: NAMES.index(m.name))
    env["load_after"] = [round(x, 2) for x in os.getloadavg()]
    env["seconds"] = round(time.perf_counter() - started, 1)
    env["desk"] = str(desk)
    if args.json:
        print(json.dumps({"machine": env, "measures": [asdict(m) for m in rows]}, indent=2))
    else:
        print()
        print(table(rows))
        print(f"\n{json.dumps(env)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
