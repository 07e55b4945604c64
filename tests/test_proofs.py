"""Proofs under faults, with real processes: writers at once, kill -9 mid-write, racing edits. `--slow` for many seeds.

Each proof prints what it tried (pytest -s shows it), so a long run can be quoted."""

from __future__ import annotations

import random
import re
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from pressdesk.store import open_desk
from pressdesk.store.migrate import HEAD, upgrade
from tests import writers
from tests.at_once import Forked, run_at_once, start_writer

pytestmark = pytest.mark.proof
ROOT = Path(__file__).resolve().parent.parent


def start(kind: str, desk: Path, n: int, tag: str, gate: Path | None = None) -> Forked:
    """A writer process (tests/writers.py) against the desk, forked from the launcher that has done the imports."""
    return start_writer([kind, str(desk), str(n), tag] + ([str(gate)] if gate else []))


def sound(desk: Path) -> sqlite3.Connection:
    """The desk opened with plain sqlite3 after its integrity and foreign-key checks have passed."""
    con = sqlite3.connect(desk)
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    return con


def all_or_nothing(con: sqlite3.Connection) -> None:
    """Every enquiry, person and release was written whole: with its history row, its links, its contact points."""
    assert con.execute(
        "SELECT count(*) FROM enquiry e WHERE NOT EXISTS "
        "(SELECT 1 FROM activity a WHERE a.enquiry_id = e.id AND a.action = 'create')"
    ).fetchone() == (0,), "an enquiry without its history row"
    for kind in ("journalist", "expert", "press_contact", "release"):
        assert con.execute(
            f"SELECT count(*) FROM {kind} p WHERE NOT EXISTS "
            f"(SELECT 1 FROM activity a WHERE a.entity = '{kind}' AND a.entity_id = p.id "
            "AND a.action IN ('create', 'import'))"
        ).fetchone() == (0,), f"a {kind} without its history row"
    links = con.execute(
        "SELECT (SELECT count(*) FROM release_expert x WHERE x.release_id = r.id), "
        "(SELECT count(*) FROM release_press_contact c WHERE c.release_id = r.id) FROM release r "
        "WHERE r.title LIKE 'Study number %'"
    ).fetchall()
    assert set(links) <= {(writers.EXPERTS_PER_RELEASE, writers.CONTACTS_PER_RELEASE)}, (
        "a release with part of its people"
    )


@pytest.fixture
def new_desk(new_desk_file) -> Path:
    """A migrated empty desk file."""
    return new_desk_file("desk.db")


# --- (a) three writers at once ---------------------------------------------------------------------------


def test_three_writer_processes_two_cli_and_a_headless_tui_lose_nothing_and_never_see_locked(new_desk, request):
    per_tui = 12 if request.config.getoption("--slow") else 2
    gate = new_desk.with_name("go")
    # the command-line writers log until the TUI writer has finished, so all three write at once throughout
    procs = [start("cli", new_desk, 0, "1", gate), start("cli", new_desk, 0, "2", gate)]
    procs.append(start("tui", new_desk, per_tui, "3", gate))
    while not all(Path(f"{gate}.{tag}.ready").exists() for tag in "123") and all(p.poll() is None for p in procs):
        time.sleep(0.01)
    gate.touch()
    try:
        tui_out, tui_err = procs[2].communicate(timeout=1800 if per_tui > 2 else 600)
    finally:  # however the TUI writer ends, the command-line writers stop (on a failure, they are killed)
        Path(f"{new_desk}.stop").touch()
        if procs[2].poll() is None:
            for proc in procs:
                proc.kill()
    results = [p.communicate(timeout=600) for p in procs[:2]] + [(tui_out, tui_err)]
    errors = [err for _out, err in results]
    assert [p.returncode for p in procs] == [0, 0, 0], errors
    assert not any("locked" in err.lower() for err in errors)
    per_cli = [int(re.findall(r"^logged (\d+) of", out, re.MULTILINE)[-1]) for out, _err in results[:2]]
    con = sound(new_desk)
    subjects = [s for (s,) in con.execute("SELECT subject FROM enquiry")]
    expected = [writers.cli_subject(t, i) for t, n in zip("12", per_cli, strict=True) for i in range(n)]
    expected += [writers.tui_subject("3", i) for i in range(per_tui)]
    assert sorted(subjects) == sorted(expected), "every call is there, once"
    assert con.execute("SELECT count(DISTINCT who) FROM activity").fetchone() == (2,)  # Writer, TUI Writer
    all_or_nothing(con)
    calls = f"CLI {per_cli[0]} + CLI {per_cli[1]} + TUI {per_tui} calls"
    print(f"\nwriters: 3 processes ({calls}), {len(subjects)} enquiries stored, 0 lost, 0 'locked'")


# --- (b) kill -9 at random moments -----------------------------------------------------------------------


