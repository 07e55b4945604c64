"""Tests for reading press-release text (pressdesk.exchange.release)."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from pressdesk.exchange.release import (
    ParsedContact,
    ParsedExpert,
    ReleaseParseError,
    parse_release,
)
from pressdesk.validation.release_phones import (
    find_phone_numbers,
    normalise_email,
    region_for_email_domain,
    region_for_number,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "releases"
SEED = Path(__file__).resolve().parents[1] / "src" / "pressdesk" / "demo_data" / "seeds" / "000_2f8c44cf61530ba6.txt"
UTC = dt.UTC


def _utc(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)


def _read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- the seed


def test_seed_release_done_when_facts() -> None:
    parsed = parse_release(SEED.read_text(encoding="utf-8"))
    title = "Taliban struggling to crush Islamic State in Khorasan, LSE report reveals"
    assert parsed.title == title
    assert parsed.date == dt.date(2024, 2, 13)
    assert parsed.embargo is None
    assert parsed.experts == (ParsedExpert("Antonio Giustozzi", "Visiting Fellow", "LSE IDEAS", honorific="Dr"),)
    assert parsed.press_contacts == (
        ParsedContact("Jamie Hose", "BlueSky Education", "jamie@bluesky-pr.com", ("+441582790706",)),
    )
    assert parsed.region == "GB"
    assert parsed.body.startswith("The Islamic State in Khorasan (IS-K)")
    assert "/ENDS" not in parsed.body and "Jamie Hose" not in parsed.body
    assert parsed.as_dict() == {
        "title": title,
        "date": "2024-02-13",
        "embargo": None,
        "embargo_zone": None,
        "place": None,
        "issuer": ["BlueSky Education"],
        "experts": [
            {
                "name": "Dr Antonio Giustozzi",
                "title": "Visiting Fellow",
                "affiliation": "LSE IDEAS",
                "source": "offered",
                "email": None,
                "phones": [],
            }
        ],
        "press_contacts": [
            {
                "name": "Jamie Hose",
                "organisation": "BlueSky Education",
                "role": None,
                "email": "jamie@bluesky-pr.com",
                "phones": ["+441582790706"],
                "phone_labels": {},
            }
        ],
        "warnings": [],
    }


# --------------------------------------------------------------------------- fixtures

EXPECTED = {
    "uk_university_embargoed.txt": {
        "region": "GB",
        "title": "Microplastic fibres found in nine out of ten English river samples",
        "date": "2024-03-14",
        "embargo": "2024-03-14T00:01:00+00:00",
        "experts": [
            {
                "name": "Professor Helen Marsh",
                "title": "Professor of Freshwater Ecology",
                "affiliation": "University of Bristol",
            },
            {
                "name": "Dr Tomás Ruane",
                "title": "Lecturer in environmental chemistry",
                "affiliation": "School of Chemistry, University of Bristol",
            },
        ],
        "press_contacts": [
            {
                "name": "Eleanor Pike",
                "organisation": "University of Bristol",
                "email": "eleanor.pike@bristol.ac.uk",
                "phones": ["+441174558921", "+447842613908"],
            }
        ],
    },
    "us_for_immediate_release.txt": {
        "region": "US",
        "title": ("Coastal Resilience Alliance Urges Congress to Fund Flood Mapping Before Hurricane Season"),
        "date": "2025-03-11",
        "embargo": None,
        "experts": [
            {
                "name": "Marcus Bell",
                "title": "Director of Policy",
                "affiliation": "Coastal Resilience Alliance",
            },
            {
                "name": "Dr Renée Alvarez",
                "title": "Senior hydrologist",
                "affiliation": "Gulf Research Institute",
            },
        ],
        "press_contacts": [
            {
                "name": "Dana Whitfield",
                "organisation": "Coastal Resilience Alliance",
                "email": "dwhitfield@coastalresilience.org",
                "phones": ["+12025887143"],
            }
        ],
    },
    "us_embargoed_top_contact.txt": {
        "region": "US",
        "title": "Heat pumps cut winter bills for rural Virginia households, study finds",
        "date": "2025-04-08",
        # 10 a.m. ET in April is EDT (UTC-4).
        "embargo": "2025-04-08T14:00:00+00:00",
        "experts": [
            {
                "name": "Dr Kenneth Osei",
                "title": "Principal investigator",
                "affiliation": "Virginia Energy Lab",
            }
        ],
        "press_contacts": [
            {
                "name": "Alicia Romero",
                "organisation": "Virginia Energy Lab",
                "email": "aromero@virginiaenergylab.org",
                "phones": ["+15713829016"],
            }
        ],
    },
    "ie_dublin_health.txt": {
        "region": "IE",
        "title": "One in five Irish adults skips GP visits because of cost, survey finds",
        "date": "2024-03-12",
        "embargo": None,
        "experts": [
            {
                "name": "Dr Siobhán Keane",
                "title": "Senior Research Fellow",
                "affiliation": "Irish Health Policy Institute",
            }
        ],
        "press_contacts": [
            {
                "name": "Niamh Costello",
                "organisation": "Irish Health Policy Institute",
                "email": "niamh.costello@healthpolicy.ie",
                "phones": ["+35317163421", "+353872146630"],
            }
        ],
    },
    "au_embargoed_heat.txt": {
        "region": "AU",
        "title": "Heatwaves now twice as likely in Western Sydney as in the 1990s",
        "date": "2024-03-12",
        # 12.01am AEDT (UTC+11) on 12 March is 13:01 UTC the day before.
        "embargo": "2024-03-11T13:01:00+00:00",
        "experts": [
            {
                "name": "Associate Professor Liam Tran",
                "title": "Deputy Director of the Urban Climate Research Centre",
                "affiliation": "Western Harbour University",
            }
        ],
        "press_contacts": [
            {
                "name": "Hannah Doyle",
                "organisation": "Western Harbour University",
                "email": "h.doyle@westernharbour.edu.au",
                "phones": ["+61293517784", "+61412336905"],
            }
        ],
    },
    "de_pressemitteilung.txt": {
        "region": "DE",
        "title": "Ostsee erwärmt sich schneller als erwartet",
        "date": "2024-03-14",
        # 10:00 Uhr in Berlin in March is CET (UTC+1).
        "embargo": "2024-03-14T09:00:00+00:00",
        "experts": [
            {
                "name": "Prof Dr Anna Schmidt",
                "title": "Leiterin der Abteilung Meereschemie",
                "affiliation": "Leibniz-Zentrum für Meeresforschung",
            }
        ],
        "press_contacts": [
            {
                "name": "Katrin Vogel",
                "organisation": "Leibniz-Zentrum für Meeresforschung",
                "email": "k.vogel@lzm-berlin.de",
                "phones": ["+493020934567", "+4915141289930"],
            }
        ],
    },
    "uk_two_experts_two_contacts.txt": {
        "region": "GB",
        "title": "Cleaner buses cut roadside pollution by a third in Manchester and Leeds",
        "date": "2024-06-05",
        # 00:01 BST (UTC+1) is 23:01 UTC the evening before.
        "embargo": "2024-06-04T23:01:00+00:00",
        "experts": [
            {
                "name": "Dr Priya Raman",
                "title": "Reader in Urban Air Quality",
                "affiliation": "University of Manchester",
            },
            {
                "name": "Professor Callum Reid",
                "title": "Director of the Institute for Transport Studies",
                "affiliation": "University of Leeds",
            },
        ],
        "press_contacts": [
            {
                "name": "Joanna Fletcher",
                "organisation": "University of Manchester",
                "email": "joanna.fletcher@manchester.ac.uk",
                "phones": ["+441612758312", "+447913482615"],
            },
            {
                "name": "Ravi Sandhu",
                "organisation": "University of Leeds",
                "email": "r.sandhu@leeds.ac.uk",
                "phones": ["+441133434031"],
            },
        ],
    },
}


def _first_keys(found: dict) -> dict:
    """The keys the reader gave before it grew issuer, place, sources, roles and warnings."""
    return {
        "title": found["title"],
        "date": found["date"],
        "embargo": found["embargo"],
        "experts": [{k: e[k] for k in ("name", "title", "affiliation")} for e in found["experts"]],
        "press_contacts": [
            {k: c[k] for k in ("name", "organisation", "email", "phones")} for c in found["press_contacts"]
        ],
    }


def test_the_first_seven_fixtures_are_still_there() -> None:
    assert set(EXPECTED) <= {p.name for p in FIXTURES.glob("*.txt")}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_release(name: str) -> None:
    expected = dict(EXPECTED[name])
    region = expected.pop("region")
    parsed = parse_release(_read(name))
    assert _first_keys(parsed.as_dict()) == expected
    assert parsed.region == region
    if parsed.embargo is not None:
        assert parsed.embargo.tzinfo is not None
        assert parsed.embargo.utcoffset() == dt.timedelta(0)


def test_fixture_phones_are_valid_in_their_own_region() -> None:
    parsed = parse_release(_read("au_embargoed_heat.txt"), default_region="GB")
    assert all(region_for_number(p) == "AU" for p in parsed.press_contacts[0].phones)
    parsed = parse_release(_read("ie_dublin_health.txt"), default_region="GB")
    assert all(region_for_number(p) == "IE" for p in parsed.press_contacts[0].phones)


def test_body_is_text_between_dateline_and_ends() -> None:
    parsed = parse_release(_read("us_for_immediate_release.txt"))
    assert parsed.body.startswith("More than 1.4 million homes")
    assert parsed.body.endswith("are available for interviews.")
    assert "WASHINGTON" not in parsed.body and "###" not in parsed.body


def test_german_embargo_without_zone_is_flagged() -> None:
    parsed = parse_release(_read("de_pressemitteilung.txt"))
    assert any("Europe/Berlin" in w for w in parsed.warnings)


# --------------------------------------------------------------------------- ENDS variants

_ENDS_TEMPLATE = """Council opens new library in Exeter

