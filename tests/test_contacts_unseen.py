"""Contact exports of tools pressdesk was not built on (fixtures/contacts): address books, media databases, mailing
tools and spreadsheets, each person read whole, field by field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlmodel import select

from pressdesk.cli import main
from pressdesk.models.tables import Journalist
from pressdesk.services import queries
from pressdesk.services.contact_import import import_contacts

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"

_THUNDERBIRD = {
    "Siobhán Ní Bhriain": (
        "The Irish Times",
        "Political Correspondent",
        "",
        [
            ("email", "", "siobhan.nibhriain@irishtimes.example"),
            ("phone", "mobile", "+353877654321"),
            ("phone", "work", "+35316758000"),
        ],
    ),
    "Dan Whitaker (freelance)": (
        "",
        "Science Writer",
        "",
        [
            ("email", "", "dan@whitaker.example"),
            ("email", "other", "dan.whitaker@guardian.example"),
            ("phone", "home", "+441179251234"),
            ("phone", "mobile", "+447811232454"),
        ],
    ),
    "José Martínez": (
        "The New York Times",
        "London Bureau Chief",
        "",
        [
            ("email", "", "jmartinez@nytimes.example"),
            ("phone", "fax", "+12125563690"),
            ("phone", "work", "+12125561234"),
        ],
    ),
}

EXPECTED = {
    # Thunderbird "Comma Separated (System Charset)": Windows-1252, unquoted header, a trailing comma on every line,
    # "Primary Email", "Secondary Email", "Fax Number", "Work Country".
    "thunderbird_cp1252.csv": _THUNDERBIRD,
    # Thunderbird's LDIF export of the same book: base64 values (accents), a folded dn, a mailing list (no person).
    "thunderbird.ldif": _THUNDERBIRD,
    # Thunderbird's own vCard 4.0 of the same book: VALUE=TEXT numbers, PREF=1, lower-case types; a second address
    # the card does not label.
    "thunderbird_v4.vcf": {
        **_THUNDERBIRD,
        "Dan Whitaker (freelance)": (
            "",
            "Science Writer",
            "",
            [
                ("email", "", "dan.whitaker@guardian.example"),
                ("email", "", "dan@whitaker.example"),
                ("phone", "home", "+441179251234"),
                ("phone", "mobile", "+447811232454"),
            ],
        ),
    },
    # LinkedIn Connections.csv: "Notes:" and a quoted paragraph before the header; most emails empty, no phones.
    "linkedin_connections.csv": {
        "Chiamaka Okafor (she/her)": ("BBC News", "Health Correspondent", "", []),
        "Zoë Brontë-Hughes": ("Financial Times", "Reporter, Companies", "", [("email", "", "zoe.bronte@ft.example")]),
        "Mark Ellis, PhD": ("", "", "", []),
    },
    # Mailchimp audience export: "CC" is the country (a US number written without +1), a row with no name.
    "mailchimp_audience.csv": {
        "Ingrid Solberg": (
            "Aftenposten",
            "",
            "",
            [("email", "", "ingrid.solberg@aftenposten.example"), ("phone", "", "+4722863000")],
        ),
        "Raymond O'Brien (Ray)": (
            "Los Angeles Times",
            "",
            "",
            [("email", "", "ray.obrien@latimes.example"), ("phone", "", "+12132375000")],
        ),
        "Evening Standard": (
            "Evening Standard",
            "",
            "",
            [("email", "", "newsdesk@eveningstandard.example"), ("phone", "", "+442036152000")],
        ),
    },
    # HubSpot contacts export: "Mobile Phone Number", "Company Name", "Country/Region".
    "hubspot_contacts.csv": {
        "Émilie Lefèvre": (
            "Le Monde",
            "Correspondante à Londres",
            "",
            [
                ("email", "", "emilie.lefevre@lemonde.example"),
                ("phone", "", "+33157282000"),
                ("phone", "mobile", "+33612345678"),
            ],
        ),
        "Ben Carter [BBC]": (
            "BBC",
            "Producer",
            "",
            [("email", "", "ben.carter@bbc.example"), ("phone", "mobile", "+447811565657")],
        ),
        "Tyler Nguyen": (
            "The Wall Street Journal",
            "Reporter",
            "",
            [("email", "", "tyler.nguyen@wsj.example"), ("phone", "", "+12124162000")],
        ),
    },
    # Cision-style media list: UTF-8 with a BOM, "Full Name" beside First/Last, "Media Outlet", "Direct Line",
    # topics joined by ";", "+44 (0)20 ...".
    "cision_media_list.csv": {
        "Aisling Ó Súilleabháin": (
            "The Guardian",
            "Education Correspondent",
            "Education, Schools, Universities",
            [
                ("email", "", "aisling.osuilleabhain@guardian.example"),
                ("phone", "mobile", "+447811676767"),
                ("phone", "work", "+442033532000"),
            ],
        ),
        "Greg Fowler (Sky)": (
            "Sky News",
            "Senior Producer",
            "Politics",
            [("email", "", "greg.fowler@sky.example"), ("phone", "mobile", "+447811545454")],
        ),
        "Hannah Schmidt": (
            "Bloomberg",
            "US Correspondent",
            "Markets, Energy",
            [("email", "", "hschmidt@bloomberg.example"), ("phone", "work", "+12123182000")],
        ),
    },
    # Muck Rack export: "Name", "Title" (the job: there is no "Job Title"), "Outlets" listing several, "Beats".
    "muckrack_export.csv": {
        "Mariana Costa": (
            "The Times",
            "Health Reporter",
            "Health, NHS",
            [("email", "", "mariana.costa@thetimes.example"), ("phone", "", "+442077825000")],
        ),
        "Olu Adeyemi (Freelance)": (
            "New Scientist",
            "Freelance Journalist",
            "Science, Climate",
            [("email", "", "olu@adeyemi.example"), ("phone", "mobile", "+447811898989")],
        ),
        "Kevin O'Hara": (
            "The Verge",
            "Tech Reporter",
            "Technology",
            [("email", "", "kevin.ohara@theverge.example"), ("phone", "", "+12125550147")],
        ),
    },
    # Roxhill/Vuelio style: "Title" (Ms, Dr) beside "Job Title", Forename/Surname, "Publication", "Sectors";
    # semicolons and Windows-1252 (Excel in much of Europe).
    "vuelio_roxhill_semicolon.csv": {
        "Margarida Gonçalves": (
            "Which?",
            "Consumer Affairs Editor",
            "Consumer, Retail",
            [
                ("email", "", "margarida.goncalves@which.example"),
                ("phone", "", "+442077707000"),
                ("phone", "mobile", "+447811121212"),
            ],
        ),
        "Seán MacGiolla (Ulster)": (
            "BBC News NI",
            "Ireland Editor",
            "Politics",
            [("email", "", "sean.macgiolla@bbc.example"), ("phone", "", "+442890338000")],
        ),
        "Ellen Park": (
            "The Economist",
            "Science Editor",
            "Science",
            [
                ("email", "", "ellen.park@economist.example"),
                ("phone", "", "+12024290890"),
                ("phone", "mobile", "+447811343434"),
            ],
        ),
    },
    # macOS/iCloud vCard 3.0: itemN groups with Apple labels and custom ones ("Desk line", "New York office"),
    # an escaped comma in ORG, a company card (X-ABShowAs:COMPANY).
    "icloud_grouped.vcf": {
        "Mette Østergaard": (
            "Politiken",
            "Culture Editor",
            "Press, Culture",
            [
                ("email", "other", "mette.ostergaard@pol.example"),
                ("phone", "mobile", "+4520123456"),
                ("phone", "work", "+4533471234"),
            ],
        ),
        "Nia Harris (ITV)": (
            "ITV News, Wales & West",
            "Reporter",
            "",
            [
                ("email", "work", "nia.harris@itv.example"),
                ("phone", "mobile", "+447811565656"),
                ("phone", "work", "+16463074400"),
            ],
        ),
        "Press Association": (
            "PA Media",
            "",
            "",
            [("email", "work", "newsdesk@pamedia.example"), ("phone", "work", "+442079637000")],
        ),
    },
    # Outlook's own vCard 2.1: a Windows-1252 file, CHARSET=Windows-1252, TEL;WORK;FAX, a quoted-printable LABEL,
    # X-MS-OL-DEFAULT-POSTAL-ADDRESS, the long X-MS-OL-DESIGN line, a base64 picture.
    "outlook21_cp1252.vcf": {
        "Hélène Dubois": (
            "Agence France-Presse",
            "Correspondante économie",
            "",
            [
                ("email", "", "helene.dubois@afp.example"),
                ("phone", "fax", "+442073537301"),
                ("phone", "mobile", "+33698765432"),
                ("phone", "work", "+442073537300"),
            ],
        ),
        "Carlos Reyes (AP)": (
            "Associated Press",
            "",
            "",
            [
                ("email", "", "creyes@ap.example"),
                ("phone", "mobile", "+19175550123"),
                ("phone", "work", "+12126211500"),
            ],
        ),
    },
    # Samsung vCard 2.1: CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE names, ORG and TITLE broken inside a character,
    # X-ANDROID-CUSTOM, a custom "X-Newsdesk" number.
    "samsung_qp21.vcf": {
        "Renáta Šimková": (
            "Česká televize (zpravodajství) – redakce zahraniční",
            "Zahraniční zpravodajká",
            "",
            [
                ("email", "work", "renata.simkova@ceskatelevize.example"),
                ("phone", "mobile", "+420603123456"),
                ("phone", "work", "+420222095111"),
            ],
        ),
        "Françoise Müller (Reuters)": (
            "",
            "",
            "",
            [
                ("email", "home", "francoise.m@mail.example"),
                ("phone", "mobile", "+447811909090"),
                ("phone", "work", "+12028988300"),
            ],
        ),
    },
    # Meltwater-style XLSX: "X Handle", "Topics", "Country" (a US number without +1).
    "meltwater_export.xlsx": {
        "Björn Lindqvist": (
            "Dagens Nyheter",
            "Energy Reporter",
            "Energy, Climate",
            [
                ("email", "", "bjorn.lindqvist@dn.example"),
                ("phone", "", "+4687381000"),
                ("phone", "mobile", "+46701234567"),
            ],
        ),
        "Laura Bianchi (RAI)": (
            "RAI News",
            "Producer",
            "Health",
            [("email", "", "laura.bianchi@rai.example"), ("phone", "mobile", "+447811787878")],
        ),
        "Derek Osei": (
            "CNN International",
            "Correspondent",
            "Business",
            [("email", "", "derek.osei@cnn.example"), ("phone", "", "+12122757800")],
        ),
    },
    # A media list whose header is in row 2 under a title merged across the columns; a mobile stored as a number.
    "media_list_merged_title.xlsx": {
        "Ffion Llewelyn": (
            "BBC Cymru Wales",
            "Education Correspondent",
            "Education",
            [
                ("email", "", "ffion.llewelyn@bbc.example"),
                ("phone", "", "+442920322000"),
                ("phone", "mobile", "+447811232323"),
            ],
        ),
        "Tomás Ruiz (El País)": (
            "El País",
            "London Correspondent",
            "Politics, Brexit",
            [("email", "", "truiz@elpais.example"), ("phone", "", "+34913378200")],
        ),
        "Amy Chen": (
            "The Washington Post",
            "Reporter",
            "Tech",
            [
                ("email", "", "amy.chen@washpost.example"),
                ("phone", "", "+12023346000"),
                ("phone", "mobile", "+447811676700"),
            ],
        ),
    },
    # Old Excel (.xls, BIFF8): a title over the header, numbers Excel stored as numbers (their leading 0 gone).
    "media_list_old_excel.xls": {
        "Gareth Pryce": (
            "South Wales Argus",
            "News Editor",
            "Local politics",
            [
                ("email", "", "gareth.pryce@argus.example"),
                ("phone", "", "+441633810000"),
                ("phone", "mobile", "+447811454545"),
            ],
        ),
        "Eilidh MacLeòid": (
            "The Herald",
            "Health Correspondent",
            "Health",
            [("email", "", "eilidh.macleoid@herald.example"), ("phone", "", "+441413027000")],
        ),
        "Paul Becker (AP)": (
            "Associated Press",
            "Bureau Chief",
            "General",
            [("email", "", "pbecker@ap.example"), ("phone", "", "+12126211500")],
        ),
    },
    # LibreOffice (.ods): a merged title over the header, "Media Outlet", "Direct Dial".
    "media_list_libreoffice.ods": {
        "Anaïs Moreau": (
            "France 24",
            "Reporter",
            "Culture",
            [
                ("email", "", "anais.moreau@france24.example"),
                ("phone", "mobile", "+33611223344"),
                ("phone", "work", "+33184228484"),
            ],
        ),
        "Jamie Dunn [Metro]": (
            "Metro",
            "Showbiz Editor",
            "Entertainment",
            [
                ("email", "", "jamie.dunn@metro.example"),
                ("phone", "mobile", "+447811010101"),
                ("phone", "work", "+442036150000"),
            ],
        ),
        "Sarah Klein": (
            "NPR",
            "Science Correspondent",
            "Science",
            [("email", "", "sklein@npr.example"), ("phone", "work", "+12025132000")],
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
        beats = {j.name: j.beat for j in s.exec(select(Journalist))}
        got = {
            p.name: (p.outlet, p.role, beats[p.name], sorted(tuple(d) for d in p.detail["labelled"]))
            for p in queries.list_journalists(s, limit=100)
        }
    assert got == EXPECTED[name]


def test_the_dry_run_of_an_old_excel_list_counts_its_people_and_stores_none(migrated, desk_copy) -> None:
    db = desk_copy(migrated, "contacts.db")

    def run(*args: str):
        return CliRunner().invoke(main, ["--db", db, "--officer", "Test Officer", "--region", "GB", *args])

    done = run("import", "contacts", "--dry-run", "--json", str(FIXTURES / "media_list_old_excel.xls"))
    assert done.exit_code == 0, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["rows"], summary["added"], summary["rejected"], summary["dry_run"]) == (3, 3, [], True)
    assert json.loads(run("list", "journalists", "--json").stdout) == []
