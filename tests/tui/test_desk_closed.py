"""Closed enquiries on the desk show when they were closed in the Due column, never a countdown to their deadline."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlmodel import select
from textual.widgets import DataTable

from pressdesk.models import Enquiry
from tests.tui.conftest import FIXED, settle

SIZE = (120, 40)
LONDON = ZoneInfo("Europe/London")


def due_cells(app) -> dict[int, str]:
    """The Due cell of every row the desk shows, by enquiry id."""
    table = app.screen.query_one(DataTable)
    return {int(row.key.value): str(table.get_cell(row.key, "due")) for row in table.ordered_rows}


def closing_times(desk) -> dict[int, object]:
    """When each closed enquiry of the desk was closed."""
    with desk.read() as s:
        return dict(s.execute(select(Enquiry.id, Enquiry.closed_at).where(Enquiry.closed_at.is_not(None))).all())


def shown_closed(moment) -> str:
    """A closing time as the Due column shows it: the time today, the day before that."""
    local = moment.astimezone(LONDON)
    if local.date() == FIXED.astimezone(LONDON).date():
        return f"✓ {local:%H:%M}"
    return f"✓ {local:%d %b}" if local.year == FIXED.year else f"✓ {local:%d %b %y}"


async def test_closed_today_shows_each_closing_time_not_a_countdown(frozen_app, frozen_desk):
    closed = closing_times(frozen_desk)
    async with frozen_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v", "v", "v")  # open -> mine -> overdue -> closed today
        await settle(pilot)
        assert frozen_app.screen.view.name == "closed today"
        cells = due_cells(frozen_app)
        assert cells, "the demo desk closed something today"
        for enquiry_id, text in cells.items():
            assert text == shown_closed(closed[enquiry_id]), enquiry_id
            assert "overdue" not in text


async def test_all_shows_countdowns_for_open_enquiries_and_closing_times_for_closed_ones(frozen_app, frozen_desk):
    closed = closing_times(frozen_desk)
    async with frozen_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v", "v", "v", "v")  # ... -> all
        await settle(pilot)
        assert frozen_app.screen.view.name == "all"
        cells = due_cells(frozen_app)
        finished = [i for i in cells if i in closed]
        still_open = [i for i in cells if i not in closed]
        assert finished and still_open
        for enquiry_id in finished:
            assert cells[enquiry_id] == shown_closed(closed[enquiry_id]), enquiry_id
        rows = frozen_app.screen.rows
        for enquiry_id in still_open:
            assert cells[enquiry_id].startswith("overdue") == (
                rows[enquiry_id].deadline is not None and rows[enquiry_id].deadline < FIXED
            ), enquiry_id
        frozen_app.screen.tick()  # the 15-second redraw keeps the closing times
        await pilot.pause()
        assert due_cells(frozen_app) == cells