EXETER, 2 May 2024 - A new library opened today in the city centre.

{marker}

This line follows the end marker.

Media contact: Sarah Cole, Exeter City Library, 01392 265 700, s.cole@exeterlibrary.org.uk
"""


@pytest.mark.parametrize("marker", ["ENDS", "/ENDS", "Ends", "- ENDS -", "###", "# # #", "-30-", "-Ende-", "[ENDS]"])
def test_ends_variants(marker: str) -> None:
    parsed = parse_release(_ENDS_TEMPLATE.format(marker=marker))
    assert parsed.title == "Council opens new library in Exeter"
    assert parsed.date == dt.date(2024, 5, 2)
    assert parsed.body == "A new library opened today in the city centre."
    assert parsed.press_contacts == (
        ParsedContact("Sarah Cole", "Exeter City Library", "s.cole@exeterlibrary.org.uk", ("+441392265700",)),
    )


def test_body_without_ends_stops_at_contact_heading() -> None:
    text = "Title\n\nFirst paragraph.\n\nSecond paragraph.\n\nPress contact:\nAl Green, al@x.org\n"
    parsed = parse_release(text)
    assert parsed.body == "First paragraph.\n\nSecond paragraph."
    assert parsed.press_contacts[0].name == "Al Green"


# --------------------------------------------------------------------------- embargo zones


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("EMBARGOED UNTIL 10:00 CET, 14 March 2024", _utc(2024, 3, 14, 9, 0)),
        ("EMBARGOED UNTIL 10:00 CEST, 14 June 2024", _utc(2024, 6, 14, 8, 0)),
        ("Embargoed until 10 a.m. ET, April 8, 2025", _utc(2025, 4, 8, 14)),
        ("Embargoed until 9:00 a.m. EST, January 8, 2025", _utc(2025, 1, 8, 14)),
        ("Embargoed until 6:00 a.m. PT, March 4, 2025", _utc(2025, 3, 4, 14)),
        ("EMBARGOED: 00:01 AEST Monday 1 July 2024", _utc(2024, 6, 30, 14, 1)),
        ("Embargo: 12:00 UTC, 5 May 2024", _utc(2024, 5, 5, 12, 0)),
        ("Under strict embargo until 00:01 BST 5 June 2024", _utc(2024, 6, 4, 23, 1)),
        ("Embargoed until 10.30 hrs UK time, 3 July 2024", _utc(2024, 7, 3, 9, 30)),
        ("Sperrfrist: Donnerstag, 14. März 2024, 10 Uhr", _utc(2024, 3, 14, 9, 0)),
        ("NOT FOR PUBLICATION BEFORE 0001 GMT 6 March 2024", _utc(2024, 3, 6, 0, 1)),
    ],
)
def test_embargo_zone_words(line: str, expected: dt.datetime) -> None:
    parsed = parse_release(f"{line}\n\nSome headline\n\nBody text.\n")
    assert parsed.embargo == expected


def test_embargo_without_zone_uses_the_release_zone() -> None:
    text = "Embargoed until 10:00 Tuesday 11 March 2025\n\nHeadline\n\n"
    text += "DUBLIN, 10 March 2025 - Body.\n"
    parsed = parse_release(text)
    assert parsed.region == "IE"
    assert parsed.embargo == _utc(2025, 3, 11, 10, 0)
    text = text.replace("DUBLIN", "WASHINGTON, D.C.").replace("10 March 2025", "March 10, 2025")
    parsed = parse_release(text)
    assert parsed.region == "US"
    assert parsed.embargo == _utc(2025, 3, 11, 14, 0)  # EDT from 9 March
    assert any("no time zone" in w for w in parsed.warnings)


def test_embargo_with_time_only_takes_the_release_date() -> None:
    text = "EMBARGOED UNTIL 00:01 HRS\n\nWednesday 6 March 2024\n\nHeadline\n\nBody."
    parsed = parse_release(text)
    assert parsed.date == dt.date(2024, 3, 6)
    assert parsed.embargo == _utc(2024, 3, 6, 0, 1)


def test_release_date_falls_back_to_the_embargo_date() -> None:
    parsed = parse_release(_read("uk_university_embargoed.txt"))
    assert parsed.date == dt.date(2024, 3, 14)
    assert not any("date" in w.lower() for w in parsed.warnings)


# --------------------------------------------------------------------------- regions & phones


def test_national_number_takes_region_from_international_number_beside_it() -> None:
    text = (
        "Headline\n\nBody text.\n\nENDS\n\n"
        "Media contact: Anna Berg, +61 2 9351 7784 or 0412 336 905, anna@berg-media.com\n"
    )
    parsed = parse_release(text, default_region="GB")
    assert parsed.press_contacts[0].phones == ("+61293517784", "+61412336905")


def test_national_number_takes_region_from_ie_address() -> None:
    text = (
        "Headline\n\nBody. Dr Mary Walsh is available for interview.\n\n"
        "Contact: Ciara Byrne, Trinity Press Office, 01 716 3421, ciara.byrne@tcd.ie\n"
    )
    parsed = parse_release(text, default_region="GB")
    assert parsed.region == "IE"
    assert parsed.press_contacts == (
        ParsedContact("Ciara Byrne", "Trinity Press Office", "ciara.byrne@tcd.ie", ("+35317163421",)),
    )
    assert parsed.experts[0].display_name == "Dr Mary Walsh"


def test_default_region_used_without_any_other_clue() -> None:
    text = "Headline\n\nBody.\n\nENDS\n\nMedia contact: Sam Lee, 0412 336 905, sam@lee-media.com\n"
    assert parse_release(text, default_region="AU").press_contacts[0].phones == ("+61412336905",)
    parsed = parse_release(text, default_region="GB")
    assert parsed.press_contacts[0].phones == ()
    assert any("0412 336 905" in w for w in parsed.warnings)


def test_several_contacts_on_separate_lines_of_one_block() -> None:
    text = (
        "Headline\n\nBody.\n\nENDS\n\nPress contacts:\n"
        "Jane Doe | Senior Press Officer | Acme University | +44 (0)20 3108 7741 | jd@acme.ac.uk\n"
        "John Smith | Press Officer | +44 7913 482615 | js@acme.ac.uk\n\n"
        "About Acme University\nAcme University is in London. Switchboard 020 3108 7000.\n"
    )
    contacts = parse_release(text).press_contacts
    assert [c.name for c in contacts] == ["Jane Doe", "John Smith"]
    assert contacts[0].phones == ("+442031087741",)
    assert contacts[1].phones == ("+447913482615",)
    assert {c.organisation for c in contacts} == {"Acme University"}


def test_helpline_in_body_is_not_a_press_contact() -> None:
    text = (
        "Charity launches winter appeal\n\n"
        "LONDON, 1 December 2024 - If you have been affected, contact Samaritans on 116 123.\n\n"
        "ENDS\n\nFor media enquiries contact Ben Hall on 07913 482 615.\n"
    )
    parsed = parse_release(text)
    mobile = (("+447913482615", "mobile"),)  # a UK 07 number is a mobile even unlabelled
    assert parsed.press_contacts == (ParsedContact("Ben Hall", None, None, ("+447913482615",), phone_labels=mobile),)


# --------------------------------------------------------------------------- experts


def test_experts_from_list_and_body_introduction() -> None:
    text = """# **New vaccine halves RSV hospital admissions in over-75s**

