"""Commands from release to result: import a release, route an enquiry, run interviews, statements, coverage."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import click

from pressdesk.cli import CliState, fail, pass_state
from pressdesk.cli_core import ID, VERSION, DeskCommand, DeskGroup
from pressdesk.cli_output import echo, emit_json
from pressdesk.words import spread_text

T = TypeVar("T")


def _run(state: CliState, work: Callable[[Any], T], *, write: bool = True) -> T:
    """Run one unit of work in a short session (a desk error becomes one line on stderr and exit code 2)."""
    desk = state.open(write=write)
    with desk.write() if write else desk.read() as session:
        return work(session)


def _local(moment: datetime | None, tz: str) -> str:
    """A moment in the desk's time zone, as a press officer reads it."""
    if moment is None:
        return "no time set"
    return moment.astimezone(ZoneInfo(tz)).strftime("%a %d %b %Y %H:%M")


def _group(parent: click.Group, name: str, help_text: str) -> click.Group:
    """The parent's subgroup of that name, created if no other module made it yet."""
    existing = parent.commands.get(name)
    if isinstance(existing, click.Group):
        return existing
    group = DeskGroup(name=name, help=help_text)
    parent.add_command(group)
    return group


def _print_suggestions(suggestions, *, limit: int | None = None) -> None:
    """Ranked experts with their reasons, one block each."""
    if not suggestions:
        echo("No expert to suggest: everyone on the books has declined or none are listed.")
    for rank, s in enumerate(suggestions[:limit], start=1):
        echo(f"{rank:>2}. {s.display_name} (expert {s.expert_id})  score {s.score:.1f}")
        for reason in s.reasons:
            echo(f"      {'!' if reason in s.warnings else '-'} {reason}")


# --- import release ----------------------------------------------------------------------------


@click.command("release", cls=DeskCommand)
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print what was read (and stored) as JSON.")
@click.option("--dry-run", is_flag=True, help="Read the release and report; store nothing.")
@pass_state
def import_release_cmd(state: CliState, file: str, as_json: bool, dry_run: bool) -> None:
    """Read a press release (plain text) and store it with its experts and press contacts."""
    from pressdesk.services import intake

    s = state.settings
    text, source = intake.read_release_file(file, stdin=click.open_file("-", "rb"))

    def work(session):
        parsed, outcome = intake.import_release(
            session, who=s.officer, region=s.region, tz=s.timezone, text=text, source=source
        )
        return parsed, outcome.release.id, list(outcome.created), list(outcome.matched)

    if dry_run:
        parsed, _id, created, matched = _run(state, work, write=False)
        release_id = None
    else:
        parsed, release_id, created, matched = _run(state, work)
    if as_json:
        emit_json(
            parsed.as_dict()
            | {
                "stored": not dry_run,
                "release_id": release_id,
                "created": created,
                "matched": matched,
                "warnings": list(parsed.warnings),
            }
        )
        return
    echo(f"Title:    {parsed.title}")
    echo(f"Date:     {parsed.date.isoformat() if parsed.date else 'not found'}")
    echo(f"Embargo:  {_local(parsed.embargo, s.timezone) if parsed.embargo else 'none'}")
    for e in parsed.experts:
        extra = ", ".join(filter(None, [e.title, e.affiliation]))
        echo(f"Expert:   {e.display_name}" + (f" ({extra})" if extra else ""))
    for c in parsed.press_contacts:
        detail = ", ".join(filter(None, [c.organisation, c.email, *c.phones]))
        echo(f"Contact:  {c.name or '(no name)'}" + (f" ({detail})" if detail else ""))
    for warning in parsed.warnings:
        echo(f"Warning:  {warning}")
    verb = "Would create" if dry_run else "Created"
    echo(f"{verb}: " + (", ".join(created) or "nothing"))
    echo(("Would match" if dry_run else "Matched") + ": " + (", ".join(matched) or "nothing"))
    if dry_run:
        echo("Dry run: nothing was stored.")
    else:
        echo(f"Stored as release {release_id}.")


# --- route -------------------------------------------------------------------------------------


