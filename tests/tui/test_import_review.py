"""The import screen reviews a pasted release person by person before anything is stored."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select
from textual.widgets import DataTable, Input, Static, TextArea

from pressdesk.models import Expert, PressContact, Release
from pressdesk.tui.screens.import_release import ImportReleaseScreen
from pressdesk.tui.screens.prompt import PromptScreen
from tests.tui.conftest import settle

RELEASES = Path(__file__).resolve().parents[2] / "fixtures" / "releases"
TITLE = "Ancient pollen reveals how East Anglia's fens were drained"


def rows(app) -> list[list[str]]:
    """The people table as text, row by row."""
    table = app.screen.query_one("#release-people", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def open_review(app, pilot, text: str) -> None:
    """Open the import screen from Releases, paste the text and read it."""
    await settle(pilot)
    await pilot.press("4")
    await settle(pilot)
    await pilot.press("i")
    assert isinstance(app.screen, ImportReleaseScreen)
    app.screen.query_one("#release-text", TextArea).text = text
    await pilot.press("ctrl+r")
    await settle(pilot)


async def read_again(app, pilot, text: str) -> None:
    """Paste another release into the open import screen and read it."""
    app.screen.query_one("#release-text", TextArea).text = text
    await pilot.press("ctrl+r")
    await settle(pilot)


async def test_a_pasted_release_is_reviewed_field_by_field_and_person_by_person_before_it_is_stored(app, demo_desk):
    """A pasted release is shown field by field with its warnings and stores nothing; a contact's role and what each
    number is are shown; the officer unticks, renames and moves people before storing, and only that is stored."""
    text = (RELEASES / "uk_thinktank_interview.txt").read_text(encoding="utf-8")
    async with app.run_test(size=(160, 45)) as pilot:
        await open_review(app, pilot, text)
        summary = str(app.screen.query_one("#release-preview", Static).content)
        assert "Councils face £4bn gap" in summary, "the title is read"
        assert "Issuer   Ashdown Institute for Public Finance" in summary, "the issuer is read"
        assert "no time zone" in summary and "Europe/London" in summary, "the time zone assumed is shown"
        assert [r[:3] for r in rows(app)] == [
            ["[x]", "Expert", "Tom Ellery-Jones"],
            ["[x]", "Expert", "Dr Megan Pryce"],
            ["[x]", "Contact", "Kwame Asante"],
        ], "each person is listed, ticked, as expert or contact"
        assert "tom.ellery-jones@ashdowninstitute.example" in rows(app)[0][4], "with their email"
        with demo_desk.read() as s:
            stored = s.exec(select(Release).where(Release.title.startswith("Councils face"))).all()
        assert stored == [], "reading stores nothing"

        await read_again(app, pilot, (RELEASES / "nhs_statement_pipes.txt").read_text(encoding="utf-8"))
        jo = next(r for r in rows(app) if r[2] == "Jo Whitcombe")
        assert jo[3] == "Communications Officer", "a contact's role is shown"
        assert "07123 456789 (mobile)" in jo[4] and "0113 496 0000 (out of hours)" in jo[4], "and what each number is"

        await read_again(app, pilot, (RELEASES / "uk_cambridge_notes.txt").read_text(encoding="utf-8"))
        assert [r[2] for r in rows(app)] == ["Dr Harriet Quilley", "Professor Samuel Adeyemi", "Lucy Tremlett"]
        assert app.screen.focused is app.screen.query_one("#release-people"), "the people have the focus"
        await pilot.press("space")  # drop Dr Quilley
        await pilot.press("down", "e")  # correct Professor Adeyemi's name
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen), "e asks for the name"
        app.screen.query_one(Input).value = "Samuel A. Adeyemi"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ImportReleaseScreen)
        await pilot.press("down", "m")  # Lucy Tremlett becomes an expert
        assert [r[:3] for r in rows(app)] == [
            ["[ ]", "Expert", "Dr Harriet Quilley"],
            ["[x]", "Expert", "Professor Samuel A. Adeyemi"],
            ["[x]", "Expert", "Lucy Tremlett"],
        ], "space unticks, e renames, m moves"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Stored as release" in str(app.screen.query_one("#release-preview", Static).content), "ctrl+s stores"
    with demo_desk.read() as s:
        (release,) = s.exec(select(Release).where(Release.title == TITLE)).all()
        names = {e.name for e in s.exec(select(Expert)).all()}
        contacts = {c.name for c in s.exec(select(PressContact)).all()}
    assert {"Samuel A. Adeyemi", "Lucy Tremlett"} <= names, "stored as renamed and moved"
    assert "Harriet Quilley" not in names, "the unticked person is not stored"
    assert "Lucy Tremlett" not in contacts, "the person moved is not stored as a contact"


async def test_reading_again_after_editing_the_text_drops_the_old_review(app, demo_desk):
    text = (RELEASES / "uk_cambridge_notes.txt").read_text(encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(app, pilot, text)
        await pilot.press("space")
        app.screen.query_one("#release-text", TextArea).text = text.replace("Lucy Tremlett", "Lucy Tremlow")
        await pilot.press("ctrl+s")  # the text changed since it was read: what is stored is read afresh
        await settle(pilot)
    with demo_desk.read() as s:
        names = {e.name for e in s.exec(select(Expert)).all()}
        assert "Harriet Quilley" in names
        assert "Lucy Tremlow" in {c.name for c in s.exec(select(PressContact)).all()}


async def test_the_highlighted_persons_numbers_are_shown_whole_on_a_small_screen(app, demo_desk):
    text = (RELEASES / "nhs_statement_pipes.txt").read_text(encoding="utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(app, pilot, text)
        while rows(app)[app.screen.query_one("#release-people", DataTable).cursor_row][2] != "Jo Whitcombe":
            await pilot.press("down")
        await settle(pilot)
        shown = str(app.screen.query_one("#release-person", Static).content)
        assert "Jo Whitcombe" in shown and "0113 496 0000 (out of hours)" in shown
        assert "jo.whitcombe@hartwell.nhs.example" in shown
