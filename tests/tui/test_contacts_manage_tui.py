"""Pilot tests of managing people in the TUI: import files, add, archive, merge field by field, browse outlets."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Static

from pressdesk.services import queries
from pressdesk.tui.screens.contacts_import import ImportContactsScreen
from pressdesk.tui.screens.merge_people import MergeScreen
from pressdesk.tui.screens.outlets import OutletsScreen
from pressdesk.tui.screens.person_new import NewExpertScreen, NewJournalistScreen
from pressdesk.tui.screens.prompt import PromptScreen

from .conftest import settle
from .test_people_search import names, open_contacts, select_person

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "contacts"
FOUR = "; ".join(str(FIXTURES / n) for n in ("google.csv", "outlook.csv", "apple.vcf", "android.vcf"))
SIZE = (120, 40)


def journalists_named(desk, name: str) -> list:
    """Every journalist with exactly this name, archived or not."""
    with desk.read() as s:
        return [p for p in queries.list_journalists(s, text=name, limit=50) if p.name == name]


def text_of(screen, selector: str) -> str:
    """The plain text of a Static."""
    return str(screen.query_one(selector, Static).content)


async def submit_path(pilot, text: str) -> ImportContactsScreen:
    """Open the import dialog on the Contacts screen and check the files typed."""
    await pilot.press("i")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, ImportContactsScreen)
    dialog.query_one("#ic-path", Input).value = text
    await pilot.press("enter")
    await settle(pilot)
    return dialog


async def test_import_dialog_refuses_a_missing_file_then_shows_the_dry_run_and_imports_on_confirm(
    app, demo_desk, tmp_path
):
    """Importing contact files: a missing file is refused and nothing is stored; four files are checked in a dry run
    that stores nothing, then imported on confirm and listed."""
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(pilot)
        dialog = await submit_path(pilot, f"{FIXTURES / 'google.csv'}; {tmp_path / 'gone.csv'}")
        assert text_of(dialog, "#ic-msg").startswith("Not imported:") and "gone.csv" in text_of(dialog, "#ic-msg"), (
            "a missing file is named"
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "check the file first" in text_of(dialog, "#ic-msg"), "confirming unchecked files is refused"
        assert journalists_named(demo_desk, "Ann Smith") == [], "a refused import stores nothing"

        path = dialog.query_one("#ic-path", Input)
        path.value = FOUR
        path.focus()
        await pilot.press("enter")
        await settle(pilot)
        summary = text_of(dialog, "#ic-summary")
        assert "Would import 12 rows from google.csv, outlook.csv, apple.vcf, android.vcf" in summary, "a dry run"
        assert "priya.shah@theguardian.com." in summary and "cannot end with a dot" in summary, "naming bad rows"
        assert journalists_named(demo_desk, "Jo Bloggs") == [], "a dry run stores nothing"

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Imported 12 rows" in text_of(dialog, "#ic-summary"), "confirming imports"
        assert len(journalists_named(demo_desk, "Jo Bloggs")) == 1, "and stores each person once"
        await pilot.press("escape")
        await settle(pilot)
        assert "Jo Bloggs" in names(pilot.app.screen), "the list shows who was imported"


async def test_n_refuses_a_bad_email_writing_nothing_then_adds_the_journalist_and_selects_them(app, demo_desk):
    """n on Contacts: a new journalist with a bad email is refused under the email writing nothing; with checked
    details they are added and selected."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, NewJournalistScreen), "n opens a new journalist's form"
        form.query_one("#je-name", Input).value = "Nadia Quinn"
        form.query_one("#je-emails", Input).value = "nadia.quinn@example.com."
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is form, "a bad email keeps the form open"
        assert "Email" in text_of(form, "#je-emails-msg"), "naming the email"
        assert journalists_named(demo_desk, "Nadia Quinn") == [], "and writes nothing"

        form.query_one("#je-outlet", Input).value = "Evening Standard"
        form.query_one("#je-beat", Input).value = "transport"
        form.query_one("#je-emails", Input).value = "nadia.quinn@example.com"
        form.query_one("#je-phones", Input).value = "07911 123456"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is screen, "a good new journalist closes the form"
        [nadia] = journalists_named(demo_desk, "Nadia Quinn")
        assert (nadia.outlet, nadia.emails, nadia.phones) == (
            "Evening Standard",
            ("nadia.quinn@example.com",),
            ("+447911123456",),
        ), "the details are stored checked"
        assert nadia.detail["beat"] == "transport", "with the beat"
        assert screen.current_row().id == nadia.id, "and the new journalist is selected"


