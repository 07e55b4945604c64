"""Tab between a form's fields repaints the field left and the field entered, not the whole screen behind them."""

from __future__ import annotations

from textual.widgets import Input

from pressdesk.tui.screens.log_call import LogCallScreen
from tests.tui.conftest import settle


async def test_tab_to_the_next_field_moves_the_focus_style_without_repainting_the_whole_screen(frozen_app):
    async with frozen_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = frozen_app.screen
        assert isinstance(form, LogCallScreen)
        phone, subject = form.query_one("#phone", Input), form.query_one("#subject", Input)
        focused_background = phone.styles.background
        form.focus_next()
        assert form.focused is subject
        assert not form._repaint_required, "the whole screen (the desk dimmed behind the form too) is repainted"
        await pilot.pause()
        assert subject.has_focus and subject.styles.background == focused_background
        assert phone.styles.background != focused_background, "the field left keeps the focus colour"
