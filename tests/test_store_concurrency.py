"""Many processes opening one desk at the same moment: a new desk, and a desk at an older schema."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from pressdesk.store import open_desk
from pressdesk.store.migrate import HEAD, backup_sqlite, upgrade
from tests.at_once import run_at_once

PROCESSES = 8


def open_all_at_once(db: Path, tmp_path: Path) -> list[subprocess.CompletedProcess]:
    """PROCESSES processes opening the desk at one moment (Alembic already imported, so the race is on the desk)."""
    return run_at_once(
        tmp_path,
        [[str(db)]] * PROCESSES,
        prepare="from pressdesk.store import open_desk\nfrom pressdesk.store.migrate import upgrade",
        act="open_desk(args[0]).dispose()",
    )


def assert_sound_at_head(db: Path) -> None:
    """The desk file passes SQLite's integrity check and stands at the newest revision."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
    finally:
        con.close()


def test_processes_creating_a_new_desk_at_once_all_succeed(tmp_path):
    db = tmp_path / "new.db"
    results = open_all_at_once(db, tmp_path)
    crashed = [r.stderr.strip().splitlines()[-1] for r in results if r.returncode != 0]
    assert crashed == []
    assert_sound_at_head(db)
    assert list(tmp_path.glob("new.db.*.bak")) == []  # a new desk has nothing to back up


@pytest.mark.parametrize("older", ["0002"])
def test_processes_opening_an_older_desk_at_once_migrate_it_once(tmp_path, older):
    db = tmp_path / "old.db"
    desk = open_desk(db, migrate=False)
    upgrade(desk, older)
    desk.dispose()
    results = open_all_at_once(db, tmp_path)
    crashed = [r.stderr.strip().splitlines()[-1] for r in results if r.returncode != 0]
    assert crashed == []
    assert_sound_at_head(db)
    backups = list(tmp_path.glob("old.db.*.bak"))
    assert len(backups) == 1  # one process migrated; the others waited and found the desk at head
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [(older,)]
    copy.close()


def test_backups_taken_in_the_same_second_get_distinct_names(tmp_path):
    db = tmp_path / "desk.db"
    open_desk(db).dispose()
    names = {backup_sqlite(db, "before-0003") for _ in range(3)}
    assert len(names) == 3
    assert all(p.is_file() for p in names)


def test_a_desk_opened_while_another_connection_writes_its_new_file_waits_to_turn_it_to_wal(tmp_path):
    """SQLite refuses a switch to WAL at once, without waiting, while another connection holds a write lock on a file
    still in its first journal mode (two processes creating one desk): opening waits as it does for any lock."""
    import threading

    db = tmp_path / "new.db"
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # a write under way in the file's first journal mode, then taken back
    other.execute("CREATE TABLE scratch (x)")
    done = threading.Timer(0.3, lambda: other.execute("ROLLBACK"))
    done.start()
    try:
        desk = open_desk(db)
        desk.dispose()
    finally:
        done.join()
        other.close()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    con.close()
    assert_sound_at_head(db)
