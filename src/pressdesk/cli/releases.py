"""`pressdesk import release FILE`: read a press release and store it with its experts and press contacts."""

from __future__ import annotations

import click

from pressdesk.cli.errors import DeskCommand, FilePath
from pressdesk.cli.output import echo, emit_json, local
from pressdesk.cli.state import CliState, pass_state


@click.command("release", cls=DeskCommand)
@click.argument("file", type=FilePath(dir_okay=False, allow_dash=True, path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print what was read (and stored) as JSON.")
@click.option("--dry-run", is_flag=True, help="Read the release and report; store nothing.")
@pass_state
def import_release_cmd(state: CliState, file: str, as_json: bool, dry_run: bool) -> None:
    """Read a press release (plain text) and store it with its experts and press contacts."""
    from pressdesk.core import Backend

    text, source = Backend.read_release_file(file, stdin=click.open_file("-", "rb"))  # before any desk is opened
    parsed, release_id, created, matched = state.backend(write=not dry_run).import_release(
        text, source, dry_run=dry_run
    )
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
    from pressdesk.validation import readable_phone

    tz, region = state.settings.timezone, state.settings.region
    echo(f"Title:    {parsed.title}")
    echo(f"Date:     {parsed.date.isoformat() if parsed.date else 'not found'}")
    echo(f"Embargo:  {local(parsed.embargo, tz) if parsed.embargo else 'none'}")
    if parsed.embargo_zone:
        echo(f"Zone:     {parsed.embargo_zone}")
    if parsed.issuer:
        echo(f"Issuer:   {'; '.join(parsed.issuer)}")
    if parsed.place:
        echo(f"Place:    {parsed.place}")
    for e in parsed.experts:
        extra = ", ".join(filter(None, [e.title, e.affiliation]))
        channels = ", ".join(filter(None, [e.email, *(readable_phone(p, region) for p in e.phones)]))
        echo(f"Expert:   {e.display_name}" + (f" ({extra})" if extra else "") + f", {e.source}")
        if channels:
            echo(f"          {channels}")
    for c in parsed.press_contacts:
        labels = dict(c.phone_labels)
        phones = [readable_phone(p, region) + (f" {labels[p]}" if p in labels else "") for p in c.phones]
        detail = ", ".join(filter(None, [c.role, c.organisation, c.email, *phones]))
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
