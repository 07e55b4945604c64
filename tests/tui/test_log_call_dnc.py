"""Pilot tests of a number on the do-not-contact list in the log form: refused at the field, logged only when the
officer deliberately says so, and then flagged where the CLI's override is."""

from __future__ import annotations

from textual.widgets import Input, Static

from pressdesk.services import queries
from pressdesk.tui.screens.actions import ConfirmScreen
from pressdesk.tui.screens.desk import DeskScreen
from pressdesk.tui.screens.log_call import LogCallScreen
from tests.tui.conftest import settle

LISTED = "+91 98765 43210"
FLAG = "Kept a phone number on the do-not-contact list"


def enquiries_about(desk, subject: str) -> list:
    """The enquiries with this subject."""
    with desk.read() as s:
        return [r for r in queries.list_enquiries(s, text=subject, limit=50) if r.subject == subject]


def text_of(screen, selector: str) -> str:
    """The plain text of a Static on a screen."""
    return str(screen.query_one(selector, Static).content)


async def fill_and_save(pilot, number: str, subject: str, name: str) -> None:
    """n, the number, subject, a deadline and a name, then ctrl+s."""
    await settle(pilot)
    await pilot.press("n", *number, "tab", *subject, "tab", *"+2h", "tab", "tab", *name)
    await settle(pilot)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_a_listed_number_is_logged_only_when_the_officer_says_log_anyway_and_another_is_asked_about_again(
    app, backend, demo_desk
):
    """A number on the do-not-contact list is refused at the field and logged only when the officer says log anyway
    (declining once never becomes an override), flagged in the history and detail; the override is for that number:
    another listed number is asked about again."""
    backend.do_not_contact(phones=[LISTED, "+44 7911 123456"])
    async with app.run_test(size=(160, 45)) as pilot:
        await fill_and_save(pilot, LISTED, "Monsoon comment", "Back Again")
        asked = app.screen
        assert isinstance(asked, ConfirmScreen), "a second, explicit step is offered"
        assert "+919876543210" in text_of(asked, "#confirm-about"), "it names the value on the list"
        assert "flagged" in text_of(asked, "#confirm-about"), "it says the call will be flagged"
        form = app.screen_stack[-2]
        assert isinstance(form, LogCallScreen)
        assert "asked not to be contacted" in text_of(form, "#phone-msg"), "the number is refused at its field"
        await pilot.press("n")  # the default: not logged
        await settle(pilot)
        assert app.screen is form and form.query_one("#phone", Input).value == LISTED, "everything typed is kept"
        assert enquiries_about(demo_desk, "Monsoon comment") == [], "n logs nothing"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen), "declining once never becomes an override later"
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen), "y logs the call"
        [logged] = enquiries_about(demo_desk, "Monsoon comment")
        detail = backend.detail(logged.id)
        assert any(FLAG in h.summary and h.who == app.settings.officer for h in detail.history), "flagged, by whom"
        await settle(pilot)
        assert FLAG in str(app.screen.query_one("#detail", Static).content), "the flag shows in the detail pane"

        # the override was for that number: logging a different listed one asks again, naming it
        await fill_and_save(pilot, "07911 123456", "Another call", "Other Person")
        assert isinstance(app.screen, ConfirmScreen), "another listed number is asked about again"
        assert "+447911123456" in text_of(app.screen, "#confirm-about"), "naming it"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
    assert enquiries_about(demo_desk, "Another call") == [], "escape logs nothing"
    assert len(enquiries_about(demo_desk, "Monsoon comment")) == 1, "the call logged anyway is logged once"
