"""Pilot tests: a release's press contact is shown on the Releases screen and found by the search box; an enquiry
is found by its number."""

from __future__ import annotations

from pressdesk.tui.screens.releases import ReleasesScreen
from pressdesk.tui.screens.search import SearchScreen

from .conftest import settle
from .test_people_search import SIZE, detail_text, hit_lines, pick, search_for, type_into

RELEASE = "Taliban struggling to crush Islamic State in Khorasan"


async def test_releases_show_a_press_contact_and_search_finds_them_and_an_enquiry_by_its_number(app):
    """The Releases screen shows a release's body, people and press contacts with email and phone; search finds an
    enquiry by its number, and a press contact by outlet, part of a number or name, opening their release."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReleasesScreen), "4 opens the releases"
        assert screen.table.row_count == 4, "listing the desk's releases"
        await pilot.press("f")
        await type_into(pilot, screen.search_box, "Khorasan")
        screen.table.focus()
        await settle(pilot)
        text = detail_text(screen)
        assert "Taliban struggling" in text and "Antonio Giustozzi" in text, "the release shows its body and people"
        assert "Loading" not in text, "once loaded"
        assert "Press contacts" in text, "the release lists its press contacts"
        assert "Jamie Hose" in text and "BlueSky Education" in text, "by name and outlet"
        assert "jamie@bluesky-pr.com" in text and "☎ 01582 790706" in text, "with email and phone"

        search = await search_for(pilot, "#12")
        assert hit_lines(search)[0].startswith("Enquiry       #12 Does the Leeds flood model cover Ireland?"), (
            "an enquiry is found by its number, and the number shown"
        )
        for typed in ("bluesky", "790706", "Jamie"):
            search = await search_for(pilot, typed)
            lines = [h for h in hit_lines(search) if h.startswith("Press contact")]
            assert len(lines) == 1, f"{typed!r} finds the press contact once: {hit_lines(search)}"
            assert "Jamie Hose" in lines[0] and "BlueSky Education" in lines[0] and RELEASE in lines[0], (
                f"{typed!r}: the hit names the contact, outlet and release"
            )
        await pick(pilot, search, "Press contact")
        assert not isinstance(app.screen, SearchScreen), "picking the press contact closes search"
        assert app.current_mode == "releases", "and opens releases"
        assert app.screen.current_row().title.startswith(RELEASE), "on their release"
        assert "jamie@bluesky-pr.com" in detail_text(app.screen), "showing their email"
