"""Time the TUI's hot queries through Backend against the same SQL replayed raw and a hand-written sqlite3 baseline."""

from __future__ import annotations

import argparse
import re
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
SLOW_MS = 50.0
OPEN_SQL = "('new', 'triaged', 'routed', 'scheduled')"

DESK_SQL = f"""
SELECT e.id, e.received_at, e.deadline, e.journalist_id, coalesce(j.name, ''), coalesce(o.name, ''), e.type,
       e.subject,
       coalesce((SELECT x.name FROM expert x JOIN interview_request ir ON ir.expert_id = x.id
                 WHERE ir.enquiry_id = e.id AND ir.status IN ('offered', 'accepted', 'scheduled', 'done')
                 ORDER BY ir.id DESC LIMIT 1), ''),
       e.status, e.officer, e.priority, e.channel, e.release_id, e.version
FROM enquiry e LEFT JOIN journalist j ON j.id = e.journalist_id LEFT JOIN outlet o ON o.id = e.outlet_id
WHERE e.status IN {OPEN_SQL} AND e.deadline IS NOT NULL AND (e.deadline, e.id) > (?, ?)
ORDER BY e.deadline, e.id LIMIT 201
"""
CURSOR_SQL = f"""
SELECT deadline, id FROM enquiry WHERE status IN {OPEN_SQL} AND deadline IS NOT NULL
ORDER BY deadline, id LIMIT 1 OFFSET ?
"""
COUNTS_SQL = f"""
SELECT count(*),
       sum(deadline >= :now AND deadline < :soon),
       sum(deadline < :now),
       sum(type = 'interview' AND status IN ('new', 'triaged'))
FROM enquiry WHERE status IN {OPEN_SQL}
"""
FTS_SQL = (
    "SELECT rowid >> 40, rowid & 1099511627775 FROM search_index WHERE search_index MATCH ? "
    "ORDER BY rowid DESC LIMIT 32"
)
PHONE_SQL = "SELECT journalist_id FROM contact_point WHERE kind = 'phone' AND lookup_key = ?"
PEOPLE_SQL = """
SELECT j.id, j.name, coalesce(o.name, '') FROM journalist j LEFT JOIN outlet o ON o.id = j.outlet_id
WHERE j.id IN (SELECT rowid - (2 << 40) FROM search_index
               WHERE search_index MATCH ? AND rowid BETWEEN (2 << 40) AND (3 << 40) - 1)
ORDER BY j.name, j.id LIMIT 200
"""


@dataclass
class Case:
    """One thing the TUI asks, the hand-written SQL that answers it most directly, and what was measured."""

    label: str
    call: Callable[[], Any]
    raw: tuple[str, Any] | None = None
    runs: int | None = None
    times: list[float] = field(default_factory=list)
    replay: list[float] = field(default_factory=list)
    raw_times: list[float] = field(default_factory=list)
    statements: list[tuple[str, Any]] = field(default_factory=list)


def ms(values: list[float]) -> str:
    """Median (min) in milliseconds."""
    if not values:
        return "—"
    return f"{statistics.median(values) * 1000:,.1f} ({min(values) * 1000:,.1f})"


def short(sql: str, width: int) -> str:
    """One line of SQL with long IN lists folded, cut to width."""
    text = re.sub(r"\?(?:, \?){7,}", lambda m: f"?, … ×{m.group(0).count('?')}", " ".join(sql.split()))
    return text if len(text) <= width else text[: width - 1] + "…"


def timed(fn: Callable[[], Any]) -> float:
    """Seconds one call takes."""
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def fts_phrase(text: str) -> str:
    """The FTS5 query store.search builds for the text (every folded word quoted, to match anywhere)."""
    from pressdesk.store.search import fts_query

    return fts_query(text) or '""'


