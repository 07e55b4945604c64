"""Who a caller is: names fold case, accents and spacing; a bare name is the one person so called; ambiguity asks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressdesk.cli import main
from pressdesk.errors import FieldError
from pressdesk.models.inputs import EnquiryCreate, JournalistUpdate
from pressdesk.services import contacts, enquiries, queries


def log(desk, settings, **form):
    """Log an enquiry on the desk as the test officer; returns the journalist it went to."""
    with desk.write() as s:
        enquiry = enquiries.log_enquiry(
            s, EnquiryCreate(subject="x", **form), who=settings.officer, region=settings.region, tz=settings.timezone
        )
        return enquiry.journalist_id


def journalists_called(desk, name: str) -> list:
    """Every journalist whose listed name contains the text."""
    with desk.read() as s:
        return queries.list_journalists(s, text=name, limit=50)


def people(desk) -> int:
    """How many journalists the desk has."""
    with desk.read() as s:
        return len(queries.list_journalists(s, limit=100_000))


@pytest.mark.parametrize(
    ("name", "outlet", "stored"),
    [
        ("Lucy Carrington", None, "Lucy Carrington"),
        ("  lucy   CARRINGTON ", None, "Lucy Carrington"),
        ("Elodie Marchand", "Le Monde", "Élodie Marchand"),
        ("elodie marchand", "le  monde", "Élodie Marchand"),
        ("Zoe Muller", None, "Zoë Müller"),
    ],
)
def test_a_known_name_is_that_person_not_a_second_one(demo_desk, settings, name, outlet, stored):
    before = people(demo_desk)
    known = [p for p in journalists_called(demo_desk, stored.split()[-1]) if p.name == stored]
    assert len(known) == 1
    assert log(demo_desk, settings, journalist=name, outlet=outlet) == known[0].id
    assert people(demo_desk) == before


def test_an_ambiguous_bare_name_asks_which_and_writes_nothing(demo_desk, settings):
    with demo_desk.write() as s:
        contacts.create_journalist(s, who="t", region="GB", name="Lucy  Carrington", outlet="BBC News")
    before = people(demo_desk)
    with pytest.raises(FieldError) as refused:
        log(demo_desk, settings, journalist="lucy carrington")
    assert refused.value.field == "journalist"
    assert "2 journalists are called lucy carrington" in refused.value.reason
    assert "The Times" in refused.value.reason and "BBC News" in refused.value.reason
    assert people(demo_desk) == before
    # The outlet says which one.
    times = log(demo_desk, settings, journalist="Lucy Carrington", outlet="the times")
    assert [p.outlet for p in journalists_called(demo_desk, "Carrington") if p.id == times] == ["The Times"]


def test_a_name_at_another_outlet_is_a_new_person(demo_desk, settings):
    before = people(demo_desk)
    log(demo_desk, settings, journalist="Lucy Carrington", outlet="The Guardian")
    assert people(demo_desk) == before + 1


def test_name_key_folds_case_accents_and_spacing():
    assert contacts.name_key(" Élodie\u00a0 MARCHAND ") == contacts.name_key("elodie marchand")
    assert contacts.name_key("Zoë Müller") == "zoe muller"
    assert contacts.name_key("Siobhán Kavanagh") != contacts.name_key("Siobhan Kavanaugh")


def test_a_renamed_journalist_is_found_by_the_new_name(demo_desk, settings):
    [lucy] = [p for p in journalists_called(demo_desk, "Carrington") if p.name == "Lucy Carrington"]
    with demo_desk.write() as s:
        contacts.update_journalist(
            s,
            JournalistUpdate(name="Lucy Carrington-Smith"),
            who="t",
            region="GB",
            journalist_id=lucy.id,
            expected_version=None,
        )
    before = people(demo_desk)
    assert log(demo_desk, settings, journalist="lucy carrington-smith") == lucy.id
    assert people(demo_desk) == before


@pytest.fixture(scope="module")
def cli_demo(migrated, tmp_path_factory) -> Path:
    """A desk file the command line's `demo` filled, once for the module's CLI tests (a third of a second a test)."""
    path = Path(shutil.copy(migrated, tmp_path_factory.mktemp("cli-demo") / "cli.db"))
    home = {"PRESSDESK_HOME": str(path.parent / "home")}
    own = home | dict.fromkeys(["PRESSDESK_DB", "PRESSDESK_REGION", "PRESSDESK_OFFICER", "PRESSDESK_TIMEZONE"])
    loaded = CliRunner().invoke(main, ["--db", str(path), "--officer", "Test Officer", "demo"], env=own)
    assert loaded.exit_code == 0, loaded.output
    return path


@pytest.fixture
def cli(cli_demo, desk_copy):
    """Invoke the CLI on a throwaway copy of that demo desk (file or server); returns (exit code, stdout, stderr)."""
    db = desk_copy(cli_demo, "cli.db")

    def invoke(*args: str):
        result = CliRunner().invoke(main, ["--db", db, "--officer", "Test Officer", *args])
        return result.exit_code, result.stdout, result.stderr

    return invoke


def cli_people(cli, text: str) -> list[dict]:
    """Journalists listed by the CLI for a text."""
    return json.loads(cli("list", "journalists", "--text", text, "--json")[1])


def test_cli_log_with_a_bare_known_name_goes_to_that_journalist(cli):
    code, out, err = cli("log", "--journalist", "Lucy Carrington", "--subject", "x", "--json")
    assert code == 0, err
    assert [p["id"] for p in cli_people(cli, "Carrington")] == [json.loads(out)["journalist_id"]]
    code, out, err = cli("log", "--journalist", "Elodie Marchand", "--outlet", "Le Monde", "--subject", "x", "--json")
    assert code == 0, err
    assert len(cli_people(cli, "Marchand")) == 1 and json.loads(out)["journalist"] == "Élodie Marchand"


def test_cli_ambiguous_name_is_refused_and_journalist_id_chooses(cli):
    cli("log", "--journalist", "Lucy Carrington", "--outlet", "BBC News", "--subject", "first", "--json")
    two = cli_people(cli, "Carrington")
    assert len(two) == 2
    code, _, err = cli("log", "--journalist", "Lucy Carrington", "--subject", "which?")
    assert code == 2
    assert "journalist: 2 journalists are called Lucy Carrington" in err and "--journalist-id" in err
    bbc = next(p for p in two if p["outlet"] == "BBC News")
    code, out, err = cli("log", "--journalist-id", str(bbc["id"]), "--subject", "this one", "--json")
    assert code == 0, err
    assert json.loads(out)["journalist_id"] == bbc["id"]


def test_older_desk_gets_folded_keys_and_keeps_its_search_triggers(tmp_path):
    from alembic import command
    from sqlalchemy import text

    from pressdesk.store import open_desk
    from pressdesk.store.migrate import alembic_config, upgrade

    path = tmp_path / "old.db"
    desk = open_desk(path, migrate=False)
    upgrade(desk, "0003")
    stamp = "'2026-01-01', '2026-01-01', 't'"
    with desk.write() as s:
        s.execute(
            text(
                "INSERT INTO outlet (id, name, name_key, country, kind, website, created_at, updated_at, updated_by,"
                f" version) VALUES (1, 'RTÉ News', 'rté news', '', '', '', {stamp}, 1)"
            )
        )
        s.execute(
            text(
                "INSERT INTO journalist (id, name, outlet_id, role, beat, preferred_channel, notes, created_at,"
                f" updated_at, updated_by, version) VALUES (1, 'Siobhán  Kavanagh', 1, '', '', 'phone', '', {stamp}, 1)"
            )
        )
    desk.dispose()
    desk = open_desk(path)
    with desk.read() as s:
        assert s.execute(text("SELECT name_key FROM journalist")).scalar() == "siobhan kavanagh"
        assert s.execute(text("SELECT name_key FROM outlet")).scalar() == "rte news"
        triggers = s.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")).scalar()
    assert triggers == 21
    before = people(desk)
    with desk.write() as s:
        found = enquiries.log_enquiry(
            s,
            EnquiryCreate(subject="x", journalist="Siobhan Kavanagh", outlet="RTE News"),
            who="t",
            region="GB",
            tz="Europe/London",
        )
        assert found.journalist_id == 1
        contacts.update_journalist(
            s, JournalistUpdate(beat="floods"), who="t", region="GB", journalist_id=1, expected_version=None
        )
    assert people(desk) == before
    assert [p.id for p in journalists_called(desk, "floods")] == [1], "the search index still follows edits"
    command.downgrade(alembic_config(desk), "0004")  # undo this revision (and any made after it)
    with desk.read() as s:
        assert s.execute(text("SELECT name_key FROM outlet")).scalar() == "rté news"
        assert s.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")).scalar() == triggers
    desk.dispose()


def test_a_known_number_with_someone_elses_name_is_refused_at_the_number(demo_desk, settings):
    before = people(demo_desk)
    with pytest.raises(FieldError) as refused:
        log(demo_desk, settings, phone="07823 418562", journalist="Priyanka Shah")
    assert refused.value.field == "phone"
    assert "belongs to Sam (Samantha) Reid, not Priyanka Shah" in refused.value.reason
    assert people(demo_desk) == before
    [sam] = journalists_called(demo_desk, "Samantha")
    assert log(demo_desk, settings, phone="+44 7823 418562", journalist="sam reid") == sam.id
    assert log(demo_desk, settings, phone="+44 7823 418562") == sam.id
