"""The report's figures, checked against the week counted by hand in tests/report_desk.py (not the code's output)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from pressdesk.errors import FieldError
from pressdesk.models import Enquiry
from pressdesk.models.inputs import EnquiryCreate
from pressdesk.services import enquiries, reports
from tests.report_desk import NOW, TZ, WEEK


@pytest.fixture
def report(week_desk):
    """The report of the fixture's week, as of Monday 23 November 09:00."""
    desk, _ids = week_desk
    with desk.read() as s:
        return reports.build_report(s, *WEEK, "week", tz=TZ, now=NOW)


def named(rows) -> dict:
    """A breakdown as {name: (enquiries, open, closed)}."""
    return {r.name: (r.enquiries, r.open, r.closed) for r in rows}


def test_totals_count_the_weeks_enquiries_and_where_they_stand(report):
    # E1..E7 came in; E3 (scheduled), E4 and E5 (new) are open; E1, E2 done, E7 declined, E6 withdrawn;
    # all but E4 have had a first response.
    t = report.totals
    assert (t.enquiries, t.open, t.closed, t.done, t.declined, t.withdrawn, t.answered) == (7, 3, 4, 2, 1, 1, 6)


def test_enquiries_per_local_day_list_every_day_of_the_week(report):
    assert [(d.day, d.enquiries) for d in report.by_day] == [
        (date(2026, 11, 16), 2),
        (date(2026, 11, 17), 1),
        (date(2026, 11, 18), 1),
        (date(2026, 11, 19), 1),
        (date(2026, 11, 20), 1),
        (date(2026, 11, 21), 0),
        (date(2026, 11, 22), 1),
    ]


def test_breakdowns_by_type_channel_outlet_release_officer_and_expert(report):
    assert named(report.by_type) == {
        "comment": (3, 1, 2),
        "interview": (2, 1, 1),
        "data": (1, 1, 0),
        "information": (1, 0, 1),
    }
    assert [r.name for r in report.by_type] == ["comment", "interview", "data", "information"], "most first"
    assert named(report.by_channel) == {"phone": (3, 1, 2), "email": (3, 2, 1), "social": (1, 0, 1)}
    assert named(report.by_outlet) == {
        "The Times": (3, 2, 1),
        "BBC News": (2, 0, 2),
        "The Guardian": (1, 0, 1),
        None: (1, 1, 0),
    }
    assert named(report.by_release) == {"Rail report": (3, 1, 2), None: (3, 2, 1), "Floods study": (1, 0, 1)}
    assert named(report.by_officer) == {"Jo": (4, 1, 3), "Sam": (2, 1, 1), None: (1, 1, 0)}
    assert named(report.by_expert) == {"Dr Lin Xu": (2, 1, 1), "Prof Pat Young": (1, 1, 0)}


def test_response_times_are_the_median_and_90th_percentile_of_minutes(report):
    # Minutes to first response: E6 5, E1 10, E5 20, E2 30, E7 45, E3 60 (E4 never answered).
    # Median of six: halfway between 20 and 30 = 25; 90th: rank 0.9 * 5 = 4.5, halfway between 45 and 60 = 52.5.
    assert report.response.overall == reports.Times(None, 6, 25.0, 52.5)
    by_type = {t.name: (t.answered, t.median_minutes, t.p90_minutes) for t in report.response.by_type}
    # comment 10, 20, 45: median 20, 90th at rank 1.8 = 20 + 0.8 * 25 = 40; interview 30, 60: 45 and 57;
    # information 5 alone; data never answered, so absent.
    assert by_type == {"comment": (3, 20.0, 40.0), "interview": (2, 45.0, 57.0), "information": (1, 5.0, 5.0)}


def test_deadlines_met_missed_none_and_pending(report):
    # Met: E1 (done 11:00, due 12:00). Missed: E2 (done the day after, an hour late), E3 (open, due Wed).
    # None: E4 and E7 had no deadline, E6 was withdrawn before its deadline. Pending: E5 (due Fri 27).
    assert report.deadlines == reports.Deadlines(met=1, missed=2, none=3, pending=1, share_met=0.3333)


def test_a_closed_enquiry_without_a_closing_time_is_unknown_not_pending(week_desk):
    desk, fixture = week_desk
    with desk.write() as s:  # as a desk holds an enquiry closed before it kept closing times
        s.exec(Enquiry.__table__.update().where(Enquiry.id == fixture.ids["E2"]).values(closed_at=None))
    with desk.read() as s:
        deadlines = reports.build_report(s, *WEEK, "week", tz=TZ, now=NOW).deadlines
    assert deadlines == reports.Deadlines(met=1, missed=1, none=3, pending=1, share_met=0.5, unknown=1)


def test_interviews_requested_accepted_declined_held_per_expert(report):
    # E2: Dr Xu, held. E3: Dr Xu declined, then Prof Young accepted and is scheduled.
    i = report.interviews
    assert (i.requested, i.accepted, i.declined, i.held, i.cancelled, i.waiting) == (3, 2, 1, 1, 0, 0)
    assert {e.name: (e.requested, e.accepted, e.declined, e.held) for e in i.per_expert} == {
        "Dr Lin Xu": (2, 1, 1, 1),
        "Prof Pat Young": (1, 1, 0, 0),
    }


