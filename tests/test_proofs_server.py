"""The proofs under faults on a PostgreSQL desk: writers at once, kill -9 mid-write, racing edits (`make test-pg`).

The same writer processes as tests/test_proofs.py, pointed at a server desk; soundness is `db check` on the server
(foreign keys, search index, id sequences) and the same all-or-nothing queries. Each prints what it tried (-s)."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy import text

from pressdesk.store import open_desk
from pressdesk.store.check import check
from tests import test_proofs as proofs
from tests import writers
from tests.at_once import run_at_once
from tests.backends import NO_SERVER, fresh_database, new_server_desk

pytestmark = [pytest.mark.proof, pytest.mark.backend]
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def server(tmp_path):
    """The URL of a new, migrated, empty desk on the PostgreSQL server (skipped, saying why, without one)."""
    with new_server_desk(tmp_path) as url:
        yield url


def start(kind: str, url: str, n: int, tag: str, folder: Path, gate: Path | None = None) -> subprocess.Popen:
    """A writer process (tests/writers.py) against the server desk, its files in folder."""
    cmd = [sys.executable, "-m", "tests.writers", kind, url, str(n), tag] + ([str(gate)] if gate else [])
    env = os.environ | {"PYTHONPATH": str(ROOT), "PRESSDESK_WRITER_DIR": str(folder)}
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


class Plain:
    """A SQLAlchemy connection answering `execute(sql).fetchone()` as sqlite3 does, for the shared proof queries."""

    def __init__(self, conn) -> None:
        self.conn = conn

    def execute(self, sql: str, params: tuple = ()):
        """Run one query; params fill :p0, :p1, ..."""
        return self.conn.execute(text(sql), {f"p{i}": v for i, v in enumerate(params)})


def sound(url: str) -> None:
    """The server desk passes `db check` (foreign keys, search index, sequences) and is all-or-nothing."""
    desk = open_desk(url, migrate=False, create=False)
    try:
        report = check(desk)
        assert report.ok, report.problems
        with desk.engine.connect() as conn:
            proofs.all_or_nothing(Plain(conn))
    finally:
        desk.dispose()


def first_row(url: str, sql: str) -> tuple:
    """The first row a query gives on the server desk."""
    desk = open_desk(url, migrate=False, create=False)
    try:
        with desk.engine.connect() as conn:
            return tuple(conn.execute(text(sql)).one())
    finally:
        desk.dispose()


def scalar(url: str, sql: str):
    """One value from the server desk."""
    return first_row(url, sql)[0]


def test_postgresql_three_writer_processes_two_cli_and_a_headless_tui_lose_nothing(server, tmp_path, request):
    per_tui = 12 if request.config.getoption("--slow") else 2
    gate = tmp_path / "go"
    procs = [start("cli", server, 0, "1", tmp_path, gate), start("cli", server, 0, "2", tmp_path, gate)]
    procs.append(start("tui", server, per_tui, "3", tmp_path, gate))
    while not all(Path(f"{gate}.{tag}.ready").exists() for tag in "123") and all(p.poll() is None for p in procs):
        time.sleep(0.01)
    gate.touch()
    try:
        tui_out, tui_err = procs[2].communicate(timeout=1800 if per_tui > 2 else 600)
    finally:
        (tmp_path / "writers.stop").touch()
        if procs[2].poll() is None:
            for proc in procs:
                proc.kill()
    results = [p.communicate(timeout=600) for p in procs[:2]] + [(tui_out, tui_err)]
    errors = [err for _out, err in results]
    assert [p.returncode for p in procs] == [0, 0, 0], errors
    assert not any(re.search(r"lock|deadlock|serializ", err, re.IGNORECASE) for err in errors)
    per_cli = [int(re.findall(r"^logged (\d+) of", out, re.MULTILINE)[-1]) for out, _err in results[:2]]
    sound(server)
    desk = open_desk(server, migrate=False, create=False)
    try:
        with desk.engine.connect() as conn:
            subjects = list(conn.execute(text("SELECT subject FROM enquiry")).scalars())
            officers = conn.execute(text("SELECT count(DISTINCT who) FROM activity")).scalar()
    finally:
        desk.dispose()
    expected = [writers.cli_subject(t, i) for t, n in zip("12", per_cli, strict=True) for i in range(n)]
    expected += [writers.tui_subject("3", i) for i in range(per_tui)]
    assert sorted(subjects) == sorted(expected), "every call is there, once"
    assert officers == 2  # Writer, TUI Writer
    calls = f"CLI {per_cli[0]} + CLI {per_cli[1]} + TUI {per_tui} calls"
    print(f"\npostgresql writers: 3 processes ({calls}), {len(subjects)} enquiries stored, 0 lost, 0 lock errors")


def test_postgresql_kill_9_during_a_stream_of_logs_leaves_a_sound_desk(server, tmp_path, seeds):
    landed = 0
    for seed in seeds:
        proc = start("cli", server, 100_000, str(seed % 8), tmp_path)
        landed += proofs.kill_after(proc, random.Random(seed).uniform(2.5, 5.0))  # past the start, amid the logs
        sound(server)
    logged = scalar(server, "SELECT count(*) FROM enquiry")
    assert landed == len(seeds) and logged > 0
    print(f"\npostgresql kills during logs: {landed}, desks sound: {len(seeds)}, enquiries kept whole: {logged}")


def test_postgresql_kill_9_during_release_imports_leaves_each_release_whole_or_absent(server, tmp_path, seeds):
    landed = 0
    for seed in seeds:
        proc = start("release", server, 1000, str(seed % 8), tmp_path)
        rnd = random.Random(seed)
        landed += proofs.kill_after_done(proc, rnd.randrange(3), rnd.uniform(0.0, 1.5))
        sound(server)
    releases = scalar(server, "SELECT count(*) FROM release")
    assert releases > 0, "no import finished before its kill: the delays are too short to prove anything"
    print(f"\npostgresql kills during release imports: {landed}, desks sound: {len(seeds)}, releases whole: {releases}")


@pytest.fixture
def demo_server(tmp_path):
    """Makes a fresh demo desk on the server for each call (each race uses up an offered interview); its URL."""
    if not os.environ.get("PRESSDESK_TEST_DB"):
        pytest.skip(NO_SERVER)
    from pressdesk.services.demo import load_demo
    from tests.conftest import DEMO_NOW

    with ExitStack() as made:

        def fresh() -> str:
            url = made.enter_context(fresh_database("postgresql", tmp_path))
            desk = open_desk(url)
            with desk.write() as s:
                load_demo(s, who="test", region="GB", now=DEMO_NOW)
            desk.dispose()
            return url

        yield fresh


@pytest.mark.parametrize("kind", ["enquiry", "journalist", "expert", "interview_request"])
def test_postgresql_two_processes_editing_one_record_from_one_version_make_exactly_one_winner(
    demo_server, tmp_path, kind, seeds
):
    where = {"enquiry": "status = 'new'", "interview_request": "status = 'offered'"}.get(kind, "true")
    for round_ in seeds[:2] if len(seeds) < 10 else seeds[:10]:
        url = demo_server()
        record, version = first_row(url, f"SELECT id, version FROM {kind} WHERE {where} ORDER BY id LIMIT 1")
        values = ("accept", "decline") if kind == "interview_request" else (f"alpha{round_}", f"beta{round_}")
        folder = tmp_path / f"race-{kind}-{round_}"
        folder.mkdir()
        results = run_at_once(
            folder, [[url, kind, str(record), str(version), v] for v in values], prepare=proofs.RACE, act=proofs.ACT
        )
        assert sorted(r.returncode for r in results) == [0, 3], [r.stderr for r in results]
        winner = values[[r.returncode for r in results].index(0)]
        now = scalar(url, f"SELECT version || ' ' || updated_by FROM {kind} WHERE id = {record}")
        assert now == f"{version + 1} Racer {winner}", "one change, the winner's"
    print(f"\npostgresql races on one {kind}: {min(len(seeds), 2 if len(seeds) < 10 else 10)}, one winner each")


# --- kill -9 during a big contacts import, and during a migration ---------------------------------------------

BIG_FILE = 8000
"""People in the contacts file the kill lands in: over POOL_AFTER (6,000), so a worker process checks its values."""


def _writers_left(folder: Path) -> list[int]:
    """Processes still running that a writer started with this folder (the import's worker, say)."""
    marker = f"PRESSDESK_WRITER_DIR={folder}".encode()
    left = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if marker in (proc / "environ").read_bytes().split(b"\0"):
                left.append(int(proc.name))
        except OSError:
            continue
    return left


def test_postgresql_kill_9_during_a_big_contacts_import_leaves_none_of_its_people(server, tmp_path, seeds):
    landed = 0
    for seed in seeds:
        tag = f"k{seed}"
        proc = start("contacts-cli", server, BIG_FILE, tag, tmp_path)
        assert proc.stdout.readline().startswith("written"), proc.stderr.read()
        hit = proofs.kill_after(proc, random.Random(seed).uniform(1.0, 25.0))  # amid checking, placing or writing
        finished = "imported file 0" in proc.stdout.read()
        sound(server)
        people = scalar(
            server,
            "SELECT count(DISTINCT journalist_id) FROM contact_point "
            f"WHERE value LIKE '%@{writers.contacts_domain(tag, 0)}'",
        )
        assert people in (0, BIG_FILE), f"seed {seed}: {people} of the file's {BIG_FILE} people stored"
        if finished or not hit:
            assert people == BIG_FILE, f"seed {seed}: the import said it was done, yet {people} people are stored"
        landed += hit and people == 0  # killed before its commit (a kill between commit and exit keeps them all)
        deadline = time.monotonic() + 30
        while _writers_left(tmp_path) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _writers_left(tmp_path) == [], "the import's worker outlived it"
    assert landed > 0, "every import finished before its kill: the delays are too short to prove anything"
    again = start("contacts-cli", server, BIG_FILE, f"k{seeds[0]}", tmp_path)  # the same file, imported once more
    out, err = again.communicate(timeout=1800)
    assert again.returncode == 0, err
    sound(server)
    domain = writers.contacts_domain(f"k{seeds[0]}", 0)
    whole = scalar(server, f"SELECT count(DISTINCT journalist_id) FROM contact_point WHERE value LIKE '%@{domain}'")
    assert whole == BIG_FILE
    print(
        f"\npostgresql kills during {BIG_FILE}-person contacts imports: {landed} of {len(seeds)} landed mid-import, "
        f"desks sound: {len(seeds)}, people of a killed import kept: 0; the file imported again: {whole} people"
    )


OLD_SERVER_SCHEMA = "0010_team_desk"
"""The oldest schema a server desk can have (PostgreSQL desks start at 0010): three migrations to the newest."""
OLD_ROWS = 50_000
"""Journalists, and as many enquiries, on the old desk: enough index rows for the migrations to take seconds."""


@pytest.fixture(scope="module")
def server_at_0010(tmp_path_factory):
    """A server desk at OLD_SERVER_SCHEMA holding OLD_ROWS journalists and enquiries (indexed), made once; its URL."""
    if not os.environ.get("PRESSDESK_TEST_DB"):
        pytest.skip(NO_SERVER)
    from pressdesk.store.migrate import upgrade

    with fresh_database("postgresql", tmp_path_factory.mktemp("old-server")) as url:
        desk = open_desk(url, migrate=False)
        upgrade(desk, OLD_SERVER_SCHEMA)
        stamp = "2025-01-01 09:00:00"
        with desk.write() as s:
            s.execute(
                text(
                    "INSERT INTO journalist (id, name, role, beat, preferred_channel, notes, created_at, updated_at, "
                    "updated_by, version) SELECT n, 'Journalist ' || n, 'reporter', 'health', 'phone', '', "
                    ":stamp, :stamp, 't', 1 FROM generate_series(1, :n) AS n"
                ),
                {"stamp": stamp, "n": OLD_ROWS},
            )
            s.execute(
                text(
                    "INSERT INTO enquiry (id, received_at, channel, journalist_id, type, subject, priority, status, "
                    "officer, notes, created_at, updated_at, updated_by, version) SELECT n, :stamp, 'phone', n, "
                    "'comment', 'Story ' || n, 'normal', 'done', 'Jo', '', :stamp, :stamp, 't', 1 "
                    "FROM generate_series(1, :n) AS n"
                ),
                {"stamp": stamp, "n": OLD_ROWS},
            )
            for table in ("journalist", "enquiry"):
                s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), :n)"), {"n": OLD_ROWS})
                enquiry = "id" if table == "enquiry" else "NULL"
                s.execute(
                    text(
                        "INSERT INTO activity (at, who, action, entity, entity_id, enquiry_id, summary, changes) "
                        f"SELECT :stamp, 't', 'create', '{table}', id, {enquiry}, 'x', '' FROM {table}"
                    ),
                    {"stamp": stamp},
                )
            s.execute(text("ANALYZE"))  # the soundness queries are planned from statistics, kept in every copy
        desk.dispose()
        yield url


