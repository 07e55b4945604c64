"""Backups you can trust: a consistent private copy taken while others write, and a restore that checks first."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pressdesk.store.errors import StoreError, mask_url
from pressdesk.store.files import PRIVATE_FILE, create_private_file, make_private_folder

if TYPE_CHECKING:
    from pressdesk.store.desk import Desk

BUSY_TIMEOUT_S = 30
"""How long a backup or restore waits for a writer that holds the desk."""


def _reserve(target: Path) -> None:
    """Create the target empty and private, refusing one that exists (so nothing is ever overwritten)."""
    make_private_folder(target.parent)
    try:
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))
    except FileExistsError:
        raise StoreError(f"{target} already exists; give a new file name (a backup never overwrites).") from None
    except OSError as exc:
        raise StoreError(f"cannot write {target}: {exc.strerror or exc}.") from None


def find_pg_dump() -> str | None:
    """pg_dump on PATH, or in the newest /usr/lib/postgresql/*/bin (Debian's layout); None when not installed."""
    found = shutil.which("pg_dump")
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_dump"), key=lambda p: p.parent.parent.name)
    return str(candidates[-1]) if candidates else None


def _backup_server(desk: Desk, path: Path) -> Path:
    """A PostgreSQL desk into a new private file: pg_dump's custom format (for pg_restore) where pg_dump is
    installed, else a logical copy into a new SQLite desk (which `pressdesk db copy --from` can bring back)."""
    from sqlalchemy.engine import make_url

    _reserve(path)
    try:
        tool = find_pg_dump()
        if tool is None:
            from pressdesk.store.copy import copy_desk
            from pressdesk.store.desk import open_desk

            copy = open_desk(path)
            try:
                copy_desk(desk, copy)
            finally:
                copy.dispose()
        else:
            url = make_url(desk.url)
            env = os.environ | ({"PGPASSWORD": url.password} if url.password else {})  # never on the command line
            plain = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
            done = subprocess.run(
                [tool, "--format=custom", "--no-owner", "--file", str(path), "--dbname", plain],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                reason = (done.stderr.strip().splitlines() or ["pg_dump failed"])[-1]
                raise StoreError(f"cannot back up {mask_url(desk.url)}: {mask_url(reason)}.")
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    os.chmod(path, PRIVATE_FILE)
    return path


def backup(desk: Desk, target: str | os.PathLike[str]) -> Path:
    """Copy the desk to a new file, private to its owner: one consistent moment, even while others write.

    `VACUUM INTO` reads inside one transaction (WAL lets writers carry on) and writes a compact copy without free
    pages, so nothing erased survives into a backup. Refuses a target that exists. A PostgreSQL desk is dumped
    with pg_dump where installed, else copied into a new SQLite desk."""
    if desk.path is None:
        if desk.engine.dialect.name == "postgresql":
            return _backup_server(desk, Path(target).expanduser().resolve())
        raise StoreError(f"{mask_url(desk.url)} is not a desk file; back up a server database with its own tools.")
    path = Path(target).expanduser().resolve()
    if path == desk.path.resolve():
        raise StoreError(f"{path} is the desk itself; give another file name.")
    _reserve(path)
    try:
        con = sqlite3.connect(desk.path, timeout=BUSY_TIMEOUT_S)
        try:
            con.execute("VACUUM INTO ?", (str(path),))
        finally:
            con.close()
        problems = _integrity(path)
    except BaseException as exc:
        path.unlink(missing_ok=True)
        if isinstance(exc, sqlite3.Error):
            raise StoreError(f"cannot back up {desk.path}: {exc}.") from None
        raise
    if problems:
        path.unlink(missing_ok=True)
        raise StoreError(f"the copy of {desk.path} failed its check ({problems[0]}); nothing was kept.")
    os.chmod(path, PRIVATE_FILE)
    return path


def _integrity(path: Path) -> list[str]:
    """SQLite's integrity and foreign-key findings for a desk file (empty when it is sound)."""
    con = sqlite3.connect(path)
    con.text_factory = lambda raw: raw.decode("utf-8", "replace")  # a damaged file's findings may quote any bytes
    try:
        found = [r[0] for r in con.execute("PRAGMA integrity_check")]
        problems = [] if found == ["ok"] else found
        problems += [
            f"{t} row {rowid} points at a missing {parent}"
            for t, rowid, parent, _ in con.execute("PRAGMA foreign_key_check")
        ]
        return problems
    finally:
        con.close()


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the revision the copy stood at, where the desk now stands, and where the old desk went."""

    restored_from: Path
    copy_revision: str
    revision: str
    replaced: Path | None


def _stage(source: Path, staged: Path) -> None:
    """Copy a backup into a private working file beside the desk, reading it through SQLite (its WAL included)."""
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
        dst = sqlite3.connect(staged)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{source} is not a pressdesk desk ({exc}).") from None


def _checked_revision(staged: Path, source: Path) -> str:
    """The copy's schema revision, once it has passed SQLite's checks and is one this pressdesk knows."""
    from pressdesk.store.migrate import HEAD, known_revisions

    try:
        problems = _integrity(staged)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{source} is not a pressdesk desk ({exc}).") from None
    except UnicodeDecodeError as exc:  # SQLite's message about a damaged schema quoted bytes that are not text
        said = exc.object.decode("utf-8", "replace") if isinstance(exc.object, bytes) else "its schema is damaged"
        raise StoreError(f"{source} is not a pressdesk desk ({said}).") from None
    if problems:
        raise StoreError(f"{source} is damaged ({problems[0]}); nothing was restored.")
    con = sqlite3.connect(staged)
    try:
        has_version = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone() if has_version else None
    finally:
        con.close()
    if not revision:
        raise StoreError(f"{source} is not a pressdesk desk (it has no schema revision).")
    if revision[0] not in known_revisions():
        raise StoreError(
            f"{source} was made by a newer pressdesk (schema {revision[0]}; this one knows up to {HEAD}); "
            "install that pressdesk to restore it. Nothing was restored."
        )
    return revision[0]


def _migrate_staged(staged: Path) -> str:
    """Bring the working copy up to this pressdesk's schema (no pre-migration copy: the backup is that copy)."""
    from pressdesk.store.desk import open_desk
    from pressdesk.store.migrate import current_revision, upgrade

    desk = open_desk(staged, migrate=False, create=False)
    try:
        upgrade(desk, backup=False)
        return current_revision(desk) or ""
    finally:
        desk.dispose()


def restore(desk_path: str | os.PathLike[str], from_path: str | os.PathLike[str]) -> RestoreResult:
    """Replace the desk's content with a backup's: checked (integrity, foreign keys, schema) and migrated first, in a
    working copy; then, holding the desk's lock file, the current desk is copied aside (private, a name of its own)
    and the backup written into the desk through SQLite in one step, so any process reading it sees all the old
    desk or all the restored one, never half."""
    from pressdesk.store.migrate import backup_sqlite, migration_lock

    live = Path(desk_path).expanduser().resolve()
    source = Path(from_path).expanduser().resolve()
    if not source.is_file():
        raise StoreError(f"{source} does not exist or is not a file.")
    if source == live:
        raise StoreError(f"{source} is the desk itself; give the backup to restore from.")
    create_private_file(live)  # a restore may make a desk that was not there
    staged = live.with_name(f"{live.name}.restoring-{os.getpid()}")
    staged.unlink(missing_ok=True)
    _reserve(staged)
    try:
        _stage(source, staged)
        copy_revision = _checked_revision(staged, source)
        revision = _migrate_staged(staged)
        with migration_lock(_LockOnly(live)):
            replaced = backup_sqlite(live, "replaced") if live.stat().st_size > 0 else None
            _write_into(staged, live)
    finally:
        for leftover in (staged, *(staged.with_name(staged.name + side) for side in ("-wal", "-shm", ".lock"))):
            with contextlib.suppress(OSError):
                leftover.unlink()
    return RestoreResult(restored_from=source, copy_revision=copy_revision, revision=revision, replaced=replaced)


@dataclass(frozen=True)
class _LockOnly:
    """Just enough of a Desk for migration_lock: the file it guards."""

    path: Path


def _write_into(staged: Path, live: Path) -> None:
    """Write the checked copy over the desk's content with SQLite's backup API, in one step, in WAL mode."""
    src = sqlite3.connect(staged)
    dst = sqlite3.connect(live, timeout=BUSY_TIMEOUT_S)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = WAL")
        dst.execute("PRAGMA wal_checkpoint(PASSIVE)")
    except sqlite3.Error as exc:
        raise StoreError(f"cannot restore into {live}: {exc}.") from None
    finally:
        src.close()
        dst.close()
