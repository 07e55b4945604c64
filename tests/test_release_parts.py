"""The parts of the release reader on the cases the issue names: datelines, embargo zones, page labels, contact
blocks, obfuscated addresses, extension ranges, numbers' countries, and people versus organisations."""

from __future__ import annotations

import datetime as dt

import pytest

from pressdesk.exchange.release import parse_release
from pressdesk.exchange.release.channels import deobfuscate, phones_in
from pressdesk.exchange.release.dates import dateline
from pressdesk.validation.when import parse_when
from pressdesk.validation.when_text import find_clock, find_zone


def _release(head: str, tail: str = "") -> str:
    return f"{head}\n\nBody text of the release about a study.\n\nENDS\n\n{tail}\n"


@pytest.mark.parametrize(
    ("line", "place", "day"),
    [
        (
            "Leeds, UK, and Lyon, France - March 4, 2019 - Engineers built a robot.",
            "Leeds, UK, and Lyon, France",
            (2019, 3, 4),
        ),
        ("DAYTON, Ohio, March 3, 2026 /PRNewswire/ -- Northfield Cells opened a line.", "DAYTON, Ohio", (2026, 3, 3)),
        ("BOSTON--(BUSINESS WIRE)--Feb. 10, 2026--Harbourline announced results.", "BOSTON", (2026, 2, 10)),
        ("TORONTO, Jan. 14, 2026 (GLOBE NEWSWIRE) -- The authority awarded a contract.", "TORONTO", (2026, 1, 14)),
        ("Madrid, 12 de mayo de 2026 – El consumo baja.", "Madrid", (2026, 5, 12)),
    ],
)
def test_wire_and_two_place_datelines(line: str, place: str, day: tuple[int, int, int]) -> None:
    found = dateline(line)
    assert found is not None and found.place == place and found.date == dt.date(*day)


def test_a_wire_date_line_and_page_labels_are_not_the_title() -> None:
    for label in ("Presseinformation", "Press release No. 7/2024", "Tuesday Mar 3, 2026 @ 6:30 AM Eastern"):
        parsed = parse_release(_release(f"{label}\n\nAlpine glaciers lost four percent of their ice"))
        assert parsed.title == "Alpine glaciers lost four percent of their ice"
    assert parse_release(_release("Tuesday Mar 3, 2026 @ 6:30 AM Eastern\n\nHeadline")).date == dt.date(2026, 3, 3)


def test_an_eastern_embargo_is_new_york_time_and_says_which_zone() -> None:
    parsed = parse_release(_release("EMBARGOED FOR RELEASE UNTIL 8 a.m. (EASTERN) Thursday, May 7, 2026\n\nHeadline"))
    assert parsed.embargo == dt.datetime(2026, 5, 7, 12, 0, tzinfo=dt.UTC)
    assert parsed.embargo_zone == "America/New_York"


def test_an_embargo_without_a_zone_warns_which_zone_it_was_read_in() -> None:
    parsed = parse_release(_release("Embargoed: 00:01 Monday 9 March 2026\n\nHeadline"))
    assert parsed.embargo_zone == "Europe/London"
    assert "Embargo time has no time zone: read as Europe/London." in parsed.warnings


def test_the_deadline_parser_and_the_reader_share_month_and_clock_words() -> None:
    now = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
    assert parse_when("14 märz 16:00", now=now, tz="Europe/Berlin") == dt.datetime(2026, 3, 14, 15, 0, tzinfo=dt.UTC)
    assert find_clock("bis 10 Uhr").at == dt.time(10, 0)
    assert find_zone("0001 JST").name == "JST"  # dateparser's table for the rarer abbreviations


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("s.oberhuber (at) ta-isartal.de", "s.oberhuber@ta-isartal.de"),
        ("presse[at]iskb.example", "presse@iskb.example"),
        ("press [at] corribfoodbank [dot] ie", "press@corribfoodbank.ie"),
        ("sophie dot carmody at thcouncil dot example dot au", "sophie.carmody@thcouncil.example.au"),
    ],
)
def test_obfuscated_addresses_are_read(written: str, plain: str) -> None:
    assert deobfuscate(f"E-Mail: {written}") == f"E-Mail: {plain}"


