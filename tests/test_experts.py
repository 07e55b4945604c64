"""The expert directory: edits are validated whole, and a refused edit writes nothing."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from pressdesk.cli import main
from pressdesk.errors import ConflictError, FieldError
from pressdesk.models import Expert
from pressdesk.models.inputs import ExpertUpdate
from pressdesk.services import experts, queries
from pressdesk.validation import expert_fields


def giustozzi(desk):
    """The seed's expert as listed."""
    with desk.read() as s:
        return next(p for p in queries.list_experts(s) if p.name == "Antonio Giustozzi")


def test_edit_keeps_keywords_tidy_and_records_history(demo_desk):
    before = giustozzi(demo_desk)
    with demo_desk.write() as s:
        experts.update_expert(
            s,
            ExpertUpdate(
                topics=" Afghanistan,taliban , Taliban,, IS-K ",
                blocked_dates="2026-12-28..2027-01-02, 2026-12-24",
                working_hours="08:30-18:00",
                weekly_limit=5,
                media_trained=False,
            ),
            who="Jamie Hose",
            region="GB",
            expert_id=before.id,
            expected_version=before.version,
        )
    after = giustozzi(demo_desk)
    assert after.detail["topics"] == "Afghanistan, taliban, IS-K"
    assert after.detail["weekly_limit"] == 5 and after.detail["media_trained"] is False
    assert after.version == before.version + 1
    with demo_desk.read() as s:
        spans = expert_fields.parse_blocked_dates(s.get(Expert, before.id).blocked_dates)
    assert [a.isoformat() for a, _ in spans] == ["2026-12-28", "2026-12-24"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"working_hours": "nine to five"}, "working_hours"),
        ({"blocked_dates": "next tuesday"}, "blocked_dates"),
        ({"weekly_limit": -1}, "weekly_limit"),
        ({"phones": ["07700 900123"]}, "phones"),
        ({"name": "  "}, "name"),
        ({"languages": "en, klingon"}, "languages"),
        ({"languages": "English, Elvish"}, "languages"),
    ],
)
def test_refused_edit_names_the_field_and_writes_nothing(demo_desk, change, field):
    before = giustozzi(demo_desk)
    with pytest.raises(FieldError) as err, demo_desk.write() as s:
        experts.update_expert(s, ExpertUpdate(topics="changed", **change), who="x", region="GB", expert_id=before.id)
    assert err.value.field == field
    assert giustozzi(demo_desk) == before


def test_stale_edit_refused(demo_desk):
    before = giustozzi(demo_desk)
    with demo_desk.write() as s:
        experts.update_expert(
            s, ExpertUpdate(notes="On leave Friday"), who="Priya Shah", region="GB", expert_id=before.id
        )
    with pytest.raises(ConflictError, match="changed by Priya Shah"), demo_desk.write() as s:
        experts.update_expert(
            s, ExpertUpdate(notes=""), who="x", region="GB", expert_id=before.id, expected_version=before.version
        )


def test_cli_experts_edit(template, desk_copy):
    db = desk_copy(template, "e.db")  # the frozen demo desk
    runner = CliRunner()
    ok = runner.invoke(main, ["--db", db, "experts", "edit", "Giustozzi", "--languages", "en, it, fa", "--json"])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["detail"]["languages"] == "en, it, fa"
    bad = runner.invoke(main, ["--db", db, "experts", "edit", "Giustozzi", "--hours", "9-5ish", "--topics", "x"])
    assert bad.exit_code != 0 and "working hours:" in bad.stderr
    listed = json.loads(runner.invoke(main, ["--db", db, "list", "experts", "--text", "Giustozzi", "--json"]).stdout)
    assert listed[0]["detail"]["topics"] != "x"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("en, it, fa", "en, it, fa"),
        ("English, Italian, Farsi", "en, it, fa"),
        ("german; DEU, Deutsch, ger", "de"),
        ("fre, ita", "fr, it"),
        ("Welsh, cymraeg, cy", "cy"),
        ("Modern Greek, greek", "el"),
        ("Yue Chinese, British Sign Language", "yue, bfi"),
        ("pt-BR, Français", "pt, fr"),
        ("en de", "en, de"),
        ("", ""),
    ],
)
def test_languages_are_stored_as_iso_639_codes(demo_desk, typed, stored):
    before = giustozzi(demo_desk)
    with demo_desk.write() as s:
        experts.update_expert(s, ExpertUpdate(languages=typed), who="x", region="GB", expert_id=before.id)
    assert giustozzi(demo_desk).detail["languages"] == stored


@pytest.mark.parametrize("typed", ["klingon", "tlh", "Elvish", "xx", "Old English"])
def test_a_language_nobody_speaks_is_refused_by_name(demo_desk, typed):
    before = giustozzi(demo_desk)
    with pytest.raises(FieldError) as err, demo_desk.write() as s:
        experts.update_expert(s, ExpertUpdate(languages=f"en, {typed}"), who="x", region="GB", expert_id=before.id)
    assert err.value.field == "languages"
    assert err.value.reason == f"“{typed}” is not a language we know; write names or codes such as English, de, cy."
    assert giustozzi(demo_desk) == before


def test_new_experts_have_their_languages_checked(demo_desk):
    from pressdesk.services import contacts

    with demo_desk.write() as s:
        made = contacts.create_expert(s, who="x", region="GB", name="Dr Nia Evans", languages="Welsh, English")
        assert made.languages == "cy, en"
    with pytest.raises(FieldError) as err, demo_desk.write() as s:
        contacts.create_expert(s, who="x", region="GB", name="Dr Worf", languages="klingon")
    assert err.value.field == "languages"


def test_cli_experts_edit_refuses_klingon(template, desk_copy):
    db = desk_copy(template, "e.db")  # the frozen demo desk
    runner = CliRunner()
    bad = runner.invoke(main, ["--db", db, "experts", "edit", "Giustozzi", "--languages", "en, klingon"])
    assert bad.exit_code == 2
    assert bad.stderr.strip() == (
        "Error: languages: “klingon” is not a language we know; write names or codes such as English, de, cy."
    )
