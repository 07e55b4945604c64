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


async def test_closed_today_and_all_show_closing_times_for_closed_enquiries_and_countdowns_for_open_ones(
    frozen_app, frozen_desk
):
    """The closed-today view shows each closing time, never a countdown; the all view shows countdowns for open
    enquiries and closing times for closed ones, and its redraw keeps them."""
    closed = closing_times(frozen_desk)
    async with frozen_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v", "v", "v")  # open -> mine -> overdue -> closed today
        await settle(pilot)
        assert frozen_app.screen.view.name == "closed today"
        cells = due_cells(frozen_app)
        assert cells, "the demo desk closed something today"
        for enquiry_id, text in cells.items():
            assert text == shown_closed(closed[enquiry_id]), f"#{enquiry_id} closed today shows its closing time"
            assert "overdue" not in text, f"#{enquiry_id} closed is never overdue"

        await pilot.press("v")  # -> all
        await settle(pilot)
        assert frozen_app.screen.view.name == "all"
        cells = due_cells(frozen_app)
        finished = [i for i in cells if i in closed]
        still_open = [i for i in cells if i not in closed]
        assert finished and still_open, "all shows open and closed enquiries"
        for enquiry_id in finished:
            assert cells[enquiry_id] == shown_closed(closed[enquiry_id]), f"#{enquiry_id} closed: its closing time"
        rows = frozen_app.screen.rows
        for enquiry_id in still_open:
            assert cells[enquiry_id].startswith("overdue") == (
                rows[enquiry_id].deadline is not None and rows[enquiry_id].deadline < FIXED
            ), f"#{enquiry_id} open: a countdown, overdue only when past its deadline"
        frozen_app.screen.tick()  # the 15-second redraw keeps the closing times
        await pilot.pause()
        assert due_cells(frozen_app) == cells, "the redraw keeps the closing times"
