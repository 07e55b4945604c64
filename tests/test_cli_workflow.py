"""The workflow from the command line: import a release, route, interview, export ICS, statements, coverage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from freezegun import freeze_time
from icalendar import Calendar
from sqlalchemy import func
from sqlmodel import select

from pressdesk.cli import main
from pressdesk.models import Coverage, Expert, PressContact, Release
from pressdesk.store import open_desk
from tests.conftest import DEMO_NOW

SEED = Path(__file__).resolve().parent.parent / "src" / "pressdesk" / "demo_data" / "seeds" / "000_2f8c44cf61530ba6.txt"

DONE_WHEN = {
    "title": "Taliban struggling to crush Islamic State in Khorasan, LSE report reveals",
    "date": "2024-02-13",
    "embargo": None,
    "issuer": ["BlueSky Education"],
    "experts": [
        {
            "name": "Dr Antonio Giustozzi",
            "title": "Visiting Fellow",
            "affiliation": "LSE IDEAS",
            "source": "offered",
            "email": None,
            "phones": [],
        }
    ],
    "press_contacts": [
        {
            "name": "Jamie Hose",
            "organisation": "BlueSky Education",
            "role": None,
            "email": "jamie@bluesky-pr.com",
            "phones": ["+441582790706"],
            "phone_labels": {},
        }
    ],
}


@pytest.fixture
def demo_db(template, desk_copy) -> str:
    """A private copy of the demo desk: what `--db` takes to reach it (a file, or a database on the test server)."""
    return desk_copy(template, "demo.db")


@pytest.fixture
def clock():
    """The command line's clock, started at the moment the demo desk was loaded (it ticks on from there)."""
    with freeze_time(DEMO_NOW, tick=True) as frozen:
        yield frozen


@pytest.fixture
def cli(tmp_path, monkeypatch, clock):
    """Run pressdesk with a desk path, as officer Jo on a GB desk in London, on the demo desk's clock."""
    monkeypatch.setenv("PRESSDESK_HOME", str(tmp_path / "home"))
    runner = CliRunner()

    def run(db: str, *args: str):
        env = {"PRESSDESK_OFFICER": "Jo", "PRESSDESK_REGION": "GB", "PRESSDESK_TIMEZONE": "Europe/London"}
        return runner.invoke(main, ["--db", str(db), *args], env=env, catch_exceptions=False)

    return run


@pytest.fixture
def new_desk(migrated, desk_copy) -> str:
    """An empty desk (file or server): commands never create a named desk by themselves."""
    return desk_copy(migrated)


def count(db: str, model) -> int:
    """How many rows of a table the desk holds."""
    desk = open_desk(db)
    try:
        with desk.read() as s:
            return s.exec(select(func.count()).select_from(model)).one()
    finally:
        desk.dispose()


