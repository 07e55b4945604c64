"""A Word release whose zip directory understates a part is refused in one line, read 1 MB at a time: never unpacked
whole first (it peaked at the part's full size, 200 MB, before the refusal)."""

from __future__ import annotations

import io
import os
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from pressdesk.errors import FieldError
from pressdesk.services import intake
from tests.test_hostile_files import _understated, _word_file

BLANKS = 80 << 20


def understated_word_file(tmp_path: Path) -> bytes:
    """A Word file whose document part holds 80 MB of blanks (packed small) while its zip directory says 1,000 bytes."""
    path = tmp_path / "release.docx"
    with zipfile.ZipFile(io.BytesIO(_word_file())) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            content = source.read(item)
            head, found, tail = content.partition(b"<w:body>")
            z.writestr(item, head + found + b" " * BLANKS + tail if found else content)
    _understated(path, "word/document.xml", 1000)
    return path.read_bytes()


def test_a_word_file_whose_directory_understates_its_text_is_refused_with_memory_bounded(tmp_path):
    data = understated_word_file(tmp_path)
    assert len(data) < intake.MAX_RELEASE_BYTES
    tracemalloc.start()
    try:
        with pytest.raises(FieldError) as refused:
            intake.release_text(data, source="release.docx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused.value.field == "file"
    assert refused.value.reason.startswith("release.docx is not a Word document that can be opened (Bad CRC-32")
    assert peak < BLANKS // 8, f"peaked at {peak >> 20} MB"


def test_a_sound_word_release_is_still_read():
    assert "Press release" in intake.release_text(_word_file(), source="release.docx")


def test_a_word_file_whose_packed_text_is_damaged_is_refused_in_one_line():
    data = bytearray(_word_file())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        part = z.getinfo("word/document.xml")
    start = part.header_offset + 30 + len(part.filename) + len(part.extra)
    data[start + 40 : start + 48] = b"\xff" * 8  # inside the packed XML: the inflater fails mid-stream
    with pytest.raises(FieldError) as refused:
        intake.release_text(bytes(data), source="release.docx")
    assert refused.value.reason.startswith("release.docx is not a Word document that can be opened (")


def damaged_pdfs() -> dict[str, bytes]:
    """PDFs damaged the ways a generated pass found pypdf raising neither PdfReadError nor a limit."""
    from tests.test_hostile_files import _pdf

    page = b"BT /F1 12 Tf 72 712 Td (Flood model goes national) Tj ET"
    return {
        "an unknown filter": _pdf(page, b"/Filter /FlateDecodX"),
        "a number for a trailer": _pdf(page).replace(b"trailer\n", b"trailer--XX\r\n\n"),
    }


@pytest.mark.parametrize("damage", sorted(damaged_pdfs()))
def test_a_damaged_pdf_is_refused_in_one_line_with_nothing_else_on_stderr(capfd, damage):
    with pytest.raises(FieldError) as refused:
        intake.release_text(damaged_pdfs()[damage], source="r.pdf")
    assert refused.value.reason.startswith("r.pdf is not a PDF that can be read (")
    assert capfd.readouterr().err == ""


def test_a_pdf_pypdf_warns_about_is_read_with_nothing_on_stderr(tmp_path, new_desk_file):
    import subprocess
    import sys

    from tests.test_hostile_files import _pdf

    path = tmp_path / "release.pdf"
    path.write_bytes(_pdf(b"BT /F1 12 Tf 72 712 Td (Flood model goes national) Tj ET")[9:])  # its header gone
    desk = new_desk_file()
    command = [sys.executable, "-m", "pressdesk", "--db", str(desk), "import", "release", "--dry-run", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert done.returncode == 0, done.stderr
    assert "Flood model goes national" in done.stdout
    assert done.stderr == ""


def test_a_word_file_needing_a_zip_version_python_lacks_is_refused_in_one_line():
    data = bytearray(_word_file())
    directory = data.find(b"PK\x01\x02")
    data[directory + 6] = 90  # the first part "needs zip version 9.0" to be unpacked
    with pytest.raises(FieldError) as refused:
        intake.release_text(bytes(data), source="release.docx")
    assert refused.value.reason == "release.docx is not a Word document that can be opened (zip file version 9.0)."
