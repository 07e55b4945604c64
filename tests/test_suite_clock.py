"""The suite's own reports: a test that freezes the clock does not freeze the clock pytest times tests with."""

from __future__ import annotations

from datetime import UTC, datetime

from _pytest.timing import Instant
from freezegun import freeze_time

FROZEN_AT = datetime(2001, 1, 1, 9, 0, tzinfo=UTC)


def test_durations_read_the_real_clock_while_a_test_freezes_time():
    """--durations timed tests/test_cli_workflow.py's setups on its ticking frozen clock: 1,795,481,964 s each."""
    before = Instant()  # pytest starts timing a fixture's setup, then the fixture freezes the clock
    with freeze_time(FROZEN_AT, tick=True):
        during = Instant()
        took = before.elapsed().seconds
    assert during.as_utc().year != FROZEN_AT.year, "pytest's timestamps come from the frozen clock"
    assert 0 <= took < 3600, "pytest's durations mix the real clock and the frozen one"
