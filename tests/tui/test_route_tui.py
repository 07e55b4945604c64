"""Pilot tests from request to result: routing with reasons, interviews, ICS, coverage, statements, intake."""

from __future__ import annotations

from datetime import UTC, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
from sqlmodel import select
from textual.widgets import DataTable, Input, OptionList, Select, Static, TextArea

from pressdesk.models import Coverage, Enquiry, Expert, InterviewRequest, Release
from pressdesk.models.enums import Effect
from pressdesk.models.views import Reason, Suggestion
from pressdesk.services import contacts, enquiries, statements
from pressdesk.tui.screens.coverage_form import CoverageScreen
from pressdesk.tui.screens.desk import DeskScreen
from pressdesk.tui.screens.import_release import ImportReleaseScreen
from pressdesk.tui.screens.interview import InterviewScreen
from pressdesk.tui.screens.log_call import LogCallScreen
from pressdesk.tui.screens.prompt import PromptScreen
from pressdesk.tui.screens.route import RouteScreen, RouteWarningScreen, render_reasons
from pressdesk.tui.screens.schedule_form import ScheduleScreen
from pressdesk.tui.screens.statement_pick import StatementPickScreen
from tests.tui.conftest import FIXED, settle

ISK = "Interview request: IS-K resilience after Taliban crackdown"
GERMAN = "Interview (auf Deutsch): KI im Unterricht"
RELEASES = Path(__file__).resolve().parents[2] / "fixtures" / "releases"
HOSTILE = "Eve [@click=app.quit]Mallory[/] [bold]"


def detached(session, rows: list) -> list:
    """Rows kept readable after their read-only session rolls back."""
    for row in rows:
        session.expunge(row)
    return rows


def enquiry_by_subject(desk, start: str) -> Enquiry:
    """The demo enquiry whose subject starts with these words."""
    with desk.read() as s:
        return detached(s, [s.exec(select(Enquiry).where(Enquiry.subject.startswith(start))).one()])[0]


def requests_of(desk, enquiry_id: int) -> list[InterviewRequest]:
    """The enquiry's interview requests, oldest first."""
    with desk.read() as s:
        query = select(InterviewRequest).where(InterviewRequest.enquiry_id == enquiry_id).order_by(InterviewRequest.id)
        return detached(s, list(s.exec(query).all()))


def coverage_of(desk, enquiry_id: int) -> list[Coverage]:
    """The coverage linked to an enquiry."""
    with desk.read() as s:
        return detached(s, list(s.exec(select(Coverage).where(Coverage.enquiry_id == enquiry_id)).all()))


def expert_name(desk, expert_id: int) -> str:
    """An expert's name."""
    with desk.read() as s:
        return s.get(Expert, expert_id).name


def text_of(app, selector: str) -> str:
    """The plain text of a Static on the current screen."""
    return str(app.screen.query_one(selector, Static).content)


async def select_enquiry(pilot, enquiry_id: int) -> None:
    """Move the desk's cursor to an enquiry's row."""
    table = pilot.app.screen.query_one("#enquiries", DataTable)
    table.move_cursor(row=table.get_row_index(str(enquiry_id)))
    await settle(pilot)
    assert pilot.app.screen.current_row().id == enquiry_id


