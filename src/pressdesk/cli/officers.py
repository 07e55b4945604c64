"""`pressdesk officers ...`: the desk's team, which assignment picks from."""

from __future__ import annotations

import click

from pressdesk.cli.errors import DeskGroup
from pressdesk.cli.output import echo, emit_json
from pressdesk.cli.state import CliState, pass_state

officers_group = DeskGroup(name="officers", help="The desk's officers (name, initials, email).")


@officers_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print them as JSON.")
@pass_state
def officers_list(state: CliState, as_json: bool) -> None:
    """Every officer on the desk, by name."""
    found = state.backend(write=False).officers()
    if as_json:
        emit_json([o._asdict() for o in found])
        return
    if not found:
        echo("No officers on this desk yet: add one with `pressdesk officers add NAME`.")
    for officer in found:
        echo(f"{officer.initials:<4}{officer.name}" + (f"  <{officer.email}>" if officer.email else ""))


@officers_group.command("add")
@click.argument("name")
@click.option("--initials", help="Their initials (default: from the name).")
@click.option("--email", default="", help="Their email address.")
@pass_state
def officers_add(state: CliState, name: str, initials: str | None, email: str) -> None:
    """Put an officer on the desk's list; once it has one, enquiries are assigned only to officers on it."""
    added = state.backend().add_officer(name, initials=initials, email=email)
    echo(f"Added {added.name} ({added.initials}).")
