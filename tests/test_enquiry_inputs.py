"""Enquiries are created and edited from typed inputs (models/inputs.py): each refusal names the input."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from pressdesk.errors import FieldError
from pressdesk.limits import max_length
from pressdesk.models import Enquiry
from pressdesk.models.inputs import EnquiryCreate, EnquiryUpdate
from pressdesk.services import enquiries
from tests.conftest import DEMO_NOW

GUARDIAN_DESK = "+44 20 3353 2741"  # Sam Reid, The Guardian, on the demo desk
CONTEXT = {"who": "jo", "region": "GB", "tz": "Europe/London", "now": DEMO_NOW}


def count(desk) -> int:
    """How many enquiries the desk holds."""
    with desk.read() as s:
        return s.execute(select(func.count()).select_from(Enquiry)).scalar_one()


@pytest.mark.parametrize(
    ("field", "column"),
    [("subject", "enquiry.subject"), ("journalist", "journalist.name"), ("outlet", "outlet.name")],
)
def test_a_text_too_long_for_its_column_is_refused_naming_the_input(field, column):
    limit = max_length(column)
    with pytest.raises(FieldError) as info:
        EnquiryCreate(**{"subject": "IS-K", field: "x" * (limit + 1)})
    assert info.value.field == field
    assert f"{limit:,} characters" in info.value.reason


def test_a_blank_subject_and_an_unknown_input_are_refused_by_name():
    with pytest.raises(FieldError, match="Enter what the journalist wants") as info:
        EnquiryCreate(subject="  \x07 ")
    assert info.value.field == "subject"
    with pytest.raises(FieldError, match="has no field called subjct") as info:
        EnquiryCreate(subject="IS-K", subjct="typo")
    assert info.value.field == "subjct"


def test_typed_text_is_cleaned_once_before_it_is_stored(desk):
    before = count(desk)
    with desk.write() as s:
        data = EnquiryCreate(subject="\x1b[31mIS-K\x1b[0m update", phone=GUARDIAN_DESK, notes="one\ntwo")
        enquiry_id = enquiries.log_enquiry(s, data, **CONTEXT).id
    with desk.read() as s:
        row = s.get(Enquiry, enquiry_id)
        assert (row.subject, row.notes) == ("IS-K update", "one\ntwo")
    assert count(desk) == before + 1


def test_an_edit_changes_only_what_it_was_given(desk):
    with desk.write() as s:
        data = EnquiryCreate(subject="IS-K", phone=GUARDIAN_DESK, deadline="+2h", priority="high")
        enquiry_id = enquiries.log_enquiry(s, data, **CONTEXT).id
    edit = {"who": "jo", "tz": "Europe/London", "enquiry_id": enquiry_id, "expected_version": None, "now": DEMO_NOW}
    assert EnquiryUpdate(priority="low").changes() == {"priority": "low"}
    with desk.write() as s:
        enquiries.update_enquiry(s, EnquiryUpdate(priority="low"), **edit)
    with desk.read() as s:
        row = s.get(Enquiry, enquiry_id)
        assert row.priority == "low" and row.deadline is not None and row.subject == "IS-K"
    with desk.write() as s:
        enquiries.update_enquiry(s, EnquiryUpdate(deadline=None, subject="IS-K again"), **edit)
    with desk.read() as s:
        row = s.get(Enquiry, enquiry_id)
        assert row.deadline is None and row.subject == "IS-K again" and row.priority == "low"


def test_a_refused_edit_writes_nothing(desk):
    with desk.write() as s:
        data = EnquiryCreate(subject="IS-K", phone=GUARDIAN_DESK, deadline=datetime(2030, 1, 1, tzinfo=UTC))
        enquiry_id = enquiries.log_enquiry(s, data, **CONTEXT).id
    with pytest.raises(FieldError) as info:
        EnquiryUpdate(subject="", priority="low")
    assert info.value.field == "subject"
    with desk.read() as s:
        assert s.get(Enquiry, enquiry_id).priority == "normal"
