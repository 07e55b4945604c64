"""The desk shows what other terminals write, without a key press."""

from __future__ import annotations

from textual.widgets import DataTable, Static
from textual.widgets._footer import FooterKey

from pressdesk.models.inputs import EnquiryCreate
from pressdesk.services import enquiries
from pressdesk.store import open_desk
from tests.tui.conftest import settle


def desk_ids(app) -> list[int]:
    """Enquiry ids in table order."""
    return [int(k.value) for k in app.screen.query_one("#enquiries", DataTable).rows]


async def until(pilot, condition, *, pauses: int = 200) -> None:
    """Let the app run (no keys) until the condition holds, or give up after a bounded number of pauses."""
    for _ in range(pauses):
        if condition():
            break
        await pilot.pause(0.02)
    await settle(pilot)


async def test_an_enquiry_logged_by_another_process_appears_without_a_key(app, demo_desk):
    app.change_poll_seconds = 0.05
    other = open_desk(demo_desk.path)  # another engine and connection: stands in for another terminal
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            await settle(pilot)
            before = desk_ids(app)
            assert f"{len(before)} open" in str(app.screen.query_one("#counts", Static).content)
            with other.write() as s:
                new_id = enquiries.log_enquiry(
                    s,
                    EnquiryCreate(subject="Logged in another terminal", journalist="Ann Other", deadline="+30m"),
                    who="Tom Becker",
                    region="GB",
                    tz="Europe/London",
                ).id
            await until(pilot, lambda: new_id in desk_ids(app))
            assert new_id in desk_ids(app), "the new enquiry is on the desk without F5"
            assert f"{len(before) + 1} open" in str(app.screen.query_one("#counts", Static).content)
    finally:
        other.dispose()


async def test_the_refresh_key_is_in_the_footer(app):
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        shown = {key.key for key in app.screen.query(FooterKey)}
    assert "f5" in shown


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
