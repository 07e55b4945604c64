"""Store safety: backups taken while others write, restores that check first, a desk check, private files."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import threading

import pytest
from sqlalchemy import text

from pressdesk.models.inputs import EnquiryCreate
from pressdesk.store import open_desk
from pressdesk.store.backup import backup, restore
from pressdesk.store.check import check, rebuild_search_index
from pressdesk.store.errors import StoreError
from pressdesk.store.migrate import HEAD, backup_sqlite, current_revision, upgrade
from tests.conftest import ON_SERVER

A_FILE = "a SQLite desk file's backup, restore, index and triggers (a server desk's: tests/test_backends.py)"
"""Why the tests of a desk file skip on the test server."""


def mode(path) -> int:
    """The permission bits of a file or folder."""
    return stat.S_IMODE(os.stat(path).st_mode)


def count(path, table: str) -> int:
    """Rows in a table of a desk file, read with plain sqlite3."""
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def log_calls(desk, n: int, prefix: str) -> None:
    """Log n calls, each in its own write session."""
    from pressdesk.services import enquiries

    for i in range(n):
        with desk.write() as s:
            enquiries.log_enquiry(
                s,
                EnquiryCreate(subject=f"{prefix} {i}", journalist=f"Writer {prefix}"),
                who="t",
                region="GB",
                tz="Europe/London",
            )


# --- backup ---------------------------------------------------------------------------------------


@pytest.mark.skipif(ON_SERVER, reason=A_FILE)
def test_backup_is_a_sound_private_copy_taken_while_another_writes(desk, tmp_path):
    writer = threading.Thread(target=log_calls, args=(desk, 40, "during"))
    writer.start()
    copies = [backup(desk, tmp_path / f"copy-{n}.db") for n in range(3)]
    writer.join()
    for copy in copies:
        assert mode(copy) == 0o600
        con = sqlite3.connect(copy)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        # consistent: every enquiry in the copy has its history row, whatever moment it was taken at
        orphans = con.execute(
            "SELECT count(*) FROM enquiry e WHERE NOT EXISTS "
            "(SELECT 1 FROM activity a WHERE a.enquiry_id = e.id AND a.action = 'create')"
        ).fetchone()[0]
        con.close()
        assert orphans == 0
    assert count(copies[-1], "enquiry") >= count(copies[0], "enquiry")


@pytest.mark.skipif(ON_SERVER, reason=A_FILE)
def test_backup_refuses_to_overwrite_a_file(desk, tmp_path):
    target = tmp_path / "already.db"
    target.write_text("keep me")
    with pytest.raises(StoreError, match="already exists"):
        backup(desk, target)
    assert target.read_text() == "keep me"


# --- restore --------------------------------------------------------------------------------------


@pytest.mark.skipif(ON_SERVER, reason=A_FILE)
def test_restore_brings_back_the_copy_and_keeps_the_replaced_desk_aside(desk, tmp_path):
    copy = backup(desk, tmp_path / "copy.db")
    before = count(desk.path, "enquiry")
    log_calls(desk, 3, "after the backup")
    result = restore(desk.path, copy)
    assert count(desk.path, "enquiry") == before
    assert result.replaced is not None and mode(result.replaced) == 0o600
    assert count(result.replaced, "enquiry") == before + 3
    # the desk still open in this process reads the restored content, not half of each
    with desk.read() as s:
        assert s.execute(text("SELECT count(*) FROM enquiry")).scalar() == before
    # a second restore keeps a second, differently named copy aside
    again = restore(desk.path, copy)
    assert again.replaced != result.replaced and again.replaced.exists() and result.replaced.exists()


@pytest.mark.skipif(ON_SERVER, reason=A_FILE)
def test_restore_refuses_a_damaged_copy_and_changes_nothing(desk, tmp_path):
    copy = backup(desk, tmp_path / "copy.db")
    data = bytearray(copy.read_bytes())
    data[4096 * 3 : 4096 * 3 + 2000] = os.urandom(2000)  # scribble over a page of the tables
    copy.write_bytes(bytes(data))
    before = count(desk.path, "enquiry")
    with pytest.raises(StoreError, match="damaged|not a pressdesk"):
        restore(desk.path, copy)
    assert count(desk.path, "enquiry") == before
    assert list(tmp_path.glob("desk.db.replaced-*")) == []


@pytest.mark.skipif(ON_SERVER, reason=A_FILE)
def test_restore_refuses_a_file_that_is_not_a_desk(desk, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 100)
    with pytest.raises(StoreError, match="not a pressdesk desk"):
        restore(desk.path, notes)


@pytest.mark.skipif(ON_SERVER, reason=A_FILE)
def test_restore_refuses_a_copy_from_a_newer_pressdesk(desk, tmp_path):
    copy = backup(desk, tmp_path / "copy.db")
    con = sqlite3.connect(copy)
    con.execute("UPDATE alembic_version SET version_num = '0099_future'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer pressdesk"):
        restore(desk.path, copy)
    assert current_revision(desk) == HEAD


def test_restore_of_an_older_copy_migrates_it(tmp_path):
    old = open_desk(tmp_path / "old.db", migrate=False)
    upgrade(old, "0003")
    with old.write() as s:
        s.execute(
            text(
                "INSERT INTO outlet (name, name_key, country, kind, website, version, created_at, updated_at,"
                " updated_by) VALUES ('Kept Outlet', 'kept outlet', '', '', '', 1, '2026-01-01', '2026-01-01', 't')"
            )
        )
    old.dispose()
    live = open_desk(tmp_path / "live.db")
    restore(live.path, tmp_path / "old.db")
    assert current_revision(live) == HEAD
    with live.read() as s:
        assert s.execute(text("SELECT name FROM outlet")).scalars().all() == ["Kept Outlet"]
    live.dispose()


@pytest.mark.skipif(ON_SERVER, reason=A_FILE)
def test_restore_into_a_missing_desk_creates_it_private(desk, tmp_path):
    copy = backup(desk, tmp_path / "copy.db")
    target = tmp_path / "fresh" / "desk.db"
    result = restore(target, copy)
    assert result.replaced is None
    assert mode(target) == 0o600 and count(target, "enquiry") == count(desk.path, "enquiry")


# --- check ----------------------------------------------------------------------------------------


def test_check_finds_a_sound_desk_sound(desk):
    report = check(desk)
    assert report.ok, report.problems


@pytest.mark.skipif(ON_SERVER, reason=A_FILE)
def test_check_finds_missing_and_stale_search_entries_and_a_rebuild_mends_them(desk):
    with desk.write() as s:
        s.execute(text("DROP TRIGGER search_journalist_au"))  # a broken trigger: edits no longer reach the index
        s.execute(text("UPDATE journalist SET name = 'Zanzibar Quokka' WHERE id = 1"))
        s.execute(text("DELETE FROM search_index WHERE rowid = (3 << 40) + 1"))  # expert 1 falls out of the index
        s.execute(text("INSERT INTO search_index(rowid, body) VALUES ((1 << 40) + 999999, ' ghost ')"))
    report = check(desk)
    assert not report.ok
    assert report.search.missing == {"expert": 1}
    assert report.search.stale == {"journalist": 1}
    assert report.search.orphaned == {"enquiry": 1}
    assert report.search.missing_triggers == ["search_journalist_au"]
    assert any("search index" in p for p in report.problems)
    rebuild_search_index(desk)
    after = check(desk)
    assert after.ok, after.problems
    with desk.write() as s:  # the trigger is back: an edit reaches the index again
        s.execute(text("UPDATE journalist SET name = 'Yardley Quince' WHERE id = 1"))
    assert check(desk).ok


@pytest.mark.skipif(ON_SERVER, reason=A_FILE)
def test_check_reports_foreign_key_breaks(desk):
    con = sqlite3.connect(desk.path)  # a tool that does not enforce foreign keys
    request_id = con.execute("SELECT min(id) FROM interview_request").fetchone()[0]
    con.execute("UPDATE interview_request SET expert_id = 987654 WHERE id = ?", (request_id,))
    con.commit()
    con.close()
    report = check(desk)
    assert not report.ok
    assert report.foreign_keys == [("interview_request", request_id, "expert")]


# --- pre-migration copies -------------------------------------------------------------------------


def test_only_the_last_few_pre_migration_copies_are_kept(tmp_path):
    old = open_desk(tmp_path / "at-0001.db", migrate=False)
    upgrade(old, "0001")
    with old.write() as s:
        s.execute(
            text(
                "INSERT INTO press_contact (name, organisation, notes, version, created_at, updated_at,"
                " updated_by) VALUES ('P', '', '', 1, '2026-01-01', '2026-01-01', 't')"
            )
        )
    old.dispose()
    path = tmp_path / "desk.db"
    for _ in range(5):
        shutil.copy(old.path, path)  # the same 0001 desk each time, built once
        desk = open_desk(path, migrate=False)
        upgrade(desk)  # copies the desk aside first
        desk.dispose()
    kept = sorted(tmp_path.glob("desk.db.before-*.bak"))
    assert len(kept) == 3


def test_a_backup_named_by_hand_is_never_pruned(tmp_path):
    path = tmp_path / "desk.db"
    open_desk(path).dispose()
    mine = backup_sqlite(path, "mine")
    for _ in range(4):
        backup_sqlite(path, "before-x")
    from pressdesk.store.migrate import prune_backups

    prune_backups(path)
    assert mine.exists()
    assert len(list(tmp_path.glob("desk.db.before-*.bak"))) == 3


# --- private files --------------------------------------------------------------------------------


def test_a_desk_readable_by_others_is_tightened_on_open(tmp_path):
    path = tmp_path / "desk.db"
    open_desk(path).dispose()
    os.chmod(path, 0o644)
    for side in ("-wal", "-shm"):
        if (p := tmp_path / f"desk.db{side}").exists():
            os.chmod(p, 0o644)
    desk = open_desk(path)
    assert mode(path) == 0o600
    assert desk.warnings == []
    desk.dispose()


def test_the_data_folder_is_created_and_kept_private(tmp_path):
    from pressdesk.paths import data_dir, default_db_path

    open_desk(default_db_path()).dispose()
    assert mode(data_dir()) == 0o700
    os.chmod(data_dir(), 0o755)
    open_desk(default_db_path()).dispose()
    assert mode(data_dir()) == 0o700


def test_a_desk_in_a_folder_of_the_users_own_leaves_the_folder_alone(tmp_path):
    folder = tmp_path / "shared-folder"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    open_desk(folder / "desk.db").dispose()
    assert mode(folder) == 0o755
    assert mode(folder / "desk.db") == 0o600


def test_a_desk_that_cannot_be_tightened_warns(tmp_path, monkeypatch):
    path = tmp_path / "desk.db"
    open_desk(path).dispose()
    os.chmod(path, 0o644)

    def refuse(*_args, **_kw):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr("pressdesk.store.files.os.chmod", refuse)
    desk = open_desk(path)
    assert len(desk.warnings) == 1 and "readable by others" in desk.warnings[0] and str(path) in desk.warnings[0]
    desk.dispose()


@pytest.mark.skipif(ON_SERVER, reason=A_FILE)
def test_the_search_triggers_of_a_migrated_desk_are_those_the_check_rebuilds(empty_desk):
    from pressdesk.store.search import CODES, trigger_sql

    with empty_desk.read() as s:
        found = dict(s.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all())
    expected = {name: sql for kind in CODES for name, sql in trigger_sql(kind).items()}
    assert {n: " ".join(found[n].split()) for n in expected} == {n: " ".join(v.split()) for n, v in expected.items()}
