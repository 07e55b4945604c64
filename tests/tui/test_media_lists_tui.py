"""Pilot tests of media lists in the TUI: put the selected journalist on a new or existing list, see the lists and
their journalists, take one off, export a list."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from pressdesk.tui.screens.export import ExportScreen
from pressdesk.tui.screens.help import HelpScreen
from pressdesk.tui.screens.media_lists import MediaListsScreen
from pressdesk.tui.screens.prompt import PromptScreen

from .conftest import settle
from .test_contacts_manage_tui import SIZE
from .test_people_search import open_contacts, select_person


def members(screen) -> list[str]:
    """The names in the right-hand table."""
    table = screen.query_one("#list-people", DataTable)
    return [table.get_row_at(i)[0].plain for i in range(table.row_count)]


async def open_lists(pilot, name: str) -> MediaListsScreen:
    """Contacts, select a journalist, then l."""
    screen = await open_contacts(pilot)
    await select_person(pilot, screen, name)
    await pilot.press("l")
    await settle(pilot)
    lists = pilot.app.screen
    assert isinstance(lists, MediaListsScreen)
    return lists


async def test_media_lists_are_in_help_n_makes_a_list_with_the_selected_journalist_and_r_takes_them_off(app, backend):
    """Media lists are in the help on Contacts; n makes a list with the selected journalist, its name shown as typed;
    r takes them off it."""
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen), "? opens the help"
        assert "Media lists" in str(app.screen.query_one("#help-keys", Static).content), "which lists media lists"
        await pilot.press("escape")
        await settle(pilot)

        lists = await open_lists(pilot, "Marcus Fenwick")
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PromptScreen), "n asks for the list's name"
        pilot.app.screen.query_one(Input).value = "Climate desk [bold]"
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is lists, "back on the lists"
        assert members(lists) == ["Marcus Fenwick"], "the new list holds the selected journalist"
        assert "Made the list Climate desk [bold]." in str(lists.query_one("#lists-msg", Static).content), "as typed"
        assert [p.name for p in backend.media_list_members("Climate desk [bold]")] == ["Marcus Fenwick"], "stored"

        await pilot.press("tab", "r")
        await settle(pilot)
        assert members(lists) == [], "r takes them off"
    assert backend.media_list_members("Climate desk [bold]") == [], "and that is stored"


async def test_x_exports_the_highlighted_list_and_a_adds_the_selected_journalist_to_it_once(app, backend, tmp_path):
    """x exports the highlighted list through the export dialog; a adds the selected journalist to it, and says so
    when they are on it already."""
    made = backend.create_media_list("Guardian people")
    backend.add_to_media_list(str(made.id), [p.id for p in backend.journalists("Marcus Fenwick")])
    async with app.run_test(size=SIZE) as pilot:
        lists = await open_lists(pilot, "Sam (Samantha) Reid")
        await pilot.press("x")
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportScreen), "x opens the export dialog"
        dialog.query_one("#export-path", Input).value = str(tmp_path / "guardian.csv")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is lists, "exporting returns to the lists"
        written = (tmp_path / "guardian.csv").read_text(encoding="utf-8-sig")
        assert "Marcus Fenwick" in written and "Sam (Samantha) Reid" not in written, "the list's people are written"

        await pilot.press("a")
        await settle(pilot)
        assert members(lists) == ["Marcus Fenwick", "Sam (Samantha) Reid"], "a adds the selected journalist"
        await pilot.press("a")
        await settle(pilot)
        assert "is on Guardian people already" in str(lists.query_one("#lists-msg", Static).content), "only once"
    assert [p.name for p in backend.media_list_members("Guardian people")] == [
        "Marcus Fenwick",
        "Sam (Samantha) Reid",
    ], "and that is stored"
