"""The desk shows what other terminals write, without a key press."""

from __future__ import annotations

import os

import pytest
from textual.widgets import DataTable, Static
from textual.widgets._footer import FooterKey

from pressdesk.models.inputs import EnquiryCreate
from pressdesk.services import enquiries
from pressdesk.store import open_desk
from pressdesk.tui.messages import DeskChanged
from tests.backends import NO_SERVER, fresh_database
from tests.tui.conftest import FIXED, settle


def desk_ids(app) -> list[int]:
    """Enquiry ids in table order."""
    return [int(k.value) for k in app.screen.query_one("#enquiries", DataTable).rows]


def log_one(desk, subject: str, *, who: str) -> int:
    """Log a call from Ann Other, due in half an hour, on this desk; its id."""
    with desk.write() as s:
        data = EnquiryCreate(subject=subject, journalist="Ann Other", deadline="+30m")
        return enquiries.log_enquiry(s, data, who=who, region="GB", tz="Europe/London").id


async def until(pilot, condition, *, pauses: int = 200) -> None:
    """Let the app run (no keys) until the condition holds, or give up after a bounded number of pauses."""
    for _ in range(pauses):
        if condition():
            break
        await pilot.pause(0.02)
    await settle(pilot)


async def test_an_enquiry_logged_by_another_process_appears_without_a_key_and_f5_is_in_the_footer(app, demo_desk):
    """The footer offers f5 to read the desk again, but an enquiry logged by another process appears without it."""
    app.change_poll_seconds = 0.05
    other = open_desk(demo_desk.path)  # another engine and connection: stands in for another terminal
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            await settle(pilot)
            assert "f5" in {key.key for key in app.screen.query(FooterKey)}, "the refresh key is in the footer"
            before = desk_ids(app)
            assert f"{len(before)} open" in str(app.screen.query_one("#counts", Static).content)
            new_id = log_one(other, "Logged in another terminal", who="Tom Becker")
            await until(pilot, lambda: new_id in desk_ids(app))
            assert new_id in desk_ids(app), "the new enquiry is on the desk without F5"
            assert f"{len(before) + 1} open" in str(app.screen.query_one("#counts", Static).content)
    finally:
        other.dispose()


async def test_the_header_names_the_other_officers_who_have_the_desk_open(app, backend, monkeypatch):
    here: list[str] = []
    monkeypatch.setattr(backend, "others_here", lambda: list(here))  # a server desk's answer (SQLite has none)
    app.change_poll_seconds = 0.05
    app.PRESENCE_EVERY = 1
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        alone = app.sub_title
        here.append("Bea [b]Tester[/b]")
        await until(pilot, lambda: "Bea" in app.sub_title)
        assert app.sub_title.startswith("also open: Bea [b]Tester[/b]")
        assert app.sub_title.endswith(alone)
        here.clear()
        await until(pilot, lambda: "Bea" not in app.sub_title)
        assert app.sub_title == alone