def option_texts(app) -> list[str]:
    """The ranked list's lines."""
    options = app.screen.query_one("#suggestions", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_isk_request_routed_past_its_warning_scheduled_exported_done_and_covered(
    frozen_app, frozen_desk, settings, tmp_path
):
    """The IS-K request is routed to Dr Giustozzi with his reasons, after a confirmation naming his hard warnings that
    can be backed out of; then accepted, scheduled, exported to a diary file, done, and its coverage linked."""
    app, demo_desk = frozen_app, frozen_desk  # the clock stands still: "tomorrow 10am" is the same slot at any hour
    enquiry = enquiry_by_subject(demo_desk, ISK)
    assert enquiry.status == "new"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_enquiry(pilot, enquiry.id)

        # r: Giustozzi first, with his reasons, and the spread of requests.
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, RouteScreen)
        assert ISK in text_of(app, "#route-subject")
        lines = option_texts(app)
        assert "Giustozzi" in lines[0] and " ! " in lines[0], "he is at his weekly limit: marked"
        top = app.screen.suggestions[app.screen.query_one(OptionList).get_option_at_index(0).id]
        assert "4 of 4 interviews this week: at the limit" in top.warnings, "his weekly limit is a hard warning"
        reasons = text_of(app, "#reasons")
        assert "Dr Antonio Giustozzi" in reasons, "the reasons name the highlighted expert"
        assert "Topics match: Taliban, IS-K, Islamic State Khorasan" in reasons, "the reasons say which topics match"
        assert "Offered on this release" in reasons, "the reasons say he is offered on the release"
        spread = text_of(app, "#spread")
        assert "Requests in the last 30 days" in spread and "Antonio Giustozzi" in spread, "the spread is shown"
        await pilot.press("down")
        assert "Giustozzi" not in text_of(app, "#reasons"), "the reasons follow the highlight"
        await pilot.press("up", "enter")
        await settle(pilot)
        assert isinstance(app.screen, RouteWarningScreen), "Giustozzi is at his weekly limit: confirm first"
        assert all(warning in text_of(app, "#warnings") for warning in top.warnings), "the confirmation names them"
        assert top.display_name in text_of(app, "#warn-title"), "the confirmation names the expert"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, RouteScreen), "backing out returns to the ranking"
        assert requests_of(demo_desk, enquiry.id) == [], "backing out offers nobody"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen), "routing confirmed returns to the desk"
        assert enquiry_by_subject(demo_desk, ISK).status == "routed", "the enquiry is routed"
        (request,) = requests_of(demo_desk, enquiry.id)
        assert request.expert_id == top.expert_id, "to the expert confirmed"
        assert request.status == "offered" and expert_name(demo_desk, request.expert_id) == "Antonio Giustozzi"

        # i: accept, then schedule tomorrow 10am on the radio.
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.query_one(DataTable).row_count == 1
        await pilot.press("a")
        await settle(pilot)
        assert requests_of(demo_desk, enquiry.id)[0].status == "accepted"
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, ScheduleScreen)
        await pilot.press(*"tomorrow 10am")
        await settle(pilot)  # the start is read in a worker
        assert "→" in text_of(app, "#start-msg") and "10:00" in text_of(app, "#start-msg")
        app.screen.query_one("#format", Select).value = "radio"
        app.screen.query_one("#place", Input).value = "BBC Broadcasting House, studio 4"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        (request,) = requests_of(demo_desk, enquiry.id)
        london = ZoneInfo(settings.timezone)
        tomorrow = (FIXED.astimezone(london) + timedelta(days=1)).date()
        start = request.slot_start.replace(tzinfo=request.slot_start.tzinfo or UTC).astimezone(london)
        assert request.status == "scheduled" and request.format == "radio"
        assert (start.date(), start.hour, start.minute) == (tomorrow, 10, 0)
        assert enquiry_by_subject(demo_desk, ISK).status == "scheduled"

        # I: export the diary to a file the user names, then read it back.
        out = tmp_path / "diary.ics"
        await pilot.press("I")
        assert isinstance(app.screen, PromptScreen)
        assert app.screen.query_one(Input).value == "~/pressdesk-interviews.ics"
        app.screen.query_one(Input).value = str(out)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        events = [c for c in icalendar.Calendar.from_ical(out.read_bytes()).walk() if c.name == "VEVENT"]
        mine = [e for e in events if str(e["uid"]) == f"interview-{request.id}@pressdesk"]
        assert len(mine) == 1 and "Giustozzi" in str(mine[0]["summary"])
        assert mine[0].decoded("dtstart").astimezone(london) == start
        noun = "interview" if len(events) == 1 else "interviews"
        assert f"Wrote {len(events)} scheduled {noun} to {out}" in text_of(app, "#iv-msg")

        # d: done, and the enquiry closes.
        await pilot.press("d")
        await settle(pilot)
        assert requests_of(demo_desk, enquiry.id)[0].status == "done"
        assert enquiry_by_subject(demo_desk, ISK).status == "done"

        # c: a bad address is refused at its field and nothing is written; a good one is linked.
        await pilot.press("c")
        assert isinstance(app.screen, CoverageScreen)
        app.screen.query_one("#url", Input).value = "www.theguardian.com/isk"
        app.screen.query_one("#headline", Input).value = "IS-K is down but not out"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CoverageScreen)
        assert "Web address" in text_of(app, "#url-msg") and "http" in text_of(app, "#url-msg")
        assert app.focused.id == "url"
        assert coverage_of(demo_desk, enquiry.id) == []
        app.screen.query_one("#url", Input).value = "https://www.theguardian.com/world/isk-taliban"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        (coverage,) = coverage_of(demo_desk, enquiry.id)
        assert coverage.url == "https://www.theguardian.com/world/isk-taliban"
        assert coverage.headline == "IS-K is down but not out"
        assert "https://www.theguardian.com/world/isk-taliban" in text_of(app, "#iv-extra")


