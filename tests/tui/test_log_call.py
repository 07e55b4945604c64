"""Pilot tests of who a caller is in the log form: a look-up suggests, the officer chooses, nothing typed is lost."""

from __future__ import annotations

from textual.widgets import Input, Static

from pressdesk.services import queries
from pressdesk.tui.screens.desk import DeskScreen
from pressdesk.tui.screens.log_call import LogCallScreen
from tests.tui.conftest import settle

NEW_NUMBER = "+91 98765 43210"


def person(desk, name: str):
    """The one journalist listed under this exact name (or None)."""
    with desk.read() as s:
        found = [p for p in queries.list_journalists(s, limit=1000) if p.name == name]
    assert len(found) <= 1
    return found[0] if found else None


def last_enquiry(desk, subject: str):
    """The newest enquiry with this subject."""
    with desk.read() as s:
        return queries.list_enquiries(s, text=subject, order="recent", limit=1)[0]


def text_of(app, selector: str) -> str:
    """The plain text of a Static on the current screen."""
    return str(app.screen.query_one(selector, Static).content)


async def open_form(pilot, number: str, subject: str) -> None:
    """n, then the number, subject and deadline, then Tab to the Journalist box."""
    await settle(pilot)
    await pilot.press("n", *number, "tab", *subject, "tab", *"+2h", "tab", "tab")
    await settle(pilot)
    assert pilot.app.focused.id == "journalist"


async def test_a_name_typed_with_a_pause_is_kept_and_a_new_number_stays_with_the_new_caller(app, demo_desk):
    nair = person(demo_desk, "Priyanka Nair")
    async with app.run_test(size=(160, 45)) as pilot:
        await open_form(pilot, NEW_NUMBER, "Monsoon flooding comment")
        await pilot.press(*"Priyanka")
        await settle(pilot, timers=True)  # the officer pauses: the look-up starts on its own timer
        assert app.screen.query_one("#journalist", Input).value == "Priyanka", "a look-up never replaces typing"
        assert "Priyanka Nair" in str(app.screen.query_one("#journalist-suggestions").get_option_at_index(0).prompt)
        await pilot.press(*" Shah")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
    row = last_enquiry(demo_desk, "Monsoon flooding comment")
    assert row.journalist == "Priyanka Shah" and row.outlet == ""
    shah = person(demo_desk, "Priyanka Shah")
    assert shah is not None and shah.phones == ("+919876543210",)
    assert person(demo_desk, "Priyanka Nair").phones == nair.phones, "her numbers are untouched"


async def test_picking_a_suggestion_with_enter_logs_the_call_for_them(app, demo_desk):
    before = person(demo_desk, "Priyanka Nair")
    async with app.run_test(size=(160, 45)) as pilot:
        await open_form(pilot, NEW_NUMBER, "Monsoon data request")
        await pilot.press(*"nair")
        await settle(pilot)
        assert "New journalist" in text_of(app, "#caller")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.screen.query_one("#journalist", Input).value == "Priyanka Nair"
        assert app.screen.query_one("#outlet", Input).value == "The Sydney Morning Herald"
        assert "Logging for the journalist you picked" in text_of(app, "#caller")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
    row = last_enquiry(demo_desk, "Monsoon data request")
    assert row.journalist_id == before.id
    assert person(demo_desk, "Priyanka Nair").phones == (*before.phones, "+919876543210")


async def test_a_known_number_fills_the_name_someone_elses_name_is_refused_and_a_name_typed_over_replaces_it(
    app, demo_desk
):
    """A known number fills an empty name; someone else's name typed over it is refused at the number until the owner
    is picked; and on the next call, a name filled while the officer is already in the name box is replaced by what
    they type, not glued to it."""
    sam = person(demo_desk, "Sam (Samantha) Reid")
    with demo_desk.read() as s:
        before = queries.count_enquiries(s)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_form(pilot, "07823 418562", "Who is this?")
        assert app.screen.query_one("#journalist", Input).value == "Sam (Samantha) Reid", "a known number fills it"
        assert app.screen.query_one("#outlet", Input).value == "The Guardian", "and the outlet"
        await pilot.press(*"Priyanka Shah")
        await settle(pilot)
        assert app.screen.query_one("#outlet", Input).value == "", "the outlet filled with Sam's name went with it"
        assert "This phone belongs to Sam (Samantha) Reid" in text_of(app, "#caller"), "the card says whose it is"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LogCallScreen), "refused: the form stays open"
        assert "belongs to Sam (Samantha) Reid, not Priyanka Shah" in text_of(app, "#phone-msg"), "named at the number"
        assert "Not saved" in text_of(app, "#form-msg"), "the form says it saved nothing"
        assert app.focused.id == "phone", "the cursor goes to the number"
        with demo_desk.read() as s:
            assert queries.count_enquiries(s) == before, "a refused call writes nothing"
        # Enter on the owner, offered first under the name, logs it for Sam after all.
        app.screen.query_one("#journalist", Input).focus()
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.screen.query_one("#journalist", Input).value == "Sam (Samantha) Reid", "enter picks the owner"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen), "the call logged for the owner returns to the desk"
        assert last_enquiry(demo_desk, "Who is this?").journalist_id == sam.id, "the call is logged for the owner"
        assert person(demo_desk, "Priyanka Shah") is None, "the refused name was not added"

        # A quick officer reaches the name box before the number's owner is found: the filled name is selected, so
        # typing another name replaces it instead of being glued on after it.
        await pilot.press("n", *"07823 418562")
        app.screen.query_one("#journalist", Input).focus()
        await settle(pilot)
        assert app.screen.query_one("#journalist", Input).value == "Sam (Samantha) Reid", "the owner fills the name"
        await pilot.press(*"Priyanka Shah")
        await settle(pilot)
        assert app.screen.query_one("#journalist", Input).value == "Priyanka Shah", "a name typed over replaces it"


async def test_a_shared_name_is_refused_until_one_of_them_is_picked(app, demo_desk):
    from pressdesk.services import contacts

    with demo_desk.write() as s:
        bbc = contacts.create_journalist(s, who="t", region="GB", name="Lucy Carrington", outlet="BBC News").id
    async with app.run_test(size=(160, 45)) as pilot:
        await open_form(pilot, "0161 306 1234", "Exam results reaction")
        await pilot.press(*"lucy carrington")
        await settle(pilot)
        assert "2 journalists are called lucy carrington" in text_of(app, "#caller")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LogCallScreen)
        assert "pick one under Journalist" in text_of(app, "#journalist-msg")
        suggestions = app.screen.query_one("#journalist-suggestions")
        outlets = [str(suggestions.get_option_at_index(i).prompt) for i in range(suggestions.option_count)]
        assert any("BBC News" in o for o in outlets) and any("The Times" in o for o in outlets)
        app.screen.query_one("#journalist", Input).focus()
        await pilot.press("down", *["down"] * next(i for i, o in enumerate(outlets) if "BBC News" in o), "enter")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
    assert last_enquiry(demo_desk, "Exam results reaction").journalist_id == bbc
