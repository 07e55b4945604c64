"""`pressdesk privacy ...` from the command line: subject access, erasure, purging, telling, do-not-contact, history."""

from __future__ import annotations

import csv
import json
import os
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressdesk.cli import main
from tests.conftest import ON_SERVER, desk_target

IN_THE_FILES = "greps a SQLite desk's own files; a server's files are not the desk's to read (its rows are checked)"
"""Why the tests that grep the desk's files skip on the test server."""
ERASED = (
    "A server database: its files and backups are for its administrator to clean."
    if ON_SERVER
    else "No trace of them is left in the desk file, its WAL or its shared memory."
)
"""What erasing says of the desk's own storage: a file pressdesk cleans, or a server's it cannot."""

EMAIL = "gareth.pryce@hsj.co.uk"
NUMBER = "+442076089900"
NAME = "Gareth Pryce"


def pressdesk(*args: str, **kwargs):
    """Run the CLI as a test officer; returns the click result."""
    return CliRunner().invoke(main, ["--officer", "Test Officer", *args], **kwargs)


def sql(db: str, query: str, *params):
    """Read a desk (file or server) with plain SQL, a `?` for each parameter; the rows."""
    from sqlalchemy import create_engine, text

    numbers = iter(range(len(params)))
    named = re.sub(r"\?", lambda _: f":p{next(numbers)}", query)
    engine = create_engine(db if "://" in db else f"sqlite:///{db}")
    try:
        with engine.connect() as con:
            return [tuple(row) for row in con.execute(text(named), {f"p{n}": v for n, v in enumerate(params)})]
    finally:
        engine.dispose()


def change(path, query: str, **params) -> None:
    """Change a desk behind pressdesk's back (its search triggers need the desk's own connection)."""
    from sqlalchemy import text

    from pressdesk.store import open_desk

    desk = open_desk(path, create=False)
    try:
        with desk.write() as s:
            s.execute(text(query), params)
    finally:
        desk.dispose()


def raw_traces(db: str, *terms: str) -> int:
    """Occurrences of the terms (UTF-8) in the desk file, its WAL and its shared memory, as `grep -c` would see."""
    path, found = Path(db), 0
    for side in ("", "-wal", "-shm"):
        file = path.with_name(path.name + side)
        if file.exists():
            data = file.read_bytes()
            found += sum(data.count(t.encode()) for t in terms)
    return found


@pytest.fixture
def db(desk) -> str:
    """What `--db` takes to reach a private copy of the demo desk, closed so the CLI has it to itself."""
    desk.dispose()
    return desk_target(desk)


@pytest.fixture
def at_terminal(monkeypatch):
    """Someone is at the keyboard to answer the question."""
    monkeypatch.setattr("pressdesk.cli.privacy._on_terminal", lambda: True)


# --- subject access ------------------------------------------------------------------------------


