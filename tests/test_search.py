"""Search as a press officer types it: numbers, names without their accents, words before inner substrings,
and the press contacts named on releases."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy import text

from pressdesk.core import Backend
from pressdesk.services import queries, search
from pressdesk.settings import Settings
from tests.backends import backend_urls, fresh_database
from tests.conftest import ON_SERVER

SEED = next((Path(__file__).parents[1] / "src" / "pressdesk" / "demo_data" / "seeds").glob("000_*.txt"))


def hits(desk, text: str, limit: int = 8):
    """What the search box shows for the text."""
    with desk.read() as s:
        return search.search(s, text, limit=limit)


def titles(found, kind: str) -> list[str]:
    """The titles of the hits of one kind, in order."""
    return [h.title for h in found if h.kind == kind]


@pytest.mark.parametrize("typed", ["12", "#12", " #12 "])
def test_an_enquiry_number_finds_that_enquiry_first(demo_desk, typed):
    found = hits(demo_desk, typed)
    assert (found[0].kind, found[0].id) == ("enquiry", 12)
    assert found[0].title.startswith("Does the Leeds flood model cover Ireland?")


def test_listing_enquiries_by_text_takes_an_enquiry_number(demo_desk):
    with demo_desk.read() as s:
        assert 12 in [r.id for r in queries.list_enquiries(s, text="#12", limit=1000)]


def test_a_number_that_is_no_enquiry_finds_no_enquiry(demo_desk):
    assert titles(hits(demo_desk, "#9999"), "enquiry") == []
    assert titles(hits(demo_desk, "#99999999999999999999999"), "enquiry") == []


@pytest.mark.parametrize(
    "typed", ["020 3194", "0203194", "020 31943", "020-3194-3", "(020) 3194", "+44 20 3194", "020 3194 3371"]
)
def test_a_number_typed_as_dialled_at_home_finds_its_owner_from_its_first_digits(demo_desk, typed):
    # Eleanor Vaughan's number is +44 20 3194 3371: typed the way a UK officer dials it, spaces or none
    assert "Eleanor Vaughan" in titles(hits(demo_desk, typed), "journalist")
    with demo_desk.read() as s:
        assert "Eleanor Vaughan" in [p.name for p in queries.list_journalists(s, text=typed, limit=50)]


@pytest.mark.parametrize("typed", ["0899", "089900", "7608 99"])
def test_a_fragment_from_inside_a_number_still_finds_it(demo_desk, typed):
    # Gareth Pryce: +44 20 7608 9900; a fragment starting with 0 is not always the start of a number
    assert "Gareth Pryce" in titles(hits(demo_desk, typed), "journalist")


@pytest.mark.parametrize(
    ("typed", "kind", "name"),
    [
        ("Elodie", "journalist", "Élodie Marchand"),
        ("elodie marchand", "journalist", "Élodie Marchand"),
        ("Muller", "journalist", "Zoë Müller"),
        ("zoe", "journalist", "Zoë Müller"),
        ("Siobhan", "journalist", "Siobhán Kavanagh"),
        ("Wisniewski", "expert", "Tomasz Wiśniewski"),
        ("Élodie", "journalist", "Élodie Marchand"),
    ],
)
def test_names_are_found_without_their_accents(demo_desk, typed, kind, name):
    assert name in titles(hits(demo_desk, typed), kind)


def test_an_accented_name_finds_the_enquiries_of_that_person(demo_desk):
    subjects = titles(hits(demo_desk, "Muller"), "enquiry")
    assert "Interview (auf Deutsch): KI im Unterricht - UCL teacher survey" in subjects


def test_an_outlet_typed_without_its_accent_finds_its_people_and_their_enquiries(demo_desk):
    found = hits(demo_desk, "RTE News")
    assert {"Declan Furlong", "Siobhán Kavanagh"} <= set(titles(found, "journalist"))
    subjects = titles(found, "enquiry")
    assert "Does the Leeds flood model cover Ireland? Comment for News at One" in subjects
    assert "Comment: how do English community waits compare with HSE lists?" in subjects


def test_whole_words_rank_above_inner_substrings(demo_desk):
    found = hits(demo_desk, "ISK", limit=50)
    enquiries = titles(found, "enquiry")
    word = [i for i, s in enumerate(enquiries) if "IS-K" in s]
    inner = [i for i, s in enumerate(enquiries) if "IS-K" not in s]
    assert len(word) >= 6, enquiries
    assert inner, "a 'risk' enquiry is still found, below the IS-K ones"
    assert max(word) < min(inner)
    releases = titles(found, "release")
    assert releases[0].startswith("Taliban struggling to crush Islamic State in Khorasan")


def test_a_hyphenated_word_is_found_typed_with_its_hyphen(demo_desk):
    enquiries = titles(hits(demo_desk, "is-k", limit=50), "enquiry")
    assert enquiries and all("IS-K" in s for s in enquiries)


def test_a_hyphenated_word_does_not_match_words_that_merely_start_alike(demo_desk):
    from pressdesk.services import contacts

    with demo_desk.write() as s:
        contacts.create_journalist(s, who="t", region="GB", name="Pat Lowe", notes="This is kind of urgent")
    assert "Pat Lowe" in titles(hits(demo_desk, "kind urgent"), "journalist")
    assert "Pat Lowe" not in titles(hits(demo_desk, "IS-K"), "journalist")


def test_a_word_inside_a_hyphenated_one_ranks_as_a_word(demo_desk):
    found = titles(hits(demo_desk, "risk maps"), "enquiry")
    assert found[0] == "Images: hi-res flood-risk maps and fieldwork photos, with credits"


def test_desk_filter_ignores_accents_too(demo_desk):
    with demo_desk.read() as s:
        rows = queries.list_enquiries(s, text="Elodie", limit=50)
    assert rows and {r.journalist for r in rows} == {"Élodie Marchand"}


# --- press contacts named on releases ----------------------------------------------------------------------


@pytest.fixture
def imported(empty_desk):
    """An empty desk with the seed release imported, as `pressdesk import release` does."""
    from pressdesk.services import intake

    with empty_desk.write() as s:
        intake.import_release(
            s, who="test", region="GB", tz="Europe/London", text=SEED.read_text(encoding="utf-8"), source=SEED.name
        )
    return empty_desk


@pytest.mark.parametrize("typed", ["Jamie", "jamie hose", "bluesky", "BlueSky Education", "790706", "01582 790706"])
def test_a_press_contact_of_an_imported_release_is_found(imported, typed):
    found = [h for h in hits(imported, typed) if h.kind == "press_contact"]
    assert [h.title for h in found] == ["Jamie Hose"]
    hit = found[0]
    assert "BlueSky Education" in hit.subtitle
    assert "Taliban struggling to crush Islamic State in Khorasan" in hit.subtitle
    with imported.read() as s:
        (release,) = queries.list_releases(s)
    assert hit.release_id == release.id


def test_a_release_lists_its_press_contacts_with_their_details(imported):
    with imported.read() as s:
        (release,) = queries.list_releases(s)
    (contact,) = release.press_contacts
    assert contact.name == "Jamie Hose"
    assert contact.outlet == "BlueSky Education"
    assert contact.emails == ("jamie@bluesky-pr.com",)
    assert contact.phones == ("+441582790706",)


# --- the folded index on a desk made before it -------------------------------------------------------------


def test_a_desk_from_before_the_folded_index_is_refolded_when_it_opens(template, tmp_path):
    import shutil

    from alembic import command

    from pressdesk.services import contacts
    from pressdesk.store import open_desk
    from pressdesk.store.migrate import alembic_config, current_revision

    path = shutil.copy(template, tmp_path / "old.db")  # the frozen demo desk
    old = open_desk(path)
    command.downgrade(alembic_config(old), "0003")  # the demo desk as a 0003 desk held it
    assert current_revision(old) == "0003"
    old.dispose()
    desk = open_desk(path)  # runs the pending migration
    try:
        assert "Élodie Marchand" in titles(hits(desk, "Elodie"), "journalist")
        with desk.write() as s:
            contacts.create_journalist(s, who="t", region="GB", name="Sébastien Lefèvre", outlet="Radio Télé Lyon")
        assert titles(hits(desk, "Sebastien"), "journalist") == ["Sébastien Lefèvre"]
        assert titles(hits(desk, "Radio Tele"), "journalist") == ["Sébastien Lefèvre"]
        with desk.write() as s:
            s.execute(text("UPDATE journalist SET name = 'Séverine Lefèvre' WHERE name = 'Sébastien Lefèvre'"))
        assert titles(hits(desk, "Sebastien"), "journalist") == []
        assert titles(hits(desk, "Severine"), "journalist") == ["Séverine Lefèvre"]
    finally:
        desk.dispose()


def test_list_releases_json_carries_each_press_contact_from_an_import(migrated, desk_copy):
    import json

    from click.testing import CliRunner

    from pressdesk.cli import main

    db = desk_copy(migrated, "cli.db")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db, "import", "release", str(SEED)]).exit_code == 0
    listed = runner.invoke(main, ["--db", db, "list", "releases", "--json"])
    assert listed.exit_code == 0
    (release,) = json.loads(listed.stdout)
    (contact,) = release["press_contacts"]
    assert contact["name"] == "Jamie Hose" and contact["kind"] == "press_contact"
    assert contact["outlet"] == "BlueSky Education"
    assert contact["emails"] == ["jamie@bluesky-pr.com"] and contact["phones"] == ["+441582790706"]
    assert contact["detail"]["latest_release_id"] == release["id"]


@pytest.mark.skipif(ON_SERVER, reason="SQLite's FTS5 index and its older revisions; PostgreSQL's index starts at 0009")
def test_the_folded_index_can_be_downgraded_to_the_raw_one(demo_desk):
    from alembic import command

    from pressdesk.store.migrate import alembic_config, current_revision

    command.downgrade(alembic_config(demo_desk), "0003")
    assert current_revision(demo_desk) == "0003"
    with demo_desk.read() as s:
        trigger = s.execute(text("SELECT sql FROM sqlite_master WHERE name = 'search_journalist_ai'")).scalar()
        raw = s.execute(text("SELECT body FROM search_index WHERE search_index MATCH '\"Élodie\"'")).scalars().all()
    assert "pressdesk_fold" not in trigger
    assert any(body.startswith("Élodie Marchand") for body in raw)  # as 0003 indexed it, for 0003's queries


@pytest.mark.skipif(ON_SERVER, reason="only SQLite stores bytes in a text column (PostgreSQL stores them as hex text)")
def test_the_index_never_refuses_a_write_whatever_the_text(empty_desk):
    with empty_desk.write() as s:
        s.execute(
            text(
                "INSERT INTO outlet (name, name_key, country, kind, website, version, created_at, updated_at,"
                " updated_by) VALUES (:name, 'raw', '', '', '', 1, '2026-01-01', '2026-01-01', 't')"
            ),
            {"name": "Radio Télé Bytes".encode()},
        )
    with empty_desk.read() as s:
        assert s.execute(text("SELECT body FROM search_index")).scalar() == " radio tele bytes "


ABROAD = {"Aoife Byrne": "+353 87 123 4567", "Dana Cole": "+1 202-555-0143", "Eleanor Vaughan": "+44 20 3194 3371"}
"""Journalists in Ireland, the United States and the United Kingdom, each with the number they were stored with."""


@pytest.fixture(scope="module")
def abroad_on(tmp_path_factory) -> Iterator[Callable[[str], str]]:
    """The desk holding the ABROAD journalists built once per module on a backend (migrating a new desk for each test
    took a tenth of a second): its URL, for copies."""
    from pressdesk.services import contacts
    from pressdesk.store import open_desk

    made: dict[str, str] = {}
    with ExitStack() as stack:

        def template(backend: str) -> str:
            if backend not in made:
                url = stack.enter_context(fresh_database(backend, tmp_path_factory.mktemp(f"{backend}-abroad")))
                desk = open_desk(url)
                with desk.write() as s:
                    for name, phone in ABROAD.items():
                        contacts.create_journalist(s, who="t", region="GB", name=name, phones=[phone])
                desk.dispose()
                made[backend] = url
            return made[backend]

        yield template


@pytest.fixture(params=backend_urls())
def desk_abroad(request, tmp_path, abroad_on):
    """A private copy, on one backend, of a desk holding the ABROAD journalists."""
    from pressdesk.store import open_desk

    with fresh_database(request.param, tmp_path, template=abroad_on(request.param)) as url:
        desk = open_desk(url)
        yield desk
        desk.dispose()


def found_on(desk, region: str, typed: str) -> tuple[list[str], list[str], list[str]]:
    """The journalists the search box shows, the TUI's list shows and `list journalists --text` lists for the text,
    on a desk in region."""
    backend = Backend(desk, Settings(region=region, officer="Test Officer", timezone="Europe/London"))
    listed = [p.name for p in backend.listing("journalists", text=typed, limit=None)]
    return titles(backend.search(typed), "journalist"), [p.name for p in backend.journalists(typed)], listed


@pytest.mark.backend
@pytest.mark.parametrize(
    ("region", "typed", "name"),
    [
        ("IE", "087 123 4567", "Aoife Byrne"),
        ("IE", "0871234567", "Aoife Byrne"),
        ("IE", "087 123 4", "Aoife Byrne"),
        ("US", "(202) 555-0143", "Dana Cole"),
        ("US", "202 555 0143", "Dana Cole"),
        ("GB", "020 3194 3371", "Eleanor Vaughan"),
    ],
)
def test_a_number_dialled_at_home_is_read_in_the_desks_region(desk_abroad, region, typed, name):
    assert found_on(desk_abroad, region, typed) == ([name], [name], [name])


@pytest.mark.backend
@pytest.mark.parametrize("region", ["GB", "IE", "US"])
@pytest.mark.parametrize(
    ("typed", "name"),
    [("+353 87 123 4567", "Aoife Byrne"), ("+1 202 555 0143", "Dana Cole"), ("+44 20 3194 3371", "Eleanor Vaughan")],
)
def test_a_number_with_its_country_code_is_found_on_any_desk(desk_abroad, region, typed, name):
    assert found_on(desk_abroad, region, typed) == ([name], [name], [name])


@pytest.mark.backend
def test_a_media_list_built_from_a_number_reads_it_in_the_desks_region(desk_abroad):
    backend = Backend(desk_abroad, Settings(region="IE", officer="Test Officer", timezone="Europe/Dublin"))
    made = backend.create_media_list("Aoife's desk", text="087 123 4567")
    assert [p.name for p in backend.media_list_members(str(made.id))] == ["Aoife Byrne"]
