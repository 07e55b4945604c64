"""Which commands create a desk: reading never; `db init`, `demo`, --demo and a first write to the everyday desk do."""

from __future__ import annotations

import json
import os
import stat

import pytest
from click.testing import CliRunner

from pressdesk.cli import main
from pressdesk.paths import data_dir, default_db_path, demo_db_path
from pressdesk.store.migrate import HEAD

LOG = ["log", "--journalist", "Ann Smith", "--phone", "01582 790706", "--subject", "Comment on IS-K"]


def pressdesk(*args: str):
    """Run the CLI; returns the click result."""
    return CliRunner().invoke(main, ["--officer", "Test Officer", *args])


@pytest.mark.parametrize(
    "command",
    [
        ["list", "enquiries"],
        ["list", "journalists"],
        ["db", "status"],
        ["db", "upgrade"],
        ["route", "1", "--suggest"],
        LOG,
        ["experts", "edit", "1", "--topics", "x"],
        ["import", "release", "--dry-run", "RELEASE"],
    ],
)
def test_a_mistyped_desk_path_creates_nothing(tmp_path, command):
    release = tmp_path / "release.txt"
    release.write_text("Title\n\nFor immediate release.\n", encoding="utf-8")
    missing = tmp_path / "nonexistent" / "dir" / "x.db"
    result = pressdesk("--db", str(missing), *[str(release) if a == "RELEASE" else a for a in command])
    assert result.exit_code == 2
    assert result.stderr == f"Error: desk: no desk at {missing}; create one with `pressdesk db init {missing}`.\n"
    assert not (tmp_path / "nonexistent").exists()


def test_db_init_creates_a_private_desk_at_head_and_keeps_an_existing_one(tmp_path):
    path = tmp_path / "team" / "desk.db"
    created = pressdesk("db", "init", str(path))
    assert created.exit_code == 0 and created.stdout == f"Created a new desk at {path}.\n"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    status = json.loads(pressdesk("--db", str(path), "db", "status", "--json").stdout)
    assert status["current"] == HEAD and status["pending"] == []
    assert pressdesk("--db", str(path), *LOG).exit_code == 0
    again = pressdesk("db", "init", str(path))
    assert again.exit_code == 0 and "already" in again.stdout
    assert len(json.loads(pressdesk("--db", str(path), "list", "enquiries", "--json").stdout)) == 1


def test_db_init_without_a_path_creates_the_desk_db_names(tmp_path):
    path = tmp_path / "named.db"
    assert pressdesk("--db", str(path), "db", "init").exit_code == 0
    assert path.is_file()


def test_the_everyday_desk_is_created_by_the_first_write_not_by_a_read():
    listed = pressdesk("list", "enquiries")
    assert listed.exit_code == 2 and "no desk at" in listed.stderr
    assert not default_db_path().exists() and not data_dir().exists()
    logged = pressdesk(*LOG)
    assert logged.exit_code == 0, logged.output
    assert default_db_path().is_file()
    assert "Comment on IS-K" in pressdesk("list", "enquiries").stdout


def test_demo_creates_the_desk_it_fills(tmp_path):
    path = tmp_path / "fresh" / "demo.db"
    result = pressdesk("--db", str(path), "demo")
    assert result.exit_code == 0 and "38 enquiries" in result.stdout
    listed = pressdesk("--demo", "list", "enquiries", "--json", "--all")
    assert listed.exit_code == 0 and len(json.loads(listed.stdout)) == 38
    assert demo_db_path().is_file()


async def test_the_tuis_first_run_creates_the_everyday_desk(settings):
    from pressdesk.tui.app import build_app

    app = build_app(settings)
    async with app.run_test() as pilot:
        for _ in range(100):  # the opening worker starts after the first refresh, which a busy machine delays
            await app.workers.wait_for_complete()
            await pilot.pause()
            if app.backend is not None:
                break
        assert app.backend is not None
    assert default_db_path().is_file() and app.return_code in (None, 0)
