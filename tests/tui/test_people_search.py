"""Pilot tests of contacts, experts, releases, journalist editing and search."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, OptionList, Static

from pressdesk.models.inputs import JournalistUpdate
from pressdesk.services import contacts, queries
from pressdesk.tui.screens.actions import ConflictScreen
from pressdesk.tui.screens.people import ContactsScreen
from pressdesk.tui.screens.person_edit import JournalistEditScreen
from pressdesk.tui.screens.search import EnquiryScreen, SearchScreen

from .conftest import settle

HOSTILE = "Eve [@click=app.quit]Mallory[/] [/link]"
SIZE = (120, 40)


def keys(text: str) -> list[str]:
    """The keys that type the text, one per character."""
    return list(text)


async def type_into(pilot, widget: Input, text: str) -> None:
    """Clear a box and type into it key by key."""
    widget.focus()
    widget.value = ""
    await pilot.pause()
    await pilot.press(*keys(text))
    await settle(pilot)


def names(screen) -> list[str]:
    """The first column of a list screen's table, as plain text."""
    table = screen.table
    return [table.get_row_at(i)[0].plain for i in range(table.row_count)]


def detail_text(screen) -> str:
    """The detail's text, both columns."""
    return str(screen.detail.content) + "\n" + str(screen.aside.content)


def journalist(desk, name: str):
    """A journalist's PersonRow read straight from the desk."""
    with desk.read() as s:
        return next(p for p in queries.list_journalists(s, text=name, limit=10) if p.name == name)


async def open_contacts(pilot) -> ContactsScreen:
    """Switch to the contacts screen and wait for its list."""
    await settle(pilot)
    await pilot.press("2")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ContactsScreen)
    return screen


async def select_person(pilot, screen, name: str, query: str | None = None) -> None:
    """Filter the list by the name (or a query) and select that name's row."""
    await pilot.press("f")
    await type_into(pilot, screen.search_box, query or name)
    assert name in names(screen)
    screen.table.move_cursor(row=names(screen).index(name))
    screen.table.focus()
    await settle(pilot)


# --- contacts -------------------------------------------------------------------------------


