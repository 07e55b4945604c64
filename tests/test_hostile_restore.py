"""`pressdesk restore` of a file that is no sound desk (and opening one): one line naming the file, the desk it would
replace untouched, nothing left beside it."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressdesk.cli import main
from tests.conftest import ON_SERVER

pytestmark = pytest.mark.skipif(ON_SERVER, reason="restore of a SQLite desk file")


def schema_in_bad_bytes(path: Path) -> None:
    """Damage a desk's schema so SQLite's own message about it holds a byte that is not UTF-8."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE scratch(x)")
    con.commit()
    con.execute("PRAGMA writable_schema=ON")
    name, sql = b"scratch\xff", b"CREATE TABLE scratch\xff(x"
    con.execute(
        "UPDATE sqlite_master SET name = CAST(? AS TEXT), sql = CAST(? AS TEXT) WHERE name = 'scratch'", (name, sql)
    )
    con.commit()
    con.close()


def cut_in_half(path: Path) -> None:
    """Keep the first half of the file, as a copy stopped mid-way leaves it."""
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def from_a_newer_pressdesk(path: Path) -> None:
    """Mark the desk as made at a schema this pressdesk does not know."""
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    con.commit()
    con.close()


def plain_sqlite(path: Path) -> None:
    """Make the file a SQLite database of someone else's."""
    path.unlink()
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes(body)")
    con.commit()
    con.close()


@pytest.mark.parametrize("damage", [schema_in_bad_bytes, cut_in_half, from_a_newer_pressdesk, plain_sqlite])
def test_restoring_a_damaged_or_foreign_desk_is_refused_in_one_line_and_changes_nothing(new_desk_file, damage):
    live = new_desk_file("desk.db")
    backup = new_desk_file("backup.db")
    damage(backup)
    before = live.read_bytes()
    result = CliRunner().invoke(main, ["--db", str(live), "restore", str(backup)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Error: desk: ") and str(backup) in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert live.read_bytes() == before
    assert sorted(p.name for p in live.parent.iterdir() if p.name.startswith("desk.db")) in (
        ["desk.db"],
        ["desk.db", "desk.db.lock"],
    )


@pytest.mark.parametrize("kind", ["directory", "fifo"])
def test_restoring_from_something_that_is_no_file_is_refused_in_one_line(new_desk_file, tmp_path, kind):
    live = new_desk_file("desk.db")
    other = tmp_path / "backup.db"
    other.mkdir() if kind == "directory" else os.mkfifo(other)
    result = CliRunner().invoke(main, ["--db", str(live), "restore", str(other)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: desk: {other} does not exist or is not a file.\n"


def test_a_sound_backup_is_still_restored(new_desk_file):
    live = new_desk_file("desk.db")
    backup = Path(shutil.copy(new_desk_file("other.db"), live.parent / "backup.db"))
    result = CliRunner().invoke(main, ["--db", str(live), "restore", str(backup)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Restored the desk from {backup}")


@pytest.mark.parametrize("command", [["list", "enquiries"], ["db", "check"]])
def test_opening_a_desk_whose_schema_is_damaged_says_so_in_one_line(new_desk_file, command):
    damaged = new_desk_file("desk.db")
    schema_in_bad_bytes(damaged)
    result = CliRunner().invoke(main, ["--db", str(damaged), *command])
    assert result.exit_code == 2, result.output
    assert (
        result.stderr.startswith("Error: desk: ")
        and "is not a pressdesk desk (malformed database schema" in result.stderr
    )
    assert result.stderr.count("\n") == 1


def test_a_pipe_given_as_the_desk_is_refused_and_left_as_it_was(tmp_path):
    pipe = tmp_path / "desk.db"
    os.mkfifo(pipe, 0o644)
    os.chmod(pipe, 0o644)
    result = CliRunner().invoke(main, ["--db", str(pipe), "list", "enquiries"])
    assert result.exit_code == 2
    assert result.stderr == f"Error: desk: {pipe} is a device or a pipe, not a desk file.\n"
    assert oct(os.stat(pipe).st_mode & 0o777) == oct(0o644)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk.db"]
