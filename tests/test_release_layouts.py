"""Release layouts the first corpus did not have (found by a blind set): letterheads, release times, ministers'
titles, case studies, agencies, shared out-of-hours lines, "Sources:" blocks and prose labels."""

from __future__ import annotations

import datetime as dt

from pressdesk.exchange.release import parse_release

_BODY = "The new service opens next month in twelve towns and will be reviewed after a year of use by residents."


def _contact(release, name):
    return next(c for c in release.press_contacts if c.name == name)


def test_an_organisation_printed_above_the_headline_is_the_issuer_not_the_title() -> None:
    text = f"Harbour Lights Trust\n\nLighthouse keepers' cottages to open as holiday lets\n\n{_BODY}\n"
    release = parse_release(text)
    assert release.title == "Lighthouse keepers' cottages to open as holiday lets"
    assert release.issuer == ("Harbour Lights Trust",)


def test_an_organisation_named_with_the_news_release_label_is_not_the_title() -> None:
    text = f"Fenwick College news release\n\nStudents build a solar boat\n\n{_BODY}\n"
    release = parse_release(text)
    assert release.title == "Students build a solar boat"
    assert "Fenwick College" in release.issuer


def test_a_for_release_time_is_an_embargo_in_the_zone_it_names() -> None:
    text = f"FOR RELEASE: 9 a.m. CT, Tuesday, Feb. 3, 2026\n\nRiver study published\n\n{_BODY}\n"
    release = parse_release(text)
    assert release.embargo == dt.datetime(2026, 2, 3, 15, 0, tzinfo=dt.UTC)
    assert release.embargo_zone == "America/Chicago"


def test_ist_is_read_as_india_time_when_the_release_comes_from_india() -> None:
    text = (
        "Embargoed till 10:00 hrs IST, 5 May 2025\n\nFarm app launched\n\n"
        f"Pune, India – 5 May 2025 – {_BODY}\n\nMedia contact: Ravi Kumar | +91 98450 12345\n"
    )
    release = parse_release(text)
    assert release.embargo == dt.datetime(2025, 5, 5, 4, 30, tzinfo=dt.UTC)
    assert any("IST" in w and "Asia/Kolkata" in w for w in release.warnings)  # the reading is said


def test_a_title_written_before_a_name_is_kept_and_a_form_of_address_is_dropped() -> None:
    text = (
        f"Country roads to be resurfaced\n\n{_BODY}\n\n"
        "Minister for Rural Roads Owen Tallis said the work would start in spring.\n\n"
        '"It is overdue," Mr Tallis said.\n'
    )
    expert = parse_release(text).experts[0]
    assert expert.display_name == "Owen Tallis"
    assert expert.title == "Minister for Rural Roads"


def test_an_organisation_before_a_lower_case_title_is_the_affiliation() -> None:
    text = f'Carers survey\n\n{_BODY}\n\nMeadow Carers Network chief executive Ruth Vance said: "It must change."\n'
    expert = parse_release(text).experts[0]
    assert (expert.title.lower(), expert.affiliation) == ("chief executive", "Meadow Carers Network")


def test_a_member_of_the_public_given_with_an_age_is_not_an_expert() -> None:
    text = (
        f"Clinic opens\n\n{_BODY}\n\n"
        'Dr Ann Pell, consultant at Vale Hospital, said: "This helps."\n\n'
        'Tom Reece, 64, from Hull, said: "I was home in a day."\n'
    )
    assert [e.name for e in parse_release(text).experts] == ["Ann Pell"]


def test_an_agency_working_for_a_client_is_the_contacts_organisation() -> None:
    text = (
        f"Plant opens\n\n{_BODY}\n\nContacts\n\nMedia:\nLena Voss\nOrbit PR for Kestrel Energy\n"
        "+1 415-555-0162\nlena@orbitpr.example\n\nInvestors:\nPaul Meier\nVice President, Investor Relations\n"
        "Kestrel Energy\n+1 408-555-0177\nir@kestrel.example\n"
    )
    release = parse_release(text, default_region="US")
    assert _contact(release, "Lena Voss").organisation == "Orbit PR"
    paul = _contact(release, "Paul Meier")
    assert paul.role == "Vice President, Investor Relations"
    assert not release.experts


