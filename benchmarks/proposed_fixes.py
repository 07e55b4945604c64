"""Measure the proposed index and SQL fixes for the slow desk queries, before and after, on a copy of a desk."""

from __future__ import annotations

import argparse
import importlib.util
import sqlite3
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
OPEN = "('new', 'triaged', 'routed', 'scheduled')"
KIND_BITS = 40  # rowid = (code << 40) + id: every kind gets a contiguous rowid range
LIVE = "('offered', 'accepted', 'scheduled', 'done')"

ROW = f"""
SELECT e.id, e.received_at, e.deadline, e.journalist_id, coalesce(j.name, ''), coalesce(o.name, ''), e.type,
       e.subject,
       coalesce((SELECT x.name FROM expert x JOIN interview_request ir ON ir.expert_id = x.id
                 WHERE ir.enquiry_id = e.id AND ir.status IN {LIVE} ORDER BY ir.id DESC LIMIT 1), ''),
       e.status, e.officer, e.priority, e.channel, e.release_id, e.version
FROM enquiry e LEFT JOIN journalist j ON j.id = e.journalist_id LEFT JOIN outlet o ON o.id = e.outlet_id
"""
DESK_BEFORE = ROW + "WHERE e.status IN (?, ?, ?, ?) ORDER BY e.deadline IS NULL, e.deadline, e.id LIMIT 201 OFFSET ?"
DESK_AFTER = ROW + f"WHERE e.status IN {OPEN} ORDER BY e.deadline IS NULL, e.deadline, e.id LIMIT 201 OFFSET ?"
DESK_KEYSET = (
    ROW + f"WHERE e.status IN {OPEN} AND (e.deadline IS NULL, e.deadline, e.id) > (?, ?, ?) "
    "ORDER BY e.deadline IS NULL, e.deadline, e.id LIMIT 201"
)
COUNTS = """
SELECT count(*), sum(CASE WHEN (deadline >= ? AND deadline < ?) THEN 1 ELSE 0 END),
       sum(CASE WHEN deadline < ? THEN 1 ELSE 0 END),
       sum(CASE WHEN (type = 'interview' AND status IN ('new', 'triaged')) THEN 1 ELSE 0 END)
FROM enquiry WHERE status IN {where}
"""
EXPERTS = f"""
SELECT x.*, (SELECT count(*) FROM interview_request ir WHERE ir.expert_id = x.id AND ir.status IN {LIVE}
             AND ir.created_at >= ?) FROM expert x ORDER BY x.name, x.id LIMIT 200
"""
FTS_BEFORE = (
    "SELECT rowid / 8 FROM search_index WHERE search_index MATCH ? AND rowid % 8 = ? ORDER BY rowid DESC LIMIT ?"
)
FTS_AFTER = (
    f"SELECT rowid - (? << {KIND_BITS}) FROM search_kind WHERE search_kind MATCH ? "
    f"AND rowid BETWEEN (? << {KIND_BITS}) AND ((? + 1) << {KIND_BITS}) - 1 ORDER BY rowid DESC LIMIT ?"
)
SEARCH_ENQ = (
    ROW + "WHERE e.id IN ({ids}) OR e.journalist_id IN ({people}) ORDER BY e.received_at DESC, e.id DESC LIMIT 8"
)
LIKE_SCAN = ROW + "WHERE lower(e.subject) LIKE ? ESCAPE '\\' ORDER BY e.received_at DESC, e.id DESC LIMIT 8"
FTS_THEN_LIKE = (
    ROW + "WHERE e.id IN (SELECT rowid / 8 FROM search_index WHERE search_index MATCH ? AND rowid % 8 = 1 "
    "ORDER BY rowid DESC LIMIT 5000) AND lower(e.subject || ' ' || e.notes) LIKE ? ESCAPE '\\' "
    "ORDER BY e.received_at DESC, e.id DESC LIMIT 8"
)
NEW_INDEXES = (
    f"CREATE INDEX ix_enquiry_open_urgency ON enquiry (deadline IS NULL, deadline, id) WHERE status IN {OPEN}",
    f"CREATE INDEX ix_enquiry_open_counts ON enquiry (status, type, deadline) WHERE status IN {OPEN}",
    "CREATE INDEX ix_interview_request_expert_created ON interview_request (expert_id, created_at, status)",
)


