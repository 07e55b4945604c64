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


async def test_the_form_shows_the_expert_as_saved(app, demo_desk):
    with demo_desk.write() as s:
        experts.update_expert(
            s, ExpertUpdate(blocked_dates="2026-12-24"), who="test", region="GB", expert_id=expert(demo_desk).id
        )
    async with app.run_test(size=SIZE) as pilot:
        _screen, form = await open_form(pilot)
        assert form.query_one("#ee-name", Input).value == GIUSTOZZI
        assert form.query_one("#ee-honorific", Input).value == "Dr"
        assert form.query_one("#ee-affiliation", Input).value == "LSE IDEAS"
        assert form.query_one("#ee-topics", TextArea).text.startswith("Afghanistan, Taliban, IS-K")
        assert form.query_one("#ee-working_hours", Input).value == "09:00-18:00"
        assert form.query_one("#ee-blocked_dates", Input).value == "2026-12-24"
        assert not form.query_one("#ee-blocked_dates", Input).disabled
        assert form.query_one("#ee-weekly_limit", Input).value == "4"
        assert form.query_one("#ee-media_trained", Checkbox).value is True
        assert form.query_one("#ee-emails", Input).value == "a.giustozzi@lse.ac.uk"
        assert form.query_one("#ee-phones", Input).value == "+44 20 7955 6101"
        assert all(not message(form, key) for key in ("name", "working_hours", "weekly_limit", "emails", "phones"))


async def test_edit_topics_and_hours_saves_and_the_detail_shows_it(app, demo_desk):
    before = expert(demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        screen, form = await open_form(pilot)
        await type_area(pilot, form.query_one("#ee-topics", TextArea), "Afghanistan, Taliban,\nIS-K, Pakistan")
        await type_into(pilot, form.query_one("#ee-working_hours", Input), "09:30-16:00")
        assert not message(form, "working_hours")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        text = detail_text(screen)
        assert "Topics  Afghanistan, Taliban, IS-K, Pakistan" in text
        assert "Hours  09:30-16:00" in text
    after = expert(demo_desk)
    assert after.detail["topics"] == "Afghanistan, Taliban, IS-K, Pakistan"
    assert after.detail["working_hours"] == "09:30-16:00"
    assert after.version == before.version + 1
    # Only what changed was written: the rest is as it was.
    assert after.detail["notes"] == before.detail["notes"] and after.phones == before.phones


async def test_bad_hours_name_working_hours_and_write_nothing(app, demo_desk):
    before = expert(demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        _screen, form = await open_form(pilot)
        await type_into(pilot, form.query_one("#ee-working_hours", Input), "nine to five")
        assert "Working hours" in message(form, "working_hours") and "nine to five" in message(form, "working_hours")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form, "the form stays open"
        assert "Not saved" in str(form.query_one("#ee-error", Static).content)
        assert app.focused is form.query_one("#ee-working_hours", Input)
        await type_into(pilot, form.query_one("#ee-working_hours", Input), "09:00-17:30")
        assert not message(form, "working_hours")
        await pilot.press("escape")
        assert not isinstance(app.screen, ExpertEditScreen)
    after = expert(demo_desk)
    assert after.detail["working_hours"] == "09:00-18:00" and after.version == before.version


async def test_live_checks_for_dates_limit_emails_and_phones(app):
    async with app.run_test(size=SIZE) as pilot:
        _screen, form = await open_form(pilot)
        await type_into(pilot, form.query_one("#ee-blocked_dates", Input), "2026-12-24, 2026-13-01")
        assert "Blocked dates" in message(form, "blocked_dates") and "2026-13-01" in message(form, "blocked_dates")
        await type_into(pilot, form.query_one("#ee-blocked_dates", Input), "2026-12-28..2026-12-24")
        assert "comes before" in message(form, "blocked_dates")
        limit = form.query_one("#ee-weekly_limit", Input)
        await type_into(pilot, limit, "7x-")
        assert limit.value == "7", "only digits go in"
        await type_into(pilot, limit, "60")
        assert "Weekly limit" in message(form, "weekly_limit")
        await type_into(pilot, limit, "")
        assert "Weekly limit" in message(form, "weekly_limit")
        await type_into(pilot, limit, "0")
        assert "will not offer" in message(form, "weekly_limit")
        await type_into(pilot, form.query_one("#ee-emails", Input), "a.giustozzi@")
        assert "Email" in message(form, "emails") and "a.giustozzi@" in message(form, "emails")
        await type_into(pilot, form.query_one("#ee-phones", Input), "12")
        assert "Phone" in message(form, "phones")


async def test_dates_limit_and_training_are_saved(app, demo_desk):
    async with app.run_test(size=SIZE) as pilot:
        _screen, form = await open_form(pilot)
        await type_into(pilot, form.query_one("#ee-blocked_dates", Input), "2026-12-28..2027-01-02, 2026-12-24")
        await type_into(pilot, form.query_one("#ee-weekly_limit", Input), "2")
        form.query_one("#ee-media_trained", Checkbox).focus()
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ExpertEditScreen)
    after = expert(demo_desk)
    assert after.detail["weekly_limit"] == 2 and after.detail["media_trained"] is False
    assert blocked_dates(demo_desk) == "2026-12-28..2027-01-02, 2026-12-24"


async def test_refused_by_the_desk_shows_reason_under_the_field(app, demo_desk):
    before = expert(demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        _screen, form = await open_form(pilot)
        # A valid number, but it is Rachel Okafor's: only the service knows.
        await type_into(pilot, form.query_one("#ee-phones", Input), "+44 20 7955 6101; 0113 343 6722")
        assert not message(form, "phones")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "already belongs to Rachel Okafor" in message(form, "phones")
    after = expert(demo_desk)
    assert after.phones == before.phones and after.version == before.version


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


async def test_escape_cancels_and_writes_nothing(app, demo_desk):
    before = expert(demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        screen, form = await open_form(pilot)
        await type_into(pilot, form.query_one("#ee-name", Input), "Someone Else")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
    assert expert(demo_desk).version == before.version


async def test_every_input_of_an_expert_edit_is_a_box_named_by_it(app):
    async with app.run_test(size=SIZE) as pilot:
        _screen, form = await open_form(pilot)
        missing = [f for f in ExpertUpdate.model_fields if not (form.query(f"#ee-{f}") and form.query(f"#ee-{f}-msg"))]
        assert missing == [], "a refusal naming these inputs would find no box to land under"


async def test_a_name_too_long_is_refused_under_the_name(app, demo_desk):
    before = expert(demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        _screen, form = await open_form(pilot)
        name = "[bold]Dr[/] " + "x" * 200
        form.query_one("#ee-name", Input).value = name
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert message(form, "name") == f"Name: Keep this to 200 characters or fewer (it has {len(name)})."
        assert app.focused is form.query_one("#ee-name", Input)
    assert expert(demo_desk) == before
