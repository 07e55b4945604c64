"""Hostile input, by property: arbitrary text at validation, deadlines, the release reader and every CLI argument.

No crash (only DeskError, FieldError, a clean `Error:` line and exit 2); everything stored is cleaned one way; nothing a
person typed reaches the terminal raw. Examples: a modest number in `make test`, many more with --slow (conftest)."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import example, given
from hypothesis import strategies as st
from sqlmodel import select

from pressdesk import validation
from pressdesk.cli import main
from pressdesk.cli.errors import RecordId
from pressdesk.errors import DeskError, FieldError
from pressdesk.models import Expert, Journalist, PressContact, Release
from pressdesk.models.inputs import EnquiryCreate
from pressdesk.services import contacts, enquiries, intake
from pressdesk.validation.text import clean_text
from tests.conftest import ON_SERVER

NASTY = [
    "\x1b[31m",
    "\x1b[2J\x1b[H",
    "\x1b]0;pwned\x07",
    "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
    "\x9b31m",
    "\x9d0;title\x9c",
    "\x1bP+q\x1b\\",
    "^[[31m",
    "\u202e",
    "\u200f",
    "\u2066",
    "\ufeff",
    "\x00",
    "\r\n",
    "\r",
    "\u2028",
    "\x85",
    "\ud800",
    "\udcff",
    "[bold]",
    "[@click=quit]",
    "%s%n",
    "'; DROP TABLE enquiry;--",
    "+44 20 7946 0000",
    "tomorrow 9am",
    "a@b.co",
    "Ünïcödé Ł",
    "\t",
    "\n",
]
"""Pieces that have broken terminals, parsers and databases elsewhere."""

ANY_CHAR = st.characters(codec=None, exclude_categories=())
"""Every code point, surrogates and controls included."""

hostile = st.one_of(
    st.lists(st.one_of(st.text(ANY_CHAR, max_size=20), st.sampled_from(NASTY)), max_size=8).map("".join),
    st.builds(lambda piece, n: piece * n, st.sampled_from(NASTY + ["x", "é"]), st.integers(200, 30_000)),
)
"""Arbitrary text: random code points mixed with known-nasty pieces, or one piece repeated into a huge string."""

RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What must never reach a terminal from user text: C0 controls but tab and newline, ESC, DEL, C1, bidi overrides."""
INVISIBLE = re.compile("[\u200e\u200f\u061c\u200b\u2060-\u2064\ufeff]")

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


# --- validation -------------------------------------------------------------------------------------------


@given(hostile, st.booleans())
@example("\x1b]0;t\x07Ann\u202e\x9b2J", False)
def test_clean_text_leaves_nothing_raw_and_is_stable(text, multiline):
    cleaned = clean_text(text, multiline=multiline)
    assert not RAW.search(cleaned.replace("\n", "").replace("\t", "") if multiline else cleaned)
    assert not INVISIBLE.search(cleaned)
    assert clean_text(cleaned, multiline=multiline) == cleaned, "cleaning twice changes nothing"
    if not multiline:
        assert "\n" not in cleaned and "\t" not in cleaned


@given(hostile, st.sampled_from(["GB", "US", "DE", "IE", "AU"]))
def test_phone_numbers_are_read_or_refused_never_crash(text, region):
    result = validation.parse_phone(text, region)
    assert result.valid is False or result.e164
    try:
        draft = contacts.phone_draft(text, region=region)
    except FieldError as refused:
        assert refused.field == "phone" and refused.reason
    else:
        assert draft.lookup_key.startswith("+") and draft.lookup_key[1:].isdigit()


@given(hostile)
def test_email_addresses_are_read_or_refused_never_crash(text):
    result = validation.parse_email(text)
    try:
        draft = contacts.email_draft(text)
    except FieldError as refused:
        assert refused.field == "email" and refused.reason
        assert not (result.valid and result.normalized)
    else:
        assert "@" in draft.value and not RAW.search(draft.value)


