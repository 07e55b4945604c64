"""The CSV export's fast path writes, byte for byte, what the log's rows say: clock changes, blanks, payloads, accents.

The expected file is built here the slow, obvious way from `stream_log`'s rows (the rows every other format
writes): astimezone + strftime for times, `safety.neutralise_cell` for every cell, the csv module for quoting.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pressdesk.exchange.export import csv_log
from pressdesk.exchange.export.clock import offset_changes
from pressdesk.exchange.export.columns import COLUMNS, HEADINGS
from pressdesk.exchange.export.safety import neutralise_cell
from pressdesk.models import Coverage, Enquiry, Journalist, Outlet
from pressdesk.services import exports
from tests.conftest import ON_SERVER
from tests.report_desk import NOW, TZ

ZONES = ["Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "America/St_Johns", "UTC"]
TRICKY = [
    ("Zoë Ångström", "Le Monde – Économie", 'Said "hello", then left\nsecond line'),
    ("=cmd|' /C calc'!A0", "@outlet", "line one\r\nline two, with a comma"),
    ("-minus name", "+plus outlet", "  leading spaces and a trailing tab\t"),
]
"""(journalist, outlet, subject) written straight to the desk, past the forms' cleaning, as an old desk holds them."""


def expected_csv(desk, zone: ZoneInfo) -> bytes:
    """The CSV of every enquiry, built from the log's rows without the export's fast path."""
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(HEADINGS)
    with desk.read() as s:
        for row in exports.stream_log(s, exports.LogFilter(), now=NOW):
            cells = []
            for column, value in zip(COLUMNS, row, strict=True):
                if column.kind == "time":
                    value = "" if value is None else value.astimezone(zone).strftime("%Y-%m-%d %H:%M")
                elif column.kind == "links":
                    value = "\n".join(value)
                cells.append("" if value is None else neutralise_cell(value))
            writer.writerow(cells)
    return "\ufeff".encode() + text.getvalue().encode("utf-8")


def row_by_row_csv(desk, zone: ZoneInfo) -> bytes:
    """The CSV as the row-by-row writer makes it from LogRows (the path of databases other than SQLite)."""
    out = io.BytesIO()
    with desk.read() as s:
        csv_log.write_log(exports.stream_log(s, exports.LogFilter(), now=NOW), out, zone=zone)
    return out.getvalue()


def exported_csv(desk, zone: ZoneInfo) -> bytes:
    """What `export enquiries --format csv` writes for every enquiry."""
    out = io.BytesIO()
    with desk.read() as s:
        exports.export_log(s, exports.LogFilter(), "csv", out, tz=zone.key, now=NOW)
    return out.getvalue()


def add_edges(desk, zone: ZoneInfo) -> None:
    """Enquiries whose four times sit on either side of each of the zone's clock changes in 2026, and tricky text."""
    changes = [c for c, _ in offset_changes(datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC), zone)]
    moments = [datetime(2026, 6, 1, 12, 34, 56, 789, tzinfo=UTC), *changes[1:]]
    with desk.write() as s:
        ann = s.get(Enquiry, 1)
        for n, change in enumerate(moments):
            journalist, outlet, subject = TRICKY[n % len(TRICKY)]
            person = Journalist(name=journalist, name_key=f"edge {n}", created_by="t", updated_by="t")
            place = Outlet(name=outlet, name_key=f"edge outlet {n}", created_by="t", updated_by="t")
            s.add_all([person, place])
            s.flush()
            enquiry = Enquiry(
                subject=subject,
                type=ann.type,
                channel=ann.channel,
                status="done",
                officer="Jo",
                journalist_id=person.id,
                outlet_id=place.id,
                received_at=change - timedelta(microseconds=1),
                deadline=change,
                first_response_at=change + timedelta(seconds=59, microseconds=999_999),
                closed_at=change + timedelta(minutes=30),
                created_by="t",
                updated_by="t",
            )
            s.add(enquiry)
            s.flush()
            s.add(Coverage(enquiry_id=enquiry.id, url='=HYPERLINK("http://x","y")', created_by="t", updated_by="t"))
            s.add(Coverage(enquiry_id=enquiry.id, headline='Ça va, "oui"', created_by="t", updated_by="t"))


@pytest.mark.parametrize("tz", ZONES)
def test_the_csv_export_writes_exactly_what_the_rows_say(week_desk, tz):
    zone = ZoneInfo(tz)
    desk, _ids = week_desk
    add_edges(desk, zone)
    written = exported_csv(desk, zone)
    assert written == expected_csv(desk, zone)
    assert written == row_by_row_csv(desk, zone), "PostgreSQL's path (LogRows through csv_cells) agrees"
    table = list(csv.reader(io.StringIO(written.decode("utf-8-sig"), newline="")))
    assert len(table) == 1 + 9 + len(
        offset_changes(datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC), zone)
    )


@pytest.mark.skipif(ON_SERVER, reason="SQLite finishes the cells in SQL; a server desk takes the row-by-row path")
def test_a_sqlite_desk_exports_csv_from_finished_cells_not_row_by_row(week_desk, monkeypatch):
    """Guards the speed of a million-row export (no time can be asserted): SQLite finishes the cells."""
    desk, _ids = week_desk

    def row_by_row(*args, **kwargs):
        raise AssertionError("the CSV export went row by row through LogRows and datetimes")

    monkeypatch.setattr(exports, "stream_log", row_by_row)
    table = list(csv.reader(io.StringIO(exported_csv(desk, ZoneInfo(TZ)).decode("utf-8-sig"), newline="")))
    assert len(table) == 10 and table[1][1] == "2026-11-15 23:59"
