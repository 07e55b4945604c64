"""Bad input on the command line: one line on stderr naming what is wrong, exit code 2, never a traceback."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressdesk.cli import main
from pressdesk.paths import config_dir
from pressdesk.settings import Settings
from tests.conftest import desk_target

BIG = "9223372036854775808"  # 2**63: one more than the largest id SQLite can hold


def latin1_release(tmp_path: Path) -> Path:
    """A release saved as Latin-1, as old word processors do."""
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café society\n\nFor immediate release. Dr Zoë Brontë comments.\n".encode("latin-1"))
    return path


def settings_file(text: str) -> None:
    """Put a settings.toml in the test's config folder."""
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "settings.toml").write_text(text, encoding="utf-8")


def not_a_database(tmp_path: Path) -> str:
    """A file that is not a SQLite database."""
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a desk\n" * 50, encoding="utf-8")
    return str(path)


# (id, arguments after --db DESK (DESK is replaced), stdin bytes, extra environment, what the line must name)
CASES = [
    ("subject not UTF-8", ["log", "--phone", "01582 790706", "--subject", "caf\udce9"], None, {}, "subject:"),
    ("journalist not UTF-8", ["log", "--journalist", "\udcff\udcfe", "--subject", "x"], None, {}, "journalist:"),
    ("release of an unreadable type", ["import", "release", "OLDWORD"], None, {}, "file: "),
    ("route id too big", ["route", BIG, "--suggest"], None, {}, "enquiry: "),
    ("interview id too big", ["interview", "accept", "1" + "0" * 30], None, {}, "request id: "),
    ("option id too big", ["log", "--release", BIG, "--phone", "01582 790706", "--subject", "x"], None, {}, "release:"),
    ("id zero", ["coverage", "list", "0"], None, {}, "enquiry id: 0 is not an id"),
    ("expert id too big", ["experts", "edit", BIG, "--topics", "x"], None, {}, "no expert"),
    ("export into /proc", ["export", "interviews", "-o", "/proc/version"], None, {}, "output:"),
    ("export into a folder", ["export", "interviews", "-o", "TMP"], None, {}, "output:"),
    ("list status bogus", ["list", "enquiries", "--status", "bogus"], None, {}, "status: 'bogus'"),
    ("list status bogus json", ["list", "enquiries", "--json", "--status", "bogus"], None, {}, "status: 'bogus'"),
    ("release file is a folder", ["import", "release", "TMP"], None, {}, "file:"),
    ("timezone misspelt", ["list", "enquiries"], None, {"PRESSDESK_TIMEZONE": "Europe/Londn"}, "timezone:"),
    ("region unknown", ["list", "enquiries"], None, {"PRESSDESK_REGION": "XX"}, "region:"),
    ("officer all escapes", ["list", "enquiries"], None, {"PRESSDESK_OFFICER": "\x1b[2J\x07"}, "officer:"),
]


@pytest.fixture
def cli(desk, tmp_path):
    """Run pressdesk on a copy of the demo desk; returns the click result."""
    latin1 = latin1_release(tmp_path)

    def invoke(args: list[str], stdin: str | None = None, env: dict | None = None):
        old_word = tmp_path / "release.doc"
        old_word.write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
        args = [{"LATIN1": str(latin1), "TMP": str(tmp_path), "OLDWORD": str(old_word)}.get(a, a) for a in args]
        data = latin1.read_bytes() if stdin == "latin1" else None
        return CliRunner().invoke(main, ["--db", desk_target(desk), *args], input=data, env=env or {})

    return invoke


def assert_one_clean_line(result, names: str) -> None:
    """Exit code 2, one line on stderr that names the problem, nothing on stdout, no traceback."""
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and names in lines[0], lines[0]
    assert "Traceback" not in result.output and result.stdout == ""


