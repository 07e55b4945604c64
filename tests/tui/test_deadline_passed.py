"""The log form's deadline preview says, in the warning style, when the time typed has already passed; the call is
logged with it all the same (calls are logged after the fact)."""

from __future__ import annotations

from textual.widgets import Input, Static

from pressdesk.services import queries
from pressdesk.tui.screens.desk import DeskScreen
from pressdesk.tui.screens.edit_enquiry import EditEnquiryScreen
from pressdesk.tui.screens.log_call import LogCallScreen
from tests.tui.conftest import settle


async def preview_of(pilot, deadline: str) -> Static:
    """Open the log form, type a known caller's number, a subject and the deadline; the preview under the deadline."""
    await settle(pilot)
    await pilot.press("n", *"07823 418562", "tab", *"Flood barrier comment", "tab", *deadline)
    await settle(pilot)
    assert isinstance(pilot.app.screen, LogCallScreen)
    return pilot.app.screen.query_one("#deadline-msg", Static)


async def test_a_deadline_an_hour_gone_is_previewed_as_passed_and_still_logged(frozen_app, frozen_desk):
    async with frozen_app.run_test(size=(160, 45)) as pilot:  # the clock stands at Wed 25 Nov 10:00 in London
        shown = await preview_of(pilot, "today 9:00")
        assert str(shown.content) == "→ Wed 25 Nov 09:00 — passed 1h ago"
        assert "yellow" in str(shown.content.style), "in the warning style, not the green of a good time"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(frozen_app.screen, DeskScreen), "a time gone is said, not refused"
    with frozen_desk.read() as s:
        (row,) = queries.list_enquiries(s, text="Flood barrier comment", order="recent", limit=1)
    assert row.deadline.hour == 9 and row.deadline.minute == 0


async def test_a_deadline_ahead_or_the_minute_just_gone_is_previewed_as_before(frozen_app):
    async with frozen_app.run_test(size=(160, 45)) as pilot:
        shown = await preview_of(pilot, "today 9:59")
        assert str(shown.content) == "→ Wed 25 Nov 09:59 (overdue 1m)"
        assert "green" in str(shown.content.style)
        await pilot.press(*["backspace"] * len("today 9:59"), *"+2h")
        await settle(pilot)
        assert str(shown.content) == "→ Wed 25 Nov 12:00 (2h)"
        assert "green" in str(shown.content.style)


async def test_the_edit_form_previews_a_deadline_changed_to_a_time_gone_as_passed(frozen_app):
    async with frozen_app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)  # the form opens once the desk's officers are read, in a worker
        assert isinstance(frozen_app.screen, EditEnquiryScreen)
        frozen_app.screen.query_one("#deadline", Input).value = "today 8:30"
        await settle(pilot)
        shown = frozen_app.screen.query_one("#deadline-msg", Static)
        assert str(shown.content) == "→ Wed 25 Nov 08:30 — passed 1h 30m ago"
        assert "yellow" in str(shown.content.style)


async def test_the_desks_deadline_key_previews_a_time_gone_as_passed(frozen_app):
    async with frozen_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d", *"today 7:15")
        await settle(pilot)
        shown = frozen_app.screen.query_one("#prompt-msg", Static)
        assert str(shown.content) == "→ Wed 25 Nov 07:15 — passed 2h 45m ago"
        assert "yellow" in str(shown.content.style)
