"""Hostile contacts and release files: a line that never ends, a first line the delimiter sniffer would re-scan for
hours, a workbook or Word file that unpacks to gigabytes. Each is refused in one message naming the file (and the
line), before it is held in memory or read by a library; the files a person really has still come in."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from pressdesk.errors import FieldError
from pressdesk.exchange.contacts import ContactFileError, count_records, read_contacts
from pressdesk.limits import LONGEST_FILE_LINE
from pressdesk.services import intake


def test_a_first_line_of_quotes_and_commas_is_read_once_and_refused_for_its_missing_header(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text(',"' * 100_000 + "\nAnn,ann@example.org\n", encoding="utf-8")
    with pytest.raises(ContactFileError, match=r"^odd\.csv has no header row"):
        list(read_contacts(path))


def test_a_quoted_list_is_still_read_with_its_commas_inside_quotes(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    rows = "".join(f'"Lee, Ann {n}","Daily, Post",ann{n}@example.org\n' for n in range(200))
    path.write_text("Name,Outlet,Email\n" + rows, encoding="utf-8")
    records = list(read_contacts(path))
    assert len(records) == 200
    assert (records[-1].name, records[-1].organisation) == ("Lee, Ann 199", "Daily, Post")


@pytest.mark.parametrize("where", [0, 3])
def test_a_line_longer_than_any_contact_is_refused_naming_the_file_and_line(tmp_path: Path, where: int) -> None:
    path = tmp_path / "huge.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("Name,Email\nAnn,ann@example.org\n" * where)
        fh.write("x" * (LONGEST_FILE_LINE + 1))
    line = 2 * where + 1
    with pytest.raises(ContactFileError) as refused:
        list(read_contacts(path))
    too_long = f"over {LONGEST_FILE_LINE:,} characters: it is no contacts list."
    assert str(refused.value) == f"huge.csv line {line:,} is {too_long}"


def _bomb(packed: bytes, path: Path, member: str, after: bytes, size: int) -> Path:
    """The zip-based file with `size` bytes of blanks put into one member after `after` (a few MB more, packed; at the
    fastest level, a third of the CPU of the default level and still well under what the tests allow)."""
    packing = {"compression": zipfile.ZIP_DEFLATED, "compresslevel": 1}
    with zipfile.ZipFile(io.BytesIO(packed)) as source, zipfile.ZipFile(path, "w", **packing) as z:
        for item in source.infolist():
            content = source.read(item)
            if item.filename != member:
                z.writestr(item, content)
                continue
            head, tail = content.split(after, 1)
            with z.open(member, "w", force_zip64=True) as fh:
                fh.write(head + after)
                block = b" " * (1 << 20)
                for _ in range(size >> 20):
                    fh.write(block)
                fh.write(tail)
    return path


def _workbook() -> bytes:
    """A real one-sheet media list."""
    import xlsxwriter

    data = io.BytesIO()
    with xlsxwriter.Workbook(data) as book:
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, ["Name", "Email"])
        sheet.write_row(1, 0, ["Ann Lee", "ann@example.org"])
    return data.getvalue()


def _word_file() -> bytes:
    """A real one-paragraph Word document."""
    import docx

    data = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Press release")
    document.save(data)
    return data.getvalue()


def test_a_workbook_that_unpacks_to_300_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = _bomb(_workbook(), tmp_path / "list.xlsx", "xl/worksheets/sheet1.xml", b"<sheetData>", 300 << 20)
    assert path.stat().st_size < 4 << 20
    with pytest.raises(ContactFileError) as refused:
        list(read_contacts(path))
    assert str(refused.value).startswith("list.xlsx unpacks to 300 MB (at most 256 MB)")


def _understated(path: Path, member: str, declared: int) -> Path:
    """The zip with one member's unpacked size given as `declared` bytes in its local header and its directory."""
    import struct

    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        header = z.getinfo(member).header_offset
    struct.pack_into("<I", data, header + 22, declared)
    name = member.encode()
    entry = data.rfind(b"PK\x01\x02")  # the directory's entries: find the member's by its name
    while entry >= 0 and data[entry + 46 : entry + 46 + len(name)] != name:
        entry = data.rfind(b"PK\x01\x02", 0, entry)
    struct.pack_into("<I", data, entry + 24, declared)
    path.write_bytes(bytes(data))
    return path


def test_a_workbook_whose_directory_understates_its_sheet_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    with zipfile.ZipFile(io.BytesIO(_workbook())) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():  # the sheet 64 MB longer, packed small
            content = source.read(item)
            head, found, tail = content.partition(b"<sheetData>")
            z.writestr(item, head + found + b" " * (64 << 20) + tail if found else content)
    _understated(path, "xl/worksheets/sheet1.xml", 1000)
    with zipfile.ZipFile(path) as z:
        assert z.getinfo("xl/worksheets/sheet1.xml").file_size == 1000  # what the size check reads
    with pytest.raises(ContactFileError) as refused:
        list(read_contacts(path))
    assert str(refused.value).startswith("list.xlsx is not an Excel workbook pressdesk can read"), str(refused.value)


def test_a_word_file_that_unpacks_to_100_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    data = _bomb(_word_file(), tmp_path / "release.docx", "word/document.xml", b"<w:body>", 100 << 20).read_bytes()
    assert len(data) < intake.MAX_RELEASE_BYTES
    with pytest.raises(FieldError) as refused:
        intake.release_text(data, source="release.docx")
    assert refused.value.field == "file"
    assert refused.value.reason.startswith("release.docx unpacks to 100 MB (at most 64 MB)")


