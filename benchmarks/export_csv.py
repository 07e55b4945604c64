"""Time the enquiry log's CSV export and its peak memory, next to the sqlite3 command line running the same SELECT.

    .venv/bin/python benchmarks/export_csv.py --db /tmp/pressdesk-big.db [--runs 3] [--out /tmp/export-bench]

Each run is a fresh process, timed by GNU time (/usr/bin/time: wall clock and peak RSS):

- pressdesk: `services.exports.export_log(..., "csv")` of every enquiry to a file, as `pressdesk export enquiries
  --format csv -o FILE` will run it (one streamed SELECT, local times, formulas neutralised, UTF-8 with BOM);
- sqlite3 CLI: `sqlite3 -csv -header DESK "<the same SELECT>"` > FILE, the SQL compiled from the very query the
  export runs, parameters written in: the floor for the same columns straight out of SQLite in C;
- python sqlite3 + csv: the same SQL through the sqlite3 module into csv.writer, for reference.

A missing --db is built first with make_big_desk.py (--enquiries, default 100,000). Writes benchmarks/out/export.md.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import statistics
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
TIME = "/usr/bin/time"
"""GNU time (Debian package `time`), for each run's wall clock and peak RSS."""

PRESSDESK = """
import sys
from pressdesk.services import exports
from pressdesk.store import open_desk
desk = open_desk(sys.argv[1], create=False)
with desk.read() as session, open(sys.argv[2], "wb") as out:
    n = exports.export_log(session, exports.LogFilter(), "csv", out, tz="Europe/London")
print(n)
"""

PYTHON_FLOOR = """
import csv, sqlite3, sys
con = sqlite3.connect(sys.argv[1])
sql = open(sys.argv[3]).read()
with open(sys.argv[2], "w", newline="", encoding="utf-8") as out:
    cursor = con.execute(sql)
    writer = csv.writer(out)
    writer.writerow([d[0] for d in cursor.description])
    n = 0
    for row in cursor:
        writer.writerow(row)
        n += 1
print(n)
"""


def log_sql(db: Path) -> str:
    """The SQL of the export's SELECT with its parameters written in, as the sqlite3 CLI takes it."""
    from pressdesk.services import exports
    from pressdesk.store import open_desk

    desk = open_desk(db, create=False)
    with desk.read() as session:
        query = exports.log_query(session, exports.LogFilter(), now=datetime.now(UTC))
        compiled = query.compile(dialect=desk.engine.dialect, compile_kwargs={"render_postcompile": True})
        processors = compiled._bind_processors
        values = []
        for name in compiled.positiontup:
            value = compiled.params[name]
            if name in processors:
                value = processors[name](value)
            values.append(value)
    desk.dispose()
    parts = str(compiled).split("?")
    assert len(parts) == len(values) + 1, "every parameter has its place"
    sql = parts[0]
    for value, rest in zip(values, parts[1:], strict=True):
        sql += literal(value) + rest
    return sql


def literal(value: object) -> str:
    """A parameter as an SQLite literal."""
    if value is None:
        return "NULL"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value).replace("'", "''")
    return "char(10)" if text == "\n" else f"'{text}'"


def measure(argv: list[str], stdout_path: Path | None = None) -> tuple[float, float, str]:
    """Run a command in a fresh process under GNU time: (seconds, peak RSS in MiB, what it printed).

    GNU time reads the peak RSS of the command itself; wait4 on a child forked from this Python would count the
    parent's pages copied before exec (60 MiB for a C program that uses 7).
    """
    stats = Path(f"{stdout_path or '/tmp/pressdesk-bench'}.time")
    command = [TIME, "-f", "%e %M", "-o", str(stats), *argv]
    with open(stdout_path or os.devnull, "wb") as out:
        done = subprocess.run(command, stdout=out if stdout_path else subprocess.PIPE, stderr=subprocess.PIPE)
    if done.returncode:
        raise SystemExit(f"{argv[0]} failed ({done.returncode}): {done.stderr.decode().strip()}")
    seconds, kib = stats.read_text().split()[-2:]
    return float(seconds), int(kib) / 1024, (done.stdout or b"").decode().strip()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", type=Path, default=Path("/tmp/pressdesk-export-bench.db"))
    p.add_argument("--enquiries", type=int, default=100_000, help="for a desk built because --db is missing")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--out", type=Path, default=Path("/tmp/pressdesk-export-bench"))
    args = p.parse_args(argv)

    if not args.db.exists():
        print(f"building {args.db} with {args.enquiries:,} enquiries", flush=True)
        subprocess.run(
            [PYTHON, str(HERE / "make_big_desk.py"), str(args.db), "--enquiries", str(args.enquiries)], check=True
        )
    args.out.mkdir(parents=True, exist_ok=True)
    sql_file = args.out / "log.sql"
    sql_file.write_text(log_sql(args.db))
    cli = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True, check=True).stdout.split()[0]

    runners = {
        "pressdesk export_log (CSV)": lambda: measure(
            [PYTHON, "-c", PRESSDESK, str(args.db), str(args.out / "pressdesk.csv")]
        ),
        f"sqlite3 {cli} CLI -csv, same SELECT": lambda: measure(
            ["sqlite3", "-csv", "-header", str(args.db), f".read {sql_file}"], args.out / "sqlite3.csv"
        ),
        "python sqlite3 + csv.writer, same SELECT": lambda: measure(
            [PYTHON, "-c", PYTHON_FLOOR, str(args.db), str(args.out / "floor.csv"), str(sql_file)]
        ),
    }
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in runners}
    for n in range(args.runs):
        for name, run in runners.items():
            seconds, rss, _printed = run()
            results[name].append((seconds, rss))
            print(f"run {n + 1}: {name:<42} {seconds:7.2f} s  {rss:7.1f} MiB", flush=True)

    with open(args.out / "pressdesk.csv", "rb") as written:
        rows = sum(1 for _ in csv.reader(io.TextIOWrapper(written, encoding="utf-8-sig", newline=""))) - 1
    floor = statistics.median(s for s, _ in results[next(n for n in runners if n.startswith("sqlite3"))])
    lines = [
        f"# Enquiry log CSV export: {rows:,} enquiries ({args.db.name}, {args.db.stat().st_size / 2**20:,.0f} MiB)",
        "",
        f"Median and best of {args.runs} runs, each a fresh process; wall clock and peak RSS from GNU time.",
        "",
        "| what | median s | best s | × sqlite3 CLI | peak RSS MiB | file MiB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    files = dict(zip(runners, ("pressdesk.csv", "sqlite3.csv", "floor.csv"), strict=True))
    for name, measured in results.items():
        median = statistics.median(s for s, _ in measured)
        size = (args.out / files[name]).stat().st_size / 2**20
        lines.append(
            f"| {name} | {median:.2f} | {min(s for s, _ in measured):.2f} | {median / floor:.2f} | "
            f"{max(r for _, r in measured):.0f} | {size:,.0f} |"
        )
    report = "\n".join(lines) + "\n"
    print("\n" + report)
    out_dir = HERE / "out"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "export.md").write_text(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
