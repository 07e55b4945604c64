"""Empty databases for the backend tests: a SQLite file, or a new database on the PostgreSQL server PRESSDESK_TEST_DB
names (made for one test and dropped after it)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

NO_SERVER = "PostgreSQL tests need a server: run `make test-pg` (or set PRESSDESK_TEST_DB=postgresql+psycopg://...)"


def backend_urls() -> list:
    """The backends to run on: sqlite always, postgresql skipped (saying why) when no server is named."""
    server = os.environ.get("PRESSDESK_TEST_DB", "")
    return [
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=[] if server else [pytest.mark.skip(reason=NO_SERVER)]),
    ]


@contextmanager
def fresh_database(backend: str, tmp_path, *, template: str | None = None) -> Iterator[str]:
    """The URL of an empty database on this backend (or a copy of template, a URL from here), removed afterwards."""
    if backend == "sqlite":
        path = tmp_path / "backend.db"
        if template is not None:
            shutil.copy(template, path)
        yield str(path)
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    server = make_url(os.environ["PRESSDESK_TEST_DB"])
    name = f"pressdesk_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            model = make_url(template).database if template else "template1"
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{model}"'))
        yield server.set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@contextmanager
def new_server_desk(tmp_path) -> Iterator[str]:
    """The URL of a new, migrated, empty desk on the PostgreSQL server; the test is skipped, saying why, without one."""
    if not os.environ.get("PRESSDESK_TEST_DB"):
        pytest.skip(NO_SERVER)
    from pressdesk.store import open_desk

    with fresh_database("postgresql", tmp_path) as url:
        open_desk(url).dispose()
        yield url
