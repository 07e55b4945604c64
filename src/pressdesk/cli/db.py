"""`pressdesk db ...` (create, check and upgrade a desk) and `pressdesk demo` (fill a desk with the demo data)."""

from __future__ import annotations

import sys

import click

from pressdesk.cli.errors import DeskCommand, DeskGroup, FilePath
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
@click.argument("path", required=False, type=FilePath(dir_okay=False, path_type=str))
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
    """Check the desk: integrity, foreign keys, schema revision, search index in step with its tables (on
    PostgreSQL also the id sequences ahead of their tables). Exits 1 when the desk is not sound."""
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


@db_group.command("copy")
@click.option("--to", "to", metavar="PATH_OR_URL", help="Copy this desk into an empty desk there.")
@click.option("--from", "from_", metavar="PATH_OR_URL", help="Copy the desk there into this (empty) desk.")
@pass_state
def db_copy(state: CliState, to: str | None, from_: str | None) -> None:
    """Copy a whole desk into an empty one, e.g. SQLite up to PostgreSQL (--to) or back (--from)."""
    from pressdesk.core import copy_desk
    from pressdesk.errors import FieldError

    if (to is None) == (from_ is None):
        raise FieldError("copy", "give either --to PATH_OR_URL or --from PATH_OR_URL.")
    source, target = (state.target, to) if to is not None else (from_, state.target)
    with click.progressbar(length=1, label="copying", file=sys.stderr) as bar:

        def progress(table: str, done: int, total: int) -> None:
            bar.length = max(total, 1)
            bar.label = f"copying {table:<22}"
            bar.update(done - bar.pos)

        copied = copy_desk(source, target, progress)
    echo(f"Copied {sum(copied.rows.values())} records from {copied.source} to {copied.target}:")
    echo("  " + ", ".join(f"{n} {table}" for table, n in copied.rows.items() if n))
    echo("Row counts and id sequences checked.")
