"""The core both faces call: typed results only, and the compositions the CLI used to rebuild for itself."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from pressdesk.core import Backend
from pressdesk.core.views import Routed
from pressdesk.errors import FieldError, NeedsConfirmation
from tests.conftest import DEMO_NOW

TABLES = re.compile(
    r"\b(Activity|ContactPoint|Coverage|Enquiry|Expert|InterviewRequest|Journalist|Outlet|PressContact|Release|"
    r"ReleaseExpert|ReleasePressContact|Statement|Session)\b"
)
RELEASE = Path(__file__).resolve().parent.parent / "fixtures" / "releases" / "ie_dublin_health.txt"


@pytest.fixture
def core(desk, settings) -> Backend:
    """The core over a private copy of the frozen demo desk, its clock at the moment the desk was loaded."""
    return Backend(desk, settings, clock=lambda: DEMO_NOW)


def test_every_core_method_says_what_it_returns_and_it_is_never_an_orm_row_or_any():
    methods = {
        name: member
        for name, member in inspect.getmembers(Backend, inspect.isfunction)
        if not name.startswith("_") and member.__module__.startswith("pressdesk.core")
    }
    assert len(methods) > 40
    for name, method in methods.items():
        returns = inspect.signature(method).return_annotation
        assert returns is not inspect.Signature.empty, f"{name} does not say what it returns"
        assert "Any" not in str(returns), f"{name} returns Any"
        assert not TABLES.search(str(returns)), f"{name} hands out an ORM row: {returns}"


def test_routing_by_name_says_who_and_where_the_enquiry_now_stands(core):
    enquiry = next(r for r in core.list_enquiries(limit=None, status="new") if "IS-K" in r.row.subject).row
    with pytest.raises(NeedsConfirmation):
        core.route_to(enquiry.id, "Giustozzi")  # at his weekly limit on the demo desk
    routed = core.route_to(enquiry.id, "Giustozzi", force=True)
    assert isinstance(routed, Routed)
    assert (routed.expert, routed.honorific, routed.status) == ("Antonio Giustozzi", "Dr", "routed")
    declined = core.decline_interview(routed.request_id, "travelling")
    assert declined.enquiry_id == enquiry.id and declined.status == "triaged"
    assert all(s.expert_id != routed.expert_id for s in declined.suggestions)


def test_a_release_dry_run_stores_nothing_and_says_what_it_would_do(core):
    text, source = Backend.read_release_file(str(RELEASE))
    before = core.count_listing("releases")
    dry = core.import_release(text, source, dry_run=True)
    assert dry.release_id is None and dry.created
    assert core.count_listing("releases") == before
    stored = core.import_release(text, source)
    assert stored.release_id is not None and stored.created == dry.created
    assert core.count_listing("releases") == before + 1


def test_an_export_needs_a_file_name(core, tmp_path):
    with pytest.raises(FieldError) as refused:
        core.export_ics("  ")
    assert refused.value.field == "output"
    written = core.export_ics(str(tmp_path / "interviews.ics"))
    assert written.where == str(tmp_path / "interviews.ics")
    assert Path(written.where).read_text(encoding="utf-8").count("BEGIN:VEVENT") == written.count
