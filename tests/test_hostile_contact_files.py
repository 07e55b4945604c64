"""Contacts files that are not what they say (a zip named .vcf, a CSV named .xlsx), odd shapes (a chart sheet first,
one column without a header, a header alone) and paths that are no regular file: one line naming the file and what
to do, nothing stored, no hang."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressdesk.cli import main
from pressdesk.exchange.contacts import ContactFileError, count_records, read_contacts
from tests.conftest import desk_target


def refusal(path: Path) -> str:
    """The one-line message reading the file is refused with."""
    with pytest.raises(ContactFileError) as refused:
        list(read_contacts(path))
    message = str(refused.value)
    assert "\n" not in message and message.startswith(path.name)
    return message


@pytest.mark.parametrize("name", ["contacts.vcf", "contacts.csv", "contacts.zip"])
def test_a_zip_of_contacts_files_is_refused_saying_to_unpack_it(tmp_path, name):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("contacts.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEND:VCARD\r\n")
    assert refusal(path) == f"{name} is a zip archive, not a contacts file: unpack it and import the file inside."


def test_a_csv_named_as_a_workbook_is_refused_saying_how_to_save_it(tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_text("Name,Email\nAnn Lee,ann@example.org\n", encoding="utf-8")
    assert refusal(path).endswith("open it in Excel or LibreOffice and save it again as .xlsx or .csv.")


def test_a_workbook_whose_first_sheet_is_a_chart_is_read_from_its_list(tmp_path):
    import xlsxwriter

    path = tmp_path / "charted.xlsx"
    with xlsxwriter.Workbook(str(path)) as book:
        charts = book.add_chartsheet("Chart")
        sheet = book.add_worksheet("Contacts")
        sheet.write_row(0, 0, ["Name", "Email"])
        sheet.write_row(1, 0, ["Ann Lee", "ann@example.org"])
        chart = book.add_chart({"type": "column"})
        chart.add_series({"values": "=Contacts!$B$2:$B$2"})
        charts.set_chart(chart)
        charts.activate()
    [record] = read_contacts(path)
    assert (record.name, [d.value for d in record.emails]) == ("Ann Lee", ["ann@example.org"])


@pytest.mark.parametrize(
    "text", ["ann@example.org\nbo@example.org\n", "Ann Lee\nBo Chen\n", "", "\ufeff", "\n\n\n"], ids=repr
)
def test_a_csv_with_no_header_row_is_refused_naming_the_columns_to_give(tmp_path, text):
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    assert "has no header row" in refusal(path) and "Name" in refusal(path)


@pytest.mark.parametrize("header", ["Name,Email,Phone\n", "Name,Email\n\n\n"])
def test_a_header_alone_is_read_as_no_one(tmp_path, header):
    path = tmp_path / "list.csv"
    path.write_text(header, encoding="utf-8")
    assert list(read_contacts(path)) == []


def test_a_nul_byte_in_a_csv_is_refused_in_one_line(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes(b"Name,Email\nAnn Lee,ann@example.org\nBo\x00 Chen,bo@example.org\n")
    assert refusal(path) == "list.csv is not a text file (it has NUL bytes)."


@pytest.mark.parametrize("kind", ["directory", "fifo", "device"])
def test_counting_what_is_no_regular_file_says_none_without_reading_it(tmp_path, kind):
    if kind == "directory":
        path = tmp_path / "folder.csv"
        path.mkdir()
    elif kind == "fifo":
        path = tmp_path / "pipe.csv"
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
    assert count_records(path) == 0


def test_importing_a_file_whose_name_holds_a_line_break_reports_it_on_one_line(tmp_path, desk):
    path = tmp_path / "media\nlist.csv"
    path.write_text("Name,Email\nAnn Lee,ann@example.org\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", desk_target(desk), "import", "contacts", "--dry-run", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Would import 1 row from media list.csv as journalists:"


@pytest.mark.parametrize("kind", ["directory", "fifo", "device"])
def test_importing_what_is_no_regular_file_is_refused_in_one_line(tmp_path, desk, settings, kind):
    from pressdesk.core import Backend
    from pressdesk.errors import FieldError

    if kind == "directory":
        path = tmp_path / "folder.csv"
        path.mkdir()
    elif kind == "fifo":
        path = tmp_path / "pipe.csv"
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
    backend = Backend(desk, settings)
    with pytest.raises(FieldError) as refused:
        backend.import_contacts([str(path)], dry_run=True)
    assert refused.value.reason == f"{path} does not exist or is not a file."


def test_a_workbook_showing_one_long_shared_string_in_every_cell_is_refused(tmp_path):
    import xlsxwriter

    path = tmp_path / "copies.xlsx"
    with xlsxwriter.Workbook(str(path)) as book:
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, ["Name", "Email"])
        for row in range(1, 2_501):
            sheet.write_row(row, 0, ["x" * 30_000] * 2)
    assert path.stat().st_size < 100_000
    message = refusal(path)
    assert "has cells holding 150,000,009 characters of text in all" in message and "not a contacts list" in message


def test_a_workbook_of_shared_strings_within_reason_is_still_read(tmp_path):
    import xlsxwriter

    path = tmp_path / "list.xlsx"
    with xlsxwriter.Workbook(str(path)) as book:
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, ["Name", "Email", "Notes"])
        for row in range(1, 201):
            sheet.write_row(row, 0, [f"Person {row}", f"p{row}@example.org", "Covers health; prefers email." * 10])
    records = list(read_contacts(path))
    assert len(records) == 200 and records[-1].name == "Person 200"


MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
    ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


def ods(path: Path, repeated_rows: int, text: str) -> Path:
    """An ODS media list: a header, then one row of a cell of `text` repeated twice across, repeated down."""
    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        f' xmlns:table="{table}" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Contacts"><table:table-row>'
        '<table:table-cell office:value-type="string"><text:p>Name</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>Email</text:p></table:table-cell></table:table-row>'
        f'<table:table-row table:number-rows-repeated="{repeated_rows}">'
        '<table:table-cell table:number-columns-repeated="2" office:value-type="string">'
        f"<text:p>{text}</text:p></table:table-cell></table:table-row>"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", MANIFEST)
    return path


def test_an_ods_repeating_one_long_cell_thousands_of_times_is_refused(tmp_path):
    path = ods(tmp_path / "copies.ods", 20_000, "x" * 30_000)
    assert path.stat().st_size < 2_000
    assert "has cells holding 1,200,000,009 characters of text in all" in refusal(path)


def test_an_ods_repeating_a_short_cell_is_still_read(tmp_path):
    records = list(read_contacts(ods(tmp_path / "list.ods", 3, "Ann Lee")))
    assert [r.name for r in records] == ["Ann Lee"] * 3


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ('Name,Email\n"Ann Lee,ann@example.org\nBo Chen,bo@example.org\nCy Dee,cy@example.org\n', "3 lines"),
        ('Name,Email\n"Ann Lee,ann@example.org\n', "1 line"),
    ],
)
def test_a_quote_mark_left_open_is_refused_instead_of_swallowing_the_rest_of_the_file(tmp_path, text, lines):
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    assert refusal(path) == (
        f"list.csv row 2: a quote mark opens a cell that never closes (the rest of the file, {lines}, was read as"
        " that one cell); close the quote or take it out."
    )


@pytest.mark.parametrize(
    "text",
    [
        'Name,Email,Notes\nAnn Lee,ann@example.org,"Rang back\nabout the flood"\n',
        'Name,Email,Notes\nAnn Lee,ann@example.org,"said ""no"""',
        'Name,Email,Notes\nAnn Lee,ann@example.org,5" floppy\n',
    ],
    ids=["a closed cell of two lines last", "doubled quotes, no line end", "a quote mark inside a cell"],
)
def test_quotes_a_real_list_has_are_read_as_they_are(tmp_path, text):
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    [record] = read_contacts(path)
    assert record.name == "Ann Lee" and record.emails[0].value == "ann@example.org"


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_a_workbook_whose_packed_sheet_is_damaged_is_refused_in_one_line(tmp_path, suffix):
    if suffix == "xlsx":
        import xlsxwriter

        path, part = tmp_path / "list.xlsx", "xl/worksheets/sheet1.xml"
        with xlsxwriter.Workbook(str(path)) as book:
            sheet = book.add_worksheet()
            for row in range(50):
                sheet.write_row(row, 0, [f"Person {row}", f"p{row}@example.org"])
    else:
        path, part = ods(tmp_path / "list.ods", 50, "Ann Lee"), "content.xml"
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(part)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 20 : start + 28] = b"\xff" * 8  # inside the packed sheet: the inflater fails mid-stream
    path.write_bytes(bytes(data))
    assert "is not an Excel workbook pressdesk can read" in refusal(path)
    assert count_records(path) == 0


@pytest.mark.parametrize("name", ["phone.vcf", "list.csv"])
def test_a_utf16_file_cut_in_the_middle_of_a_character_is_refused_naming_the_line(tmp_path, name):
    text = {
        "phone.vcf": "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEND:VCARD\r\n",
        "list.csv": "Name,Email\nAnn Lee,ann@example.org\n",
    }[name]
    path = tmp_path / name
    path.write_bytes(text.encode("utf-16")[:-1])  # a byte short: its last character is half there
    message = refusal(path)
    assert "is not text in the file's encoding (utf-16): save it again as UTF-8." in message
