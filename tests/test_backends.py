"""The desk on every backend: SQLite always, PostgreSQL when PRESSDESK_TEST_DB names a server (`make test-pg`)."""

from __future__ import annotations

import os
from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy import text

from pressdesk.core.backend import Backend
from pressdesk.errors import ConflictError
from pressdesk.services import privacy
from pressdesk.services.demo import load_demo
from pressdesk.settings import Settings
from pressdesk.store import open_desk
from pressdesk.store.copy import copy_desk
from pressdesk.store.errors import StoreError
from pressdesk.store.migrate import HEAD, current_revision
from tests.backends import NO_SERVER, backend_urls, fresh_database
from tests.conftest import DEMO_NOW

pytestmark = pytest.mark.backend

CALLER = {"journalist": "Élodie Müller-Łasko", "outlet": "Gazeta Wrocławska", "phone": "07911 123457"}


@pytest.fixture(params=backend_urls())
def url(request, tmp_path):
    """A URL of an empty database on one backend."""
    with fresh_database(request.param, tmp_path) as made:
        yield made


@pytest.fixture(scope="session")
def demo_on(tmp_path_factory, request):
    """The demo desk with one caller with accents, as at DEMO_NOW, built once per test process on a backend: its
    URL, for copies. On SQLite the demo is a copy of the file every test's frozen demo desk comes from."""
    made: dict[str, str] = {}
    settings = Settings(region="GB", officer="Test Officer", timezone="Europe/London")
    with ExitStack() as stack:

        def template(backend: str) -> str:
            if backend not in made:
                folder = tmp_path_factory.mktemp(f"{backend}-demo")
                if backend == "sqlite":  # conftest's template: the demo loaded as at DEMO_NOW by "test" in GB
                    demo = str(request.getfixturevalue("template"))
                    url = stack.enter_context(fresh_database(backend, folder, template=demo))
                    desk = open_desk(url)
                else:
                    url = stack.enter_context(fresh_database(backend, folder))
                    desk = open_desk(url)
                    with desk.write() as s:
                        load_demo(s, who="test", region="GB", now=DEMO_NOW)
                Backend(desk, settings, clock=lambda: DEMO_NOW).log_call(
                    subject="Flood defences on the Oder: who pays?", deadline="+3h", **CALLER
                )
                desk.dispose()
                made[backend] = url
            return made[backend]

        yield template


@pytest.fixture(params=backend_urls())
def backend(request, tmp_path, settings, demo_on):
    """A private copy of that demo desk on one backend."""
    with fresh_database(request.param, tmp_path, template=demo_on(request.param)) as url:
        desk = open_desk(url)
        yield Backend(desk, settings, clock=lambda: DEMO_NOW)
        desk.dispose()


def test_a_new_desk_is_migrated_to_the_newest_schema(url):
    desk = open_desk(url)
    try:
        assert current_revision(desk) == HEAD
        with desk.read() as s:
            assert s.execute(text("SELECT count(*) FROM enquiry")).scalar() == 0
    finally:
        desk.dispose()


def test_a_logged_call_is_listed_with_its_caller(backend):
    listed = [e for e in backend.list_enquiries(limit=None) if e.row.subject.startswith("Flood defences")]
    assert len(listed) == 1
    assert listed[0].row.journalist == CALLER["journalist"]
    assert listed[0].phones == ("+447911123457",)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("elodie", "Élodie Müller-Łasko"),  # accents folded
        ("MULLER", "Élodie Müller-Łasko"),  # case folded
        ("lasko", "Élodie Müller-Łasko"),  # inside a hyphenated name
        ("123457", "Élodie Müller-Łasko"),  # a phone fragment
        ("oder", "Flood defences on the Oder: who pays?"),
    ],
)
def test_search_folds_accents_and_case_and_finds_fragments(backend, typed, expected):
    assert expected in [hit.title for hit in backend.search(typed, limit=20)]


def test_a_status_change_is_kept_and_a_stale_edit_refused(backend):
    enquiry_id = next(e.row.id for e in backend.list_enquiries(limit=None) if e.row.subject.startswith("Flood"))
    seen = backend.enquiry(enquiry_id).version
    backend.change_status(enquiry_id, "triaged", version=seen)
    assert backend.enquiry(enquiry_id).status == "triaged"
    with pytest.raises(ConflictError):
        backend.change_status(enquiry_id, "routed", version=seen)
    assert backend.enquiry(enquiry_id).status == "triaged"