def test_an_extension_range_is_two_numbers_and_a_fax_is_left_out() -> None:
    found = phones_in("Tel.: +49 (89) 123 456 -70/ -62\nFax: +49 89 123 456-19", ["DE"], [])
    assert {p.e164 for p in found} == {"+498912345670", "+498912345662"}


def test_a_bracketed_trunk_prefix_inside_brackets_is_read() -> None:
    parsed = parse_release(_release("Headline", "Contact: Lucy Tremlett, Fenland University, +44 ((0)1223) 123456"))
    assert parsed.press_contacts[0].phones == ("+441223123456",)


def test_a_us_number_beside_german_contacts_stays_american() -> None:
    tail = (
        "Pressekontakte:\nForschungsverbund Leichtbau\nUlrike Sandmann\nTel.: +49 30 838 901 55\n"
        "ulrike.sandmann@leichtbau-bb.de\n\nPrairie Composites\nKyle Brannigan\nTel.: (515) 555-0178\n"
    )
    contacts = parse_release(_release("Pressemitteilung\n\nBerlin, 2. Februar 2026\n\nHeadline", tail)).press_contacts
    assert [(c.name, c.organisation, c.phones) for c in contacts] == [
        ("Ulrike Sandmann", "Forschungsverbund Leichtbau", ("+493083890155",)),
        ("Kyle Brannigan", "Prairie Composites", ("+15155550178",)),
    ]


def test_slash_names_share_the_block_and_take_one_number_each() -> None:
    tail = "Ansprechpartner für Medien:\nAnna Beck/Jonas Roth\nTel. 0421 218 901 40 / 0421 218 901 41\n"
    contacts = parse_release(_release("Bremen, 9. Oktober 2025\n\nHeadline", tail)).press_contacts
    assert [(c.name, c.phones) for c in contacts] == [
        ("Anna Beck", ("+4942121890140",)),
        ("Jonas Roth", ("+4942121890141",)),
    ]


def test_an_unnamed_contact_is_the_issuers_press_line() -> None:
    text = (
        "Headline\n\nWASHINGTON, D.C. — Rural units closed, according to an analysis released today by the "
        "Meridian Health Policy Center.\n\nTo schedule an interview, call or email press@meridianhealth.example "
        "or (415) 555-0142.\n"
    )
    (contact,) = parse_release(text).press_contacts
    assert (contact.name, contact.organisation, contact.phones) == (
        None,
        "Meridian Health Policy Center",
        ("+14155550142",),
    )


def test_a_charity_named_like_a_person_is_not_an_expert() -> None:
    text = (
        "Agnes Morrow calls for school leads\n\nAgnes Morrow, the young carers' charity, is calling for leads.\n\n"
        '"Young carers are doing an extraordinary job," said Bethany Collard, chief executive of Agnes Morrow.\n'
    )
    parsed = parse_release(text)
    assert [(e.name, e.title, e.affiliation, e.source) for e in parsed.experts] == [
        ("Bethany Collard", "Chief executive", "Agnes Morrow", "quoted")
    ]


def test_a_headed_expert_block_gives_their_own_email_and_phone() -> None:
    tail = "Interview contacts:\nTom Ellery-Jones, Research Director – tom@ashdown.example, 020 7946 0812\n"
    (expert,) = parse_release(_release("Headline", tail)).experts
    assert (expert.source, expert.title, expert.email, expert.phones) == (
        "listed",
        "Research Director",
        "tom@ashdown.example",
        ("+442079460812",),
    )


def test_a_contact_heading_may_say_whom_it_is_for() -> None:
    tail = "For interviews with Dr Lindsay please contact:\nEuan McPhee, Media Manager\nT: 0131 496 0123\n"
    text = _release("Headline\n\nDr Morag Lindsay, the Trust's head of conservation, said it worked.", tail)
    parsed = parse_release(text)
    assert [(c.name, c.role, c.phones) for c in parsed.press_contacts] == [
        ("Euan McPhee", "Media Manager", ("+441314960123",))
    ]
    assert parsed.experts[0].title == "Head of conservation"
