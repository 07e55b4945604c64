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


async def test_the_log_and_edit_forms_preview_a_deadline_gone_as_passed_and_a_call_is_still_logged_with_it(
    frozen_app, frozen_desk
):
    """The log form previews a deadline ahead, or the minute just gone, in green as before; a time an hour gone is
    previewed as passed in the warning style and the call is logged with it all the same; the edit form previews a
    deadline changed to a time gone as passed."""
    async with frozen_app.run_test(size=(160, 45)) as pilot:  # the clock stands at Wed 25 Nov 10:00 in London
        shown = await preview_of(pilot, "today 9:59")
        assert str(shown.content) == "→ Wed 25 Nov 09:59 (overdue 1m)", "the minute just gone is overdue, not passed"
        assert "green" in str(shown.content.style), "in green"
        await pilot.press(*["backspace"] * len("today 9:59"), *"+2h")
        await settle(pilot)
        assert str(shown.content) == "→ Wed 25 Nov 12:00 (2h)", "a deadline ahead says how long is left"
        assert "green" in str(shown.content.style), "in green"
        await pilot.press(*["backspace"] * len("+2h"), *"today 9:00")
        await settle(pilot)
        assert str(shown.content) == "→ Wed 25 Nov 09:00 — passed 1h ago", "an hour gone is previewed as passed"
        assert "yellow" in str(shown.content.style), "in the warning style, not the green of a good time"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(frozen_app.screen, DeskScreen), "a time gone is said, not refused"
        with frozen_desk.read() as s:
            (row,) = queries.list_enquiries(s, text="Flood barrier comment", order="recent", limit=1)
        assert row.deadline.hour == 9 and row.deadline.minute == 0, "the call is logged with the time gone"

        await pilot.press("e")
        await settle(pilot)  # the form opens once the desk's officers are read, in a worker
        assert isinstance(frozen_app.screen, EditEnquiryScreen)
        frozen_app.screen.query_one("#deadline", Input).value = "today 8:30"
        await settle(pilot)
        shown = frozen_app.screen.query_one("#deadline-msg", Static)
        assert str(shown.content) == "→ Wed 25 Nov 08:30 — passed 1h 30m ago", "the edit form says a time is gone"
        assert "yellow" in str(shown.content.style), "in the warning style"


async def test_the_desks_deadline_key_previews_a_time_gone_as_passed(frozen_app):
    async with frozen_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d", *"today 7:15")
        await settle(pilot)
        shown = frozen_app.screen.query_one("#prompt-msg", Static)
        assert str(shown.content) == "→ Wed 25 Nov 07:15 — passed 2h 45m ago"
        assert "yellow" in str(shown.content.style)
