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


FIRST_PAGE = """
import sys
from pressdesk.store import open_desk
from pressdesk.tui import app as tui_app
from pressdesk.tui.screens import desk as desk_screen

open_desk(sys.argv[1]).dispose()
seen = []
_show = desk_screen.DeskScreen._show_page


def _show_page(self, page):
    seen.append("dateparser" in sys.modules)
    _show(self, page)


desk_screen.DeskScreen._show_page = _show_page
App = tui_app.PressDeskApp


def warm_backend(self):
    def then():
        self.backend.warm()
        seen.append("dateparser" in sys.modules)
        self.call_from_thread(self.exit)

    self.run_worker(then, thread=True)


App.warm_backend = warm_backend
_run = App.run
App.run = lambda self, *a, **k: _run(self, headless=True, size=(100, 30))
from pressdesk.__main__ import main

try:
    main(["--db", sys.argv[1]])
except SystemExit:
    pass
print(seen)
"""


def test_the_first_desk_page_does_not_wait_for_the_date_reader_which_loads_after_it(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAGE, str(tmp_path / "d.db")], capture_output=True, text=True, timeout=120
    )
    # two pages: the one read early from the file, then the core's; neither waits for dateparser, loaded after them
    assert done.stdout.strip() == "[False, False, True]", done.stdout + done.stderr
