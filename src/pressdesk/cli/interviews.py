"""`pressdesk route` and `pressdesk interview ...`: offer an enquiry to an expert, then accept, decline, schedule,
mark done or cancel the interview."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import click

from pressdesk.cli.errors import ID, DeskCommand, DeskGroup, fail
from pressdesk.cli.output import echo, emit_json, local
from pressdesk.cli.state import CliState, pass_state
from pressdesk.errors import NeedsConfirmation
from pressdesk.models.enums import Effect
from pressdesk.models.views import Suggestion
from pressdesk.words import spread_text

MARK = {Effect.BOOST: "+", Effect.PENALTY: "-", Effect.INFO: "·", Effect.BLOCK: "!"}
"""How a reason is marked by its effect: for, against, worth knowing, confirm first."""


def _print_suggestions(suggestions: list[Suggestion], *, limit: int | None = None) -> None:
    """Ranked experts with their reasons, one block each."""
    if not suggestions:
        echo("No expert to suggest: everyone on the books has declined or none are listed.")
    for rank, s in enumerate(suggestions[:limit], start=1):
        echo(f"{rank:>2}. {s.display_name} (expert {s.expert_id})  score {s.score:.1f}")
        for reason in s.reasons:
            echo(f"      {MARK[reason.effect]} {reason.text}")


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
    if suggest == (expert is not None):
        fail("Use --suggest to see the ranked experts, or --expert NAME_OR_ID to route the enquiry.")
    if suggest:
        row, found, asked, spread = state.backend(write=False).route_suggestions(enquiry, limit=limit)
        if as_json:
            emit_json([x.to_json() for x in found])
            return
        echo(f"Enquiry {row.id}: {row.subject}")
        _print_suggestions(found)
        if asked:
            echo("Already asked: " + ", ".join(f"{name} ({status})" for name, status in asked))
        echo("Requests in the last 30 days: " + spread_text(spread))
        return
    try:
        routed = state.backend().route_to(enquiry, expert or "", force=force)
    except NeedsConfirmation as exc:
        fail(f"{exc.message} Add --force to route anyway.")
        return
    if as_json:
        emit_json(
            {
                "request_id": routed.request_id,
                "enquiry_id": enquiry,
                "expert": {"id": routed.expert_id, "name": routed.expert},
                "status": routed.status,
            }
        )
        return
    name = f"{routed.honorific} {routed.expert}".strip()
    echo(f"Enquiry {enquiry} is {routed.status}: interview request {routed.request_id} offered to {name}.")


# --- pressdesk interview ... -------------------------------------------------------------------

interview_group = DeskGroup(name="interview", help="Move an interview request along: accept, decline, schedule, done.")


@interview_group.command("accept")
@click.argument("request_id", type=ID)
@pass_state
def interview_accept(state: CliState, request_id: int) -> None:
    """The expert said yes."""
    state.backend().accept_interview(request_id)
    echo(f"Interview request {request_id} accepted. Next: pressdesk interview schedule {request_id} --at ...")


@interview_group.command("decline")
@click.argument("request_id", type=ID)
@click.option("--reason", default="", help="Why, for the history.")
@click.option("--json", "as_json", is_flag=True, help="Print the next suggestions as JSON.")
@pass_state
def interview_decline(state: CliState, request_id: int, reason: str, as_json: bool) -> None:
    """The expert said no; the next suggestions are shown so you can route again."""
    found, enquiry_id, status = state.backend().decline_interview(request_id, reason)
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
    tz = state.settings.timezone
    start, end, kind, where = state.backend().schedule_interview(
        request_id, start=at, end=until, format=fmt, place=place
    )
    until_text = end.astimezone(ZoneInfo(tz)).strftime("%H:%M") if end else ""
    echo(f"Interview request {request_id} scheduled: {kind}, {local(start, tz)}-{until_text}")
    if where:
        echo(f"  at {where}")


@interview_group.command("done")
@click.argument("request_id", type=ID)
@pass_state
def interview_done(state: CliState, request_id: int) -> None:
    """The interview happened; the enquiry closes when nothing else is pending."""
    enquiry_id, status = state.backend().complete_interview(request_id)
    echo(f"Interview request {request_id} done; enquiry {enquiry_id} is {status}.")


@interview_group.command("cancel")
@click.argument("request_id", type=ID)
@click.option("--reason", default="", help="Why, for the history.")
@pass_state
def interview_cancel(state: CliState, request_id: int, reason: str) -> None:
    """Call an interview off."""
    state.backend().cancel_interview(request_id, reason)
    echo(f"Interview request {request_id} cancelled.")


@interview_group.command("list")
@click.option("--status", help="offered, accepted, scheduled, done, declined or cancelled.")
@click.option("--enquiry", "enquiry_id", type=ID, help="Only this enquiry's requests.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def interview_list(state: CliState, status: str | None, enquiry_id: int | None, limit: int, as_json: bool) -> None:
    """Interview requests, booked ones by time first."""
    rows = state.backend(write=False).interviews(status=status, enquiry_id=enquiry_id, limit=limit)
    if as_json:
        emit_json([r.to_json() for r in rows])
        return
    for r in rows:
        when = local(r.slot_start, state.settings.timezone) if r.slot_start else ""
        echo(f"{r.id:>6}  {r.status:<9} {when:<22} {r.expert} -> {r.journalist} ({r.outlet}): {r.subject}")
    if not rows:
        echo("No interview requests match.")
