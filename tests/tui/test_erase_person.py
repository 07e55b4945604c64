"""Pilot tests: erasing a person from Contacts or Experts asks first, naming what goes; the not-yet-told list."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from pressdesk.tui.screens.erase_person import ErasePersonScreen
from pressdesk.tui.screens.not_told import NotToldScreen
from pressdesk.tui.screens.people import ContactsScreen, ExpertsScreen
from tests.tui.test_people_search import names, select_person
from tests.tui.test_snapshots import still

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


async def test_erasing_asks_first_naming_what_goes_keeps_them_on_n_or_enter_and_y_leaves_no_trace(app, demo_desk):
    """The desk's palette says where erasing is; on Contacts ctrl+e names who and what goes, n or enter keeps them;
    an expert's confirmation counts their interview requests; y erases the journalist, leaving no trace and the
    enquiries counted."""
    jid = scalar(demo_desk, "SELECT id FROM journalist WHERE name = :n", n=NAME)
    enquiries = scalar(demo_desk, "SELECT count(*) FROM enquiry WHERE journalist_id = :j", j=jid)
    before = scalar(demo_desk, "SELECT count(*) FROM enquiry")
    with demo_desk.read() as s:
        expert_id, requests = s.execute(
            text("SELECT expert_id, count(*) FROM interview_request GROUP BY expert_id ORDER BY 2 DESC LIMIT 1")
        ).one()
        expert = s.execute(text("SELECT name FROM expert WHERE id = :i"), {"i": expert_id}).scalar()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Erase this person", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, ErasePersonScreen), "the desk has nobody to erase"
        assert any("Contacts (2)" in n.message for n in app._notifications), "the palette says where to go"

        screen = await contacts_on(pilot, NAME)
        await pilot.press("ctrl+e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ErasePersonScreen), "ctrl+e on Contacts asks first"
        said = shown(dialog)
        assert f"Erase {NAME} (journalist #{jid}) for good?" in said, "the confirmation names who"
        assert "2 contact points removed, put on the do-not-contact list:" in said, "and their contact points"
        assert EMAIL in said and NUMBER in said, "listing each"
        noun = "enquiry" if enquiries == 1 else "enquiries"
        assert f"{enquiries} {noun} kept for the figures, anonymised, notes cleared" in said, "and their enquiries"
        assert "history rows about them" in said, "and their history"
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen and NAME in names(screen), "n keeps them"
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, ErasePersonScreen)
        await pilot.press("enter")  # Keep has the focus
        await settle(pilot)
        assert app.screen is screen and NAME in names(screen), "enter keeps them"
        assert scalar(demo_desk, "SELECT count(*) FROM journalist WHERE id = :j", j=jid) == 1, "kept on the desk"

        await pilot.press("3")
        await settle(pilot)
        experts = app.screen
        assert isinstance(experts, ExpertsScreen)
        experts.table.move_cursor(row=experts.table.get_row_index(str(expert_id)))
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        said = shown(app.screen)
        assert expert in said and f"(expert #{expert_id})" in said, "an expert's confirmation names them"
        noun = "interview request" if requests == 1 else "interview requests"
        assert f"{requests} {noun} removed" in said, "and counts their interview requests"
        await pilot.press("escape")
        await settle(pilot)
        assert scalar(demo_desk, "SELECT count(*) FROM expert WHERE id = :i", i=expert_id) == 1, "escape keeps them"

        await pilot.press("2")
        await settle(pilot)
        assert app.screen is screen and screen.current_row().name == NAME
        await pilot.press("ctrl+e")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen, "y returns to Contacts"
        assert NAME not in names(screen), "where they are no longer listed"
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Erased journalist #") and "No trace left in the desk's files." in m for m in messages)
    assert scalar(demo_desk, "SELECT count(*) FROM journalist WHERE name = :n", n=NAME) == 0, "y erases them"
    assert scalar(demo_desk, "SELECT count(*) FROM enquiry") == before, "their enquiries are kept for the figures"
    data = b"".join(p.read_bytes() for p in demo_desk.path.parent.glob("desk.db*") if p.is_file())
    assert sum(data.count(t.encode()) for t in (NAME, EMAIL, NUMBER)) == 0, "no trace left in the desk's files"


async def test_the_palette_lists_people_not_told_enter_opens_one_and_t_records_them_as_told(app, demo_desk):
    """The palette's not-yet-told list shows who was not told their details are kept; enter opens one on Contacts,
    t records them as told."""
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
        assert isinstance(listing, NotToldScreen), "the palette opens the not-yet-told list"
        table = listing.query_one("#not-told-table")
        assert [table.get_row_at(i)[0].plain for i in range(table.row_count)] == [NAME], "listing only who is not told"
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ContactsScreen), "enter opens the person on Contacts"
        assert screen.current_row().name == NAME, "on their row"

        await pilot.press("ctrl+p", *"not yet told", "enter")
        await settle(pilot)
        listing = app.screen
        assert isinstance(listing, NotToldScreen)
        table = listing.query_one("#not-told-table")
        await pilot.press("t")
        await settle(pilot)
        assert table.row_count == 0, "t takes them off the list"
        assert "Everyone is told." in str(listing.query_one("#not-told-status").content), "which says everyone is told"
    assert scalar(demo_desk, "SELECT told_at IS NOT NULL FROM journalist WHERE name = :n", n=NAME) == 1, "t records it"


LAPTOP, WIDE = (80, 24), (160, 45)


@pytest.mark.parametrize("size", [LAPTOP, WIDE], ids=["80x24", "160x45"])
def test_erase_confirmation_at_size(snap_compare, frozen_app, size):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("f", *"Pryce")  # the name typed whole, then looked up once, as an officer's pause does
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await still(pilot)

    assert snap_compare(frozen_app, terminal_size=size, run_before=run_before)


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
