"""Pilot tests of the desk: urgency order, logging calls, status moves, conflicts, hostile names."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import DataTable, Input, Static

from pressdesk.models.inputs import EnquiryCreate
from pressdesk.services import contacts, enquiries, queries
from pressdesk.tui.screens.actions import ConflictScreen, StatusScreen
from pressdesk.tui.screens.desk import DeskScreen
from pressdesk.tui.screens.log_call import LogCallScreen
from tests.tui.conftest import settle

HOSTILE = "Eve [@click=app.quit]Mallory[/] [/link]"


def desk_ids(app) -> list[int]:
    """Enquiry ids in table order."""
    table = app.screen.query_one("#enquiries", DataTable)
    return [int(k.value) for k in table.rows]


async def test_desk_lists_open_enquiries_most_urgent_first_ticks_without_the_database_and_moves_by_the_rules(
    app, demo_desk, monkeypatch
):
    """The desk lists exactly the open enquiries, most urgent first; its countdown ticks without reading the
    database; and the status picker offers only the legal moves and records the one made."""
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        ids = desk_ids(app)
        with demo_desk.read() as s:
            rows = {r.id: r for r in queries.list_enquiries(s, open_only=True, limit=500)}
        assert set(ids) == set(rows), "exactly the open enquiries are on the desk"
        deadlines = [rows[i].deadline for i in ids if rows[i].deadline is not None]
        assert deadlines == sorted(deadlines), "the soonest deadline comes first"
        assert rows[ids[-1]].deadline is None, "no-deadline enquiries come last"
        counts = str(app.screen.query_one("#counts", Static).content)
        assert f"{len(ids)} open" in counts and "overdue" in counts, "the header counts open and overdue"
        first_due = app.screen.query_one(DataTable).get_cell_at((0, 0))
        assert first_due.plain.startswith("overdue"), "an overdue enquiry says so"

        with monkeypatch.context() as patched:
            calls = []
            patched.setattr(app.backend, "desk_page", lambda *a, **k: calls.append(1))
            app.screen.tick()
            await pilot.pause()
            assert calls == [], "the countdown ticks without reading the desk"
            assert app.screen.query_one(DataTable).get_cell_at((0, 0)).plain.startswith("overdue"), "and still shows"

        row = app.screen.current_row()
        await pilot.press("s")
        assert isinstance(app.screen, StatusScreen), "s opens the status picker"
        offered = [app.screen.query_one("#moves").get_option_at_index(i).id for i in range(len(app.screen.moves))]
        assert row.status not in offered and "done" in offered, "the picker offers moves, not the status it has"
        if row.status != "new":
            assert "new" not in offered, "nothing goes back to new"
        for _ in range(offered.index("done")):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert row.id not in desk_ids(app), "a done enquiry leaves the desk"
    with demo_desk.read() as s:
        history = queries.history(s, enquiry_id=row.id)
    assert any(h.action == "status" and "done" in h.summary for h in history), "the move is in the history"


def count(desk) -> int:
    """How many enquiries the desk holds."""
    with desk.read() as s:
        return queries.count_enquiries(s)


async def test_logging_a_call_refuses_a_bad_deadline_or_no_name_and_a_known_caller_needs_three_boxes(app, demo_desk):
    """A deadline that cannot be read is named and nothing is written; a known caller needs only number, subject and
    deadline; an unknown caller is refused without a name, then added as a new journalist with the call."""
    before = count(demo_desk)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        await pilot.press("n", *"07823 418562", "tab", *"Anything", "tab", *"blursday", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LogCallScreen), "a bad deadline keeps the form open"
        assert "Could not read" in str(app.screen.query_one("#deadline-msg", Static).content), "naming the deadline"
        await pilot.press("escape")
        assert isinstance(app.screen, DeskScreen), "escape leaves the form"
        assert count(demo_desk) == before, "a refused call writes nothing"

        await pilot.press("n")
        assert isinstance(app.screen, LogCallScreen), "n opens the log form"
        assert app.focused.id == "phone", "at the number"
        # Sam Reid is stored as 07823 418 562; type it in international form.
        await pilot.press(*"+44 7823 418562")
        await settle(pilot)
        caller = str(app.screen.query_one("#caller", Static).content)
        assert "Sam (Samantha) Reid" in caller and "The Guardian" in caller, "a known number finds the caller"
        await pilot.press("tab", *"Comment on Taliban funding", "tab", *"+2h")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen), "number, subject and deadline are enough"
        with demo_desk.read() as s:
            row = queries.list_enquiries(s, text="Taliban funding", order="recent", limit=1)[0]
        assert row.journalist == "Sam (Samantha) Reid" and row.outlet == "The Guardian", "logged for the caller"
        minutes = (row.deadline - datetime.now(UTC)).total_seconds() / 60 if row.deadline else None
        assert minutes is not None and 115 <= minutes <= 121, "with the deadline read"

        before = count(demo_desk)
        await pilot.press("n", *"0161 306 1234")
        await settle(pilot)
        await pilot.press("tab", *"Data on flood claims", "tab", *"tomorrow 9am", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LogCallScreen), "not saved without a name"
        assert "name" in str(app.screen.query_one("#journalist-msg", Static).content), "the name is asked for"
        assert app.focused.id == "journalist", "at the name"
        assert count(demo_desk) == before, "a call refused without a name writes nothing"
        await pilot.press(*"Nadia Kowalski")
        app.screen.query_one("#outlet", Input).value = "The Observer"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen), "with a name the call is logged"
    assert count(demo_desk) == before + 1, "once"
    with demo_desk.read() as s:
        people = queries.list_journalists(s, text="Kowalski")
    assert people[0].outlet == "The Observer" and people[0].phones == ("+441613061234",), "the new journalist is added"


async def test_illegal_move_refused_by_state_machine(demo_desk):
    from pressdesk.errors import IllegalMove

    with demo_desk.read() as s:
        done = queries.list_enquiries(s, status="done", limit=1)[0]
    try:
        with demo_desk.write() as s:
            enquiries.change_status(s, who="x", enquiry_id=done.id, to="scheduled")
    except IllegalMove as exc:
        assert "cannot go from done to scheduled" in exc.message
    else:
        raise AssertionError("illegal move was allowed")


async def test_second_save_is_refused_with_who_changed_it(app, demo_desk):
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        row = app.screen.current_row()
        await pilot.press("e")
        await settle(pilot)  # the form opens once the desk's officers are read, in a worker
        # Another officer saves the same enquiry while this form is open.
        with demo_desk.write() as s:
            enquiries.assign(s, who="Priya Shah", enquiry_id=row.id, officer="Priya Shah")
        app.screen.query_one("#subject", Input).value = "My edit"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        text = str(app.screen.query_one("#conflict-message", Static).content)
        assert "changed by Priya Shah while you were editing" in text
        await pilot.press("r")
        await settle(pilot)
    with demo_desk.read() as s:
        fresh = queries.get_enquiry(s, row.id)
    assert fresh.subject == row.subject and fresh.officer == "Priya Shah", "no silent overwrite"


async def test_hostile_name_shown_literally_and_harmless(app, demo_desk, settings):
    with demo_desk.write() as s:
        j = contacts.create_journalist(
            s, who="t", region="GB", name=HOSTILE + "\x1b[31m\x07", outlet="[b]Bold[/b] News"
        )
        e = enquiries.log_enquiry(
            s,
            EnquiryCreate(
                subject="[red]Subject[/red] \x1b]0;pwned\x07",
                journalist_id=j.id,
                deadline=datetime(2000, 1, 1, tzinfo=UTC),
            ),
            who="t",
            region="GB",
            tz="UTC",
        )
        enquiry_id = e.id
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert desk_ids(app)[0] == enquiry_id
        assert table.get_cell(str(enquiry_id), "journalist").plain == HOSTILE
        assert table.get_cell(str(enquiry_id), "subject").plain == "[red]Subject[/red]"
        assert table.get_cell(str(enquiry_id), "outlet").plain == "[b]Bold[/b] News"
        await pilot.click(DataTable, offset=(20, 1))
        await settle(pilot)
        assert app.is_running
        detail = str(app.screen.query_one("#detail", Static).content)
        assert HOSTILE in detail and "\x1b" not in detail


async def test_user_keymap_remaps_new_enquiry(backend, settings):
    from dataclasses import replace

    from pressdesk.tui.app import build_app

    remapped = replace(settings, keys={"desk.new": "f2"})
    app = build_app(remapped, backend=backend)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        assert isinstance(app.screen, LogCallScreen)
