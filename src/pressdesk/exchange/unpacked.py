"""How much a zip-based file (.xlsx, .docx) unpacks to, read from its directory before any part is unpacked."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import BinaryIO


def unpacked_over(file: str | Path | BinaryIO, limit: int) -> str:
    """Why the zip is refused ("unpacks to 3,072 MB (at most 256 MB)"), or "" when it fits or is no zip at all (its
    reader then says what is wrong with it)."""
    try:
        with zipfile.ZipFile(file) as archive:
            total = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return ""
    if total <= limit:
        return ""
    return f"unpacks to {total >> 20:,} MB (at most {limit >> 20:,} MB)"