def test_an_out_of_hours_line_after_two_people_is_the_press_office_line() -> None:
    text = (
        f"Study published\n\n{_BODY}\n\nMedia contacts\nFenwick College Press Office\n"
        "Ada Lamb, Press Officer – T: 0117 496 0412 – E: a.lamb@fenwick.ac.uk\n"
        "Ben Hale, Press Officer – T: 0117 496 0418 – E: b.hale@fenwick.ac.uk\n"
        "Out of hours: 07400 123456\n"
    )
    release = parse_release(text)
    assert _contact(release, "Ben Hale").phones == ("+441174960418",)
    line = _contact(release, None)
    assert (line.organisation, line.role, line.phones) == ("Fenwick College", "Press Office", ("+447400123456",))
    assert dict(line.phone_labels) == {"+447400123456": "out of hours"}


def test_people_under_a_sources_heading_are_listed_experts_with_their_channels() -> None:
    text = (
        "Contact: Kim Lee, 312-555-0190, klee@lakeview.example\n"
        "Sources: Sam Ortiz, 312-555-0143, sortiz@lakeview.example\n\n"
        f"Buses study\n\n{_BODY}\n"
    )
    release = parse_release(text, default_region="US")
    assert [c.name for c in release.press_contacts] == ["Kim Lee"]
    sam = release.experts[0]
    assert (sam.name, sam.source, sam.email, sam.phones) == (
        "Sam Ortiz",
        "listed",
        "sortiz@lakeview.example",
        ("+13125550143",),
    )


def test_out_of_hours_written_at_the_start_of_a_sentence_labels_the_number() -> None:
    text = (
        f"Ward reopens\n\n{_BODY}\n\nENDS\n\nFor more information please contact the Communications Team on "
        "0161 496 0340 or email comms@vale.example. Out of hours, call the switchboard on 0161 496 0000.\n"
    )
    contact = parse_release(text).press_contacts[0]
    assert contact.role == "Communications Team"
    assert dict(contact.phone_labels).get("+441614960000") == "out of hours"


def test_a_scientific_contact_block_lists_the_expert_with_title_affiliation_and_channels() -> None:
    text = (
        f"Glacier study\n\n{_BODY}\n\nScientific contact:\nDr. Lena Brandt\nHead of Glaciology\n"
        "Alpine Research Institute\nPhone: +49 89 2180-5512\nEmail: lena.brandt@ari.example.de\n"
    )
    expert = parse_release(text).experts[0]
    assert (expert.title, expert.affiliation, expert.source) == (
        "Head of Glaciology",
        "Alpine Research Institute",
        "listed",
    )
    assert expert.phones == ("+498921805512",)


def test_a_government_release_with_from_date_then_place_and_the_honourable_minister() -> None:
    text = (
        "News release\n\nRural clinics funded\n\nFrom: Department of Rural Health Canada\n\n"
        "September 30, 2025 – Ottawa, Ontario\n\n"
        f"{_BODY}\n\nThe Minister of Rural Health, the Honourable Claire Dubois, announced the money today.\n\n"
        '"Help on the day you ask," said Minister Dubois.\n'
    )
    release = parse_release(text, default_region="US")
    assert (release.issuer, release.place, release.date) == (
        ("Department of Rural Health Canada",),
        "Ottawa, Ontario",
        dt.date(2025, 9, 30),
    )
    (minister,) = release.experts
    assert (minister.display_name, minister.title) == ("Claire Dubois", "Minister of Rural Health")


def test_a_media_relations_heading_is_the_role_of_the_unnamed_line_under_it() -> None:
    text = (
        f"Clinics funded\n\n{_BODY}\n\nContacts\n\nJon Roe\nPress Secretary\n613-555-0141\n\n"
        "Media Relations\nDepartment of Rural Health Canada\n613-555-0102\nmedia@rhc.example\n"
    )
    line = _contact(parse_release(text, default_region="US"), None)
    assert (line.role, line.organisation) == ("Media Relations", "Department of Rural Health Canada")


def test_a_did_number_is_an_office_line() -> None:
    text = (
        f"Clinic opens\n\nSINGAPORE, 8 October 2025 – {_BODY}\n\nMedia enquiries:\nTan Wei Ling\n"
        "Senior Manager, Corporate Communications\nDID: +65 6555 1234\nMobile: +65 9123 4567\n"
    )
    contact = parse_release(text).press_contacts[0]
    assert contact.organisation is None
    assert dict(contact.phone_labels) == {"+6565551234": "office", "+6591234567": "mobile"}


def test_a_contact_for_journalists_heading_opens_a_contact_block() -> None:
    text = (
        f"Batteries\n\n{_BODY}\n\nContact for journalists:\nLena Hart\nCorporate Communications\n"
        "Phone +49 711 555 2190\n"
    )
    (contact,) = parse_release(text).press_contacts
    assert (contact.name, contact.role, contact.phones) == ("Lena Hart", "Corporate Communications", ("+497115552190",))
