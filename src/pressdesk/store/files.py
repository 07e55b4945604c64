"""Desk files and folders stay private to their owner: created 0600/0700, tightened when found open to others."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
SIDE_FILES = ("-wal", "-shm", ".lock")
"""Files SQLite and the migration lock keep beside a desk; they hold the desk's data (or its locks) too."""


def make_private_folder(folder: Path) -> None:
    """Create a folder and any missing parents, each readable only by its owner."""
    missing: list[Path] = []
    for parent in (folder, *folder.parents):
        if parent.exists():
            break
        missing.append(parent)
    for parent in reversed(missing):
        try:
            parent.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:
            continue  # another process made it first
        os.chmod(parent, PRIVATE_FOLDER)  # mkdir's mode passes through the umask
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)  # raises the reason it cannot be made


def create_private_file(path: Path) -> None:
    """Create an empty file readable only by its owner (and its private folder), if it is not there yet."""
    make_private_folder(path.parent)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
    except FileExistsError:
        return
    os.close(fd)


def _open_to_others(path: Path) -> bool:
    """Whether group or others may read, write or enter this path."""
    return bool(stat.S_IMODE(path.stat().st_mode) & 0o077)


def tighten(path: Path, *, private_folder: bool) -> list[str]:
    """Make a desk file, its side files and (when it is pressdesk's own data folder) its folder private again.

    Returns a warning for each one found open to others that could not be tightened."""
    targets = [(path, PRIVATE_FILE)]
    targets += [(path.with_name(path.name + side), PRIVATE_FILE) for side in SIDE_FILES]
    if private_folder:
        targets.append((path.parent, PRIVATE_FOLDER))
    warnings: list[str] = []
    for target, wanted in targets:
        try:
            if not target.exists() or not _open_to_others(target):
                continue
            os.chmod(target, wanted)
        except OSError as exc:
            warnings.append(
                f"{target} is readable by others and could not be made private ({exc.strerror or exc}); "
                f"run `chmod {wanted:o} {target}`."
            )
    return warnings


def is_data_folder(folder: Path) -> bool:
    """Whether a folder is pressdesk's own data folder (the everyday and demo desks live there)."""
    from pressdesk.paths import data_dir

    try:
        return folder.resolve() == data_dir().expanduser().resolve()
    except OSError:
        return False


@contextlib.contextmanager
def private_output(path: Path) -> Iterator[BinaryIO]:
    """Write a file readable only by its owner: into a private file beside it, moved into place whole at the end (a
    failure leaves the old file, or none, never half a file). For files that hold personal data."""
    path = Path(path)
    fd, part = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")  # 0600
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
        os.replace(part, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(part)
        raise
