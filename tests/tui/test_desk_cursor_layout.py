"""A cursor move on the desk lays the desk out once for the detail's new height, not once more for the sizes that
layout gave (issue 8 item 7: with the detail pane shown, every ↓ cost two or three full layouts of the desk)."""

from __future__ import annotations

from textual.containers import VerticalScroll

from pressdesk.tui.screens.desk import DeskScreen
from pressdesk.tui.widgets.enquiry_detail import EnquiryDetailView
from tests.tui.conftest import count_layouts, settle


async def test_each_cursor_move_lays_the_desk_out_once_more_only_when_the_detail_scrollbar_comes_or_goes(
    frozen_app, monkeypatch
):
    async with frozen_app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        desk = frozen_app.screen
        assert isinstance(desk, DeskScreen)
        pane = desk.query_one("#detail-pane", VerticalScroll)
        detail = desk.query_one(EnquiryDetailView)
        layouts = count_layouts(monkeypatch)
        steady = 0
        for _ in range(5):
            row, shown, scrollbar = desk.current_row(), str(detail.render()), pane.show_vertical_scrollbar
            layouts.clear()
            await pilot.press("down")
            await settle(pilot)
            assert desk.current_row() is not row and desk.current_row().subject in str(detail.render()), "detail shown"
            assert str(detail.render()) != shown
            assert detail.size.height == detail.virtual_size.height, "laid out at the new detail's height"
            if pane.show_vertical_scrollbar == scrollbar:
                assert len(layouts) == 1, f"a cursor move laid out the desk {len(layouts)} times"
                steady += 1
            else:  # the text's width changed with the scrollbar, and the scrollbar was placed: Textual's own
                assert len(layouts) <= 3
        assert steady, "some moves kept the scrollbar as it was"
