"""Contact exports not seen before round 11 (fixtures/contacts): Google's 2024 and Outlook.com's CSV, Apple company
cards, vCard 4 groups, Gmail's name-only cards, a media list with a two-row header and a totals row, and numbers
Excel stored as numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressdesk.exchange.contacts import read_contacts
from pressdesk.services import queries
from pressdesk.services.contact_import import import_contacts

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"

EXPECTED = {
    # Google Contacts, 2024: "Organization Name", "E-mail 1 - Label", a middle name, a "Labels" column.
    "google_2024.csv": {
        "Rachel Anne Okoro": (
            "The Guardian",
            "Environment Correspondent",
            [
                ("email", "home", "rokoro@gmail.example"),
                ("email", "work", "rachel.okoro@guardian.example"),
                ("phone", "mobile", "+447911123456"),
                ("phone", "work", "+442033532000"),
            ],
        ),
        "Tomás Ó Briain": (
            "RTÉ News",
            "Health Correspondent",
            [("email", "work", "tomas.obriain@rte.example"), ("phone", "mobile", "+353877654321")],
        ),
    },
    # Outlook.com: "Title" is Ms beside "Job Title"; the assistant's phone is not the person's.
    "outlook_com.csv": {
        "Priya Shah": (
            "Financial Times",
            "Technology Reporter",
            [
                ("email", "", "priya.shah@ft.example"),
                ("phone", "mobile", "+447911123789"),
                ("phone", "work", "+442078733000"),
            ],
        ),
        "Marc Dubois": (
            "Le Monde",
            "Correspondant",
            [("email", "", "mdubois@lemonde.example"), ("phone", "work", "+33157282000")],
        ),
    },
    # Apple Contacts: a company card (X-ABShowAs:COMPANY, empty N) is the newsdesk by its own name.
    "apple_showas_company.vcf": {
        "BBC Radio 4 Today Newsdesk": (
            "BBC Radio 4",
            "",
            [("email", "other", "today@bbc.example"), ("phone", "work", "+442036141234")],
        ),
        "Kofi Mensah": (
            "Reuters",
            "Africa Correspondent",
            [
                ("email", "home", "kofi.m@proton.example"),
                ("email", "work", "kofi.mensah@reuters.example"),
                ("phone", "mobile", "+233244123456"),
                ("phone", "work", "+442072501122"),
            ],
        ),
    },
    # vCard 4: KIND:org is a newsdesk, KIND:group a list of members (no one to import), tel: URIs.
    "vcard4_kind_org_group.vcf": {
        "Press Association Newsdesk": (
            "PA Media",
            "",
            [("email", "work", "newsdesk@pa.example"), ("phone", "work", "+442079637000")],
        ),
        "Hannah Weiss": (
            "Der Spiegel",
            "Gesundheitsredakteurin",
            [("email", "work", "hannah.weiss@spiegel.example"), ("phone", "mobile", "+4915123456789")],
        ),
    },
    # Gmail: N empty, only FN; a card whose FN is its address goes by that address.
    "gmail_fn_only.vcf": {
        "Lena Fischer": (
            "Die Zeit",
            "Wissenschaftsredakteurin",
            [("email", "work", "lena.fischer@zeit.example"), ("phone", "mobile", "+491701234567")],
        ),
        "ahmed.karim@aljazeera.example": ("", "", [("email", "", "ahmed.karim@aljazeera.example")]),
    },
    # A media list: "Contact" merged over Name | Email | Phone, "Outlet" over Publication | Beat, a hidden column, a
    # totals row; one phone stored as a number.
    "media_list_two_row_header.xlsx": {
        "Claire Dubois": (
            "Le Monde",
            "",
            [("email", "", "claire.dubois@lemonde.example"), ("phone", "", "+33157282000")],
        ),
        "Marcus Webb": (
            "BBC News",
            "",
            [("email", "", "marcus.webb@bbc.example"), ("phone", "mobile", "+447911123456")],
        ),
        "Aisha Bello": (
            "Financial Times",
            "",
            [("email", "", "aisha.bello@ft.example"), ("phone", "", "+442078733000")],
        ),
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_person_in_an_unseen_export_comes_in_whole(empty_desk, name: str) -> None:
    with empty_desk.write() as s:
        summary = import_contacts(s, who="Test Officer", region="GB", files=[FIXTURES / name])
    assert (summary.rejected, summary.review) == ([], [])
    assert (summary.rows, summary.added) == (len(EXPECTED[name]), len(EXPECTED[name]))
    with empty_desk.read() as s:
        got = {
            p.name: (p.outlet, p.role, sorted(tuple(d) for d in p.detail["labelled"]))
            for p in queries.list_journalists(s, limit=100)
        }
    assert got == EXPECTED[name]


def test_a_vcard_4_group_card_is_no_contact() -> None:
    names = [r.full_name for r in read_contacts(FIXTURES / "vcard4_kind_org_group.vcf")]
    assert "Health journalists" not in names


def test_a_two_row_header_is_read_from_its_lower_row_and_a_totals_row_is_no_contact() -> None:
    records = list(read_contacts(FIXTURES / "media_list_two_row_header.xlsx"))
    assert [r.full_name for r in records] == ["Claire Dubois", "Marcus Webb", "Aisha Bello"]
    assert records[0].emails[0].value == "claire.dubois@lemonde.example"


def test_numbers_excel_stored_without_their_plus_come_in_and_one_in_scientific_notation_is_refused(empty_desk) -> None:
    with empty_desk.write() as s:
        summary = import_contacts(s, who="Test Officer", region="GB", files=[FIXTURES / "excel_number_phones.csv"])
    assert [(r.row, r.field, r.value) for r in summary.rejected] == [(3, "Mobile", "7.91112E+11")]
    assert "scientific notation" in summary.rejected[0].reason
    with empty_desk.read() as s:
        numbers = {
            p.name: sorted(d[2] for d in p.detail["labelled"] if d[0] == "phone") for p in queries.list_journalists(s)
        }
    assert numbers["Gemma Hart"] == ["+442077821234", "+447911123456"]
    assert numbers["Sofia Marin"] == ["+34612345678"]


def test_a_phone_numbers_column_with_two_numbers_joined_by_a_comma_gives_both(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        'Contact Name,Outlet,Email Address,Phone Numbers\r\nJo Bloggs,Sky News,jo@sky.example,"+44 20 7946 0000, '
        '+44 7911 123456"\r\nAna Ruiz,EFE,ana@efe.example,"+34 91 123 45 67, ext. 204"\r\n',
        encoding="utf-8",
    )
    jo, ana = read_contacts(path)
    assert [d.value for d in jo.phones] == ["+44 20 7946 0000", "+44 7911 123456"]
    assert [d.value for d in ana.phones] == ["+34 91 123 45 67, ext. 204"]


def test_a_google_phone_value_in_scientific_notation_is_a_problem_not_a_number(tmp_path: Path) -> None:
    path = tmp_path / "google.csv"
    path.write_text(
        "First Name,Last Name,Phone 1 - Label,Phone 1 - Value\r\nGemma,Hart,Mobile,4.47911E+11\r\n", encoding="utf-8"
    )
    [gemma] = read_contacts(path)
    assert (gemma.phones, [(f, v) for f, v, _r in gemma.problems]) == ([], [("Phone 1 - Value", "4.47911E+11")])


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Smith, Jane", "Jane Smith"),
        ("O'Neill, Seán", "Seán O'Neill"),
        ("van der Berg, Pieter", "Pieter van der Berg"),
        ("Jane Smith, BBC", "Jane Smith, BBC"),
        ("Reuters, London Bureau", "Reuters, London Bureau"),
    ],
)
def test_a_name_column_written_surname_comma_forename_reads_forename_first(tmp_path: Path, written, read) -> None:
    path = tmp_path / "list.csv"
    path.write_text(f'Name,Outlet,Email\r\n"{written}",The Times,a@thetimes.example\r\n', encoding="utf-8")
    [person] = read_contacts(path)
    assert person.full_name == read


def test_a_cell_of_blanks_before_a_comma_is_read_once_as_the_one_value_it_is() -> None:
    from pressdesk.exchange.contacts.columns import split_phones

    cell = "0" + " " * 200_000 + "x, 1"
    assert split_phones(cell) == [cell]
