"""`pressdesk log` and `pressdesk enquiry ...`: log a call, and act on one enquiry from a script, through the core
the TUI uses, with its version check."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import click

from pressdesk.cli.errors import ID, VERSION, DeskCommand, DeskGroup, fail
from pressdesk.cli.output import echo, emit_json, format_due
from pressdesk.cli.state import CliState, pass_state

if TYPE_CHECKING:
    from pressdesk.core import Backend


@click.command("log", cls=DeskCommand)
@click.option("--journalist", help="The journalist's name (needed only for a new caller).")
@click.option(
    "--journalist-id",
    type=click.IntRange(1, 2**63 - 1),
    help="The id of a journalist on the desk (when a name is shared).",
)
@click.option("--outlet", help="The outlet they are calling for.")
@click.option("--email", help="Their email address.")
@click.option("--phone", help="Their phone number, in any format.")
@click.option("--subject", required=True, help="What they want, in a few words.")
@click.option(
    "--type",
    "kind",
    default="comment",
    show_default=True,
    help="interview, comment, information, data, images or other.",
)
@click.option("--deadline", help='When they need it: ISO time, "16:00", "tomorrow 9am", "+2h".')
@click.option("--channel", default="phone", show_default=True, help="phone, email, message, social...")
@click.option("--release", "release_id", type=ID, help="The id of the release it is about.")
@click.option("--priority", default="normal", show_default=True, help="low, normal, high or urgent.")
@click.option("--notes", default="", help="Anything else to keep.")
@click.option("--keep-invalid-phone", is_flag=True, help="Keep a number that is not valid, flagged.")
@click.option(
    "--override-dnc",
    is_flag=True,
    help="Log it although the number or address asked not to be contacted (kept, flagged, on the history).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the logged enquiry as JSON.")
@pass_state
def log_cmd(
    state: CliState,
    journalist,
    journalist_id,
    outlet,
    email,
    phone,
    subject,
    kind,
    deadline,
    channel,
    release_id,
    priority,
    notes,
    keep_invalid_phone,
    override_dnc,
    as_json,
) -> None:
    """Log an enquiry, finding the caller by phone or email before creating a new journalist."""
    core = state.backend()
    enquiry_id = core.log_call(
        subject=subject,
        type=kind,
        journalist=journalist,
        journalist_id=journalist_id,
        outlet=outlet,
        email=email,
        phone=phone,
        deadline=deadline,
        channel=channel,
        release_id=release_id,
        priority=priority,
        notes=notes,
        keep_invalid_phone=keep_invalid_phone,
        override_dnc=override_dnc,
    )
    logged = core.listed_enquiry(enquiry_id)
    if as_json:
        emit_json(logged.to_json())
    else:
        row = logged.row
        echo(f"Logged enquiry {row.id}: {row.subject}")
        echo(f"  from {row.journalist}" + (f" ({row.outlet})" if row.outlet else ""))
        echo(f"  due {format_due(row.deadline, state.settings.timezone)}")
    _warn_if_passed(logged.row.deadline, core, state)


def _warn_if_passed(deadline, core: Backend, state: CliState) -> None:
    """One line on stderr when the deadline given has already passed: kept (calls are logged after the fact), but
    rarely meant."""
    from pressdesk.validation.countdown import already_passed

    passed = already_passed(deadline, core.clock())
    if passed:
        when = deadline.astimezone(ZoneInfo(state.settings.timezone)).strftime("%a %d %b %H:%M")
        echo(f"Warning: deadline {when} {passed}; kept all the same.", err=True)


# --- pressdesk enquiry ... ---------------------------------------------------------------------

enquiry_group = DeskGroup(
    name="enquiry",
    help="Act on one enquiry: show, status, assign, note, deadline, edit, done. "
    "--expect-version N refuses the change if someone saved the enquiry since version N.",
)

expect_version = click.option(
    "--expect-version", type=VERSION, help="Refuse if the enquiry is no longer at this version (see --json)."
)
as_json = click.option("--json", "as_json", is_flag=True, help="Print the enquiry as it now stands, as JSON.")


def _change(
    state: CliState,
    enquiry_id: int,
    act: Callable[[Backend], Any],
    as_json: bool,
    done: str,
    *,
    new_deadline: bool = False,
) -> None:
    """Make one change through the core, then print the enquiry as it now stands (and, when the change set the
    deadline, warn if it has already passed)."""
    core = state.backend()
    act(core)
    detail = core.detail(enquiry_id)
    row = detail.row
    if as_json:
        emit_json(row.to_json() | {"notes": detail.notes})
    else:
        officer = f", officer {row.officer}" if row.officer else ", unassigned"
        echo(f"Enquiry {row.id} {done} (version {row.version}): {row.status}, due {_due(row.deadline, state)}{officer}")
        echo(f"  {row.journalist}" + (f" ({row.outlet})" if row.outlet else "") + f": {row.subject}")
    if new_deadline:
        _warn_if_passed(row.deadline, core, state)


def _due(deadline, state: CliState) -> str:
    """The deadline as the desk shows it."""
    return format_due(deadline, state.settings.timezone) if deadline else "no deadline"


@enquiry_group.command("show")
@click.argument("enquiry_id", type=ID)
@click.option("--json", "as_json", is_flag=True, help="Print the enquiry with its interviews and history as JSON.")
@pass_state
def enquiry_show(state: CliState, enquiry_id: int, as_json: bool) -> None:
    """Show an enquiry: its version, status, deadline, notes and history."""
    detail = state.backend(write=False).detail(enquiry_id)
    if as_json:
        emit_json(detail.to_json())
        return
    row = detail.row
    echo(f"Enquiry {row.id} (version {row.version}): {row.status}, {row.type}, {row.priority} priority")
    echo(f"  from     {row.journalist}" + (f" ({row.outlet})" if row.outlet else ""))
    echo(f"  subject  {row.subject}")
    echo(f"  due      {_due(row.deadline, state)}")
    echo(f"  officer  {row.officer or 'unassigned'}")
    if row.expert:
        echo(f"  expert   {row.expert}")
    for line in detail.notes.splitlines():
        echo(f"  note     {line}")
    tz = ZoneInfo(state.settings.timezone)
    for item in detail.history:
        echo(f"  history  {item.at.astimezone(tz):%Y-%m-%d %H:%M} {item.who}: {item.summary}")


@enquiry_group.command("status")
@click.argument("enquiry_id", type=ID)
@click.argument("status")
@expect_version
@as_json
@pass_state
def enquiry_status(state: CliState, enquiry_id: int, status: str, expect_version: int | None, as_json: bool) -> None:
    """Move an enquiry to STATUS (new, triaged, routed, scheduled, done, declined, withdrawn) if the move is legal."""
    _change(state, enquiry_id, lambda core: core.change_status(enquiry_id, status, expect_version), as_json, "moved")


@enquiry_group.command("assign")
@click.argument("enquiry_id", type=ID)
@click.argument("officer")
@expect_version
@as_json
@pass_state
def enquiry_assign(state: CliState, enquiry_id: int, officer: str, expect_version: int | None, as_json: bool) -> None:
    """Give an enquiry to OFFICER ("" to unassign it)."""
    done = "assigned" if officer.strip() else "unassigned"
    _change(state, enquiry_id, lambda core: core.assign(enquiry_id, officer, expect_version), as_json, done)


@enquiry_group.command("note")
@click.argument("enquiry_id", type=ID)
@click.argument("text")
@as_json
@pass_state
def enquiry_note(state: CliState, enquiry_id: int, text: str, as_json: bool) -> None:
    """Add a dated note (notes never conflict with other changes, so there is no version check)."""
    _change(state, enquiry_id, lambda core: core.add_note(enquiry_id, text), as_json, "noted")


@enquiry_group.command("deadline")
@click.argument("enquiry_id", type=ID)
@click.argument("when")
@expect_version
@as_json
@pass_state
def enquiry_deadline(state: CliState, enquiry_id: int, when: str, expect_version: int | None, as_json: bool) -> None:
    """Set the deadline: "16:00", "tomorrow 9am", "+2h", an ISO time; "" clears it."""
    set_it = lambda core: core.set_deadline(enquiry_id, when, expect_version)  # noqa: E731
    _change(state, enquiry_id, set_it, as_json, "re-timed", new_deadline=True)


@enquiry_group.command("edit")
@click.argument("enquiry_id", type=ID)
@click.option("--subject", help="What the journalist wants, in a few words.")
@click.option("--type", "kind", help="interview, comment, information, data, images or other.")
@click.option("--priority", help="low, normal, high or urgent.")
@click.option("--deadline", help='When they need it ("" for no deadline).')
@click.option("--release", "release_id", type=ID, help="The id of the release it is about.")
@click.option("--no-release", is_flag=True, help="It is not about a release.")
@click.option("--officer", help='The officer it is assigned to ("" to unassign).')
@expect_version
@as_json
@pass_state
def enquiry_edit(
    state: CliState,
    enquiry_id: int,
    subject,
    kind,
    priority,
    deadline,
    release_id,
    no_release: bool,
    officer,
    expect_version: int | None,
    as_json: bool,
) -> None:
    """Change several fields in one change; nothing is written if any value is refused."""
    if release_id is not None and no_release:
        fail("release: give --release ID or --no-release, not both.")
    given = {"subject": subject, "type": kind, "priority": priority, "officer": officer, "deadline": deadline}
    fields: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    if release_id is not None or no_release:
        fields["release_id"] = release_id
    if not fields:
        fail("edit: say what to change: --subject, --type, --priority, --deadline, --release or --officer.")
    edit = lambda core: core.update_enquiry(enquiry_id, expect_version, **fields)  # noqa: E731
    _change(state, enquiry_id, edit, as_json, "edited", new_deadline=bool(deadline))


@enquiry_group.command("done")
@click.argument("enquiry_id", type=ID)
@expect_version
@as_json
@pass_state
def enquiry_done(state: CliState, enquiry_id: int, expect_version: int | None, as_json: bool) -> None:
    """Close an enquiry as done."""
    _change(state, enquiry_id, lambda core: core.mark_done(enquiry_id, expect_version), as_json, "closed")
