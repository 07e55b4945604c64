"""`pressdesk backup FILE` and `pressdesk restore FILE`: a consistent private copy of the desk, and putting one back."""

from __future__ import annotations

import click

from pressdesk.cli.errors import DeskCommand
from pressdesk.cli.output import echo
from pressdesk.cli.state import CliState, pass_state


@click.command("backup", cls=DeskCommand)
@click.argument("file", metavar="FILE")
@pass_state
def backup_cmd(state: CliState, file: str) -> None:
    """Copy the desk to FILE, a new file only you can read (0600), while others carry on writing. It holds
    everyone's personal data: keep it as safe as the desk. Never overwrites a file."""
    from pressdesk.core import Backend

    core = Backend.open_as_is(state.settings, target=state.target)
    try:
        made = core.backup(file)
    finally:
        core.close()
    echo(f"Backed up the desk to {made.path} ({made.size:,} bytes, readable only by you).")


@click.command("restore", cls=DeskCommand)
@click.argument("file", metavar="FILE")
@pass_state
def restore_cmd(state: CliState, file: str) -> None:
    """Replace the desk with the backup in FILE. The backup is checked first (integrity, foreign keys, a schema this
    pressdesk knows); the desk it replaces is kept aside, and the command says where. On PostgreSQL, FILE is a
    pg_dump archive (as `pressdesk backup` makes there), restored with pg_restore only into an empty desk."""
    from pressdesk.core import restore_desk

    done = restore_desk(state.target, file)
    echo(f"Restored the desk from {done.restored_from}: checked {', '.join(done.checked)}.")
    if done.copy_revision != done.revision:
        echo(f"  The backup was at schema {done.copy_revision}; brought up to {done.revision}.")
    if done.replaced is not None:
        echo(f"  The desk it replaced is kept at {done.replaced}")
    elif done.on_server:
        echo("  It went into an empty desk on the server: nothing was replaced.")
    else:
        echo("  There was no desk before it.")
