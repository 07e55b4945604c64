"""Releases in the files they arrive in: text in any encoding, .eml, .html, .docx, .pdf and .msg, each read alike."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pressdesk.errors import FieldError
from pressdesk.exchange.release import parse_release
from pressdesk.exchange.release.files import ReleaseFileError, html_to_text, text_of_file
from pressdesk.services import intake

FILES = Path(__file__).resolve().parents[1] / "fixtures" / "releases" / "files"
CAMBRIDGE = "Ancient pollen reveals how East Anglia's fens were drained"


def _read(name: str):
    """The release read from a sample file, through the same path the CLI and TUI use."""
    text, _source = intake.read_release_file(str(FILES / name))
    return parse_release(text)


def test_a_newsroom_page_gives_the_release_without_menus_scripts_or_footer() -> None:
    parsed = _read("newsroom.html")
    assert parsed.title == CAMBRIDGE.replace("'", "’")  # &rsquo; in the page
    assert parsed.embargo == dt.datetime(2026, 1, 21, 16, 0, tzinfo=dt.UTC)
    assert [e.display_name for e in parsed.experts] == ["Dr Harriet Quilley", "Professor Samuel Adeyemi"]
    contact = parsed.press_contacts[0]
    assert (contact.name, contact.email, contact.phones) == (
        "Lucy Tremlett",
        "lt402@fenland.example",
        ("+441223123456",),
    )
    assert "analytics" not in parsed.body and "Privacy" not in parsed.body


def test_an_email_gives_its_plain_text_part() -> None:
    parsed = _read("emailed.eml")
    assert parsed.title == CAMBRIDGE
    assert parsed.press_contacts[0].email == "lt402@fenland.example"
    assert "only shown by mail programs" not in parsed.body


def test_an_html_only_email_is_converted_and_its_subject_is_the_title() -> None:
    parsed = _read("emailed_html_only.eml")
    assert parsed.title == "Koala numbers stabilise in New South Wales north coast forests"
    assert parsed.embargo == dt.datetime(2025, 6, 16, 14, 1, tzinfo=dt.UTC)
    assert parsed.experts[0].display_name == "Associate Professor Bronwyn Hale"
    assert parsed.press_contacts[0].phones == ("+61413555102",)


def test_a_windows_1252_text_file_is_read_with_its_accents() -> None:
    parsed = _read("windows1252.txt")
    assert parsed.title == "Stadtbäume kühlen Straßen um bis zu vier Grad"
    assert parsed.press_contacts[0].organisation == "Institut für Stadtklima Bremen"


def test_a_word_document_is_read_paragraph_by_paragraph(tmp_path) -> None:
    import docx

    document = docx.Document()
    for paragraph in (FILES / "windows1252.txt").read_bytes().decode("cp1252").split("\n"):
        document.add_paragraph(paragraph)
    path = tmp_path / "release.docx"
    document.save(path)
    text, source = intake.read_release_file(str(path))
    assert source == "release.docx"
    assert parse_release(text).press_contacts[0].phones == ("+4942121890140",)


def _pdf(lines: list[str]) -> bytes:
    """A one-page PDF that shows these lines of text (Latin-1), made by hand for the test."""
    shown = "".join(f"({line.replace('(', '[').replace(')', ']')}) Tj T* " for line in lines)
    stream = f"BT /F1 10 Tf 14 TL 50 800 Td {shown}ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def test_a_pdf_is_read_page_by_page(tmp_path) -> None:
    lines = (FILES / "windows1252.txt").read_bytes().decode("cp1252").replace("–", "-").split("\n")
    path = tmp_path / "release.pdf"
    path.write_bytes(_pdf(lines))
    text, _source = intake.read_release_file(str(path))
    parsed = parse_release(text)
    assert parsed.title == "Stadtbäume kühlen Straßen um bis zu vier Grad"
    assert parsed.date == dt.date(2025, 10, 9)


def test_an_outlook_message_that_cannot_be_opened_says_so(tmp_path) -> None:
    path = tmp_path / "release.msg"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(FieldError) as info:
        intake.read_release_file(str(path))
    assert info.value.field == "file" and "release.msg is not an Outlook message that can be read" in info.value.reason


def test_a_msg_without_the_optional_library_names_what_to_install(monkeypatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_extract_msg(name, *args, **kwargs):
        if name == "extract_msg":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_extract_msg)
    with pytest.raises(ReleaseFileError, match=r"install pressdesk\[msg\]"):
        text_of_file(b"\xd0\xcf\x11\xe0", "release.msg")


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("release.doc", b"\xd0\xcf\x11\xe0 old word", "release.doc is an old Word file: save it as .docx or .pdf"),
        ("release.pages", b"PK\x03\x04 pages", "release.pages is a Pages file: export it as .docx or .pdf"),
        ("scan.pdf", b"%PDF-1.4 broken", "scan.pdf is not a PDF that can be read"),
        ("release.docx", b"PK\x03\x04 not really", "release.docx is not a Word document that can be opened"),
        ("photo.jpg.txt", b"%PDF-1.4\n...", "is not a text file"),
        ("nul.txt", b"Title\n\x00\x00", "nul.txt has NUL bytes; it is not a plain-text file."),
    ],
)
def test_a_file_that_cannot_be_read_gets_one_clear_line(tmp_path, name: str, data: bytes, says: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(FieldError) as info:
        intake.read_release_file(str(path))
    assert info.value.field == "file" and says in info.value.reason and "\n" not in info.value.reason


def test_html_entities_and_lists_become_plain_lines() -> None:
    text = html_to_text("<ul><li>Dr Ann&nbsp;Lee &amp; team</li><li>[bold]x[/bold]</li></ul><p>End</p>")
    assert text.split("\n") == ["• Dr Ann\xa0Lee & team", "• [bold]x[/bold]", "", "End"]
