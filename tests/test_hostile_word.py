"""A Word release whose zip directory understates a part is refused in one line, read 1 MB at a time: never unpacked
whole first (it peaked at the part's full size, 200 MB, before the refusal)."""

from __future__ import annotations

import io
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
