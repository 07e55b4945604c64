"""The schedule form's previews show exactly the slot that saving books, read by the same service on one clock."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import Input, Static

from pressdesk.core import Backend
from pressdesk.models import InterviewRequest
from pressdesk.models.inputs import EnquiryCreate
from pressdesk.services import enquiries, interview_diary, interviews, routing
from pressdesk.tui.app import build_app
from pressdesk.tui.screens.schedule_form import ScheduleScreen

from .conftest import settle
from .test_people_search import type_into

FRI_27 = datetime(2026, 11, 27, 10, 15, tzinfo=UTC)  # Friday 27 November 2026, 10:15 in London


def accepted(desk) -> int:
    """An interview request for a fresh enquiry, accepted by expert 1: its id."""
    with desk.write() as s:
        enquiry = enquiries.log_enquiry(
            s,
            EnquiryCreate(subject="IS-K", phone="+44 20 3353 2741"),
            who="jo",
            region="GB",
            tz="Europe/London",
            now=FRI_27,
        )
        request = routing.route_enquiry(s, who="jo", enquiry_id=enquiry.id, expert_id=1, force=True)
        interviews.accept(s, who="jo", request_id=request.id)
        return request.id


def said(screen: ScheduleScreen, field: str) -> str:
    """The line under a field, as plain text."""
    return str(screen.query_one(f"#{field}-msg", Static).content)


async def test_the_previews_show_the_booked_slot_and_a_misread_time_is_refused(demo_desk, settings):
    request_id = accepted(demo_desk)
    backend = Backend(demo_desk, settings, clock=lambda: FRI_27)
    app = build_app(settings, backend=backend)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        with demo_desk.read() as s:
            row = next(r for r in interview_diary.list_interviews(s, enquiry_id=None) if r.id == request_id)
        screen = ScheduleScreen(row)
        app.push_screen(screen)
        await settle(pilot)

        await type_into(pilot, screen.query_one("#start", Input), "mon 9")
        assert said(screen, "start") == "→ Mon 30 Nov 2026 09:00 (2d)"
        await type_into(pilot, screen.query_one("#end", Input), "+20m")
        assert said(screen, "end") == "→ Mon 30 Nov 2026 09:20 (2d)"

        await type_into(pilot, screen.query_one("#start", Input), "tue 9")
        assert said(screen, "end") == "→ Tue 01 Dec 2026 09:20 (3d)"  # the end follows the start

        await type_into(pilot, screen.query_one("#start", Input), "today 11:0011:20")
        assert said(screen, "start") == "'11:0011:20' is not a time of day; write one time such as 11:00."
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert "Not saved" in str(screen.query_one("#schedule-msg", Static).content)

        await type_into(pilot, screen.query_one("#start", Input), "mon 9")
        await pilot.press("ctrl+s")
        await settle(pilot)
    with demo_desk.read() as s:
        booked = s.get(InterviewRequest, request_id)
        assert (booked.status, booked.slot_start, booked.slot_end) == (
            "scheduled",
            datetime(2026, 11, 30, 9, 0, tzinfo=UTC),
            datetime(2026, 11, 30, 9, 20, tzinfo=UTC),
        )
