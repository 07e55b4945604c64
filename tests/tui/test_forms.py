"""Every form saves one way and stays open on refusal, with what was typed and the reason at the field."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from pressdesk.services import enquiries, queries
from pressdesk.tui.screens.actions import ConfirmScreen, ConflictScreen
from pressdesk.tui.screens.desk import DeskScreen
from pressdesk.tui.screens.edit_enquiry import EditEnquiryScreen
from pressdesk.tui.screens.interview import InterviewScreen
from pressdesk.tui.screens.prompt import PromptScreen
from pressdesk.tui.screens.schedule_form import ScheduleScreen
from tests.tui.conftest import settle
from tests.tui.test_route_tui import GERMAN, enquiry_by_subject, requests_of, select_enquiry


def text_of(app, selector: str) -> str:
    """The plain text of a Static on the current screen."""
    return str(app.screen.query_one(selector, Static).content)


def enquiry(desk, enquiry_id: int):
    """An enquiry as the desk lists it now."""
    with desk.read() as s:
        return queries.get_enquiry(s, enquiry_id)


async def on_desk(pilot):
    """The desk, settled, with its first enquiry selected."""
    await settle(pilot)
    return pilot.app.screen.current_row()


async def test_edit_refused_for_a_bad_deadline_stays_open_with_everything_typed(app, demo_desk):
    async with app.run_test(size=(120, 40)) as pilot:
        row = await on_desk(pilot)
        await pilot.press("e")
        await settle(pilot)  # the form opens once the desk's officers are read, in a worker
        assert isinstance(app.screen, EditEnquiryScreen)
        app.screen.query_one("#subject", Input).value = "Subject typed before the refusal"
        app.screen.query_one("#deadline", Input).value = "banana"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditEnquiryScreen), "a refused edit keeps the form open"
        assert "Could not read 'banana'" in text_of(app, "#deadline-msg")
        assert "Not saved" in text_of(app, "#edit-error")
        assert app.focused.id == "deadline"
        assert app.screen.query_one("#subject", Input).value == "Subject typed before the refusal"
        assert enquiry(demo_desk, row.id).subject == row.subject, "nothing written"
        app.screen.query_one("#deadline", Input).value = "tomorrow 9am"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
    saved = enquiry(demo_desk, row.id)
    assert saved.subject == "Subject typed before the refusal" and saved.deadline != row.deadline


async def test_edit_of_the_subject_alone_does_not_read_the_old_deadline_again(app, demo_desk):
    async with app.run_test(size=(120, 40)) as pilot:
        row = await on_desk(pilot)
        await pilot.press("e")
        await settle(pilot)  # the form opens once the desk's officers are read, in a worker
        app.screen.query_one("#subject", Input).value = "Only the subject"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
    saved = enquiry(demo_desk, row.id)
    assert saved.subject == "Only the subject" and saved.deadline == row.deadline


async def test_deadline_prompt_refuses_and_keeps_the_text_under_the_box(app, demo_desk):
    async with app.run_test(size=(120, 40)) as pilot:
        row = await on_desk(pilot)
        await pilot.press("d", *"banana")
        await settle(pilot)
        assert "Could not read 'banana'" in text_of(app, "#prompt-msg"), "the preview says so as it is typed"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen)
        assert text_of(app, "#prompt-msg").startswith("Not saved: Could not read 'banana'")
        assert app.screen.query_one(Input).value == "banana"
        assert enquiry(demo_desk, row.id).deadline == row.deadline
        app.screen.query_one(Input).value = "+3h"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
    assert enquiry(demo_desk, row.id).deadline != row.deadline


async def test_note_of_nothing_but_control_characters_is_refused_in_the_prompt(app, demo_desk):
    async with app.run_test(size=(120, 40)) as pilot:
        row = await on_desk(pilot)
        await pilot.press("m")
        app.screen.query_one(Input).value = "\x1b[31m\x07"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen)
        assert "Not saved: The note is empty." in text_of(app, "#prompt-msg")
        app.screen.query_one(Input).value = "Called back, left a message"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
    with demo_desk.read() as s:
        assert any("Called back, left a message" in h.summary for h in queries.history(s, enquiry_id=row.id))


async def test_assign_after_someone_else_changed_it_offers_a_reload_and_keeps_the_prompt(app, demo_desk):
    async with app.run_test(size=(120, 40)) as pilot:
        row = await on_desk(pilot)
        await pilot.press("a")
        await settle(pilot)  # the prompt opens once the desk's officers are read, in a worker
        with demo_desk.write() as s:
            enquiries.set_deadline(s, who="Priya Shah", tz="Europe/London", enquiry_id=row.id, deadline="+5h")
        app.screen.query_one(Input).value = "Jo Bloggs"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, PromptScreen) and app.screen.query_one(Input).value == "Jo Bloggs"
    assert enquiry(demo_desk, row.id).officer == row.officer


async def test_assigning_nobody_says_unassigned(app, demo_desk):
    async with app.run_test(size=(120, 40)) as pilot:
        row = await on_desk(pilot)
        await pilot.press("a")
        await settle(pilot)  # the prompt opens once the desk's officers are read, in a worker
        assert "Empty unassigns" not in text_of(app, "#prompt-msg")
        app.screen.query_one(Input).value = ""
        await settle(pilot)
        assert "Empty unassigns it." in text_of(app, "#prompt-msg")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
        toasts = [str(n.message) for n in app._notifications]
    assert f"#{row.id} unassigned." in toasts and not any("assigned." in t and "un" not in t for t in toasts)
    assert enquiry(demo_desk, row.id).officer == ""


async def test_export_to_a_missing_folder_keeps_the_prompt_open(app, demo_desk, tmp_path):
    target = enquiry_by_subject(demo_desk, GERMAN)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_enquiry(pilot, target.id)
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("I")
        app.screen.query_one(Input).value = str(tmp_path / "no such folder" / "x.ics")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen)
        assert "does not exist" in text_of(app, "#prompt-msg")


async def test_schedule_refused_keeps_the_form_open_with_the_time_typed(app, demo_desk):
    target = enquiry_by_subject(demo_desk, GERMAN)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_enquiry(pilot, target.id)
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, ScheduleScreen)
        await pilot.press(*"banana")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ScheduleScreen)
        assert "banana" in text_of(app, "#start-msg") and "Not saved" in text_of(app, "#schedule-msg")
        assert app.screen.query_one("#start", Input).value == "banana"
        await pilot.press("escape")
        assert isinstance(app.screen, InterviewScreen)
    assert all(r.slot_start is None for r in requests_of(demo_desk, target.id))


async def test_done_asks_first_naming_the_enquiry(app, demo_desk):
    async with app.run_test(size=(120, 40)) as pilot:
        row = await on_desk(pilot)
        await pilot.press("D")
        assert isinstance(app.screen, ConfirmScreen)
        assert f"#{row.id} {row.subject}" in text_of(app, "#confirm-about")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
        assert enquiry(demo_desk, row.id).status == row.status, "no answer, no change"
        await pilot.press("D", "y")
        await settle(pilot)
        table = app.screen.query_one("#enquiries", DataTable)
        assert str(row.id) not in [k.value for k in table.rows]
    assert enquiry(demo_desk, row.id).status == "done"


async def test_assigning_by_initials_gives_it_to_the_officer_on_the_list_and_says_their_name(app, demo_desk):
    from pressdesk.services import officers

    with demo_desk.write() as s:
        officers.add_officer(s, name="Kit Marlowe")
    async with app.run_test(size=(120, 40)) as pilot:
        row = await on_desk(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"km", "enter")  # on a desk with officers, a is a picker: initials narrow it to one
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
        toasts = [str(n.message) for n in app._notifications]
    assert f"#{row.id} assigned to Kit Marlowe." in toasts
    assert enquiry(demo_desk, row.id).officer == "Kit Marlowe"
