"""`pressdesk enquiry ...` has the TUI's powers over an enquiry; --expect-version makes concurrent edits safe."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from pressdesk.cli import main
from pressdesk.core import Backend
from tests.at_once import run_at_once
from tests.conftest import desk_target


@pytest.fixture
def cli(desk):
    """Run pressdesk as officer Jo on a copy of the frozen demo desk; returns the click result."""

    def run(*args: str):
        return CliRunner().invoke(main, ["--db", desk_target(desk), "--officer", "Jo", *args])

    return run


def enquiry(cli, enquiry_id: int) -> dict:
    """The enquiry with its history, as `enquiry show --json` gives it."""
    result = cli("enquiry", "show", str(enquiry_id), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def an_open_enquiry(cli, status: str = "new") -> dict:
    """An enquiry of the demo desk in this status."""
    rows = json.loads(cli("list", "enquiries", "--status", status, "--json", "--all").stdout)
    return rows[0]


def test_status_moves_the_enquiry_bumps_its_version_and_records_who(cli):
    row = an_open_enquiry(cli)
    result = cli("enquiry", "status", str(row["id"]), "triaged", "--json")
    assert result.exit_code == 0, result.output
    moved = json.loads(result.stdout)
    assert moved["status"] == "triaged" and moved["version"] == row["version"] + 1
    last = enquiry(cli, row["id"])["history"][-1]
    assert last["who"] == "Jo" and "triaged" in last["summary"]


def test_an_illegal_move_is_refused_and_changes_nothing(cli):
    row = an_open_enquiry(cli)
    result = cli("enquiry", "status", str(row["id"]), "scheduled")
    assert result.exit_code == 2 and result.stderr.startswith("Error: ")
    assert enquiry(cli, row["id"])["row"]["version"] == row["version"]


def test_a_stale_expected_version_is_refused_and_changes_nothing(cli):
    row = an_open_enquiry(cli)
    first = cli("enquiry", "assign", str(row["id"]), "Priya", "--expect-version", str(row["version"]))
    assert first.exit_code == 0, first.output
    stale = cli("enquiry", "assign", str(row["id"]), "Sam", "--expect-version", str(row["version"]))
    assert stale.exit_code == 2
    assert stale.stderr.startswith(f"Error: expect-version: enquiry {row['id']} is now at version {row['version'] + 1}")
    assert enquiry(cli, row["id"])["row"]["officer"] == "Priya"


def test_assign_note_deadline_edit_and_done(cli):
    eid = str(an_open_enquiry(cli)["id"])
    assert json.loads(cli("enquiry", "assign", eid, "Priya Shah", "--json").stdout)["officer"] == "Priya Shah"
    assert json.loads(cli("enquiry", "assign", eid, "", "--json").stdout)["officer"] == ""
    noted = json.loads(cli("enquiry", "note", eid, "Called back, left a message", "--json").stdout)
    assert noted["notes"].endswith("Jo] Called back, left a message")
    day = (date.today() + timedelta(days=40)).isoformat()  # within a deadline's two years, whenever this runs
    due = json.loads(cli("enquiry", "deadline", eid, f"{day} 16:00", "--json").stdout)
    assert due["deadline"].startswith(f"{day}T1")  # 16:00 in London is 16:00 or 15:00 UTC
    assert json.loads(cli("enquiry", "deadline", eid, "", "--json").stdout)["deadline"] is None
    edited = cli("enquiry", "edit", eid, "--subject", "New angle", "--type", "data", "--priority", "high", "--json")
    assert edited.exit_code == 0, edited.output
    assert {k: json.loads(edited.stdout)[k] for k in ("subject", "type", "priority")} == {
        "subject": "New angle",
        "type": "data",
        "priority": "high",
    }
    closed = cli("enquiry", "done", eid)
    assert closed.exit_code == 0 and f"Enquiry {eid} closed" in closed.stdout
    assert enquiry(cli, int(eid))["row"]["status"] == "done"


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["edit", "ID", "--deadline", "blursday"], "deadline:"),
        (["edit", "ID", "--type", "gossip"], "type:"),
        (["edit", "ID", "--subject", " "], "subject:"),
        (["edit", "ID"], "edit:"),
        (["deadline", "ID", "banana"], "deadline:"),
        (["note", "ID", "  "], "note:"),
        (["status", "ID", "bogus"], "status"),
        (["status", "99999", "done"], "There is no enquiry 99999"),
    ],
)
def test_bad_values_are_one_line_and_change_nothing(cli, args, field):
    row = an_open_enquiry(cli)
    result = cli("enquiry", *[str(row["id"]) if a == "ID" else a for a in args])
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1 and field in result.stderr
    after = enquiry(cli, row["id"])["row"]
    assert after["version"] == row["version"] and after["subject"] == row["subject"]


def test_the_cli_and_the_tui_backend_act_through_the_same_services(desk, settings, cli):
    row = an_open_enquiry(cli)
    Backend(desk, settings).change_status(row["id"], "triaged", row["version"])
    refused = cli("enquiry", "status", str(row["id"]), "routed", "--expect-version", str(row["version"]))
    assert refused.exit_code == 2 and "saved by Test Officer" in refused.stderr
    summaries = [h["summary"] for h in enquiry(cli, row["id"])["history"]]
    assert sum("triaged" in s for s in summaries) == 1


def run_cli_at_once(tmp_path, argvs):
    """pressdesk run in several processes at the same moment."""
    return run_at_once(
        tmp_path, argvs, prepare="from pressdesk.cli import main", act="main(args, prog_name='pressdesk')"
    )


def test_two_processes_editing_one_enquiry_from_the_same_version_make_one_winner(cli, desk, tmp_path):
    row = an_open_enquiry(cli)
    base = ["--db", desk_target(desk), "enquiry"]
    version = ["--expect-version", str(row["version"])]
    results = run_cli_at_once(
        tmp_path,
        [[*base, "assign", str(row["id"]), "Priya", *version], [*base, "deadline", str(row["id"]), "+3h", *version]],
    )
    assert sorted(r.returncode for r in results) == [0, 2], [r.stderr for r in results]
    loser = next(r for r in results if r.returncode)
    assert "expect-version:" in loser.stderr and "Traceback" not in loser.stderr
    assert enquiry(cli, row["id"])["row"]["version"] == row["version"] + 1


def test_two_processes_editing_one_expert_from_the_same_version_make_one_winner(cli, desk, tmp_path):
    expert = json.loads(cli("list", "experts", "--json", "--limit", "1").stdout)[0]
    base = ["--db", desk_target(desk), "experts", "edit", str(expert["id"]), "--expect-version", str(expert["version"])]
    results = run_cli_at_once(tmp_path, [[*base, "--topics", "alpha"], [*base, "--topics", "beta"]])
    assert sorted(r.returncode for r in results) == [0, 2], [r.stderr for r in results]
    winner = next(r for r in results if r.returncode == 0)
    after = json.loads(cli("list", "experts", "--json", "--limit", "1").stdout)[0]
    assert after["version"] == expert["version"] + 1
    assert after["detail"]["topics"] == ("alpha" if "alpha" in winner.args else "beta")


def test_experts_edit_refuses_a_stale_version(cli):
    expert = json.loads(cli("list", "experts", "--json", "--limit", "1").stdout)[0]
    stale = str(expert["version"] - 1 or 99)
    result = cli("experts", "edit", str(expert["id"]), "--topics", "x", "--expect-version", stale)
    assert result.exit_code == 2 and result.stderr.startswith("Error: expect-version: expert ")
    assert json.loads(cli("list", "experts", "--json", "--limit", "1").stdout)[0] == expert
