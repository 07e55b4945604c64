"""Files whose reading was slow for their size, now bounded: a PDF drawing more than a release holds (its pages, its
content, its operations, a form called again and again) and a vCard card of more text than one contact holds."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from pressdesk.errors import FieldError
from pressdesk.exchange.contacts import read_contacts
from pressdesk.exchange.contacts.vcard_reader import MAX_CARD_CHARS
from pressdesk.limits import PDF_CONTENT_BYTES, PDF_OPERATIONS, PDF_PAGES
from pressdesk.services import intake

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf(contents: list[bytes], form: bytes = b"") -> bytes:
    """A PDF with one page per content given (each packed), every page able to call form /Fm1 drawing `form`."""
    pages = len(contents)
    first_page = 5
    parts = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(pages)), pages),
        FONT,
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>"
        b" /Length %d /Filter /FlateDecode >>\nstream\n"
        % len(zlib.compress(form))
        + zlib.compress(form)
        + b"\nendstream",
    ]
    for number, content in enumerate(contents):
        packed = zlib.compress(content)
        parts.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R" % (first_page + 2 * number + 1)
            + b" /Resources << /Font << /F1 3 0 R >> /XObject << /Fm1 4 0 R >> >> >>"
        )
        parts.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream")
    data, offsets = b"%PDF-1.4\n", []
    for number, part in enumerate(parts, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + part + b"\nendobj\n"
    table = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(parts) + 1, len(data))
    return data + b"xref\n0 %d\n0000000000 65535 f \n" % (len(parts) + 1) + table + trailer


def text_ops(count: int) -> bytes:
    """A page's content showing `count` words, one text operation each."""
    return b"BT /F1 12 Tf 72 712 Td " + b"(word ) Tj " * count + b"ET"


def refused(data: bytes) -> str:
    """The one-line reason the release file is refused for."""
    with pytest.raises(FieldError) as caught:
        intake.release_text(data, source="r.pdf")
    assert caught.value.field == "file" and "\n" not in caught.value.reason
    return caught.value.reason


def test_a_release_pdf_of_a_few_pages_is_read_whole():
    text = intake.release_text(pdf([text_ops(300), b"BT /F1 12 Tf 72 712 Td (The end) Tj ET"]), source="r.pdf")
    assert text.count("word") == 300 and text.endswith("The end")


def test_a_pdf_with_three_hundred_thousand_text_operations_is_refused_for_its_content():
    assert refused(pdf([text_ops(300_000)])).startswith(f"r.pdf draws over {PDF_CONTENT_BYTES >> 20} MB of content")


def test_a_pdf_calling_a_form_a_thousand_times_is_refused_for_the_operations_drawn():
    data = pdf([b"/Fm1 Do " * 1000], form=text_ops(1000))
    assert len(data) < 2000
    assert refused(data).startswith(f"r.pdf draws over {PDF_OPERATIONS:,} operations")


def test_a_pdf_calling_a_form_once_at_its_very_end_is_still_refused_when_the_form_draws_too_much():
    data = pdf([b"/Fm1 Do"], form=text_ops(PDF_OPERATIONS + 10))
    assert "operations" in refused(data)


def test_a_pdf_of_more_pages_than_a_release_is_refused_before_they_are_read():
    assert refused(pdf([b"BT ET"] * (PDF_PAGES + 1))).startswith(f"r.pdf has {PDF_PAGES + 1:,} pages")


def vcard(note_lines: int, piece: str) -> str:
    """A vCard 2.1 card whose note is quoted-printable, broken softly into this many lines of this piece."""
    broken = "=\r\n".join(["NOTE;ENCODING=QUOTED-PRINTABLE:x", *[piece] * note_lines, "b"])
    return f"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ann Lee\r\n{broken}\r\nEND:VCARD\r\n"


def test_a_card_of_more_text_than_one_contact_is_one_problem_and_the_next_card_still_comes_in(tmp_path: Path):
    path = tmp_path / "android.vcf"
    next_card = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Bo Chen\r\nEMAIL:bo@example.org\r\nEND:VCARD\r\n"
    path.write_text(vcard(4990, "a" * 750) + next_card, encoding="utf-8")
    first, second = read_contacts(path)
    assert first.problems == [("card", "", f"card 1 has over {MAX_CARD_CHARS:,} characters: it is not one contact.")]
    assert (second.name, [d.value for d in second.emails]) == ("Bo Chen", ["bo@example.org"])


def test_a_pdf_whose_resources_lead_back_to_themselves_is_read_once():
    data = pdf([b"BT /F1 12 Tf 72 712 Td (Flood model) Tj ET"])
    looped = data.replace(b"/XObject << /Fm1 4 0 R >>", b"/XObject << /Fm1 4 0 R /Catalog 1 0 R >>")
    looped = looped.replace(b"<< /Type /Catalog", b"<< /XObject << /Again 1 0 R >> /Type /Catalog")
    assert intake.release_text(looped, source="r.pdf") == "Flood model"
