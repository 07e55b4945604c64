"""Contacts from the command line: import files, review duplicates, merge, archive, media lists, export."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressdesk.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"
FOUR = [str(FIXTURES / n) for n in ("google.csv", "outlook.csv", "apple.vcf", "android.vcf")]


@pytest.fixture
def run(migrated, desk_copy):
    """Invoke the CLI on a throwaway GB desk (file or server); returns (exit code, stdout, stderr)."""
    db = desk_copy(migrated, "contacts.db")

    def invoke(*args: str):
        result = CliRunner().invoke(main, ["--db", db, "--officer", "Test Officer", "--region", "GB", *args])
        return result.exit_code, result.stdout, result.stderr

    return invoke


def imported(run) -> dict:
    """Import the four fixture files; the JSON summary."""
    code, out, err = run("import", "contacts", *FOUR, "--json")
    assert code == 0, err
    return json.loads(out)


def journalists(run) -> dict[str, dict]:
    """Every live journalist by name, as `list journalists --json` gives them."""
    code, out, _ = run("list", "journalists", "--json")
    assert code == 0
    return {p["name"]: p for p in json.loads(out)}


def test_import_four_files_reports_one_record_per_person_and_what_was_rejected(run):
    summary = imported(run)

    assert (summary["added"], summary["merged"], summary["updated"], summary["unchanged"]) == (6, 5, 0, 0)
    assert {"file", "row", "field", "value", "reason"} <= set(summary["rejected"][0])
    bad = {(r["file"], r["row"], r["field"]): r for r in summary["rejected"]}
    assert bad[("google.csv", 4, "E-mail 1 - Value")]["value"] == "priya.shah@theguardian.com."
    assert "dot" in bad[("google.csv", 4, "E-mail 1 - Value")]["reason"]
    assert ("outlook.csv", 3, "Mobile Phone") in bad
    assert summary["review"] and summary["review"][0]["file"] == "outlook.csv"
    assert len(journalists(run)) == 6


def test_import_prints_a_readable_summary(run):
    code, out, _ = run("import", "contacts", *FOUR)

    assert code == 0
    assert "added 6, updated 0, merged 5, unchanged 0, rejected 4, to review 1" in out
    assert "google.csv row 4, E-mail 1 - Value: 'priya.shah@theguardian.com.'" in out


def test_dry_run_reports_the_same_and_stores_nothing(run):
    code, out, _ = run("import", "contacts", *FOUR, "--dry-run", "--json")
    dry = json.loads(out)

    assert code == 0 and dry["dry_run"] is True
    assert journalists(run) == {}
    assert {k: v for k, v in imported(run).items() if k != "dry_run"} == {
        k: v for k, v in dry.items() if k != "dry_run"
    }


def test_import_again_changes_nothing(run):
    imported(run)
    again = imported(run)

    assert (again["added"], again["merged"], again["updated"]) == (0, 0, 0)
    assert again["unchanged"] == 11


def test_import_as_experts(run):
    code, out, _ = run("import", "contacts", FOUR[0], "--as", "experts", "--json")

    assert code == 0 and json.loads(out)["entity"] == "expert"
    code, out, _ = run("list", "experts", "--json")
    assert "Ann Smith" in {p["name"] for p in json.loads(out)}
    assert journalists(run) == {}


def test_a_missing_file_is_one_line_naming_the_field_and_stores_nothing(run, tmp_path):
    code, _, err = run("import", "contacts", FOUR[0], str(tmp_path / "nope.csv"))

    assert code == 2
    assert err.startswith("Error: file:") and len(err.strip().splitlines()) == 1
    assert journalists(run) == {}


def test_duplicates_lists_the_undecided_pair_and_not_duplicate_removes_it_for_good(run):
    imported(run)
    code, out, _ = run("contacts", "duplicates", "--json")
    pairs = json.loads(out)
    assert code == 0 and len(pairs) == 1
    a, b = pairs[0]["a"]["id"], pairs[0]["b"]["id"]
    assert {pairs[0]["a"]["name"], pairs[0]["b"]["name"]} == {"Jo Bloggs", "Sam Reid"}

    code, out, _ = run("contacts", "not-duplicate", str(a), str(b))

    assert code == 0
    assert json.loads(run("contacts", "duplicates", "--json")[1]) == []
    assert json.loads(run("import", "contacts", *FOUR, "--json")[1])["review"] == []


def test_merge_keeps_fields_as_told_and_every_detail_of_both(run):
    imported(run)
    people = journalists(run)
    jo, sam = people["Jo Bloggs"], people["Sam Reid"]

    code, out, err = run("contacts", "merge", str(jo["id"]), str(sam["id"]), "--keep", "name=b", "--json")

    assert code == 0, err
    assert json.loads(out)["kept"] == jo["id"]
    after = journalists(run)
    assert "Jo Bloggs" not in after
    merged = after["Sam Reid"]
    assert merged["id"] == jo["id"]
    assert {"newsdesk@bbc.co.uk", "sam.reid@bbc.co.uk"} <= set(merged["emails"])
    assert json.loads(run("contacts", "duplicates", "--json")[1]) == []


def test_merge_refuses_an_unknown_field_and_changes_nothing(run):
    imported(run)
    people = journalists(run)

    code, _, err = run(
        "contacts", "merge", str(people["Jo Bloggs"]["id"]), str(people["Sam Reid"]["id"]), "--keep", "shoe=b"
    )

    assert code == 2 and err.startswith("Error: keep:")
    assert journalists(run) == people


def test_archive_marks_a_journalist_archived_keeps_them_and_undo_brings_them_back(run, tmp_path):
    imported(run)
    ann = journalists(run)["Ann Smith"]["id"]

    code, out, _ = run("contacts", "archive", str(ann))

    assert code == 0 and "Archived Ann Smith" in out
    assert journalists(run)["Ann Smith"]["detail"]["archived"] is True
    run("export", "contacts", "--format", "csv", "-o", str(tmp_path / "live.csv"))
    assert "Ann Smith" not in (tmp_path / "live.csv").read_text(encoding="utf-8")
    assert run("contacts", "archive", str(ann), "--undo")[0] == 0
    assert journalists(run)["Ann Smith"]["detail"]["archived"] is False


def test_media_list_from_a_filter_and_by_hand_then_exported(run, tmp_path):
    imported(run)
    people = journalists(run)
    code, out, err = run("contacts", "list-create", "BBC people", "--outlet", "BBC News", "--json")
    assert code == 0, err
    assert json.loads(out)["members"] == 2
    ann = str(people["Ann Smith"]["id"])
    assert run("contacts", "list-add", "BBC people", ann)[0] == 0

    target = tmp_path / "bbc.csv"
    code, out, _ = run("export", "contacts", "--list", "BBC people", "--format", "csv", "-o", str(target))

    assert code == 0 and "personal data" in out
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert sorted(r["Name"] for r in rows) == ["Ann Smith", "Jo Bloggs", "Sam Reid"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_export_vcard_to_stdout_and_xlsx_to_a_file(run, tmp_path):
    imported(run)

    code, out, _ = run("export", "contacts", "--format", "vcf", "-o", "-")

    assert code == 0
    assert out.count("BEGIN:VCARD") == 6 and "VERSION:4.0" in out
    target = tmp_path / "all.xlsx"
    assert run("export", "contacts", "--format", "xlsx", "-o", str(target))[0] == 0
    from python_calamine import CalamineWorkbook

    sheet = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
    assert len(sheet) == 7 and "Ann Smith" in {row[0] for row in sheet}


def test_export_help_says_the_file_carries_personal_data(run):
    code, out, _ = run("export", "contacts", "--help")

    assert code == 0 and "personal data" in out


def test_export_of_an_unknown_list_is_refused(run, tmp_path):
    code, _, err = run("export", "contacts", "--list", "nobody", "--format", "csv", "-o", str(tmp_path / "x.csv"))

    assert code == 2 and "nobody" in err
    assert not (tmp_path / "x.csv").exists()
