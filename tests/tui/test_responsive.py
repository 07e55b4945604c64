"""No key press waits for the desk or for dateparser: previews run in workers, look-ups wait for typing to pause."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from textual.widgets import Input

from pressdesk.tui.screens.search import SearchScreen
from tests.tui.conftest import settle


def record_threads(backend, method: str, monkeypatch) -> list[tuple[str, tuple, dict]]:
    """Wrap a backend method so each call notes the thread it ran on and its arguments."""
    calls: list[tuple[str, tuple, dict]] = []
    real = getattr(backend, method)

    def spy(*args, **kwargs):
        calls.append((threading.current_thread().name, args, kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(backend, method, spy)
    return calls


async def test_look_ups_wait_for_typing_to_pause_and_deadlines_are_read_off_the_ui_thread_in_every_form(
    app, backend, monkeypatch
):
    """No key press waits for the desk or for dateparser: the caller look-up and the search run once, when typing
    pauses, not per key; the deadline prompt, the edit form and the log form read deadlines in workers."""
    callers = record_threads(backend, "lookup_caller", monkeypatch)
    searches = record_threads(backend, "search", monkeypatch)
    deadlines = record_threads(backend, "preview_deadline", monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        form = app.screen
        form.lookup.delay = 3600  # typing never pauses in this test until we say so
        await pilot.press(*"07823 418562")
        assert callers == [] and form.lookup.pending, "no caller look-up per keystroke"
        form.lookup.now()
        await settle(pilot)
        phones = [kw["phone"] for _t, _a, kw in callers]
        assert phones[:1] == ["07823 418562"], "the caller is looked up when typing pauses"
        assert all(phone == "07823 418562" for phone in phones), "for the whole number only"
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("slash")
        search = app.screen
        assert isinstance(search, SearchScreen), "/ opens search"
        search.typed.delay = 3600
        await pilot.press(*"Giustozzi")
        assert searches == [] and search.typed.pending, "no search per keystroke"
        search.typed.now()
        await settle(pilot)
        assert [args[0] for _t, args, _k in searches] == ["Giustozzi"], "one search, for the whole query"
        await pilot.press("escape")
        await settle(pilot)

        ui = threading.current_thread().name
        await pilot.press("d", *"tomorrow 9am")  # the deadline prompt
        await settle(pilot)
        await pilot.press("escape", "e")  # the edit form
        await settle(pilot)  # the form opens once the desk's officers are read, in a worker
        app.screen.query_one("#deadline", Input).value = "friday 10am"
        await settle(pilot)
        await pilot.press("escape", "n", "tab", "tab", *"+2h")  # the log form
        await settle(pilot)
        assert "→" in str(app.screen.query_one("#deadline-msg").content), "the log form previews the deadline"
    texts = {args[0] for _thread, args, _kw in deadlines}
    assert {"tomorrow 9am", "friday 10am", "+2h"} <= texts, "every form previews its deadline"
    assert all(thread != ui for thread, _a, _k in deadlines), "never read on the UI thread"


@pytest.mark.parametrize(("warm", "loaded"), [(True, "True"), (False, "False")])
def test_opening_the_desk_for_the_tui_warms_the_deadline_reader_and_a_command_does_not(tmp_path, warm, loaded):
    code = (
        "import sys\n"
        "from pressdesk.settings import Settings\n"
        "from pressdesk.store import open_desk\n"
        "from pressdesk.core import Backend\n"
        f"open_desk({str(tmp_path / 'd.db')!r}).dispose()\n"
        "settings = Settings(region='GB', officer='t', timezone='Europe/London')\n"
        f"Backend.open(settings, target={str(tmp_path / 'd.db')!r}, warm={warm})\n"
        "print('dateparser' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == loaded
