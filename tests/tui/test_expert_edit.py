"""Pilot tests of editing an expert: live checks, saving, refusals and conflicts."""

from __future__ import annotations

from sqlmodel import select
from textual.widgets import Checkbox, Input, Static, TextArea

from pressdesk.models import Expert
from pressdesk.models.inputs import ExpertUpdate
from pressdesk.services import experts, queries
from pressdesk.tui.screens.actions import ConflictScreen
from pressdesk.tui.screens.expert_edit import ExpertEditScreen
from pressdesk.tui.screens.people import ExpertsScreen

from .conftest import settle
from .test_people_search import detail_text, keys, select_person, type_into

SIZE = (120, 40)
GIUSTOZZI = "Antonio Giustozzi"


def expert(desk, name: str = GIUSTOZZI):
    """An expert's PersonRow read straight from the desk."""
    with desk.read() as s:
        return next(p for p in queries.list_experts(s, text=name, limit=10) if p.name == name)


def blocked_dates(desk, name: str = GIUSTOZZI) -> str:
    """An expert's stored blocked dates (not in the list row)."""
    with desk.read() as s:
        return s.exec(select(Expert.blocked_dates).where(Expert.name == name)).one()


def message(form: ExpertEditScreen, key: str) -> str:
    """The message under one field, as plain text ('' when hidden)."""
    msg = form.query_one(f"#ee-{key}-msg", Static)
    return str(msg.content) if msg.has_class("shown") else ""


async def open_form(pilot, name: str = GIUSTOZZI) -> tuple[ExpertsScreen, ExpertEditScreen]:
    """Open the experts screen, select an expert, press e and wait for the form to load."""
    await settle(pilot)
    await pilot.press("3")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ExpertsScreen)
    await select_person(pilot, screen, f"Dr {name}" if name == GIUSTOZZI else name, name.split()[-1])
    await pilot.press("e")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, ExpertEditScreen)
    return screen, form


async def type_area(pilot, area: TextArea, text: str) -> None:
    """Clear a multi-line box and type into it key by key."""
    area.focus()
    area.clear()
    await pilot.pause()
    await pilot.press(*keys(text))
    await settle(pilot)


async def restore(pilot, form: ExpertEditScreen, values: dict[str, str]) -> None:
    """Type each box's saved value back into it."""
    for key, value in values.items():
        await type_into(pilot, form.query_one(f"#ee-{key}", Input), value)
    problems = {key: message(form, key) for key in values if not form.query_one(f"#ee-{key}-msg").has_class("note")}
    assert not any(problems.values()), f"the saved values pass the live checks again: {problems}"


