"""Experts' and press contacts' phones and emails are searched among their own (migration 0015): never lost behind
the thousands of newer journalists' phones and emails that share a word with them."""

from __future__ import annotations

import sqlite3

from alembic import command
from sqlalchemy import text

from pressdesk.services import contacts, queries, search
from pressdesk.store import open_desk
from pressdesk.store.bulk_index import DeferredIndex
from pressdesk.store.check import check
from pressdesk.store.migrate import alembic_config, upgrade
from tests.test_search_speed import newer_journalist_emails


def an_expert_behind_newer_journalists(desk) -> int:
    """An expert with an email at quillworks.ac.uk, then 1,100 newer journalists' emails there; the expert's id."""
    with desk.write() as s:
        expert = contacts.create_expert(s, who="t", region="GB", name="Ada Quill", emails=["ada@quillworks.ac.uk"])
        newer_journalist_emails(s, "quillworks.ac.uk", 1100)
        return expert.id


def experts_found(desk, typed: str) -> list[int]:
    """The experts the search box shows for the text."""
    with desk.read() as s:
        return [h.id for h in search.search(s, typed) if h.kind == "expert"]


def test_the_experts_list_filtered_by_an_email_word_finds_the_expert_behind_newer_journalists(demo_desk):
    expert_id = an_expert_behind_newer_journalists(demo_desk)
    with demo_desk.read() as s:
        assert [p.id for p in queries.list_experts(s, text="quillworks", limit=50)] == [expert_id]


def test_upgrading_a_desk_moves_experts_points_so_search_finds_them_and_the_desk_checks_clean(new_desk_file):
    path = new_desk_file("upgrade.db")
    desk = open_desk(path)
    try:
        expert_id = an_expert_behind_newer_journalists(desk)
        command.downgrade(alembic_config(desk), "0014_pg_phone_search")
        assert experts_found(desk, "quillworks") == []  # the old layout: behind the newest 1,000 of anyone's
        upgrade(desk)
        assert experts_found(desk, "quillworks") == [expert_id]
        assert check(desk).ok
        with desk.write() as s:  # the triggers keep the new layout: a changed email is found by its new word only
            s.execute(
                text(
                    "UPDATE contact_point SET raw = 'ada@inkwell.org', value = 'ada@inkwell.org' WHERE expert_id = :e"
                ),
                {"e": expert_id},
            )
        assert experts_found(desk, "inkwell") == [expert_id]
        assert experts_found(desk, "quillworks") == []
        assert check(desk).ok
    finally:
        desk.dispose()


def test_db_check_counts_an_experts_point_left_under_the_journalists_code(demo_desk):
    expert_id = an_expert_behind_newer_journalists(demo_desk)
    with demo_desk.write() as s:
        s.execute(text("DROP TRIGGER search_contact_point_au"))
        s.execute(
            text(
                "UPDATE search_index SET rowid = rowid + (5 << 40) "
                "WHERE rowid IN (SELECT id FROM contact_point WHERE expert_id = :e)"
            ),
            {"e": expert_id},
        )
    report = check(demo_desk).search
    assert report.missing == {"contact_point": 1}
    assert "search_contact_point_au" in report.missing_triggers


def test_a_bulk_write_indexes_an_experts_changed_email_under_the_experts_code(demo_desk):
    expert_id = an_expert_behind_newer_journalists(demo_desk)
    with demo_desk.write() as s:
        index = DeferredIndex(s.connection(), ["contact_point"])
        point_id = s.execute(text("SELECT id FROM contact_point WHERE expert_id = :e"), {"e": expert_id}).scalar_one()
        s.execute(
            text("UPDATE contact_point SET raw = 'ada@inkwell.org', value = 'ada@inkwell.org' WHERE id = :p"),
            {"p": point_id},
        )
        index.note_changed("contact_point", [point_id])
        index.finish()
    assert experts_found(demo_desk, "inkwell") == [expert_id]
    assert experts_found(demo_desk, "quillworks") == []
    assert check(demo_desk).ok
    with sqlite3.connect(demo_desk.path) as db:
        assert db.execute("SELECT count(*) FROM search_index WHERE rowid = (5 << 40) + ?", (point_id,)).fetchone() == (
            0,
        )
