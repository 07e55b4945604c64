"""Reading contacts files as they come from Google, Outlook, Excel and phones, quirks and all."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressdesk.exchange.contacts import ContactFileError, Detail, count_records, file_format, read_contacts
from pressdesk.exchange.contacts.text_files import detect_encoding

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """A file with this text in this encoding."""
    path.write_bytes(text.encode(encoding))
    return path


def read(path: Path) -> list:
    """Every record of a file."""
    return list(read_contacts(path))


def test_google_export_splits_values_joined_by_three_colons_and_pairs_their_labels():
    ann = read(FIXTURES / "google.csv")[0]
    assert (ann.row, ann.full_name, ann.organisation, ann.title) == (2, "Ann Smith", "The Times", "Education Editor")
    assert ann.emails == [
        Detail("work", "ann.smith@thetimes.co.uk", "E-mail 1 - Value"),
        Detail("home", "annsmith@gmail.com", "E-mail 1 - Value"),
    ]
    assert ann.phones == [Detail("mobile", "07911 123456", "Phone 1 - Value")]


def test_older_google_export_with_type_columns_and_a_name_column(tmp_path):
    path = write(
        tmp_path / "g.csv",
        "Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,"
        "Phone 2 - Type,Phone 2 - Value,Organization 1 - Name,Organization 1 - Title\n"
        "Sam Reid,Sam,Reid,* Work,sam@bbc.example,Work,020 7946 0555,Mobile ::: Home,07911 123456 ::: 01632 960123,"
        "BBC,Reporter\n",
    )
    [sam] = read(path)
    assert sam.full_name == "Sam Reid"
    assert [(d.label, d.value) for d in sam.phones] == [
        ("work", "020 7946 0555"),
        ("mobile", "07911 123456"),
        ("home", "01632 960123"),
    ]


def test_outlook_export_in_utf16_with_its_title_column_beside_job_title():
    records = read(FIXTURES / "outlook.csv")
    assert detect_encoding(FIXTURES / "outlook.csv") == "utf-16"
    ann, sam, tomas = records
    assert (ann.full_name, ann.title, ann.organisation) == ("Ann Smith", "Education Editor", "The Times")
    assert ann.phones == [Detail("work", "020 7946 0123", "Business Phone")]
    assert [d.value for d in sam.emails] == ["sam.reid@bbc.co.uk", "newsdesk@bbc.co.uk"]
    assert (tomas.full_name, tomas.organisation) == ("Tomás Ó Briain", "RTÉ News")


def test_semicolons_in_windows_1252_with_excels_sep_line(tmp_path):
    path = write(
        tmp_path / "list.csv",
        "sep=;\r\nName;Company;E-mail;Mobile\r\nJosé Müller;Süddeutsche Zeitung;jose@sz.example;+49 151 2345 6789\r\n"
        'Zoë "Z" Ball;Le Monde – Paris;zoe@lemonde.example;\r\n',
        "cp1252",
    )
    assert detect_encoding(path) == "cp1252"
    jose, zoe = read(path)
    assert (jose.row, jose.full_name, jose.organisation) == (2, "José Müller", "Süddeutsche Zeitung")
    assert (zoe.full_name, zoe.organisation) == ('Zoë "Z" Ball', "Le Monde – Paris")


def test_utf8_bom_title_rows_above_the_header_tabs_and_several_emails_in_a_cell(tmp_path):
    path = write(
        tmp_path / "list.tsv",
        "Education media list\tNovember\n\nFull Name\tOutlet\tEmail\tTel\nAnn Smith\tThe Times\t"
        "ann@times.example; ann@home.example\t020 7946 0123 / 07911 123456\n",
        "utf-8-sig",
    )
    [ann] = read(path)
    assert ann.row == 4
    assert [d.value for d in ann.emails] == ["ann@times.example", "ann@home.example"]
    assert [d.value for d in ann.phones] == ["020 7946 0123", "07911 123456"]


def test_first_and_last_name_columns_make_the_name_and_a_multiline_note_stays_whole(tmp_path):
    path = write(tmp_path / "a.csv", 'First Name,Last Name,Notes\nAnn,Smith,"line one\nline two"\nBo,Brown,\n')
    ann, bo = read(path)
    assert (ann.full_name, ann.notes, ann.row) == ("Ann Smith", "line one\nline two", 2)
    assert bo.row == 3, "a cell over two lines is still one spreadsheet row"


def test_a_file_without_a_contacts_header_is_refused_saying_what_to_name_the_columns(tmp_path):
    path = write(tmp_path / "odd.csv", "a,b,c\n1,2,3\n")
    with pytest.raises(ContactFileError, match="no header row in its first 20 rows: name the columns Name"):
        read(path)


def test_a_formula_guarded_by_an_apostrophe_reads_back_as_the_formula(tmp_path):
    [row] = read(write(tmp_path / "a.csv", "Name,Phone\n'=1+2,'+44 20 7946 0123\n"))
    assert (row.full_name, row.phones[0].value) == ("=1+2", "+44 20 7946 0123")


def test_apple_vcard_with_item_labels_and_a_folded_note():
    ann, sam = read(FIXTURES / "apple.vcf")
    assert ann.phones == [Detail("mobile", "+44 7911 123456", "TEL")]
    assert ann.emails == [Detail("home", "ann@smith-family.example", "EMAIL")]
    assert ann.notes == "Met at the education select committee briefing, November. Likes data on school places."
    assert (sam.organisation, sam.emails[0].label) == ("BBC News", "work")


def test_android_vcard_21_quoted_printable_with_charset_and_a_soft_line_break():
    elodie, priya = read(FIXTURES / "android.vcf")
    assert (elodie.full_name, elodie.first, elodie.last) == ("Élodie Marchand", "Élodie", "Marchand")
    assert elodie.notes == "Parle français et anglais. Préfère les SMS après 18h."
    assert elodie.phones == [Detail("mobile", "+33612345678", "TEL")]
    assert (priya.row, priya.organisation) == (2, "The Guardian")


def test_vcard_4_tel_uris_quoted_types_and_several_cards(tmp_path):
    path = write(
        tmp_path / "four.vcf",
        'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Sam Reid\r\nTEL;VALUE=uri;TYPE="voice,cell":tel:+1-202-555-0143\r\n'
        "TEL;VALUE=uri;TYPE=work;PREF=1:tel:+44-20-7946-0001;ext=102\r\nEMAIL;TYPE=work:sam@example.com\r\n"
        "CATEGORIES:education,health\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bo Brown\r\nEND:VCARD\r\n",
    )
    sam, bo = read(path)
    assert sam.phones == [
        Detail("mobile", "tel:+1-202-555-0143", "TEL"),
        Detail("work", "tel:+44-20-7946-0001;ext=102", "TEL"),
    ]
    assert (sam.beat, bo.row, bo.full_name) == ("education, health", 2, "Bo Brown")


def test_a_vcard_that_cannot_be_read_is_reported_and_the_others_still_come(tmp_path):
    path = write(
        tmp_path / "bad.vcf",
        "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=FF=FE=FD\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Bo Brown\nEND:VCARD\n",
    )
    bad, bo = read(path)
    assert bad.row == 1 and bad.problems and bad.problems[0][2].startswith("vCard not readable")
    assert bo.full_name == "Bo Brown"


def test_xlsx_media_list_with_its_header_below_a_title_and_numbers_stored_as_numbers(tmp_path):
    import xlsxwriter

    path = tmp_path / "list.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Education")
    sheet.write(0, 0, "Education correspondents — November")
    sheet.write_row(2, 0, ["Name", "Publication", "Email", "Direct line", "Mobile"])
    sheet.write_row(3, 0, ["Zoë Ball", "BBC", "zoe@bbc.example"])
    sheet.write_number(3, 3, 2079460002)
    sheet.write_number(3, 4, 447911123456)
    book.add_worksheet("Other").write(0, 0, "Name")
    book.close()
    assert file_format(path) == "xlsx"
    [zoe] = read(path)
    assert (zoe.row, zoe.full_name, zoe.organisation) == (4, "Zoë Ball", "BBC")
    assert [(d.label, d.value) for d in zoe.phones] == [("work", "2079460002"), ("mobile", "447911123456")]


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ContactFileError, match="is not an Excel workbook"):
        read(path)


def test_a_progress_bar_can_know_about_how_many_people_a_file_holds():
    assert [count_records(FIXTURES / n) for n in ("google.csv", "outlook.csv", "apple.vcf", "android.vcf")] == [
        5,
        3,
        2,
        2,
    ]
