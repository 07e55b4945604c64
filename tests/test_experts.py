"""The expert directory: edits are validated whole, and a refused edit writes nothing."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from pressdesk.cli import main
from pressdesk.services import experts, queries, routing
from pressdesk.services.errors import ConflictError, FieldError


def giustozzi(desk):
    """The seed's expert as listed."""
    with desk.read() as s:
        return next(p for p in queries.list_experts(s) if p.name == "Antonio Giustozzi")


def test_edit_keeps_keywords_tidy_and_records_history(demo_desk):
    before = giustozzi(demo_desk)
    with demo_desk.write() as s:
        experts.update_expert(
            s,
            who="Jamie Hose",
            region="GB",
            expert_id=before.id,
            expected_version=before.version,
            topics=" Afghanistan,taliban , Taliban,, IS-K ",
            blocked_dates="2026-12-28..2027-01-02, 2026-12-24",
            working_hours="08:30-18:00",
            weekly_limit=5,
            media_trained=False,
        )
    after = giustozzi(demo_desk)
    assert after.detail["topics"] == "Afghanistan, taliban, IS-K"
    assert after.detail["weekly_limit"] == 5 and after.detail["media_trained"] is False
    assert after.version == before.version + 1
    with demo_desk.read() as s:
        spans = routing.parse_blocked_dates(s.get(routing.Expert, before.id).blocked_dates)
    assert [a.isoformat() for a, _ in spans] == ["2026-12-28", "2026-12-24"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"working_hours": "nine to five"}, "working hours"),
        ({"blocked_dates": "next tuesday"}, "blocked dates"),
        ({"weekly_limit": -1}, "weekly limit"),
        ({"phones": ["07700 900123"]}, "phone"),
        ({"name": "  "}, "name"),
    ],
)
def test_refused_edit_names_the_field_and_writes_nothing(demo_desk, change, field):
    before = giustozzi(demo_desk)
    with pytest.raises(FieldError) as err, demo_desk.write() as s:
        experts.update_expert(s, who="x", region="GB", expert_id=before.id, topics="changed", **change)
    assert err.value.field == field
    assert giustozzi(demo_desk) == before


def test_stale_edit_refused(demo_desk):
    before = giustozzi(demo_desk)
    with demo_desk.write() as s:
        experts.update_expert(s, who="Priya Shah", region="GB", expert_id=before.id, notes="On leave Friday")
    with pytest.raises(ConflictError, match="changed by Priya Shah"), demo_desk.write() as s:
        experts.update_expert(s, who="x", region="GB", expert_id=before.id, expected_version=before.version, notes="")


def test_cli_experts_edit(tmp_path):
    db = str(tmp_path / "e.db")
    runner = CliRunner()
    runner.invoke(main, ["--db", db, "demo"])
    ok = runner.invoke(main, ["--db", db, "experts", "edit", "Giustozzi", "--languages", "en, it, fa", "--json"])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["detail"]["languages"] == "en, it, fa"
    bad = runner.invoke(main, ["--db", db, "experts", "edit", "Giustozzi", "--hours", "9-5ish", "--topics", "x"])
    assert bad.exit_code != 0 and "working hours:" in bad.stderr
    listed = json.loads(runner.invoke(main, ["--db", db, "list", "experts", "--text", "Giustozzi", "--json"]).stdout)
    assert listed[0]["detail"]["topics"] != "x"
