"""Tests for pressdesk.validation.when."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pressdesk.validation import WhenError, due_state, format_countdown, parse_when
from pressdesk.validation.when import DEADLINE, PAST_DATE, parse_day

LONDON = ZoneInfo("Europe/London")
# Friday 20 November 2026, 10:15 in London (GMT, so UTC too).
NOW = datetime(2026, 11, 20, 10, 15, tzinfo=UTC)

FORMS = [
    # (text, expected London wall-clock time "YYYY-MM-DD HH:MM")
    ("2026-11-25T16:00", "2026-11-25 16:00"),
    ("2026-11-25 16:00", "2026-11-25 16:00"),
    ("2026-11-25T16:00Z", "2026-11-25 16:00"),
    ("2026-11-25T16:00+01:00", "2026-11-25 15:00"),
    ("2026-11-25T16:00:00-05:00", "2026-11-25 21:00"),
    ("2026-11-25", "2026-11-25 17:30"),
    ("16:00", "2026-11-20 16:00"),
    ("4pm", "2026-11-20 16:00"),
    ("4 PM", "2026-11-20 16:00"),
    ("4:30pm", "2026-11-20 16:30"),
    ("4.30 p.m.", "2026-11-20 16:30"),
    ("16.00", "2026-11-20 16:00"),
    ("1600hrs", "2026-11-20 16:00"),
    ("9am", "2026-11-20 09:00"),
    ("09:00", "2026-11-20 09:00"),
    ("12am", "2026-11-20 00:00"),
    ("12pm", "2026-11-20 12:00"),
    ("by 4pm", "2026-11-20 16:00"),
    ("tomorrow 9am", "2026-11-21 09:00"),
    ("tomorrow 09:00", "2026-11-21 09:00"),
    ("Tomorrow at 9am", "2026-11-21 09:00"),
    ("9am tomorrow", "2026-11-21 09:00"),
    ("tomorrow", "2026-11-21 17:30"),
    ("today 17:30", "2026-11-20 17:30"),
    ("today", "2026-11-20 17:30"),
    ("tonight", "2026-11-20 18:00"),
    ("tonight 8pm", "2026-11-20 20:00"),
    ("friday 10am", "2026-11-27 10:00"),
    ("friday 11am", "2026-11-20 11:00"),
    ("next friday 11am", "2026-11-27 11:00"),
    ("monday 10am", "2026-11-23 10:00"),
    ("Mon 10:00", "2026-11-23 10:00"),
    ("thurs 2pm", "2026-11-26 14:00"),
    ("wednesday", "2026-11-25 17:30"),
    ("+2h", "2026-11-20 12:15"),
    ("+30m", "2026-11-20 10:45"),
    ("+1d", "2026-11-21 10:15"),
    ("+1h30m", "2026-11-20 11:45"),
    ("+ 90 mins", "2026-11-20 11:45"),
    ("in 2 hours", "2026-11-20 12:15"),
    ("in 45 minutes", "2026-11-20 11:00"),
    ("in an hour", "2026-11-20 11:15"),
    ("in half an hour", "2026-11-20 10:45"),
    ("in 1 hour and 30 minutes", "2026-11-20 11:45"),
    ("2 hours from now", "2026-11-20 12:15"),
    ("in 3 days", "2026-11-23 10:15"),
    ("in 3 days at 4pm", "2026-11-23 16:00"),
    ("noon", "2026-11-20 12:00"),
    ("midday", "2026-11-20 12:00"),
    ("noon tomorrow", "2026-11-21 12:00"),
    ("eod", "2026-11-20 17:30"),
    ("EOD", "2026-11-20 17:30"),
    ("end of day", "2026-11-20 17:30"),
    ("close of business", "2026-11-20 17:30"),
    ("tomorrow eod", "2026-11-21 17:30"),
    ("midnight", "2026-11-20 23:59"),
    ("25/11 14:00", "2026-11-25 14:00"),
    ("25/11/2026 14:00", "2026-11-25 14:00"),
    ("25.11.2026 10:00", "2026-11-25 10:00"),
    ("25-11-26 10:00", "2026-11-25 10:00"),
    ("19/11", "2026-11-19 17:30"),  # within a day: kept, and shown as overdue
    ("20/11", "2026-11-20 17:30"),
    ("25 Nov 14:00", "2026-11-25 14:00"),
    ("25 Nov at 2pm", "2026-11-25 14:00"),
    ("25 November 2026", "2026-11-25 17:30"),
    ("25/11", "2026-11-25 17:30"),
    ("1/12", "2026-12-01 17:30"),
    ("1st", "2026-12-01 17:30"),
    ("the 25th 10am", "2026-11-25 10:00"),
    ("\u00a0４pm\u00a0", "2026-11-20 16:00"),
]


def _local(moment: datetime) -> str:
    return moment.astimezone(LONDON).strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_forms(text: str, expected: str) -> None:
    result = parse_when(text, now=NOW)
    assert result.utcoffset() == timedelta(0)
    assert _local(result) == expected


def test_time_already_past_today_stays_today() -> None:
    # 9am has passed at 10:15: still today, so the enquiry shows as overdue.
    result = parse_when("9am", now=NOW)
    assert result < NOW
    assert due_state(result, NOW) == "overdue"


def test_now_defaults_to_the_current_time() -> None:
    before = datetime.now(UTC)
    result = parse_when("+2h")
    assert result.tzinfo is not None
    assert before + timedelta(hours=2) <= result <= datetime.now(UTC) + timedelta(hours=2)


def test_naive_now_is_treated_as_utc() -> None:
    naive = NOW.replace(tzinfo=None)
    assert parse_when("+2h", now=naive) == NOW + timedelta(hours=2)


# Clocks go forward in London on Sunday 29 March 2026 and back on Sunday 25 October 2026.
SPRING_NOW = datetime(2026, 3, 28, 15, 0, tzinfo=UTC)  # Saturday 15:00 GMT
AUTUMN_NOW = datetime(2026, 10, 24, 12, 0, tzinfo=UTC)  # Saturday 13:00 BST

DST = [
    # (now, text, expected UTC instant)
    (SPRING_NOW, "tomorrow 9am", datetime(2026, 3, 29, 8, 0, tzinfo=UTC)),
    (SPRING_NOW, "tomorrow 09:00", datetime(2026, 3, 29, 8, 0, tzinfo=UTC)),
    (SPRING_NOW, "friday 10am", datetime(2026, 4, 3, 9, 0, tzinfo=UTC)),
    (SPRING_NOW, "tomorrow", datetime(2026, 3, 29, 16, 30, tzinfo=UTC)),
    (SPRING_NOW, "+1d", datetime(2026, 3, 29, 14, 0, tzinfo=UTC)),
    (SPRING_NOW, "+24h", datetime(2026, 3, 29, 15, 0, tzinfo=UTC)),
    (SPRING_NOW, "30/3 9am", datetime(2026, 3, 30, 8, 0, tzinfo=UTC)),
    (SPRING_NOW, "4pm", datetime(2026, 3, 28, 16, 0, tzinfo=UTC)),
    (AUTUMN_NOW, "tomorrow 9am", datetime(2026, 10, 25, 9, 0, tzinfo=UTC)),
    (AUTUMN_NOW, "4pm", datetime(2026, 10, 24, 15, 0, tzinfo=UTC)),
    (AUTUMN_NOW, "monday 10am", datetime(2026, 10, 26, 10, 0, tzinfo=UTC)),
    (AUTUMN_NOW, "+1d", datetime(2026, 10, 25, 13, 0, tzinfo=UTC)),
    (AUTUMN_NOW, "+24h", datetime(2026, 10, 25, 12, 0, tzinfo=UTC)),
]


@pytest.mark.parametrize(("now", "text", "expected"), DST)
def test_dst(now: datetime, text: str, expected: datetime) -> None:
    assert parse_when(text, now=now) == expected


@pytest.mark.parametrize(
    ("tz", "text", "expected"),
    [
        ("America/New_York", "4pm", datetime(2026, 11, 20, 21, 0, tzinfo=UTC)),
        ("America/New_York", "2026-11-25 16:00", datetime(2026, 11, 25, 21, 0, tzinfo=UTC)),
        ("UTC", "tomorrow 9am", datetime(2026, 11, 21, 9, 0, tzinfo=UTC)),
        ("Asia/Tokyo", "9am", datetime(2026, 11, 20, 0, 0, tzinfo=UTC)),
        ("Asia/Tokyo", "tomorrow 9am", datetime(2026, 11, 21, 0, 0, tzinfo=UTC)),
    ],
)
def test_other_time_zones(tz: str, text: str, expected: datetime) -> None:
    assert parse_when(text, now=NOW, tz=tz) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "xyz", "asdf 4pm", "a", "12", "soon-ish", "+h", "tomorrow 9 30", "friday week 3"],
)
def test_unreadable(text: str) -> None:
    with pytest.raises(WhenError) as info:
        parse_when(text, now=NOW)
    message = str(info.value)
    assert message.startswith("Could not read")
    assert "Try 16:00, tomorrow 9am or +2h." in message


def test_unreadable_message_quotes_the_text() -> None:
    with pytest.raises(WhenError, match=r"^Could not read 'xyz' as a time\. Try 16:00"):
        parse_when("xyz", now=NOW)


def test_when_error_is_a_value_error() -> None:
    assert issubclass(WhenError, ValueError)


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (None, "—"),
        (timedelta(0), "0m"),
        (timedelta(seconds=30), "1m"),
        (timedelta(minutes=12), "12m"),
        (timedelta(minutes=59), "59m"),
        (timedelta(hours=1), "1h"),
        (timedelta(hours=3), "3h"),
        (timedelta(hours=3, minutes=20), "3h 20m"),
        (timedelta(hours=9, minutes=59), "9h 59m"),
        (timedelta(hours=10, minutes=20), "10h"),
        (timedelta(hours=30), "30h"),
        (timedelta(days=2), "2d"),
        (timedelta(days=9, hours=5), "9d"),
        (-timedelta(seconds=20), "overdue 1m"),
        (-timedelta(minutes=40), "overdue 40m"),
        (-timedelta(hours=3), "overdue 3h"),
        (-timedelta(hours=3, minutes=5), "overdue 3h 5m"),
        (-timedelta(days=2), "overdue 2d"),
        (-timedelta(days=2, hours=3), "overdue 2d"),
    ],
)
def test_format_countdown(delta: timedelta | None, text: str) -> None:
    deadline = None if delta is None else NOW + delta
    assert format_countdown(deadline, NOW) == text


@pytest.mark.parametrize(
    ("delta", "state"),
    [
        (None, "none"),
        (-timedelta(minutes=1), "overdue"),
        (-timedelta(days=3), "overdue"),
        (timedelta(0), "soon"),
        (timedelta(minutes=30), "soon"),
        (timedelta(minutes=60), "soon"),
        (timedelta(minutes=61), "later"),
        (timedelta(days=1), "later"),
    ],
)
def test_due_state(delta: timedelta | None, state: str) -> None:
    deadline = None if delta is None else NOW + delta
    assert due_state(deadline, NOW) == state


def test_import_stays_light() -> None:
    code = (
        "import sys, pressdesk.validation\n"
        "heavy = ('dateparser', 'textual', 'sqlmodel', 'sqlalchemy')\n"
        "bad = [m for m in heavy if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


# --- issue 7, item 4: nothing is read wrongly without a word -----------------------------------

# Friday 27 November 2026, 10:15 in London: the day the defects were found.
FRI_27 = datetime(2026, 11, 27, 10, 15, tzinfo=UTC)

READ_ON_FRI_27 = [
    # (text, expected London wall-clock time): a weekday is the next one, a bare number after a day is an hour
    ("mon 9", "2026-11-30 09:00"),
    ("Mon 9", "2026-11-30 09:00"),
    ("monday 9", "2026-11-30 09:00"),
    ("mon at 9", "2026-11-30 09:00"),
    ("tue 14", "2026-12-01 14:00"),
    ("fri 9", "2026-12-04 09:00"),
    ("fri 11", "2026-11-27 11:00"),
    ("tomorrow 9", "2026-11-28 09:00"),
    ("today 16", "2026-11-27 16:00"),
    ("1/12 9", "2026-12-01 09:00"),
    ("1 Dec 9", "2026-12-01 09:00"),
    ("dec 9", "2026-12-09 17:30"),
    ("Dec 1st", "2026-12-01 17:30"),
    ("the 1st of December 2pm", "2026-12-01 14:00"),
    ("26/11", "2026-11-26 17:30"),  # yesterday's end of day: within a day, shown as overdue
    ("8am", "2026-11-27 08:00"),
    ("in 3 days at 4pm", "2026-11-30 16:00"),
    ("a week from today", "2026-12-04 10:15"),
    ("2028-11-26", "2028-11-26 17:30"),  # just under two years ahead
]


@pytest.mark.parametrize(("text", "expected"), READ_ON_FRI_27)
def test_read_on_friday_27_november(text: str, expected: str) -> None:
    assert _local(parse_when(text, now=FRI_27)) == expected


REFUSED_ON_FRI_27 = [
    # (text, words the message must contain)
    ("today 99:99", "There is no 99:99; the day has hours 0 to 23"),
    ("tomorrow 25:00", "There is no 25:00; the day has hours 0 to 23"),
    ("25:00 tomorrow", "There is no 25:00; the day has hours 0 to 23"),
    ("tomorrow 24:00", "There is no 24:00"),
    ("today 12:60", "There is no 12:60; an hour has minutes 0 to 59"),
    ("today 11:0011:20", "'11:0011:20' is not a time of day"),
    ("2500hrs", "There is no 25:00"),
    ("13pm", "There is no 13pm"),
    ("mon 25", "There is no hour 25; the day has hours 0 to 23"),
    ("25/11 14:00", "That was 2 days ago"),
    ("25 Nov 14:00", "That was 2 days ago"),
    ("25 November 14:00", "That was 2 days ago"),
    ("Nov 25 2pm", "That was 2 days ago"),
    ("25/11", "That was 2 days ago"),
    ("1999-01-01", "That was 27 years ago"),
    ("0001-01-01T00:00", "That was 2025 years ago"),
    ("25/11/2026 14:00", "That was 2 days ago"),
    ("-2h", "counts back from now"),
    ("- 30 minutes", "counts back from now"),
    ("2 hours ago", "counts back from now"),
    ("2028-11-28", "more than 2 years ahead"),
    ("2030-01-01 09:00", "more than 2 years ahead"),
    ("31/4", "There is no 31 April; April has 30 days"),
    ("29/2/2027", "There is no 29 February 2027; February 2027 has 28 days"),
    ("11/25", "There is no month 25; months run 1 to 12"),
    ("2026-02-30", "There is no 30 February 2026"),
    ("32/13", "There is no month 13"),
    ("1 Nov", "That was 26 days ago (Sun 1 Nov 17:30). For next year, add the year: 1/11/2027."),
    ("3/2 9am", "That was 297 days ago (Tue 3 Feb 09:00). For next year, add the year: 3/2/2027."),
]


@pytest.mark.parametrize(("text", "words"), REFUSED_ON_FRI_27)
def test_refused_on_friday_27_november(text: str, words: str) -> None:
    with pytest.raises(WhenError) as info:
        parse_when(text, now=FRI_27)
    assert words in str(info.value)


def test_a_passed_date_says_how_to_mean_next_year() -> None:
    with pytest.raises(WhenError) as info:
        parse_when("25/11 14:00", now=FRI_27)
    assert str(info.value) == "That was 2 days ago (Wed 25 Nov 14:00). For next year, add the year: 25/11/2027."


def test_a_deadline_a_day_past_is_the_limit() -> None:
    assert parse_when("yesterday 10:30", now=FRI_27) == datetime(2026, 11, 26, 10, 30, tzinfo=UTC)
    with pytest.raises(WhenError, match="That was yesterday"):
        parse_when("yesterday 10:00", now=FRI_27)


def test_past_dates_read_backwards_and_refuse_the_future() -> None:
    on = {text: parse_day(text, now=FRI_27, window=PAST_DATE) for text in ("yesterday", "today", "fri", "mon", "25/11")}
    assert on == {
        "yesterday": date(2026, 11, 26),
        "today": date(2026, 11, 27),
        "fri": date(2026, 11, 27),
        "mon": date(2026, 11, 23),
        "25/11": date(2026, 11, 25),
    }
    assert parse_day("28/12", now=datetime(2027, 1, 5, 9, 0, tzinfo=UTC), window=PAST_DATE) == date(2026, 12, 28)
    assert parse_day("2 days ago", now=FRI_27, window=PAST_DATE) == date(2026, 11, 25)
    with pytest.raises(WhenError, match=r"That is tomorrow \(Sat 28 Nov\); a date cannot be in the future"):
        parse_day("tomorrow", now=FRI_27, window=PAST_DATE)


def test_one_grammar_many_windows() -> None:
    text = "mon 9"
    assert parse_when(text, now=FRI_27, window=DEADLINE) == datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    assert parse_day(text, now=FRI_27, window=PAST_DATE) == date(2026, 11, 23)


def test_a_refusal_never_echoes_an_escape_code() -> None:
    with pytest.raises(WhenError) as info:
        parse_when("\x1b]0;pwned\x07-2h", now=FRI_27)
    assert str(info.value).startswith("'-2h' counts back from now")
    with pytest.raises(WhenError) as info:
        parse_when("\x1b[31mbanana", now=FRI_27)
    assert "\x1b" not in str(info.value) and "'banana'" in str(info.value)
