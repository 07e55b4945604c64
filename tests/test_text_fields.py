"""Every text field a person fills is cleaned one way and held to its declared length, whoever calls the service."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from pressdesk.errors import FieldError
from pressdesk.limits import max_length
from pressdesk.models import Activity, Enquiry, Expert, Journalist, Outlet
from pressdesk.models.inputs import EnquiryCreate, EnquiryUpdate, ExpertUpdate, JournalistUpdate
from pressdesk.services import contacts, coverage, enquiries, experts, interviews, releases, routing, statements
from tests.conftest import DEMO_NOW

GUARDIAN_DESK = "+44 20 3353 2741"  # Sam Reid, The Guardian, on the demo desk
ESCAPED = "\x1b[31mRed\x1b[0m and ^[1mbold^[0m\x07"
"""Escape codes as a terminal sends them, and as Textual hands a pasted ESC over (as '^')."""
CLEANED = "Red and bold"


def log(s, **fields):
    """Log an enquiry from a known caller, with these fields changed."""
    values = {"subject": "IS-K", "phone": GUARDIAN_DESK, **fields}
    return enquiries.log_enquiry(s, EnquiryCreate(**values), who="jo", region="GB", tz="Europe/London", now=DEMO_NOW)


def new_journalist(s, **fields):
    """Create a journalist with these fields."""
    return contacts.create_journalist(s, who="jo", region="GB", **{"name": "Ann Smith", **fields})


def new_expert(s, **fields):
    """Create an expert with these fields."""
    return contacts.create_expert(s, who="jo", region="GB", **{"name": "Dr Ann Smith", **fields})


def edit_journalist(s, **fields):
    """Edit journalist 1."""
    return contacts.update_journalist(
        s, JournalistUpdate(**fields), who="jo", region="GB", journalist_id=1, expected_version=None
    )


def edit_expert(s, **fields):
    """Edit expert 1."""
    return experts.update_expert(s, ExpertUpdate(**fields), who="jo", region="GB", expert_id=1)


def read(row, attr: str) -> Callable:
    """A reader of one attribute of a row, in a later session."""
    return lambda s: getattr(s.get(type(row), row.id), attr)


def outlet_of(row, _attr: str = "") -> Callable:
    """A reader of the outlet name of a row with outlet_id."""
    return lambda s: s.get(Outlet, s.get(type(row), row.id).outlet_id).name


def caller_of(enquiry, _attr: str = "") -> Callable:
    """A reader of the name of an enquiry's journalist."""
    return lambda s: s.get(Journalist, enquiry.journalist_id).name


def edit_enquiry(s, **fields):
    """Edit enquiry 1."""
    return enquiries.update_enquiry(
        s, EnquiryUpdate(**fields), who="jo", tz="Europe/London", enquiry_id=1, expected_version=None
    )


def last_note(enquiry) -> Callable:
    """A reader of the text of an enquiry's last note (after its stamp)."""
    return lambda s: s.get(Enquiry, enquiry.id).notes.splitlines()[-1].split("] ", 1)[1]


def decline(s, reason: str) -> Callable:
    """Decline a fresh interview request with a reason; a reader of the request's notes."""
    request = routing.route_enquiry(s, who="jo", enquiry_id=log(s).id, expert_id=1, force=True)
    interviews.decline(s, who="jo", request_id=request.id, reason=reason, now=DEMO_NOW)
    return read(request, "notes")


def add_coverage(s, **fields):
    """Link coverage to enquiry 5."""
    return coverage.add_coverage(s, who="jo", enquiry_id=5, now=DEMO_NOW, **{"headline": "x", **fields})


def statement(s, **fields):
    """Store a statement."""
    return statements.create_statement(s, who="jo", **{"title": "Line", "body": "Words.", **fields})


def release(s, **fields):
    """Store a release."""
    return releases.create_release(s, who="jo", region="GB", **{"title": "T", **fields}).release


def press_contact(s, **fields):
    """Store a press contact."""
    return contacts.create_press_contact(s, who="jo", region="GB", **{"name": "Jo Bloggs", **fields})


def assign(s, officer):
    """Assign enquiry 1."""
    return enquiries.assign(s, who="jo", enquiry_id=1, officer=officer)


def via(write, attr: str, reader=read, **others) -> Callable:
    """A case's writer: write(session, attr=value, **others), then read attr (or the reader's choice) back."""
    key = attr.replace(" ", "_")
    return lambda s, v: reader(write(s, **{key: v, **others}), key)