def kill_after(proc: subprocess.Popen | Forked, delay: float) -> bool:
    """SIGKILL the process after `delay` seconds; True if it was still running (so the kill landed mid-work)."""
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def kill_after_start(proc: subprocess.Popen | Forked, delay: float) -> bool:
    """SIGKILL the process `delay` seconds after it says it has started its work (its imports are behind it, however
    slow the machine is); True if it was still running."""
    for said in proc.stdout:
        if said.strip() == writers.STARTED:
            break
    return kill_after(proc, delay)


def test_kill_9_during_a_stream_of_logs_leaves_a_sound_desk(new_desk, seeds):
    landed = 0
    for seed in seeds:
        proc = start("cli", new_desk, 100_000, str(seed % 8))
        landed += kill_after_start(proc, random.Random(seed).uniform(0.0, 1.2))
        con = sound(new_desk)
        all_or_nothing(con)
        con.close()
        open_desk(new_desk).dispose()  # and it opens again
    assert landed == len(seeds)
    print(f"\nkills during logs: {landed}, desks sound: {len(seeds)}")


def kill_after_done(proc: subprocess.Popen | Forked, done: int, delay: float) -> bool:
    """SIGKILL the process `delay` seconds after it has said "imported ..." `done` times, so the kill
    lands in a later import however slow the machine is; True if it was still running."""
    finished = 0
    while finished < done:
        said = proc.stdout.readline()
        if not said:
            break
        finished += said.startswith("imported ")
    return kill_after(proc, delay)


def test_kill_9_during_release_imports_leaves_each_release_whole_or_absent(new_desk, seeds):
    landed = 0
    for seed in seeds:
        proc = start("release", new_desk, 1000, str(seed % 8))
        rnd = random.Random(seed)
        landed += kill_after_done(proc, rnd.randrange(3), rnd.uniform(0.0, 1.5))
        con = sound(new_desk)
        all_or_nothing(con)
        con.close()
    con = sqlite3.connect(new_desk)
    releases = con.execute("SELECT count(*) FROM release").fetchone()[0]
    assert releases > 0, "no import finished before its kill: the delays are too short to prove anything"
    print(f"\nkills during release imports: {landed}, desks sound: {len(seeds)}, releases whole: {releases}")


def test_kill_9_during_contact_imports_leaves_each_file_whole_or_absent(new_desk, seeds):
    landed = files = 0
    for seed in seeds:
        proc = start("contacts", new_desk, 1000, str(seed % 8))
        rnd = random.Random(seed)
        landed += kill_after_done(proc, rnd.randrange(3), rnd.uniform(0.0, 2.0))
        con = sound(new_desk)
        all_or_nothing(con)
        for i in range(1000):
            domain = writers.contacts_domain(str(seed % 8), i)
            people = con.execute(
                "SELECT count(DISTINCT journalist_id) FROM contact_point WHERE value LIKE ?", (f"%@{domain}",)
            ).fetchone()[0]
            assert people in (0, writers.CONTACTS_PER_FILE), f"file {i} of writer {seed % 8} half imported"
            if not people:
                break
            files += seed < 8  # a later seed of the same writer imports the same files again, into the same people
        con.close()
    assert files > 0, "no import finished before its kill: the delays are too short to prove anything"
    print(f"\nkills during contact imports: {landed}, desks sound: {len(seeds)}, files whole: {files}")


@pytest.fixture(scope="module")
def desk_at_0003(tmp_path_factory) -> Path:
    """A desk at revision 0003 holding thousands of journalists, enquiries and history rows."""
    from pressdesk.store.search import register

    path = tmp_path_factory.mktemp("old") / "old.db"
    desk = open_desk(path, migrate=False)
    upgrade(desk, "0003")
    desk.dispose()
    con = sqlite3.connect(path)
    register(con)
    stamp = "2025-01-01 09:00:00.000000"
    n = 4000
    with con:
        con.executemany(
            "INSERT INTO journalist (id, name, outlet_id, role, beat, preferred_channel, notes, created_at, updated_at,"
            " updated_by, version) VALUES (?, ?, NULL, 'reporter', 'health', 'phone', '', ?, ?, 't', 1)",
            [(i, f"Journalist {writers.word(i)}", stamp, stamp) for i in range(1, n + 1)],
        )
        con.executemany(
            "INSERT INTO enquiry (id, received_at, channel, journalist_id, type, subject, priority, status, officer,"
            " notes, created_at, updated_at, updated_by, version) VALUES (?, ?, 'phone', ?, 'comment', ?, 'normal',"
            " 'done', 'Jo', '', ?, ?, 't', 1)",
            [(i, stamp, i, f"Story {writers.word(i)}", stamp, stamp) for i in range(1, n + 1)],
        )
        for kind, table in (("journalist", "journalist"), ("enquiry", "enquiry")):
            con.execute(
                f"INSERT INTO activity (at, who, action, entity, entity_id, enquiry_id, summary, changes) "
                f"SELECT '{stamp}', 't', 'create', '{kind}', id, {'id' if kind == 'enquiry' else 'NULL'}, 'x', '' "
                f"FROM {table}"
            )
    con.close()
    return path