def test_export_writes_everything_held_about_a_person_to_a_private_file(db, tmp_path):
    out = tmp_path / "sar.json"
    result = pressdesk("--db", str(db), "privacy", "export", "--email", EMAIL, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Wrote everything held about 1 person to {out}.\n"
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    held = json.loads(out.read_text(encoding="utf-8"))
    (person,) = held["people"]
    assert person["kind"] == "journalist" and person["details"]["name"] == NAME
    assert {p["value"] for p in person["contact_points"]} >= {EMAIL, NUMBER}
    theirs = sql(db, "SELECT count(*) FROM enquiry WHERE journalist_id = ?", person["id"])[0][0]
    assert len(person["enquiries"]) == theirs > 0


def test_export_to_stdout_by_phone(db):
    result = pressdesk("--db", str(db), "privacy", "export", "--phone", "020 7608 9900 ext. 214", "-o", "-")
    assert result.exit_code == 0, result.output
    assert [p["details"]["name"] for p in json.loads(result.stdout)["people"]] == [NAME]


def test_export_of_nobody_is_refused_and_writes_nothing(db, tmp_path):
    out = tmp_path / "sar.json"
    result = pressdesk("--db", str(db), "privacy", "export", "--email", "nobody@example.org", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == "Error: Nobody on the desk has this email address or number.\n"
    assert not out.exists()


def test_export_needs_exactly_one_way_of_naming_the_person(db):
    result = pressdesk("--db", str(db), "privacy", "export", "--email", EMAIL, "--id", "8", "-o", "-")
    assert result.exit_code == 2
    assert result.stderr == "Error: person: Give one of an email address, a phone number or an id.\n"


def test_exports_that_carry_personal_data_say_so_in_their_help():
    for command in (["privacy", "export"], ["export", "interviews"], ["backup"], ["privacy", "history"]):
        result = pressdesk(*command, "--help")
        assert result.exit_code == 0
        assert "personal data" in " ".join(result.stdout.split()) or "names people" in result.stdout, command


# --- erasure -------------------------------------------------------------------------------------


def test_erase_without_yes_and_nobody_at_a_terminal_is_refused_and_erases_nothing(db):
    result = pressdesk("--db", str(db), "privacy", "erase", "--email", EMAIL)
    assert result.exit_code == 2
    assert result.stderr == "Error: yes: nobody at a terminal to ask; give --yes to go ahead without being asked.\n"
    assert sql(db, "SELECT count(*) FROM journalist WHERE name = ?", NAME) == [(1,)]


def test_erase_at_a_terminal_names_what_will_go_and_a_no_keeps_everything(db, at_terminal):
    (jid,) = sql(db, "SELECT id FROM journalist WHERE name = ?", NAME)[0]
    enquiries = sql(db, "SELECT count(*) FROM enquiry WHERE journalist_id = ?", jid)[0][0]
    result = pressdesk("--db", str(db), "privacy", "erase", "--email", EMAIL, input="n\n")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "This erases 1 person, for good:"
    assert lines[1] == f"journalist #{jid} {NAME}"
    assert lines[2].startswith("  2 contact points removed and put on the do-not-contact list: ")
    assert EMAIL in lines[2] and NUMBER in lines[2]
    assert f"  {enquiries} enquir" in result.stdout
    assert "Erase them? [y/N]: " in result.stdout and lines[-1] == "Nothing was erased."
    assert sql(db, "SELECT count(*) FROM journalist WHERE id = ?", jid) == [(1,)]


def test_erase_at_a_terminal_with_a_yes_erases(db, at_terminal):
    result = pressdesk("--db", str(db), "privacy", "erase", "--email", EMAIL, input="y\n")
    assert result.exit_code == 0, result.output
    assert ERASED in result.stdout
    assert sql(db, "SELECT count(*) FROM journalist WHERE name = ?", NAME) == [(0,)]


@pytest.mark.skipif(ON_SERVER, reason=IN_THE_FILES)
def test_erase_with_yes_leaves_no_byte_of_them_in_the_desk_files_and_keeps_the_figures(db):
    before = sql(db, "SELECT count(*) FROM enquiry")[0][0]
    assert raw_traces(db, NAME, EMAIL, NUMBER) > 0
    result = pressdesk("--db", str(db), "privacy", "erase", "--email", EMAIL, "--yes")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Erased journalist #")
    assert "2 numbers and addresses put on the do-not-contact list" in result.stdout
    assert raw_traces(db, NAME, EMAIL, NUMBER) == 0
    assert sql(db, "SELECT count(*) FROM enquiry")[0][0] == before
    again = pressdesk("--db", str(db), "privacy", "erase", "--email", EMAIL, "--yes")
    assert again.exit_code == 2
    assert again.stderr == "Error: Nobody on the desk has this email address or number.\n"


@pytest.mark.skipif(ON_SERVER, reason=IN_THE_FILES)
def test_erasing_one_of_two_people_with_the_same_name_leaves_no_trace_of_theirs_and_no_false_alarm(db):
    from pressdesk.services import contacts
    from pressdesk.store import open_desk

    desk = open_desk(db, create=False)
    with desk.write() as s:  # another Gareth Pryce, at another paper
        contacts.create_journalist(s, who="Jo", region="GB", name=NAME, outlet="The Other Paper", emails=["gp@op.com"])
    desk.dispose()
    result = pressdesk("--db", str(db), "privacy", "erase", "--email", EMAIL, "--yes")
    assert result.exit_code == 0, result.output
    assert "1 other person on the desk share their name: their own records keep it" in result.stdout
    assert "No trace of them is left" in result.stdout
    assert raw_traces(db, EMAIL, NUMBER) == 0
    assert sql(db, "SELECT count(*) FROM journalist WHERE name = ?", NAME) == [(1,)]


def test_logging_an_erased_number_is_refused_unless_the_officer_overrides(db):
    assert pressdesk("--db", str(db), "privacy", "erase", "--email", EMAIL, "--yes").exit_code == 0
    before = sql(db, "SELECT count(*) FROM enquiry")[0][0]
    call = ["--db", str(db), "log", "--journalist", "G P", "--phone", "020 7608 9900", "--subject", "Back again"]
    refused = pressdesk(*call)
    assert refused.exit_code == 2
    assert refused.stderr == (
        "Error: phone: This number asked not to be contacted (it is on the desk's do-not-contact list).\n"
    )
    assert sql(db, "SELECT count(*) FROM enquiry")[0][0] == before
    kept = pressdesk(*call, "--override-dnc")
    assert kept.exit_code == 0, kept.output
    assert sql(db, "SELECT count(*) FROM enquiry")[0][0] == before + 1
    assert sql(db, "SELECT count(*) FROM contact_point WHERE problem LIKE '%asked not to be contacted%'") == [(1,)]


def test_an_address_put_on_the_do_not_contact_list_is_refused_when_logged(db):
    added = pressdesk("--db", str(db), "privacy", "do-not-contact", "--email", "Object@Example.org")
    assert added.exit_code == 0 and added.stdout == "Added 1 number or address to the do-not-contact list.\n"
    refused = pressdesk(
        "--db", str(db), "log", "--journalist", "O B", "--email", "object@example.org", "--subject", "Hello"
    )
    assert refused.exit_code == 2 and refused.stderr.startswith("Error: email: This email address asked not to be")


def test_do_not_contact_needs_a_number_or_an_address(db):
    result = pressdesk("--db", str(db), "privacy", "do-not-contact")
    assert result.exit_code == 2 and result.stderr.startswith("Error: person: Give the email address or phone")


# --- purge ---------------------------------------------------------------------------------------


def backdate(db, journalist_id: int) -> None:
    """Make a journalist, and every enquiry of theirs, four years old."""
    old = "2022-01-01 09:00:00.000000"
    change(db, "UPDATE journalist SET collected_at = :old, updated_at = :old WHERE id = :id", old=old, id=journalist_id)
    change(
        db,
        "UPDATE enquiry SET received_at = :old, updated_at = :old WHERE journalist_id = :id",
        old=old,
        id=journalist_id,
    )


def test_purge_dry_run_lists_people_gone_quiet_and_changes_nothing(db):
    (jid,) = sql(db, "SELECT id FROM journalist WHERE name = ?", NAME)[0]
    backdate(db, jid)
    result = pressdesk("--db", str(db), "privacy", "purge", "--older-than", "3y", "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 person with no activity since ")
    assert f"  journalist #{jid} {NAME}\n" in result.stdout
    assert result.stdout.endswith("Nothing was changed.\n")
    assert sql(db, "SELECT name FROM journalist WHERE id = ?", jid) == [(NAME,)]


def test_purge_with_yes_anonymises_them(db):
    (jid,) = sql(db, "SELECT id FROM journalist WHERE name = ?", NAME)[0]
    backdate(db, jid)
    result = pressdesk("--db", str(db), "privacy", "purge", "--older-than", "3y", "--yes")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("Anonymised 1 person.\n")
    assert sql(db, "SELECT count(*) FROM journalist WHERE id = ?", jid) == [(0,)]


def test_purge_refuses_an_age_it_cannot_read(db):
    result = pressdesk("--db", str(db), "privacy", "purge", "--older-than", "three years", "--dry-run")
    assert result.exit_code == 2
    assert result.stderr == "Error: older than: Give an age such as 3y, 18m, 6w or 90d.\n"


# --- told within a month -------------------------------------------------------------------------


def test_not_told_lists_people_past_the_month_and_told_takes_them_off(db):
    (jid,) = sql(db, "SELECT id FROM journalist WHERE name = ?", NAME)[0]
    change(
        db, "UPDATE journalist SET collected_at = '2026-01-01 09:00:00.000000', told_at = NULL WHERE id = :id", id=jid
    )
    listed = pressdesk("--db", str(db), "privacy", "not-told", "--json")
    assert listed.exit_code == 0
    assert [(r["kind"], r["id"], r["name"]) for r in json.loads(listed.stdout)] == [("journalist", jid, NAME)]
    told = pressdesk("--db", str(db), "privacy", "told", str(jid), "--how", "email")
    assert told.exit_code == 0 and told.stdout == "Recorded 1 journalist as told.\n"
    after = pressdesk("--db", str(db), "privacy", "not-told")
    assert after.stdout == "Everyone collected more than a month ago has been told.\n"


def test_told_of_someone_not_on_the_desk_is_refused(db):
    result = pressdesk("--db", str(db), "privacy", "told", "999999")
    assert result.exit_code == 2 and result.stderr == "Error: There is no journalist 999999.\n"


# --- the history ---------------------------------------------------------------------------------


def test_history_names_the_officer_for_every_change_in_json_and_csv(db, tmp_path):
    logged = pressdesk("--db", str(db), "log", "--journalist", "Ann Smith", "--phone", "01582 790706", "--subject", "X")
    assert logged.exit_code == 0
    out = tmp_path / "history.csv"
    result = pressdesk("--db", str(db), "privacy", "history", "-o", str(out), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == sql(db, "SELECT count(*) FROM activity")[0][0]
    assert all(r["who"] for r in rows)
    mine = [r["summary"] for r in rows if r["who"] == "Test Officer"]
    assert any("Ann Smith" in summary for summary in mine)
    printed = json.loads(pressdesk("--db", str(db), "privacy", "history").stdout)
    assert [r["who"] for r in printed] == [r["who"] for r in rows]
