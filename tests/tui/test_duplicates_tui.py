"""Pilot tests of the review list of possible duplicates: every pair with why, merge one side by side, or say two
people are two (never suggested again); reachable by a key shown in help and from the command palette."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from pressdesk.services import duplicates
from pressdesk.tui.screens.duplicates import DuplicatesScreen
from pressdesk.tui.screens.help import HelpScreen
from pressdesk.tui.screens.merge_people import MergeScreen

from .conftest import settle
from .test_contacts_manage_tui import SIZE, journalists_named
from .test_people_search import open_contacts


def suspect(desk, pairs: list[tuple[str, str, str]]) -> dict[str, int]:
    """Put pairs of journalists (by name) on the review list, with a reason; their ids by name."""
    names = {n for pair in pairs for n in pair[:2]}
    ids = {n: journalists_named(desk, n)[0].id for n in names}
    with desk.write() as s:
        duplicates.add_reviews(
            s, "journalist", [(ids[a], ids[b], 90, why) for a, b, why in pairs], found_by="import of list.csv"
        )
    return ids


def rows(screen) -> list[list[str]]:
    """The review table's rows as plain text."""
    table = screen.query_one("#duplicates-table", DataTable)
    return [[c.plain for c in table.get_row_at(i)] for i in range(table.row_count)]


async def open_review(pilot) -> DuplicatesScreen:
    """Contacts, then d."""
    await open_contacts(pilot)
    await pilot.press("d")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, DuplicatesScreen)
    return screen


async def test_the_review_list_is_in_help_and_the_palette_lists_every_pair_with_why_and_x_says_two_for_good(
    app, demo_desk, backend
):
    """The review list of possible duplicates is in the help on Contacts and in the command palette; d lists every
    pair with why and who found it; x says two people are two, and they are never suggested again."""
    ids = suspect(
        demo_desk,
        [
            ("Marcus Fenwick", "Sam (Samantha) Reid", "shares a phone number, but the names differ"),
            ("Marcus Fenwick", "Helen Achebe", "a close name at the same outlet"),
        ],
    )
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen), "? opens the help"
        assert "Possible duplicates" in str(app.screen.query_one("#help-keys", Static).content), "listing the review"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        app.screen.query_one(Input).value = "possible duplicates"
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DuplicatesScreen), "the palette opens the review"
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("d")
        await settle(pilot)
        review = pilot.app.screen
        assert isinstance(review, DuplicatesScreen), "d opens the review"
        shown = rows(review)
        assert len(shown) == 2, "every pair is listed"
        assert any("Sam (Samantha) Reid" in " ".join(r) and "shares a phone number" in r[3] for r in shown), "with why"
        assert all("import of list.csv" in r[3] for r in shown), "and what found it"
        assert "2 possible duplicates" in str(review.query_one("#duplicates-msg", Static).content), "counted"

        table = review.query_one("#duplicates-table", DataTable)
        table.move_cursor(row=next(i for i, r in enumerate(shown) if "Helen Achebe" in " ".join(r)))
        await pilot.press("x")
        await settle(pilot)
        assert [r for r in rows(review) if "Helen Achebe" in " ".join(r)] == [], "x takes the pair off the list"
        assert len(rows(review)) == 1, "leaving the other"
    pairs = {frozenset((p.a.id, p.b.id)) for p in backend.duplicates("journalists")}
    assert frozenset((ids["Marcus Fenwick"], ids["Helen Achebe"])) not in pairs, "x is stored"
    with demo_desk.write() as s:  # found again later: still not suggested
        duplicates.add_reviews(
            s, "journalist", [(ids["Marcus Fenwick"], ids["Helen Achebe"], 95, "again")], found_by="x"
        )
    pairs = {frozenset((p.a.id, p.b.id)) for p in backend.duplicates("journalists")}
    assert frozenset((ids["Marcus Fenwick"], ids["Helen Achebe"])) not in pairs, "found again, still not suggested"


async def test_enter_on_a_pair_opens_the_side_by_side_merge_and_the_pair_leaves_the_list(app, demo_desk):
    ids = suspect(demo_desk, [("Sam (Samantha) Reid", "Marcus Fenwick", "the same name, one without an outlet")])
    async with app.run_test(size=SIZE) as pilot:
        review = await open_review(pilot)
        await pilot.press("enter")
        await settle(pilot)
        merge = pilot.app.screen
        assert isinstance(merge, MergeScreen)
        assert {merge.a.id, merge.b.id} == {ids["Sam (Samantha) Reid"], ids["Marcus Fenwick"]}
        await pilot.press("ctrl+s")
        await settle(pilot)

        assert pilot.app.screen is review
        assert rows(review) == []
        assert "No possible duplicates" in str(review.query_one("#duplicates-msg", Static).content)
    assert (
        len(journalists_named(demo_desk, "Sam (Samantha) Reid") + journalists_named(demo_desk, "Marcus Fenwick")) == 1
    )
