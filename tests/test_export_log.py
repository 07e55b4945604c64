"""The enquiry log export: the rows and their facts, the filters, and every format written and read back."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from html.parser import HTMLParser

import openpyxl
import pytest

from pressdesk.errors import FieldError
from pressdesk.services import exports
from tests.report_desk import NOW, PAYLOADS, TZ, at


@pytest.fixture
def week(week_desk):
    """The hand-counted desk of tests/report_desk.py and its ids (conftest's week_desk)."""
    return week_desk


def rows_of(desk, **typed):
    """The log's rows for a filter typed as the faces would pass it."""
    with desk.read() as s:
        wanted = exports.read_filter(now=NOW, tz=TZ, **typed)
        return list(exports.stream_log(s, wanted, now=NOW))


def export(desk, fmt: str, **typed) -> bytes:
    """The whole log of the filter in a format, as bytes."""
    out = io.BytesIO()
    with desk.read() as s:
        exports.export_log(s, exports.read_filter(now=NOW, tz=TZ, **typed), fmt, out, tz=TZ, now=NOW)
    return out.getvalue()


def test_a_row_carries_the_enquirys_people_times_and_outcomes(week):
    desk, fixture = week
    rows = {r.id: r for r in rows_of(desk)}
    e2 = rows[fixture.ids["E2"]]
    assert (e2.journalist, e2.outlet, e2.email, e2.phone) == ("Ben Bell", "BBC News", "ben@bbc.example", None)
    assert (e2.type, e2.channel, e2.release, e2.officer, e2.status) == (
        "interview",
        "email",
        "Rail report",
        "Jo",
        "done",
    )
    assert (e2.received, e2.deadline) == (at(16, 10), at(17, 10))
    assert (e2.first_response_at, e2.closed_at, e2.minutes_to_first_response) == (at(16, 10, 30), at(17, 11), 30)
    assert (e2.deadline_met, e2.expert, e2.interview_outcome) == ("no", "Dr Lin Xu", "held")
    assert e2.coverage_links == ("https://bbc.example/news/1",)
    e1 = rows[fixture.ids["E1"]]
    assert e1.phone == "+442079460001" and e1.deadline_met == "yes" and e1.minutes_to_first_response == 10
    assert e1.coverage_links == ("Strikes: what next", "https://thetimes.example/strikes")
    e3 = rows[fixture.ids["E3"]]
    assert (e3.expert, e3.interview_outcome, e3.deadline_met) == ("Prof Pat Young", "scheduled", "no")
    e4 = rows[fixture.ids["E4"]]
    assert (e4.outlet, e4.officer, e4.first_response_at, e4.minutes_to_first_response) == (None, "", None, None)
    assert (e4.deadline_met, e4.interview_outcome, e4.coverage_links) == ("none", "", ())
    assert rows[fixture.ids["E5"]].deadline_met == "" and rows[fixture.ids["E5"]].minutes_to_first_response == 20
    assert rows[fixture.ids["E6"]].deadline_met == "none"


def test_rows_come_in_the_order_they_were_received(week):
    desk, fixture = week
    order = ["E8", "E1", "E2", "E3", "E4", "E5", "E6", "E7", "E9"]
    assert [r.id for r in rows_of(desk)] == [fixture.ids[k] for k in order]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ({"from_text": "last week", "to_text": "last week"}, ["E1", "E2", "E3", "E4", "E5", "E6", "E7"]),
        ({"from_text": "today"}, ["E9"]),
        ({"to_text": "last week"}, ["E8", "E1", "E2", "E3", "E4", "E5", "E6", "E7"]),
        ({"from_text": "21/11", "to_text": "21/11"}, []),
        ({"from_text": "17/11", "to_text": "18/11"}, ["E3", "E4"]),
        ({"status": ["done", "declined"]}, ["E1", "E2", "E7"]),
        ({"status": "new,scheduled"}, ["E8", "E3", "E4", "E5", "E9"]),
        ({"officer": "Sam"}, ["E3", "E6"]),
        ({"type": "interview"}, ["E2", "E3"]),
        ({"outlet": "bbc news"}, ["E2", "E6"]),
        ({"open_only": True, "from_text": "last week", "to_text": "last week"}, ["E3", "E4", "E5"]),
    ],
)
def test_filters_choose_the_enquiries(week, typed, expected):
    desk, fixture = week
    assert [r.id for r in rows_of(desk, **typed)] == [fixture.ids[k] for k in expected]