def main(argv: list[str] | None = None) -> int:
    """Run every case --runs times (after one warm-up) and print (and save) a markdown table."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--db", required=True, type=Path)
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--keystroke-runs", type=int, default=3, help="runs of each search-as-you-type keystroke")
    p.add_argument("--out", type=Path, default=None, help="default: benchmarks/out/queries-<db name>.md")
    args = p.parse_args(argv)
    path = args.db.expanduser().resolve()
    if not path.is_file():
        p.error(f"no desk at {path}")

    from datetime import UTC, datetime, timedelta

    from sqlalchemy import event

    from pressdesk.core import Backend
    from pressdesk.settings import Settings
    from pressdesk.store import open_desk
    from pressdesk.validation import parse_phone

    desk = open_desk(path)
    backend = Backend(desk, Settings(region="GB", officer="Bench Officer", timezone="Europe/London"))
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    capture: list[tuple[str, Any]] | None = None

    @event.listens_for(desk.engine, "before_cursor_execute")
    def _seen(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if capture is not None and statement.lstrip()[:6].upper() in ("SELECT", "WITH R"):
            capture.append((statement, parameters))

    # --- what to ask: real rows of this desk ---------------------------------------------------
    q = raw.execute
    n_enquiries = q("SELECT max(id) FROM enquiry").fetchone()[0] or 0
    first_open = backend.desk_page(limit=1).rows
    open_id = first_open[0].id if first_open else q("SELECT max(id) FROM enquiry").fetchone()[0]
    busy = q(
        "SELECT journalist_id FROM enquiry WHERE journalist_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    busy_id = busy[0] if busy else None
    typical_id = q("SELECT journalist_id FROM enquiry WHERE id = ?", (max(1, n_enquiries // 2),)).fetchone()
    typical_id = typical_id[0] if typical_id else busy_id

    def phone_of(jid: int | None) -> str:
        row = q(
            "SELECT value FROM contact_point WHERE journalist_id = ? AND kind = 'phone' ORDER BY position LIMIT 1",
            (jid,),
        ).fetchone()
        if not row:
            return ""
        result = parse_phone(row[0], "GB")
        return (result.national if row[0].startswith("+44") else result.international) or row[0]

    busy_phone, typical_phone = phone_of(busy_id), phone_of(typical_id)
    busy_enquiry = q("SELECT max(id) FROM enquiry WHERE journalist_id = ?", (busy_id,)).fetchone()[0]
    expert_id = q("SELECT expert_id FROM interview_request GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()
    expert_id = expert_id[0] if expert_id else 1
    fragment = typical_phone.replace(" ", "")[-6:]
    now = datetime.now(UTC).replace(tzinfo=None)
    counts_params = {"now": str(now), "soon": str(now + timedelta(hours=1))}

    def cursor(n: int):
        """The (deadline, id) of the n-th open enquiry with a deadline, as the desk's keyset cursor."""
        deadline, rid = q(CURSOR_SQL, (n - 1,)).fetchone()
        return (datetime.fromisoformat(deadline).replace(tzinfo=UTC), rid), (deadline, rid)

    (after_200, raw_200), (after_10k, raw_10k) = cursor(200), cursor(10_000)
    cases = [
        Case("desk_page() — first screen", lambda: backend.desk_page(), (DESK_SQL, ("", 0))),
        Case("desk_page(after row 200) — next page", lambda: backend.desk_page(after=after_200), (DESK_SQL, raw_200)),
        Case(
            "desk_page(after row 10,000) — deep scroll",
            lambda: backend.desk_page(after=after_10k),
            (DESK_SQL, raw_10k),
        ),
        Case("counts() — header strip", backend.counts, (COUNTS_SQL, counts_params)),
        Case(f"detail({open_id}) — top open enquiry", lambda: backend.detail(open_id)),
        Case(f"detail({busy_enquiry}) — busiest journalist's", lambda: backend.detail(busy_enquiry)),
        Case(
            f"lookup_caller(phone='{typical_phone}')",
            lambda: backend.lookup_caller(phone=typical_phone),
            (PHONE_SQL, (parse_phone(typical_phone, "GB").e164,)),
        ),
        Case(
            f"lookup_caller(phone='{busy_phone}') — busiest",
            lambda: backend.lookup_caller(phone=busy_phone),
            (PHONE_SQL, (parse_phone(busy_phone, "GB").e164,)),
        ),
        Case("journalists(text='') — contacts screen", lambda: backend.journalists("")),
        Case("journalists(text='smith')", lambda: backend.journalists("smith"), (PEOPLE_SQL, ('"smith"',))),
        Case("experts(text='')", lambda: backend.experts("")),
        Case(f"person_enquiries('expert', {expert_id})", lambda: backend.person_enquiries("expert", expert_id)),
    ]
    for word in ("smith", "flood", "khorasan", "interview", "for", "zzqxj", fragment, typical_phone):
        cases.append(Case(f"search('{word}')", lambda w=word: backend.search(w), (FTS_SQL, (fts_phrase(word),))))
    for typed in ("smith", typical_phone):
        for i in range(1, len(typed) + 1):
            text = typed[:i]
            if not text.strip() or text != text.rstrip():
                continue
            cases.append(
                Case(
                    f"keystroke search('{text}')",
                    lambda t=text: backend.search(t),
                    (FTS_SQL, (fts_phrase(text),)) if all(len(w) >= 3 for w in text.split()) else None,
                    runs=args.keystroke_runs,
                )
            )

    # --- measure -------------------------------------------------------------------------------
    for case in cases:
        print(f"{case.label}: ", end="", flush=True)
        capture = []
        case.call()  # warm-up, and the statements it issues
        case.statements, capture = capture, None
        runs = case.runs or args.runs
        for _ in range(runs):
            case.times.append(timed(case.call))
            case.replay.append(
                timed(lambda c=case: [raw.execute(sql, params).fetchall() for sql, params in c.statements])
            )
            if case.raw:
                case.raw_times.append(timed(lambda c=case: raw.execute(*c.raw).fetchall()))
        print(f"{statistics.median(case.times) * 1000:,.1f} ms", flush=True)

    # --- report --------------------------------------------------------------------------------
    size = path.stat().st_size / 2**20
    counts = backend.counts()
    lines = [
        f"# Hot queries on `{path.name}` ({n_enquiries:,} enquiries, {counts.open:,} open, {size:,.0f} MiB)",
        "",
        f"Median (min) in ms of {args.runs} runs after a warm-up ({args.keystroke_runs} for keystrokes); "
        f"SQLite {sqlite3.sqlite_version}. *Backend* is the TUI's call (ORM, sessions, views); *same SQL raw* replays "
        "every SELECT it issued through sqlite3; *hand-written* is the most direct sqlite3 query for the same answer. "
        f"Rows over {SLOW_MS:.0f} ms are marked **slow**.",
        "",
        "| Query | Backend | same SQL raw | hand-written SQL | SELECTs |",
        "|---|---:|---:|---:|---:|",
    ]
    for c in cases:
        slow = statistics.median(c.times) * 1000 > SLOW_MS
        label = f"**{c.label}** (slow)" if slow else c.label
        lines.append(f"| {label} | {ms(c.times)} | {ms(c.replay)} | {ms(c.raw_times)} | {len(c.statements)} |")

    slow_calls = [c for c in cases if statistics.median(c.times) * 1000 > SLOW_MS]
    plans: dict[str, tuple[float, str, Any, list[str]]] = {}
    if slow_calls:
        lines += ["", "## Where the time goes in the slow calls (each SELECT replayed raw, best of 2, ms)", ""]
    for c in slow_calls:
        lines += [f"**{c.label}** — {statistics.median(c.times) * 1000:,.0f} ms through Backend", ""]
        lines += ["| ms | SELECT |", "|---:|---|"]
        for sql, params in c.statements:
            took = min(timed(lambda s=sql, pr=params: raw.execute(s, pr).fetchall()) for _ in range(2))
            lines.append(f"| {took * 1000:,.1f} | `{short(sql, 150)}` |")
            if took * 1000 > SLOW_MS / 2:
                key = short(sql, 100_000)
                if key not in plans or plans[key][0] < took:
                    plan = [r[3] for r in raw.execute("EXPLAIN QUERY PLAN " + sql, params)]
                    plans[key] = (took, c.label, params, plan)
        lines.append("")
    if plans:
        lines += [f"## Query plans of the SELECTs over {SLOW_MS / 2:.0f} ms", ""]
        for key, (took, label, params, plan) in sorted(plans.items(), key=lambda kv: -kv[1][0]):
            shown = str(params) if len(str(params)) < 240 else str(params)[:240] + "…"
            lines += [
                f"### {took * 1000:,.0f} ms — in {label}",
                "",
                "```sql",
                key,
                "```",
                "",
                f"params: `{shown}`",
                "",
                "```",
                *plan,
                "```",
                "",
            ]
    text = "\n".join(lines) + "\n"
    print()
    print(text)
    out = args.out or OUT / f"queries-{path.stem}.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"(written to {out})")
    desk.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
