"""`pressdesk report`, `pressdesk export enquiries` and `pressdesk export report` on the hand-counted week.

The desk is tests/report_desk.py (Mon 16 – Sun 22 Nov 2026 in London); the clock stands at its "now", Mon 23 Nov
09:00, so "last week" is that week. Every file written is read back with the reader people's programs use.
"""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

import openpyxl
import pytest
from click.testing import CliRunner
from freezegun import freeze_time

from pressdesk.cli import main
from tests import report_desk
from tests.report_desk import NOW, PAYLOADS

WEEK = ("--from", "last week", "--to", "last week")


@pytest.fixture
def week(built_week, desk_copy) -> tuple[str, report_desk.Desk]:
    """A private copy of the hand-counted week's desk (file or server), closed so the command line opens it itself."""
    path, fixture = built_week
    return desk_copy(path), fixture


@pytest.fixture
def cli(tmp_path):
    """Run pressdesk on a desk, in London, with the clock at the fixture's now."""
    runner = CliRunner()

    def run(db: str, *args: str):
        env = {"PRESSDESK_OFFICER": "Jo", "PRESSDESK_REGION": "GB", "PRESSDESK_TIMEZONE": "Europe/London"}
        with freeze_time(NOW):
            return runner.invoke(main, ["--db", str(db), *args], env=env, catch_exceptions=False)

    return run


def csv_rows(data: bytes) -> list[dict[str, str]]:
    """The rows of a CSV export, read as a spreadsheet program would (the BOM removed)."""
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_export_enquiries_csv_holds_the_weeks_enquiries_with_formulas_inert(week, cli, tmp_path):
    db, fixture = week
    out = tmp_path / "week.csv"
    result = cli(db, "export", "enquiries", "--format", "csv", *WEEK, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"Wrote 7 enquiries to {out}."
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM, for Excel"
    rows = csv_rows(data)
    assert [int(r["id"]) for r in rows] == [fixture.ids[f"E{n}"] for n in range(1, 8)]
    subjects = {r["id"]: r["subject"] for r in rows}
    for key, payload in PAYLOADS.items():
        assert subjects[str(fixture.ids[key])] == "'" + payload, key


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (("--type", "interview"), ["E2", "E3"]),
        (("--officer", "Sam"), ["E3", "E6"]),
        (("--outlet", "the times"), ["E1", "E3", "E5"]),
        (("--status", "done,declined"), ["E1", "E2", "E7"]),
        (("--open",), ["E3", "E4", "E5"]),
    ],
)
def test_export_enquiries_filters_choose_the_rows(week, cli, tmp_path, options, expected):
    db, fixture = week
    out = tmp_path / "chosen.csv"
    result = cli(db, "export", "enquiries", *WEEK, *options, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [int(r["id"]) for r in csv_rows(out.read_bytes())] == [fixture.ids[k] for k in expected]


def test_export_enquiries_json_to_stdout_keeps_values_as_stored(week, cli):
    db, fixture = week
    result = cli(db, "export", "enquiries", "--format", "json", *WEEK, "-o", "-")
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in json.loads(result.stdout_bytes)}
    assert len(rows) == 7
    assert rows[fixture.ids["E2"]]["subject"] == PAYLOADS["E2"], "JSON keeps the payload exactly"
    assert rows[fixture.ids["E2"]]["minutes_to_first_response"] == 30


def test_export_enquiries_xlsx_is_read_back_with_text_as_text(week, cli, tmp_path):
    db, fixture = week
    out = tmp_path / "week.xlsx"
    assert cli(db, "export", "enquiries", "--format", "xlsx", *WEEK, "-o", str(out)).exit_code == 0
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "id" and len(rows) == 8
    e1 = next(r for r in rows[1:] if r[0] == fixture.ids["E1"])
    assert e1[8] == PAYLOADS["E1"], "the formula is written as text"
    assert sheet["I2"].data_type == "s"