async def test_a_request_not_yet_accepted_is_not_booked_and_a_decline_goes_back_to_routing_with_the_next(
    frozen_app, frozen_desk
):
    """The expert asked already is listed apart and not suggested; an offered request cannot be booked before it is
    accepted; a decline says why, offers routing again without the decliner, and the declined request can no longer
    be booked."""
    app, demo_desk = frozen_app, frozen_desk  # a still clock: the next expert's hours never depend on the hour
    enquiry = enquiry_by_subject(demo_desk, GERMAN)
    (offered,) = [r for r in requests_of(demo_desk, enquiry.id) if r.status == "offered"]
    decliner = expert_name(demo_desk, offered.expert_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_enquiry(pilot, enquiry.id)
        await pilot.press("r")
        await settle(pilot)
        assert not any(decliner in line for line in option_texts(app)), "the expert asked already is not suggested"
        assert decliner in text_of(app, "#asked") and "(offered)" in text_of(app, "#asked"), "but listed as asked"
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("i")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen), "an offered request is not booked"
        assert "has not accepted yet: press a" in text_of(app, "#iv-msg"), "and the officer is told to accept first"
        await pilot.press("x")
        assert isinstance(app.screen, PromptScreen), "a decline asks why"
        await pilot.press(*"Travelling all week", "enter")
        await settle(pilot)
        assert isinstance(app.screen, RouteScreen), "a decline offers routing again"
        assert f"{decliner} declined" in text_of(app, "#route-intro"), "saying who declined"
        lines = option_texts(app)
        assert lines and not any(decliner in line for line in lines), "the decliner is left out"
        nxt = app.screen.suggestions[app.screen.query_one(OptionList).get_option_at_index(0).id]
        assert nxt.display_name in text_of(app, "#route-intro"), "the next suggestion is named"
        assert enquiry_by_subject(demo_desk, GERMAN).status == "triaged", "the enquiry goes back to routing"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen), "back on the interviews, now with the new request"
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2, "both requests are listed"
        declined = next(i for i in range(table.row_count) if "declined" in " ".join(map(str, table.get_row_at(i))))
        table.move_cursor(row=declined)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen), "a declined request is not booked"
        assert "is declined; it can no longer be booked" in text_of(app, "#iv-msg"), "and the officer is told why"
    by_status = {r.status: r for r in requests_of(demo_desk, enquiry.id)}
    assert sorted(by_status) == ["declined", "offered"], "nothing was booked"
    assert by_status["declined"].expert_id == offered.expert_id, "the decline is the decliner's"
    assert "Travelling all week" in by_status["declined"].notes, "with the reason given"
    assert by_status["offered"].expert_id == nxt.expert_id, "the new request is the next suggestion's"
    assert enquiry_by_subject(demo_desk, GERMAN).status == "routed", "the enquiry is routed again"