def test_import_release_json_gives_the_done_when_values(cli, new_desk, tmp_path):
    db = new_desk
    result = cli(db, "import", "release", str(SEED), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {k: data[k] for k in DONE_WHEN} == DONE_WHEN
    assert data["stored"] is True and data["release_id"] == 1
    assert data["created"] == [
        "release Taliban struggling to crush Islamic State in Khorasan, LSE report reveals",
        "expert Antonio Giustozzi",
        "press contact Jamie Hose",
    ]
    assert (count(db, Release), count(db, Expert), count(db, PressContact)) == (1, 1, 1)
    again = json.loads(cli(db, "import", "release", str(SEED), "--json").stdout)
    assert again["created"] == [] and again["matched"][0].startswith("release Taliban")
    assert count(db, Release) == 1


def test_import_release_dry_run_writes_nothing(cli, new_desk, tmp_path):
    db = new_desk
    result = cli(db, "import", "release", str(SEED), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Dry run: nothing was stored." in result.stdout
    assert "Would create: release Taliban struggling" in result.stdout
    assert "Expert:   Dr Antonio Giustozzi (Visiting Fellow, LSE IDEAS)" in result.stdout
    data = json.loads(cli(db, "import", "release", str(SEED), "--dry-run", "--json").stdout)
    assert {k: data[k] for k in DONE_WHEN} == DONE_WHEN and data["stored"] is False and data["release_id"] is None
    assert (count(db, Release), count(db, Expert), count(db, PressContact)) == (0, 0, 0)


def test_import_release_bad_input_fails_cleanly(cli, new_desk, tmp_path):
    db = new_desk
    missing = cli(db, "import", "release", str(tmp_path / "nope.txt"))
    assert missing.exit_code != 0 and "file:" in missing.stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    result = cli(db, "import", "release", str(empty))
    assert result.exit_code != 0 and result.stderr.startswith("Error: release:")
    assert count(db, Release) == 0


def test_done_when_flow_from_the_command_line(cli, demo_db, tmp_path, clock):
    logged = cli(
        demo_db,
        "log",
        "--phone",
        "07823 418 562",
        "--subject",
        "Interview: IS-K and the Taliban, what next?",
        "--type",
        "interview",
        "--deadline",
        "+3d",
        "--release",
        "1",
        "--json",
    )
    assert logged.exit_code == 0, logged.output
    eid = str(json.loads(logged.stdout)["id"])

    ranked = cli(demo_db, "route", eid, "--suggest", "--json")
    assert ranked.exit_code == 0, ranked.output
    suggestions = json.loads(ranked.stdout)
    assert suggestions[0]["expert"]["name"] == "Antonio Giustozzi"
    assert set(suggestions[0]) == {"expert", "score", "reasons", "warnings"}
    assert any(r.startswith("Topics match: ") and "IS-K" in r for r in suggestions[0]["reasons"])
    text = cli(demo_db, "route", eid, "--suggest").stdout
    assert " 1. Dr Antonio Giustozzi (expert 1)" in text and "Requests in the last 30 days:" in text

    routed = cli(demo_db, "route", eid, "--expert", "Dr Antonio Giustozzi", "--json", "--force")  # at his limit
    assert routed.exit_code == 0, routed.output
    route = json.loads(routed.stdout)
    assert route["status"] == "routed" and route["expert"]["name"] == "Antonio Giustozzi"
    rid = str(route["request_id"])

    assert cli(demo_db, "interview", "accept", rid).exit_code == 0
    scheduled = cli(
        demo_db, "interview", "schedule", rid, "--at", "2026-12-03 09:30", "--format", "TV", "--place", "Studio B"
    )
    assert scheduled.exit_code == 0, scheduled.output
    assert "scheduled: tv, Thu 03 Dec 2026 09:30-10:00" in scheduled.stdout

    ics = tmp_path / "interviews.ics"
    exported = cli(demo_db, "export", "interviews", "--format", "ics", "-o", str(ics))
    assert exported.exit_code == 0 and "Wrote 4 scheduled interviews to" in exported.stdout  # 3 from the demo
    (event,) = [
        e for e in Calendar.from_ical(ics.read_bytes()).walk("VEVENT") if str(e["UID"]) == f"interview-{rid}@pressdesk"
    ]
    assert event.decoded("DTSTART").isoformat() == "2026-12-03T09:30:00+00:00"
    assert str(event["SUMMARY"]) == "Interview: Dr Antonio Giustozzi with Sam (Samantha) Reid (The Guardian)"

    done = cli(demo_db, "interview", "done", rid)
    assert done.exit_code == 0 and f"enquiry {eid} is done" in done.stdout

    clock.move_to("2026-12-04 10:00")  # the morning after the interview ran
    demo_coverage = count(demo_db, Coverage)
    bad = cli(demo_db, "coverage", "add", eid, "--url", "guardian.com/isk", "--headline", "IS-K")
    assert bad.exit_code != 0 and "url:" in bad.stderr
    assert count(demo_db, Coverage) == demo_coverage, "nothing written"
    good = cli(
        demo_db,
        "coverage",
        "add",
        eid,
        "--url",
        "https://www.theguardian.com/world/2026/dec/03/isk",
        "--date",
        "yesterday",
        "--headline",
        "IS-K is down but not out",
    )
    assert good.exit_code == 0, good.output
    listed = json.loads(cli(demo_db, "coverage", "list", eid, "--json").stdout)
    assert [(c["outlet"], c["published_on"]) for c in listed] == [("The Guardian", "2026-12-03")]


def test_decline_from_the_command_line_shows_the_next_suggestions(cli, demo_db):
    routed = json.loads(cli(demo_db, "route", "1", "--expert", "1", "--force", "--json").stdout)
    result = cli(demo_db, "interview", "decline", str(routed["request_id"]), "--reason", "Away", "--json")
    assert result.exit_code == 0, result.output
    names = [s["expert"]["name"] for s in json.loads(result.stdout)]
    assert names and "Antonio Giustozzi" not in names
    assert "triaged" in cli(demo_db, "list", "enquiries", "--status", "triaged", "--text", "IS-K resilience").stdout


def test_route_past_a_hard_warning_needs_force_and_asked_experts_are_listed_apart(cli, demo_db):
    from pressdesk.models import InterviewRequest

    suggested = cli(demo_db, "route", "10", "--suggest", "--limit", "10")
    assert suggested.exit_code == 0, suggested.output
    ranked, _, asked = suggested.stdout.partition("Already asked:")
    assert "Rachel Okafor (expert" not in ranked and "Prof Rachel Okafor (offered)" in asked
    assert "! 4 of 4 interviews this week: at the limit" in ranked
    before = count(demo_db, InterviewRequest)
    refused = cli(demo_db, "route", "10", "--expert", "Giustozzi")
    assert refused.exit_code != 0
    assert "at the limit" in refused.stderr and "--force" in refused.stderr
    assert count(demo_db, InterviewRequest) == before
    forced = cli(demo_db, "route", "10", "--expert", "Giustozzi", "--force")
    assert forced.exit_code == 0, forced.output
    assert count(demo_db, InterviewRequest) == before + 1


def test_route_refuses_bad_use(cli, demo_db):
    neither = cli(demo_db, "route", "1")
    assert neither.exit_code != 0 and "--suggest" in neither.stderr
    both = cli(demo_db, "route", "1", "--suggest", "--expert", "1")
    assert both.exit_code != 0
    nobody = cli(demo_db, "route", "1", "--expert", "Nobody Here")
    assert nobody.exit_code != 0 and "No expert is called 'Nobody Here'" in nobody.stderr
    missing = cli(demo_db, "route", "9999", "--suggest")
    assert missing.exit_code != 0 and "There is no enquiry 9999" in missing.stderr
    early = cli(demo_db, "interview", "schedule", "1", "--at", "tomorrow 9am", "--format", "phone")
    assert early.exit_code != 0 and "Error:" in early.stderr
    bad_format = cli(demo_db, "interview", "schedule", "1", "--at", "tomorrow 9am", "--format", "carrier pigeon")
    assert bad_format.exit_code != 0 and "format:" in bad_format.stderr


def test_statements_from_the_command_line(cli, demo_db):
    added = cli(
        demo_db,
        "statement",
        "add",
        "--title",
        "IS-K report line",
        "--body",
        "IS-K is weaker than in 2021 but adaptable.",
        "--topics",
        "IS-K, Taliban",
        "--release",
        "1",
    )
    assert added.exit_code == 0 and added.stdout.startswith("Added statement 1")
    offered = json.loads(cli(demo_db, "statement", "list", "--enquiry", "1", "--json").stdout)
    assert [o["id"] for o in offered] == [1] and "IS-K" in offered[0]["matched"]
    given = cli(demo_db, "statement", "give", "1", "1")
    assert given.exit_code == 0
    revised = cli(demo_db, "statement", "revise", "1", "--body", "New wording.")
    assert revised.exit_code == 0 and "revision 2 is statement 2" in revised.stdout
    stale = cli(demo_db, "statement", "give", "2", "1")
    assert stale.exit_code != 0 and "statement:" in stale.stderr
    assert cli(demo_db, "statement", "add", "--title", "x", "--body", " ").exit_code != 0


def test_experts_spread(cli, demo_db):
    result = cli(demo_db, "experts", "spread", "--json")
    assert result.exit_code == 0
    spread = json.loads(result.stdout)
    assert spread[0] == {"expert": "Antonio Giustozzi", "requests": 4}
    assert len(spread) == 7


def test_import_release_text_shows_issuer_place_roles_and_labelled_phones(cli, new_desk, tmp_path):
    db = new_desk
    release = Path(__file__).resolve().parents[1] / "fixtures" / "releases" / "uk_uni_seagrass_two_contacts.txt"
    result = cli(db, "import", "release", str(release), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Issuer:   University of Wessex" in result.stdout
    assert "Expert:   Dr Tamsin Rourke (Marine ecologist, University of Wessex), offered" in result.stdout
    assert "Contact:  Ruth Sandling (Media Relations Officer, University of Wessex," in result.stdout
    assert "Contact:  (no name) (Press Office, University of Wessex, 07400 123456 out of hours)" in result.stdout
