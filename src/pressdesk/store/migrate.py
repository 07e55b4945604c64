"""Run the Alembic migrations that ship inside the package, backing up a SQLite desk first."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pressdesk.store.errors import StoreError, mask_url

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Engine


class Desk(Protocol):
    """What migrating needs of an opened desk (a store.desk.Desk): typed here, so this module never imports that one."""

    @property
    def url(self) -> str:
        """The desk's SQLAlchemy URL."""

    @property
    def engine(self) -> Engine:
        """Its engine, pragmas set."""

    @property
    def path(self) -> Path | None:
        """Its SQLite file, if it has one."""


MIGRATIONS = Path(__file__).with_name("migrations")
HEAD = "0015_search_point_owners"
"""The newest migration shipped (a test keeps it equal to Alembic's head), so an up-to-date desk opens
without importing Alembic at all: about 130 ms saved on every start."""

LOCK_TIMEOUT_S = 300
"""How long a process waits for another one that is creating or upgrading the same desk file."""

KEEP_BACKUPS = 3
"""How many copies taken before migrations are kept beside a desk (the newest ones); older ones are removed."""

PRE_MIGRATION = "before-"
"""The label of the copies upgrade() takes; only these are pruned, never a copy made for another reason."""


def alembic_config(desk: Desk | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations (and at the desk, if given)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if desk is not None:
        cfg.set_main_option("sqlalchemy.url", desk.url.replace("%", "%%"))
        cfg.attributes["engine"] = desk.engine
    return cfg


@dataclass(frozen=True)
class MigrationStatus:
    """Where a desk's schema stands against the migrations in this version of pressdesk."""

    current: str | None
    head: str
    pending: tuple[str, ...]

    @property
    def up_to_date(self) -> bool:
        """Whether no migration is waiting."""
        return not self.pending


def status(desk: Desk) -> MigrationStatus:
    """The desk's current revision, the newest one, and those still to run."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    with desk.engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    from alembic.script.revision import RevisionError

    try:
        pending = tuple(rev.revision for rev in reversed(list(script.iterate_revisions(head, current))))
    except RevisionError:  # alembic's ResolutionError: a revision this pressdesk has never heard of
        raise StoreError(
            f"this desk's schema is {current!r}, which this pressdesk does not know (its newest is {head!r}): it was "
            "made or upgraded by another version of pressdesk; open it with that version, or restore a backup."
        ) from None
    return MigrationStatus(current=current, head=head or "", pending=pending)


def backup_sqlite(path: Path, label: str) -> Path:
    """Copy a SQLite desk aside with the online backup API, under a name no other backup has; private to its owner."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    n = 1
    while True:
        target = path.with_name(f"{path.name}.{label}-{stamp}{'' if n == 1 else f'-{n}'}.bak")
        try:
            os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            break
        except FileExistsError:
            n += 1
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target


def prune_backups(path: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Remove all but the newest `keep` pre-migration copies of a desk; returns those removed."""
    copies = sorted(path.parent.glob(f"{path.name}.{PRE_MIGRATION}*.bak"), key=lambda p: (p.stat().st_mtime, p.name))
    removed = copies[: max(len(copies) - keep, 0)]
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


def known_revisions() -> set[str]:
    """Every schema revision this pressdesk's migrations know."""
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


@contextmanager
def migration_lock(desk: Desk) -> Iterator[None]:
    """Hold a lock file beside a SQLite desk so one process at a time creates or upgrades it; others wait."""
    path = desk.path
    if path is None:
        yield
        return
    from filelock import FileLock, Timeout

    lock = FileLock(path.with_name(path.name + ".lock"), timeout=LOCK_TIMEOUT_S, mode=0o600)
    try:
        lock.acquire()
    except Timeout:
        raise StoreError(
            f"another pressdesk has been creating or upgrading {path} for {LOCK_TIMEOUT_S // 60} minutes; "
            "try again when it has finished."
        ) from None
    try:
        yield
    finally:
        lock.release()


def current_revision(desk: Desk) -> str | None:
    """The desk's schema revision, read without Alembic (None for an empty desk)."""
    from sqlalchemy import inspect, text

    with desk.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(desk: Desk, revision: str = "head", *, backup: bool = True) -> MigrationStatus:
    """Bring the desk up to date, one process at a time; a SQLite desk that already held data is backed up first
    (unless backup=False: a copy being prepared for a restore), keeping the last few such copies."""
    at_head = MigrationStatus(current=HEAD, head=HEAD, pending=())
    if revision == "head" and current_revision(desk) == HEAD:
        return at_head
    with migration_lock(desk):
        if revision == "head" and current_revision(desk) == HEAD:  # another process has just done the work
            return at_head
        before = status(desk)
        if before.up_to_date:
            return before
        if before.current is None:
            _refuse_foreign_database(desk)
        path = desk.path
        if backup and path is not None and before.current is not None and path.stat().st_size > 0:
            backup_sqlite(path, f"{PRE_MIGRATION}{before.head}")
            prune_backups(path)
        from alembic import command

        command.upgrade(alembic_config(desk), revision)
    return status(desk)


def _refuse_foreign_database(desk: Desk) -> None:
    """Refuse to add the desk's tables to a database that already holds another program's tables."""
    from sqlalchemy import inspect

    with desk.engine.connect() as conn:
        tables = inspect(conn).get_table_names()
    if tables:
        raise StoreError(f"{mask_url(desk.url)} is a database but not a pressdesk desk (it has other tables).")
