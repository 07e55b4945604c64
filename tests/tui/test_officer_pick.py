"""Pilot tests of assigning from the desk: a desk with an officers' list picks from it (name and initials, or
nobody) by keyboard; a desk without one keeps the free-text prompt; the header names you and the desk in every view."""

from __future__ import annotations

from textual.widgets import Header, Input, OptionList

from pressdesk.tui.screens.desk import DeskScreen
from pressdesk.tui.screens.officer_pick import OfficerPickScreen
from pressdesk.tui.screens.prompt import PromptScreen
from tests.tui.conftest import settle


def options(screen) -> list[str]:
    """The picker's lines as shown."""
    box = screen.query_one(OptionList)
    return [str(box.get_option_at_index(i).prompt) for i in range(box.option_count)]


def highlighted(screen) -> str:
    """The picker's highlighted line."""
    box = screen.query_one(OptionList)
    return str(box.get_option_at_index(box.highlighted).prompt)


async def test_with_officers_on_the_desk_a_assigns_by_picking_one_or_nobody(app, backend):
    backend.add_officer("Priya Shah")
    backend.add_officer("Jamie Hose")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        row = app.screen.current_row()
        await pilot.press("a")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, OfficerPickScreen)
        lines = options(picker)
        assert [line.split()[0] for line in lines] == ["Jamie", "Priya", "nobody"]
        assert "JH" in lines[0] and "PS" in lines[1]
        await pilot.press(*"ps")  # initials narrow the list
        await settle(pilot)
        assert options(picker) == [lines[1], lines[2]] and highlighted(picker) == lines[1]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
        assert backend.enquiry(row.id).officer == "Priya Shah"
        await pilot.press("a")
        await settle(pilot)
        assert highlighted(app.screen).startswith("Priya Shah"), "the officer it has now is highlighted"
        await pilot.press("down", "enter")
        await settle(pilot)
        assert backend.enquiry(row.id).officer == "", "nobody unassigns it"
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"jamie", "escape")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
    assert backend.enquiry(row.id).officer == "", "escape changes nothing"


async def test_typing_a_name_nobody_has_leaves_only_nobody_and_enter_does_not_assign_it(app, backend):
    backend.add_officer("Priya Shah")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        row = app.screen.current_row()
        before = backend.enquiry(row.id).officer
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"zz")
        await settle(pilot)
        picker = app.screen
        assert [line.split()[0] for line in options(picker)] == ["nobody"]
        assert picker.query_one(Input).value == "zz"
        await pilot.press("escape")
        await settle(pilot)
    assert backend.enquiry(row.id).officer == before


async def test_without_officers_a_keeps_the_free_text_prompt(app, backend):
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        row = app.screen.current_row()
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen)
        await pilot.press("ctrl+a", "ctrl+k", *"Free Name", "enter")
        await settle(pilot)
    assert backend.enquiry(row.id).officer == "Free Name"


async def test_the_header_keeps_the_desk_and_who_you_are_through_every_view(app):
    app.sub_title = "team desk"
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        seen = []
        for _ in range(5):  # open -> mine -> overdue -> closed today -> all -> open
            await pilot.press("v")
            await settle(pilot)
            seen.append(str(app.screen.query_one(Header).format_title()))
        assert seen[0] == "pressdesk · Test Officer — team desk · mine"
        assert seen[-1] == "pressdesk · Test Officer — team desk", "back on the everyday view, the desk is named again"


async def test_the_header_says_who_you_are_and_the_edit_form_picks_the_officer_and_keeps_a_name_not_on_the_list(
    app, backend
):
    """The header names the officer; once the desk has an officers' list, the edit form picks from it and keeps a
    name given before the list until it is changed."""
    from textual.widgets import Select

    from pressdesk.tui.screens.edit_enquiry import EditEnquiryScreen

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert str(app.screen.query_one(Header).format_title()) == "pressdesk · Test Officer", "the header says who"
        row = app.screen.current_row()
        backend.assign(row.id, "Old Hand")  # given before the desk had a list
        backend.add_officer("Priya Shah")
        backend.add_officer("Jamie Hose")
        await pilot.press("f5")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditEnquiryScreen), "e opens the edit form"
        picker = form.query_one("#officer", Select)
        assert picker.value == "Old Hand", "a name given before the list stays until changed"
        assert [str(prompt) for prompt, _value in picker._options] == [
            "Jamie Hose  JH",
            "Priya Shah  PS",
            "Old Hand  (not on the desk's list)",
            "nobody (unassigned)",
        ], "the officers on the list, the name not on it, and nobody"
        picker.focus()
        await pilot.press("enter", "up", "enter")  # open on Old Hand, one up, pick
        await settle(pilot)
        assert picker.value == "Priya Shah", "an officer is picked from the list"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EditEnquiryScreen), "the edit saves"
    assert backend.enquiry(row.id).officer == "Priya Shah", "with the officer picked"
