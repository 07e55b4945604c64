"""The desk's officers: a list with initials and email, assignment picks from it, and "mine"."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pressdesk.cli import main
from pressdesk.core.backend import Backend
from pressdesk.errors import FieldError
from tests.conftest import DEMO_NOW, desk_target


@pytest.fixture
def core(desk, settings):
    """The frozen demo desk, as its test officer sees it."""
    return Backend(desk, settings, clock=lambda: DEMO_NOW)


def test_officers_are_listed_with_initials_made_from_their_names_when_not_given(core):
    core.add_officer("Jamie Hose", email="jamie.hose@example.ac.uk")
    core.add_officer("Bea Tester", initials="bt2")
    assert [(o.name, o.initials, o.email) for o in core.officers()] == [
        ("Bea Tester", "BT2", ""),
        ("Jamie Hose", "JH", "jamie.hose@example.ac.uk"),
    ]


@pytest.mark.parametrize(
    ("name", "initials", "email", "field"),
    [
        ("", None, "", "name"),
        ("Jamie Hose", "JX", "", "name"),  # the same name twice
        ("Jane Hollis", "JH", "", "initials"),  # initials taken
        ("Ann Other", None, "not-an-address", "email"),
    ],
)
def test_a_bad_officer_is_refused_naming_the_field_and_nothing_is_written(core, name, initials, email, field):
    core.add_officer("Jamie Hose")
    with pytest.raises(FieldError) as caught:
        core.add_officer(name, initials=initials, email=email)
    assert caught.value.field == field
    assert [o.name for o in core.officers()] == ["Jamie Hose"]


def test_once_the_desk_has_officers_assignment_picks_from_them_by_name_or_initials(core):
    core.add_officer("Jamie Hose")
    enquiry = next(iter(core.list_enquiries(limit=1))).row
    core.assign(enquiry.id, "jh")
    assert core.enquiry(enquiry.id).officer == "Jamie Hose"
    core.assign(enquiry.id, "jamie hose")
    assert core.enquiry(enquiry.id).officer == "Jamie Hose"
    with pytest.raises(FieldError, match="officer: Somebody Else is not one of the desk's officers"):
        core.assign(enquiry.id, "Somebody Else")
    assert core.enquiry(enquiry.id).officer == "Jamie Hose"


def test_a_desk_without_an_officer_list_still_takes_any_name(core):
    enquiry = next(iter(core.list_enquiries(limit=1))).row
    core.assign(enquiry.id, "Free Text Name")
    assert core.enquiry(enquiry.id).officer == "Free Text Name"


def test_list_mine_shows_only_the_enquiries_assigned_to_me(desk):
    def run(*args):
        return CliRunner().invoke(main, ["--db", desk_target(desk), *args])

    assert run("officers", "add", "Kit Marlowe").exit_code == 0
    listed = run("officers", "list")
    assert "KM  Kit Marlowe" in listed.output
    assert run("enquiry", "assign", "6", "km").exit_code == 0
    mine = run("--officer", "Kit Marlowe", "list", "enquiries", "--mine", "--json")
    assert mine.exit_code == 0, mine.output
    assert [row["id"] for row in __import__("json").loads(mine.output)] == [6]


def test_the_edit_form_assigns_from_the_list_too(core):
    core.add_officer("Kit Marlowe")
    enquiry = next(iter(core.list_enquiries(limit=1))).row
    core.update_enquiry(enquiry.id, officer="KM")
    assert core.enquiry(enquiry.id).officer == "Kit Marlowe"
    with pytest.raises(FieldError, match="officer: "):
        core.update_enquiry(enquiry.id, officer="Nobody Here")
