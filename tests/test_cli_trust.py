"""`pressdesk backup`, `pressdesk restore` and `pressdesk db check` from the command line."""

from __future__ import annotations

import json
import os
import sqlite3
import stat

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from pressdesk.cli import main
from tests.conftest import ON_SERVER, desk_target

A_FILE = "backup and restore of a SQLite desk file (a server desk's pg_dump backup: tests/test_backends.py)"
"""Why the file's tests skip on the test server."""


def pressdesk(*args: str, **kwargs):
    """Run the CLI as a test officer; returns the click result."""
    return CliRunner().invoke(main, ["--officer", "Test Officer", *args], **kwargs)


def enquiries_in(path) -> int:
    """How many enquiries a desk file holds, read with plain sqlite3."""
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM enquiry").fetchone()[0]
    finally:
        con.close()


def log(db, subject: str):
    """Log one call on the desk through the CLI."""
    call = ["log", "--journalist", "Ann Smith", "--phone", "01582 790706", "--subject", subject]
    return pressdesk("--db", str(db), *call)


@pytest.mark.skipif(ON_SERVER, reason=A_FILE)
def test_backup_writes_a_private_copy_that_opens_as_the_same_desk(desk, tmp_path):
    copy = tmp_path / "copies" / "monday.db"
    result = pressdesk("--db", str(desk.path), "backup", str(copy))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Backed up the desk to {copy} (")
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o600
    assert enquiries_in(copy) == enquiries_in(desk.path) > 0


@pytest.mark.skipif(ON_SERVER, reason=A_FILE)
def test_backup_refuses_to_overwrite_a_file(desk, tmp_path):
    there = tmp_path / "keep.db"
    there.write_bytes(b"my own file")
    result = pressdesk("--db", str(desk.path), "backup", str(there))
    assert result.exit_code == 2
    assert result.stderr == f"Error: file: {there} already exists; give a new file name (a backup never overwrites).\n"
    assert there.read_bytes() == b"my own file"


@pytest.mark.skipif(ON_SERVER, reason=A_FILE)
def test_backup_refuses_a_file_name_that_is_not_text(desk, tmp_path):
    result = pressdesk("--db", str(desk.path), "backup", str(tmp_path / "f\udcff\ud800.db"))
    assert result.exit_code == 2
    assert result.stderr == "Error: file: is not valid text (bytes that are not UTF-8).\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("f")] == []


def test_backup_of_a_missing_desk_creates_nothing(tmp_path):
    result = pressdesk("--db", str(tmp_path / "none.db"), "backup", str(tmp_path / "b.db"))
    assert result.exit_code == 2 and "no desk at" in result.stderr
    assert not (tmp_path / "b.db").exists() and not (tmp_path / "none.db").exists()


@pytest.mark.skipif(ON_SERVER, reason=A_FILE)
def test_restore_brings_the_backup_back_and_says_where_the_replaced_desk_went(desk, tmp_path):
    copy = tmp_path / "copy.db"
    assert pressdesk("--db", str(desk.path), "backup", str(copy)).exit_code == 0
    before = enquiries_in(desk.path)
    assert log(desk.path, "Logged after the backup").exit_code == 0
    desk.dispose()
    result = pressdesk("--db", str(desk.path), "restore", str(copy))
    assert result.exit_code == 0, result.output
    assert "checked integrity, foreign keys, a schema revision this pressdesk knows" in result.stdout
    kept = result.stdout.split("The desk it replaced is kept at ")[1].strip()
    assert enquiries_in(desk.path) == before
    assert enquiries_in(kept) == before + 1
    assert stat.S_IMODE(os.stat(kept).st_mode) == 0o600


@pytest.mark.skipif(ON_SERVER, reason=A_FILE)
def test_restore_refuses_a_file_that_is_not_a_desk_and_changes_nothing(desk, tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    before = enquiries_in(desk.path)
    desk.dispose()
    result = pressdesk("--db", str(desk.path), "restore", str(junk))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: desk: ") and str(junk) in result.stderr
    assert enquiries_in(desk.path) == before
    assert not list(tmp_path.glob("desk.db.replaced-*"))


def test_db_check_says_a_sound_desk_is_sound(desk):
    result = pressdesk("--db", desk_target(desk), "db", "check")
    assert result.exit_code == 0
    checked = "integrity, foreign keys, schema revision, search index against its tables"
    if ON_SERVER:  # the server keeps its own pages sound and numbers rows from its sequences
        checked = "foreign keys, schema revision, search index against its tables, id sequences ahead of their tables"
    assert result.stdout == f"The desk is sound: {checked}.\n"


def test_db_check_exits_non_zero_naming_a_search_index_out_of_step_and_rebuild_mends_it(desk):
    with desk.engine.begin() as con:  # expert 1 falls out of the index, behind pressdesk's back
        con.execute(text("DELETE FROM search_index WHERE rowid = :row"), {"row": (3 << 40) + 1})
    found = pressdesk("--db", desk_target(desk), "db", "check", "--json")
    assert found.exit_code == 1
    report = json.loads(found.stdout)
    assert report["ok"] is False
    assert any(p.startswith("search index") and "expert" in p for p in report["problems"])
    assert "`pressdesk db check --rebuild-index`" in report["problems"][-1]
    mended = pressdesk("--db", desk_target(desk), "db", "check", "--rebuild-index")
    assert mended.exit_code == 0
    assert mended.stdout.startswith("Rebuilt the search index from the tables.\nThe desk is sound")
    assert pressdesk("--db", desk_target(desk), "db", "check").exit_code == 0


@pytest.mark.skipif(ON_SERVER, reason="the server refuses the break itself (its keys are always checked)")
def test_db_check_exits_non_zero_on_a_foreign_key_break(desk):
    con = sqlite3.connect(desk.path)
    con.execute("UPDATE interview_request SET expert_id = 987654 WHERE id = (SELECT min(id) FROM interview_request)")
    con.commit()
    con.close()
    result = pressdesk("--db", str(desk.path), "db", "check")
    assert result.exit_code == 1
    assert "Problem: " in result.stdout and "interview_request" in result.stdout
    assert "sound" not in result.stdout