async def test_the_expert_form_shows_the_expert_checks_as_typed_refuses_bad_values_and_escape_writes_nothing(
    app, demo_desk
):
    """The expert's form shows them as saved with a box for every input; dates, limit, emails and phones are checked
    as they are typed; bad hours, a name too long and someone else's number are refused under their box; escape
    cancels; nothing is written."""
    with demo_desk.write() as s:
        experts.update_expert(
            s, ExpertUpdate(blocked_dates="2026-12-24"), who="test", region="GB", expert_id=expert(demo_desk).id
        )
    before = expert(demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        screen, form = await open_form(pilot)
        shown = {key: form.query_one(f"#ee-{key}", Input).value for key in SAVED}
        assert shown == SAVED, "the form shows the expert as saved"
        assert form.query_one("#ee-topics", TextArea).text.startswith("Afghanistan, Taliban, IS-K"), "and the topics"
        assert not form.query_one("#ee-blocked_dates", Input).disabled, "blocked dates can be edited"
        assert form.query_one("#ee-media_trained", Checkbox).value is True, "and whether media trained"
        assert all(not message(form, key) for key in ("name", "working_hours", "weekly_limit", "emails", "phones")), (
            "a form as saved has no messages"
        )
        missing = [f for f in ExpertUpdate.model_fields if not (form.query(f"#ee-{f}") and form.query(f"#ee-{f}-msg"))]
        assert missing == [], "a refusal naming these inputs would find no box to land under"

        await type_into(pilot, form.query_one("#ee-blocked_dates", Input), "2026-12-24, 2026-13-01")
        assert "Blocked dates" in message(form, "blocked_dates") and "2026-13-01" in message(form, "blocked_dates"), (
            "a date that does not exist is named under blocked dates"
        )
        await type_into(pilot, form.query_one("#ee-blocked_dates", Input), "2026-12-28..2026-12-24")
        assert "comes before" in message(form, "blocked_dates"), "a span that ends before it starts is named"
        limit = form.query_one("#ee-weekly_limit", Input)
        await type_into(pilot, limit, "7x-")
        assert limit.value == "7", "only digits go in"
        await type_into(pilot, limit, "60")
        assert "Weekly limit" in message(form, "weekly_limit"), "a limit too high is named"
        await type_into(pilot, limit, "")
        assert "Weekly limit" in message(form, "weekly_limit"), "an empty limit is named"
        await type_into(pilot, limit, "0")
        assert "will not offer" in message(form, "weekly_limit"), "a limit of 0 warns the expert will not be offered"
        await type_into(pilot, form.query_one("#ee-emails", Input), "a.giustozzi@")
        assert "Email" in message(form, "emails") and "a.giustozzi@" in message(form, "emails"), "a bad email is named"
        await type_into(pilot, form.query_one("#ee-phones", Input), "12")
        assert "Phone" in message(form, "phones"), "a bad phone is named"
        await restore(pilot, form, {k: SAVED[k] for k in ("blocked_dates", "weekly_limit", "emails", "phones")})

        hours = form.query_one("#ee-working_hours", Input)
        await type_into(pilot, hours, "nine to five")
        assert "Working hours" in message(form, "working_hours") and "nine to five" in message(form, "working_hours"), (
            "bad hours are named under working hours"
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form, "the form refused for bad hours stays open"
        assert "Not saved" in str(form.query_one("#ee-error", Static).content), "and says it saved nothing"
        assert app.focused is hours, "with the cursor in the refused box"
        await type_into(pilot, hours, "09:00-17:30")
        assert not message(form, "working_hours"), "good hours clear the message"

        name = "[bold]Dr[/] " + "x" * 200
        form.query_one("#ee-name", Input).value = name
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form, "the form refused for a name too long stays open"
        assert message(form, "name") == f"Name: Keep this to 200 characters or fewer (it has {len(name)}).", (
            "a name too long is refused under the name, its markup shown as typed"
        )
        assert app.focused is form.query_one("#ee-name", Input), "with the cursor in the name"
        await restore(pilot, form, {"name": GIUSTOZZI})

        # A valid number, but it is Rachel Okafor's: only the service knows.
        await type_into(pilot, form.query_one("#ee-phones", Input), "+44 20 7955 6101; 0113 343 6722")
        assert not message(form, "phones"), "a valid number is not refused live"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form, "the form refused by the desk stays open"
        assert "already belongs to Rachel Okafor" in message(form, "phones"), "the desk's refusal shows under phones"
        assert expert(demo_desk) == before, "a refused save writes nothing"

        await type_into(pilot, form.query_one("#ee-name", Input), "Someone Else")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen, "escape closes the form"
    assert expert(demo_desk) == before, "escape writes nothing"


SAVED = {
    "name": GIUSTOZZI,
    "honorific": "Dr",
    "affiliation": "LSE IDEAS",
    "working_hours": "09:00-18:00",
    "blocked_dates": "2026-12-24",
    "weekly_limit": "4",
    "emails": "a.giustozzi@lse.ac.uk",
    "phones": "+44 20 7955 6101",
}
"""Dr Giustozzi's boxes on his form, as the demo desk (with one blocked date) saved them."""


async def test_the_experts_show_topics_and_load_and_an_edit_saves_only_what_changed(app, demo_desk):
    """The experts list and detail show an expert's topics, load and history; e opens their form, and topics,
    hours, blocked dates, weekly limit and media training are saved in one version and shown in the detail; what was
    not changed is left as it was."""
    before = expert(demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExpertsScreen), "3 opens the experts"
        await select_person(pilot, screen, f"Dr {GIUSTOZZI}", "Giustozzi")
        row = screen.table.get_row_at(screen.table.cursor_row)
        assert "Taliban" in row[3].plain, "the list shows the expert's topics"
        assert row[4].plain == f"{before.detail['load']}/4", "and their load against their weekly limit"
        text = detail_text(screen)
        assert "Afghanistan, Taliban, IS-K" in text, "the detail shows the topics"
        assert f"load: {before.detail['load']} of weekly limit 4 this week" in text, "and the load in words"
        assert "Media trained" in text and "Can Dr Giustozzi talk IS-K recruitment" in text, "and their history"
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ExpertEditScreen), "e opens the expert's form"
        await type_area(pilot, form.query_one("#ee-topics", TextArea), "Afghanistan, Taliban,\nIS-K, Pakistan")
        await type_into(pilot, form.query_one("#ee-working_hours", Input), "09:30-16:00")
        assert not message(form, "working_hours"), "good hours pass the live check"
        await type_into(pilot, form.query_one("#ee-blocked_dates", Input), "2026-12-28..2027-01-02, 2026-12-24")
        await type_into(pilot, form.query_one("#ee-weekly_limit", Input), "2")
        form.query_one("#ee-media_trained", Checkbox).focus()
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen, "a good edit closes the form"
        text = detail_text(screen)
        assert "Topics  Afghanistan, Taliban, IS-K, Pakistan" in text, "the detail shows the topics on one line"
        assert "Hours  09:30-16:00" in text, "the detail shows the new hours"
    after = expert(demo_desk)
    assert after.detail["topics"] == "Afghanistan, Taliban, IS-K, Pakistan", "the topics are saved"
    assert after.detail["working_hours"] == "09:30-16:00", "the hours are saved"
    assert after.detail["weekly_limit"] == 2 and after.detail["media_trained"] is False, "limit and training saved"
    assert blocked_dates(demo_desk) == "2026-12-28..2027-01-02, 2026-12-24", "the blocked dates are saved"
    assert after.version == before.version + 1, "one save is one new version"
    # Only what changed was written: the rest is as it was.
    assert after.detail["notes"] == before.detail["notes"] and after.phones == before.phones, "the rest is kept"


async def test_conflict_says_who_changed_it_and_reload_refills(app, demo_desk):
    async with app.run_test(size=SIZE) as pilot:
        screen, form = await open_form(pilot)
        person = expert(demo_desk)
        with demo_desk.write() as s:
            experts.update_expert(
                s,
                ExpertUpdate(languages="en, it, ps"),
                who="Other Officer",
                region="GB",
                expert_id=person.id,
                expected_version=person.version,
            )
        await type_into(pilot, form.query_one("#ee-working_hours", Input), "10:00-16:00")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        assert "changed by Other Officer" in str(app.screen.query_one("#conflict-message", Static).content)
        await pilot.press("r")
        await settle(pilot)
        assert app.screen is form
        assert form.query_one("#ee-languages", Input).value == "en, it, ps"
        assert form.query_one("#ee-working_hours", Input).value == "09:00-18:00"
        await type_into(pilot, form.query_one("#ee-working_hours", Input), "10:00-16:00")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
    after = expert(demo_desk)
    assert after.detail["working_hours"] == "10:00-16:00" and after.detail["languages"] == "en, it, ps"