def best(con: sqlite3.Connection, sql: str, params=(), runs: int = 5) -> tuple[float, int]:
    """Median seconds of running and fetching the query, and its row count."""
    times, n = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        n = len(con.execute(sql, params).fetchall())
        times.append(time.perf_counter() - t)
    return statistics.median(times), n


def plan(con: sqlite3.Connection, sql: str, params=()) -> str:
    """The query plan on one line."""
    return "; ".join(r[3] for r in con.execute("EXPLAIN QUERY PLAN " + sql, params))


def main(argv: list[str] | None = None) -> int:
    """Copy the desk, add the proposed indexes and search table to the copy, and time each query both ways."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--db", required=True, type=Path)
    p.add_argument("--work", type=Path, default=None, help="where to put the copy (default: beside the desk)")
    p.add_argument("--keep", action="store_true", help="keep the copy afterwards")
    p.add_argument("--out", type=Path, default=None, help="default: benchmarks/out/fixes-<db name>.md")
    args = p.parse_args(argv)
    src = args.db.expanduser().resolve()
    work = (args.work or src.with_name(src.stem + "-fixes.db")).resolve()
    if work == src:
        p.error("--work must differ from --db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)

    t = time.perf_counter()
    with sqlite3.connect(f"file:{src}?mode=ro", uri=True) as a, sqlite3.connect(work) as b:
        a.backup(b)
    print(f"copied to {work} in {time.perf_counter() - t:.1f} s", flush=True)
    con = sqlite3.connect(work, isolation_level=None)
    rows: list[tuple[str, float, float, str, str]] = []

    def compare(label: str, before: tuple[str, tuple], after: tuple[str, tuple]) -> None:
        tb, nb = best(con, *before)
        ta, na = best(con, *after)
        rows.append((label, tb, ta, plan(con, *before), plan(con, *after)))
        print(f"{label}: {tb * 1000:.1f} -> {ta * 1000:.1f} ms ({nb} / {na} rows)", flush=True)

    # Before: measured first, on the schema as migrated.
    now = datetime.now(UTC).replace(tzinfo=None)
    stamp = str(now)
    soon = str(now + timedelta(hours=1))
    week = str(now - timedelta(days=7))
    statuses = ("new", "triaged", "routed", "scheduled")
    before = {
        "desk": [best(con, DESK_BEFORE, (*statuses, off)) for off in (0, 200, 10_000)],
        "counts": best(con, COUNTS.format(where="(?, ?, ?, ?)"), (stamp, soon, stamp, *statuses)),
        "experts": best(con, EXPERTS, (week,)),
    }
    plans_before = {
        "desk": plan(con, DESK_BEFORE, (*statuses, 0)),
        "counts": plan(con, COUNTS.format(where="(?, ?, ?, ?)"), (stamp, soon, stamp, *statuses)),
        "experts": plan(con, EXPERTS, (week,)),
    }
    t = time.perf_counter()
    for sql in NEW_INDEXES:
        con.execute(sql)
    con.execute("ANALYZE")
    print(f"proposed indexes built in {time.perf_counter() - t:.1f} s", flush=True)
    for off, (tb, _) in zip((0, 200, 10_000), before["desk"], strict=True):
        ta, _ = best(con, DESK_AFTER, (off,))
        rows.append((f"desk page, OFFSET {off:,}", tb, ta, plans_before["desk"], plan(con, DESK_AFTER, (off,))))
    last = con.execute(DESK_AFTER, (10_000,)).fetchone()
    if last:
        key = (last[2] is None, last[2], last[0])
        ta, _ = best(con, DESK_KEYSET, key)
        rows.append(
            (
                "desk page after row 10,000, keyset",
                before["desk"][2][0],
                ta,
                "OFFSET 10000",
                plan(con, DESK_KEYSET, key),
            )
        )
    ta, _ = best(con, COUNTS.format(where=OPEN), (stamp, soon, stamp))
    rows.append(
        (
            "header counts",
            before["counts"][0],
            ta,
            plans_before["counts"],
            plan(con, COUNTS.format(where=OPEN), (stamp, soon, stamp)),
        )
    )
    ta, _ = best(con, EXPERTS, (week,))
    rows.append(
        (
            "experts list with weekly load",
            before["experts"][0],
            ta,
            plans_before["experts"],
            plan(con, EXPERTS, (week,)),
        )
    )

    # Per-kind rowid ranges in the search index.
    spec = importlib.util.spec_from_file_location("make_big_desk", HERE / "make_big_desk.py")
    assert spec and spec.loader
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    t = time.perf_counter()
    con.execute("BEGIN")
    con.execute("CREATE VIRTUAL TABLE search_kind USING fts5(body, tokenize='trigram')")
    for table, (code, body) in builder.load_sources().items():
        con.execute(
            f"INSERT INTO search_kind(rowid, body) SELECT ({code} << {KIND_BITS}) + NEW.id, {body} FROM {table} AS NEW"
        )
    con.execute("COMMIT")
    print(f"search_kind (rowid = code << {KIND_BITS} | id) built in {time.perf_counter() - t:.1f} s", flush=True)
    for word in ("interview", "for", "flood", "smith"):
        for kind, code, limit in (("journalist", 2, 1000), ("expert", 3, 1000), ("enquiry", 1, 5000)):
            q = f'"{word}"'
            compare(
                f"FTS '{word}' → {kind} ids", (FTS_BEFORE, (q, code, limit)), (FTS_AFTER, (code, q, code, code, limit))
            )

    # The search box's enquiry list: 5,000 FTS ids OR up to 500 journalists, only 8 shown.
    for word in ("for", "smith"):
        q = f'"{word}"'
        ids = [r[0] for r in con.execute(FTS_BEFORE, (q, 1, 5000))]
        people = [r[0] for r in con.execute(FTS_BEFORE, (q, 2, 500))]
        wide = SEARCH_ENQ.format(ids=",".join(map(str, ids)) or "NULL", people=",".join(map(str, people)) or "NULL")
        narrow = SEARCH_ENQ.format(
            ids=",".join(map(str, ids[:32])) or "NULL", people=",".join(map(str, people[:50])) or "NULL"
        )
        compare(f"search list '{word}': 5,000 ids + 500 people → 32 + 50", (wide, ()), (narrow, ()))

    # A keystroke with a word under three letters: LIKE over every subject vs FTS on the long words, LIKE on those.
    phone = con.execute("SELECT raw FROM contact_point WHERE kind = 'phone' AND journalist_id IS NOT NULL").fetchone()
    typed = (phone[0] if phone else "07391 052662")[:7]
    long_words = " ".join(f'"{w}"' for w in typed.split() if len(w) >= 3)
    compare(
        f"keystroke '{typed}': LIKE scan (fts_query before it dropped short words) → FTS on long words + LIKE",
        (LIKE_SCAN, (f"%{typed.lower()}%",)),
        (FTS_THEN_LIKE, (long_words, f"%{typed.lower()}%")),
    )
    compare(
        "keystroke '07': LIKE scan → skip enquiries until 3 letters",
        (LIKE_SCAN, ("%07%",)),
        ("SELECT 1 WHERE 0", ()),
    )
    con.close()
    if not args.keep:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)

    lines = [
        f"# Proposed fixes on a copy of `{src.name}` — median ms before → after",
        "",
        "| Query | before | after | plan steps only before | plan steps only after |",
        "|---|---:|---:|---|---|",
    ]
    for label, tb, ta, pb, pa in rows:
        sb, sa = pb.split("; "), pa.split("; ")
        gone = "; ".join(x for x in sb if x not in sa) or "(same)"
        came = "; ".join(x for x in sa if x not in sb) or "(same)"
        lines.append(f"| {label} | {tb * 1000:,.1f} | {ta * 1000:,.1f} | {gone} | {came} |")
    text = "\n".join(lines) + "\n"
    print()
    print(text)
    out = args.out or OUT / f"fixes-{src.stem}.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"(written to {out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
