"""Nothing from a file or a person reaches the terminal as an escape code: output, errors and JSON are cleaned."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressdesk.cli import main
from pressdesk.cli.output import terminal_safe, to_json
from tests.conftest import desk_target

RELEASES = Path(__file__).resolve().parent.parent / "fixtures" / "releases"
OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"  # writes "rm -rf ~" to the clipboard
TITLE = "\x1b]0;pwned\x07"  # sets the window title
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # any control character but TAB and LF


def evil_release(tmp_path: Path) -> Path:
    """A real release with a clipboard write and a window title in its headline, CSI colours and C1 codes."""
    text = (RELEASES / "uk_two_experts_two_contacts.txt").read_text(encoding="utf-8")
    text = text.replace("Cleaner buses cut roadside", f"Cleaner buses{OSC52} cut{TITLE} roadside")
    text = text.replace("Dr Priya Raman, Reader", "Dr Priya \x1b[31mRaman\x1b[0m, Reader")
    text = text.replace("Joanna Fletcher\n", "Joanna \x9d0;title\x9c Fletcher\n")
    path = tmp_path / "evil.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def cli(desk):
    """Run pressdesk on a copy of the demo desk."""

    def run(*args: str, input: bytes | None = None):
        return CliRunner().invoke(main, ["--db", desk_target(desk), *args], input=input)

    return run


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_release_with_escape_codes_prints_clean(cli, tmp_path, dry_run):
    result = cli("import", "release", str(evil_release(tmp_path)), *(["--dry-run"] if dry_run else []))
    assert result.exit_code == 0, result.output
    assert not UNSAFE.search(result.output), ascii(result.output)
    assert "Title:    Cleaner buses cut roadside pollution" in result.stdout


def test_json_escapes_every_control_character(cli, tmp_path):
    result = cli("import", "release", str(evil_release(tmp_path)), "--dry-run", "--json")
    assert result.exit_code == 0
    assert not UNSAFE.search(result.stdout), ascii(result.stdout)
    json.loads(result.stdout)  # still valid JSON


def test_json_keeps_the_text_it_escapes():
    data = {"name": "Zoë \x1b[31m\x9b2J\x7f\u2028 end", "bytes": "caf\udce9"}
    text = to_json(data)
    assert not UNSAFE.search(text) and "\u2028" not in text
    assert json.loads(text)["name"] == data["name"]
    assert text.encode("utf-8")  # a lone surrogate is escaped, so the JSON can be written out


@pytest.mark.parametrize(
    "args",
    [
        ["log", "--phone", "01582 790706", "--subject", "x", "--type", f"gossip{TITLE}"],
        ["list", f"enquiries{OSC52}"],
        ["list", "enquiries", f"--bogus{OSC52}"],
        ["experts", "edit", f"Nobody{TITLE}", "--topics", "x"],
        ["import", "release", f"/no/such/file{OSC52}.txt"],
        ["route", f"12{TITLE}", "--suggest"],
    ],
)
def test_error_messages_that_echo_a_value_are_clean(cli, args):
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(("Error: ", "Usage: "))
    assert not UNSAFE.search(result.output), ascii(result.output)


def test_listing_names_with_escape_codes_are_clean(cli):
    logged = cli("log", "--journalist", f"Eve{OSC52} Evans", "--phone", "020 7946 0999", "--subject", f"Hi{TITLE}")
    assert logged.exit_code == 0 and not UNSAFE.search(logged.output)
    listed = cli("list", "enquiries", "--all")
    assert not UNSAFE.search(listed.output) and "Eve Evans" in listed.stdout


def test_a_release_over_2_mb_is_refused(cli, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Title\n\n" + "A sentence of a very long release.\n" * 70_000, encoding="utf-8")
    for result in (cli("import", "release", str(big)), cli("import", "release", "-", input=big.read_bytes())):
        assert result.exit_code == 2
        assert "over 2 MB" in result.stderr and result.stderr.startswith("Error: file: ")


def test_a_release_with_nul_bytes_is_refused(cli, tmp_path):
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"Title\n\nFor immediate release.\x00\x00\x00\n")
    result = cli("import", "release", str(nul))
    assert result.exit_code == 2
    assert result.stderr == f"Error: file: {nul} has NUL bytes; it is not a plain-text file.\n"


def test_terminal_safe_keeps_lines_and_indents_and_drops_escapes():
    text = f"Title:  A{OSC52}B\n  - reason \x1b[1mbold\x1b[0m\n\tnext \x9b31m caf\udce9"
    assert terminal_safe(text) == "Title:  AB\n  - reason bold\nnext  caf\ufffd"
