"""`pressdesk log --deadline` with a time already gone: logged all the same (calls are logged after the fact), with one
warning line on stderr naming the field."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from freezegun import freeze_time

from pressdesk.cli import main
from tests.conftest import desk_target

EVENING = datetime(2026, 11, 26, 18, 46, 30, tzinfo=UTC)
"""Thursday 26 November, 18:46 and a half in London (on GMT): the officer logs a call."""


def log(desk, deadline: str):
    """Log a call with this deadline at EVENING, as JSON; the click result."""
    args = ["--db", desk_target(desk), "--officer", "Jo", "log"]
    args += ["--phone", "07823 418562", "--subject", "Flood barrier comment", "--deadline", deadline, "--json"]
    with freeze_time(EVENING):
        return CliRunner().invoke(main, args, env={"PRESSDESK_TIMEZONE": "Europe/London"})


def test_a_deadline_already_passed_is_logged_with_one_warning_naming_the_field(desk):
    result = log(desk, "today 17:00")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["deadline"].startswith("2026-11-26T17:00:00")
    (warning,) = result.stderr.splitlines()
    assert warning == "Warning: deadline Thu 26 Nov 17:00 passed 1h 46m ago; kept all the same."


@pytest.mark.parametrize("deadline", ["today 18:46", "+2h", "tomorrow 9am"])
def test_a_deadline_ahead_or_in_the_minute_just_gone_is_logged_without_a_word(desk, deadline):
    result = log(desk, deadline)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_a_deadline_two_minutes_gone_is_warned_about(desk):
    result = log(desk, "today 18:44")
    assert result.exit_code == 0, result.output
    assert "passed 2m ago" in result.stderr


def change(desk, *args: str):
    """Run `pressdesk enquiry ...` at EVENING on enquiry 1 of the desk; the click result."""
    with freeze_time(EVENING):
        return CliRunner().invoke(main, ["--db", desk_target(desk), "enquiry", *args], env={"TZ": "UTC"})


@pytest.mark.parametrize("args", [["deadline", "1", "today 17:00"], ["edit", "1", "--deadline", "today 17:00"]])
def test_a_deadline_set_later_to_a_time_gone_is_kept_with_the_same_warning(desk, args):
    result = change(desk, *args)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == ["Warning: deadline Thu 26 Nov 17:00 passed 1h 46m ago; kept all the same."]


@pytest.mark.parametrize("args", [["deadline", "1", "tomorrow 9am"], ["edit", "1", "--subject", "New words"]])
def test_a_deadline_ahead_or_left_alone_says_nothing(desk, args):
    result = change(desk, *args)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
