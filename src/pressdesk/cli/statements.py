"""`pressdesk statement ...` (approved lines to take: add, revise, list, give) and `pressdesk coverage ...` (the
article or broadcast that came of an enquiry)."""

from __future__ import annotations

import click

from pressdesk.cli.errors import ID, DeskGroup
from pressdesk.cli.output import echo, emit_json
from pressdesk.cli.state import CliState, pass_state

statement_group = DeskGroup(name="statement", help="Approved lines to take: add, revise, list, give.")


@statement_group.command("add")
@click.option("--title", required=True, help="A short title.")
@click.option("--body", required=True, help="The approved wording.")
@click.option("--topics", default="", help="Comma-separated keywords.")
@click.option("--release", "release_id", type=ID, help="The release it belongs to.")
@click.option("--approved-by", default="", help="Who approved it.")
@pass_state
def statement_add(
    state: CliState, title: str, body: str, topics: str, release_id: int | None, approved_by: str
) -> None:
    """Store an approved statement."""
    new_id = state.backend().add_statement(
        title=title, body=body, topics=topics, release_id=release_id, approved_by=approved_by
    )
    echo(f"Added statement {new_id}: {title}")


@statement_group.command("revise")
@click.argument("statement_id", type=ID)
@click.option("--title", help="A new title.")
@click.option("--body", help="The new approved wording.")
@click.option("--topics", help="New comma-separated keywords.")
@click.option("--approved-by", help="Who approved the new wording.")
@pass_state
def statement_revise(state: CliState, statement_id: int, title, body, topics, approved_by) -> None:
    """Make a new revision of a statement; the old wording stays on record."""
    new_id, revision = state.backend().revise_statement(
        statement_id, title=title, body=body, topics=topics, approved_by=approved_by
    )
    echo(f"Statement {statement_id} revised: revision {revision} is statement {new_id}.")


@statement_group.command("list")
@click.option("--subject", help="Only statements that fit this subject, best first.")
@click.option("--enquiry", "enquiry_id", type=ID, help="Only statements that fit this enquiry, best first.")
@click.option("--all", "show_all", is_flag=True, help="Include superseded revisions.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def statement_list(state: CliState, subject: str | None, enquiry_id: int | None, show_all: bool, as_json: bool) -> None:
    """Statements (current ones), or those fitting a subject or an enquiry."""
    rows = state.backend(write=False).statements(subject=subject, enquiry_id=enquiry_id, include_superseded=show_all)
    if as_json:
        emit_json([r.to_json() for r in rows])
        return
    for r in rows:
        fit = f"  fits: {', '.join(r.matched)}" if r.matched else ""
        old = "" if r.current else "  (superseded)"
        echo(f"{r.id:>6}  rev {r.revision}  {r.title}{old}{fit}")
        echo(f"        {r.body}")
    if not rows:
        echo("No statements match.")


@statement_group.command("give")
@click.argument("enquiry_id", type=ID)
@click.argument("statement_id", type=ID)
@pass_state
def statement_give(state: CliState, enquiry_id: int, statement_id: int) -> None:
    """Record that an enquiry was given this statement."""
    state.backend().give_statement(enquiry_id, statement_id)
    echo(f"Enquiry {enquiry_id} was given statement {statement_id}.")


# --- pressdesk coverage ... --------------------------------------------------------------------

coverage_group = DeskGroup(name="coverage", help="Link the article or broadcast that came of an enquiry.")


@coverage_group.command("add")
@click.argument("enquiry_id", type=ID)
@click.option("--url", default="", help="The article's or programme's web address (http/https).")
@click.option("--outlet", help="Where it ran (default: the enquiry's outlet).")
@click.option("--date", "published_on", help="When it ran, e.g. 2026-11-25.")
@click.option("--headline", default="", help="The headline or programme title.")
@click.option("--note", default="", help="Anything else, e.g. 'Today, 07:50, 3-min two-way'.")
@pass_state
def coverage_add(state: CliState, enquiry_id: int, url: str, outlet, published_on, headline: str, note: str) -> None:
    """Link coverage to an enquiry."""
    new_id = state.backend().add_coverage(
        enquiry_id, outlet=outlet, published_on=published_on, url=url, headline=headline, note=note
    )
    echo(f"Added coverage {new_id} to enquiry {enquiry_id}.")


@coverage_group.command("list")
@click.argument("enquiry_id", type=ID)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def coverage_list(state: CliState, enquiry_id: int, as_json: bool) -> None:
    """The coverage linked to an enquiry."""
    rows = state.backend(write=False).coverage(enquiry_id)
    if as_json:
        emit_json([r.to_json() for r in rows])
        return
    for r in rows:
        day = r.published_on.isoformat() if r.published_on else "undated"
        echo(f"{r.id:>6}  {day}  {r.outlet}: {r.headline or r.note}  {r.url}".rstrip())
    if not rows:
        echo("No coverage linked yet.")
