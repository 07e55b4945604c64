"""Hostile contacts and release files: a line that never ends, a first line the delimiter sniffer would re-scan for
hours, a workbook or Word file that unpacks to gigabytes. Each is refused in one message naming the file (and the
line), before it is held in memory or read by a library; the files a person really has still come in."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from pressdesk.errors import FieldError
from pressdesk.exchange.contacts import ContactFileError, read_contacts
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
    """The zip-based file with `size` bytes of blanks put into one member after `after` (a few KB more, packed)."""
    with zipfile.ZipFile(io.BytesIO(packed)) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
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
