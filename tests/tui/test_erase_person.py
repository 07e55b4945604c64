"""Pilot tests: erasing a person from Contacts or Experts asks first, naming what goes; the not-yet-told list."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from pressdesk.tui.screens.erase_person import ErasePersonScreen
from pressdesk.tui.screens.not_told import NotToldScreen
from pressdesk.tui.screens.people import ContactsScreen, ExpertsScreen
from tests.tui.test_people_search import names, select_person
from tests.tui.test_snapshots import keys_then_still

from .conftest import settle

SIZE = (120, 40)
NAME, EMAIL, NUMBER = "Gareth Pryce", "gareth.pryce@hsj.co.uk", "+442076089900"


def scalar(desk, sql: str, **params):
    """One value read from the desk."""
    with desk.read() as s:
        return s.execute(text(sql), params).scalar()


async def contacts_on(pilot, name: str) -> ContactsScreen:
    """Open Contacts with the person's row selected."""
    await settle(pilot)
    await pilot.press("2")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ContactsScreen)
    await select_person(pilot, screen, name, name.split()[-1])
    return screen


def shown(screen) -> str:
    """The confirmation's text: title, list and warning."""
    return "\n".join(str(screen.query_one(f"#{i}").content) for i in ("erase-title", "erase-list", "erase-warning"))


async def test_ctrl_e_names_who_and_what_goes_and_n_keeps_them(app, demo_desk):
    jid = scalar(demo_desk, "SELECT id FROM journalist WHERE name = :n", n=NAME)
    enquiries = scalar(demo_desk, "SELECT count(*) FROM enquiry WHERE journalist_id = :j", j=jid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await contacts_on(pilot, NAME)
        await pilot.press("ctrl+e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ErasePersonScreen)
        said = shown(dialog)
        assert f"Erase {NAME} (journalist #{jid}) for good?" in said
        assert "2 contact points removed, put on the do-not-contact list:" in said
        assert EMAIL in said and NUMBER in said
        noun = "enquiry" if enquiries == 1 else "enquiries"
        assert f"{enquiries} {noun} kept for the figures, anonymised, notes cleared" in said
        assert "history rows about them" in said
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen
        assert NAME in names(screen)
    assert scalar(demo_desk, "SELECT count(*) FROM journalist WHERE id = :j", j=jid) == 1


async def test_enter_on_the_confirmation_keeps_the_person(app, demo_desk):
    async with app.run_test(size=SIZE) as pilot:
        screen = await contacts_on(pilot, NAME)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, ErasePersonScreen)
        await pilot.press("enter")  # Keep has the focus
        await settle(pilot)
        assert app.screen is screen
    assert scalar(demo_desk, "SELECT count(*) FROM journalist WHERE name = :n", n=NAME) == 1


async def test_y_erases_them_leaves_no_trace_and_the_list_no_longer_shows_them(app, demo_desk):
    before = scalar(demo_desk, "SELECT count(*) FROM enquiry")
    async with app.run_test(size=SIZE) as pilot:
        screen = await contacts_on(pilot, NAME)
        await pilot.press("ctrl+e")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        assert NAME not in names(screen)
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Erased journalist #") and "No trace left in the desk's files." in m for m in messages)
    assert scalar(demo_desk, "SELECT count(*) FROM journalist WHERE name = :n", n=NAME) == 0
    assert scalar(demo_desk, "SELECT count(*) FROM enquiry") == before
    data = b"".join(p.read_bytes() for p in demo_desk.path.parent.glob("desk.db*") if p.is_file())
    assert sum(data.count(t.encode()) for t in (NAME, EMAIL, NUMBER)) == 0


async def test_an_experts_confirmation_counts_their_interview_requests(app, demo_desk):
    expert_id, requests = 0, 0
    with demo_desk.read() as s:
        expert_id, requests = s.execute(
            text("SELECT expert_id, count(*) FROM interview_request GROUP BY expert_id ORDER BY 2 DESC LIMIT 1")
        ).one()
        name = s.execute(text("SELECT name FROM expert WHERE id = :i"), {"i": expert_id}).scalar()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExpertsScreen)
        screen.table.move_cursor(row=screen.table.get_row_index(str(expert_id)))
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        said = shown(app.screen)
        assert name in said and f"(expert #{expert_id})" in said
        noun = "interview request" if requests == 1 else "interview requests"
        assert f"{requests} {noun} removed" in said
        await pilot.press("escape")
        await settle(pilot)
    assert scalar(demo_desk, "SELECT count(*) FROM expert WHERE id = :i", i=expert_id) == 1


async def test_erase_from_the_command_palette_on_the_desk_says_where_to_go(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Erase this person", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, ErasePersonScreen)
        assert any("Contacts (2)" in n.message for n in app._notifications)


async def test_the_palette_lists_people_not_told_and_t_records_them_as_told(app, demo_desk):
    with demo_desk.write() as s:
        s.execute(text("UPDATE journalist SET told_at = NULL, collected_at = '2026-01-05 09:00:00.000000'"))
        s.execute(text("UPDATE journalist SET told_at = collected_at WHERE name != :n"), {"n": NAME})
        s.execute(text("UPDATE expert SET told_at = collected_at"))
        s.execute(text("UPDATE press_contact SET told_at = collected_at"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"not yet told", "enter")
        await settle(pilot)
        listing = app.screen
        assert isinstance(listing, NotToldScreen)
        table = listing.query_one("#not-told-table")
        assert [table.get_row_at(i)[0].plain for i in range(table.row_count)] == [NAME]
        await pilot.press("t")
        await settle(pilot)
        assert table.row_count == 0
        assert "Everyone is told." in str(listing.query_one("#not-told-status").content)
    assert scalar(demo_desk, "SELECT told_at IS NOT NULL FROM journalist WHERE name = :n", n=NAME) == 1


LAPTOP, WIDE = (80, 24), (160, 45)


@pytest.mark.parametrize("size", [LAPTOP, WIDE], ids=["80x24", "160x45"])
def test_erase_confirmation_at_size(snap_compare, frozen_app, size):
    keys = ("2", "f", *"Pryce", "enter", "ctrl+e")
    assert snap_compare(frozen_app, terminal_size=size, run_before=keys_then_still(*keys))


async def test_a_name_with_markup_shows_literally_in_the_confirmation(app, demo_desk):
    hostile = "Eve [@click=app.quit]Mallory[/] [b]Pryce"
    with demo_desk.write() as s:
        s.execute(text("UPDATE journalist SET name = :h WHERE name = :n"), {"h": hostile, "n": NAME})
    async with app.run_test(size=SIZE) as pilot:
        await contacts_on(pilot, hostile)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert f"Erase {hostile} (journalist #" in shown(app.screen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running


async def test_enter_on_a_person_not_told_opens_them_on_contacts(app, demo_desk):
    with demo_desk.write() as s:
        s.execute(text("UPDATE journalist SET told_at = collected_at WHERE name != :n"), {"n": NAME})
        s.execute(
            text("UPDATE journalist SET told_at = NULL, collected_at = '2026-01-05 09:00:00' WHERE name = :n"),
            {"n": NAME},
        )
        s.execute(text("UPDATE expert SET told_at = collected_at"))
        s.execute(text("UPDATE press_contact SET told_at = collected_at"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"not yet told", "enter")
        await settle(pilot)
        assert isinstance(app.screen, NotToldScreen)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ContactsScreen)
        assert screen.current_row().name == NAME