@click.command("route", cls=DeskCommand)
@click.argument("enquiry", type=ID)
@click.option("--suggest", is_flag=True, help="Rank the experts for this enquiry, with reasons.")
@click.option("--expert", "expert", metavar="NAME_OR_ID", help="Offer the enquiry to this expert.")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 100), help="How many suggestions.")
@click.option("--force", is_flag=True, help="Route even past a warning (not free, at the limit, a conflict).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def route_cmd(
    state: CliState, enquiry: int, suggest: bool, expert: str | None, limit: int, force: bool, as_json: bool
) -> None:
    """Suggest experts for an enquiry (--suggest), or route it to one (--expert NAME_OR_ID)."""
    from pressdesk.errors import DeskError
    from pressdesk.services import queries, routing

    s = state.settings
    if suggest == (expert is not None):
        fail("Use --suggest to see the ranked experts, or --expert NAME_OR_ID to route the enquiry.")
    if suggest:

        def ranked(session):
            row = queries.get_enquiry(session, enquiry)
            found = routing.suggest_experts(session, enquiry_id=enquiry, limit=limit, tz=s.timezone)
            return row, found, routing.asked_experts(session, enquiry_id=enquiry), routing.request_spread(session)

        row, found, asked, spread = _run(state, ranked, write=False)
        if as_json:
            emit_json([x.to_json() for x in found])
            return
        echo(f"Enquiry {row.id}: {row.subject}")
        _print_suggestions(found)
        if asked:
            echo("Already asked: " + ", ".join(f"{name} ({status})" for name, status in asked))
        echo("Requests in the last 30 days: " + spread_text(spread))
        return

    def route(session):
        who = routing.find_expert(session, expert)
        try:
            request = routing.route_enquiry(
                session, who=s.officer, enquiry_id=enquiry, expert_id=who.id, force=force, tz=s.timezone
            )
        except routing.NeedsConfirmation as exc:
            raise DeskError(f"{exc.message} Add --force to route anyway.") from None
        return request.id, who, queries.get_enquiry(session, enquiry).status

    request_id, who, status = _run(state, route)
    name = f"{who.honorific} {who.name}".strip()
    if as_json:
        emit_json(
            {
                "request_id": request_id,
                "enquiry_id": enquiry,
                "expert": {"id": who.id, "name": who.name},
                "status": status,
            }
        )
        return
    echo(f"Enquiry {enquiry} is {status}: interview request {request_id} offered to {name}.")


# --- interviews --------------------------------------------------------------------------------

interview_group = DeskGroup(name="interview", help="Move an interview request along: accept, decline, schedule, done.")


@interview_group.command("accept")
@click.argument("request_id", type=ID)
@pass_state
def interview_accept(state: CliState, request_id: int) -> None:
    """The expert said yes."""
    from pressdesk.services import interviews

    _run(state, lambda session: interviews.accept(session, who=state.settings.officer, request_id=request_id))
    echo(f"Interview request {request_id} accepted. Next: pressdesk interview schedule {request_id} --at ...")


@interview_group.command("decline")
@click.argument("request_id", type=ID)
@click.option("--reason", default="", help="Why, for the history.")
@click.option("--json", "as_json", is_flag=True, help="Print the next suggestions as JSON.")
@pass_state
def interview_decline(state: CliState, request_id: int, reason: str, as_json: bool) -> None:
    """The expert said no; the next suggestions are shown so you can route again."""
    from pressdesk.models import InterviewRequest
    from pressdesk.services import interviews, queries

    s = state.settings

    def work(session):
        found = interviews.decline(session, who=s.officer, request_id=request_id, reason=reason, tz=s.timezone)
        enquiry_id = session.get(InterviewRequest, request_id).enquiry_id
        return found, enquiry_id, queries.get_enquiry(session, enquiry_id).status

    found, enquiry_id, status = _run(state, work)
    if as_json:
        emit_json([x.to_json() for x in found])
        return
    echo(f"Interview request {request_id} declined; enquiry {enquiry_id} is {status}. Next suggestions:")
    _print_suggestions(found, limit=3)


@interview_group.command("schedule")
@click.argument("request_id", type=ID)
@click.option("--at", "at", required=True, metavar="WHEN", help='Start: "thu 10:00", "tomorrow 9am", ISO time.')
@click.option("--until", "until", metavar="WHEN", help="End (default: 30 minutes after the start).")
@click.option("--format", "fmt", required=True, help="phone, tv, radio, print or online.")
@click.option("--place", default="", help="Studio address or call link.")
@pass_state
def interview_schedule(state: CliState, request_id: int, at: str, until: str | None, fmt: str, place: str) -> None:
    """Book an accepted interview (or move a booked one)."""
    from pressdesk.services import interviews

    s = state.settings

    def work(session):
        r = interviews.schedule(
            session,
            who=s.officer,
            request_id=request_id,
            start=at,
            end=until,
            format=fmt,
            place=place,
            tz=s.timezone,
        )
        return r.slot_start, r.slot_end, r.format, r.place

    start, end, kind, where = _run(state, work)
    until_text = end.astimezone(ZoneInfo(s.timezone)).strftime("%H:%M") if end else ""
    echo(f"Interview request {request_id} scheduled: {kind}, {_local(start, s.timezone)}-{until_text}")
    if where:
        echo(f"  at {where}")