async def test_contacts_a_letter_starts_a_search_a_phone_in_another_format_finds_and_the_detail_shows_history(app):
    """On contacts a letter typed on the list starts a search, a number typed nationally or part of a name finds the
    journalist, and the one selected shows their contact points and enquiry history."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(pilot)
        assert len(names(screen)) == 24, "the contacts list shows every journalist of the demo desk"
        assert app.focused is screen.table, "the list has the focus when contacts opens"
        await pilot.press(*keys("Guardian"))
        await settle(pilot)
        assert app.focused is screen.search_box and screen.search_box.value == "Guardian", "a letter starts a search"
        assert names(screen) == ["Marcus Fenwick", "Sam (Samantha) Reid"], "the search typed on the list filters it"
        await pilot.press("down")
        assert app.focused is screen.table, "down leaves the search box for the list"
        await pilot.press("f")
        assert app.focused is screen.search_box, "f puts the focus in the search box"
        # Sam Reid's desk line is stored as +44 (0)20 3353 2741; type it nationally.
        await type_into(pilot, screen.search_box, "020 3353 2741")
        assert names(screen) == ["Sam (Samantha) Reid"], "a number in another format finds its journalist"
        await type_into(pilot, screen.search_box, "fenw")
        assert names(screen) == ["Marcus Fenwick"], "part of a name finds its journalist"
        await pilot.press("escape")
        assert app.focused is screen.table, "escape leaves the search box for the list"
        await select_person(pilot, screen, "Sam (Samantha) Reid")
        text = detail_text(screen)
        assert "020 3353 2741" in text and "07823 418562" in text, "the detail shows every phone"
        assert "sam.reid@theguardian.com" in text and "The Guardian" in text, "the detail shows email and outlet"
        assert "Goes by Sam" in text, "the detail shows the name they go by"
        assert "Interview request: IS-K resilience after Taliban crackdown · new" in text, "the detail shows history"
        await pilot.press("enter")
        assert app.focused.id == "journalist-detail-pane", "enter moves into the detail"


async def test_contacts_page_in_more_rows_near_the_end(app, demo_desk):
    with demo_desk.write() as s:
        for i in range(230):
            contacts.create_journalist(s, who="test", region="GB", name=f"Zed Filler {i:03d}")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(pilot)
        assert screen.table.row_count == 200 and screen.more
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert screen.table.row_count == 254 and not screen.more


# --- editing a journalist -------------------------------------------------------------------


async def open_edit_form(pilot, name: str) -> JournalistEditScreen:
    """Open the contacts screen, select a journalist and open their edit form."""
    await select_person(pilot, await open_contacts(pilot), name)
    await pilot.press("e")
    assert isinstance(pilot.app.screen, JournalistEditScreen)
    return pilot.app.screen


async def test_a_journalist_edit_refuses_a_bad_email_or_someone_elses_number_and_saves_a_good_edit(app, demo_desk):
    """Every input of a journalist's edit form is a field a refusal can land under; a bad email or someone else's
    number is refused under its field writing nothing, pasted lines keep every number, and a good edit is saved
    and shown."""
    before = journalist(demo_desk, "Marcus Fenwick")
    async with app.run_test(size=SIZE) as pilot:
        form = await open_edit_form(pilot, "Marcus Fenwick")
        screen = app.screen_stack[-2]
        fields = JournalistUpdate.model_fields
        missing = [f for f in fields if not (form.query(f"#je-{f}") and form.query(f"#je-{f}-msg"))]
        assert missing == [], "a refusal naming these inputs would find no field to land under"

        emails = form.query_one("#je-emails", Input)
        await type_into(pilot, emails, "marcus.fenwick@")
        message = str(form.query_one("#je-emails-msg", Static).content)
        assert "Email" in message and "marcus.fenwick@" in message, "a bad email is named under the email box"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form, "the form refused for a bad email stays open"
        assert "Not saved" in str(form.query_one("#je-error", Static).content), "the form says it saved nothing"
        after = journalist(demo_desk, "Marcus Fenwick")
        assert (after.emails, after.version) == (before.emails, before.version), "a bad email writes nothing"
        await type_into(pilot, emails, "marcus.fenwick@theguardian.com")

        # A valid number, but it is Sam Reid's: only the service knows.
        phones = form.query_one("#je-phones", Input)
        await type_into(pilot, phones, "020 3353 4187; 07823 418 562")
        assert not form.query_one("#je-phones-msg", Static).has_class("shown"), "a valid number is not refused live"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form, "the form refused by the desk stays open"
        assert "already belongs to Sam (Samantha) Reid" in str(form.query_one("#je-phones-msg", Static).content), (
            "the desk's refusal of someone else's number shows under the phones box"
        )
        after = journalist(demo_desk, "Marcus Fenwick")
        assert (after.phones, after.version) == (before.phones, before.version), "a refused number writes nothing"

        phones.focus()
        phones.value = ""
        phones.post_message(events.Paste("020 3353 4187\n+44 7700 123456\n"))
        await pilot.pause()
        assert phones.value == "020 3353 4187; +44 7700 123456", "pasted lines keep every number"

        await type_into(pilot, form.query_one("#je-role", Input), "Climate editor")
        await type_into(pilot, phones, "020 3353 4187 ext 22; +44 7700 123456")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen, "a good edit closes the form"
        assert "Climate editor" in detail_text(screen), "the list's detail shows the new role"
        assert "020 3353 4187 ext. 22" in detail_text(screen), "the list's detail shows the new number"
    after = journalist(demo_desk, "Marcus Fenwick")
    assert after.role == "Climate editor", "the good edit saved the role"
    assert after.phones == ("+442033534187 ext. 22", "+447700123456"), "the good edit saved the numbers"
    assert after.emails == ("marcus.fenwick@theguardian.com",), "the good edit kept the email"


async def test_edit_conflict_says_who_changed_it_and_reload_refills(app, demo_desk, settings):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(pilot)
        await select_person(pilot, screen, "Marcus Fenwick")
        await pilot.press("e")
        form = app.screen
        person = journalist(demo_desk, "Marcus Fenwick")
        with demo_desk.write() as s:
            contacts.update_journalist(
                s,
                JournalistUpdate(beat="floods"),
                who="Other Officer",
                region="GB",
                journalist_id=person.id,
                expected_version=person.version,
            )
        await type_into(pilot, form.query_one("#je-role", Input), "Climate editor")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        assert "changed by Other Officer" in str(app.screen.query_one("#conflict-message", Static).content)
        await pilot.press("r")
        await settle(pilot)
        assert app.screen is form
        assert form.query_one("#je-beat", Input).value == "floods"
        await type_into(pilot, form.query_one("#je-role", Input), "Climate editor")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
    after = journalist(demo_desk, "Marcus Fenwick")
    assert after.role == "Climate editor" and after.detail["beat"] == "floods"


# --- experts and releases -------------------------------------------------------------------


# --- search ---------------------------------------------------------------------------------


async def search_for(pilot, text: str) -> SearchScreen:
    """Open search (if needed) and type a query."""
    if not isinstance(pilot.app.screen, SearchScreen):
        await pilot.press("slash")
    search = pilot.app.screen
    assert isinstance(search, SearchScreen)
    await type_into(pilot, search.query_one("#search-box", Input), text)
    return search


async def pick(pilot, search: SearchScreen, label: str) -> None:
    """Move into the results and open the first hit of one kind."""
    await pilot.press("enter")
    results = search.query_one("#search-hits", OptionList)
    results.highlighted = next(i for i, line in enumerate(hit_lines(search)) if line.startswith(label))
    await pilot.press("enter")
    await settle(pilot)


def hit_lines(search: SearchScreen) -> list[str]:
    """The result lines as plain text."""
    results = search.query_one("#search-hits", OptionList)
    return [results.get_option_at_index(i).prompt.plain for i in range(results.option_count)]


async def test_search_finds_each_kind_and_opens_each_where_it_lives(app, backend, demo_desk):
    """Search typed key by key shows the whole query's results; it finds an enquiry, a journalist, an expert and a
    release and says when nothing matches; an enquiry hit opens with its detail and actions, and a journalist,
    expert or release hit opens its own screen on it."""
    expected = {(h.kind, h.id) for h in backend.search("hydrology")}
    sam = journalist(demo_desk, "Sam (Samantha) Reid")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        search = app.screen
        assert isinstance(search, SearchScreen), "/ opens search"
        await pilot.press(*keys("hydrology"))
        await settle(pilot)
        assert expected and {(h.kind, h.id) for h in search.hits.values()} == expected, (
            "a query typed key by key shows the results of the whole query"
        )
        assert any(h.startswith("Expert") and "Rachel Okafor" in h for h in hit_lines(search)), "finds an expert"
        await search_for(pilot, "recruitment")
        assert any(h.startswith("Enquiry") and "IS-K recruitment in Pakistan" in h for h in hit_lines(search)), (
            "finds an enquiry"
        )
        await search_for(pilot, "3353 2741")
        assert any(h.startswith("Journalist") and "Sam (Samantha) Reid" in h for h in hit_lines(search)), (
            "finds a journalist by part of a number"
        )
        await search_for(pilot, "struggling")
        assert any(h.startswith("Release") and "Taliban struggling" in h for h in hit_lines(search)), "finds a release"
        await search_for(pilot, "qqxqzz")
        assert hit_lines(search) == [], "a query matching nothing lists nothing"
        assert "No matches" in str(search.query_one("#search-status", Static).content), "and says so"
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen), "escape closes search"

        search = await search_for(pilot, "recruitment")
        await pick(pilot, search, "Enquiry")
        assert app.focused.id == "enquiry-scroll", "an enquiry hit opens with the focus in its detail"
        shown = app.screen
        assert isinstance(shown, EnquiryScreen), "an enquiry hit opens the enquiry"
        assert "IS-K recruitment in Pakistan" in str(shown.query_one("#enquiry-detail", Static).content)
        assert shown.current_row() is not None and shown.current_row().subject.startswith("Can Dr Giustozzi")
        await pilot.press("m")
        await pilot.press(*keys("Called back"), "enter")
        await settle(pilot)
        assert app.screen is shown, "a note added on the opened enquiry returns to it"
        assert "Called back" in str(shown.query_one("#enquiry-detail", Static).content), "the note shows at once"
        await pilot.press("escape")
        assert app.screen is search, "escape from the enquiry returns to the search"

        await search_for(pilot, "3353 2741")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert app.current_mode == "contacts", "a journalist hit opens contacts"
        screen = app.screen
        assert isinstance(screen, ContactsScreen)
        assert screen.current_row().id == sam.id, "on the journalist found"
        assert "Sam (Samantha) Reid" in detail_text(screen), "with their detail"
        # Again from the desk, now that the contacts screen exists already.
        await pilot.press("1")
        await settle(pilot)
        await pick(pilot, await search_for(pilot, "Fenwick"), "Journalist")
        assert app.screen is screen and screen.current_row().name == "Marcus Fenwick", "the same contacts screen"
        assert screen.search_box.value == "Marcus Fenwick", "filtered by the journalist's name"
        # An expert hit opens the experts screen on that expert.
        search = await search_for(pilot, "hydrology")
        await pick(pilot, search, "Expert")
        assert app.current_mode == "experts", "an expert hit opens experts"
        assert app.screen.current_row().name == "Rachel Okafor", "on the expert found"
        assert search not in app.screen_stack, "search is closed behind it"
        # And a release hit opens the releases screen on that release.
        await pick(pilot, await search_for(pilot, "struggling"), "Release")
        assert app.current_mode == "releases", "a release hit opens releases"
        assert app.screen.current_row().title.startswith("Taliban struggling"), "on the release found"
        assert "Antonio Giustozzi" in detail_text(app.screen), "with its people"


# --- hostile text ---------------------------------------------------------------------------


async def test_markup_in_a_name_shows_literally_and_the_app_keeps_running(app, demo_desk):
    with demo_desk.write() as s:
        contacts.create_journalist(
            s,
            who="test",
            region="GB",
            name=HOSTILE,
            outlet="[bold]Outlet[/]",
            notes="[red]not red[/] [/]",
        )
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(pilot)
        await select_person(pilot, screen, HOSTILE)
        assert HOSTILE in names(screen)
        assert screen.table.render_line(1).text.startswith(" Eve [@click=app.quit]")
        text = detail_text(screen)
        assert HOSTILE in text and "[bold]Outlet[/]" in text and "[red]not red[/] [/]" in text
        await pilot.click(screen.detail)
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, JournalistEditScreen)
        assert form.query_one("#je-name", Input).value == HOSTILE
        await type_into(pilot, form.query_one("#je-role", Input), "[@click=app.quit]role")
        await pilot.press("ctrl+s")
        await settle(pilot)
        search = await search_for(pilot, "Mallory")
        assert any(HOSTILE in h for h in hit_lines(search))
        await pilot.pause()
        assert app.is_running and app.return_code is None
