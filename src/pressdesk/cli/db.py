"""`pressdesk db ...` (create, check and upgrade a desk) and `pressdesk demo` (fill a desk with the demo data)."""

from __future__ import annotations

import click

from pressdesk.cli.errors import DeskCommand, DeskGroup
from pressdesk.cli.output import echo, emit_json
from pressdesk.cli.state import CliState, pass_state


@click.command("demo", cls=DeskCommand)
@pass_state
def demo_cmd(state: CliState) -> None:
    """Fill an empty desk with the demo data (creating the desk if need be)."""
    from pressdesk.core import fill_demo

    counts = fill_demo(state.settings, state.target)
    echo("Demo data loaded: " + ", ".join(f"{n} {k}" for k, n in counts.items()))


db_group = DeskGroup(name="db", help="Look after the desk's database.")


@db_group.command("init")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=str))
@pass_state
def db_init(state: CliState, path: str | None) -> None:
    """Create a new desk at PATH (default: --db, PRESSDESK_DB or the everyday desk); an existing one is kept."""
    from pressdesk.core import init_desk

    where, existed = init_desk(path or state.target)
    echo(f"A desk is already at {where}; it is up to date." if existed else f"Created a new desk at {where}.")


@db_group.command("upgrade")
@pass_state
def db_upgrade(state: CliState) -> None:
    """Run pending migrations (a SQLite desk is copied aside first)."""
    from pressdesk.core import upgrade_desk

    before, after, was_up_to_date = upgrade_desk(state.target)
    if was_up_to_date:
        echo(f"Already up to date at {after}.")
    else:
        echo(f"Upgraded {before or 'empty desk'} -> {after}.")


@db_group.command("status")
@click.option("--json", "as_json", is_flag=True)
@pass_state
def db_status(state: CliState, as_json: bool) -> None:
    """Show the desk's location, schema revision and pending migrations."""
    from pressdesk.core import desk_status

    url, current, head, pending = desk_status(state.target)
    if as_json:
        emit_json({"url": url, "current": current, "head": head, "pending": list(pending)})
        return
    echo(f"desk:     {url}")
    echo(f"revision: {current or 'none (empty desk)'} (newest {head})")
    echo("pending:  " + (", ".join(pending) if pending else "none"))


@db_group.command("check")
@click.option("--rebuild-index", is_flag=True, help="Make the search index again from the tables first.")
@click.option("--json", "as_json", is_flag=True)
@pass_state
def db_check(state: CliState, rebuild_index: bool, as_json: bool) -> None:
    """Check the desk: integrity, foreign keys, schema revision, search index in step with its tables. Exits 1 when
    the desk is not sound."""
    from pressdesk.core import Backend

    core = Backend.open_as_is(state.settings, target=state.target)
    try:
        found = core.check(rebuild_index=rebuild_index)
        warnings = core.warnings
    finally:
        core.close()
    if as_json:
        emit_json(found.to_json() | {"warnings": list(warnings)})
    else:
        for warning in warnings:
            echo(f"Warning: {warning}", err=True)
        if not found.checked:
            echo("A server database looks after its own integrity; nothing to check here.")
        elif found.rebuilt:
            echo("Rebuilt the search index from the tables.")
        for problem in found.problems:
            echo(f"Problem: {problem}")
        if found.checked and found.ok:
            echo(f"The desk is sound: {', '.join(found.checked)}.")
    if not found.ok:
        raise SystemExit(1)
