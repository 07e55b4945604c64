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


async def test_n_makes_a_list_with_the_selected_journalist_and_r_takes_them_off(app, backend):
    async with app.run_test(size=SIZE) as pilot:
        lists = await open_lists(pilot, "Marcus Fenwick")
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PromptScreen)
        pilot.app.screen.query_one(Input).value = "Climate desk [bold]"
        await pilot.press("enter")
        await settle(pilot)

        assert pilot.app.screen is lists
        assert members(lists) == ["Marcus Fenwick"]
        assert "Made the list Climate desk [bold]." in str(lists.query_one("#lists-msg", Static).content)
        assert [p.name for p in backend.media_list_members("Climate desk [bold]")] == ["Marcus Fenwick"]

        await pilot.press("tab", "r")
        await settle(pilot)
        assert members(lists) == []
    assert backend.media_list_members("Climate desk [bold]") == []


async def test_a_adds_the_selected_journalist_to_the_highlighted_list(app, backend):
    backend.create_media_list("Guardian people")
    async with app.run_test(size=SIZE) as pilot:
        lists = await open_lists(pilot, "Sam (Samantha) Reid")
        await pilot.press("a")
        await settle(pilot)
        assert members(lists) == ["Sam (Samantha) Reid"]
        await pilot.press("a")
        await settle(pilot)
        assert "is on Guardian people already" in str(lists.query_one("#lists-msg", Static).content)
    assert [p.name for p in backend.media_list_members("Guardian people")] == ["Sam (Samantha) Reid"]


async def test_x_exports_the_highlighted_list_through_the_export_dialog(app, backend, tmp_path):
    made = backend.create_media_list("Guardian people")
    backend.add_to_media_list(str(made.id), [p.id for p in backend.journalists("Marcus Fenwick")])
    async with app.run_test(size=SIZE) as pilot:
        await open_lists(pilot, "Sam (Samantha) Reid")
        await pilot.press("x")
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportScreen)
        dialog.query_one("#export-path", Input).value = str(tmp_path / "guardian.csv")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, MediaListsScreen)
    written = (tmp_path / "guardian.csv").read_text(encoding="utf-8-sig")
    assert "Marcus Fenwick" in written and "Sam (Samantha) Reid" not in written


async def test_media_lists_are_in_help_on_contacts(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert "Media lists" in str(app.screen.query_one("#help-keys", Static).content)