*Embargoed until 10.30 hrs UK time, Wednesday 3 July 2024*

LONDON, 3 July 2024 – A new vaccine halved hospital admissions, a trial found.

Jane Roe, professor of epidemiology at Queen Mary University of London, said it was "striking".

Experts available for comment:
• Professor Jane Roe – professor of epidemiology at Queen Mary University of London
• Dr Samuel Okafor, consultant geriatrician, Barts Health NHS Trust

- ENDS -

Media enquiries: Tom Baxter on 020 3108 7741 or t.baxter@qmul.ac.uk
"""
    parsed = parse_release(text)
    assert parsed.title == "New vaccine halves RSV hospital admissions in over-75s"
    assert parsed.experts == (
        ParsedExpert("Jane Roe", "Professor of epidemiology", "Queen Mary University of London", "Professor", "listed"),
        ParsedExpert("Samuel Okafor", "Consultant geriatrician", "Barts Health NHS Trust", "Dr", "listed"),
    )
    assert parsed.press_contacts == (ParsedContact("Tom Baxter", None, "t.baxter@qmul.ac.uk", ("+442031087741",)),)


def test_interview_mentioned_in_passing_is_not_an_offer() -> None:
    text = (
        "Headline\n\nIn an interview with Sky News, Dr Jane Roe said the plan would fail.\n\n"
        "To arrange an interview with Dr Roe, contact Al Green on al@green-pr.com.\n"
    )
    parsed = parse_release(text)
    assert [e.display_name for e in parsed.experts] == ["Dr Jane Roe"]
    assert parsed.press_contacts[0].name == "Al Green"


def test_surname_mention_resolves_to_full_name() -> None:
    parsed = parse_release(_read("uk_university_embargoed.txt"))
    assert [e.name for e in parsed.experts] == ["Helen Marsh", "Tomás Ruane"]
    assert [e.honorific for e in parsed.experts] == ["Professor", "Dr"]


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "FOR IMMEDIATE RELEASE\n\nEMBARGOED UNTIL 00:01 GMT 1 May 2024\n\n###\n",
        "NEW YORK, March 11, 2025 /PRNewswire/ -- Acme Robotics today announced a new chief.",
        "The University today announced a long programme of work. " * 6,
    ],
)
def test_text_without_a_title_is_an_error(text: str) -> None:
    with pytest.raises(ReleaseParseError) as info:
        parse_release(text)
    assert str(info.value).endswith(".")


# --------------------------------------------------------------------------- validation helpers


def test_release_phone_helpers() -> None:
    assert find_phone_numbers("call +44 (0)1582 790 706.", "GB") == [(5, 24, "+441582790706")]
    assert find_phone_numbers("call +44 (0) 1582 790 706", None)[0][2] == "+441582790706"
    # phonenumbers alone misses this spacing; the trunk-prefix fallback reads it.
    assert find_phone_numbers("call +44 (0)  -  1582 790 706", "GB") == [(5, 29, "+441582790706")]
    assert find_phone_numbers("07700 900123", "GB") == []
    assert region_for_number("+12025887143") == "US"
    assert region_for_number("not a number") is None
    assert region_for_email_domain("a@b.ie") == "IE"
    assert region_for_email_domain("press.ac.uk") == "GB"
    assert region_for_email_domain("a@startup.io") is None
    assert region_for_email_domain("a@example.com") is None
    assert normalise_email("jamie@bluesky-pr.com") == "jamie@bluesky-pr.com"
    assert normalise_email("not-an-address") is None


# --------------------------------------------------------------------------- layout variants


def test_hard_wrapped_seed_reads_the_same() -> None:
    seed = SEED.read_text(encoding="utf-8")
    wrapped = "\n\n".join(textwrap.fill(p, 72) for p in seed.split("\n\n"))
    assert parse_release(wrapped).as_dict() == parse_release(seed).as_dict()


def test_two_contacts_on_one_line_keep_their_own_address() -> None:
    text = (
        "Heat title\n\nSYDNEY, 12 March 2024 - Body.\n\nENDS\n\n"
        "Media contacts: Hannah Doyle 0412 336 905 / Liam O'Brien 0413 555 102, "
        "h.doyle@whu.edu.au\n"
    )
    contacts = parse_release(text).press_contacts
    assert contacts == (
        ParsedContact(
            "Hannah Doyle", None, "h.doyle@whu.edu.au", ("+61412336905",), None, (("+61412336905", "mobile"),)
        ),
        ParsedContact("Liam O'Brien", None, None, ("+61413555102",), None, (("+61413555102", "mobile"),)),
    )


def test_expert_display_name() -> None:
    expert = ParsedExpert("Antonio Giustozzi", None, None, "Dr")
    assert expert.display_name == "Dr Antonio Giustozzi"
    assert ParsedExpert("Jane Roe", None, None).display_name == "Jane Roe"