def test_an_erased_caller_is_gone_and_their_enquiry_anonymised(backend):
    desk = backend.desk
    with desk.read() as s:
        held = privacy.privacy_export(s, phone=CALLER["phone"], region="GB")
    assert [p["details"]["name"] for p in held["people"]] == [CALLER["journalist"]]
    with desk.write(secure_delete=True) as s:
        privacy.erase_person(s, who="test", kind="journalist", person_id=held["people"][0]["id"])
    assert backend.search("lasko", limit=20) == []
    listed = list(backend.list_enquiries(limit=None))
    assert all("Łasko" not in e.row.journalist for e in listed)
    assert any(e.row.subject.startswith("Flood defences") for e in listed)


QUERIES = [
    "elodie",
    "Élodie Marchand",
    "WIŚNIEWSKI",
    "flood",
    "IS-K",
    "isk",
    "risk",
    "0157",
    "7911 123",
    "079",  # phone fragments: a number's first digits match nearly every number on the desk
    "0791",
    "07911 12",
    "447911",
    "+44 7911 1",
    "123 457",
    "lemonde",
    "interview climate",
    "Łódź",
    "dr",
    "ai",
    "38",
    "nothing-like-this",
]


@pytest.fixture
def both(tmp_path, settings, demo_on):
    """The same desk on SQLite and on PostgreSQL (skipped, saying why, without a server)."""
    if not os.environ.get("PRESSDESK_TEST_DB"):
        pytest.skip(NO_SERVER)
    with (
        fresh_database("sqlite", tmp_path, template=demo_on("sqlite")) as lite,
        fresh_database("postgresql", tmp_path, template=demo_on("postgresql")) as server,
    ):
        cores = [Backend(open_desk(url), settings, clock=lambda: DEMO_NOW) for url in (lite, server)]
        yield cores
        for core in cores:
            core.desk.dispose()


def test_search_and_the_desk_give_the_same_answers_on_sqlite_and_postgresql(both):
    lite, server = both
    for typed in QUERIES:
        assert server.search(typed, limit=20) == lite.search(typed, limit=20), typed
    assert [e.row for e in server.list_enquiries(limit=None)] == [e.row for e in lite.list_enquiries(limit=None)]
    assert server.experts("climate") == lite.experts("climate")
    assert server.journalists("muller") == lite.journalists("muller")


def test_a_desk_copied_into_an_empty_one_and_back_keeps_every_record_and_goes_on_numbering(desk, url, settings):
    seen: dict[str, tuple[int, int]] = {}
    target = open_desk(url)
    try:
        copied = copy_desk(
            desk, target, batch=7, progress=lambda table, done, total: seen.update({table: (done, total)})
        )
        assert copied.rows["enquiry"] == 38
        assert seen["enquiry"][1] == seen["activity"][1] == copied.total > 38
        assert max(done for done, _total in seen.values()) == copied.total
        original = Backend(desk, settings, clock=lambda: DEMO_NOW)
        moved = Backend(target, settings, clock=lambda: DEMO_NOW)
        assert [e.row for e in moved.list_enquiries(limit=None)] == [e.row for e in original.list_enquiries(limit=None)]
        assert moved.search("marchand") == original.search("marchand")
        assert moved.log_call(subject="After the move", journalist="New Caller", outlet="Le Monde") == 39
        back = open_desk(tmp_path_of(desk) / "back.db")
        try:
            copy_desk(target, back)
            returned = Backend(back, settings, clock=lambda: DEMO_NOW)
            assert [e.row for e in returned.list_enquiries(limit=None)] == [
                e.row for e in moved.list_enquiries(limit=None)
            ]
        finally:
            back.dispose()
    finally:
        target.dispose()


def test_a_copy_into_a_desk_with_records_is_refused_and_writes_nothing(desk, url):
    target = open_desk(url)
    try:
        copy_desk(desk, target)
        with pytest.raises(StoreError, match="copy only into an empty desk"):
            copy_desk(desk, target)
        with target.read() as s:
            assert s.execute(text("SELECT count(*) FROM enquiry")).scalar() == 38
    finally:
        target.dispose()


def tmp_path_of(desk) -> Path:
    """The folder of a SQLite desk."""
    return desk.path.parent


