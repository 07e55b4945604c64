"""The desk's views page by page: every enquiry of a view once, in its order, however small the pages; and the
export filter of a view holds the same enquiries."""

from __future__ import annotations

import pytest

from pressdesk.errors import FieldError
from pressdesk.services import desk_views, exports
from tests.conftest import DEMO_NOW

TZ = "Europe/London"
ME = "Jamie Hose"


def pages(desk, view: str, size: int, **narrowing) -> list[int]:
    """Every id of a view, read `size` rows at a time from each page's cursor."""
    ids: list[int] = []
    after = None
    with desk.read() as s:
        while True:
            found = desk_views.view_page(s, view, me=ME, after=after, limit=size, now=DEMO_NOW, tz=TZ, **narrowing)
            ids += [row.id for row, _ in found]
            if len(found) < size:
                return ids
            after = found[-1][1]


@pytest.fixture
def desk(template, tmp_path):
    """A copy of the demo desk loaded at DEMO_NOW."""
    import shutil

    from pressdesk.store import open_desk

    shutil.copy(template, tmp_path / "views.db")
    opened = open_desk(tmp_path / "views.db")
    yield opened
    opened.dispose()


@pytest.mark.parametrize("view", ["open", "mine", "overdue", "closed today", "all"])
def test_small_pages_give_the_same_rows_as_one_big_page(desk, view):
    whole = pages(desk, view, 1000)
    assert pages(desk, view, 3) == whole
    assert len(set(whole)) == len(whole)


def test_each_view_holds_what_its_name_says(desk):
    with desk.read() as s:
        rows = {r.id: r for r, _ in desk_views.view_page(s, "all", me=ME, limit=1000, now=DEMO_NOW, tz=TZ)}
    open_ids = {i for i, r in rows.items() if r.status in ("new", "triaged", "routed", "scheduled")}
    assert set(pages(desk, "open", 1000)) == open_ids
    assert set(pages(desk, "mine", 1000)) == {i for i in open_ids if rows[i].officer == ME}
    overdue = set(pages(desk, "overdue", 1000))
    assert overdue and overdue == {i for i in open_ids if rows[i].deadline is not None and rows[i].deadline < DEMO_NOW}
    received = [rows[i].received_at for i in pages(desk, "all", 1000)]
    assert received == sorted(received, reverse=True)


@pytest.mark.parametrize("view", ["open", "mine", "overdue", "closed today", "all"])
def test_the_export_of_a_view_holds_the_views_enquiries(desk, view):
    wanted = desk_views.view_filter(view, me=ME, type="interview", now=DEMO_NOW, tz=TZ)
    with desk.read() as s:
        exported = {row.id for row in exports.stream_log(s, wanted, now=DEMO_NOW)}
    assert exported == set(pages(desk, view, 1000, type="interview"))


def test_an_unknown_view_or_outlet_is_refused_naming_it(desk):
    with pytest.raises(FieldError) as view:
        desk_views.read_view("yesterday")
    assert view.value.field == "view"
    with desk.read() as s, pytest.raises(FieldError) as outlet:
        desk_views.read_narrowing(s, outlet="Nowhere Gazette")
    assert outlet.value.field == "outlet"
