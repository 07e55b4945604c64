"""The range reader: everyday words for a span of days ("today", "monday", "last week"), in the desk's time zone."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from pressdesk.validation import WhenError, parse_range

LONDON = ZoneInfo("Europe/London")
# Friday 20 November 2026, 10:15 in London (GMT, so UTC too).
NOW = datetime(2026, 11, 20, 10, 15, tzinfo=UTC)


def local(text: str) -> datetime:
    """A London wall-clock time "YYYY-MM-DD HH:MM" as an aware UTC datetime."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=LONDON).astimezone(UTC)


SPANS = [
    # (typed, first moment in London, moment just after the span in London)
    ("today", "2026-11-20 00:00", "2026-11-21 00:00"),
    ("Today", "2026-11-20 00:00", "2026-11-21 00:00"),
    ("yesterday", "2026-11-19 00:00", "2026-11-20 00:00"),
    ("tomorrow", "2026-11-21 00:00", "2026-11-22 00:00"),
    ("monday", "2026-11-16 00:00", "2026-11-17 00:00"),
    ("mon", "2026-11-16 00:00", "2026-11-17 00:00"),
    ("friday", "2026-11-20 00:00", "2026-11-21 00:00"),
    ("last friday", "2026-11-13 00:00", "2026-11-14 00:00"),
    ("this week", "2026-11-16 00:00", "2026-11-23 00:00"),
    ("week", "2026-11-16 00:00", "2026-11-23 00:00"),
    ("last week", "2026-11-09 00:00", "2026-11-16 00:00"),
    ("Last  Week.", "2026-11-09 00:00", "2026-11-16 00:00"),
    ("previous week", "2026-11-09 00:00", "2026-11-16 00:00"),
    ("next week", "2026-11-23 00:00", "2026-11-30 00:00"),
    ("this month", "2026-11-01 00:00", "2026-12-01 00:00"),
    ("last month", "2026-10-01 00:00", "2026-11-01 00:00"),
    ("this year", "2026-01-01 00:00", "2027-01-01 00:00"),
    ("last year", "2025-01-01 00:00", "2026-01-01 00:00"),
    ("last 7 days", "2026-11-14 00:00", "2026-11-21 00:00"),
    ("past 2 weeks", "2026-11-07 00:00", "2026-11-21 00:00"),
    ("october", "2026-10-01 00:00", "2026-11-01 00:00"),
    ("december", "2025-12-01 00:00", "2026-01-01 00:00"),
    ("nov 2025", "2025-11-01 00:00", "2025-12-01 00:00"),
    ("2026-11-02", "2026-11-02 00:00", "2026-11-03 00:00"),
    ("2/11", "2026-11-02 00:00", "2026-11-03 00:00"),
    ("25/11", "2025-11-25 00:00", "2025-11-26 00:00"),
    ("25/11/2026", "2026-11-25 00:00", "2026-11-26 00:00"),
    ("3 nov", "2026-11-03 00:00", "2026-11-04 00:00"),
]


@pytest.mark.parametrize(("typed", "first", "after"), SPANS)
def test_words_name_a_span_of_whole_local_days(typed, first, after):
    assert parse_range(typed, now=NOW, tz="Europe/London") == (local(first), local(after))


@pytest.mark.parametrize(
    ("typed", "moment"),
    [
        ("monday 9am", "2026-11-16 09:00"),
        ("2026-11-18 14:30", "2026-11-18 14:30"),
        ("now", "2026-11-20 10:15"),
        ("-2h", "2026-11-20 08:15"),
        ("3 days ago", "2026-11-17 10:15"),
    ],
)
def test_a_moment_is_a_span_of_no_length(typed, moment):
    assert parse_range(typed, now=NOW, tz="Europe/London") == (local(moment), local(moment))


def test_last_week_across_the_clock_change_is_seven_local_days():
    friday = datetime(2026, 10, 30, 12, 0, tzinfo=UTC)  # the clocks went back on Sunday 25 October
    start, end = parse_range("last week", now=friday, tz="Europe/London")
    assert start == datetime(2026, 10, 18, 23, 0, tzinfo=UTC)  # Monday 19 October 00:00 BST
    assert end == datetime(2026, 10, 26, 0, 0, tzinfo=UTC)  # Monday 26 October 00:00 GMT


def test_days_are_the_desk_time_zones_days():
    tokyo_evening = datetime(2026, 11, 20, 16, 0, tzinfo=UTC)  # already Saturday 21 November 01:00 in Tokyo
    start, end = parse_range("today", now=tokyo_evening, tz="Asia/Tokyo")
    assert start == datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    assert end == datetime(2026, 11, 21, 15, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "empty"),
        ("whenever", "Could not read 'whenever'"),
        ("31/4", "There is no 31 April"),
        ("last 0 days", "at least one day"),
    ],
)
def test_unreadable_words_are_refused_saying_why(typed, says):
    with pytest.raises(WhenError, match=says):
        parse_range(typed, now=NOW, tz="Europe/London")
