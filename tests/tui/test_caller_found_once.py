"""A known number's owner is named and their card shown in one round trip to the desk: the form does not wait for a
second look-up (and a second screen update) before the card of the caller it just named appears (issue 13)."""

from __future__ import annotations

from textual.widgets import Input, Static

from pressdesk.tui.screens import log_call
from pressdesk.tui.screens.log_call import LogCallScreen
from tests.tui.conftest import settle


async def test_a_known_number_fills_the_name_and_shows_the_card_when_its_one_look_up_returns(app, monkeypatch):
    shown: list[tuple[str, str]] = []
    found = LogCallScreen._found

    def noted(form, *args, **kwargs):
        found(form, *args, **kwargs)
        shown.append((form.query_one("#journalist", Input).value, str(form.query_one("#caller", Static).content)))

    monkeypatch.setattr(LogCallScreen, "_found", noted)
    trips: list[str] = []
    run_db = log_call.run_db

    def counted(node, call, **kwargs):
        trips.append(kwargs.get("group", "db"))
        return run_db(node, call, **kwargs)

    monkeypatch.setattr(log_call, "run_db", counted)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("n", *"07823 418562")
        await settle(pilot)
        assert shown, "the number was not looked up"
        name, card = shown[0]
        assert name == "Sam (Samantha) Reid"
        assert "Known caller (by phone)" in card and "Sam (Samantha) Reid" in card, (
            f"the first result on screen named the caller but showed the card {card!r}"
        )
        assert app.screen.query_one("#outlet", Input).value == "The Guardian"
        assert trips.count("lookup") == 1, f"{trips.count('lookup')} trips to the desk to look one number up"
