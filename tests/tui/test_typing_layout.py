"""Typing into the log-a-call form redraws the field typed in and the message under it; a message asks for the form to
be laid out again only when its height changes (issue 13: input latency)."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Input, Static

from pressdesk.tui.screens.log_call import LogCallScreen
from tests.tui.conftest import count_layouts, settle


async def open_form(pilot) -> LogCallScreen:
    """The log-a-call form, open and settled."""
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, LogCallScreen)
    return form


async def test_typing_a_subject_or_replacing_a_one_line_message_lays_out_nothing_more(frozen_app, monkeypatch):
    """In the log form, typing a subject lays out nothing but the subject box, and a one-line message under a field
    replaced by another does not lay out the form."""
    async with frozen_app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        form.query_one("#subject", Input).focus()
        await pilot.pause()
        asked: list[str] = []
        refresh = Widget.refresh

        def noted(widget, *args, layout: bool = False, **kwargs):
            if layout:
                asked.append(widget.id or type(widget).__name__)
            return refresh(widget, *args, layout=layout, **kwargs)

        with monkeypatch.context() as patched:
            patched.setattr(Widget, "refresh", noted)
            await pilot.press(*"Flood")
        assert form.query_one("#subject", Input).value == "Flood", "the subject is typed"
        assert set(asked) <= {"subject"}, f"typing in the subject laid out {sorted(set(asked) - {'subject'})}"

        message = form.query_one("#deadline-msg", Static)
        form.field_message("deadline", "→ Wed 25 Nov 16:00 (in 6h)", "green")
        await pilot.pause()
        assert message.size.height == 1, "a short message takes one line"
        layouts = count_layouts(monkeypatch)
        form.field_message("deadline", "→ Wed 25 Nov 17:00 (in 7h)", "green")
        await pilot.pause()
        assert str(message.render()) == "→ Wed 25 Nov 17:00 (in 7h)", "the new message is shown"
        assert layouts == [], "a one-line message replaced by another laid out the whole form"


async def test_a_message_that_wraps_or_shrinks_back_lays_out_the_form_at_its_new_height(frozen_app):
    async with frozen_app.run_test(size=(80, 24)) as pilot:
        form = await open_form(pilot)
        message = form.query_one("#deadline-msg", Static)
        form.field_message("deadline", "Not a time I can read.")
        await pilot.pause()
        assert message.size.height == 1
        form.field_message("deadline", "Not a time I can read: " + "try 16:00, tomorrow 9am or +2h; " * 4)
        await pilot.pause()
        assert message.size.height > 1, "a long message is cut to one line"
        assert "+2h; try" in "".join(strip.text for strip in message.render_lines(message.region.reset_offset))
        form.field_message("deadline", "")
        await pilot.pause()
        assert message.size.height == 1, "the form keeps the lines of a message gone"