async def test_n_on_experts_adds_an_expert(app, demo_desk):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, NewExpertScreen)
        form.query_one("#ee-name", Input).value = "Halvard Brekke"
        form.query_one("#ee-affiliation", Input).value = "School of Engineering"
        form.query_one("#ee-weekly_limit", Input).value = "2"
        await pilot.press("ctrl+s")
        await settle(pilot)

        with demo_desk.read() as s:
            found = [p for p in queries.list_experts(s, text="Brekke", limit=10) if p.name == "Halvard Brekke"]
        assert len(found) == 1
        assert found[0].outlet == "School of Engineering" and found[0].detail["weekly_limit"] == 2


async def test_a_beat_word_finds_its_journalists_and_outlets_list_theirs_with_enter_opening_one(app):
    """Beats show in the contacts list and a beat's word finds its journalists; the outlets browser lists each
    outlet's journalists and enter opens one in Contacts."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(pilot)
        await pilot.press("f")
        screen.search_box.value = "terrorism"
        await settle(pilot)
        found = names(screen)
        assert "Sam (Samantha) Reid" in found and "Marcus Fenwick" not in found, "a beat's word finds its journalists"
        beat = screen.table.get_row_at(found.index("Sam (Samantha) Reid"))[3].plain
        assert beat == "defence, security, terrorism, Afghanistan", "the list shows the beat"

        screen.table.focus()
        await pilot.press("o")
        await settle(pilot)
        browser = pilot.app.screen
        assert isinstance(browser, OutletsScreen), "o opens the outlets"
        browser.query_one("#outlets-search", Input).value = "Guardian"
        await settle(pilot)
        outlets = browser.query_one("#outlets-table", DataTable)
        assert outlets.row_count == 1 and outlets.get_row_at(0)[0].plain == "The Guardian · 2", "outlets are found"
        people = browser.query_one("#outlet-people", DataTable)
        guardian = sorted(people.get_row_at(i)[0].plain for i in range(people.row_count))
        assert guardian == ["Marcus Fenwick", "Sam (Samantha) Reid"], "with their journalists"
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert pilot.app.screen is screen, "enter opens the journalist in Contacts"
        assert screen.current_row().name in guardian, "on their row"


async def test_archive_asks_marks_and_restores_and_merge_keeps_the_fields_picked(app, demo_desk):
    """a asks, then archives the journalist (and a again brings them back); m shows two journalists side by side and
    keeps the fields picked."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(pilot)
        await select_person(pilot, screen, "Marcus Fenwick")
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        [marcus] = journalists_named(demo_desk, "Marcus Fenwick")
        assert marcus.detail["archived"] is True, "a then y archives"
        assert "Marcus Fenwick (archived)" in names(screen), "the list marks them archived"
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert journalists_named(demo_desk, "Marcus Fenwick")[0].detail["archived"] is False, "a again restores"

        other = journalists_named(demo_desk, "Marcus Fenwick")[0]
        await select_person(pilot, screen, "Sam (Samantha) Reid")
        kept = screen.current_row()
        await pilot.press("m")
        await settle(pilot)
        prompt = pilot.app.screen
        assert isinstance(prompt, PromptScreen), "m asks whom to merge with"
        prompt.query_one(Input).value = str(other.id)
        await pilot.press("enter")
        await settle(pilot)
        merge = pilot.app.screen
        assert isinstance(merge, MergeScreen), "the merge opens side by side"
        table = merge.query_one("#merge-table", DataTable)
        assert [table.get_row_at(0)[i].plain for i in (0, 2, 3)] == ["name", "Sam (Samantha) Reid", "Marcus Fenwick"]
        await pilot.press("b")  # the name row: keep B's
        await settle(pilot)
        assert table.get_row_at(0)[1].plain == "B", "b picks B's field"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert journalists_named(demo_desk, "Sam (Samantha) Reid") == [], "the merge leaves one journalist"
        [merged] = journalists_named(demo_desk, "Marcus Fenwick")
        assert merged.id == kept.id, "the one selected first is kept, with B's name"
        assert set(kept.emails) | set(other.emails) <= set(merged.emails), "with both journalists' emails"
