"""Local wall-clock text for a million moments: the fast clock agrees with the time zone database everywhere."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pressdesk.exchange.export.clock import LocalClock, StoredClock, offset_changes

ZONES = ["Europe/London", "America/St_Johns", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", "UTC"]


@pytest.mark.parametrize("tz", ZONES)
def test_the_clock_shows_what_astimezone_shows_across_years_and_clock_changes(tz):
    zone, rng = ZoneInfo(tz), random.Random(tz)
    clock = LocalClock(zone)
    start = datetime(2023, 1, 1, tzinfo=UTC)
    moments = [start + timedelta(seconds=rng.uniform(0, 4 * 365 * 86400)) for _ in range(3000)]
    for change, _offset in offset_changes(start, start + timedelta(days=4 * 365), zone)[1:]:
        moments += [change - timedelta(seconds=1), change, change + timedelta(minutes=1)]
    rng.shuffle(moments)
    for moment in moments:
        assert clock.text(moment) == moment.astimezone(zone).strftime("%Y-%m-%d %H:%M"), moment


def test_offset_changes_find_each_clock_change_to_the_second():
    london = ZoneInfo("Europe/London")
    changes = offset_changes(datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC), london)
    assert changes == [
        (datetime(2026, 1, 1, tzinfo=UTC), timedelta(0)),
        (datetime(2026, 3, 29, 1, 0, tzinfo=UTC), timedelta(hours=1)),
        (datetime(2026, 10, 25, 1, 0, tzinfo=UTC), timedelta(0)),
    ]


@pytest.mark.parametrize("tz", ZONES)
def test_stored_utc_text_shows_what_astimezone_shows_either_side_of_every_clock_change(tz):
    zone, rng = ZoneInfo(tz), random.Random(tz)
    clock = StoredClock(zone)
    start = datetime(2023, 1, 1, tzinfo=UTC)
    moments = [start + timedelta(seconds=rng.uniform(0, 4 * 365 * 86400)) for _ in range(3000)]
    for change, _offset in offset_changes(start, start + timedelta(days=4 * 365), zone)[1:]:
        before = [change - timedelta(microseconds=1), change - timedelta(seconds=1), change - timedelta(minutes=30)]
        moments += [*before, change, change + timedelta(seconds=59), change + timedelta(minutes=30, microseconds=1)]
    rng.shuffle(moments)  # an hour learnt from one side of a change must not answer for the other
    for moment in moments:
        stored = moment.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
        assert clock.text(stored) == moment.astimezone(zone).strftime("%Y-%m-%d %H:%M"), stored
    assert clock.text("2026-11-24 10:05:00") == datetime(2026, 11, 24, 10, 5, tzinfo=UTC).astimezone(zone).strftime(
        "%Y-%m-%d %H:%M"
    )
    assert clock.text(None) == ""
