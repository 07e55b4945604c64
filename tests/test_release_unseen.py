"""Release layouts the corpus lacked until round 11 (whole releases are in fixtures/releases/ho_*): each rule the
reader needed for them, on the smallest release that shows it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from pressdesk.exchange.release import parse_release
from pressdesk.services import intake
from tests.release_scoring import CORPUS

_BODY = (
    "Seabird colonies recover fastest where rats were removed first\n\n"
    "Seabird numbers on islands where rats were removed recovered faster, a study has found.\n\n"
)


def _contacts(text: str) -> list[dict]:
    return parse_release(text).as_dict()["press_contacts"]


def test_a_contact_called_mr_under_a_contact_heading_is_a_press_contact() -> None:
    found = parse_release(
        _BODY + "Media enquiries:\nMr Kenneth Cheung, Senior Information Officer\nTel: +852 2123 4567\n"
    ).as_dict()
    assert [c["name"] for c in found["press_contacts"]] == ["Kenneth Cheung"]
    assert found["experts"] == []


def test_a_quebec_release_skips_its_french_marker_and_reads_renseignements_after_30() -> None:
    found = parse_release(
        "COMMUNIQUÉ\nPour diffusion immédiate\n\n"
        "Des capteurs pour surveiller 300 ponts du Québec\n\n"
        "MONTRÉAL, le 12 mars 2026 /CNW/ – Des capteurs sur 300 ponts repéreront les fissures.\n\n"
        "- 30 -\n\nRenseignements :\nMaxime Gagnon\nConseiller en communication\n514 555-0199\n"
        "maxime.gagnon@iqi.example.qc.ca\n",
        default_region="CA",
    ).as_dict()
    assert found["title"] == "Des capteurs pour surveiller 300 ponts du Québec"
    assert found["place"].casefold() == "montréal"
    assert found["press_contacts"][0]["name"] == "Maxime Gagnon"
    assert found["press_contacts"][0]["phones"] == ["+15145550199"]


def test_issued_by_after_the_body_heads_the_press_contact() -> None:
    contacts = _contacts(
        _BODY + "ENDS\n\nIssued by:\nLerato Mokoena\nMedia Liaison Officer, University of the Southern Cape\n"
        "Tel: +27 (0)21 555 0123\nEmail: lerato.mokoena@usc.example.ac.za\n"
    )
    assert [(c["name"], c["phones"]) for c in contacts] == [("Lerato Mokoena", ["+27215550123"])]


def test_a_whatsapp_or_signal_number_is_the_contacts_mobile_and_the_label_is_no_organisation() -> None:
    contacts = _contacts(
        _BODY + "Contact\nBen Hollis, Media Manager, Larder Link\nTel: 020 7946 0331\n"
        "WhatsApp / Signal: +44 7911 123 615\nEmail: media@larderlink.example.org.uk\n"
    )
    assert contacts[0]["organisation"] == "Larder Link"
    assert contacts[0]["phones"] == ["+442079460331", "+447911123615"]
    assert contacts[0]["phone_labels"]["+447911123615"] == "mobile"
    assert contacts[0]["email"] == "media@larderlink.example.org.uk"


def test_a_number_written_with_letters_is_read_as_its_digits() -> None:
    contacts = _contacts(
        _BODY + "For more information please contact:\nSophie Kerr, PR Manager, Bloomfield Florists\n"
        "Freephone: 0800 FLOWERS\nsophie.kerr@bloomfield.example.co.uk\n"
    )
    assert contacts[0]["organisation"] == "Bloomfield Florists"
    assert contacts[0]["phones"] == ["+448003569377"]


def test_a_signature_after_kind_regards_is_the_press_contact() -> None:
    contacts = _contacts(
        _BODY + "Kind regards,\n\nJane Smith\nPress Officer | Carers Together\n"
        "T: 020 7946 0542 | M: 07911 123 777 | E: jane.smith@carerstogether.example.org.uk\n"
    )
    assert [(c["name"], c["role"], c["organisation"]) for c in contacts] == [
        ("Jane Smith", "Press Officer", "Carers Together")
    ]
    assert contacts[0]["phones"] == ["+442079460542", "+447911123777"]


def test_a_legal_footer_after_the_contact_is_not_read_as_a_contact_or_the_issuer() -> None:
    found = parse_release(
        _BODY + "– ENDS –\n\nMedia contact: Tom Barrow, Senior Media Officer, 0121 496 0188, "
        "tom.barrow@haldenwater.example.co.uk\n\n"
        "Halden Water plc is registered in England and Wales, company number 02366789. Registered office: Halden "
        "House, 12 Waterside Way, Birmingham B1 1AA. Switchboard: 0121 496 0000. This email is confidential.\n"
    ).as_dict()
    assert [(c["name"], c["phones"], c["organisation"]) for c in found["press_contacts"]] == [
        ("Tom Barrow", ["+441214960188"], None)
    ]
    assert all("registered" not in org for org in found["issuer"])


def test_contacts_pasted_as_a_table_with_a_header_row_are_read_row_by_row() -> None:
    contacts = _contacts(
        _BODY + "Media contacts\n"
        "Name              Role                      Phone            Email\n"
        "Owen Tallis       Senior Press Officer      0113 496 0118    o.tallis@northhaven.example.ac.uk\n"
        "Priya Chandran\tMedia Relations Manager\t07911 123 842\tp.chandran@northhaven.example.ac.uk\n"
    )
    assert [(c["name"], c["role"], c["phones"], c["email"]) for c in contacts] == [
        ("Owen Tallis", "Senior Press Officer", ["+441134960118"], "o.tallis@northhaven.example.ac.uk"),
        ("Priya Chandran", "Media Relations Manager", ["+447911123842"], "p.chandran@northhaven.example.ac.uk"),
    ]


@pytest.mark.parametrize(
    "subject",
    [
        None,  # the file's own: "EMBARGOED: 00:01 GMT Thursday 12 March 2026 – Otters are back …"
        "Otters are back on every major river in Ireland, survey finds [EMBARGO 00:01 GMT 12 March 2026]",
        "Fwd: Embargoed until 00:01 12/03/2026: Otters are back on every major river in Ireland, survey finds",
    ],
)
def test_an_embargo_written_only_in_an_emails_subject_line_is_read(subject: str | None, tmp_path: Path) -> None:
    email = (CORPUS / "files" / "embargo_in_subject.eml").read_text(encoding="utf-8")
    if subject:
        email = re.sub(r"(?m)^Subject: .*$", f"Subject: {subject}", email)
    (tmp_path / "release.eml").write_text(email, encoding="utf-8")
    text, _source = intake.read_release_file(str(tmp_path / "release.eml"))
    parsed = parse_release(text)
    assert parsed.title == "Otters are back on every major river in Ireland, survey finds"
    assert parsed.embargo == dt.datetime(2026, 3, 12, 0, 1, tzinfo=dt.UTC)
    assert parsed.press_contacts[0].phones == ("+353877654321",)


def test_a_french_title_and_organisation_after_a_speech_verb_are_read() -> None:
    found = parse_release(
        "Un bus à hydrogène relie l'aéroport au centre de Lyon\n\n"
        "Lyon, le 9 mars 2026 – La ligne part toutes les vingt minutes.\n\n"
        "« Ces bus ne rejettent que de la vapeur d'eau », souligne Marc Delorme, directeur des opérations de la "
        "Régie des transports lyonnais.\n\n"
        "Renseignements :\nMaxime Gagnon\nConseiller en communication\nRégie des transports lyonnais\n"
        "+33 4 72 10 35 60\n"
    ).as_dict()
    assert [(e["name"], e["title"], e["affiliation"]) for e in found["experts"]] == [
        ("Marc Delorme", "Directeur des opérations", "Régie des transports lyonnais")
    ]
    assert [(c["name"], c["role"], c["organisation"]) for c in found["press_contacts"]] == [
        ("Maxime Gagnon", "Conseiller en communication", "Régie des transports lyonnais")
    ]


def test_a_wire_release_with_the_contact_after_its_dateline_and_a_source_line() -> None:
    found = parse_release(
        "Kestrel Health wins approval for at-home kidney test kit\n\n"
        "NASHVILLE, Tenn., March 12, 2026 -- Contact: Renee Alvarado, ralvarado@kestrelhealth.example, "
        "(615) 555-0187\n\nSource: Kestrel Health Inc.\n\n"
        "Kestrel Health Inc. said today that regulators have cleared its at-home test for early kidney disease.\n",
        default_region="US",
    ).as_dict()
    assert found["issuer"] == ["Kestrel Health Inc."]
    assert [(c["name"], c["email"], c["phones"]) for c in found["press_contacts"]] == [
        ("Renee Alvarado", "ralvarado@kestrelhealth.example", ["+16155550187"])
    ]
    assert (
        "Contact"
        not in parse_release(
            "Kestrel Health wins approval\n\nNASHVILLE, Tenn., March 12, 2026 -- Contact: Renee Alvarado, "
            "(615) 555-0187\n\nKestrel Health said today that regulators cleared its test.\n",
            default_region="US",
        ).body
    )


@pytest.mark.parametrize(
    ("lead", "issuer"),
    [
        (
            "Seabird numbers recovered fastest, according to a study led by the University of Northhaven.",
            "University of Northhaven",
        ),
        ("Halden Water will replace 300 miles of lead pipes by 2030, the company said today.", "Halden Water"),
    ],
)
def test_the_issuer_is_read_from_a_study_led_by_it_or_the_company_said(lead: str, issuer: str) -> None:
    found = parse_release(f"Lead pipes to go\n\n{lead}\n\nMedia contact: Tom Barrow, 0121 496 0188\n").as_dict()
    assert found["issuer"] == [issuer]


def test_an_agency_contact_for_a_client_names_the_client_as_issuer_not_the_agency() -> None:
    found = parse_release(
        "Lumen Grid to put solar panels on 120 Punggol housing blocks\n\n"
        "SINGAPORE, 6 March 2026 – Lumen Grid Pte. Ltd. will install rooftop solar panels on 120 blocks.\n\n"
        "For media queries, please contact:\n\nMs Nur Aisyah Rahman\n"
        "Senior Associate, Crescent Communications (for Lumen Grid)\nHP: +65 9123 4567\n"
    ).as_dict()
    assert found["issuer"] == ["Lumen Grid Pte. Ltd."]
    assert [(c["name"], c["role"], c["organisation"], c["phone_labels"]) for c in found["press_contacts"]] == [
        ("Nur Aisyah Rahman", "Senior Associate", "Crescent Communications", {"+6591234567": "mobile"})
    ]


def test_a_swiss_contact_heading_for_medienschaffende_heads_the_contact_block() -> None:
    contacts = _contacts(
        "Gletscher verlieren vier Prozent ihres Volumens\n\nZürich, 4. März 2026 – Die Gletscher schmelzen.\n\n"
        "Kontakt für Medienschaffende:\nCorinne Meier, Mediensprecherin\nTelefon +41 44 634 12 34\n"
        "medien@glaziologie.example.ch\n"
    )
    assert [(c["name"], c["role"], c["phones"]) for c in contacts] == [
        ("Corinne Meier", "Mediensprecherin", ["+41446341234"])
    ]


def test_an_opendocument_text_release_is_read_heading_and_paragraphs_in_order() -> None:
    text, _source = intake.read_release_file(str(CORPUS / "files" / "release.odt"))
    parsed = parse_release(text)
    assert parsed.title == "Half of young carers miss school at least once a week, charity finds"
    assert parsed.embargo == dt.datetime(2026, 3, 17, 0, 1, tzinfo=dt.UTC)
    assert (parsed.press_contacts[0].name, parsed.press_contacts[0].phones) == (
        "Jane Smith",
        ("+442079460542", "+447911123777"),
    )


def test_a_rich_text_release_is_read_with_its_accents_and_quotes() -> None:
    text, _source = intake.read_release_file(str(CORPUS / "files" / "release.rtf"))
    parsed = parse_release(text)
    assert parsed.title == "Cafés in Galway cut food waste by a third with a shared fridge network"
    assert [e.display_name for e in parsed.experts] == ["Siobhán Ní Bhriain"]
    assert parsed.press_contacts[0].phones == ("+35391555123", "+353877654321")
    assert "\\par" not in parsed.body and "{" not in text


@pytest.mark.parametrize(("name", "data"), [("broken.odt", b"PK\x03\x04 not a zip"), ("broken.rtf", b"not rtf at all")])
def test_an_odt_or_rtf_that_is_not_one_is_refused_in_one_line(name: str, data: bytes) -> None:
    from pressdesk.exchange.release.files import ReleaseFileError, text_of_file

    with pytest.raises(ReleaseFileError, match=name):
        text_of_file(data, name)


def test_an_odt_that_unpacks_to_100_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    import io
    import zipfile

    from pressdesk.errors import FieldError

    packed = io.BytesIO()
    with (
        zipfile.ZipFile(CORPUS / "files" / "release.odt") as source,
        zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for item in source.infolist():
            content = source.read(item)
            head, found, tail = content.partition(b"<office:text>")
            bomb.writestr(item.filename, head + found + b" " * (100 << 20) + tail if found else content)
    assert len(packed.getvalue()) < intake.MAX_RELEASE_BYTES
    with pytest.raises(FieldError) as refused:
        intake.release_text(packed.getvalue(), source="release.odt")
    assert refused.value.reason.startswith("release.odt unpacks to 100 MB (at most 64 MB)")


def test_a_press_officer_named_on_the_heading_line_after_the_notes_is_the_contact_with_that_role() -> None:
    contacts = _contacts(
        _BODY + "Note to editors, not for publication:\n\nPress officer: Anne de Vries\nT +31 (0)20 123 4567\n"
        "anne.devries@deltaknowledge.example.nl\n"
    )
    assert [(c["name"], c["role"], c["phones"]) for c in contacts] == [
        ("Anne de Vries", "Press officer", ["+31201234567"])
    ]


def test_a_government_letterhead_over_the_date_is_not_the_title() -> None:
    found = parse_release(
        "Press Information Bureau\nGovernment of India\nMinistry of New and Renewable Energy\n\n"
        "New Delhi, 5 March 2026\n\nRooftop solar scheme reaches one crore homes\n\n"
        "The rooftop solar scheme has reached one crore homes, the ministry said today.\n"
    ).as_dict()
    assert found["title"] == "Rooftop solar scheme reaches one crore homes"


def test_a_spanish_quote_after_explico_la_doctora_and_a_coordinacion_de_comunicacion_role() -> None:
    found = parse_release(
        "La UNAM desarrolla un sensor barato\n\nCiudad de México, 6 de marzo de 2026 – El sensor cuesta poco.\n\n"
        '"Nadie sabía qué respiraban", explicó la doctora Mariana Castillo, investigadora del Instituto de Ciencias de '
        "la Atmósfera.\n\nContacto de prensa:\nLuis Hernández\nCoordinación de Comunicación\nTel. +52 55 1234 5678\n"
    ).as_dict()
    assert [e["name"] for e in found["experts"]] == ["Mariana Castillo"]
    assert [(c["name"], c["role"]) for c in found["press_contacts"]] == [
        ("Luis Hernández", "Coordinación de Comunicación")
    ]


def test_a_department_named_services_after_a_media_relations_line_is_no_person() -> None:
    contacts = _contacts(
        _BODY + "For more information (media only), please contact:\n\nOlivia Batten\nPress Secretary\n613-555-0142\n\n"
        "Media Relations\nIndigenous Services Canada\n613-555-0100\nmedia@isc.example.gc.ca\n"
    )
    assert [(c["name"], c["organisation"], c["role"]) for c in contacts] == [
        ("Olivia Batten", None, "Press Secretary"),
        (None, "Indigenous Services Canada", "Media Relations"),
    ]


def test_an_indian_contact_with_a_bracketed_media_role_and_an_org_of_new_and_renewable_energy() -> None:
    found = parse_release(
        "Rooftop solar scheme reaches one crore homes\n\nNew Delhi, 5 March 2026 – It reached one crore homes.\n\n"
        '"Every rooftop is now a small power station," said Dr. Anil Mehra, Joint Secretary, Ministry of New and '
        "Renewable Energy.\n\nFor further information:\nMr. Rajesh Kumar, Deputy Director (Media)\n"
        "Tel: +91 11 2345 6789\nE-mail: rajesh[dot]kumar[at]nic[dot]in\n"
    ).as_dict()
    assert [e["name"] for e in found["experts"]] == ["Dr Anil Mehra"]
    assert [(c["name"], c["role"], c["email"]) for c in found["press_contacts"]] == [
        ("Rajesh Kumar", "Deputy Director (Media)", "rajesh.kumar@nic.in")
    ]


def test_a_ministers_portfolio_named_like_an_organisation_stays_in_the_title() -> None:
    found = parse_release(
        "Clean water for northern communities\n\nMarch 4, 2026 — Ottawa, Ontario\n\nEight advisories lift.\n\n"
        '"Every family should be able to drink the water from their tap," said the Honourable Patty Hajdu, Minister of '
        "Indigenous Services.\n"
    ).as_dict()
    assert [(e["name"], e["title"], e["affiliation"]) for e in found["experts"]] == [
        ("Patty Hajdu", "Minister of Indigenous Services", None)
    ]


def test_the_issuer_announcing_by_name_is_read_even_without_an_organisation_word() -> None:
    found = parse_release(
        "Sydney ferries to run on battery power by 2030\n\n"
        "All Sydney ferries will be battery-electric by 2030 under a plan announced today by Transport for New South "
        "Wales.\n\nMedia contact: Sam Nguyen 0412 345 678\n",
        default_region="AU",
    ).as_dict()
    assert found["issuer"] == ["Transport for New South Wales"]


def test_in_a_stack_of_letterheads_the_issuer_is_the_most_specific_that_is_no_press_office() -> None:
    found = parse_release(
        "Press Information Bureau\nGovernment of India\nMinistry of New and Renewable Energy\n\n"
        "New Delhi, 5 March 2026\n\nRooftop solar scheme reaches one crore homes\n\n"
        "The rooftop solar scheme has reached one crore homes, officials said today.\n"
    ).as_dict()
    assert found["issuer"] == ["Ministry of New and Renewable Energy"]


def test_contacts_in_a_markdown_table_are_read_row_by_row_without_the_header_as_organisation() -> None:
    contacts = _contacts(
        _BODY + "Media contacts\n\n| Name | Role | Phone | Email |\n|---|---|---|---|\n"
        "| Owen Tallis | Senior Press Officer | 0113 496 0118 | o.tallis@northhaven.example.ac.uk |\n"
        "| Priya Chandran | Media Relations Manager | 07911 123 842 | p.chandran@northhaven.example.ac.uk |\n"
    )
    assert [(c["name"], c["role"], c["organisation"], c["phones"]) for c in contacts] == [
        ("Owen Tallis", "Senior Press Officer", None, ["+441134960118"]),
        ("Priya Chandran", "Media Relations Manager", None, ["+447911123842"]),
    ]


def test_a_contact_name_in_capitals_is_the_persons_name() -> None:
    contacts = _contacts(_BODY + "MEDIA CONTACT:\nJANE SMITH\nPress Officer\n020 7946 0123\n")
    assert [(c["name"], c["role"], c["organisation"]) for c in contacts] == [("Jane Smith", "Press Officer", None)]


def test_a_contact_line_written_as_a_sentence_gives_the_person_not_the_words_as_organisation() -> None:
    contacts = _contacts(
        _BODY + "Media contact\nEmail jane.smith@northhaven.example.ac.uk or call Jane Smith on 020 7946 0123\n"
    )
    assert [(c["name"], c["organisation"], c["phones"]) for c in contacts] == [("Jane Smith", None, ["+442079460123"])]


def test_office_hours_beside_a_number_are_no_organisation() -> None:
    contacts = _contacts(
        _BODY + "Media contact: Jane Smith, Press Officer, 020 7946 0123 (9am–5pm, Mon–Fri), jane@northhaven.example\n"
    )
    assert [(c["name"], c["organisation"]) for c in contacts] == [("Jane Smith", None)]


def test_the_contact_named_after_offered_experts_is_not_the_last_experts_title() -> None:
    found = parse_release(
        _BODY + "To arrange an interview with Dr Siân Evans or Professor Rhys Morgan, contact Jane Smith, Press "
        "Officer, on 020 7946 0123.\n"
    ).as_dict()
    assert [(e["name"], e["title"], e["affiliation"]) for e in found["experts"]] == [
        ("Dr Siân Evans", None, None),
        ("Professor Rhys Morgan", None, None),
    ]


def test_a_release_issued_on_behalf_of_a_client_by_an_agency_names_the_client_as_issuer() -> None:
    found = parse_release(
        _BODY + "Issued on behalf of Northhaven University by Brightside PR.\n"
        "For more information contact Tom Hale at Brightside PR on 020 7946 0999 or tom@brightside.example\n"
    ).as_dict()
    assert found["issuer"] == ["Northhaven University"]
    assert [(c["name"], c["organisation"]) for c in found["press_contacts"]] == [("Tom Hale", "Brightside PR")]


def test_experts_under_interview_opportunities_are_listed() -> None:
    found = parse_release(
        _BODY + "Interview opportunities:\nDr Siân Evans, lead author\nProfessor Rhys Morgan, co-author\n\n"
        "Media contact: Jane Smith, Press Officer, 020 7946 0123\n"
    ).as_dict()
    assert [(e["name"], e["source"]) for e in found["experts"]] == [
        ("Dr Siân Evans", "listed"),
        ("Professor Rhys Morgan", "listed"),
    ]


def test_a_long_run_of_capitals_after_a_number_is_read_once_and_is_no_number() -> None:
    from pressdesk.exchange.release.channels import phones_in

    assert phones_in("0800 " + "A" * 200_000 + "@", ["GB"], []) == []  # tried from each split of the run: hours


def test_a_megabyte_subject_that_starts_with_an_embargo_is_read_once() -> None:
    from pressdesk.exchange.release.files import text_of_file

    email = b"Subject: Embargo 1" + b"1" * 1_000_000 + b"\r\n\r\nBody of the release.\r\n"
    assert text_of_file(email, "release.eml").endswith("Body of the release.\r\n")
