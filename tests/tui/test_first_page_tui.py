"""The desk shows the first page read early from the file while the desk opens, then the core's page in its place:
same rows, same order, the cursor kept, text shown as typed (issue 13: first rows)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading

from textual.widgets import DataTable

from pressdesk.core import Backend
from pressdesk.tui.app import build_app
from tests.test_first_page import MARKUP, fill_edge_cases
from tests.tui.conftest import settle


def shown(app) -> list[tuple[int, str]]:
    """(id, subject as shown) of every row in table order."""
    table = app.screen.query_one("#enquiries", DataTable)
    return [(int(row.key.value), table.get_cell(row.key, "subject").plain) for row in table.ordered_rows]


def highlighted(app) -> int:
    """The id of the enquiry under the cursor."""
    return app.screen.current_row().id


async def test_the_early_page_shows_first_and_the_cores_page_takes_its_place(empty_desk, settings, monkeypatch):
    from datetime import UTC, datetime

    fill_edge_cases(Backend(empty_desk, settings), datetime.now(UTC))
    opening = threading.Event()
    real_open = Backend.open.__func__

    def held_open(cls, *args, **kwargs):
        opening.wait(60)  # the desk stays unopened until the test has looked at the early page
        return real_open(cls, *args, **kwargs)

    monkeypatch.setattr(Backend, "open", classmethod(held_open))
    app = build_app(settings, target=str(empty_desk.path))
    async with app.run_test(size=(160, 45)) as pilot:
        await asyncio.to_thread(app.first_page_shown.wait, 60)
        await pilot.pause()
        assert app.backend is None, "the desk is still opening"
        early = shown(app)
        assert (early[0][1], early[-1][1]) == ("Overdue already", "Second without a deadline")
        assert MARKUP in [subject for _, subject in early], "markup-like text is shown as typed"
        await pilot.press("down", "down")
        chosen = highlighted(app)
        opening.set()
        await settle(pilot)
        assert app.backend is not None
        assert shown(app) == early
        assert highlighted(app) == chosen, "the cursor stays where the officer put it"


DUE_COLUMN = """
import sys
from datetime import UTC, datetime, timedelta
from pressdesk.tui.widgets.countdown import countdown_cell
now = datetime.now(UTC)
cells = [countdown_cell(d, now).plain for d in (now - timedelta(minutes=40), now + timedelta(hours=3), None)]
print(cells, "pressdesk.validation.when_words" in sys.modules)
"""


def test_the_due_column_needs_no_date_words():
    """The Due column of the early page is drawn without loading the date reader's words (~50-80 ms)."""
    done = subprocess.run([sys.executable, "-c", DUE_COLUMN], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "['overdue 40m', '3h', '—'] False", done.stdout + done.stderr