@interview_group.command("done")
@click.argument("request_id", type=ID)
@pass_state
def interview_done(state: CliState, request_id: int) -> None:
    """The interview happened; the enquiry closes when nothing else is pending."""
    from pressdesk.services import interviews, queries

    def work(session):
        r = interviews.complete(session, who=state.settings.officer, request_id=request_id)
        return r.enquiry_id, queries.get_enquiry(session, r.enquiry_id).status

    enquiry_id, status = _run(state, work)
    echo(f"Interview request {request_id} done; enquiry {enquiry_id} is {status}.")


@interview_group.command("cancel")
@click.argument("request_id", type=ID)
@click.option("--reason", default="", help="Why, for the history.")
@pass_state
def interview_cancel(state: CliState, request_id: int, reason: str) -> None:
    """Call an interview off."""
    from pressdesk.services import interviews

    _run(
        state,
        lambda session: interviews.cancel(session, who=state.settings.officer, request_id=request_id, reason=reason),
    )
    echo(f"Interview request {request_id} cancelled.")


@interview_group.command("list")
@click.option("--status", help="offered, accepted, scheduled, done, declined or cancelled.")
@click.option("--enquiry", "enquiry_id", type=ID, help="Only this enquiry's requests.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def interview_list(state: CliState, status: str | None, enquiry_id: int | None, limit: int, as_json: bool) -> None:
    """Interview requests, booked ones by time first."""
    from pressdesk.services import interviews

    rows = _run(
        state,
        lambda session: interviews.list_interviews(session, status=status, enquiry_id=enquiry_id, limit=limit),
        write=False,
    )
    if as_json:
        emit_json([r.to_json() for r in rows])
        return
    for r in rows:
        when = _local(r.slot_start, state.settings.timezone) if r.slot_start else ""
        echo(f"{r.id:>6}  {r.status:<9} {when:<22} {r.expert} -> {r.journalist} ({r.outlet}): {r.subject}")
    if not rows:
        echo("No interview requests match.")


# --- export ------------------------------------------------------------------------------------


@click.command("interviews", cls=DeskCommand)
@click.option("--format", "fmt", type=click.Choice(["ics"]), default="ics", show_default=True)
@click.option("-o", "--output", required=True, metavar="FILE", help="The .ics file to write ('-' for stdout).")
@pass_state
def export_interviews(state: CliState, fmt: str, output: str) -> None:
    """Write the scheduled interviews as an iCalendar file that calendar programs import."""
    from pressdesk.services import interviews

    if output == "-":
        _run(state, lambda session: interviews.export_ics(session, click.open_file("-", "wb")), write=False)
        return
    count = _run(state, lambda session: interviews.export_ics(session, output), write=False)
    echo(f"Wrote {count} scheduled interview{'s' if count != 1 else ''} to {output}.")


# --- statements --------------------------------------------------------------------------------

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
    from pressdesk.services import statements

    new_id = _run(
        state,
        lambda session: (
            statements.create_statement(
                session,
                who=state.settings.officer,
                title=title,
                body=body,
                topics=topics,
                release_id=release_id,
                approved_by=approved_by,
            ).id
        ),
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
    from pressdesk.services import statements

    def work(session):
        new = statements.revise_statement(
            session,
            who=state.settings.officer,
            statement_id=statement_id,
            title=title,
            body=body,
            topics=topics,
            approved_by=approved_by,
        )
        return new.id, new.revision

    new_id, revision = _run(state, work)
    echo(f"Statement {statement_id} revised: revision {revision} is statement {new_id}.")


@statement_group.command("list")
@click.option("--subject", help="Only statements that fit this subject, best first.")
@click.option("--enquiry", "enquiry_id", type=ID, help="Only statements that fit this enquiry, best first.")
@click.option("--all", "show_all", is_flag=True, help="Include superseded revisions.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def statement_list(state: CliState, subject: str | None, enquiry_id: int | None, show_all: bool, as_json: bool) -> None:
    """Statements (current ones), or those fitting a subject or an enquiry."""
    from pressdesk.services import queries, statements

    def work(session):
        if enquiry_id is not None:
            row = queries.get_enquiry(session, enquiry_id)
            return statements.matching_statements(session, subject=row.subject, release_id=row.release_id)
        if subject:
            return statements.matching_statements(session, subject=subject)
        return statements.list_statements(session, current_only=not show_all)

    rows = _run(state, work, write=False)
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
    from pressdesk.services import statements

    _run(
        state,
        lambda session: statements.give_statement(
            session, who=state.settings.officer, enquiry_id=enquiry_id, statement_id=statement_id
        ),
    )
    echo(f"Enquiry {enquiry_id} was given statement {statement_id}.")


# --- coverage ----------------------------------------------------------------------------------

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
    from pressdesk.services import coverage

    new_id = _run(
        state,
        lambda session: (
            coverage.add_coverage(
                session,
                who=state.settings.officer,
                enquiry_id=enquiry_id,
                outlet=outlet,
                published_on=published_on,
                url=url,
                headline=headline,
                note=note,
            ).id
        ),
    )
    echo(f"Added coverage {new_id} to enquiry {enquiry_id}.")


@coverage_group.command("list")
@click.argument("enquiry_id", type=ID)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def coverage_list(state: CliState, enquiry_id: int, as_json: bool) -> None:
    """The coverage linked to an enquiry."""
    from pressdesk.services import coverage

    rows = _run(state, lambda session: coverage.list_coverage(session, enquiry_id=enquiry_id), write=False)
    if as_json:
        emit_json([r.to_json() for r in rows])
        return
    for r in rows:
        day = r.published_on.isoformat() if r.published_on else "undated"
        echo(f"{r.id:>6}  {day}  {r.outlet}: {r.headline or r.note}  {r.url}".rstrip())
    if not rows:
        echo("No coverage linked yet.")


# --- experts -----------------------------------------------------------------------------------


@click.command("spread", cls=DeskCommand)
@click.option("--days", default=30, show_default=True, type=click.IntRange(1, 3660), help="Look back this many days.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def experts_spread(state: CliState, days: int, as_json: bool) -> None:
    """How interview requests spread across experts, so the same people are not always asked."""
    from pressdesk.services import routing

    spread = _run(state, lambda session: routing.request_spread(session, days=days), write=False)
    if as_json:
        emit_json([{"expert": name, "requests": n} for name, n in spread])
        return
    top = max((n for _, n in spread), default=0) or 1
    for name, n in spread:
        echo(f"{name:<32} {n:>4}  {'#' * round(20 * n / top)}")


def register(main: click.Group) -> None:
    """Add the workflow commands to the pressdesk command group."""
    _group(main, "import", "Bring records in from files.").add_command(import_release_cmd)
    _group(main, "export", "Write records out to files.").add_command(export_interviews)
    _group(main, "experts", "The expert directory.").add_command(experts_spread)
    register_expert_edit(main)
    for command in (route_cmd, interview_group, statement_group, coverage_group):
        main.add_command(command)


@click.command("edit", cls=DeskCommand)
@click.argument("expert")
@click.option("--name")
@click.option("--honorific", help="Dr, Prof ...")
@click.option("--title", help="Job title.")
@click.option("--affiliation")
@click.option("--topics", help="Comma-separated keywords.")
@click.option("--languages", help='Comma-separated, e.g. "en, de".')
@click.option("--hours", "working_hours", help="Working hours, e.g. 09:00-17:30.")
@click.option("--blocked", "blocked_dates", help="Blocked dates: 2026-12-24, 2026-12-28..2027-01-02.")
@click.option("--media-trained/--not-media-trained", default=None)
@click.option("--conflicts", help="Declared conflicts of interest.")
@click.option("--weekly-limit", type=int, help="Interviews a week at most.")
@click.option("--email", "emails", multiple=True, help="Replace the emails (repeatable).")
@click.option("--phone", "phones", multiple=True, help="Replace the phone numbers (repeatable).")
@click.option("--expect-version", type=VERSION, help="Refuse if someone saved the expert since this version.")
@click.option("--json", "as_json", is_flag=True)
@pass_state
def experts_edit(
    state: CliState, expert: str, emails, phones, expect_version: int | None, as_json: bool, **options
) -> None:
    """Edit an expert in the directory (by id or name); nothing is written if any value is refused.

    With --expect-version N the edit is refused when the expert is no longer at version N (someone else saved
    it meanwhile), so of two edits made at once from the same version exactly one wins."""
    from pressdesk.services import experts, queries, routing

    fields = {k: v for k, v in options.items() if v is not None}
    s = state.settings

    def work(session):
        found = routing.find_expert(session, expert)
        experts.update_expert(
            session,
            who=s.officer,
            region=s.region,
            expert_id=found.id,
            expected_version=expect_version,
            emails=list(emails) if emails else None,
            phones=list(phones) if phones else None,
            **fields,
        )
        return found.id

    expert_id = _run(state, work)
    with state.open().read() as session:
        row = next(p for p in queries.list_experts(session, limit=100_000) if p.id == expert_id)
    if as_json:
        emit_json(row.to_json())
    else:
        echo(
            f"Saved {row.name} (version {row.version}): topics {row.detail['topics']}; "
            f"languages {row.detail['languages']}; hours {row.detail['working_hours']}; "
            f"weekly limit {row.detail['weekly_limit']}."
        )


def register_expert_edit(main: click.Group) -> None:
    """Add `experts edit` beside `experts spread`."""
    _group(main, "experts", "The expert directory.").add_command(experts_edit)
