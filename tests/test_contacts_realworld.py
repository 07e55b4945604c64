"""Contact exports from phones and mail programs we were not built on (fixtures/contacts): each person read whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressdesk.services import queries
from pressdesk.services.contact_import import import_contacts

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"

EXPECTED = {
    # iPhone vCard 3.0: itemN.TEL with X-ABLabel (a custom "Newsdesk" label), a 200 kB folded PHOTO, and a
    # company card ("N:;;;;" with only ORG and FN).
    "iphone_photo.vcf": {
        "Chidi Okonjo": (
            "Financial Times",
            "Markets Reporter",
            [
                ("email", "work", "chidi.okonjo@ft.example"),
                ("phone", "mobile", "+447811222333"),
                ("phone", "work", "+442079460812"),
            ],
        ),
        "Reuters UK Desk": (
            "Reuters",
            "",
            [("email", "work", "uk.newsdesk@reuters.example"), ("phone", "work", "+442075421234")],
        ),
    },
    # Android vCard 2.1: quoted-printable UTF-8 names with soft line breaks in the middle of a character.
    "android_qp.vcf": {
        "Jürgen-Björn Müller": (
            "Süddeutsche Zeitung",
            "",
            [
                ("email", "home", "jb.mueller@sz.example"),
                ("phone", "mobile", "+4915141289930"),
                ("phone", "work", "+498921830"),
            ],
        ),
    },
    # The same from another phone: the parameters in lower case ("encoding=quoted-printable").
    "android_qp_lowercase.vcf": {
        "Lucía Álvarez": (
            "",
            "",
            [("phone", "", "+34913378200"), ("phone", "mobile", "+34612987654")],
        ),
    },
    # Outlook.com vCard 4.0: numbers as tel: URIs, TYPE="voice,cell", an extension.
    "outlook_vcard4_uri.vcf": {
        "Aoife Brennan": (
            "RTÉ News",
            "",
            [
                ("email", "work", "aoife.brennan@rte.example"),
                ("phone", "mobile", "+353877654321"),
                ("phone", "work", "+35312083111 ext. 204"),
            ],
        ),
    },
    # Outlook CSV saved as "Unicode text": UTF-16 with a BOM, tab-separated.
    "outlook_utf16_tabs.csv": {
        "Siân O'Reilly": (
            "The Irish Times",
            "Health Correspondent",
            [
                ("email", "", "sian.oreilly@irishtimes.example"),
                ("phone", "mobile", "+353871234567"),
                ("phone", "work", "+35316758000"),
            ],
        ),
        "Łukasz Nowak": (
            "Gazeta Wyborcza",
            "Brussels Correspondent",
            [("email", "", "l.nowak@wyborcza.example"), ("phone", "mobile", "+48601234567")],
        ),
    },
    # Google CSV: " ::: " multi-values, "* Mobile" (the starred one is primary).
    "google_multi.csv": {
        "Priya Natarajan": (
            "The Guardian",
            "Science Editor",
            [
                ("email", "other", "priya@gmail.example"),
                ("email", "work", "priya.n@guardian.example"),
                ("phone", "mobile", "+447400123456"),
                ("phone", "mobile", "+447811654321"),
                ("phone", "work", "+442033532000"),
            ],
        ),
        "Tom Ashby": (
            "BBC Radio 4",
            "Producer",
            [
                ("email", "work", "tom.ashby@bbc.example"),
                ("phone", "mobile", "+447712345678"),
                ("phone", "work", "+442079460555"),
            ],
        ),
    },
    # An Excel media list with a title row and a blank row over its header; a mobile stored as a number (no 0).
    "media_list_title_rows.xlsx": {
        "Hannah Lewis": (
            "Western Mail",
            "Political Editor",
            [
                ("email", "", "hannah.lewis@westernmail.example"),
                ("phone", "", "+442920243600"),
                ("phone", "mobile", "+447811444555"),
            ],
        ),
        "Rhys Evans": (
            "BBC Wales",
            "Health Correspondent",
            [("email", "", "rhys.evans@bbc.example"), ("phone", "mobile", "+447400666777")],
        ),
    },
    # Outlook in German: its own column names ("Vorname", "Firma", "Mobiltelefon"), semicolons, Windows-1252.
    "outlook_german_cp1252.csv": {
        "Katrin Vogel": (
            "Der Spiegel",
            "Wissenschaftsredakteurin",
            [
                ("email", "", "katrin.vogel@spiegel.example"),
                ("phone", "mobile", "+4915141289931"),
                ("phone", "work", "+494030072000"),
            ],
        ),
        "Jürgen Weiß": (
            "Die Zeit",
            "Politikredakteur",
            [("email", "", "j.weiss@zeit.example"), ("phone", "mobile", "+4915141289932")],
        ),
    },
    # Android vCard 2.1 with a base64 PHOTO (continuation lines, then a blank line) and "(0)" in an international
    # number; a vCard 3.0 card with no FN, named only by N.
    "android21_base64_photo.vcf": {
        "Anna Kowalski": (
            "",
            "",
            [
                ("email", "", "anna.k@example.com"),
                ("phone", "mobile", "+447811987654"),
                ("phone", "work", "+442079460999"),
            ],
        ),
        "Marc Dubois": ("", "", [("phone", "mobile", "+33612345678")]),
    },
    # Google's older CSV: "Organization 1 - Name", "E-mail 1 - Type", "Phone 1 - Type".
    "google_type_columns.csv": {
        "Nadia Hassan": (
            "Sky News",
            "Home Editor",
            [("email", "work", "nadia.hassan@sky.example"), ("phone", "mobile", "+447811333444")],
        ),
    },
    # A number typed as "+44 7811 444556" that Excel kept as the number 447811444556.
    "media_list_number_cells.xlsx": {
        "Carys Jones": (
            "ITV Wales",
            "",
            [("email", "", "carys.jones@itv.example"), ("phone", "mobile", "+447811444556")],
        ),
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_person_in_the_export_comes_in_whole(empty_desk, name: str) -> None:
    with empty_desk.write() as s:
        summary = import_contacts(s, who="Test Officer", region="GB", files=[FIXTURES / name])
    assert not summary.rejected and not summary.review
    with empty_desk.read() as s:
        got = {
            p.name: (p.outlet, p.role, sorted(tuple(d) for d in p.detail["labelled"]))
            for p in queries.list_journalists(s, limit=100)
        }
    assert got == EXPECTED[name]
