"""After an erase: the search index rewritten, the WAL emptied, the raw files checked for any trace of the person."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pressdesk.store.desk import Desk

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")
"""How text could be written in a SQLite file (a desk is UTF-8; the others are checked all the same)."""
SIDES = ("", "-wal", "-shm")
CHUNK = 16 * 1024 * 1024


@dataclass
class ScrubReport:
    """What cleaning the files did, and the traces found afterwards: {file: {term: count}} (empty when none)."""

    index_rewritten: bool = False
    wal_emptied: bool = False
    vacuumed: bool = False
    traces: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        """Whether no trace of the terms was found in the desk file, its WAL or its shared memory."""
        return not self.traces


def count_bytes(path: Path, needles: Iterable[bytes]) -> dict[bytes, int]:
    """How often each byte string occurs in a file, read a chunk at a time (matches across chunks included)."""
    needles = [n for n in set(needles) if n]
    counts = dict.fromkeys(needles, 0)
    if not needles or not path.exists():
        return counts
    overlap = max(len(n) for n in needles) - 1
    tail = b""
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            data = tail + chunk
            for n in needles:
                # count matches that end inside the new chunk, so none is counted twice
                start = max(len(tail) - len(n) + 1, 0)
                counts[n] += data.count(n, start)
            tail = data[-overlap:] if overlap else b""
    return counts


def traces(path: Path, terms: Sequence[str]) -> dict[str, dict[str, int]]:
    """Each term found (in any of ENCODINGS) in the desk file, its -wal or its -shm: {file name: {term: count}}."""
    found: dict[str, dict[str, int]] = {}
    for side in SIDES:
        target = path.with_name(path.name + side)
        for term in terms:
            counts = count_bytes(target, [term.encode(e, "surrogatepass") for e in ENCODINGS])
            if total := sum(counts.values()):
                found.setdefault(target.name, {})[term] = total
    return found


def scrub(desk: Desk, terms: Sequence[str], *, vacuum: bool = True) -> ScrubReport | None:
    """With secure_delete on: merge the search index into one (dropping what deleted records left in it), empty the
    WAL, then look for the terms in the raw files; if any is found, VACUUM (when allowed) and look again.

    The WAL can only be emptied when no other connection is reading an older moment; wal_emptied says whether it
    was. None for a server database."""
    path = desk.path
    if path is None:
        return None
    report = ScrubReport()
    raw = desk.engine.raw_connection()
    try:
        con = raw.driver_connection
        con.execute("PRAGMA secure_delete = ON")
        con.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
        report.index_rewritten = True
        report.wal_emptied = _empty_wal(con)
        report.traces = traces(path, terms)
        if report.traces and vacuum:
            con.execute("VACUUM")
            report.vacuumed = True
            report.wal_emptied = _empty_wal(con)
            report.traces = traces(path, terms)
        con.execute("PRAGMA secure_delete = OFF")
    finally:
        raw.close()
    return report


def _empty_wal(con) -> bool:
    """Copy the WAL into the desk and truncate it to nothing; False when a reader kept it from finishing."""
    busy, _log, _done = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return busy == 0
