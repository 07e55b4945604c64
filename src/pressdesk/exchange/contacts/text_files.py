"""Opening a contacts text file whatever wrote it: UTF-8 (with or without a BOM), UTF-16, or a Windows code page."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from pressdesk.limits import LONGEST_FILE_LINE

SINGLE_BYTE = ["cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "iso8859_15", "mac_roman"]
"""The code pages a file without a BOM that is not UTF-8 is tried in (cp1252 first: Excel and Outlook on Windows)."""

_CHUNK = 1 << 20


class ContactFileError(ValueError):
    """A contacts file that cannot be read at all, with a message fit to show."""


def _is_utf8(path: Path) -> bool:
    """Whether the whole file decodes as UTF-8 (read 1 MB at a time)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as fh:
        try:
            while chunk := fh.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 LE or BE for a sample whose every other byte is NUL (text in Latin letters), else None."""
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return None
    odd = sample[1::2].count(0)
    even = sample[0::2].count(0)
    return "utf-16-le" if odd > even else "utf-16-be"


def _code_page(path: Path) -> str:
    """The most likely single-byte code page of a file (charset-normalizer), cp1252 when it fits as well."""
    from charset_normalizer import from_path

    matches = from_path(path, cp_isolation=SINGLE_BYTE)
    best = matches.best()
    if best is None:
        return "cp1252"
    for match in matches:
        if "cp1252" in match.could_be_from_charset and match.chaos <= best.chaos:
            return "cp1252"
    return best.encoding


def detect_encoding(path: str | Path) -> str:
    """The encoding to read a text file with: a BOM's, UTF-16 by its NUL bytes, UTF-8 if it all decodes, else a code
    page detected with charset-normalizer."""
    path = Path(path)
    with path.open("rb") as fh:
        sample = fh.read(65536)
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if wide := _utf16_without_bom(sample):
        return wide
    if b"\x00" in sample:
        raise ContactFileError(f"{path.name} is not a text file (it has NUL bytes).")
    if _is_utf8(path):
        return "utf-8"
    return _code_page(path)


def open_text(path: str | Path) -> TextIO:
    """The file opened as text in its own encoding, newlines left for the csv module; undecodable bytes replaced."""
    encoding = detect_encoding(path)
    errors = "strict" if encoding.startswith("utf") else "replace"
    return Path(path).open(encoding=encoding, errors=errors, newline="")


def _next_line(handle: TextIO, source: str, number: int) -> str:
    """The next line, at most LONGEST_FILE_LINE + 1 characters; ContactFileError for bytes not in the file's encoding
    (a UTF-16 file cut in the middle of a character, a stray byte in UTF-8)."""
    try:
        return handle.readline(LONGEST_FILE_LINE + 1)
    except UnicodeDecodeError:
        encoding = getattr(handle, "encoding", "its encoding")
        raise ContactFileError(
            f"{source} line {number:,} is not text in the file's encoding ({encoding}): save it again as UTF-8."
        ) from None


def text_lines(handle: TextIO, source: str) -> Iterator[str]:
    """The file's lines, each read at most LONGEST_FILE_LINE characters at a time: a longer line is refused with its
    number (ContactFileError) before it is held whole in memory."""
    number = 0
    while line := _next_line(handle, source, number + 1):
        number += 1
        if len(line) > LONGEST_FILE_LINE:
            raise ContactFileError(
                f"{source} line {number:,} is over {LONGEST_FILE_LINE:,} characters: it is no contacts list."
            )
        yield line