def test_reasons_are_marked_by_their_effect_not_by_their_wording():
    said = Suggestion(
        expert_id=1,
        name="Ann Lee",
        score=50.0,
        reasons=(
            Reason("Not a word of it counts against her", Effect.BOOST),
            Reason("Speaks no Welsh", Effect.PENALTY),
            Reason("Declared conflict: trustee of a charity", Effect.INFO),
            Reason("Takes no interviews (weekly limit 0)", Effect.BLOCK),
        ),
    )
    text = render_reasons(said)
    lines = text.plain.splitlines()[1:]
    assert lines == [
        "  + Not a word of it counts against her",
        "  – Speaks no Welsh",
        "  · Declared conflict: trustee of a charity",
        "  ! Takes no interviews (weekly limit 0)",
    ]
    colours = {text.plain[span.start : span.end].strip(): str(span.style) for span in text.spans}
    assert colours["+"] == "green" and colours["–"] == "yellow" and colours["!"] == "bold red"
    assert said.warnings == ("Takes no interviews (weekly limit 0)",)


async def test_routing_errors_show_in_the_screen(frozen_app, frozen_desk):
    enquiry = enquiry_by_subject(frozen_desk, GERMAN)
    app = frozen_app
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_enquiry(pilot, enquiry.id)
        await pilot.press("r")
        await settle(pilot)
        with frozen_desk.write() as s:  # another officer closes it meanwhile
            enquiries.change_status(s, who="Tom Becker", enquiry_id=enquiry.id, to="withdrawn")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RouteScreen), "refused: the screen stays open"
        assert "withdrawn" in text_of(app, "#route-msg")
    assert [r.status for r in requests_of(frozen_desk, enquiry.id)] == ["cancelled"]


async def test_a_warning_that_arises_meanwhile_still_asks(frozen_app, frozen_desk):
    enquiry = enquiry_by_subject(frozen_desk, ISK)
    app = frozen_app
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_enquiry(pilot, enquiry.id)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("down")
        chosen = app.screen.suggestions[app.screen.query_one(OptionList).highlighted_option.id]
        assert chosen.warnings == ()
        with frozen_desk.write() as s:  # meanwhile the expert's weekly limit is cut to nothing
            s.get(Expert, chosen.expert_id).weekly_limit = 0
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RouteWarningScreen)
        assert "Takes no interviews" in text_of(app, "#warnings")
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, RouteScreen)
    assert requests_of(frozen_desk, enquiry.id) == []


async def test_expert_names_in_the_ranking_are_shown_literally(app, demo_desk):
    with demo_desk.write() as s:
        contacts.create_expert(s, who="t", region="GB", name=HOSTILE, topics="IS-K, Taliban, Khorasan")
    enquiry = enquiry_by_subject(demo_desk, ISK)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_enquiry(pilot, enquiry.id)
        await pilot.press("r")
        await settle(pilot)
        assert any(HOSTILE in line for line in option_texts(app))
        assert HOSTILE in text_of(app, "#spread")
        assert app.is_running


async def test_statement_given_from_the_interviews_screen(app, demo_desk):
    with demo_desk.write() as s:
        statement = statements.create_statement(
            s, who="t", title="LSE line on IS-K", body="We do not comment on [classified] matters.", topics="IS-K"
        )
        statement_id = statement.id
    enquiry = enquiry_by_subject(demo_desk, ISK)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_enquiry(pilot, enquiry.id)
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, StatementPickScreen)
        assert "We do not comment on [classified] matters." in text_of(app, "#statement-body")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert "LSE line on IS-K (revision 1)" in text_of(app, "#iv-extra")
    assert enquiry_by_subject(demo_desk, ISK).statement_id == statement_id


