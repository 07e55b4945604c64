"""Free text that starts with "-" on the command line: taken as the text it is, while a mistyped option is still
refused, in one line that says how to give such text."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from pressdesk.cli import main
from tests.conftest import desk_target


@pytest.fixture
def cli(desk):
    """Run pressdesk as officer Jo on a copy of the frozen demo desk; returns the click result."""

    def run(*args: str):
        return CliRunner().invoke(main, ["--db", desk_target(desk), "--officer", "Jo", *args])

    return run


def notes_of(cli, enquiry_id: int) -> str:
    """The notes of an enquiry as `enquiry show --json` gives them."""
    result = cli("enquiry", "show", str(enquiry_id), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["notes"]


@pytest.mark.parametrize(
    "text", ["-called back, wants figures", "-5% in exam passes", "- rang again", "-£20k cut", "-h and -o: later"]
)
def test_a_note_that_starts_with_a_dash_is_stored_exactly(cli, text):
    result = cli("enquiry", "note", "5", text, "--json")
    assert result.exit_code == 0, result.output
    assert notes_of(cli, 5).endswith(text)


def test_a_note_that_starts_with_a_dash_before_an_option_is_stored_and_the_option_still_counts(cli):
    result = cli("enquiry", "note", "5", "-called back", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == 5
    assert notes_of(cli, 5).endswith("-called back")


def test_a_list_name_that_starts_with_a_dash_is_kept_with_the_ids_after_it(cli):
    result = cli("contacts", "list-create", "-5 local papers", "1", "2")
    assert result.exit_code == 0, result.output
    shown = cli("contacts", "list-show", "-5 local papers", "--json")
    assert shown.exit_code == 0, shown.output
    assert {row["id"] for row in json.loads(shown.stdout)} == {1, 2}


def test_a_subject_option_that_starts_with_a_dash_is_stored_exactly(cli):
    result = cli("enquiry", "edit", "5", "--subject", "-5% in exam passes", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["subject"] == "-5% in exam passes"


@pytest.mark.parametrize("typo", ["--jsno", "-j", "-called"])
def test_a_mistyped_option_is_refused_in_one_line_saying_how_to_give_such_text(cli, typo):
    before = notes_of(cli, 5)
    result = cli("enquiry", "note", "5", "rang back", typo)
    assert result.exit_code == 2
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: No such option") and typo in last
    assert "put -- before it" in last
    assert notes_of(cli, 5) == before


def test_text_after_a_double_dash_is_still_taken_as_text(cli):
    result = cli("enquiry", "note", "5", "--", "--json is what they asked for")
    assert result.exit_code == 0, result.output
    assert notes_of(cli, 5).endswith("--json is what they asked for")


def test_a_negative_id_is_refused_as_an_id_not_as_an_option(cli):
    result = cli("enquiry", "note", "-5", "rang back")
    assert result.exit_code == 2
    assert "is not an id" in result.stderr
