"""Time a subject access export and an erasure on a big desk, and how long the erasure keeps other writers waiting.

    .venv/bin/python benchmarks/privacy.py --db /tmp/pressdesk-big.db [--work /tmp/privacy-bench] [--runs 3]

People picked by SQL: a typical journalist (the median number of enquiries), the busiest journalist and the expert
with the most interview requests. For each:

- export: `services.privacy.privacy_export` by id (what `pressdesk privacy export --id N` runs), median of --runs;
- erase: `services.privacy.privacy_erase` on a fresh copy of the desk, with its phases timed (the write transaction,
  the scan of every free text inside it, the file clean-up after it), while a probe process tries to take the write
  lock every 5 ms (BEGIN IMMEDIATE, no wait): its longest stretch refused is how long the erase kept other writers
  out; afterwards every term is counted in the raw desk file, its WAL and its shared memory (expected: 0).

Writes benchmarks/out/privacy-<desk name>.md.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

PROBE = """
import sqlite3, sys, time
from pathlib import Path
db, stop = sys.argv[1], Path(sys.argv[2])
con = sqlite3.connect(db, timeout=0, isolation_level=None)
longest = total = 0.0
refused_since = None
while not stop.exists():
    now = time.perf_counter()
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("ROLLBACK")
        if refused_since is not None:
            longest = max(longest, now - refused_since)
            total += now - refused_since
            refused_since = None
    except sqlite3.OperationalError:
        if refused_since is None:
            refused_since = now
    time.sleep(0.005)
if refused_since is not None:
    longest = max(longest, time.perf_counter() - refused_since)
print(f"{longest:.3f} {total:.3f}")
"""


def pick_people(db: Path) -> list[tuple[str, str, int]]:
    """(label, kind, id) of a typical journalist, the busiest journalist and the busiest expert."""
    import sqlite3

    con = sqlite3.connect(db)
    try:
        counts = con.execute(
            "SELECT journalist_id, count(*) AS n FROM enquiry WHERE journalist_id IS NOT NULL "
            "GROUP BY journalist_id ORDER BY n, journalist_id"
        ).fetchall()
        typical = counts[len(counts) // 2]
        busiest = counts[-1]
        expert = con.execute(
            "SELECT expert_id, count(*) AS n FROM interview_request GROUP BY expert_id ORDER BY n DESC LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    return [
        (f"typical journalist ({typical[1]} enquiries)", "journalist", typical[0]),
        (f"busiest journalist ({busiest[1]} enquiries)", "journalist", busiest[0]),
        (f"busiest expert ({expert[1]} interview requests)", "expert", expert[0]),
    ]


def time_export(db: Path, kind: str, person_id: int, runs: int) -> tuple[float, int]:
    """Median seconds of a subject access export by id, and the size of its JSON."""
    import json

    from pressdesk.services import privacy
    from pressdesk.store import open_desk

    desk = open_desk(db, create=False)
    took = []
    size = 0
    try:
        for _ in range(runs):
            start = time.perf_counter()
            with desk.read() as s:
                held = privacy.privacy_export(s, person_id=person_id, kind=kind)
            size = len(json.dumps(held, default=str))
            took.append(time.perf_counter() - start)
    finally:
        desk.dispose()
    return statistics.median(took), size


@contextlib.contextmanager
def timed(module, name: str, into: dict[str, float]):
    """Replace module.name by a wrapper adding its run time to into[name]."""
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            into[name] = into.get(name, 0.0) + time.perf_counter() - start

    setattr(module, name, wrapper)
    try:
        yield
    finally:
        setattr(module, name, original)


def time_erase(source: Path, work: Path, kind: str, person_id: int) -> dict:
    """Erase one person from a fresh copy of the desk; phases, the probe's longest wait, traces left."""
    from pressdesk.services import privacy
    from pressdesk.store import open_desk, scrub
    from pressdesk.store.desk import Desk

    work.mkdir(parents=True, exist_ok=True)
    db = work / "desk.db"
    for side in ("", "-wal", "-shm"):
        (work / f"desk.db{side}").unlink(missing_ok=True)
    shutil.copyfile(source, db)
    desk = open_desk(db, create=False)
    phases: dict[str, float] = {}
    original_write = Desk.write

    @contextlib.contextmanager
    def write(self, **kwargs):
        start = time.perf_counter()
        with original_write(self, **kwargs) as session:
            yield session
        phases["write transaction"] = phases.get("write transaction", 0.0) + time.perf_counter() - start

    stop = work / "stop"
    stop.unlink(missing_ok=True)
    probe = subprocess.Popen([sys.executable, "-c", PROBE, str(db), str(stop)], stdout=subprocess.PIPE, text=True)
    time.sleep(0.5)
    Desk.write = write
    try:
        with timed(privacy, "scrub_everywhere", phases), timed(scrub, "scrub", phases):
            start = time.perf_counter()
            report = privacy.privacy_erase(desk, who="Bench", person_id=person_id, kind=kind)
            total = time.perf_counter() - start
    finally:
        Desk.write = original_write
        time.sleep(0.2)
        stop.touch()
    longest, refused = (float(x) for x in probe.communicate(timeout=60)[0].split())
    terms = sorted({t for e in report.erased for t in e.terms})
    left = scrub.traces(db, terms)
    desk.dispose()
    return {
        "total": total,
        "phases": phases,
        "longest_wait": longest,
        "refused": refused,
        "clean": report.files.clean,
        "vacuumed": report.files.vacuumed,
        "wal_emptied": report.files.wal_emptied,
        "enquiries": sum(e.enquiries for e in report.erased),
        "text_rows": sum(e.text_rows for e in report.erased),
        "history_rows": sum(e.history_rows for e in report.erased),
        "terms": len(terms),
        "traces": sum(sum(v.values()) for v in left.values()),
    }


def main() -> None:
    """Measure, print and write the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--work", type=Path, default=Path("/tmp/pressdesk-privacy-bench"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    lines = [
        f"# Privacy on {args.db.name}",
        "",
        "| person | export | erase total | write transaction | free-text scan | file clean-up | longest wait of "
        "another writer | rows rewritten | terms | traces after |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, kind, person_id in pick_people(args.db):
        export_s, size = time_export(args.db, kind, person_id, args.runs)
        erased = time_erase(args.db, args.work, kind, person_id)
        p = erased["phases"]
        lines.append(
            f"| {label} | {export_s:.2f} s ({size // 1024} KiB) | {erased['total']:.2f} s | "
            f"{p.get('write transaction', 0):.2f} s | {p.get('scrub_everywhere', 0):.2f} s | {p.get('scrub', 0):.2f} s"
            f"{' (VACUUM)' if erased['vacuumed'] else ''} | {erased['longest_wait']:.2f} s | "
            f"{erased['enquiries']} enquiries, {erased['history_rows']} history, {erased['text_rows']} texts | "
            f"{erased['terms']} | {erased['traces']} |"
        )
        print(lines[-1], flush=True)
    out = HERE / "out" / f"privacy-{args.db.stem}.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