async def test_log_call_offers_lines_to_take_and_records_the_one_given(app, demo_desk):
    with demo_desk.write() as s:
        statement = statements.create_statement(
            s,
            who="t",
            title="Taliban and IS-K: our line",
            body="Dr Giustozzi's report speaks for itself.",
            topics="IS-K",
        )
        statement_id = statement.id
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        await pilot.press("n", *"07823 418562", "tab", *"Comment on IS-K and the Taliban")
        await settle(pilot)
        assert isinstance(app.screen, LogCallScreen)
        lines = text_of(app, "#lines-to-take")
        assert "Lines to take" in lines and "Taliban and IS-K: our line" in lines
        assert "Dr Giustozzi's report speaks for itself." in lines
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, StatementPickScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LogCallScreen)
        assert "Will record as given" in text_of(app, "#lines-to-take")
        await pilot.press("tab", *"+2h", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
    logged = enquiry_by_subject(demo_desk, "Comment on IS-K and the Taliban")
    assert logged.statement_id == statement_id


async def test_a_release_is_read_from_pasted_text_or_a_file_previewed_then_stored(app, demo_desk):
    """Importing a release on the releases screen: nothing pasted, a missing file or no text at all get clear
    messages; pasted text is read; a file is previewed without storing, then stored."""
    path = RELEASES / "uk_two_experts_two_contacts.txt"
    title = "Cleaner buses cut roadside pollution by a third in Manchester and Leeds"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("i")
        assert isinstance(app.screen, ImportReleaseScreen), "i on releases opens the import"

        # Blank text, a file that is not there, then nothing at all: clear messages, nothing stored.
        pasted = app.screen.query_one("#release-text", TextArea)
        pasted.text = "   \n\n"
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "Name a file, or paste the release text" in text_of(app, "#import-msg"), "blank text asks for some"
        pasted.text = ""
        app.screen.query_one("#release-path", Input).value = str(path) + ".missing"
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "File:" in text_of(app, "#import-msg") and "does not exist" in text_of(app, "#import-msg"), (
            "a missing file is named"
        )
        app.screen.query_one("#release-path", Input).value = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "paste the release text" in text_of(app, "#import-msg"), "storing nothing asks for a release"

        # Pasted text is read.
        pasted.text = (RELEASES / "us_for_immediate_release.txt").read_text(encoding="utf-8")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "Read from pasted" in text_of(app, "#import-msg"), "pasted text is read"
        assert "Title" in text_of(app, "#release-preview"), "and previewed"
        pasted.text = ""

        # Preview reads only; store writes.
        app.screen.query_one("#release-path", Input).value = str(path)
        await pilot.press("ctrl+r")
        await settle(pilot)
        preview = text_of(app, "#release-preview")
        table = app.screen.query_one("#release-people", DataTable)
        people = " ".join(str(c) for i in range(table.row_count) for c in table.get_row_at(i))
        assert title in preview and "Dr Priya Raman" in people and "Joanna Fletcher" in people, "the file is previewed"
        assert "Embargo" in preview and "Wed 05 Jun 2024" in preview, "with its embargo"
        with demo_desk.read() as s:
            assert s.exec(select(Release).where(Release.title == title)).all() == [], "a preview stores nothing"
        await pilot.press("ctrl+s")
        await settle(pilot)
        stored = text_of(app, "#release-preview")
        assert "Stored as release" in stored and "Priya Raman" in stored, "storing says so"
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ImportReleaseScreen), "escape closes the import"
    with demo_desk.read() as s:
        (source,) = s.exec(select(Release.source).where(Release.title == title)).all()
    assert source == path.name, "the release is stored once, with its file's name as its source"