def test_kill_9_during_a_migration_leaves_the_old_desk_or_the_new_one(desk_at_0003, tmp_path, seeds):
    landed = 0
    for seed in seeds:
        desk = tmp_path / f"desk-{seed}.db"
        shutil.copy(desk_at_0003, desk)
        proc = start("migrate", desk, 1, "0")
        landed += kill_after_start(proc, random.Random(seed).uniform(0.0, 2.2))
        con = sound(desk)
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert revision in ("0003", HEAD), "a migration half done"
        counts = [con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("journalist", "enquiry")]
        assert counts == [4000, 4000]
        con.close()
        again = open_desk(desk)  # whatever the kill left, the next start finishes the upgrade
        again.dispose()
        con = sound(desk)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
        assert con.execute("SELECT count(*) FROM journalist WHERE name_key = ''").fetchone() == (0,)
        all_or_nothing(con)
        con.close()
        for side in tmp_path.glob(f"desk-{seed}.db*"):
            side.unlink()
    print(f"\nkills during migrations: {landed} of {len(seeds)} landed mid-work, desks sound: {len(seeds)}")


# --- (c) two edits of one record at once: exactly one wins --------------------------------------------------

RACE = """
from pressdesk.errors import DeskError
from pressdesk.models.inputs import EnquiryUpdate, ExpertUpdate, JournalistUpdate
from pressdesk.services import contacts, enquiries, experts, interviews
from pressdesk.store import open_desk
"""
ACT = """
desk = open_desk(args[0])
kind, record, version, value = args[1], int(args[2]), int(args[3]), args[4]
common = dict(who="Racer " + value, expected_version=version)
try:
    with desk.write() as s:
        if kind == "enquiry":
            enquiries.update_enquiry(s, EnquiryUpdate(subject=value), tz="Europe/London", enquiry_id=record, **common)
        elif kind == "journalist":
            contacts.update_journalist(s, JournalistUpdate(beat=value), region="GB", journalist_id=record, **common)
        elif kind == "expert":
            experts.update_expert(s, ExpertUpdate(topics=value), region="GB", expert_id=record, **common)
        elif value == "accept":
            interviews.accept(s, request_id=record, **common)
        else:
            interviews.decline(s, request_id=record, reason="busy", **common)
except DeskError as refused:  # a stale version, or (an interview) a move no longer legal once the other won
    print(type(refused).__name__, file=sys.stderr)
    sys.exit(3)
"""


def one_of_each(desk_path: Path) -> dict[str, tuple[int, int]]:
    """(id, version) of an open enquiry, a journalist, an expert and an offered interview request."""
    con = sqlite3.connect(desk_path)
    try:
        return {
            "enquiry": con.execute("SELECT id, version FROM enquiry WHERE status = 'new' LIMIT 1").fetchone(),
            "journalist": con.execute("SELECT id, version FROM journalist LIMIT 1").fetchone(),
            "expert": con.execute("SELECT id, version FROM expert LIMIT 1").fetchone(),
            "interview_request": con.execute(
                "SELECT id, version FROM interview_request WHERE status = 'offered' LIMIT 1"
            ).fetchone(),
        }
    finally:
        con.close()


@pytest.mark.parametrize("kind", ["enquiry", "journalist", "expert", "interview_request"])
def test_two_processes_editing_one_record_from_the_same_version_make_exactly_one_winner(
    template, tmp_path, kind, seeds
):
    races = []
    for round_ in seeds[:2] if len(seeds) < 10 else seeds[:10]:
        desk = tmp_path / f"desk-{round_}.db"  # a fresh demo desk each round: each race uses up an offered interview
        shutil.copy(template, desk)
        record, version = one_of_each(desk)[kind]
        values = ("accept", "decline") if kind == "interview_request" else (f"alpha{round_}", f"beta{round_}")
        races.append((desk, record, version, values))
    # every round's pair is released at one moment, each pair racing on its own desk (one launcher for them all)
    argvs = [[str(desk), kind, str(record), str(version), v] for desk, record, version, values in races for v in values]
    results = run_at_once(tmp_path, argvs, prepare=RACE, act=ACT)
    for n, (desk, record, version, values) in enumerate(races):
        pair = results[2 * n : 2 * n + 2]
        assert sorted(r.returncode for r in pair) == [0, 3], [r.stderr for r in pair]
        winner = values[[r.returncode for r in pair].index(0)]
        con = sqlite3.connect(desk)
        table = kind
        now = con.execute(f"SELECT version, updated_by FROM {table} WHERE id = ?", (record,)).fetchone()
        con.close()
        assert now == (version + 1, f"Racer {winner}"), "one change, the winner's"
