"""Releases in Portuguese, Swedish, Danish, Norwegian, Finnish and Polish: the reader's rules on each language's
dates, names, embargo words, contact blocks and numbers (whole releases are in fixtures/releases/rw_*)."""

from __future__ import annotations

import datetime as dt

import pytest

from pressdesk.exchange.release import parse_release
from pressdesk.exchange.release.dates import date_line, dateline
from pressdesk.exchange.release.people import people, person_at
from pressdesk.validation.when_text import find_date


@pytest.mark.parametrize(
    "written",
    [
        "27 de novembro de 2026",
        "27 november 2026",
        "27. november 2026",
        "27. marraskuuta 2026",
        "27 listopada 2026",
        "fredag den 27. november 2026",
        "piątek, 27 listopada 2026",
    ],
)
def test_dates_in_each_language_are_read(written: str) -> None:
    found = find_date(written)
    assert found is not None and found[0] == dt.date(2026, 11, 27)


@pytest.mark.parametrize(("line", "place"), [("27.11.2026 klo 9.00", None), ("Kraków, 27 listopada 2026 r.", "Kraków")])
def test_a_date_line_with_a_clock_word_or_the_polish_year_mark_is_a_date_line(line: str, place: str | None) -> None:
    assert date_line(line) == (dt.date(2026, 11, 27), place)


def test_a_place_with_a_polish_capital_is_a_dateline() -> None:
    found = dateline("ŁÓDŹ – Naukowcy Politechniki Łódzkiej opracowali nowy materiał.")
    assert found is not None and found.place == "ŁÓDŹ"


@pytest.mark.parametrize(
    "name",
    ["Łukasz Wróbel", "Ewa Śliwińska", "Żaneta Kołodziej", "Carlos Eduardo dos Santos", "Henrik af Klercker"],
)
def test_names_with_polish_letters_and_particles_are_whole(name: str) -> None:
    found = person_at(f"{name}, rzecznik", 0)
    assert found is not None and found.name == name


def _release(head: str, contact: str) -> str:
    return f"{head}\n\nTytuł komunikatu o badaniu\n\nTreść komunikatu o nowym badaniu.\n\n{contact}\n"


@pytest.mark.parametrize(
    ("head", "zone", "utc"),
    [
        ("Må ikke offentliggøres før 27. november 2026 kl. 06.00", "Europe/Copenhagen", "2026-11-27T05:00:00+00:00"),
        ("Embargo till 27 november 2026 kl. 10.00", "Europe/Stockholm", "2026-11-27T09:00:00+00:00"),
        ("Embargo do 27 listopada 2026 r., godz. 10:00", "Europe/Warsaw", "2026-11-27T09:00:00+00:00"),
        ("Embargo até 27 de novembro de 2026, às 00h01", "Europe/Lisbon", "2026-11-27T00:01:00+00:00"),
    ],
)
def test_embargo_words_in_each_language(head: str, zone: str, utc: str) -> None:
    release = parse_release(_release(head, "Kontakt: Anna Nowak, anna@example.org"), default_tz=zone)
    assert release.embargo is not None and release.embargo.isoformat() == utc


def test_a_title_written_before_a_name_in_a_contact_block_is_the_contacts_role() -> None:
    text = _release("Pressemeddelelse", "Pressekontakt: Presserådgiver Camilla Friis, tlf. 41 72 38 12")
    contact = parse_release(text).press_contacts[0]
    assert (contact.name, contact.role, contact.phones) == ("Camilla Friis", "Presserådgiver", ("+4541723812",))


def test_a_swedish_release_reads_local_numbers_as_swedish_without_a_place_or_domain() -> None:
    text = (
        "Pressmeddelande\n\nNy studie om sill\n\nForskare har studerat sill.\n\n"
        "Presskontakt:\nPer Öberg\nMobil: 070-123 45 67\n"
    )
    release = parse_release(text)
    assert release.press_contacts[0].name == "Per Öberg"
    assert release.press_contacts[0].phones == ("+46701234567",)


def test_an_inflected_organisation_is_named_as_the_release_names_it_elsewhere() -> None:
    text = (
        "Informacja prasowa\n\nPolacy płacą telefonem\n\n"
        "– Płatności mobilne są codziennością – mówi Michał Kędzierski, prezes zarządu Fundacji Cyfrowa Polska.\n\n"
        "Kontakt dla mediów:\nZofia Gołębiewska\nFundacja Cyfrowa Polska\ne-mail: media@cyfrowapolska.example.pl\n"
    )
    expert = parse_release(text).experts[0]
    assert (expert.name, expert.title, expert.affiliation) == (
        "Michał Kędzierski",
        "Prezes zarządu",
        "Fundacja Cyfrowa Polska",
    )


def test_two_people_joined_by_and_stay_two_people() -> None:
    found = people("O estudo de Maria do Carmo Souza e Pedro Álvares Cabral foi publicado.")
    assert [m.name for m in found] == ["Maria do Carmo Souza", "Pedro Álvares Cabral"]


def test_a_surname_that_is_also_a_town_is_still_a_name() -> None:
    found = person_at("Sofie Lund Pedersen, +45 72 24 11 00", 0)
    assert found is not None and found.name == "Sofie Lund Pedersen"


def test_a_press_office_named_after_its_organisation_is_its_own_contact() -> None:
    text = (
        "Pressmeddelande\n\nNy studie om demens\n\nForskare har studerat demens.\n\n"
        "Kontakt:\nErik Wahlberg, docent\nKarolinska Institutet\nTel: 08-524 800 00\n\n"
        "Karolinska Institutets presstjänst\nTel: 08-524 860 77\nE-post: pressinfo@ki.example.se\n"
    )
    office = next(c for c in parse_release(text).press_contacts if c.email == "pressinfo@ki.example.se")
    assert (office.name, office.organisation, office.role, office.phones) == (
        None,
        "Karolinska Institutet",
        "Presstjänst",
        ("+46852486077",),
    )
