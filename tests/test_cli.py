"""The command line as a press officer uses it: validate, log, list, demo, db."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from pressdesk.cli import main

SEED_FORMS = [
    "+44 (0)1582 790 706",
    "01582 790706",
    "0044 1582 790706",
    "tel:+44-1582-790706",
    "０１５８２ ７９０７０６",
    "٠١٥٨٢٧٩٠٧٠٦",
]


@pytest.fixture
def run(migrated, desk_copy):
    """Invoke the CLI on a throwaway desk (file or server); returns (exit code, stdout, stderr)."""
    db = desk_copy(migrated, "cli.db")  # a named desk must exist: commands never create one by themselves

    def invoke(*args: str):
        result = CliRunner().invoke(main, ["--db", db, "--officer", "Test Officer", *args])
        return result.exit_code, result.stdout, result.stderr

    return invoke


@pytest.mark.parametrize("form", SEED_FORMS)
def test_validate_phone_reads_every_form_of_the_seed_number(run, form):
    code, out, _ = run("validate", "phone", form, "--json")
    data = json.loads(out)
    assert code == 0
    assert data["e164"] == "+441582790706" and data["valid"] is True
    assert set(data) == {"valid", "e164", "international", "national", "extension", "region", "kind", "error"}


def test_validate_phone_extension_and_invalid(run):
    code, out, _ = run("validate", "phone", "020 7946 1234 ext. 214", "--json")
    assert code == 0 and json.loads(out)["extension"] == "214"
    code, out, _ = run("validate", "phone", "07700 900123", "--json")
    data = json.loads(out)
    assert code == 1 and data["valid"] is False and data["error"]
    code, out, _ = run("validate", "phone", "(202) 456-1414", "--region", "US", "--json")
    assert code == 0 and json.loads(out)["e164"] == "+12024561414"


def test_validate_email_offline(run):
    code, out, _ = run("validate", "email", "  Jamie@BlueSky-PR.com ", "--json")
    data = json.loads(out)
    assert code == 0 and data["normalized"] == "Jamie@bluesky-pr.com"
    assert set(data) == {"valid", "normalized", "ascii", "error"}
    code, out, _ = run("validate", "email", "jamie at bluesky", "--json")
    assert code == 1 and json.loads(out)["error"]


def count(run) -> int:
    """Enquiries on the desk."""
    return len(json.loads(run("list", "enquiries", "--json", "--limit", "100000")[1]))


def test_log_then_find_caller_in_another_format(run):
    code, out, _ = run(
        "log",
        "--journalist",
        "Ann Smith",
        "--outlet",
        "The Times",
        "--phone",
        "01582 790706",
        "--subject",
        "Comment on IS-K",
        "--type",
        "comment",
        "--deadline",
        "+2h",
        "--json",
    )
    first = json.loads(out)
    assert code == 0 and first["id"] and first["phones"] == ["+441582790706"]
    code, out, _ = run("log", "--phone", "+44 (0)1582 790 706", "--subject", "Follow-up", "--type", "data", "--json")
    second = json.loads(out)
    assert code == 0 and second["journalist_id"] == first["journalist_id"] and second["outlet"] == "The Times"
    people = json.loads(run("list", "journalists", "--json")[1])
    assert len(people) == 1


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--phone", "07700 900123"], "phone"),
        (["--phone", "01582 790706", "--email", "ann@@times"], "email"),
        (["--phone", "01582 790706", "--deadline", "blursday"], "deadline"),
        (["--phone", "01582 790706", "--type", "gossip"], "type"),
        (["--phone", "01582 790706", "--subject", "   "], "subject"),
        (["--phone", "01582 790706", "--release", "999"], "release"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(run, args, field):
    run("log", "--journalist", "Ann Smith", "--phone", "020 3353 4187", "--subject", "Seed", "--type", "comment")
    before = count(run)
    base = {"--journalist": "New Person", "--subject": "Something", "--type": "comment"}
    for flag, value in zip(args[::2], args[1::2], strict=True):
        base[flag] = value
    code, _, err = run("log", *[x for kv in base.items() for x in kv])
    assert code != 0
    assert f"{field}:" in err
    assert count(run) == before
    assert len(json.loads(run("list", "journalists", "--json")[1])) == 1


def test_unknown_caller_without_name_is_refused(run):
    code, _, err = run("log", "--phone", "01582 790706", "--subject", "Hello")
    assert code != 0 and "journalist:" in err and count(run) == 0


def test_list_filters_and_json_rows(run):
    run("demo")
    rows = json.loads(run("list", "enquiries", "--overdue", "--json")[1])
    assert rows and all(r["status"] in {"new", "triaged", "routed", "scheduled"} for r in rows)
    assert {"id", "journalist", "outlet", "emails", "phones", "status", "deadline"} <= set(rows[0])
    assert all(p.startswith("+") for r in rows for p in r["phones"])
    experts = json.loads(run("list", "experts", "--text", "Taliban", "--json")[1])
    assert [e["name"] for e in experts] == ["Antonio Giustozzi"]
    releases = json.loads(run("list", "releases", "--json")[1])
    assert any(r["issued_on"] == "2024-02-13" for r in releases)


def test_demo_only_into_an_empty_desk(run):
    code, out, _ = run("demo")
    assert code == 0 and "38 enquiries" in out
    code, _, err = run("demo")
    assert code != 0 and "already has enquiries" in err


def test_db_status_and_upgrade(run):
    code, out, _ = run("db", "upgrade")
    assert code == 0
    code, out, _ = run("db", "status", "--json")
    data = json.loads(out)
    assert data["current"] == data["head"] and data["pending"] == []


def test_python_dash_m_runs_the_cli(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "pressdesk", "--db", str(tmp_path / "m.db"), "validate", "email", "a@b.org"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0 and "valid" in out.stdout


def test_the_officer_is_cleaned_and_held_to_its_length(migrated, desk_copy):
    db = desk_copy(migrated, "cli.db")
    log = ["log", "--journalist", "Ann Smith", "--phone", "01582 790706", "--subject", "IS-K", "--json"]
    result = CliRunner().invoke(main, ["--db", db, "--officer", "\x1b[31mJo\x1b[0m Bloggs", *log])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["officer"] == "Jo Bloggs"
    assert history_names(db) == {"Jo Bloggs"}
    too_long = CliRunner().invoke(main, ["--db", db, "--officer", "o" * 130_000, *log])
    assert too_long.exit_code == 2
    assert too_long.stderr == (
        "Error: officer: keep the officer's name to 120 characters or fewer (it has 130,000) (set by --officer).\n"
    )
    assert count(lambda *a: (0, CliRunner().invoke(main, ["--db", db, *a]).stdout)) == 1


def history_names(db: str) -> set[str]:
    """Who the desk's history says made each change."""
    from sqlmodel import select

    from pressdesk.models import Activity, Enquiry
    from pressdesk.store import open_desk

    desk = open_desk(db)
    try:
        with desk.read() as s:
            return set(s.exec(select(Activity.who))) | set(s.exec(select(Enquiry.updated_by)))
    finally:
        desk.dispose()


def test_help_lists_every_command_though_each_loads_only_when_run():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    listed = {line.split()[0] for line in result.stdout.split("Commands:")[1].splitlines() if line.strip()}
    expected = {
        "contacts",
        "coverage",
        "db",
        "demo",
        "enquiry",
        "experts",
        "export",
        "import",
        "interview",
        "list",
        "log",
    }
    assert listed == expected | {"backup", "officers", "privacy", "report", "restore", "route", "statement", "validate"}
    nested = CliRunner().invoke(main, ["import", "--help"])
    assert nested.exit_code == 0 and "release" in nested.stdout
