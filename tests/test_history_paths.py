"""The two ways a record is written (services/activity.py): add it with its history, or change it with its history."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from pressdesk.errors import ConflictError
from pressdesk.models import Activity, Outlet, Statement
from pressdesk.services import activity, outlets


def history_of(s, entity: str, entity_id: int) -> list[Activity]:
    """The history rows of one record, oldest first."""
    query = select(Activity).where(Activity.entity == entity, Activity.entity_id == entity_id).order_by(Activity.id)
    return list(s.execute(query).scalars())


def test_an_added_row_has_its_id_and_one_history_row_that_can_name_it(desk):
    with desk.write() as s:
        row = Statement(title="Our line", body="We do not comment.", updated_by="jo")
        added = activity.add(s, row, who="jo", entity="statement", summary=lambda r: f"Added statement {r.id}")
        statement_id = added.id
    assert statement_id is not None
    with desk.read() as s:
        (line,) = history_of(s, "statement", statement_id)
        assert (line.who, line.action, line.summary) == ("jo", "create", f"Added statement {statement_id}")


def test_a_change_bumps_the_version_and_records_old_and_new(desk):
    with desk.write() as s:
        outlet = outlets.create_outlet(s, who="jo", name="The Quill")
        outlet_id, version = outlet.id, outlet.version
    with desk.write() as s:
        row = s.get(Outlet, outlet_id)
        changes = activity.change(
            s,
            row,
            {"website": "https://quill.example"},
            who="sam",
            entity="outlet",
            action="update",
            summary=lambda changed: "Edited " + ", ".join(changed),
            expected_version=version,
        )
    assert changes == {"website": ["", "https://quill.example"]}
    with desk.read() as s:
        row = s.get(Outlet, outlet_id)
        assert (row.version, row.updated_by, row.website) == (version + 1, "sam", "https://quill.example")
        last = history_of(s, "outlet", outlet_id)[-1]
        assert last.summary == "Edited website" and json.loads(last.changes) == changes


def test_a_stale_change_is_refused_naming_the_record_and_writes_nothing(desk):
    with desk.write() as s:
        outlet_id = outlets.create_outlet(s, who="jo", name="The Quill").id
    with desk.write() as s, pytest.raises(ConflictError) as info:
        row = s.get(Outlet, outlet_id)
        activity.change(
            s, row, {"website": "https://x.example"}, who="sam", entity="outlet", action="update",
            summary="Edited", expected_version=row.version - 1,
        )  # fmt: skip
    assert "outlet" in info.value.message
    with desk.read() as s:
        assert s.get(Outlet, outlet_id).website == ""
        assert len(history_of(s, "outlet", outlet_id)) == 1
