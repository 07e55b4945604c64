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


async def test_the_desks_forms_and_prompts_refuse_at_the_field_keep_what_was_typed_and_save_one_way(app, demo_desk):
    """On one enquiry: an edit of the subject alone leaves the deadline; an edit refused for a bad deadline stays open
    with everything typed; the deadline prompt and a note of control characters are refused in the prompt;
    assigning nobody says unassigned; done asks first naming the enquiry."""
    async with app.run_test(size=(120, 40)) as pilot:
        row = await on_desk(pilot)
        await pilot.press("e")
        await settle(pilot)  # the form opens once the desk's officers are read, in a worker
        assert isinstance(app.screen, EditEnquiryScreen), "e opens the edit form"
        app.screen.query_one("#subject", Input).value = "Only the subject"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen), "an edit of the subject alone saves"
        saved = enquiry(demo_desk, row.id)
        assert saved.subject == "Only the subject", "the subject is saved"
        assert saved.deadline == row.deadline, "the old deadline is not read again"

        await select_enquiry(pilot, row.id)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#subject", Input).value = "Subject typed before the refusal"
        app.screen.query_one("#deadline", Input).value = "banana"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditEnquiryScreen), "a refused edit keeps the form open"
        assert "Could not read 'banana'" in text_of(app, "#deadline-msg"), "naming the deadline"
        assert "Not saved" in text_of(app, "#edit-error"), "saying nothing was saved"
        assert app.focused.id == "deadline", "with the cursor in the deadline"
        assert app.screen.query_one("#subject", Input).value == "Subject typed before the refusal", "keeping typing"
        assert enquiry(demo_desk, row.id).subject == "Only the subject", "nothing written"
        app.screen.query_one("#deadline", Input).value = "tomorrow 9am"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen), "the edit corrected saves"
        saved = enquiry(demo_desk, row.id)
        assert saved.subject == "Subject typed before the refusal" and saved.deadline != row.deadline, "all of it"

        await select_enquiry(pilot, row.id)
        await pilot.press("d", *"banana")
        await settle(pilot)
        assert "Could not read 'banana'" in text_of(app, "#prompt-msg"), "the preview says so as it is typed"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen), "a refused deadline keeps the prompt open"
        assert text_of(app, "#prompt-msg").startswith("Not saved: Could not read 'banana'"), "saying why"
        assert app.screen.query_one(Input).value == "banana", "with the text typed"
        assert enquiry(demo_desk, row.id).deadline == saved.deadline, "and writes nothing"
        app.screen.query_one(Input).value = "+3h"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen), "a good deadline closes the prompt"
        assert enquiry(demo_desk, row.id).deadline != saved.deadline, "and is saved"

        await select_enquiry(pilot, row.id)
        await pilot.press("m")
        app.screen.query_one(Input).value = "\x1b[31m\x07"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen), "a note of control characters keeps the prompt open"
        assert "Not saved: The note is empty." in text_of(app, "#prompt-msg"), "saying it is empty"
        app.screen.query_one(Input).value = "Called back, left a message"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen), "a note closes the prompt"
        with demo_desk.read() as s:
            history = queries.history(s, enquiry_id=row.id)
        assert any("Called back, left a message" in h.summary for h in history), "the note is in the history"

        await select_enquiry(pilot, row.id)
        await pilot.press("a")
        await settle(pilot)  # the prompt opens once the desk's officers are read, in a worker
        assert "Empty unassigns" not in text_of(app, "#prompt-msg"), "nothing said before the box is emptied"
        app.screen.query_one(Input).value = ""
        await settle(pilot)
        assert "Empty unassigns it." in text_of(app, "#prompt-msg"), "an empty box says it unassigns"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
        toasts = [str(n.message) for n in app._notifications]
        assert f"#{row.id} unassigned." in toasts, "assigning nobody says unassigned"
        assert not any("assigned." in t and "un" not in t for t in toasts), "not assigned"
        assert enquiry(demo_desk, row.id).officer == "", "and unassigns it"

        await select_enquiry(pilot, row.id)
        now = enquiry(demo_desk, row.id)
        await pilot.press("D")
        assert isinstance(app.screen, ConfirmScreen), "D asks first"
        assert f"#{row.id} {now.subject}" in text_of(app, "#confirm-about"), "naming the enquiry"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
        assert enquiry(demo_desk, row.id).status == now.status, "no answer, no change"
        await pilot.press("D", "y")
        await settle(pilot)
        table = app.screen.query_one("#enquiries", DataTable)
        assert str(row.id) not in [k.value for k in table.rows], "a done enquiry leaves the desk"
    assert enquiry(demo_desk, row.id).status == "done", "y marks it done"


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


async def test_the_interviews_refuse_an_export_to_a_missing_folder_and_a_time_not_read_keeping_what_was_typed(
    app, demo_desk, tmp_path
):
    """On the interviews screen, an export to a folder that does not exist keeps the prompt open saying so, and a
    schedule refused for a time not read keeps the form open with the time typed and books nothing."""
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
        assert isinstance(app.screen, PromptScreen), "an export to a missing folder keeps the prompt open"
        assert "does not exist" in text_of(app, "#prompt-msg"), "saying the folder does not exist"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)

        await pilot.press("a")
        await settle(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, ScheduleScreen), "s on an accepted request opens the schedule form"
        await pilot.press(*"banana")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ScheduleScreen), "a time not read keeps the form open"
        assert "banana" in text_of(app, "#start-msg") and "Not saved" in text_of(app, "#schedule-msg"), "saying why"
        assert app.screen.query_one("#start", Input).value == "banana", "with the time typed"
        await pilot.press("escape")
        assert isinstance(app.screen, InterviewScreen), "escape leaves the form"
    assert all(r.slot_start is None for r in requests_of(demo_desk, target.id)), "nothing is booked"


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