def test_db_copy_moves_a_desk_up_and_says_so_without_its_password(desk, url):
    from click.testing import CliRunner

    from pressdesk.cli import main

    shown = url.replace("pressdesk@", "pressdesk:hunter2@") if "://" in url else url
    result = CliRunner().invoke(main, ["--db", str(desk.path), "db", "copy", "--to", shown])
    assert result.exit_code == 0, result.output
    assert "38 enquiry" in result.output
    assert "hunter2" not in result.output
    again = CliRunner().invoke(main, ["--db", str(desk.path), "db", "copy", "--to", shown])
    assert again.exit_code != 0
    assert "copy only into an empty desk" in again.output
    assert "hunter2" not in again.output


@pytest.mark.parametrize("tool", ["pg_dump", "none"])
def test_a_backup_of_any_desk_is_a_private_copy_that_holds_it(backend, tool, tmp_path, monkeypatch):
    from pressdesk.store import backup as backups

    if tool == "none":
        monkeypatch.setattr(backups, "find_pg_dump", lambda: None)
    elif backend.desk.is_sqlite or backups.find_pg_dump() is None:
        pytest.skip("pg_dump is for a server desk, and needs pg_dump installed")
    made = backups.backup(backend.desk, tmp_path / "copies" / "desk.backup")
    assert made.stat().st_mode & 0o077 == 0
    if tool == "pg_dump":
        assert made.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format, for pg_restore
        return
    copy = open_desk(made, create=False)
    try:
        with copy.read() as s:
            assert s.execute(text("SELECT count(*) FROM enquiry")).scalar() == 39
    finally:
        copy.dispose()


def test_a_commit_in_another_terminal_is_noticed_once_and_reading_is_not_a_change(backend, settings):
    from pressdesk.store.watch import ChangeWatch

    other = Backend(open_desk(backend.desk.url), settings, clock=lambda: DEMO_NOW)  # another terminal
    watch = ChangeWatch(backend.desk.engine)
    try:
        assert watch.changed() is False, "nothing happened yet"
        other.log_call(subject="Logged in another terminal", journalist="Ann Other")
        assert watch.wait(30) is True
        assert watch.changed() is False, "the same commit is reported once"
        list(backend.list_enquiries(limit=None))
        assert watch.changed() is False
    finally:
        watch.close()
        other.desk.dispose()


@pytest.fixture
def server_watch(server_desk):
    """A watch on the server desk, as another terminal's TUI keeps one."""
    from pressdesk.store.watch import ChangeWatch

    watch = ChangeWatch(server_desk.desk.engine)
    yield watch
    watch.close()


def test_a_commit_changing_two_enquiries_names_them_to_the_other_terminals(server_desk, server_watch):
    with server_desk.desk.write() as s:
        s.execute(text("UPDATE enquiry SET subject = subject || '.' WHERE id IN (2, 5)"))
    assert server_watch.wait(30) is True
    assert server_watch.enquiries == {2, 5}
    assert "enquiry" in server_watch.tables


def test_a_bulk_insert_beyond_the_bound_names_the_table_alone(server_desk, server_watch):
    from pressdesk.models import Enquiry
    from pressdesk.store.watch import LIVE_IDS

    columns = ", ".join(c.name for c in Enquiry.__table__.columns if c.name != "id")
    with server_desk.desk.write() as s:
        s.execute(
            text(f"INSERT INTO enquiry ({columns}) SELECT {columns} FROM enquiry, generate_series(1, :n) WHERE id = 1"),
            {"n": LIVE_IDS + 1},
        )
    assert server_watch.wait(30) is True
    assert server_watch.enquiries is None, "too many to name: the other terminals re-read their page"
    assert server_watch.changed() is False, "one notice, not one per row"


