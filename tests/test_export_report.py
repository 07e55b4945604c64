"""The report as files: XLSX with native charts and the log last, one self-contained HTML page, Markdown tables."""

from __future__ import annotations

import base64
import io
import re
import zipfile
from html.parser import HTMLParser

import openpyxl
import pytest

from pressdesk.errors import FieldError
from pressdesk.models import Outlet
from pressdesk.services import report_files, reports
from tests.report_desk import NOW, PAYLOADS, TZ, WEEK

EVIL_OUTLET = '=HYPERLINK("http://x","y") <img src=x onerror=alert(1)> | *x*'


@pytest.fixture
def desk(week_desk):
    """The hand-counted week, with The Guardian renamed to a payload (its one enquiry is E7)."""
    desk, _ids = week_desk
    with desk.write() as s:
        s.exec(Outlet.__table__.update().where(Outlet.name == "The Guardian").values(name=EVIL_OUTLET))
    return desk


def write(desk, fmt: str, start=WEEK[0], end=WEEK[1], **options) -> bytes:
    """The report of a span in a format, as bytes."""
    period = reports.Period("week", start, end, TZ, "")
    out = io.BytesIO()
    with desk.read() as s:
        report_files.export_report(s, period, fmt, out, now=NOW, **options)
    return out.getvalue()


def test_xlsx_has_a_summary_with_native_charts_a_sheet_per_table_and_the_log_last(desk, tmp_path):
    path = tmp_path / "report.xlsx"
    path.write_bytes(write(desk, "xlsx"))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == "Summary" and book.sheetnames[-1] == "Enquiry log"
    assert "By type" in book.sheetnames and "Interviews per expert" in book.sheetnames
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(min_row=4, max_col=2, values_only=True) if row[0]}
    assert summary["Enquiries received"] == "7" and summary["Median first response"] == "25 min"
    by_type = list(book["By type"].iter_rows(values_only=True))
    assert by_type == [
        ("Type", "Enquiries", "Open", "Closed"),
        ("comment", 3, 1, 2),
        ("interview", 2, 1, 1),
        ("data", 1, 1, 0),
        ("information", 1, 0, 1),
    ]
    log = book["Enquiry log"]
    assert log.max_row == 8, "the week's seven enquiries under the headings"
    assert log.freeze_panes == "A2"
    with zipfile.ZipFile(path) as z:
        charts = sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
        kinds = [re.search(r"<c:(\w+Chart)>", z.read(n).decode()).group(1) for n in charts]
    assert sorted(kinds) == ["barChart", "barChart", "barChart", "doughnutChart"]


def test_xlsx_writes_names_from_the_desk_as_text(desk, tmp_path):
    path = tmp_path / "report.xlsx"
    path.write_bytes(write(desk, "xlsx"))
    book = openpyxl.load_workbook(path)
    outlets = {row[0].value: row[0] for row in book["By outlet"].iter_rows(min_row=2)}
    assert outlets[EVIL_OUTLET].data_type == "s"
    subjects = [row[8] for row in book["Enquiry log"].iter_rows(min_row=2)]
    assert [c.data_type for c in subjects] == ["s"] * 7 and subjects[0].value == PAYLOADS["E1"]
    with zipfile.ZipFile(path) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any("<f>" in xml or "<hyperlink" in xml for xml in sheets)


class Page(HTMLParser):
    """The tags, attributes, headings and table cells of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.cells: list[str] = []
        self.h2: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag in ("td", "th", "h2"):
            self._text = []

    def handle_endtag(self, tag):
        if tag in ("td", "th", "h2") and self._text is not None:
            (self.h2 if tag == "h2" else self.cells).append("".join(self._text))
            self._text = None

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


def chart_images(parsed: Page) -> list[tuple[str, str]]:
    """(alt text, SVG) of each image of the page; AssertionError for an image that is not an SVG held in the page."""
    images = []
    sources = [value for name, value in parsed.attrs if name == "src"]
    alts = [value for name, value in parsed.attrs if name == "alt"]
    for source, alt in zip(sources, alts, strict=True):
        assert source.startswith("data:image/svg+xml;base64,"), source[:40]
        images.append((alt, base64.b64decode(source.split(",", 1)[1]).decode("utf-8")))
    assert len(images) == parsed.tags.count("img")
    return images


def test_html_is_one_self_contained_page_with_svg_charts_and_every_table(desk):
    page = write(desk, "html").decode()
    parsed = Page()
    parsed.feed(page)
    charts = chart_images(parsed)
    assert [title for title, _svg in charts] == [
        "Enquiries per day",
        "Enquiries by type",
        "Deadlines",
        "Interviews per expert",
    ]
    assert all(svg.startswith("<svg") and "<script" not in svg and "href" not in svg for _title, svg in charts)
    assert not {"script", "link", "iframe", "object", "embed", "image", "use", "svg"} & set(parsed.tags)
    names = {name for name, _value in parsed.attrs}
    assert not {"href", "xlink:href", "srcset", "onerror"} & names
    assert "url(" not in page and "@import" not in page and "file://" not in page
    assert parsed.h2[:3] == ["Enquiries per day", "By type", "By channel"]
    assert EVIL_OUTLET in parsed.cells, "shown as text, escaped"
    assert "@media print" in page and "break-before: page" in page


def test_html_report_can_carry_the_log_on_its_own_pages(desk):
    page = write(desk, "html", with_log=True).decode()
    parsed = Page()
    parsed.feed(page)
    assert parsed.h2[-1] == "Enquiry log"
    assert PAYLOADS["E1"] in parsed.cells


def test_markdown_has_the_same_tables_escaped(desk):
    text = write(desk, "md").decode()
    assert "| comment | 3 | 1 | 2 |" in text
    assert "## Busiest journalists" in text and "- **Deadlines met**: 33% (1 of 3)" in text
    assert r'=HYPERLINK("http://x","y") \<img src=x onerror=alert(1)\> \| \*x\*' in text


@pytest.mark.parametrize("fmt", ["xlsx", "html", "md"])
def test_an_empty_period_writes_an_empty_report_in_every_format(desk, fmt, tmp_path):
    data = write(desk, fmt, start=WEEK[1].replace(month=12), end=WEEK[1].replace(month=12, day=30))
    if fmt == "xlsx":
        path = tmp_path / "empty.xlsx"
        path.write_bytes(data)
        book = openpyxl.load_workbook(path)
        assert list(book["By type"].iter_rows(values_only=True)) == [("Type", "Enquiries", "Open", "Closed")]
        assert book["Enquiry log"].max_row == 1
    elif fmt == "html":
        parsed = Page()
        parsed.feed(data.decode())
        assert len(chart_images(parsed)) == 1, "only the chart of the days (all zero) has anything to draw"
    else:
        assert "None in this period." in data.decode()


def test_an_unknown_format_is_refused_naming_the_field(desk):
    with pytest.raises(FieldError) as refused:
        write(desk, "pdf")
    assert refused.value.field == "format"