# (case, column whose limit applies, field the refusal names, write(session, value) -> reader(session) -> str)
CASES: list[tuple[str, str, str, Callable]] = [
    ("log subject", "enquiry.subject", "subject", via(log, "subject")),
    ("log officer", "enquiry.officer", "officer", via(log, "officer")),
    ("log notes", "enquiry.notes", "notes", via(log, "notes")),
    ("log outlet", "outlet.name", "outlet", via(log, "outlet", outlet_of, phone="", journalist="New One")),
    ("log new caller", "journalist.name", "journalist", via(log, "journalist", caller_of, phone="")),
    ("assign", "enquiry.officer", "officer", via(assign, "officer")),
    ("edit subject", "enquiry.subject", "subject", via(edit_enquiry, "subject")),
    ("edit officer", "enquiry.officer", "officer", via(edit_enquiry, "officer")),
    ("note", "enquiry.notes", "note", lambda s, v: last_note(enquiries.add_note(s, who="jo", enquiry_id=1, text=v))),
    ("journalist name", "journalist.name", "name", via(new_journalist, "name")),
    ("journalist role", "journalist.role", "role", via(new_journalist, "role")),
    ("journalist beat", "journalist.beat", "beat", via(new_journalist, "beat")),
    ("journalist notes", "journalist.notes", "notes", via(new_journalist, "notes")),
    ("journalist outlet", "outlet.name", "outlet", via(new_journalist, "outlet", outlet_of)),
    ("edit journalist name", "journalist.name", "name", via(edit_journalist, "name")),
    ("edit journalist role", "journalist.role", "role", via(edit_journalist, "role")),
    ("edit journalist beat", "journalist.beat", "beat", via(edit_journalist, "beat")),
    ("edit journalist notes", "journalist.notes", "notes", via(edit_journalist, "notes")),
    ("edit journalist outlet", "outlet.name", "outlet", via(edit_journalist, "outlet", outlet_of)),
    ("expert name", "expert.name", "name", via(new_expert, "name")),
    ("expert honorific", "expert.honorific", "honorific", via(new_expert, "honorific")),
    ("expert title", "expert.title", "title", via(new_expert, "title")),
    ("expert affiliation", "expert.affiliation", "affiliation", via(new_expert, "affiliation")),
    ("expert topics", "expert.topics", "topics", via(new_expert, "topics")),
    ("expert conflicts", "expert.conflicts", "conflicts", via(new_expert, "conflicts")),
    ("expert notes", "expert.notes", "notes", via(new_expert, "notes")),
    ("edit expert name", "expert.name", "name", via(edit_expert, "name")),
    ("edit expert honorific", "expert.honorific", "honorific", via(edit_expert, "honorific")),
    ("edit expert title", "expert.title", "title", via(edit_expert, "title")),
    ("edit expert affiliation", "expert.affiliation", "affiliation", via(edit_expert, "affiliation")),
    ("edit expert topics", "expert.topics", "topics", via(edit_expert, "topics")),
    ("edit expert conflicts", "expert.conflicts", "conflicts", via(edit_expert, "conflicts")),
    ("edit expert notes", "expert.notes", "notes", via(edit_expert, "notes")),
    ("press contact name", "press_contact.name", "name", via(press_contact, "name")),
    ("press contact organisation", "press_contact.organisation", "organisation", via(press_contact, "organisation")),
    ("coverage outlet", "outlet.name", "outlet", via(add_coverage, "outlet", outlet_of)),
    ("coverage headline", "coverage.headline", "headline", via(add_coverage, "headline")),
    ("coverage note", "coverage.note", "note", via(add_coverage, "note")),
    ("decline reason", "interview_request.notes", "reason", decline),
    ("statement title", "statement.title", "title", via(statement, "title")),
    ("statement body", "statement.body", "body", via(statement, "body")),
    ("statement topics", "statement.topics", "topics", via(statement, "topics")),
    ("statement approved by", "statement.approved_by", "approved by", via(statement, "approved by")),
    ("release title", "release.title", "title", via(release, "title")),
    ("release source", "release.source", "source", via(release, "source")),
]


def written(s) -> tuple[int, ...]:
    """How many rows the tables that these writes touch hold."""
    return tuple(
        s.execute(select(func.count()).select_from(m)).scalar_one() for m in (Activity, Enquiry, Journalist, Expert)
    )


@pytest.fixture(params=CASES, ids=[c[0] for c in CASES])
def case(request):
    """One text field: (column, field named in refusals, write)."""
    return request.param[1:]


def test_a_value_past_its_limit_is_refused_naming_the_field(desk, case):
    column, field, write = case
    limit = max_length(column)
    with desk.read() as s:
        before = written(s)
    with pytest.raises(FieldError) as refused, desk.write() as s:
        write(s, "x" * (limit + 1))
    assert refused.value.field == field
    assert refused.value.reason == f"Keep this to {limit:,} characters or fewer (it has {limit + 1:,})."
    with desk.read() as s:
        assert written(s) == before


def test_a_value_at_its_limit_is_stored_whole(desk, case):
    column, _field, write = case
    limit = max_length(column)
    with desk.write() as s:
        read = write(s, "y" * limit)
    with desk.read() as s:
        assert read(s) == "y" * limit


def test_escape_codes_are_cleaned_the_same_way_in_every_field(desk, case):
    _column, _field, write = case
    with desk.write() as s:
        read = write(s, ESCAPED)
    with desk.read() as s:
        assert read(s) == CLEANED


def test_a_130000_character_outlet_and_officer_are_refused(desk):
    with pytest.raises(FieldError) as refused, desk.write() as s:
        log(s, phone="", journalist="Ann Smith", outlet="o" * 130_000)
    assert (refused.value.field, refused.value.reason) == (
        "outlet",
        "Keep this to 200 characters or fewer (it has 130,000).",
    )
    with pytest.raises(FieldError) as refused, desk.write() as s:
        enquiries.assign(s, who="jo", enquiry_id=1, officer="o" * 130_000)
    assert refused.value.field == "officer"
