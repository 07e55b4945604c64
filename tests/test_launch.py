"""`pressdesk` with only desk options opens the TUI without loading the command line's framework; anything else
still goes to the command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pressdesk.__main__ import tui_options

CHILD = """
import sys
from pressdesk.tui import app as tui_app

def run(settings, *, target=None, demo=False):
    print("TUI", target, demo, settings.region, "click" in sys.modules)
    return 0

tui_app.run = run
from pressdesk.__main__ import main
main(sys.argv[1:])
"""


def launch(*argv: str, env: dict | None = None) -> str:
    """What a fresh `pressdesk ARGV` prints, with the TUI replaced by a line saying how it was asked to open."""
    done = subprocess.run([sys.executable, "-c", CHILD, *argv], capture_output=True, text=True, env=env, timeout=60)
    return done.stdout + done.stderr


def test_opening_a_desk_starts_the_tui_without_click(tmp_path):
    desk = tmp_path / "d.db"
    out = launch("--db", str(desk), "--region", "IE")
    assert out.strip() == f"TUI {desk} False IE False", out


def test_a_subcommand_still_goes_to_the_command_line(tmp_path):
    out = launch("--db", str(tmp_path / "d.db"), "--help")
    assert "Usage:" in out and "TUI" not in out, out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], {"demo": False}),
        (["--demo"], {"demo": True}),
        (["--db=x.db", "--officer", "Ann Lee"], {"demo": False, "db": "x.db", "officer": "Ann Lee"}),
        (["--db", "a", "--db", "b"], None),
        (["--db"], None),
        (["list"], None),
        (["--version"], None),
    ],
)
def test_only_desk_options_take_the_short_way(argv, expected):
    assert tui_options(argv) == expected
