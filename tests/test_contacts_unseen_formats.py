"""The formats the unseen exports brought: LDIF address books, old Excel and LibreOffice sheets, a ".xls" that is
text, and headers named as address books and media databases name them; bad values still rejected where they are."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from pressdesk.exchange.contacts import ContactFileError, Detail, count_records, file_format, read_contacts
from pressdesk.exchange.contacts.columns import map_columns
from pressdesk.limits import LONGEST_FILE_LINE
from pressdesk.services.contact_import import import_contacts

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"

PERSON = "dn: cn=Ann Lee,mail=ann@times.example\nobjectclass: person\ncn: Ann Lee\nmail: ann@times.example\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """A file with this text in this encoding."""
    path.write_bytes(text.encode(encoding))
    return path


def test_workbooks_are_known_by_their_first_bytes_and_ldif_by_its_first_entry(tmp_path):
    as_text = write(tmp_path / "address-book.txt", "# exported\nversion: 1\n" + PERSON)
    assert [file_format(FIXTURES / n) for n in ("media_list_old_excel.xls", "media_list_libreoffice.ods")] == [
        "xlsx",
        "xlsx",
    ]
    assert (file_format(FIXTURES / "thunderbird.ldif"), file_format(as_text)) == ("ldif", "ldif")


def test_a_dot_xls_that_is_tab_separated_text_is_read_as_the_text_it_is(tmp_path):
    path = write(tmp_path / "export.xls", "Name\tOutlet\tEmail\r\nAnn Lee\tThe Times\tann@times.example\r\n", "cp1252")
    [ann] = list(read_contacts(path))
    assert (ann.full_name, ann.organisation, ann.emails) == (
        "Ann Lee",
        "The Times",
        [Detail("", "ann@times.example", "Email")],
    )


def test_an_old_excel_list_is_read_below_its_title_with_numbers_excel_stored_as_numbers():
    gareth = next(iter(read_contacts(FIXTURES / "media_list_old_excel.xls")))
    assert (gareth.row, gareth.full_name, gareth.organisation, gareth.title) == (
        3,
        "Gareth Pryce",
        "South Wales Argus",
        "News Editor",
    )
    assert [(d.label, d.value) for d in gareth.phones] == [("", "1633810000"), ("mobile", "7811454545")]


@pytest.mark.parametrize(
    ("header", "field", "label"),
    [
        ("Primary Email", "emails", ""),
        ("Secondary Email", "emails", "other"),
        ("Fax Number", "phones", "fax"),
        ("Pager Number", "phones", "other"),
        ("Mobile Phone Number", "phones", "mobile"),
        ("Phone No.", "phones", ""),
    ],
)
def test_address_book_and_crm_detail_columns_are_recognised_with_their_labels(header, field, label):
    columns = map_columns(["Name", header])
    record = columns.record(
        ["Ann Lee", "ann@times.example" if field == "emails" else "+44 20 7946 0123"], row=2, source="x"
    )
    assert [d.label for d in getattr(record, field)] == [label]


def test_a_column_listing_several_outlets_gives_the_first_and_a_title_beside_job_title_stays_out():
    columns = map_columns(["Title", "Forename", "Surname", "Job Title", "Outlets", "Sectors", "CC"])
    record = columns.record(
        ["Dr", "Ellen", "Park", "Editor", "The Economist; 1843", "Science", "US"], row=2, source="x"
    )
    assert (record.full_name, record.title, record.organisation, record.beat, record.country) == (
        "Ellen Park",
        "Editor",
        "The Economist",
        "Science",
        "US",
    )


def test_a_progress_bar_knows_about_how_many_entries_an_ldif_file_and_an_old_sheet_hold():
    assert count_records(FIXTURES / "thunderbird.ldif") == 4  # three people and a mailing list
    assert count_records(FIXTURES / "media_list_old_excel.xls") == 5  # the header, three people, a blank row


def test_an_ldif_value_given_as_a_url_is_never_fetched(tmp_path):
    secret = write(tmp_path / "secret.txt", "SECRET")
    path = write(tmp_path / "book.ldif", PERSON + f"description:< file://{secret}\n")
    [ann] = list(read_contacts(path))
    assert (ann.full_name, ann.notes) == ("Ann Lee", "")


def test_ldif_text_is_kept_as_written_never_as_markup(tmp_path):
    name = "[bold red]Ann[/] =1+2"
    encoded = base64.b64encode(name.encode()).decode()
    [ann] = list(read_contacts(write(tmp_path / "book.ldif", PERSON.replace("cn: Ann Lee", f"cn:: {encoded}"))))
    assert ann.full_name == name


def test_a_file_that_is_not_ldif_after_its_first_entry_is_refused_in_one_line(tmp_path):
    path = write(tmp_path / "book.ldif", PERSON + "\ndn: cn=Bo\nthis line has no colon\n")
    with pytest.raises(ContactFileError) as refused:
        list(read_contacts(path))
    assert str(refused.value).startswith("book.ldif entry 2 is not LDIF: ")
    assert "\n" not in str(refused.value)


def test_an_ldif_entry_longer_than_any_contact_is_refused_before_it_is_held(tmp_path):
    path = tmp_path / "huge.ldif"
    with path.open("w", encoding="ascii") as fh:
        fh.write(PERSON + "description: x\n")
        for _ in range(LONGEST_FILE_LINE // (1 << 16) + 1):
            fh.write(" " + "x" * (1 << 16) + "\n")
    with pytest.raises(ContactFileError, match=f"huge.ldif has an entry over {LONGEST_FILE_LINE:,} characters"):
        list(read_contacts(path))


def test_a_bad_address_in_an_ldif_entry_is_rejected_with_its_entry_attribute_and_reason(empty_desk, tmp_path):
    path = write(tmp_path / "book.ldif", PERSON + "\n" + PERSON.replace("ann@times.example", "bo@@times") + "\n")
    with empty_desk.write() as s:
        summary = import_contacts(s, who="Test Officer", region="GB", files=[path], dry_run=True)
    [rejected] = summary.rejected
    assert (rejected.file, rejected.row, rejected.field, rejected.value) == ("book.ldif", 2, "mail", "bo@@times")
    assert rejected.reason


@pytest.mark.parametrize(
    ("headers", "cells", "first", "last", "name"),
    [
        (["Prénom", "Nom", "Société"], ["Anne", "Lefèvre", "Le Monde"], "Anne", "Lefèvre", ""),
        (["Nom", "Société"], ["Anne Lefèvre", "Le Monde"], "", "", "Anne Lefèvre"),
        (["Nome", "Cognome", "Società"], ["Luca", "Rossi", "La Repubblica"], "Luca", "Rossi", ""),
        (["Nombre", "Apellidos", "Compañía"], ["Lucía", "Álvarez", "El País"], "Lucía", "Álvarez", ""),
        (["Nombre", "Medio"], ["Lucía Álvarez", "El País"], "", "", "Lucía Álvarez"),
    ],
)
def test_a_name_column_in_french_italian_or_spanish_is_a_surname_a_forename_or_the_whole_name_by_its_neighbours(
    headers, cells, first, last, name
):
    record = map_columns([*headers, "Email"]).record([*cells, "a@b.example"], row=2, source="x")
    assert (record.first, record.last, record.name) == (first, last, name)


@pytest.mark.parametrize(
    ("header", "field", "label"),
    [
        ("Phone - Mobile", "phones", "mobile"),
        ("Phone (Work)", "phones", "work"),
        ("Email - Personal", "emails", "home"),
        ("Contact Email", "emails", ""),
        ("Contact Phone", "phones", ""),
        ("Journalist Mobile", "phones", "mobile"),
    ],
)
def test_a_detail_column_named_by_its_kind_and_its_label_in_either_order_is_recognised(header, field, label):
    value = "ann@times.example" if field == "emails" else "+44 20 7946 0123"
    record = map_columns(["Name", header]).record(["Ann Lee", value], row=2, source="x")
    assert [(d.label, d.value) for d in getattr(record, field)] == [(label, value)]


@pytest.mark.parametrize("header", ["Email Opt Out", "E-mail Display Name", "Phone Extension", "Mobile Carrier"])
def test_a_column_about_an_address_or_number_that_holds_none_is_not_read_as_one(header):
    record = map_columns(["Name", "Email", header]).record(["Ann Lee", "ann@times.example", "x"], row=2, source="x")
    assert ([d.value for d in record.emails], record.phones) == (["ann@times.example"], [])


def test_crm_columns_name_the_company_and_the_country():
    record = map_columns(["Full Name", "Account Name", "Mailing Country", "Phone"]).record(
        ["Ann Lee", "The Times", "United States", "(212) 556-1234"], row=2, source="x"
    )
    assert (record.organisation, record.country) == ("The Times", "United States")


def test_a_quoted_printable_vcard_21_name_without_a_charset_is_read_in_the_windows_code_page(tmp_path):
    card = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen\r\n"
    card += "FN;ENCODING=QUOTED-PRINTABLE:J=FCrgen M=FCller\r\nTEL;CELL:+49 151 41289933\r\nEND:VCARD\r\n"
    [card_read] = list(read_contacts(write(tmp_path / "nokia.vcf", card)))
    assert (card_read.full_name, card_read.first, card_read.last, card_read.problems) == (
        "Jürgen Müller",
        "Jürgen",
        "Müller",
        [],
    )


def test_a_workbook_whose_first_sheet_is_a_cover_page_is_read_from_the_sheet_with_the_list(tmp_path):
    import xlsxwriter

    path = tmp_path / "export.xlsx"
    with xlsxwriter.Workbook(str(path)) as book:
        cover = book.add_worksheet("Search")
        cover.write_column(0, 0, ["Search criteria", "Beat: Health", "Country: United Kingdom"])
        contacts = book.add_worksheet("Contacts")
        contacts.write_row(0, 0, ["Name", "Outlet", "Email"])
        contacts.write_row(1, 0, ["Ann Lee", "The Times", "ann@times.example"])
    [ann] = list(read_contacts(path))
    assert (ann.row, ann.full_name, ann.organisation) == (2, "Ann Lee", "The Times")
    assert count_records(path) == 1


def test_a_formula_read_from_an_address_book_goes_out_inert(empty_desk, tmp_path):
    import csv
    import io

    from pressdesk.services import contact_export

    book = PERSON + 'description: =HYPERLINK("http://x.example","Ann")\n'
    with empty_desk.write() as s:
        assert import_contacts(s, who="Test Officer", region="GB", files=[write(tmp_path / "b.ldif", book)]).added == 1
    out = io.StringIO()
    with empty_desk.read() as s:
        contact_export.export_contacts(s, fmt="csv", out=out)
    [ann] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (ann["Name"], ann["Notes"]) == ("Ann Lee", '\'=HYPERLINK("http://x.example","Ann")')


@pytest.mark.parametrize(
    ("header", "kind", "label"),
    [
        ("Primäre E-Mail-Adresse", "email", ""),
        ("Sekundäre E-Mail-Adresse", "email", "other"),
        ("Tel. dienstlich", "phone", "work"),
        ("Tel. privat", "phone", "home"),
        ("Mobil-Tel.-Nr.", "phone", "mobile"),
        ("Fax-Nummer", "phone", "fax"),
        ("Adresse électronique principale", "email", ""),
        ("Adresse électronique secondaire", "email", "other"),
        ("Tél. professionnel", "phone", "work"),
        ("Tél. personnel", "phone", "home"),
        ("Portable", "phone", "mobile"),
        ("Correo electrónico", "email", ""),
        ("Endereço de email", "email", ""),
        ("Celular", "phone", "mobile"),
        ("Telefone comercial", "phone", "work"),
        ("Telefone residencial", "phone", "home"),
        ("Additional email addresses", "email", "other"),
        ("Alternate Email 1", "email", "other"),
        ("Alternative Phone", "phone", "other"),
    ],
)
def test_a_localised_address_book_export_names_its_detail_columns_in_its_own_language(header, kind, label):
    value = "ann@times.example" if kind == "email" else "+44 20 7946 0123"
    record = map_columns(["Name", header]).record(["Ann Lee", value], row=2, source="x")
    assert [(d.label, d.value) for d in (record.emails if kind == "email" else record.phones)] == [(label, value)]


@pytest.mark.parametrize(
    ("header", "field"), [("Anzeigename", "name"), ("Nom à afficher", "name"), ("Title(s)", "title")]
)
def test_a_localised_or_plural_name_or_job_column_is_recognised(header, field):
    record = map_columns(["Email", header]).record(["ann@times.example", "Ann Lee"], row=2, source="x")
    assert getattr(record, field) == "Ann Lee"


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_a_preamble_with_commas_over_a_header_in_another_delimiter_is_read_by_the_header(tmp_path, delimiter):
    lines = [
        "Exported from Vuelio, 27/11/2026, 3 contacts",
        "",
        "Name;Outlet;Email",
        "Ann Lee;The Times;ann@times.example",
    ]
    path = write(tmp_path / "list.csv", "\r\n".join(lines).replace(";", delimiter) + "\r\n", "cp1252")
    [ann] = list(read_contacts(path))
    assert (ann.row, ann.full_name, ann.organisation, [d.value for d in ann.emails]) == (
        4,
        "Ann Lee",
        "The Times",
        ["ann@times.example"],
    )


@pytest.mark.parametrize(
    "start",
    [
        "<html><body><table><tr><td>Name</td><td>Email</td></tr>",
        '\ufeff<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
    ],
)
def test_a_web_page_or_xml_saved_as_xls_is_refused_saying_how_to_save_it(tmp_path, start):
    path = write(tmp_path / "export.xls", start + "\n")
    with pytest.raises(ContactFileError) as refused:
        list(read_contacts(path))
    assert str(refused.value) == (
        "export.xls is a web page or XML file, not a spreadsheet or CSV: open it in Excel and save it as .xlsx or .csv."
    )


def _repeated_ods(path: Path, rows: int, columns: int) -> Path:
    """The LibreOffice fixture, its trailing empty rows made `rows` rows of `columns` cells saying "x" (a few KB)."""
    import re
    import zipfile

    with zipfile.ZipFile(FIXTURES / "media_list_libreoffice.ods") as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "content.xml":
                filled = (
                    rf'<table:table-row\1table:number-rows-repeated="{rows}"><table:table-cell office:value-type='
                    rf'"string" table:number-columns-repeated="{columns}"><text:p>x</text:p></table:table-cell>'
                    r"</table:table-row>"
                )
                content = re.sub(
                    rb'<table:table-row([^>]*?)table:number-rows-repeated="\d+"><table:table-cell '
                    rb'table:number-columns-repeated="\d+"/></table:table-row>',
                    filled.encode(),
                    content,
                )
            target.writestr(item, content)
    return path


def test_an_ods_whose_repeated_cells_span_too_many_is_refused_before_they_are_held(tmp_path):
    path = _repeated_ods(tmp_path / "far.ods", 20_000, 600)
    assert path.stat().st_size < 100_000
    assert count_records(path) == 0, "the progress bar's count does not read it either"
    with pytest.raises(ContactFileError) as refused:
        list(read_contacts(path))
    assert str(refused.value).startswith("far.ods has a sheet spanning 20,006 rows by 600 columns")


def test_an_ods_with_libreoffices_own_empty_repeats_is_read():
    assert len(list(read_contacts(FIXTURES / "media_list_libreoffice.ods"))) == 3


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("_$!<HomeFAX>!$_", "fax"),
        ("_$!<WorkFAX>!$_", "fax"),
        ("Work Fax", "fax"),
        ("Work Mobile", "mobile"),
        ("iPhone", "mobile"),
        ("_$!<Main>!$_", "work"),
        ("Newsdesk", "work"),
    ],
)
def test_a_label_naming_a_device_and_a_place_is_the_device(label, expected):
    from pressdesk.exchange.contacts import label_of

    assert label_of(label) == expected


def test_an_apple_home_fax_and_a_vcard_3_work_fax_are_faxes(tmp_path):
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nitem1.TEL:+44 20 7946 0001\r\nitem1.X-ABLabel:_$!<HomeFAX>!$_\r\n"
        "TEL;TYPE=WORK,FAX:+44 20 7946 0002\r\nTEL;TYPE=WORK,VOICE:+44 20 7946 0003\r\nEND:VCARD\r\n"
    )
    [ann] = list(read_contacts(write(tmp_path / "ann.vcf", card)))
    assert [d.label for d in ann.phones] == ["fax", "fax", "work"]


def test_blank_lines_before_a_header_are_looked_past_once_when_telling_the_format(tmp_path):
    path = write(tmp_path / "list.txt", "\r\n" * 40 + "Name,Email\r\nAnn Lee,ann@times.example\r\n")
    assert file_format(path) == "csv"


def test_an_ldif_value_in_a_windows_code_page_is_read_as_its_text(tmp_path):
    path = tmp_path / "book.ldif"
    path.write_bytes(PERSON.replace("cn: Ann Lee", "cn: J\u00fcrgen M\u00fcller").encode("cp1252"))
    [jurgen] = list(read_contacts(path))
    assert jurgen.full_name == "J\u00fcrgen M\u00fcller"


def test_importing_an_ldif_entry_the_parser_warns_about_prints_only_the_summary(tmp_path, migrated, desk_copy):
    import os
    import subprocess
    import sys

    path = tmp_path / "book.ldif"
    path.write_bytes(PERSON.replace("dn: cn=Ann Lee", "dn: cn=J\u00fcrgen").encode("cp1252"))
    db = desk_copy(migrated, "desk.db")
    done = subprocess.run(
        [sys.executable, "-m", "pressdesk", "--db", db, "--region", "GB", "import", "contacts", "--dry-run", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PRESSDESK_HOME": str(tmp_path / "home")},
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert "added 1" in done.stdout and "codec" not in done.stdout