def test_coverage_counts_only_the_weeks_enquiries(report):
    # E1 twice in The Times, E2 once on BBC News; E9's piece came of an enquiry after the week.
    c = report.coverage
    assert (c.count, c.linked_enquiries) == (3, 2)
    assert [(o.name, o.pieces) for o in c.by_outlet] == [("The Times", 2), ("BBC News", 1)]


def test_busiest_journalists_most_first(report):
    assert [(j.name, j.outlet, j.enquiries) for j in report.busiest_journalists] == [
        ("Ann Able", "The Times", 3),
        ("Ben Bell", "BBC News", 2),
        ("Cara Cole", None, 1),
        ("Dan Dee", "The Guardian", 1),
    ]


def test_the_json_has_the_issues_top_level_keys_and_plain_values(report):
    data = json.loads(json.dumps(report.to_json()))
    assert list(data) == [
        "period",
        "totals",
        "by_day",
        "by_type",
        "by_outlet",
        "by_channel",
        "by_release",
        "by_expert",
        "by_officer",
        "response",
        "deadlines",
        "interviews",
        "coverage",
        "busiest_journalists",
    ]
    assert data["period"] == {
        "label": "week",
        "start": "2026-11-16T00:00:00+00:00",
        "end": "2026-11-23T00:00:00+00:00",
        "tz": "Europe/London",
        "title": "Mon 16 Nov – Sun 22 Nov 2026",
    }
    assert data["by_day"][0] == {"day": "2026-11-16", "enquiries": 2}
    assert data["response"]["overall"]["median_minutes"] == 25.0


def test_an_empty_period_gives_an_empty_report_not_an_error(week_desk):
    desk, _ids = week_desk
    start, end = datetime(2026, 12, 7, tzinfo=UTC), datetime(2026, 12, 14, tzinfo=UTC)
    with desk.read() as s:
        empty = reports.build_report(s, start, end, "week", tz=TZ, now=NOW)
    assert empty.is_empty and empty.totals == reports.Totals(0, 0, 0, 0, 0, 0, 0)
    assert [d.enquiries for d in empty.by_day] == [0] * 7
    assert empty.by_type == empty.by_outlet == empty.by_expert == empty.busiest_journalists == ()
    assert empty.response == reports.Response(reports.Times(None, 0, None, None), ())
    assert empty.deadlines == reports.Deadlines(0, 0, 0, 0, None)
    assert empty.interviews == reports.Interviews(0, 0, 0, 0, 0, 0, ())
    assert empty.coverage == reports.CoverageCounts(0, 0, ())
    json.dumps(empty.to_json())


def test_days_are_counted_in_the_desks_time_zone_across_a_clock_change(empty_desk):
    # Paris moved from UTC+2 to UTC+1 at 01:00 UTC on Sunday 25 October 2026.
    moments = [
        datetime(2026, 10, 24, 21, 59, tzinfo=UTC),  # Sat 23:59 in Paris
        datetime(2026, 10, 24, 22, 1, tzinfo=UTC),  # Sun 00:01
        datetime(2026, 10, 25, 22, 59, tzinfo=UTC),  # Sun 23:59 (UTC+1 by then)
        datetime(2026, 10, 25, 23, 1, tzinfo=UTC),  # Mon 00:01
    ]
    with empty_desk.write() as s:
        for n, moment in enumerate(moments):
            enquiries.log_enquiry(
                s,
                EnquiryCreate(subject=f"Call {n}", journalist="Ann Able"),
                who="Jo",
                region="FR",
                tz="Europe/Paris",
                now=moment,
            )
    start = datetime(2026, 10, 23, 22, 0, tzinfo=UTC)  # Saturday 24 October 00:00 in Paris
    end = datetime(2026, 10, 26, 23, 0, tzinfo=UTC)  # Tuesday 27 October 00:00
    with empty_desk.read() as s:
        report = reports.build_report(s, start, end, tz="Europe/Paris", now=end)
    assert [(d.day.day, d.enquiries) for d in report.by_day] == [(24, 1), (25, 2), (26, 1)]
    assert report.period.title == "Sat 24 Oct – Mon 26 Oct 2026"


@pytest.mark.parametrize(
    ("period", "typed", "start", "end", "label"),
    [
        ("week", {}, datetime(2026, 11, 23, tzinfo=UTC), datetime(2026, 11, 30, tzinfo=UTC), "week"),
        ("day", {}, datetime(2026, 11, 23, tzinfo=UTC), datetime(2026, 11, 24, tzinfo=UTC), "day"),
        ("month", {}, datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC), "month"),
        (None, {"from_text": "last week", "to_text": "last week"}, *WEEK, "custom"),
        (
            None,
            {"from_text": "friday"},
            datetime(2026, 11, 20, tzinfo=UTC),
            datetime(2026, 11, 24, tzinfo=UTC),
            "custom",
        ),
    ],
)
def test_a_period_is_named_or_read_from_everyday_words(period, typed, start, end, label):
    chosen = reports.report_period(period, now=NOW, tz=TZ, **typed)
    assert (chosen.start, chosen.end, chosen.label) == (start, end, label)


@pytest.mark.parametrize(
    ("period", "typed", "field"),
    [("fortnight", {}, "period"), (None, {"to_text": "friday"}, "from"), (None, {"from_text": "soonish"}, "from")],
)
def test_a_period_that_cannot_be_read_is_refused_naming_the_field(period, typed, field):
    with pytest.raises(FieldError) as refused:
        reports.report_period(period, now=NOW, tz=TZ, **typed)
    assert refused.value.field == field