def _schema(url: str) -> tuple[str, str, int, int]:
    """Its revision, its search index's layout (r: one table, p: a partition per kind), journalists, index rows."""
    return first_row(
        url,
        "SELECT (SELECT version_num FROM alembic_version), (SELECT relkind::text FROM pg_class "
        "WHERE relname = 'search_index'), (SELECT count(*) FROM journalist), (SELECT count(*) FROM search_index)",
    )


def test_postgresql_kill_9_during_a_migration_leaves_the_old_desk_or_the_new_one(server_at_0010, tmp_path, seeds):
    from pressdesk.store.migrate import HEAD

    landed = 0
    outcomes: dict[str, int] = {}
    for seed in seeds:
        with fresh_database("postgresql", tmp_path, template=server_at_0010) as url:
            proc = start("migrate", url, 1, "0", tmp_path)
            assert proc.stdout.readline().strip() == writers.STARTED, proc.stderr.read()
            landed += proofs.kill_after(proc, random.Random(seed).uniform(0.1, 3.0))  # the migrations take 1-4 s
            revision, layout, journalists, indexed = _schema(url)
            assert (revision, layout) in ((OLD_SERVER_SCHEMA, "r"), (HEAD, "p")), "a migration half done"
            assert (journalists, indexed) == (OLD_ROWS, 2 * OLD_ROWS)
            outcomes[revision] = outcomes.get(revision, 0) + 1
            sound(url)
            again = subprocess.run(
                [sys.executable, "-m", "pressdesk", "--db", url, "db", "upgrade"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=900,
                check=False,
            )
            assert again.returncode == 0, again.stderr
            assert _schema(url) == (HEAD, "p", OLD_ROWS, 2 * OLD_ROWS)
            sound(url)
    assert landed > 0, "every migration finished before its kill: the delays are too short to prove anything"
    print(
        f"\npostgresql kills during migrations {OLD_SERVER_SCHEMA} -> {HEAD}: {landed} of {len(seeds)} landed "
        f"mid-work; left at {outcomes}; each finished by a second `db upgrade`, desks sound"
    )