def counted(monkeypatch, backend) -> dict[str, int]:
    """How often the desk asks the backend for a page and for rows by id, counted from now."""
    calls = {"desk_page": 0, "desk_rows": 0}
    for name in calls:

        def call(*args, _real=getattr(backend, name), _name=name, **kwargs):
            calls[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(backend, name, call)
    return calls


def counts_text(app) -> str:
    """The header strip's words."""
    return str(app.screen.query_one("#counts", Static).content)


def selected(app) -> int:
    """The id of the highlighted enquiry."""
    return app.screen.current_row().id


async def changed_elsewhere(pilot, *ids: int) -> None:
    """Tell the app, as its watch does, that another terminal changed these enquiries; wait for the desk."""
    pilot.app.post_message(DeskChanged(None, frozenset(ids)))
    await settle(pilot)


async def open_desk_on(pilot, row: int) -> list[int]:
    """The desk settled with its cursor on this row; its ids in order."""
    await settle(pilot)
    pilot.app.screen.query_one("#enquiries", DataTable).move_cursor(row=row)
    await settle(pilot)
    return desk_ids(pilot.app)


async def test_a_row_changed_elsewhere_is_redrawn_in_place_without_reading_the_page(frozen_app, monkeypatch):
    frozen_app.change_poll_seconds = 3600  # the test tells the desk of the change itself
    backend = frozen_app.backend
    async with frozen_app.run_test(size=(160, 45)) as pilot:
        before = await open_desk_on(pilot, 4)
        target = before[2]
        calls = counted(monkeypatch, backend)
        backend.update_enquiry(target, subject="Changed in [b]another[/b] terminal")
        await changed_elsewhere(pilot, target)
        table = frozen_app.screen.query_one("#enquiries", DataTable)
        assert str(table.get_cell(str(target), "subject")) == "Changed in [b]another[/b] terminal"
        assert desk_ids(frozen_app) == before
        assert selected(frozen_app) == before[4]
        assert calls == {"desk_page": 0, "desk_rows": 1}


async def test_a_call_logged_elsewhere_is_put_in_its_place_and_the_counts_follow(frozen_app, monkeypatch):
    frozen_app.change_poll_seconds = 3600
    backend = frozen_app.backend
    async with frozen_app.run_test(size=(160, 45)) as pilot:
        before = await open_desk_on(pilot, 6)
        assert f"{len(before)} open" in counts_text(frozen_app)
        calls = counted(monkeypatch, backend)
        made = backend.log_call(subject="Logged in another terminal", journalist="Ann Other", deadline="+30m")
        await changed_elsewhere(pilot, made)
        assert calls == {"desk_page": 0, "desk_rows": 1}
        assert desk_ids(frozen_app) == [r.id for r in backend.desk_page(limit=1000).rows], "in the desk's order"
        assert made in desk_ids(frozen_app)
        assert f"{len(before) + 1} open" in counts_text(frozen_app)
        assert selected(frozen_app) == before[6], "the officer's enquiry stays highlighted"


async def test_an_enquiry_closed_elsewhere_leaves_the_desk_and_the_selection_stays(frozen_app, monkeypatch):
    frozen_app.change_poll_seconds = 3600
    backend = frozen_app.backend
    async with frozen_app.run_test(size=(80, 24)) as pilot:
        before = await open_desk_on(pilot, 3)
        calls = counted(monkeypatch, backend)
        backend.mark_done(before[0])
        await changed_elsewhere(pilot, before[0])
        assert desk_ids(frozen_app) == before[1:]
        assert f"{len(before) - 1} open" in counts_text(frozen_app)
        assert selected(frozen_app) == before[3]
        assert calls == {"desk_page": 0, "desk_rows": 1}


async def test_a_change_the_desk_cannot_name_reads_the_page_again(frozen_app, monkeypatch):
    frozen_app.change_poll_seconds = 3600
    backend = frozen_app.backend
    async with frozen_app.run_test(size=(160, 45)) as pilot:
        before = await open_desk_on(pilot, 2)
        calls = counted(monkeypatch, backend)
        backend.mark_done(before[0])
        pilot.app.post_message(DeskChanged(None, None))
        await settle(pilot)
        assert calls == {"desk_page": 1, "desk_rows": 0}
        assert desk_ids(frozen_app) == before[1:]
        assert selected(frozen_app) == before[2]


async def test_a_change_below_the_rows_shown_waits_for_the_next_page_and_a_new_one_above_joins(frozen_app, monkeypatch):
    from pressdesk.core.views import DeskView
    from pressdesk.tui.screens import desk

    monkeypatch.setattr(desk, "PAGE", 25)  # the demo's 38 enquiries: a page and more
    frozen_app.change_poll_seconds = 3600
    backend = frozen_app.backend
    async with frozen_app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        frozen_app.screen.show_view(DeskView("all"))  # newest first
        await settle(pilot)
        before = desk_ids(frozen_app)
        assert len(before) == 25 and frozen_app.screen.more
        below = [r.id for r in backend.desk_page(view=DeskView("all"), limit=1000).rows][30]
        calls = counted(monkeypatch, backend)
        backend.update_enquiry(below, subject="Changed below the page")
        await changed_elsewhere(pilot, below)
        assert desk_ids(frozen_app) == before, "it comes with the next page, read after the last row shown"
        made = backend.log_call(subject="Newest of all", journalist="Ann Other")
        await changed_elsewhere(pilot, made)
        assert desk_ids(frozen_app) == [made, *before]
        assert calls == {"desk_page": 0, "desk_rows": 2}


@pytest.mark.backend
async def test_a_call_logged_in_another_terminal_on_postgresql_arrives_as_its_row_alone(
    tmp_path, settings, monkeypatch
):
    if not os.environ.get("PRESSDESK_TEST_DB"):
        pytest.skip(NO_SERVER)
    from pressdesk.core import Backend
    from pressdesk.services.demo import load_demo
    from pressdesk.tui.app import build_app

    with fresh_database("postgresql", tmp_path) as url:
        desk, other = open_desk(url), open_desk(url)
        try:
            with desk.write() as s:
                load_demo(s, who="demo", region="GB", now=FIXED)
            backend = Backend(desk, settings, clock=lambda: FIXED)
            app = build_app(settings, backend=backend)
            async with app.run_test(size=(160, 45)) as pilot:
                before = await open_desk_on(pilot, 3)
                calls = counted(monkeypatch, backend)
                made = Backend(other, settings, clock=lambda: FIXED).log_call(
                    subject="Logged on the server", journalist="Ann Other", deadline="+20m"
                )
                await until(pilot, lambda: made in desk_ids(app))
                read = dict(calls)
                assert read["desk_page"] == 0 and read["desk_rows"] >= 1, "the row alone, not the page"
                assert desk_ids(app) == [r.id for r in backend.desk_page(limit=1000).rows]
                assert selected(app) == before[3]
        finally:
            other.dispose()
            desk.dispose()


async def test_a_call_this_terminal_logs_is_read_alone_and_highlighted(frozen_app, monkeypatch):
    frozen_app.change_poll_seconds = 3600
    backend = frozen_app.backend
    async with frozen_app.run_test(size=(80, 24)) as pilot:
        before = await open_desk_on(pilot, 5)
        calls = counted(monkeypatch, backend)
        made = backend.log_call(subject="Logged here", journalist="Ann Other", deadline="+40m")
        pilot.app.post_message(DeskChanged(made))  # as the log-a-call form does once it has saved
        await settle(pilot)
        assert calls == {"desk_page": 0, "desk_rows": 1}
        assert sorted(desk_ids(frozen_app)) == sorted([*before, made])
        assert selected(frozen_app) == made


async def test_a_view_emptied_elsewhere_says_it_has_nothing(frozen_app, monkeypatch):
    from pressdesk.core.views import DeskView
    from pressdesk.tui.widgets.enquiry_detail import EnquiryDetailView

    frozen_app.change_poll_seconds = 3600
    backend = frozen_app.backend
    async with frozen_app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        frozen_app.screen.show_view(DeskView("overdue"))
        await settle(pilot)
        overdue = desk_ids(frozen_app)
        assert overdue, "the demo has overdue enquiries"
        calls = counted(monkeypatch, backend)
        for enquiry_id in overdue:
            backend.mark_done(enquiry_id)
        await changed_elsewhere(pilot, *overdue)
        assert desk_ids(frozen_app) == []
        detail = str(frozen_app.screen.query_one(EnquiryDetailView).render())
        assert detail.startswith("Nothing in this view (overdue).")
        assert calls == {"desk_page": 0, "desk_rows": 1}


async def test_coverage_logged_elsewhere_shows_in_the_detail_without_reading_any_row(frozen_app, monkeypatch):
    from pressdesk.tui.widgets.enquiry_detail import EnquiryDetailView

    frozen_app.change_poll_seconds = 3600
    backend = frozen_app.backend
    async with frozen_app.run_test(size=(160, 45)) as pilot:
        chosen = (await open_desk_on(pilot, 1))[1]
        calls = counted(monkeypatch, backend)
        backend.add_coverage(chosen, url="https://example.org/floods", headline="Floods: the map")
        await changed_elsewhere(pilot)  # a commit that touched no desk row: the watch names no enquiry
        detail = str(frozen_app.screen.query_one(EnquiryDetailView).render())
        assert "coverage" in detail.lower(), detail
        assert calls == {"desk_page": 0, "desk_rows": 0}


async def test_the_enquiry_just_logged_stays_selected_when_a_page_read_before_it_lands_after_it(app, demo_desk):
    """A form's save reads the page again (keeping the row highlighted then) and its result names the new enquiry:
    however the two reads finish, the new enquiry is the one highlighted, as it is when they finish in order."""
    import threading

    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        desk, backend = app.screen, app.backend
        table = desk.query_one("#enquiries", DataTable)
        table.move_cursor(row=3)
        await settle(pilot)
        highlighted = desk.current_row().id
        new_id = log_one(demo_desk, "Just logged", who="Test Officer")
        rows_read = threading.Event()
        read_page, read_rows = backend.desk_page, backend.desk_rows

        def page_after_rows(*args, **kwargs):
            rows_read.wait(10)  # the page read started first lands last
            return read_page(*args, **kwargs)

        def rows_then_page(*args, **kwargs):
            try:
                return read_rows(*args, **kwargs)
            finally:
                rows_read.set()

        backend.desk_page, backend.desk_rows = page_after_rows, rows_then_page
        app.post_message(DeskChanged())  # the form's save: read the page again
        app.post_message(DeskChanged(new_id))  # the form's result: the new enquiry
        await until(pilot, lambda: rows_read.is_set())
        await settle(pilot)
        assert desk.current_row().id == new_id, f"#{new_id} was logged, #{highlighted} is highlighted"

        backend.desk_page, backend.desk_rows = read_page, read_rows
        app.post_message(DeskChanged(new_id))  # a write that names the enquiry and reads no page (its status moved)
        await settle(pilot)
        table.move_cursor(row=5)
        await settle(pilot)
        chosen = desk.current_row().id
        app.post_message(DeskChanged())  # a later reload (another terminal wrote) keeps the row the officer moved to
        await settle(pilot)
        assert desk.current_row().id == chosen, "the enquiry logged earlier is not highlighted again"
