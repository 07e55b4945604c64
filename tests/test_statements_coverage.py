"""Statements (versioned lines to take, matched to enquiries) and coverage linked to enquiries."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func
from sqlmodel import select

from pressdesk.errors import DeskError, FieldError, NotFound
from pressdesk.models import Activity, Coverage, Enquiry, Outlet, Statement
from pressdesk.services import coverage, statements


def counts(session) -> tuple[int, int, int]:
    """(coverage rows, activity rows, outlets)."""
    return tuple(session.exec(select(func.count()).select_from(model)).one() for model in (Coverage, Activity, Outlet))


def add_lines(session) -> dict[str, int]:
    """Three statements: IS-K (on the seed release), floods, and an unrelated one."""
    isk = statements.create_statement(
        session,
        who="jo",
        title="LSE IDEAS on IS-K resilience",
        body="The report finds IS-K weaker than before 2021 but adaptable; Dr Giustozzi is available.",
        topics="IS-K, Taliban, Afghanistan",
        release_id=1,
        approved_by="Head of Comms",
    )
    floods = statements.create_statement(
        session, who="jo", title="Leeds flood study", body="Winter floods are twice as likely.", topics="flooding"
    )
    visas = statements.create_statement(
        session, who="jo", title="Student visas", body="We welcome international students.", topics="visa cap"
    )
    return {"isk": isk.id, "floods": floods.id, "visas": visas.id}


# --- statements --------------------------------------------------------------------------------


def test_matching_statements_ranks_by_topic_and_release(desk):
    with desk.write() as s:
        ids = add_lines(s)
    with desk.read() as s:
        found = statements.matching_statements(s, subject="Quote request: Taliban vs IS-K, two lines")
        assert [v.id for v in found] == [ids["isk"]]
        assert {"IS-K", "Taliban"} <= set(found[0].matched)
        on_release = statements.matching_statements(s, subject="Anything new?", release_id=1)
        assert on_release[0].id == ids["isk"] and "same release" in on_release[0].matched
        flooding = statements.matching_statements(s, subject="Comment on the floods in Leeds")
        assert flooding[0].id == ids["floods"]
        assert statements.matching_statements(s, subject="REF 2029 rules") == []


def test_revise_keeps_the_old_wording_and_links_revisions(desk):
    with desk.write() as s:
        ids = add_lines(s)
        new = statements.revise_statement(
            s, who="jo", statement_id=ids["isk"], body="Updated line: IS-K remains resilient.", expected_version=1
        )
        new_id = new.id
        assert (new.revision, new.supersedes_id, new.title) == (2, ids["isk"], "LSE IDEAS on IS-K resilience")
    with desk.read() as s:
        old = s.get(Statement, ids["isk"])
        assert old.current is False and old.body.startswith("The report finds")
        assert [v.revision for v in statements.statement_history(s, statement_id=ids["isk"])] == [2, 1]
        assert [v.id for v in statements.matching_statements(s, subject="IS-K")] == [new_id]
        assert ids["isk"] not in {v.id for v in statements.list_statements(s)}
        assert ids["isk"] in {v.id for v in statements.list_statements(s, current_only=False)}
    with desk.write() as s, pytest.raises(DeskError, match="revised since"):
        statements.revise_statement(s, who="jo", statement_id=ids["isk"], body="again")
    with desk.write() as s, pytest.raises(DeskError, match="Nothing changed"):
        statements.revise_statement(s, who="jo", statement_id=new_id)


def test_bad_statements_are_refused(desk):
    with desk.write() as s:
        with pytest.raises(FieldError) as info:
            statements.create_statement(s, who="jo", title=" ", body="x")
        assert info.value.field == "title"
        with pytest.raises(FieldError) as info:
            statements.create_statement(s, who="jo", title="t", body="")
        assert info.value.field == "body"
        with pytest.raises(FieldError) as info:
            statements.create_statement(s, who="jo", title="t", body="b", release_id=999)
        assert info.value.field == "release"
    with desk.read() as s:
        assert s.exec(select(func.count()).select_from(Statement)).one() == 0


def test_give_statement_records_it_on_the_enquiry(desk):
    with desk.write() as s:
        ids = add_lines(s)
        eid = s.exec(select(Enquiry.id).where(Enquiry.subject.startswith("Quote request: Taliban"))).one()
        version = s.get(Enquiry, eid).version
        statements.give_statement(s, who="jo", enquiry_id=eid, statement_id=ids["isk"], expected_version=version)
    with desk.read() as s:
        enquiry = s.get(Enquiry, eid)
        assert enquiry.statement_id == ids["isk"] and enquiry.version == version + 1
        last = s.exec(select(Activity).where(Activity.enquiry_id == eid).order_by(Activity.id.desc())).first()
        assert last.action == "statement" and "LSE IDEAS on IS-K resilience" in last.summary
    with desk.write() as s:
        statements.revise_statement(s, who="jo", statement_id=ids["isk"], body="Newer wording.")
    with desk.write() as s, pytest.raises(FieldError, match="old revision"):
        statements.give_statement(s, who="jo", enquiry_id=eid, statement_id=ids["isk"])
    with desk.write() as s, pytest.raises(NotFound):
        statements.give_statement(s, who="jo", enquiry_id=9999, statement_id=ids["floods"])


# --- coverage ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("ftp://example.org/file", "http:// or https://"),
        ("javascript:alert(1)", "http:// or https://"),
        ("www.bbc.co.uk/news", "http:// or https://"),
        ("https://", "no site name"),
        ("https://exa mple.org", "spaces"),
        ("http://[::1", "not a web address"),
    ],
)
def test_bad_url_is_refused_and_nothing_written(desk, url, words):
    with desk.read() as s:
        before = counts(s)
    with desk.write() as s, pytest.raises(FieldError) as info:
        coverage.add_coverage(s, who="jo", enquiry_id=5, url=url, outlet="Brand New Outlet", headline="x")
    assert info.value.field == "url" and words in info.value.reason
    with desk.read() as s:
        assert counts(s) == before


def test_coverage_links_the_result_to_the_enquiry(desk):
    with desk.write() as s:
        first = coverage.add_coverage(
            s,
            who="jo",
            enquiry_id=5,
            url="https://www.bbc.co.uk/sounds/play/m001",
            published_on="2026-11-23",
            headline="Today, 07:50: IS-K threat",
        )
        assert first.outlet_id == s.get(Enquiry, 5).outlet_id
        coverage.add_coverage(
            s, who="jo", enquiry_id=5, outlet="BBC World Service", published_on=date(2026, 11, 22), note="Re-run"
        )
    with desk.read() as s:
        rows = coverage.list_coverage(s, enquiry_id=5)
        assert [(r.outlet, r.published_on.isoformat()) for r in rows] == [
            ("BBC World Service", "2026-11-22"),
            ("BBC News", "2026-11-23"),
        ]
        assert rows[1].to_json()["url"] == "https://www.bbc.co.uk/sounds/play/m001"
        summaries = [a.summary for a in s.exec(select(Activity).where(Activity.enquiry_id == 5))]
        assert "Coverage in BBC News on 2026-11-23: Today, 07:50: IS-K threat" in summaries


def test_coverage_needs_something_and_a_readable_date(desk):
    with desk.write() as s:
        with pytest.raises(FieldError) as info:
            coverage.add_coverage(s, who="jo", enquiry_id=5)
        assert info.value.field == "url"
        with pytest.raises(FieldError) as info:
            coverage.add_coverage(s, who="jo", enquiry_id=5, headline="x", published_on="the other day")
        assert info.value.field == "date"
        with pytest.raises(NotFound):
            coverage.add_coverage(s, who="jo", enquiry_id=9999, headline="x")