def test_a_card_of_a_million_folded_lines_is_one_problem_and_the_next_card_still_comes_in(tmp_path: Path) -> None:
    path = tmp_path / "phone.vcf"
    folded = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nNOTE:x\r\n" + " y\r\n" * 1_000_000 + "END:VCARD\r\n"
    path.write_text(folded + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Brown\r\nEND:VCARD\r\n", encoding="utf-8")
    first, second = read_contacts(path)
    assert first.problems == [("card", "", "card 1 has over 5,000 lines: it is not one contact.")]
    assert (second.name, second.problems) == ("Bo Brown", [])


def test_a_vcard_line_longer_than_any_contact_is_refused_naming_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "huge.vcf"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:")
        fh.write("A" * (LONGEST_FILE_LINE + 1))
    with pytest.raises(ContactFileError) as refused:
        list(read_contacts(path))
    assert str(refused.value) == f"huge.vcf line 3 is over {LONGEST_FILE_LINE:,} characters: it is no contacts list."


def _pdf(content: bytes, packing: bytes = b"") -> bytes:
    """A one-page PDF whose page draws `content` (packed as `packing` says: b"/Filter /FlateDecode" or as is)."""
    parts = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d %s >>\nstream\n" % (len(content), packing) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    data, offsets = b"%PDF-1.4\n", []
    for number, part in enumerate(parts, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + part + b"\nendobj\n"
    table = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(parts) + 1, len(data))
    return data + b"xref\n0 %d\n0000000000 65535 f \n" % (len(parts) + 1) + table + trailer


def test_a_pdf_is_read_as_its_text() -> None:
    text = intake.release_text(_pdf(b"BT /F1 12 Tf 72 712 Td (Flood model goes national) Tj ET"), source="r.pdf")
    assert text == "Flood model goes national"


def test_a_pdf_whose_page_unpacks_past_what_is_read_is_refused_in_one_line() -> None:
    import zlib

    page = zlib.compress(b"BT /F1 12 Tf 72 712 Td (Hello) Tj ET " + b" " * (100 << 20), 1)  # the fastest packing
    with pytest.raises(FieldError) as refused:
        intake.release_text(_pdf(page, b"/Filter /FlateDecode"), source="r.pdf")
    assert refused.value.field == "file"
    assert refused.value.reason == "r.pdf has a part that unpacks to more than pypdf reads: it is not a press release."


def test_a_pdf_nested_a_hundred_thousand_deep_is_refused_in_one_line() -> None:
    page = b"BT /F1 12 Tf 72 712 Td " + b"[" * 100_000 + b"]" * 100_000 + b" TJ ET"
    with pytest.raises(FieldError) as refused:
        intake.release_text(_pdf(page), source="r.pdf")
    assert refused.value.field == "file"
    assert refused.value.reason == "r.pdf is not a PDF that can be read (it is nested too deeply)."


def test_a_word_file_with_broken_xml_is_refused_in_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(io.BytesIO(_word_file())) as source, zipfile.ZipFile(broken, "w") as z:
        for item in source.infolist():
            z.writestr(item, b"<w:document" if item.filename == "word/document.xml" else source.read(item))
    with pytest.raises(FieldError) as refused:
        intake.release_text(broken.read_bytes(), source="broken.docx")
    assert refused.value.field == "file"
    assert refused.value.reason.startswith("broken.docx is not a Word document that can be opened (")


def test_an_email_in_an_unknown_character_set_is_read_as_the_text_it_holds() -> None:
    data = b'Subject: Flood model\nContent-Type: text/plain; charset="x-made-up"\n\nFlood model goes national.\n'
    assert intake.release_text(data, source="r.eml") == "Flood model goes national.\n"


def test_an_email_nested_three_thousand_parts_deep_is_refused_in_one_line() -> None:
    nest = b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (n, n) for n in range(3000))
    with pytest.raises(FieldError) as refused:
        intake.release_text(b"Subject: Hi\n" + nest + b"Content-Type: text/plain\n\nHello", source="r.eml")
    assert refused.value.field == "file"
    assert refused.value.reason == "r.eml is not an email that can be read (it is nested too deeply)."


def test_a_workbook_with_one_far_off_cell_is_refused_before_its_whole_span_is_held(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "far.xlsx"
    with xlsxwriter.Workbook(path) as book:
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, ["Name", "Email"])
        sheet.write_row(1, 0, ["Ann Lee", "ann@example.org"])
        sheet.write(100_000, 10_000, "x")
    assert count_records(path) == 0, "the progress bar's count does not read it either"
    with pytest.raises(ContactFileError) as refused:
        list(read_contacts(path))
    assert str(refused.value).startswith("far.xlsx has a sheet spanning 100,001 rows by 10,001 columns")


def test_a_workbook_whose_list_starts_lower_down_is_still_read(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "list.xlsx"
    with xlsxwriter.Workbook(path) as book:
        sheet = book.add_worksheet()
        sheet.write_row(2, 1, ["Name", "Email"])
        sheet.write_row(3, 1, ["Ann Lee", "ann@example.org"])
    assert count_records(path) == 1
    [record] = read_contacts(path)
    assert (record.name, [d.value for d in record.emails]) == ("Ann Lee", ["ann@example.org"])


def test_a_note_of_five_thousand_soft_broken_lines_is_joined_whole(tmp_path: Path) -> None:
    path = tmp_path / "android.vcf"
    broken = "=\r\n".join(["NOTE;ENCODING=QUOTED-PRINTABLE:x", *["a" * 40] * 4990, "b"])
    path.write_text(f"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ann Lee\r\n{broken}\r\nEND:VCARD\r\n", encoding="utf-8")
    [record] = read_contacts(path)
    assert (record.name, record.notes) == ("Ann Lee", "x" + "a" * 40 * 4990 + "b")
