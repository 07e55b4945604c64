"""The desk's rows read by id, as a change in another terminal asks for them: the rows the page would show for those
ids, in the view's order, none that left the view (on SQLite, and on the server under make test-pg-all)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pressdesk.core import Backend
from pressdesk.core.views import DESK_VIEWS, DeskView
from tests.conftest import DEMO_NOW


@pytest.fixture
def core(desk, settings) -> Backend:
    """The demo desk at DEMO_NOW, as one of its officers (some demo enquiries are theirs)."""
    return Backend(desk, replace(settings, officer="Jamie Hose"), clock=lambda: DEMO_NOW)


def every_row(core: Backend, view: DeskView) -> list:
    """The whole view, as the desk's pages read it."""
    return list(core.desk_page(view=view, limit=1000).rows)


@pytest.mark.parametrize("name", DESK_VIEWS)
def test_rows_by_id_are_those_of_the_page_in_its_order(core, name):
    view = DeskView(name)
    shown = every_row(core, view)
    every = every_row(core, DeskView("all"))
    asked = {r.id for r in every[::3]}  # a third of the desk, in and out of this view
    found = core.desk_rows(asked, view=view)
    assert [r.id for r in found.rows] == [r.id for r in shown if r.id in asked]
    assert list(found.rows) == [r for r in shown if r.id in asked], "the same row shape as the page"
    assert found.counts == core.desk_page(view=view).counts


def test_an_enquiry_closed_leaves_the_open_view_and_one_logged_joins_it(core):
    view = DeskView("open")
    first = every_row(core, view)[0]
    core.mark_done(first.id)
    made = core.log_call(subject="Rows by id", journalist="Ann Other", deadline="+1h")
    found = core.desk_rows({first.id, made}, view=view)
    assert [r.id for r in found.rows] == [made]
    assert found.counts.open == core.desk_page(view=view).counts.open


def test_rows_reassigned_away_leave_mine(core):
    mine = every_row(core, DeskView("mine"))
    assert mine, "the demo gives the test officer enquiries"
    core.assign(mine[0].id, "Someone Else")
    assert [r.id for r in core.desk_rows({mine[0].id}, view=DeskView("mine")).rows] == []


def test_no_ids_read_no_rows(core):
    assert core.desk_rows(set()).rows == ()


@pytest.mark.parametrize("name", DESK_VIEWS)
def test_the_views_order_key_orders_rows_as_the_page_does(core, name):
    view = DeskView(name)
    shown = every_row(core, view)
    assert len(shown) > 1, f"the demo has rows in {name}"
    assert sorted(shown, key=view.order_key) == shown
