"""The HTML report and log open in LibreOffice with their title on the first page.

LibreOffice (7.4 here) opens an .html file in Writer/Web, whose import gives the page's first paragraph the "HTML"
page style; its PDF export then prints a blank first page and loses that paragraph (the report's title). A page
whose first block is a table escapes this, so both pages start with their title in a one-cell table.
"""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from pressdesk.services import exports, report_files, reports
from tests import report_desk
from tests.report_desk import NOW, TZ, WEEK


class FirstBlock(HTMLParser):
    """The first element inside <body>."""

    def __init__(self) -> None:
        super().__init__()
        self.in_body = False
        self.first: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_body = True
        elif self.in_body and self.first is None:
            self.first = tag


def report_page(desk) -> bytes:
    """The week's report as an HTML page."""
    out = io.BytesIO()
    with desk.read() as s:
        report_files.export_report(s, reports.Period("week", *WEEK, TZ, ""), "html", out, now=NOW)
    return out.getvalue()


def log_page(desk) -> bytes:
    """The enquiry log as an HTML page."""
    out = io.BytesIO()
    with desk.read() as s:
        exports.export_log(s, exports.LogFilter(), "html", out, tz=TZ, now=NOW)
    return out.getvalue()


@pytest.fixture
def week(empty_desk):
    """The hand-counted desk of tests/report_desk.py."""
    report_desk.build(empty_desk)
    return empty_desk


@pytest.mark.parametrize("page", [report_page, log_page])
def test_the_page_starts_with_its_title_in_a_table(week, page):
    parser = FirstBlock()
    parser.feed(page(week).decode())
    assert parser.first == "table"


@pytest.mark.office
def test_libreoffice_prints_the_title_on_page_one_and_draws_the_charts(week, tmp_path):
    """Runs LibreOffice and pdftotext (as issue 9's "done when" does): `make test-office`; it fails where they are
    not installed."""
    assert shutil.which("soffice") and shutil.which("pdftotext"), "needs LibreOffice (soffice) and poppler-utils"
    (tmp_path / "week.html").write_bytes(report_page(week))
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    convert = ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), "week.html"]
    subprocess.run(convert, cwd=tmp_path, capture_output=True, timeout=300, check=True)
    pdf = str(tmp_path / "week.pdf")
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"], capture_output=True, text=True).stdout
    assert " ".join(first.split()).startswith("Press office report: Mon 16 Nov – Sun 22 Nov 2026")
    assert "Enquiries per day" in first, "the first chart is drawn on page 1, its title with it"
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    assert not re.search(r"\d+\.\d{5,}", text), "no coordinates of the SVG's hidden descriptions printed as text"


def test_chart_axis_labels_carry_their_anchor_for_programs_that_skip_pygals_stylesheet(week):
    page = report_page(week).decode()
    by_type = next(
        base64.b64decode(uri).decode()
        for uri in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)" alt="Enquiries by type"', page)
    )
    anchors = {
        label: anchor for anchor, label in re.findall(r'<text [^>]*text-anchor="(\w+)"[^>]*>([^<]+)</text>', by_type)
    }
    assert anchors["interview"] == "end" and anchors["comment"] == "end", "category names end at the axis"
    assert 'class="background" fill="white"' in by_type