@pytest.mark.parametrize(("case", "args", "stdin", "env", "names"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_one_line_and_exit_2(cli, case, args, stdin, env, names):
    assert_one_clean_line(cli(args, stdin, env), names)


@pytest.mark.parametrize(
    ("case", "db", "names"),
    [
        ("a folder", "FOLDER", "is a folder"),
        ("not a database", "NOTDB", "not a pressdesk desk"),
        ("another program's database", "FOREIGN", "not a pressdesk desk"),
        ("unknown scheme", "bogus://", "not a database pressdesk can open"),
        ("not a URL", "://nowhere", "neither a file path nor a database URL"),
        (
            "PostgreSQL server not there",
            "postgresql://ann:s3cret@localhost:1/desk",
            "cannot open postgresql://ann:***@",
        ),
        ("missing folder", "MISSING", "no desk at "),
    ],
)
def test_a_desk_that_cannot_be_opened_is_one_line(tmp_path, case, db, names):
    import sqlite3

    foreign = tmp_path / "other.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE songs (title TEXT)")
    con.close()
    missing = tmp_path / "nonexistent" / "dir" / "x.db"
    named = {"FOLDER": tmp_path, "NOTDB": not_a_database(tmp_path), "FOREIGN": foreign, "MISSING": missing}
    db = str(named.get(db, db))
    result = CliRunner().invoke(main, ["--db", db, "list", "enquiries"])
    assert_one_clean_line(result, "desk: ")
    assert names in result.stderr
    assert "s3cret" not in result.output
    assert not missing.parent.parent.exists()
    if case == "another program's database":
        con = sqlite3.connect(foreign)
        assert [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["songs"]
        con.close()


def test_a_malformed_settings_file_is_one_line(desk):
    settings_file('region = "GB\nofficer = "Jamie"\n')
    result = CliRunner().invoke(main, ["--db", desk_target(desk), "list", "enquiries"])
    assert_one_clean_line(result, "settings: ")
    assert "settings.toml is not valid TOML" in result.stderr


def test_real_bytes_in_argv_and_on_stdin(desk, tmp_path):
    """The same through a real process: bytes that are not UTF-8, as a Latin-1 terminal sends them."""
    env = os.environ | {"PRESSDESK_HOME": str(tmp_path / "home"), "LC_ALL": "C.UTF-8"}
    cmd = [sys.executable, "-m", "pressdesk", "--db", desk_target(desk)]
    argv = subprocess.run(
        [*cmd, "log", "--phone", "01582 790706", "--subject", b"caf\xe9"], capture_output=True, env=env
    )
    stdin = subprocess.run(
        [*cmd, "import", "release", "-"], input=latin1_release(tmp_path).read_bytes(), capture_output=True, env=env
    )
    assert argv.returncode == 2, argv.stderr
    assert argv.stderr.count(b"\n") == 1 and b"subject: is not valid text (bytes that are not UTF-8)" in argv.stderr
    # A release is a file, not an argument: one saved as Latin-1 is read in its own encoding.
    assert stdin.returncode == 0, stdin.stderr
    assert "Title:    Café society".encode() in stdin.stdout


def test_the_tui_refuses_bad_settings_before_it_starts(tmp_path):
    env = os.environ | {"PRESSDESK_HOME": str(tmp_path / "home"), "PRESSDESK_TIMEZONE": "Europe/Londn"}
    done = subprocess.run(
        [sys.executable, "-m", "pressdesk", "--demo"], capture_output=True, env=env, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "Error: timezone: 'Europe/Londn' is not a time zone (set by PRESSDESK_TIMEZONE); use a name such as "
        "Europe/London."
    ]


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("TYPO", "desk: no desk at "),
        ("REGION", "region: 'XX' is not a phone region"),
        ("postgresql://ann:s3cret@localhost:1/desk", "desk: cannot open postgresql://ann:***@localhost:1/desk"),
    ],
)
async def test_the_tui_leaves_with_the_reason_when_the_desk_cannot_open(tmp_path, target, reason):
    from textual.worker import WorkerCancelled

    from pressdesk.tui.app import build_app
    from pressdesk.tui.messages import BackendFailed

    region = "XX" if target == "REGION" else "GB"
    target = str(tmp_path / "typo" / "desk.db") if target in ("TYPO", "REGION") else target
    app = build_app(Settings(officer="Test", region=region), target=target)
    messages = []
    async with app.run_test(message_hook=messages.append) as pilot:
        assert "s3cret" not in app.sub_title
        with contextlib.suppress(WorkerCancelled):  # the app may leave (cancelling it) before the worker returns
            await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 2
    failed = [m.reason for m in messages if isinstance(m, BackendFailed)]
    assert len(failed) == 1 and failed[0].startswith(reason) and "s3cret" not in failed[0]
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["import", "release", "f\ud800.txt"], "file"),
        (["import", "contacts", "f\ud800.csv"], "files"),
        (["db", "init", "f\ud800.db"], "path"),
    ],
)
def test_a_file_name_the_system_cannot_encode_is_refused_naming_the_field(tmp_path, argv, field):
    result = CliRunner().invoke(main, argv, env={"PRESSDESK_HOME": str(tmp_path / "home")})
    assert result.exit_code == 2
    assert result.stderr == f"Error: {field}: is not a file name this system can use.\n"


def test_a_desk_from_another_version_of_pressdesk_is_one_line_naming_its_schema(new_desk_file, tmp_path):
    import sqlite3

    path = new_desk_file("newer.db")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    result = CliRunner().invoke(
        main, ["--db", str(path), "list", "enquiries"], env={"PRESSDESK_HOME": str(tmp_path / "home")}
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: desk: this desk's schema is '0099_from_the_future', which this pressdesk")
    assert result.stderr.count("\n") == 1


LONG = "9" * 3000 + "x"
"""A pasted page where a short value belongs: a refusal quotes its start, never the page."""


@pytest.mark.parametrize(
    ("case", "args", "names"),
    [
        ("a number option", ["list", "enquiries", "--limit", LONG], "limit: "),
        ("a choice", ["list", LONG], "kind: "),
        ("a record id", ["enquiry", "show", LONG], "enquiry id: "),
        ("a command", [LONG], "No such command"),
        ("a version", ["enquiry", "status", "1", "done", "--expect-version", LONG], "expect-version: "),
        ("an extra argument", ["enquiry", "show", "1", LONG + " " + LONG], "unexpected extra argument"),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 30 else "",
)
def test_a_page_given_for_a_short_value_is_refused_quoting_only_its_start(cli, case, args, names):
    result = cli(args)
    assert result.exit_code == 2 and result.stdout == "" and "Traceback" not in result.output, result.output[:600]
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and names in errors[0], result.stderr[:600]
    assert "9" * 40 in errors[0], errors[0]  # what was typed is still recognisable
    assert len(result.stderr) < 400, result.stderr[:600]
