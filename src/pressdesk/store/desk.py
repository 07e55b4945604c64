"""Open a desk: resolve its URL, build an engine with safe pragmas, migrate, hand out sessions."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlmodel import Session, create_engine

from pressdesk.store import search
from pressdesk.store.errors import DeskMissing, StoreError, mask_url
from pressdesk.store.files import create_private_file, is_data_folder, tighten
from pressdesk.store.presence import application_name

BUSY_TIMEOUT_MS = 10_000


def resolve_url(target: str | os.PathLike[str] | None) -> str:
    """Turn a path or SQLAlchemy URL (or None for the default desk) into a URL."""
    if target is None:
        from pressdesk.paths import default_db_path

        target = default_db_path()
    text = os.fspath(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _switch_to_wal(cursor) -> None:
    """PRAGMA journal_mode = WAL, waiting up to the busy timeout: SQLite refuses the switch at once, without its busy
    handler, while another connection writes a file still in its first mode (two processes creating one desk)."""
    give_up = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= give_up:
                raise
            time.sleep(0.01)


def _install_sqlite_pragmas(engine: Engine) -> None:
    """Set WAL, foreign keys, busy timeout and NORMAL sync on every connection; BEGIN IMMEDIATE for writes."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # the driver must not BEGIN by itself
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _switch_to_wal(cur)
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        immediate = conn.get_execution_options().get("pressdesk_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@dataclass
class Desk:
    """An opened desk: the engine and the way to get short read and write sessions."""

    url: str
    engine: Engine
    warnings: list[str] = field(default_factory=list)
    """What the owner should know about the desk's files (one found readable by others and not tightened)."""

    @property
    def is_sqlite(self) -> bool:
        """Whether this desk is a SQLite file (or memory) rather than a server database."""
        return self.engine.dialect.name == "sqlite"

    @property
    def path(self) -> Path | None:
        """The SQLite file of the desk, if it has one."""
        db = make_url(self.url).database
        return Path(db) if self.is_sqlite and db and db != ":memory:" else None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short session for reading; nothing it does is committed."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self, *, secure_delete: bool = False) -> Iterator[Session]:
        """A short session that takes the write lock at once and commits on success, else rolls back.

        secure_delete: SQLite overwrites with zeros whatever this session deletes or replaces (for erasing people)."""
        if secure_delete and self.is_sqlite:
            with self._securely_deleting() as conn, self._session(conn) as session:
                yield session
            return
        with self._session(self.engine) as session:
            yield session

    @contextmanager
    def _session(self, bind) -> Iterator[Session]:
        """A write session on an engine or connection: committed on success, else rolled back."""
        with Session(bind.execution_options(pressdesk_write=True), expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def _securely_deleting(self) -> Iterator[Connection]:
        """A connection with PRAGMA secure_delete on for as long as it is held (set outside any transaction)."""
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            raw.execute("PRAGMA secure_delete = ON")
            try:
                yield conn
            finally:
                raw.execute("PRAGMA secure_delete = OFF")

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_desk(
    target: str | os.PathLike[str] | None = None,
    *,
    migrate: bool = True,
    create: bool = True,
    echo: bool = False,
    who: str | None = None,
) -> Desk:
    """Open the desk at a path or URL, running pending migrations; a missing SQLite file is created only if asked.
    who: the officer, named on a server desk's connections so others see who has it open (store.presence).

    Raises StoreError (DeskMissing for a missing file) with a message fit to show, never a driver's traceback.
    """
    url = resolve_url(target)
    with explained(url):
        parsed = make_url(url)
        kwargs: dict = {"echo": echo}
        warnings: list[str] = []
        if parsed.get_backend_name() == "sqlite":
            if (file := sqlite_file(url)) is not None:
                _prepare_file(file, create=create)
                warnings = tighten(file, private_folder=is_data_folder(file.parent))
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        elif parsed.get_backend_name() == "postgresql" and who:
            kwargs["connect_args"] = {"application_name": application_name(who)}
        engine = create_engine(url, **kwargs)
        if engine.dialect.name == "sqlite":
            _install_sqlite_pragmas(engine)
            search.install(engine)
        desk = Desk(url=url, engine=engine, warnings=warnings)
        if migrate:
            from pressdesk.store.migrate import upgrade

            upgrade(desk)
        else:
            with engine.connect():  # fail here, clearly, rather than at the first query
                pass
    return desk


def sqlite_file(target: str | os.PathLike[str] | None) -> Path | None:
    """The SQLite file a path or URL names (None for a server database or an in-memory one)."""
    url = resolve_url(target)
    with explained(url):
        parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _prepare_file(path: Path, *, create: bool) -> None:
    """Check that a SQLite desk path is a file; create it (private) when allowed, else refuse a missing one."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a desk file.")
    if path.exists() and not path.is_file():  # made private and written beside, /dev/null would stop working
        raise StoreError(f"{path} is a device or a pipe, not a desk file.")
    if not path.exists():
        if not create:
            raise DeskMissing(str(path))
        create_private_file(path)


@contextmanager
def explained(url: str) -> Iterator[None]:
    """Turn a driver's or SQLAlchemy's failure to open a desk into a StoreError that says what is wrong."""
    shown = mask_url(url)
    try:
        yield
    except StoreError:
        raise
    except NoSuchModuleError:
        raise StoreError(
            f"{shown} is not a database pressdesk can open; give a file path, sqlite:///PATH or postgresql://..."
        ) from None
    except ArgumentError:
        raise StoreError(f"{shown} is neither a file path nor a database URL.") from None
    except ModuleNotFoundError as exc:
        raise StoreError(f"cannot open {shown}: its database driver ({exc.name}) is not installed.") from None
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else type(exc.orig).__name__
        if "file is not a database" in reason:
            raise StoreError(f"{shown} is not a pressdesk desk (the file is not a database).") from None
        raise StoreError(f"cannot open {shown}: {reason}.") from None
    except OSError as exc:
        raise StoreError(f"cannot open {shown}: {exc.strerror or exc}.") from None
    except UnicodeDecodeError as exc:  # SQLite's message about a damaged schema quoted bytes that are not text
        said = exc.object.decode("utf-8", "replace") if isinstance(exc.object, bytes) else "its schema is damaged"
        raise StoreError(f"{shown} is not a pressdesk desk ({said}).") from None
