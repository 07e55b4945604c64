"""The desk's first page read early with the stdlib (core.first_page) is the core's first page: same rows, same
order, same columns, same counts; and reading it loads no SQLAlchemy (issue 13: first rows)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from pressdesk.core import Backend
from pressdesk.core.first_page import first_desk_page
from tests.conftest import ON_SERVER

SQLITE_READER = "the stdlib reads the early page of a SQLite file only; a server desk waits for the core (see below)"
"""Why the comparisons with the stdlib reader skip on the test server."""

MARKUP = "[bold red]Budget[/] [link=https://x.example]cuts[/link] <i>now</i>"
"""A subject that would be styled (or linked) if anything read it as Rich markup."""


def fill_edge_cases(core: Backend, now: datetime) -> None:
    """Enquiries a desk page must handle: no deadline, the same deadline twice, overdue, due within the hour, accents,
    markup-like text, an expert asked, closed ones (which the open desk leaves out)."""
    from pressdesk.services import contacts

    same = now + timedelta(hours=3)
    core.log_call(subject="No deadline at all", journalist="Ann Lee", outlet="Daily Post")
    core.log_call(subject="Second without a deadline", journalist="Ann Lee", outlet="Daily Post")
    core.log_call(subject="Tie one", journalist="Bob Hale", outlet="Radio Nord", deadline=same)
    core.log_call(subject="Tie two", journalist="Bob Hale", outlet="Radio Nord", deadline=same)
    core.log_call(subject="Overdue already", journalist="Cé Ñúñez", deadline=now - timedelta(minutes=30))
    core.log_call(subject="Due within the hour", journalist="Zoë Ångström", outlet="Le Monde — Économie",
                  deadline=now + timedelta(minutes=20))  # fmt: skip
    core.log_call(subject=MARKUP, journalist="[b]Not bold[/b]", outlet="<script>x</script> FM", deadline=same)
    asked = core.log_call(subject="Interview: rates", type="interview", journalist="Dee Rowe", deadline=same)
    core.log_call(subject="Interview not routed", type="interview", journalist="Dee Rowe", deadline=now)
    done = core.log_call(subject="Closed: done", journalist="Ann Lee", deadline=now + timedelta(hours=1))
    declined = core.log_call(subject="Closed: declined", journalist="Ann Lee")
    core.mark_done(done)
    core.change_status(declined, "declined")
    with core.desk.write() as s:
        expert = contacts.create_expert(s, who="test", region="GB", name="Prof. Ída Ó Briain", topics="rates").id
    core.route(asked, expert, force=True)


@pytest.fixture
def edge_desk(empty_desk, settings):
    """A desk of awkward enquiries and one expert."""
    fill_edge_cases(Backend(empty_desk, settings), datetime.now(UTC))
    return empty_desk


def both_pages(desk, settings, limit: int):
    """(the early page, the core's page) of a SQLite desk, read at one moment."""
    now = datetime.now(UTC)
    early = first_desk_page(str(desk.path), now=now, limit=limit)
    core = Backend(desk, settings).desk_page(now=now, limit=limit)
    return early, core


@pytest.mark.parametrize("limit", [200, 7, 1])
def test_the_early_page_is_the_cores_page_on_the_demo_desk(demo_desk, settings, limit):
    early, core = both_pages(demo_desk, settings, limit)
    assert core.rows and core.counts.open
    assert early == core


@pytest.mark.skipif(ON_SERVER, reason=SQLITE_READER)
@pytest.mark.parametrize("limit", [200, 5, 2])
def test_the_early_page_is_the_cores_page_with_awkward_enquiries(edge_desk, settings, limit):
    early, core = both_pages(edge_desk, settings, limit)
    assert early == core
    whole, _ = both_pages(edge_desk, settings, 200)
    subjects = [r.subject for r in whole.rows]
    assert MARKUP in subjects and "Closed: done" not in subjects and "Closed: declined" not in subjects
    assert subjects[-2:] == ["No deadline at all", "Second without a deadline"]
    assert any(r.expert == "Prof. Ída Ó Briain" for r in whole.rows)
    assert whole.counts.overdue >= 1 and whole.counts.due_soon >= 1 and whole.counts.unrouted_interviews == 1


@pytest.mark.skipif(ON_SERVER, reason=SQLITE_READER)
def test_the_early_page_of_an_empty_desk_is_empty_like_the_cores(empty_desk, settings):
    early, core = both_pages(empty_desk, settings, 200)
    assert early == core
    assert early.rows == () and early.counts.open == 0 and not early.more


def test_no_early_page_where_the_core_must_decide(tmp_path, new_desk_file):
    import sqlite3

    now = datetime.now(UTC)
    assert first_desk_page(str(tmp_path / "missing.db"), now=now) is None
    assert first_desk_page("postgresql://pd@localhost/desk", now=now) is None
    old = new_desk_file("old.db")
    with sqlite3.connect(old) as db:
        db.execute("UPDATE alembic_version SET version_num = '0010_older'")
    assert first_desk_page(str(old), now=now) is None  # a migration is pending: the core migrates first
    assert first_desk_page(str(new_desk_file("demo.db")), now=now, demo=True) is None  # the demo is filled first
    (tmp_path / "junk.db").write_text("not a database")
    assert first_desk_page(str(tmp_path / "junk.db"), now=now) is None


def test_the_early_page_reads_the_url_form_and_the_everyday_desk(demo_desk, settings):
    import shutil

    from pressdesk.paths import default_db_path

    now = datetime.now(UTC)
    core = Backend(demo_desk, settings).desk_page(now=now)
    assert first_desk_page(f"sqlite:///{demo_desk.path}", now=now) == core
    default_db_path().parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(demo_desk.path, default_db_path())
    assert first_desk_page(None, now=now) == core


LOADS = """
import sys
from datetime import UTC, datetime
from pressdesk.core.first_page import first_desk_page
page = first_desk_page(sys.argv[1], now=datetime.now(UTC))
heavy = sorted(m for m in ("sqlalchemy", "sqlmodel", "alembic", "pressdesk.services", "pressdesk.store.desk")
               if m in sys.modules)
print(len(page.rows), heavy)
"""


def test_reading_the_early_page_loads_no_database_stack(demo_desk):
    done = subprocess.run(
        [sys.executable, "-c", LOADS, str(demo_desk.path)], capture_output=True, text=True, timeout=60
    )
    count, heavy = done.stdout.split(" ", 1)
    assert int(count) > 0, done.stdout + done.stderr
    assert heavy.strip() == "[]", done.stdout + done.stderr