@given(hostile)
def test_names_are_cleaned_or_refused(text):
    try:
        name = contacts.clean_name(text, "name")
    except FieldError as refused:
        assert refused.field == "name"
    else:
        assert name == clean_text(text) and name and not RAW.search(name)
        assert validation.name_key(name) == validation.name_key(validation.name_key(name))


# --- deadlines --------------------------------------------------------------------------------------------


@given(hostile, st.sampled_from(["Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"]))
@example("25:00", "Europe/London")
@example("+99999999999h", "Europe/London")
def test_deadlines_are_read_inside_the_window_or_refused(text, tz):
    try:
        due = enquiries.parse_deadline(text, tz=tz, now=NOW)
    except FieldError as refused:
        assert refused.field == "deadline" and refused.reason
    else:
        assert due is None or (due.tzinfo is not None and NOW - timedelta(days=1, minutes=1) <= due)
        assert due is None or due <= NOW + timedelta(days=2 * 366 + 1)


# --- the release reader -----------------------------------------------------------------------------------

RELEASE = Path(__file__).resolve().parent.parent / "fixtures" / "releases" / "uk_two_experts_two_contacts.txt"
release_like = st.builds(
    lambda head, middle, tail: head + RELEASE.read_text(encoding="utf-8")[:: max(1, len(middle) % 3 + 1)] + tail,
    hostile,
    hostile,
    hostile,
)


@given(st.one_of(hostile, release_like))
@example("\ud800" * 200)  # a lone surrogate once crashed the write: clean_text now makes it U+FFFD
def test_the_release_reader_reads_or_refuses_and_stores_only_clean_text(empty_desk, text):
    try:
        with empty_desk.write() as s:
            _parsed, outcome = intake.import_release(s, who="Jo", region="GB", tz="Europe/London", text=text)
            release_id = outcome.release.id
    except FieldError as refused:
        assert refused.field in {"release", "title", "body", "name", "email", "phone", "organisation", "source"}
        return
    with empty_desk.read() as s:
        release = s.get(Release, release_id)
        assert release.title == clean_text(release.title)
        assert release.body == clean_text(release.body, multiline=True)
        for person in [*s.exec(select(Expert)), *s.exec(select(PressContact))]:
            assert person.name == clean_text(person.name) and not RAW.search(person.name)


# --- what is stored is cleaned one way --------------------------------------------------------------------


@given(hostile, hostile, hostile, hostile)
def test_a_logged_call_stores_exactly_the_cleaned_text(empty_desk, subject, journalist, outlet, notes):
    with empty_desk.read() as s:  # hypothesis runs every example on one desk: a name may be an earlier example's
        known = set(s.exec(select(Journalist.id)))
    try:
        with empty_desk.write() as s:
            enquiry = enquiries.log_enquiry(
                s,
                EnquiryCreate(subject=subject, journalist=journalist, outlet=outlet, notes=notes),
                who="Jo",
                region="GB",
                tz="Europe/London",
                now=NOW,
            )
            stored_subject, stored_notes = enquiry.subject, enquiry.notes
            name = s.get(Journalist, enquiry.journalist_id).name
    except DeskError:
        return
    assert stored_subject == clean_text(subject)
    assert stored_notes == clean_text(notes, multiline=True)
    if enquiry.journalist_id in known:  # the call went to the journalist of that name (accents and case aside)
        assert contacts.name_fits(clean_text(journalist), name), (journalist, name)
    else:
        assert name == clean_text(journalist)


# --- every CLI argument -----------------------------------------------------------------------------------


def leaf_commands(group: click.Group, path: tuple[str, ...] = ()):
    """(path, command) of every command under the group, the lazily imported ones too."""
    ctx = click.Context(group)
    for name in sorted(group.list_commands(ctx)):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            yield from leaf_commands(command, (*path, name))
        else:
            yield (*path, name), command


ARGUMENT_SLOTS = [
    (path, param.name)
    for path, command in leaf_commands(main)
    for param in command.params
    if not (isinstance(param, click.Option) and (param.is_flag or param.count)) and param.name != "help"
] + [((), name) for name in ("db", "region", "officer")]
"""Every (command, parameter that takes a value) of the command line, and the options every command takes."""

