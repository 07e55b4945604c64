"""`pressdesk list`: says on stderr when its limit left rows out; --all gives every row; bad statuses refused."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from pressdesk.cli import main
from pressdesk.models.inputs import EnquiryCreate
from pressdesk.services import enquiries
from pressdesk.store import open_desk

EXTRA = 75  # the demo desk has 38 enquiries; 38 + 75 = 113


@pytest.fixture(scope="module")
def big_template(tmp_path_factory, request):
    """The demo desk with 75 more enquiries from one journalist: 113 in all."""
    template = request.getfixturevalue("template")
    path = tmp_path_factory.mktemp("big") / "desk.db"
    shutil.copy(template, path)
    desk = open_desk(path)
    with desk.write() as session:
        for n in range(EXTRA):
            enquiries.log_enquiry(
                session,
                EnquiryCreate(
                    subject=f"Routine question {n}",
                    journalist="Pat Routine",
                    outlet="The Daily Routine",
                    phone="020 7946 0000",
                ),
                who="test",
                region="GB",
                tz="Europe/London",
            )
    desk.dispose()
    return path


@pytest.fixture
def listing(big_template, desk_copy):
    """Run `pressdesk list ...` on a copy of the 113-enquiry desk."""
    db = desk_copy(big_template)

    def run(*args: str):
        result = CliRunner().invoke(main, ["--db", db, "list", *args])
        assert result.exit_code == 0, result.output
        return result

    return run


def test_past_its_limit_list_says_how_many_were_left_out(listing):
    result = listing("enquiries")
    assert len(result.stdout.splitlines()) == 100
    assert result.stderr == "showing 100 of 113 (--all for every row)\n"


def test_all_gives_every_row_and_no_note(listing):
    result = listing("enquiries", "--all")
    assert len(result.stdout.splitlines()) == 113
    assert result.stderr == ""
    ids = [int(line.split()[0]) for line in result.stdout.splitlines()]
    assert len(set(ids)) == 113


def test_json_stays_parseable_with_the_note_on_stderr(listing):
    limited = listing("enquiries", "--json")
    assert len(json.loads(limited.stdout)) == 100 and "showing 100 of 113" in limited.stderr
    every = json.loads(listing("enquiries", "--json", "--all").stdout)
    assert len(every) == 113 and len({r["id"] for r in every}) == 113
    routine = [r for r in every if r["journalist"] == "Pat Routine"]
    assert len(routine) == EXTRA and routine[0]["phones"] == ["+442079460000"]


def test_the_note_counts_only_matching_rows(listing):
    result = listing("enquiries", "--text", "Routine", "--limit", "10")
    assert len(result.stdout.splitlines()) == 10
    assert result.stderr == f"showing 10 of {EXTRA} (--all for every row)\n"


def test_no_note_when_everything_fits(listing):
    result = listing("enquiries", "--limit", "113")
    assert len(result.stdout.splitlines()) == 113 and result.stderr == ""


def test_other_lists_say_so_too(listing):
    every = listing("journalists", "--all")
    total = len(every.stdout.splitlines())
    assert total > 3 and every.stderr == ""
    limited = listing("journalists", "--limit", "3")
    assert len(limited.stdout.splitlines()) == 3
    assert limited.stderr == f"showing 3 of {total} (--all for every row)\n"
    assert listing("experts", "--limit", "1").stderr.startswith("showing 1 of ")


def test_an_unknown_status_is_refused_like_the_interview_list_refuses_it(big_template):
    for args in (["list", "enquiries", "--status", "bogus"], ["interview", "list", "--status", "bogus"]):
        result = CliRunner().invoke(main, ["--db", str(big_template), *args])
        assert result.exit_code == 2 and result.stderr.startswith("Error: status: 'bogus' is not a")


def test_a_status_in_any_case_still_lists(listing):
    rows = json.loads(listing("enquiries", "--status", "NEW", "--json", "--all").stdout)
    assert rows and {r["status"] for r in rows} == {"new"}
