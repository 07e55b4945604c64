"""OpenDocument releases from the wild: damaged or understated parts are refused in one line, memory bounded."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from pressdesk.errors import FieldError
from pressdesk.services import intake
from tests.test_hostile_files import _understated

ODT = Path(__file__).parent.parent / "fixtures" / "releases" / "files" / "release.odt"
BLANKS = 80 << 20


def test_an_odt_whose_directory_understates_its_text_is_refused_with_memory_bounded(tmp_path):
    path = tmp_path / "release.odt"
    with zipfile.ZipFile(ODT) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            content = source.read(item)
            head, found, tail = content.partition(b"<office:text>")
            z.writestr(item, head + found + b" " * BLANKS + tail if found else content)
    data = _understated(path, "content.xml", 1000).read_bytes()
    tracemalloc.start()
    try:
        with pytest.raises(FieldError) as refused:
            intake.release_text(data, source="release.odt")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused.value.reason == "release.odt is not an OpenDocument text that can be opened."
    assert peak < BLANKS // 8, f"peaked at {peak >> 20} MB"


def test_an_odt_whose_packed_text_is_damaged_is_refused_in_one_line():
    data = bytearray(ODT.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        part = z.getinfo("content.xml")
    assert part.compress_type == zipfile.ZIP_DEFLATED
    start = part.header_offset + 30 + len(part.filename) + len(part.extra)
    data[start + 40 : start + 48] = b"\xff" * 8  # inside the packed XML: the inflater fails mid-stream
    with pytest.raises(FieldError) as refused:
        intake.release_text(bytes(data), source="release.odt")
    assert refused.value.reason == "release.odt is not an OpenDocument text that can be opened."
