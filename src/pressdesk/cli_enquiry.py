"""`pressdesk enquiry ...`: act on one enquiry from a script, with the TUI's services and its version check."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import click

from pressdesk.cli import CliState, fail, format_due, pass_state
from pressdesk.cli_core import ID, VERSION, DeskGroup
from pressdesk.cli_output import echo, emit_json

enquiry_group = DeskGroup(
    name="enquiry",
    help="Act on one enquiry: show, status, assign, note, deadline, edit, done. "
    "--expect-version N refuses the change if someone saved the enquiry since version N.",
)

expect_version = click.option(
    "--expect-version", type=VERSION, help="Refuse if the enquiry is no longer at this version (see --json)."
)
as_json = click.option("--json", "as_json", is_flag=True, help="Print the enquiry as it now stands, as JSON.")


def _change(state: CliState, enquiry_id: int, act: Callable[[Any], Any], as_json: bool, done: str) -> None:
    """Run one change in a write session, then print the enquiry as it now stands."""
    from pressdesk.services import queries

    desk = state.open()
    with desk.write() as session:
        act(session)
    with desk.read() as session:
        row = queries.get_enquiry(session, enquiry_id)
        notes = queries.enquiry_detail(session, enquiry_id).notes
    if as_json:
        emit_json(row.to_json() | {"notes": notes})
        return
    officer = f", officer {row.officer}" if row.officer else ", unassigned"
    echo(f"Enquiry {row.id} {done} (version {row.version}): {row.status}, due {_due(row, state)}{officer}")
    echo(f"  {row.journalist}" + (f" ({row.outlet})" if row.outlet else "") + f": {row.subject}")


def _due(row, state: CliState) -> str:
    """The deadline as the desk shows it."""
    return format_due(row.deadline, state.settings.timezone) if row.deadline else "no deadline"


@enquiry_group.command("show")
@click.argument("enquiry_id", type=ID)
@click.option("--json", "as_json", is_flag=True, help="Print the enquiry with its interviews and history as JSON.")
@pass_state
def enquiry_show(state: CliState, enquiry_id: int, as_json: bool) -> None:
    """Show an enquiry: its version, status, deadline, notes and history."""
    from pressdesk.services import queries

    with state.open(write=False).read() as session:
        detail = queries.enquiry_detail(session, enquiry_id)
    if as_json:
        emit_json(detail.to_json())
        return
    row = detail.row
    echo(f"Enquiry {row.id} (version {row.version}): {row.status}, {row.type}, {row.priority} priority")
    echo(f"  from     {row.journalist}" + (f" ({row.outlet})" if row.outlet else ""))
    echo(f"  subject  {row.subject}")
    echo(f"  due      {_due(row, state)}")
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
    from pressdesk.services import enquiries

    def act(session):
        enquiries.change_status(
            session, who=state.settings.officer, enquiry_id=enquiry_id, to=status, expected_version=expect_version
        )

    _change(state, enquiry_id, act, as_json, "moved")


@enquiry_group.command("assign")
@click.argument("enquiry_id", type=ID)
@click.argument("officer")
@expect_version
@as_json
@pass_state
def enquiry_assign(state: CliState, enquiry_id: int, officer: str, expect_version: int | None, as_json: bool) -> None:
    """Give an enquiry to OFFICER ("" to unassign it)."""
    from pressdesk.services import enquiries

    def act(session):
        enquiries.assign(
            session, who=state.settings.officer, enquiry_id=enquiry_id, officer=officer, expected_version=expect_version
        )

    _change(state, enquiry_id, act, as_json, "assigned" if officer.strip() else "unassigned")


@enquiry_group.command("note")
@click.argument("enquiry_id", type=ID)
@click.argument("text")
@as_json
@pass_state
def enquiry_note(state: CliState, enquiry_id: int, text: str, as_json: bool) -> None:
    """Add a dated note (notes never conflict with other changes, so there is no version check)."""
    from pressdesk.services import enquiries

    _change(
        state,
        enquiry_id,
        lambda session: enquiries.add_note(session, who=state.settings.officer, enquiry_id=enquiry_id, text=text),
        as_json,
        "noted",
    )


@enquiry_group.command("deadline")
@click.argument("enquiry_id", type=ID)
@click.argument("when")
@expect_version
@as_json
@pass_state
def enquiry_deadline(state: CliState, enquiry_id: int, when: str, expect_version: int | None, as_json: bool) -> None:
    """Set the deadline: "16:00", "tomorrow 9am", "+2h", an ISO time; "" clears it."""
    from pressdesk.services import enquiries

    def act(session):
        s = state.settings
        enquiries.set_deadline(
            session, who=s.officer, tz=s.timezone, enquiry_id=enquiry_id, deadline=when, expected_version=expect_version
        )

    _change(state, enquiry_id, act, as_json, "re-timed")


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
    from pressdesk.services import enquiries

    if release_id is not None and no_release:
        fail("release: give --release ID or --no-release, not both.")
    given = {"subject": subject, "type": kind, "priority": priority, "officer": officer, "deadline": deadline}
    fields: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    if release_id is not None or no_release:
        fields["release_id"] = release_id
    if not fields:
        fail("edit: say what to change: --subject, --type, --priority, --deadline, --release or --officer.")

    def act(session):
        s = state.settings
        enquiries.update_enquiry(
            session, who=s.officer, tz=s.timezone, enquiry_id=enquiry_id, expected_version=expect_version, **fields
        )

    _change(state, enquiry_id, act, as_json, "edited")


@enquiry_group.command("done")
@click.argument("enquiry_id", type=ID)
@expect_version
@as_json
@pass_state
def enquiry_done(state: CliState, enquiry_id: int, expect_version: int | None, as_json: bool) -> None:
    """Close an enquiry as done."""
    from pressdesk.services import enquiries

    def act(session):
        enquiries.mark_done(session, who=state.settings.officer, enquiry_id=enquiry_id, expected_version=expect_version)

    _change(state, enquiry_id, act, as_json, "closed")


def register(main: click.Group) -> None:
    """Add `pressdesk enquiry ...` to the command group."""
    main.add_command(enquiry_group)
