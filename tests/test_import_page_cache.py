"""A big import writes through a page cache big enough for the indexes it grows, and leaves the desk's setting as it
was: with SQLite's 2 MiB default, every batch re-read and re-spilled the same index pages (a third of the write)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressdesk.services.contact_import import import_contacts
from pressdesk.services.contact_import.bulk import IMPORT_PAGE_CACHE_KIB
from tests.conftest import ON_SERVER

pytestmark = pytest.mark.skipif(ON_SERVER, reason="SQLite's page cache")


def cache_kib(session) -> int:
    """The connection's page cache, in KiB (SQLite gives it as a negative number of KiB, or a count of pages)."""
    connection = session.connection()
    pages = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    if pages < 0:
        return -pages
    return pages * connection.exec_driver_sql("PRAGMA page_size").scalar_one() // 1024


@pytest.mark.parametrize("dry_run", [False, True])
def test_an_import_writes_with_a_big_page_cache_and_gives_the_setting_back(empty_desk, tmp_path: Path, dry_run):
    lines = ["Name,Company,Email"] + [f"Reporter {n},Outlet {n % 3},r{n}@example.com" for n in range(30)]
    listed = tmp_path / "list.csv"
    listed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with empty_desk.write() as session:
        before = cache_kib(session)
        during: list[int] = []
        summary = import_contacts(
            session, who="Test Officer", region="GB", files=[listed], dry_run=dry_run, batch=10,
            progress=lambda _rows: during.append(cache_kib(session)),
        )  # fmt: skip
        after = cache_kib(session)
    assert summary.added == 30
    assert during and min(during) >= IMPORT_PAGE_CACHE_KIB > before
    assert after == before


def test_a_failed_import_gives_the_setting_back_too(empty_desk, tmp_path: Path):
    with empty_desk.write() as session:
        before = cache_kib(session)
        with pytest.raises(Exception, match="does not exist"):
            import_contacts(session, who="Test Officer", region="GB", files=[tmp_path / "missing.csv"])
        assert cache_kib(session) == before
