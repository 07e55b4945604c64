"""A small desk whose week is counted by hand, for the report and export tests (see the table in each test).

The week is Monday 16 to Sunday 22 November 2026 in London (GMT, so local times are UTC times). "Now" is
Monday 23 November 09:00. Seven enquiries fall in the week, two outside it:

| #  | received      | type        | channel | journalist (outlet)      | officer | release      | deadline      |
| E1 | Mon 16 09:00  | comment     | phone   | Ann Able (The Times)     | Jo      | Rail report  | Mon 16 12:00  |
| E2 | Mon 16 10:00  | interview   | email   | Ben Bell (BBC News)      | Jo      | Rail report  | Tue 17 10:00  |
| E3 | Tue 17 14:00  | interview   | phone   | Ann Able (The Times)     | Sam     | Rail report  | Wed 18 17:00  |
| E4 | Wed 18 09:00  | data        | email   | Cara Cole (no outlet)    | (none)  |              | none          |
| E5 | Thu 19 12:00  | comment     | email   | Ann Able (The Times)     | Jo      |              | Fri 27 12:00  |
| E6 | Fri 20 16:00  | information | phone   | Ben Bell (BBC News)      | Sam     | Floods study | Fri 20 17:00  |
| E7 | Sun 22 23:30  | comment     | social  | Dan Dee (The Guardian)   | Jo      |              | none          |
| E8 | Sun 15 23:59  | comment     | phone   | Ann Able (The Times)     | Jo      |              | none          |
| E9 | Mon 23 08:00  | comment     | phone   | Ann Able (The Times)     | Jo      |              | none          |

What happened (minutes from the call to the first response in brackets):
E1 triaged 09:10 (10), done 11:00: deadline met; coverage in The Times twice (a headline, a link).
E2 triaged 10:30 (30), routed to Dr Xu, interview held, done Tue 17 11:00: deadline missed; coverage on BBC News.
E3 triaged 15:00 (60), routed to Dr Xu who declined, then to Prof Young who accepted; scheduled (open, its
   deadline passed: missed).
E4 never answered (new). E5 a note at 12:20 (20), still new, deadline ahead: pending.
E6 triaged 16:05 (5), withdrawn 16:30 before its deadline: none. E7 declined Mon 23 00:15 (45), no deadline.
E8 and E9 lie outside the week; E9 has coverage that the week's report must not count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlmodel import Session

from pressdesk.models import Enquiry
from pressdesk.models.inputs import EnquiryCreate
from pressdesk.services import contacts, coverage, enquiries, interviews, releases, routing

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
WEEK = (datetime(2026, 11, 16, 0, 0, tzinfo=UTC), datetime(2026, 11, 23, 0, 0, tzinfo=UTC))
TZ = "Europe/London"

PAYLOADS = {
    "E1": '=HYPERLINK("http://x","y")',
    "E2": "@SUM(1+1)",
    "E3": "+1+1",
    "E4": "-2+3",
    "E5": "\tTabbed subject",
    "E6": "\rCarriage-return subject",
}
"""Spreadsheet formula payloads, stored as the subjects of E1..E6 (E5 and E6 written past the form's cleaning)."""


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in November 2026, UTC (London's local time in November)."""
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


@dataclass
class Desk:
    """The ids of the fixture's enquiries and experts."""

    ids: dict[str, int]
    experts: dict[str, int]


def _log(s: Session, when: datetime, **fields) -> int:
    """Log one enquiry at a given time."""
    row = enquiries.log_enquiry(s, EnquiryCreate(**fields), who=fields.pop("who", "Jo"), region="GB", tz=TZ, now=when)
    s.flush()
    return row.id


def build(desk) -> Desk:
    """Fill an empty desk with the week above."""
    ids: dict[str, int] = {}
    with desk.write() as s:
        rail = releases.create_release(s, who="Jo", region="GB", title="Rail report", issued_on=date(2026, 11, 2))
        floods = releases.create_release(s, who="Jo", region="GB", title="Floods study", issued_on=date(2026, 11, 9))
        xu = contacts.create_expert(s, who="Jo", region="GB", name="Lin Xu", honorific="Dr", topics="rail")
        young = contacts.create_expert(s, who="Jo", region="GB", name="Pat Young", honorific="Prof", topics="rail")
        s.flush()
        ann = dict(journalist="Ann Able", outlet="The Times", phone="020 7946 0001", email="ann@thetimes.example")
        ids["E1"] = _log(
            s,
            at(16, 9),
            subject=PAYLOADS["E1"],
            type="comment",
            channel="phone",
            **ann,
            officer="Jo",
            release_id=rail.release.id,
            deadline=at(16, 12),
        )
        ids["E2"] = _log(
            s,
            at(16, 10),
            subject=PAYLOADS["E2"],
            type="interview",
            channel="email",
            journalist="Ben Bell",
            outlet="BBC News",
            email="ben@bbc.example",
            officer="Jo",
            release_id=rail.release.id,
            deadline=at(17, 10),
        )
        ids["E3"] = _log(
            s,
            at(17, 14),
            subject=PAYLOADS["E3"],
            type="interview",
            channel="phone",
            journalist="Ann Able",
            outlet="The Times",
            phone="020 7946 0001",
            officer="Sam",
            release_id=rail.release.id,
            deadline=at(18, 17),
        )
        ids["E4"] = _log(
            s,
            at(18, 9),
            subject=PAYLOADS["E4"],
            type="data",
            channel="email",
            journalist="Cara Cole",
            email="cara@freelance.example",
            officer="",
        )
        ids["E5"] = _log(
            s,
            at(19, 12),
            subject="placeholder",
            type="comment",
            channel="email",
            journalist="Ann Able",
            outlet="The Times",
            phone="020 7946 0001",
            officer="Jo",
            deadline=at(27, 12),
        )
        ids["E6"] = _log(
            s,
            at(20, 16),
            subject="placeholder",
            type="information",
            channel="phone",
            journalist="Ben Bell",
            outlet="BBC News",
            email="ben@bbc.example",
            officer="Sam",
            release_id=floods.release.id,
            deadline=at(20, 17),
        )
        ids["E7"] = _log(
            s,
            at(22, 23, 30),
            subject="Comment on fares",
            type="comment",
            channel="social",
            journalist="Dan Dee",
            outlet="The Guardian",
            officer="Jo",
        )
        ids["E8"] = _log(
            s,
            at(15, 23, 59),
            subject="Before the week",
            type="comment",
            channel="phone",
            journalist="Ann Able",
            outlet="The Times",
            phone="020 7946 0001",
            officer="Jo",
        )
        ids["E9"] = _log(
            s,
            at(23, 8),
            subject="After the week",
            type="comment",
            channel="phone",
            journalist="Ann Able",
            outlet="The Times",
            phone="020 7946 0001",
            officer="Jo",
        )
        for key in ("E5", "E6"):  # control characters the forms would strip, as an import or an old desk holds them
            s.get(Enquiry, ids[key]).subject = PAYLOADS[key]

        move = enquiries.change_status
        move(s, who="Jo", enquiry_id=ids["E1"], to="triaged", now=at(16, 9, 10))
        move(s, who="Jo", enquiry_id=ids["E1"], to="done", now=at(16, 11))

        move(s, who="Jo", enquiry_id=ids["E2"], to="triaged", now=at(16, 10, 30))
        request = routing.route_enquiry(
            s, who="Jo", enquiry_id=ids["E2"], expert_id=xu.id, force=True, now=at(16, 10, 40)
        )
        interviews.accept(s, who="Jo", request_id=request.id)
        interviews.schedule(s, who="Jo", request_id=request.id, start=at(17, 9), format="radio", tz=TZ, now=at(16, 11))
        interviews.complete(s, who="Jo", request_id=request.id, close_enquiry=False)
        move(s, who="Jo", enquiry_id=ids["E2"], to="done", now=at(17, 11))

        move(s, who="Sam", enquiry_id=ids["E3"], to="triaged", now=at(17, 15))
        first = routing.route_enquiry(
            s, who="Sam", enquiry_id=ids["E3"], expert_id=xu.id, force=True, now=at(17, 15, 5)
        )
        interviews.decline(s, who="Sam", request_id=first.id, reason="Away", tz=TZ, now=at(17, 16))
        second = routing.route_enquiry(
            s, who="Sam", enquiry_id=ids["E3"], expert_id=young.id, force=True, now=at(17, 16, 10)
        )
        interviews.accept(s, who="Sam", request_id=second.id)
        interviews.schedule(s, who="Sam", request_id=second.id, start=at(24, 10), format="tv", tz=TZ, now=NOW)

        enquiries.add_note(s, who="Jo", enquiry_id=ids["E5"], text="Sent the line to take", now=at(19, 12, 20))

        move(s, who="Sam", enquiry_id=ids["E6"], to="triaged", now=at(20, 16, 5))
        move(s, who="Sam", enquiry_id=ids["E6"], to="withdrawn", now=at(20, 16, 30))

        move(s, who="Jo", enquiry_id=ids["E7"], to="declined", now=at(23, 0, 15))

        day = date(2026, 11, 17)
        coverage.add_coverage(
            s, who="Jo", enquiry_id=ids["E1"], headline="Strikes: what next", published_on=day, tz=TZ, now=NOW
        )
        coverage.add_coverage(
            s, who="Jo", enquiry_id=ids["E1"], url="https://thetimes.example/strikes", published_on=day, tz=TZ, now=NOW
        )
        coverage.add_coverage(
            s, who="Jo", enquiry_id=ids["E2"], url="https://bbc.example/news/1", published_on=day, tz=TZ, now=NOW
        )
        coverage.add_coverage(s, who="Jo", enquiry_id=ids["E9"], url="https://thetimes.example/later", tz=TZ, now=NOW)
    return Desk(ids=ids, experts={"Dr Lin Xu": xu.id, "Prof Pat Young": young.id})