def test_many_small_statements_in_one_transaction_name_no_more_than_the_bound(server_desk, server_watch):
    from pressdesk.store.watch import LIVE_IDS

    with server_desk.desk.write() as s:
        for _ in range(LIVE_IDS // 20 + 1):
            s.execute(text("UPDATE enquiry SET subject = subject || '.' WHERE id <= 21"))
    assert server_watch.wait(30) is True
    assert server_watch.enquiries is None


def test_nothing_is_announced_before_commit_and_a_rollback_announces_nothing(server_desk, server_watch):
    with server_desk.desk.write() as s:
        s.execute(text("UPDATE enquiry SET subject = 'Rolled back' WHERE id = 3"))
        assert server_watch.wait(0.5) is False, "not before commit"
        s.rollback()
    assert server_watch.wait(0.5) is False
    with server_desk.desk.write() as s:
        s.execute(text("UPDATE enquiry SET subject = 'Kept' WHERE id = 3"))
        assert server_watch.wait(0.5) is False
    assert server_watch.wait(30) is True
    assert server_watch.enquiries == {3}


def test_a_logged_call_names_its_enquiry_and_a_renamed_journalist_cannot_be_named(server_desk, server_watch):
    made_id = server_desk.log_call(subject="Live on the other desk", journalist="Ann Other", outlet="New Outlet")
    assert server_watch.wait(30) is True
    assert server_watch.enquiries == {made_id}, "a new caller and outlet change no row already shown"
    with server_desk.desk.write() as s:
        s.execute(text("UPDATE journalist SET name = 'Ann Renamed' WHERE name = 'Ann Other'"))
    assert server_watch.wait(30) is True
    assert server_watch.enquiries is None, "a name shows on many rows: re-read the page"


def test_the_enquiries_changed_are_told_only_on_a_server(backend, settings):
    from pressdesk.store.watch import ChangeWatch

    watch = ChangeWatch(backend.desk.engine)
    other = Backend(open_desk(backend.desk.url), settings, clock=lambda: DEMO_NOW)
    try:
        made_id = other.log_call(subject="Logged in another terminal", journalist="Ann Other")
        assert watch.wait(30) is True
        expected = {made_id} if backend.desk.engine.dialect.name == "postgresql" else None
        assert watch.enquiries == expected, "SQLite's data_version says only that something changed"
    finally:
        watch.close()
        other.desk.dispose()


def test_the_desk_says_which_other_officers_have_it_open(url, settings):
    from dataclasses import replace

    open_desk(url).dispose()
    mine = Backend.open(settings, target=url)
    theirs = Backend.open(replace(settings, officer="Bea Tester"), target=url)
    on_server = "postgresql" in url  # SQLite has no server to ask
    try:
        with theirs.desk.read() as s:  # Bea's terminal holds a connection, as an open TUI's watch does
            s.execute(text("SELECT 1"))
            assert mine.others_here() == (["Bea Tester"] if on_server else [])
        assert theirs.others_here() == (["Test Officer"] if on_server else [])
    finally:
        theirs.desk.dispose()
        mine.desk.dispose()


# --- db check and restore on a server -------------------------------------------------------------------------


@pytest.fixture
def server_desk(tmp_path, settings, demo_on):
    """A private copy of the demo desk on the PostgreSQL server (skipped, saying why, without one)."""
    if not os.environ.get("PRESSDESK_TEST_DB"):
        pytest.skip(NO_SERVER)
    with fresh_database("postgresql", tmp_path, template=demo_on("postgresql")) as url:
        desk = open_desk(url)
        yield Backend(desk, settings, clock=lambda: DEMO_NOW)
        desk.dispose()


@pytest.fixture
def empty_server(tmp_path):
    """The URL of a new, empty database on the PostgreSQL server (no tables at all)."""
    if not os.environ.get("PRESSDESK_TEST_DB"):
        pytest.skip(NO_SERVER)
    with fresh_database("postgresql", tmp_path) as url:
        yield url


def cli(*args: str):
    """Run pressdesk's command line; the result."""
    from click.testing import CliRunner

    from pressdesk.cli import main

    return CliRunner().invoke(main, list(args))


def test_db_check_on_a_server_checks_foreign_keys_the_search_index_and_sequences(server_desk):
    url = server_desk.desk.url
    sound = cli("--db", url, "db", "check")
    assert sound.exit_code == 0, sound.output
    assert sound.output == (
        "The desk is sound: foreign keys, schema revision, search index against its tables, "
        "id sequences ahead of their tables.\n"
    )
    first = min(e.row.id for e in server_desk.list_enquiries(limit=None))
    with server_desk.desk.write() as s:
        s.execute(text("SET LOCAL session_replication_role = replica"))  # as a careless bulk load does
        s.execute(text("UPDATE enquiry SET journalist_id = 99999 WHERE id = :id"), {"id": first})
        s.execute(
            text("UPDATE search_index SET body = ' old words ' WHERE rowid = (1::bigint << 40) + :id"), {"id": first}
        )
        s.execute(text("SELECT setval(pg_get_serial_sequence('enquiry', 'id'), 3)"))
    broken = cli("--db", url, "db", "check")
    assert broken.exit_code == 1
    assert broken.output.splitlines() == [
        f"Problem: foreign key: enquiry row {first} points at a missing journalist",
        "Problem: search index: 1 enquiry record(s) indexed with old text",
        "Problem: search index: `pressdesk db check --rebuild-index` makes it again from the tables",
        "Problem: id sequence: the next enquiry would get id 4, which enquiry already holds (up to 39); "
        "new enquiry records would be refused",
    ]
    with server_desk.desk.write() as s:
        s.execute(text("SELECT setval(pg_get_serial_sequence('enquiry', 'id'), 39)"))
        s.execute(text("SET LOCAL session_replication_role = replica"))
        s.execute(
            text("UPDATE enquiry SET journalist_id = (SELECT min(id) FROM journalist) WHERE id = :id"), {"id": first}
        )
    mended = cli("--db", url, "db", "check", "--rebuild-index")
    assert mended.exit_code == 0, mended.output
    assert mended.output.startswith("Rebuilt the search index from the tables.\nThe desk is sound:")
    subject = server_desk.enquiry(first).subject
    assert first in [h.id for h in server_desk.search(subject, limit=5) if h.kind == "enquiry"], "found by its words"


def test_a_pg_dump_backup_is_restored_into_an_empty_server_desk_and_numbering_goes_on(
    server_desk, empty_server, tmp_path
):
    dump = tmp_path / "desk.backup"  # pg_dump's archive: a server's binaries (make test-pg) carry pg_dump
    assert cli("--db", server_desk.desk.url, "backup", str(dump)).exit_code == 0
    restored = cli("--db", empty_server, "restore", str(dump))
    assert restored.exit_code == 0, restored.output
    assert restored.output.splitlines()[0] == (
        f"Restored the desk from {dump}: checked a pg_dump archive pg_restore can read, "
        "a schema revision this pressdesk knows, an empty desk to restore into."
    )
    back = Backend(open_desk(empty_server), server_desk.settings, clock=lambda: DEMO_NOW)
    try:
        assert [e.row for e in back.list_enquiries(limit=None)] == [
            e.row for e in server_desk.list_enquiries(limit=None)
        ]
        assert back.search("lasko", limit=5) == server_desk.search("lasko", limit=5)
        assert back.log_call(subject="After the restore", journalist="New Caller") == 40
        assert back.check().ok
    finally:
        back.desk.dispose()
    again = cli("--db", empty_server, "restore", str(dump))
    assert again.exit_code == 2
    assert "already holds 40 enquiry records and more; restore only into an empty desk" in again.stderr, again.stderr
    with open_desk(empty_server, migrate=False, create=False).read() as s:
        assert s.execute(text("SELECT count(*) FROM enquiry")).scalar() == 40, "nothing was touched"


def test_a_backup_restores_into_a_new_desk_made_with_no_records(server_desk, empty_server, tmp_path):
    dump = tmp_path / "desk.backup"  # pg_dump's archive: a server's binaries (make test-pg) carry pg_dump
    assert cli("--db", server_desk.desk.url, "backup", str(dump)).exit_code == 0
    open_desk(empty_server).dispose()  # `pressdesk db init URL`: the tables, no records
    restored = cli("--db", empty_server, "restore", str(dump))
    assert restored.exit_code == 0, restored.output
    with open_desk(empty_server).read() as s:
        assert s.execute(text("SELECT count(*) FROM enquiry")).scalar() == 39


def test_restore_on_a_server_refuses_what_pg_restore_cannot_take_naming_why(server_desk, empty_server, tmp_path):
    lite = tmp_path / "lite.db"
    open_desk(lite).dispose()
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"not a backup at all")
    for file, why in (
        (lite, f"{lite} is a SQLite desk: bring it into the server desk with `pressdesk --db {lite} db copy --to URL`"),
        (junk, f"{junk} is not a pg_dump archive (custom format, as `pressdesk backup` makes on a server)"),
        (tmp_path / "none.backup", f"{tmp_path / 'none.backup'} does not exist or is not a file"),
    ):
        result = cli("--db", empty_server.replace("pressdesk@", "pressdesk:hunter2@"), "restore", str(file))
        assert result.exit_code == 2
        assert why in result.stderr
        assert "hunter2" not in result.output
    with open_desk(empty_server, migrate=False, create=False).engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).scalar() == 0