@pytest.mark.parametrize(
    ("typed", "field"),
    [
        ({"from_text": "whenever"}, "from"),
        ({"to_text": "31/4"}, "to"),
        ({"from_text": "today", "to_text": "last week"}, "to"),
        ({"status": "closed"}, "status"),
        ({"type": "gossip"}, "type"),
        ({"outlet": "The Beano"}, "outlet"),
    ],
)
def test_a_filter_that_cannot_be_read_is_refused_naming_the_field(week, typed, field):
    desk, _ = week
    with pytest.raises(FieldError) as refused:
        rows_of(desk, **typed)
    assert refused.value.field == field


def test_progress_is_told_how_far_the_export_has_got(week, monkeypatch):
    desk, _ = week
    monkeypatch.setattr(exports, "PROGRESS_EVERY", 4)
    seen: list[tuple[int, int]] = []
    with desk.read() as s:
        written = exports.export_log(
            s, exports.LogFilter(), "csv", io.BytesIO(), tz=TZ, now=NOW, progress=lambda d, t: seen.append((d, t))
        )
    assert written == 9
    assert seen == [(0, 9), (4, 9), (8, 9), (9, 9)]


# --- formats -----------------------------------------------------------------------------------


def test_csv_has_a_bom_headings_local_times_and_numbers_as_numbers(week):
    desk, fixture = week
    data = export(desk, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert table[0][:3] == ["id", "received", "channel"] and table[0][-4:] == [
        "minutes to first response",
        "deadline met",
        "interview outcome",
        "coverage links",
    ]
    e1 = dict(zip(table[0], table[2], strict=True))
    assert e1["id"] == str(fixture.ids["E1"]) and e1["received"] == "2026-11-16 09:00"
    assert e1["minutes to first response"] == "10" and e1["closed at"] == "2026-11-16 11:00"
    assert e1["coverage links"] == "Strikes: what next\nhttps://thetimes.example/strikes"
    assert len(table) == 10


def test_csv_neutralises_every_formula_payload_and_leaves_other_text_alone(week):
    desk, fixture = week
    table = list(csv.reader(io.StringIO(export(desk, "csv").decode("utf-8-sig"), newline="")))
    subjects = {row[0]: row[table[0].index("subject")] for row in table[1:]}
    for key, payload in PAYLOADS.items():
        assert subjects[str(fixture.ids[key])] == "'" + payload, key
    assert subjects[str(fixture.ids["E7"])] == "Comment on fares"
    phones = {row[0]: row[table[0].index("phone")] for row in table[1:]}
    assert phones[str(fixture.ids["E1"])] == "'+442079460001", "a phone number begins with +: inert too"


def test_xlsx_writes_text_as_text_times_as_dates_with_a_frozen_filtered_heading(week, tmp_path):
    from openpyxl.utils.escape import unescape

    desk, fixture = week
    path = tmp_path / "log.xlsx"
    path.write_bytes(export(desk, "xlsx"))
    sheet = openpyxl.load_workbook(path).active
    headings = [c.value for c in sheet[1]]
    assert headings[:2] == ["id", "received"] and len(headings) == 21
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:U10"
    by_id = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    col = {name: n for n, name in enumerate(headings)}
    for key, payload in PAYLOADS.items():
        cell = by_id[fixture.ids[key]][col["subject"]]
        # A control character is stored as OOXML's _x000D_ escape, which Excel decodes; openpyxl leaves it to us.
        assert cell.data_type == "s" and unescape(cell.value) == payload, key
    e1 = by_id[fixture.ids["E1"]]
    assert e1[col["received"]].value == datetime(2026, 11, 16, 9, 0) and e1[col["received"]].is_date
    assert e1[col["minutes to first response"]].value == 10 and e1[col["id"]].data_type == "n"
    assert e1[col["phone"]].value == "+442079460001"
    assert e1[col["coverage links"]].value == "Strikes: what next\nhttps://thetimes.example/strikes"
    assert by_id[fixture.ids["E4"]][col["first response at"]].value is None


def test_xlsx_cells_hold_no_formula_and_no_hyperlink(week, tmp_path):
    import zipfile

    desk, _ = week
    path = tmp_path / "log.xlsx"
    path.write_bytes(export(desk, "xlsx"))
    with zipfile.ZipFile(path) as book:
        sheet_xml = book.read("xl/worksheets/sheet1.xml").decode()
        assert "<f>" not in sheet_xml and "<f " not in sheet_xml
        assert "hyperlink" not in sheet_xml
        assert not [n for n in book.namelist() if "sheet1.xml.rels" in n]


def test_json_keeps_every_value_exactly_as_stored(week):
    desk, fixture = week
    data = json.loads(export(desk, "json"))
    by_id = {row["id"]: row for row in data}
    for key, payload in PAYLOADS.items():
        assert by_id[fixture.ids[key]]["subject"] == payload
    e2 = by_id[fixture.ids["E2"]]
    assert e2["received"] == "2026-11-16T10:00:00+00:00" and e2["closed_at"] == "2026-11-17T11:00:00+00:00"
    assert e2["minutes_to_first_response"] == 30 and e2["phone"] is None
    assert e2["coverage_links"] == ["https://bbc.example/news/1"]
    assert list(e2)[:3] == ["id", "received", "channel"]


def test_an_empty_log_is_still_a_well_formed_file(week, tmp_path):
    desk, _ = week
    assert json.loads(export(desk, "json", status="withdrawn", type="data")) == []
    table = list(csv.reader(io.StringIO(export(desk, "csv", type="data", status="done").decode("utf-8-sig"))))
    assert len(table) == 1
    path = tmp_path / "empty.xlsx"
    path.write_bytes(export(desk, "xlsx", type="data", status="done"))
    assert [c.value for c in openpyxl.load_workbook(path).active[1]][0] == "id"


class Cells(HTMLParser):
    """The text of every table cell and the tags met."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.tags: set[str] = set()
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def test_html_is_one_self_contained_page_that_shows_every_value_as_text(week):
    desk, fixture = week
    with desk.write() as s:
        from pressdesk.models import Enquiry

        s.get(Enquiry, fixture.ids["E7"]).subject = "<script>alert(1)</script> & <b>bold</b>"
    page = export(desk, "html").decode()
    parser = Cells()
    parser.feed(page)
    assert "script" not in parser.tags and "b" not in parser.tags
    title, headings, *body = parser.rows  # the title sits in a one-cell table (for LibreOffice), then the log
    assert " ".join(title[0].split()) == "Enquiry log Times are local to Europe/London."
    subjects = {row[0]: row[headings.index("subject")] for row in body}
    assert subjects[str(fixture.ids["E7"])] == "<script>alert(1)</script> & <b>bold</b>"
    assert subjects[str(fixture.ids["E1"])] == PAYLOADS["E1"]
    allowed = "html head meta title style body section h1 p table colgroup col thead tbody tr th td br"
    assert parser.tags <= set(allowed.split())
    assert "src=" not in page and "href=" not in page and "url(" not in page and "@import" not in page


def test_markdown_escapes_what_would_break_the_table_or_be_read_as_markup(week):
    desk, fixture = week
    with desk.write() as s:
        from pressdesk.models import Enquiry

        s.get(Enquiry, fixture.ids["E7"]).subject = "a | b *not bold* [link](http://x) <b>"
    text = export(desk, "md").decode()
    lines = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(lines) == 1 + 1 + 9  # headings, rule, rows
    e7 = next(line for line in lines if line.startswith(f"| {fixture.ids['E7']} |"))
    assert r"a \| b \*not bold\* \[link\](http://x) \<b\>" in e7
    unescaped_pipes = [line.replace("\\|", "").count("|") for line in lines]
    assert set(unescaped_pipes) == {22}, "every row has the same 21 cells"


# --- files -------------------------------------------------------------------------------------


def test_an_export_file_appears_whole_or_not_at_all(week, tmp_path):
    desk, _ = week
    target = tmp_path / "log.csv"
    target.write_text("the old export")
    with desk.read() as s:
        written = exports.write_file(target, lambda out: exports.export_log(s, exports.LogFilter(), "csv", out, tz=TZ))
    assert written == 9 and target.read_bytes().startswith(b"\xef\xbb\xbfid,received")

    def breaks(out):
        out.write(b"half a file")
        raise RuntimeError("disk unplugged")

    with pytest.raises(RuntimeError):
        exports.write_file(tmp_path / "log.csv", breaks)
    assert target.read_bytes().startswith(b"\xef\xbb\xbfid,received"), "the last good file stays"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk.db", "log.csv"] or not list(
        tmp_path.glob(".pressdesk-*")
    )


@pytest.mark.parametrize("where", ["folder", "missing"])
def test_an_output_path_that_cannot_be_a_file_is_refused_naming_the_output(tmp_path, where):
    path = tmp_path if where == "folder" else tmp_path / "nowhere" / "log.csv"
    with pytest.raises(FieldError) as refused:
        exports.write_file(path, lambda out: out.write(b"x"))
    assert refused.value.field == "output"


def test_an_xlsx_log_can_be_written_to_a_pipe(week):
    import os
    import threading

    desk, _ = week
    read_end, write_end = os.pipe()
    chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: chunks.extend(iter(lambda: os.read(read_end, 65536), b"")))
    reader.start()
    with desk.read() as s, os.fdopen(write_end, "wb") as pipe:
        exports.export_log(s, exports.LogFilter(), "xlsx", pipe, tz=TZ, now=NOW)
    reader.join()
    os.close(read_end)
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(chunks))).active
    assert sheet.max_row == 10 and sheet["A1"].value == "id"
