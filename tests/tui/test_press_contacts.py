"""Pilot tests: a release's press contact is shown on the Releases screen and found by the search box; an enquiry
is found by its number."""

from __future__ import annotations

from pressdesk.tui.screens.releases import ReleasesScreen
from pressdesk.tui.screens.search import SearchScreen

from .conftest import settle
from .test_people_search import SIZE, detail_text, hit_lines, pick, search_for, type_into

RELEASE = "Taliban struggling to crush Islamic State in Khorasan"


async def test_the_releases_screen_lists_a_release_s_press_contacts_with_email_and_phone(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReleasesScreen)
        await pilot.press("f")
        await type_into(pilot, screen.search_box, "Khorasan")
        screen.table.focus()
        await settle(pilot)
        text = detail_text(screen)
        assert "Press contacts" in text
        assert "Jamie Hose" in text and "BlueSky Education" in text
        assert "jamie@bluesky-pr.com" in text and "+441582790706" in text


async def test_search_finds_a_press_contact_and_opens_its_release(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for typed in ("bluesky", "790706", "Jamie"):
            search = await search_for(pilot, typed)
            lines = [h for h in hit_lines(search) if h.startswith("Press contact")]
            assert len(lines) == 1, hit_lines(search)
            assert "Jamie Hose" in lines[0] and "BlueSky Education" in lines[0] and RELEASE in lines[0]
        await pick(pilot, search, "Press contact")
        assert not isinstance(app.screen, SearchScreen)
        assert app.current_mode == "releases"
        assert app.screen.current_row().title.startswith(RELEASE)
        assert "jamie@bluesky-pr.com" in detail_text(app.screen)


async def test_search_finds_an_enquiry_by_its_number_and_shows_the_number(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        search = await search_for(pilot, "#12")
        assert hit_lines(search)[0].startswith("Enquiry       #12 Does the Leeds flood model cover Ireland?")
