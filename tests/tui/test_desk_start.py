"""The desk as it opens reads what it shows once: the first page's selected enquiry's detail is read once, not once
per resize the terminal reports at start and again for the page (issue 8: the fixed cost of every app, and work a user
waits behind while the first rows are painted)."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import DataTable

from pressdesk.core import Backend
from pressdesk.tui.app import build_app
from pressdesk.tui.screens.desk import DeskScreen
from pressdesk.tui.widgets.enquiry_detail import EnquiryDetailView
from tests.tui.conftest import settle

WIDE, NARROW = (160, 45), (80, 24)


def count_detail_reads(monkeypatch) -> list[int]:
    """The ids of the enquiries whose detail the backend is asked for, in order (from any worker thread)."""
    read: list[int] = []
    detail = Backend.detail

    def counted(self, enquiry_id: int):
        read.append(enquiry_id)
        return detail(self, enquiry_id)

    monkeypatch.setattr(Backend, "detail", counted)
    return read


def count_page_reads(monkeypatch) -> list[int]:
    """The row limits of the desk pages the backend is asked for, in order (from any worker thread)."""
    read: list[int] = []
    desk_page = Backend.desk_page

    def counted(self, *args, **kwargs):
        read.append(kwargs.get("limit"))
        return desk_page(self, *args, **kwargs)

    monkeypatch.setattr(Backend, "desk_page", counted)
    return read


def detail_text(app) -> str:
    """What the detail pane says."""
    return str(app.screen.query_one(EnquiryDetailView).render())


async def widened(pilot) -> None:
    """The terminal made wide again: settle until the detail pane is laid out on screen (its Show, which fills it,
    comes with that layout), then until what it set going is done."""
    pane = pilot.app.screen.query_one("#detail-pane")
    await pilot.resize_terminal(*WIDE)
    for _ in range(20):
        await settle(pilot)
        if pane.region.width:
            break
    await settle(pilot)


async def test_the_desk_reads_the_first_enquirys_detail_once_as_it_opens(frozen_app, monkeypatch):
    read = count_detail_reads(monkeypatch)
    async with frozen_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        first = frozen_app.screen.current_row()
        assert read == [first.id]
        assert first.subject[:20] in detail_text(frozen_app)


async def test_opened_over_a_desk_already_open_it_reads_its_first_page_once(frozen_app, monkeypatch):
    """A second read raced the first: the first page shown, then the second, each highlighting its first row, so the
    detail was read twice whenever the first read ended before the second was asked for (under load)."""
    pages = count_page_reads(monkeypatch)
    async with frozen_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert len(pages) == 1
        assert frozen_app.screen.current_row() is not None


async def test_launched_on_a_desk_file_it_reads_the_first_enquirys_detail_once(frozen_desk, settings, monkeypatch):
    read = count_detail_reads(monkeypatch)
    app = build_app(settings, target=str(frozen_desk.path))  # the early page first, then the core's
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        first = app.screen.current_row()
        assert read == [first.id]
        assert first.subject[:20] in detail_text(app)


async def test_the_pane_that_comes_back_shows_the_enquiry_chosen_while_it_was_hidden(frozen_app):
    async with frozen_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.resize_terminal(*NARROW)
        await settle(pilot)
        assert not frozen_app.screen.query_one("#detail-pane").display
        frozen_app.screen.query_one(DataTable).move_cursor(row=4)
        await settle(pilot)
        chosen = frozen_app.screen.current_row()
        await widened(pilot)
        assert frozen_app.screen.query_one("#detail-pane").display
        assert chosen.subject[:20] in detail_text(frozen_app)


async def test_a_resize_to_the_size_the_desk_is_laid_out_at_lays_nothing_out_again(frozen_app, monkeypatch):
    again: list[tuple] = []
    resized = Screen._screen_resized

    def counted(self, size) -> None:
        if isinstance(self, DeskScreen) and size == self.outer_size:
            again.append(size)
        resized(self, size)

    monkeypatch.setattr(Screen, "_screen_resized", counted)
    async with frozen_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.resize_terminal(*NARROW)
        await settle(pilot)
        assert frozen_app.screen.outer_size == NARROW, "a new size is laid out"
        assert again == [], "the whole desk laid out again at the size it had"


async def test_a_desk_opened_narrow_shows_the_chosen_enquirys_detail_once_wide(frozen_app):
    async with frozen_app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert not frozen_app.screen.query_one("#detail-pane").display
        frozen_app.screen.query_one(DataTable).move_cursor(row=3)
        await settle(pilot)
        chosen = frozen_app.screen.current_row()
        await widened(pilot)
        assert frozen_app.screen.query_one("#detail-pane").display
        assert chosen.subject[:20] in detail_text(frozen_app)
