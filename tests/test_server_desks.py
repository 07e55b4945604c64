"""Kept desks on the test server (tests/server_desks.py): each test sees the template's rows, whatever ran before."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from pressdesk.models.inputs import EnquiryCreate
from pressdesk.services import enquiries
from pressdesk.services.demo import load_demo
from pressdesk.store import open_desk
from tests.backends import new_server_desk
from tests.conftest import DEMO_NOW
from tests.server_desks import SHAPE, TABLES, kept_desks

pytestmark = pytest.mark.backend

SEQUENCES = "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename"


def contents(url: str) -> dict:
    """Every row of every table of the desk (as sorted JSON) and where each of its sequences stands."""
    engine = create_engine(url)
    with engine.connect() as conn:
        tables = sorted(conn.execute(text(TABLES)).scalars())
        rows = {
            table: conn.execute(
                text(f"SELECT coalesce(jsonb_agg(t ORDER BY to_jsonb(t)::text), '[]') FROM public.\"{table}\" t")
            ).scalar()
            for table in tables
        }
        rows["sequences"] = conn.execute(text(SEQUENCES)).all()
        rows["shape"] = conn.execute(text(SHAPE)).scalar()
    engine.dispose()
    return rows


@pytest.fixture
def kept(tmp_path):
    """A kept desk of the demo desk on the test server, and the template's contents."""
    with new_server_desk(tmp_path / "template") as template:
        desk = open_desk(template)
        with desk.write() as session:
            load_demo(session, who="test", region="GB", now=DEMO_NOW)
        desk.dispose()
        expected = contents(template)
        with kept_desks(lambda: tmp_path) as get:
            yield get(template), expected


def test_every_kind_of_write_on_a_kept_postgresql_desk_is_put_back_before_the_next_test(kept):
    desk, expected = kept
    for _ in range(2):  # cloned, then put back once: every table refilled
        with desk.checkout() as url:
            assert contents(url) == expected
    with desk.checkout() as url:
        logged = open_desk(url)
        with logged.write() as session:  # rows added to several tables, an empty one among them
            enquiries.log_enquiry(
                session,
                EnquiryCreate(subject="A call", journalist="Pat New", outlet="The New Paper", phone="020 7946 0001"),
                who="test",
                region="GB",
                tz="Europe/London",
            )
        logged.dispose()
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("UPDATE expert SET name = 'changed' WHERE id = (SELECT min(id) FROM expert)"))
            conn.execute(text("DELETE FROM coverage WHERE id = (SELECT max(id) FROM coverage)"))
        with engine.connect() as conn:  # a sequence moves on even when its insert is rolled back
            conn.execute(text("SELECT nextval('enquiry_id_seq')"))
            conn.rollback()
        left_open = engine.connect()  # a connection the test left holding an uncommitted write
        left_open.execute(text("UPDATE journalist SET name = 'half written'"))
        assert contents(url) != expected
    with desk.checkout() as again:
        assert again == url  # the same database, put back
        assert contents(again) == expected
    left_open.invalidate()  # ended by the put-back
    engine.dispose()


def test_a_postgresql_desk_whose_schema_a_test_changed_is_cloned_anew(kept):
    desk, expected = kept
    with desk.checkout() as url:
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE enquiry ADD COLUMN scribble integer"))
            conn.execute(text("UPDATE enquiry SET scribble = 1"))
        engine.dispose()
    with desk.checkout() as again:
        assert again != url
        assert contents(again) == expected
