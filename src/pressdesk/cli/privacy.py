"""`pressdesk privacy ...`: the desk's data-protection duties (subject access, erasure, purging, telling people,
the do-not-contact list, the history of every change)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from pressdesk.cli.errors import ID, DeskGroup, fail
from pressdesk.cli.output import echo, emit_json, emit_json_stream, local
from pressdesk.cli.state import CliState, pass_state
from pressdesk.words import counted

if TYPE_CHECKING:
    from pressdesk.core.views import ErasurePreview

KINDS = click.Choice(["journalist", "expert", "press_contact"])

privacy_group = DeskGroup(
    name="privacy",
    help="Data protection: answer a subject access request, erase or purge people, tell people the desk holds them, "
    "keep the do-not-contact list, export the history.",
)


def _person(func):
    """The options that name one person: --email, --phone or --id (with --kind)."""
    for option in reversed(
        [
            click.option("--email", help="Everyone with this email address."),
            click.option("--phone", help="Everyone with this phone number (any format)."),
            click.option("--id", "person_id", type=ID, help="The person with this id (see --kind)."),
            click.option("--kind", type=KINDS, default="journalist", show_default=True, help="What --id counts."),
        ]
    ):
        func = option(func)
    return func


def _on_terminal() -> bool:
    """Whether someone is at the keyboard to answer a question."""
    return sys.stdin.isatty()


def _someone_to_ask(yes: bool) -> None:
    """Refuse before anything is read when there is no --yes and nobody at a terminal to answer."""
    if not yes and not _on_terminal():
        fail("yes: nobody at a terminal to ask; give --yes to go ahead without being asked.")


@privacy_group.command("export")
@_person
@click.option("-o", "--output", required=True, metavar="FILE", help="The JSON file to write ('-' for stdout).")
@pass_state
def privacy_export(state: CliState, email, phone, person_id, kind, output) -> None:
    """Write everything held about one person (details, contact points, enquiries, notes, history, interviews,
    coverage, releases) as JSON, for a subject access request. The file carries their personal data: it is made
    readable only by you; send it to them securely and do not keep copies."""
    core = state.backend(write=False)
    person = {"email": email, "phone": phone, "person_id": person_id, "kind": kind}
    if output == "-":
        emit_json(core.subject_access(**person).document)
        return
    written = core.export_subject_access(output, **person)
    echo(f"Wrote everything held about {counted(written.count, 'person', 'people')} to {written.where}.")


def _describe(preview: ErasurePreview) -> list[str]:
    """What erasing one person takes away, line by line."""
    lines = [f"{preview.kind.replace('_', ' ')} #{preview.id} {preview.display_name}"]
    if preview.points:
        lines.append(
            f"  {counted(len(preview.points), 'contact point')} removed and put on the do-not-contact list: "
            + ", ".join(value for _kind, value in preview.points)
        )
    if preview.enquiries:
        lines.append(f"  {counted(preview.enquiries, 'enquiry')} kept for the figures, anonymised (notes cleared)")
    if preview.interviews:
        lines.append(f"  {counted(preview.interviews, 'interview request')} removed")
    if preview.releases:
        lines.append(f"  named on {counted(preview.releases, 'release')}: the link removed, the release kept")
    lines.append(
        f"  {counted(preview.history_rows, 'history row')} about them or their records: their name, numbers and "
        "notes taken out"
    )
    return lines


@privacy_group.command("erase")
@_person
@click.option("--yes", is_flag=True, help="Erase without showing what will go and asking first.")
@pass_state
def privacy_erase(state: CliState, email, phone, person_id, kind, yes) -> None:
    """Erase a person: their details and contact points go (the numbers and addresses onto the do-not-contact
    list), their enquiries and history are anonymised (the figures survive), and no byte of their name, email or
    number is left in the desk file, its search index or its WAL. Shows what will go and asks, unless --yes."""
    _someone_to_ask(yes)
    core = state.backend()
    people = core.erasure_preview(email=email, phone=phone, person_id=person_id, kind=kind)
    if not yes:
        echo(f"This erases {counted(len(people), 'person', 'people')}, for good:")
        for preview in people:
            for line in _describe(preview):
                echo(line)
    if not yes and not click.confirm("Erase them?", default=False):
        echo("Nothing was erased.")
        return
    done = core.erase([(p.kind, p.id) for p in people])
    for person in done.people:
        echo(
            f"Erased {person.kind.replace('_', ' ')} #{person.id}: {counted(person.enquiries, 'enquiry')} anonymised, "
            f"{counted(person.history_rows, 'history row')} rewritten, {counted(person.text_rows, 'other text')} "
            f"cleaned, {counted(person.do_not_contact, 'number or address', 'numbers and addresses')} "
            "put on the do-not-contact list."
        )
    if done.namesakes:
        echo(
            f"{counted(done.namesakes, 'other person', 'other people')} on the desk share their name: "
            "their own records keep it (not counted as a trace)."
        )
    if not done.files_checked:
        echo("A server database: its files and backups are for its administrator to clean.")
    elif done.traces:
        echo(f"Warning: {counted(done.traces, 'trace')} of them still found in the desk's files.", err=True)
        raise SystemExit(1)
    else:
        echo("No trace of them is left in the desk file, its WAL or its shared memory. Backups still hold them.")


@privacy_group.command("purge")
@click.option("--older-than", required=True, metavar="AGE", help="No activity for this long: 3y, 18m, 6w or 90d.")
@click.option("--dry-run", is_flag=True, help="Only list who would be anonymised.")
@click.option("--yes", is_flag=True, help="Anonymise without listing them and asking first.")
@pass_state
def privacy_purge(state: CliState, older_than: str, dry_run: bool, yes: bool) -> None:
    """Anonymise everyone with no activity for AGE (as erase does, without the do-not-contact list)."""
    if not dry_run:
        _someone_to_ask(yes)
    core = state.backend(write=not dry_run)
    found = core.purge(older_than, dry_run=True)
    when = local(found.cut_off, state.settings.timezone)
    if not found.people:
        echo(f"Nobody has been quiet since {when}.")
        return
    echo(f"{counted(len(found.people), 'person', 'people')} with no activity since {when}:")
    for person in found.people:
        echo(f"  {person.kind.replace('_', ' ')} #{person.id} {person.name}")
    if dry_run or (not yes and not click.confirm("Anonymise them?", default=False)):
        echo("Nothing was changed.")
        return
    done = core.purge(older_than)
    echo(f"Anonymised {counted(done.erased, 'person', 'people')}.")


@privacy_group.command("not-told")
@click.option("--json", "as_json", is_flag=True)
@pass_state
def privacy_not_told(state: CliState, as_json: bool) -> None:
    """People collected more than a month ago and not yet told the desk holds their details (the ICO's month)."""
    rows = state.backend(write=False).not_told()
    if as_json:
        emit_json([r.to_json() for r in rows])
        return
    if not rows:
        echo("Everyone collected more than a month ago has been told.")
        return
    for r in rows:
        echo(
            f"{r.kind.replace('_', ' ')} #{r.id} {r.name}: collected {local(r.collected_at, state.settings.timezone)}"
            f" ({r.source or 'source not known'}), {counted(r.days_over, 'day')} over the month"
        )
    echo(f"{counted(len(rows), 'person', 'people')} to tell; `pressdesk privacy told ID` records it.")


@privacy_group.command("told")
@click.argument("ids", nargs=-1, required=True, type=ID)
@click.option("--kind", type=KINDS, default="journalist", show_default=True)
@click.option("--how", default="", help="How they were told (an email, a call...), for the history.")
@pass_state
def privacy_told(state: CliState, ids: tuple[int, ...], kind: str, how: str) -> None:
    """Record that these people were told the desk holds their details."""
    n = state.backend().mark_told(kind, ids, how=how)
    echo(f"Recorded {counted(n, kind.replace('_', ' '))} as told.")


@privacy_group.command("do-not-contact")
@click.option("--email", "emails", multiple=True, help="An address that asked not to be contacted (repeatable).")
@click.option("--phone", "phones", multiple=True, help="A number that asked not to be contacted (repeatable).")
@click.option("--reason", default="objected", show_default=True)
@pass_state
def privacy_dnc(state: CliState, emails: tuple[str, ...], phones: tuple[str, ...], reason: str) -> None:
    """Put numbers and addresses on the do-not-contact list (kept only as salted hashes): logging them again is
    refused unless the officer overrides."""
    n = state.backend().do_not_contact(phones=phones, emails=emails, reason=reason)
    echo(f"Added {counted(n, 'number or address', 'numbers and addresses')} to the do-not-contact list.")


@privacy_group.command("history")
@click.option("-o", "--output", default="-", metavar="FILE", help="The file to write ('-', the default: stdout).")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
@pass_state
def privacy_history(state: CliState, output: str, fmt: str) -> None:
    """Export the whole history: every change, when, and the officer who made it. It names people: the file is
    made readable only by you."""
    core = state.backend(write=False)
    if output == "-":
        if fmt == "csv":
            fail("format: csv is written to a file; give -o FILE.")
        emit_json_stream(row.to_json() for row in core.history())
        return
    written = core.export_history(output, fmt=fmt)
    echo(f"Wrote {counted(written.count, 'history row')} to {written.where}.")