class _Text(HTMLParser):
    """The text of an HTML page and whether it holds any script."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.add(tag)

    def handle_data(self, data) -> None:
        self.text.append(data)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_export_enquiries_md_and_html_carry_every_row(week, cli, tmp_path, fmt):
    db, fixture = week
    out = tmp_path / f"week.{fmt}"
    assert cli(db, "export", "enquiries", "--format", fmt, *WEEK, "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    if fmt == "html":
        page = _Text()
        page.feed(text)
        assert "script" not in page.tags
        text = "".join(page.text)
    assert "Comment on fares" in text and PAYLOADS["E2"] in text


def test_report_prints_the_hand_counted_figures_and_tables(week, cli):
    db, _ = week
    result = cli(db, "report", *WEEK)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Press office report: Mon 16 Nov – Sun 22 Nov 2026"
    assert "Enquiries received     7" in lines
    assert "Median first response  25 min" in lines
    by_type = lines.index("By type")
    assert lines[by_type + 3].split() == ["comment", "3", "1", "2"]


def test_report_json_has_the_issues_keys_and_figures(week, cli):
    db, _ = week
    result = cli(db, "report", *WEEK, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == [
        "period",
        "totals",
        "by_day",
        "by_type",
        "by_outlet",
        "by_channel",
        "by_release",
        "by_expert",
        "by_officer",
        "response",
        "deadlines",
        "interviews",
        "coverage",
        "busiest_journalists",
    ]
    assert data["totals"]["enquiries"] == 7 and data["totals"]["open"] == 3
    assert data["deadlines"]["met"] == 1 and data["deadlines"]["missed"] == 2
    assert data["response"]["overall"]["median_minutes"] == 25
    assert data["period"]["start"].startswith("2026-11-16")


def test_report_period_names_the_current_week(week, cli):
    db, _ = week
    data = json.loads(cli(db, "report", "--period", "week", "--json").stdout)
    assert data["period"]["label"] == "week" and data["period"]["start"].startswith("2026-11-23")
    assert data["totals"]["enquiries"] == 1, "only E9 came in this week so far"


def test_an_empty_period_gives_an_empty_report(week, cli):
    db, _ = week
    result = cli(db, "report", "--from", "1/1/2026", "--to", "2/1/2026", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["totals"]["enquiries"] == 0


@pytest.mark.parametrize("fmt", ["xlsx", "html", "md"])
def test_export_report_writes_each_format(week, cli, tmp_path, fmt):
    db, _ = week
    out = tmp_path / f"report.{fmt}"
    result = cli(db, "export", "report", "--format", fmt, *WEEK, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"Wrote the report of Mon 16 Nov – Sun 22 Nov 2026 to {out}."
    if fmt == "xlsx":
        book = openpyxl.load_workbook(out)
        assert book.sheetnames[0] == "Summary" and book.sheetnames[-1] == "Enquiry log"
        assert book["Enquiry log"].max_row == 8
    else:
        text = out.read_text(encoding="utf-8")
        assert "By type" in text and "Busiest journalists" in text
        if fmt == "html":
            assert 'src="data:image/svg+xml;base64,' in text and "http://" not in text


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("export", "enquiries", "--from", "someday"), "from"),
        (("export", "enquiries", "--from", "today", "--to", "friday"), "to"),
        (("export", "enquiries", "--status", "lost"), "status"),
        (("export", "enquiries", "--type", "gossip"), "type"),
        (("export", "enquiries", "--outlet", "Nowhere Gazette"), "outlet"),
        (("export", "enquiries", "--format", "pdf"), "format"),
        (("export", "report", "--period", "year"), "period"),
        (("export", "report", "--format", "csv"), "format"),
        (("export", "report", "--to", "friday"), "from"),
    ],
)
def test_bad_input_is_one_line_naming_the_option_and_writes_nothing(week, cli, tmp_path, args, field):
    db, _ = week
    out = tmp_path / "out.file"
    result = cli(db, *args, "-o", str(out))
    assert result.exit_code != 0
    assert result.stderr.startswith(f"Error: {field}:"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists() and list(tmp_path.glob(".pressdesk-*")) == []


def test_report_refuses_a_date_it_cannot_read(week, cli):
    db, _ = week
    result = cli(db, "report", "--from", "someday")
    assert result.exit_code != 0 and result.stderr.startswith("Error: from:")


def test_export_to_a_missing_folder_names_the_output(week, cli, tmp_path):
    db, _ = week
    result = cli(db, "export", "enquiries", "-o", str(tmp_path / "nowhere" / "x.csv"))
    assert result.exit_code != 0 and result.stderr.startswith("Error: output:")


def test_the_xlsx_log_prints_two_pages_wide_with_headings_and_ids_on_every_page(week, cli, tmp_path):
    db, _ = week
    out = tmp_path / "week.xlsx"
    assert cli(db, "export", "enquiries", "--format", "xlsx", *WEEK, "-o", str(out)).exit_code == 0
    sheet = openpyxl.load_workbook(out).active
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (2, 0), "21 columns on two pages across"
    assert sheet.print_title_rows == "$1:$1" and sheet.print_title_cols == "$A:$A"


def test_the_xlsx_log_wraps_long_text_in_rows_tall_enough_to_show_it(week, cli, tmp_path):
    db, fixture = week
    out = tmp_path / "week.xlsx"
    assert cli(db, "export", "enquiries", "--format", "xlsx", *WEEK, "-o", str(out)).exit_code == 0
    sheet = openpyxl.load_workbook(out).active
    heading = [c.value for c in sheet[1]]
    subject, links = heading.index("subject") + 1, heading.index("coverage links") + 1
    assert sheet.cell(2, subject).alignment.wrap_text, "long text wraps in its column instead of running over"
    e1 = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == fixture.ids["E1"])
    lines = sheet.cell(e1, links).value.count("\n") + 1
    assert lines == 2 and sheet.row_dimensions[e1].height >= 15 * lines, "both of E1's coverage links show"
