"""`pressdesk export ...`: write records out to files (today: scheduled interviews as iCalendar)."""

from __future__ import annotations

import click

from pressdesk.cli.errors import DeskCommand
from pressdesk.cli.output import echo
from pressdesk.cli.state import CliState, pass_state
from pressdesk.words import counted


@click.command("interviews", cls=DeskCommand)
@click.option("--format", "fmt", type=click.Choice(["ics"]), default="ics", show_default=True)
@click.option("-o", "--output", required=True, metavar="FILE", help="The .ics file to write ('-' for stdout).")
@pass_state
def export_interviews(state: CliState, fmt: str, output: str) -> None:
    """Write the scheduled interviews as an iCalendar file that calendar programs import. It carries personal data
    (experts' and journalists' names and details): share it only with those who need it."""
    core = state.backend(write=False)
    if output == "-":
        core.export_ics(click.open_file("-", "wb"))
        return
    count, _where = core.export_ics(output)
    echo(f"Wrote {counted(count, 'scheduled interview')} to {output}.")
