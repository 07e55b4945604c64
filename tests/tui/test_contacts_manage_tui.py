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


async def test_import_dialog_shows_the_dry_run_then_imports_on_confirm(app, demo_desk):
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(pilot)
        dialog = await submit_path(pilot, FOUR)

        summary = text_of(dialog, "#ic-summary")
        assert "Would import 12 rows from google.csv, outlook.csv, apple.vcf, android.vcf" in summary
        assert "priya.shah@theguardian.com." in summary and "cannot end with a dot" in summary
        assert journalists_named(demo_desk, "Jo Bloggs") == []  # a dry run stores nothing

        await pilot.press("ctrl+s")
        await settle(pilot)

        assert "Imported 12 rows" in text_of(dialog, "#ic-summary")
        assert len(journalists_named(demo_desk, "Jo Bloggs")) == 1
        await pilot.press("escape")
        await settle(pilot)
        assert "Jo Bloggs" in names(pilot.app.screen)


async def test_import_dialog_refuses_a_missing_file_and_stores_nothing(app, demo_desk, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(pilot)
        dialog = await submit_path(pilot, f"{FIXTURES / 'google.csv'}; {tmp_path / 'gone.csv'}")

        assert text_of(dialog, "#ic-msg").startswith("Not imported:") and "gone.csv" in text_of(dialog, "#ic-msg")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "check the file first" in text_of(dialog, "#ic-msg")
        assert journalists_named(demo_desk, "Ann Smith") == []


async def test_n_adds_a_journalist_with_checked_details_and_selects_them(app, demo_desk):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, NewJournalistScreen)
        form.query_one("#je-name", Input).value = "Nadia Quinn"
        form.query_one("#je-outlet", Input).value = "Evening Standard"
        form.query_one("#je-beat", Input).value = "transport"
        form.query_one("#je-emails", Input).value = "nadia.quinn@example.com"
        form.query_one("#je-phones", Input).value = "07911 123456"
        await pilot.press("ctrl+s")
        await settle(pilot)

        assert pilot.app.screen is screen
        [nadia] = journalists_named(demo_desk, "Nadia Quinn")
        assert (nadia.outlet, nadia.emails, nadia.phones) == (
            "Evening Standard",
            ("nadia.quinn@example.com",),
            ("+447911123456",),
        )
        assert nadia.detail["beat"] == "transport"
        assert screen.current_row().id == nadia.id


async def test_new_journalist_with_a_bad_email_is_refused_and_nothing_is_written(app, demo_desk):
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = pilot.app.screen
        form.query_one("#je-name", Input).value = "Nadia Quinn"
        form.query_one("#je-emails", Input).value = "nadia.quinn@example.com."
        await pilot.press("ctrl+s")
        await settle(pilot)

        assert pilot.app.screen is form
        assert "Email" in text_of(form, "#je-emails-msg")
        assert journalists_named(demo_desk, "Nadia Quinn") == []


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


async def test_archive_asks_then_marks_the_journalist_and_a_again_brings_them_back(app, demo_desk):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(pilot)
        await select_person(pilot, screen, "Marcus Fenwick")
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)

        [marcus] = journalists_named(demo_desk, "Marcus Fenwick")
        assert marcus.detail["archived"] is True
        assert "Marcus Fenwick (archived)" in names(screen)

        await pilot.press("a")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert journalists_named(demo_desk, "Marcus Fenwick")[0].detail["archived"] is False


async def test_merge_shows_both_side_by_side_and_keeps_the_fields_picked(app, demo_desk):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(pilot)
        [other] = journalists_named(demo_desk, "Marcus Fenwick")
        await select_person(pilot, screen, "Sam (Samantha) Reid")
        kept = screen.current_row()
        await pilot.press("m")
        await settle(pilot)
        prompt = pilot.app.screen
        assert isinstance(prompt, PromptScreen)
        prompt.query_one(Input).value = str(other.id)
        await pilot.press("enter")
        await settle(pilot)
        merge = pilot.app.screen
        assert isinstance(merge, MergeScreen)
        table = merge.query_one("#merge-table", DataTable)
        assert [table.get_row_at(0)[i].plain for i in (0, 2, 3)] == ["name", "Sam (Samantha) Reid", "Marcus Fenwick"]

        await pilot.press("b")  # the name row: keep B's
        await settle(pilot)
        assert table.get_row_at(0)[1].plain == "B"
        await pilot.press("ctrl+s")
        await settle(pilot)

        assert journalists_named(demo_desk, "Sam (Samantha) Reid") == []
        [merged] = journalists_named(demo_desk, "Marcus Fenwick")
        assert merged.id == kept.id
        assert set(kept.emails) | set(other.emails) <= set(merged.emails)


async def test_outlets_list_their_journalists_and_enter_opens_one_in_contacts(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(pilot)
        await pilot.press("o")
        await settle(pilot)
        browser = pilot.app.screen
        assert isinstance(browser, OutletsScreen)
        browser.query_one("#outlets-search", Input).value = "Guardian"
        await settle(pilot)
        outlets = browser.query_one("#outlets-table", DataTable)
        assert outlets.row_count == 1 and outlets.get_row_at(0)[0].plain == "The Guardian · 2"
        people = browser.query_one("#outlet-people", DataTable)
        guardian = sorted(people.get_row_at(i)[0].plain for i in range(people.row_count))
        assert guardian == ["Marcus Fenwick", "Sam (Samantha) Reid"]

        await pilot.press("enter", "enter")
        await settle(pilot)

        assert pilot.app.screen is screen
        assert screen.current_row().name in guardian


async def test_beats_show_in_the_list_and_a_beat_word_finds_its_journalists(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(pilot)
        await pilot.press("f")
        screen.search_box.value = "terrorism"
        await settle(pilot)

        found = names(screen)
        assert "Sam (Samantha) Reid" in found and "Marcus Fenwick" not in found
        beat = screen.table.get_row_at(found.index("Sam (Samantha) Reid"))[3].plain
        assert beat == "defence, security, terrorism, Afghanistan"