FILLERS = {
    "at": "tomorrow 10am",
    "fmt": "radio",
    "status": "triaged",
    "when": "+2h",
    "text": "a note",
    "officer": "Jo",
}


def filler(param: click.Parameter, folder: Path) -> str:
    """A plausible value for a required parameter."""
    kind = param.type
    if isinstance(kind, RecordId):
        return "1"
    if isinstance(kind, click.IntRange):
        return str(kind.min or 1)
    if isinstance(kind, click.Choice):
        return str(kind.choices[0])
    if isinstance(kind, click.Path):
        return str(RELEASE)
    if param.name == "output":
        return str(folder / "out.ics")
    return FILLERS.get(param.name or "", "x")


def argv_for(path: tuple[str, ...], name: str, value: str, folder: Path, desk: str) -> list[str]:
    """The command line with `value` in the parameter `name` and plausible values in the other required ones."""
    pathlike = name in ("db", "output", "path", "file", "files", "to", "from_")  # never a file outside the folder
    if pathlike:  # keep whatever a path names inside the test's folder
        value = str(folder / ("f" + value.replace("/", "_").replace("\x00", "")[:200]))
    head = ["--db", value if name == "db" else desk]
    if not path:
        return [*head, f"--{name}", value, "list", "enquiries"]
    command = main
    for part in path:
        command = command.commands[part]
    args: list[str] = []
    for param in command.params:
        chosen = param.name == name
        if not chosen and not param.required:
            continue
        given_value = value if chosen else filler(param, folder)
        if isinstance(param, click.Argument):
            args.append(given_value)
        else:
            args += [max(param.opts, key=len), given_value]
    return [*head, *path, *args]


@pytest.fixture(scope="module")
def cli_desk(tmp_path_factory, request) -> tuple[Path, str]:
    """A folder for the command-line examples and what `--db` takes to reach the demo desk they run against (a file
    in the folder, or its copy on the test server; module-wide: hypothesis calls the test many times)."""
    folder = tmp_path_factory.mktemp("cli")
    shutil.copy(request.getfixturevalue("recent_demo")(), folder / "desk.db")  # the demo as loaded at the clock
    if ON_SERVER:  # this module's own copy: nothing else asks for this file
        return folder, request.getfixturevalue("server_copies")(folder / "desk.db")
    return folder, str(folder / "desk.db")


@given(st.sampled_from(ARGUMENT_SLOTS), hostile)
@example(slot=(("contacts", "archive"), "person_id"), value="-0")  # read as an option: click's usage error
def test_every_cli_argument_takes_hostile_text_without_a_crash_or_a_raw_byte(cli_desk, slot, value):
    path, name = slot
    folder, desk = cli_desk
    argv = argv_for(path, name, value, folder, desk)
    result = CliRunner().invoke(main, argv, env={"PRESSDESK_HOME": str(folder / "home")})
    crash = result.exception if not isinstance(result.exception, SystemExit) else None
    assert crash is None, f"{argv!r}: {type(crash).__name__}: {crash}"
    assert result.exit_code in (0, 1, 2), (argv, result.exit_code, result.stderr)
    if result.exit_code == 2:  # one line saying what is wrong, last; before it at most click's usage block (a value
        lines = result.stderr.splitlines()  # like "-0" is read as an option) or a progress label
        errors = [line for line in lines if line.startswith("Error: ")]
        assert len(lines) <= 4 and len(errors) == 1 and lines[-1] == errors[0], (argv, result.stderr)
    for stream in (result.stdout, result.stderr):
        assert not RAW.search(stream.replace("\t", "")), (argv, stream[:500])


def test_the_cli_slots_cover_every_command():
    covered = {path for path, _name in ARGUMENT_SLOTS}
    assert {("log",), ("import", "release"), ("enquiry", "note"), ("experts", "edit"), ("db", "init")} <= covered
