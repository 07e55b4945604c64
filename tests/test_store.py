"""The store: pragmas on every connection, immediate write locks, private files, migrations and backups."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
import time

import pytest
from sqlalchemy import text

from pressdesk.store import open_desk
from pressdesk.store.migrate import alembic_config, status, upgrade


def pragma(session, name: str):
    """One PRAGMA's value."""
    return session.execute(text(f"PRAGMA {name}")).scalar()


def test_every_connection_has_safe_pragmas(empty_desk):
    for _ in range(3):  # several pooled connections, each configured on connect
        with empty_desk.read() as s:
            assert pragma(s, "journal_mode") == "wal"
            assert pragma(s, "foreign_keys") == 1
            assert pragma(s, "busy_timeout") >= 5000
            assert pragma(s, "synchronous") == 1  # NORMAL


def test_desk_file_is_private(tmp_path):
    desk = open_desk(tmp_path / "private.db")
    mode = stat.S_IMODE(os.stat(tmp_path / "private.db").st_mode)
    assert mode == 0o600
    desk.dispose()


def test_write_sessions_take_the_lock_at_begin(empty_desk):
    """A second writer waits for the first instead of failing with 'database is locked' mid-way."""
    statements: list[str] = []
    from sqlalchemy import event

    @event.listens_for(empty_desk.engine, "before_cursor_execute")
    def _log(conn, cursor, statement, *args):
        statements.append(statement)

    order: list[str] = []
    with empty_desk.write() as s:
        s.execute(
            text(
                "INSERT INTO outlet (name, name_key, country, kind, website, version, created_at, updated_at,"
                " updated_by) VALUES ('A', 'a', '', '', '', 1, '2026-01-01', '2026-01-01', 't')"
            )
        )

        def second_writer():
            with empty_desk.write() as s2:
                s2.execute(text("SELECT count(*) FROM outlet"))  # a read first: the lock is taken at BEGIN
                order.append("second got lock")
                s2.execute(text("UPDATE outlet SET name = 'B'"))

        t = threading.Thread(target=second_writer)
        t.start()
        time.sleep(0.3)
        order.append("first commits")
    t.join(10)
    assert order == ["first commits", "second got lock"]
    assert "BEGIN IMMEDIATE" in statements


def test_reads_do_not_take_the_write_lock(empty_desk):
    with empty_desk.read() as r:
        r.execute(text("SELECT count(*) FROM enquiry")).scalar()
        with empty_desk.write() as w:  # would block for busy_timeout if the read held a write lock
            w.execute(text("DELETE FROM outlet"))


def test_upgrade_from_empty_reaches_head(tmp_path):
    desk = open_desk(tmp_path / "new.db", migrate=False)
    assert status(desk).current is None
    after = upgrade(desk)
    assert after.up_to_date and after.current == after.head
    with desk.read() as s:
        tables = {r[0] for r in s.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    assert {"enquiry", "journalist", "expert", "release", "activity", "search_index"} <= tables
    desk.dispose()


def test_models_and_migrations_agree(empty_desk):
    from alembic import command

    command.check(alembic_config(empty_desk))  # raises if autogenerate would write anything


def test_pending_migration_backs_up_the_file_first(tmp_path):
    path = tmp_path / "old.db"
    desk = open_desk(path, migrate=False)
    upgrade(desk, "0001")
    with desk.write() as s:
        s.execute(
            text(
                "INSERT INTO outlet (name, name_key, country, kind, website, version, created_at, updated_at,"
                " updated_by) VALUES ('Kept', 'kept', '', '', '', 1, '2026-01-01', '2026-01-01', 't')"
            )
        )
    desk.dispose()
    reopened = open_desk(path)  # runs 0002, copying the file aside first
    backups = list(tmp_path.glob("old.db.before-*.bak"))
    assert len(backups) == 1
    assert stat.S_IMODE(os.stat(backups[0]).st_mode) == 0o600
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT name FROM outlet").fetchall() == [("Kept",)]
    assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    copy.close()
    assert status(reopened).up_to_date
    reopened.dispose()


def test_search_index_follows_writes(demo_desk):
    from pressdesk.services import queries, search

    with demo_desk.read() as s:
        hits = search.search(s, "Khorasan")
    assert any(h.kind == "release" for h in hits)
    with demo_desk.read() as s:
        by_phone = queries.list_journalists(s, text="418 562")
    assert [p.name for p in by_phone] == ["Sam (Samantha) Reid"]


def test_failed_write_leaves_nothing(empty_desk):
    from pressdesk.errors import FieldError
    from pressdesk.services import contacts

    with pytest.raises(FieldError), empty_desk.write() as s:
        contacts.create_journalist(
            s, who="t", region="GB", name="Half Written", outlet="Some Outlet", phones=["not a number"]
        )
    with empty_desk.read() as s:
        assert s.execute(text("SELECT count(*) FROM journalist")).scalar() == 0
        assert s.execute(text("SELECT count(*) FROM outlet")).scalar() == 0


def test_known_head_matches_the_migrations(empty_desk):
    from pressdesk.store.migrate import HEAD, current_revision

    assert status(empty_desk).head == HEAD == current_revision(empty_desk)


def test_a_migration_run_that_fails_part_way_leaves_the_desk_at_its_old_revision(tmp_path, monkeypatch):
    """All pending revisions commit together: a failure (or a kill) in the last one leaves none of them behind."""
    from alembic.operations import Operations

    from pressdesk.store import open_desk
    from pressdesk.store.migrate import HEAD, current_revision, upgrade

    desk = open_desk(tmp_path / "old.db", migrate=False)
    upgrade(desk, "0003")
    real = Operations.create_table

    def failing(self, name, *columns, **kw):
        if name == "media_list":  # made by the newest revision, after several others have run
            raise RuntimeError("power cut")
        return real(self, name, *columns, **kw)

    monkeypatch.setattr(Operations, "create_table", failing)
    with pytest.raises(RuntimeError, match="power cut"):
        upgrade(desk)
    assert current_revision(desk) == "0003"
    monkeypatch.undo()
    upgrade(desk)
    assert current_revision(desk) == HEAD
    desk.dispose()
