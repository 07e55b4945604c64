"""`pressdesk import contacts`, `pressdesk contacts ...` (duplicates, merge, archive, outlets, media lists) and
`pressdesk export contacts`."""

from __future__ import annotations

import io
import sys
from typing import Any

import click

from pressdesk.cli.errors import ID, DeskCommand, DeskGroup, FilePath, fail
from pressdesk.cli.output import echo, emit_json, one_line
from pressdesk.cli.state import CliState, pass_state
from pressdesk.words import counted

KINDS = click.Choice(["journalists", "experts"])
EXPERTS = click.option("--experts", "experts", is_flag=True, help="Work on experts (default: journalists).")


def _kind(experts: bool) -> str:
    """The people a command works on."""
    return "experts" if experts else "journalists"


# --- pressdesk import contacts ----------------------------------------------------------------------------


@click.command("contacts", cls=DeskCommand)
@click.argument("files", metavar="FILE...", nargs=-1, required=True, type=FilePath(dir_okay=False, path_type=str))
@click.option("--dry-run", is_flag=True, help="Read and check everything and report; store nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--as", "as_", type=KINDS, default="journalists", show_default=True, help="Who the people are.")
@pass_state
def import_contacts_cmd(state: CliState, files: tuple[str, ...], dry_run: bool, as_json: bool, as_: str) -> None:
    """Import people from contacts files: CSV (generic, Google, Outlook), vCard, LDIF or media lists (XLSX, XLS, ODS).

    One record per person across all the files and the desk (same number, same email, or a close name at the same
    outlet); pairs it cannot decide go to `pressdesk contacts duplicates`. Bad values are listed with file, row,
    field and reason and never stored. All or nothing: if anything fails, nothing is stored."""
    summary = state.backend(write=not dry_run).import_contacts(list(files), as_=as_, dry_run=dry_run)
    if as_json:
        emit_json(summary.to_json())
        return
    verb = "Would import" if dry_run else "Imported"
    files_read = ", ".join(one_line(name) for name in summary.files)  # a file's name may hold a line break
    echo(f"{verb} {counted(summary.rows, 'row')} from {files_read} as {as_}:")
    echo(
        f"  added {summary.added}, updated {summary.updated}, merged {summary.merged}, "
        f"unchanged {summary.unchanged}, rejected {len(summary.rejected)}, to review {len(summary.review)}"
    )
    if summary.rejected:
        echo("Rejected (not stored):")
    for r in summary.rejected:
        echo(f"  {one_line(r.file)} row {r.row}, {r.field}: {one_line(r.value)!r}: {one_line(r.reason)}")
    if summary.review:
        echo("To review (`pressdesk contacts duplicates`):")
    for item in summary.review:
        pair = f"{one_line(item.name)} may be {one_line(item.other)}"
        echo(f"  {one_line(item.file)} row {item.row}, {pair}: {item.reason}")
    if dry_run:
        echo("Dry run: nothing was stored.")


# --- pressdesk contacts ... ---------------------------------------------------------------------------------

contacts_group = DeskGroup(name="contacts", help="People on the desk: duplicates, merging, archiving, media lists.")


def _card(card: Any, region: str | None = None) -> str:
    """One side of a pair as a line (numbers as dialled from region)."""
    from pressdesk.validation import readable_phone

    where = f" ({card.outlet})" if card.outlet else ""
    details = ", ".join([*card.emails, *(readable_phone(p, region) for p in card.phones)])
    return (
        f"#{card.id} {card.name}{where}"
        + (f" <{details}>" if details else "")
        + (" [archived]" if card.archived else "")
    )


@contacts_group.command("duplicates")
@EXPERTS
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 10_000), help="Show at most this many.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def duplicates_cmd(state: CliState, experts: bool, limit: int, as_json: bool) -> None:
    """People who may be one person, most alike first; decide with `contacts merge` or `contacts not-duplicate`."""
    pairs = state.backend(write=False).duplicates(_kind(experts), limit=limit)
    if as_json:
        emit_json([p.to_json() for p in pairs])
        return
    if not pairs:
        echo("No possible duplicates.")
    for p in pairs:
        echo(f"{p.a.id} {p.b.id}  score {p.score}, {p.reason} ({p.found_by})")
        echo(f"  a: {_card(p.a, state.settings.region)}")
        echo(f"  b: {_card(p.b, state.settings.region)}")


def _keep(values: tuple[str, ...]) -> dict[str, str]:
    """--keep name=b,role=b (repeatable) as {field: side}."""
    keep: dict[str, str] = {}
    for value in values:
        for part in filter(None, (p.strip() for p in value.split(","))):
            field, sep, side = part.partition("=")
            if not sep:
                fail(f"keep: say which side to keep for each field, e.g. --keep name=b, not {part!r}.")
            keep[field.strip().replace("-", "_")] = side.strip().casefold()
    return keep


@contacts_group.command("merge")
@click.argument("a", type=ID)
@click.argument("b", type=ID)
@click.option(
    "--keep",
    "keep",
    multiple=True,
    metavar="FIELD=a|b",
    help="Which person's value a field takes, e.g. --keep name=b,role=b (default: A's, or B's where A has none; "
    "topics and notes from both).",
)
@EXPERTS
@click.option("--json", "as_json", is_flag=True, help="Print what the merge did as JSON.")
@pass_state
def merge_cmd(state: CliState, a: int, b: int, keep: tuple[str, ...], experts: bool, as_json: bool) -> None:
    """Make B part of A: A stays with every email and number of both, B's enquiries, interviews and lists; B goes.
    The merge is in the history, with B as it was."""
    outcome = state.backend().merge_people(a, b, kind=_kind(experts), keep=_keep(keep))
    if as_json:
        emit_json(outcome.to_json())
        return
    changed = ", ".join(outcome.changes) or "no field"
    moved = ", ".join(f"{k} {v}" for k, v in outcome.moved.items() if v) or "nothing"
    echo(f"Merged #{outcome.merged} into #{outcome.kept}: changed {changed}; moved {moved}.")


@contacts_group.command("not-duplicate")
@click.argument("a", type=ID)
@click.argument("b", type=ID)
@EXPERTS
@pass_state
def not_duplicate_cmd(state: CliState, a: int, b: int, experts: bool) -> None:
    """Say A and B are two people: off the review list, never suggested again."""
    state.backend().not_duplicate(a, b, kind=_kind(experts))
    echo(f"#{a} and #{b} are two people; they will not be suggested again.")


@contacts_group.command("archive")
@click.argument("person_id", metavar="ID", type=ID)
@EXPERTS
@click.option("--undo", is_flag=True, help="Bring the person back from the archive.")
@pass_state
def archive_cmd(state: CliState, person_id: int, experts: bool, undo: bool) -> None:
    """Archive a person: hidden from look-up, name suggestions and routing, kept for history."""
    name = state.backend().archive_person(_kind(experts), person_id, archived=not undo)
    echo(f"Brought back {name} (#{person_id})." if undo else f"Archived {name} (#{person_id}).")


@contacts_group.command("outlets")
@click.argument("text", required=False, default="")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def outlets_cmd(state: CliState, text: str, as_json: bool) -> None:
    """Outlets (matching a text), with how many journalists each has."""
    rows = state.backend(write=False).outlets(text, limit=1000)
    if as_json:
        emit_json([r.to_json() for r in rows])
        return
    for r in rows:
        echo(f"{r.id:>6}  {r.name}  ({counted(r.journalists, 'journalist')})")


@contacts_group.command("lists")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def lists_cmd(state: CliState, as_json: bool) -> None:
    """The media lists, with how many journalists each holds."""
    rows = state.backend(write=False).media_lists()
    if as_json:
        emit_json([r.to_json() for r in rows])
        return
    if not rows:
        echo("No media lists yet: make one with `pressdesk contacts list-create NAME --beat ...`.")
    for r in rows:
        built = f"  [{r.built_from}]" if r.built_from else ""
        echo(f"{r.id:>4}  {r.name}  ({counted(r.members, 'journalist')}){built}")


@contacts_group.command("list-create")
@click.argument("name")
@click.argument("journalist_ids", metavar="[ID]...", nargs=-1, type=ID)
@click.option("--text", help="Journalists matching these words.")
@click.option("--beat", help="Journalists with this beat.")
@click.option("--outlet", help="Journalists at this outlet (by name).")
@click.option("--description", default="", help="What the list is for.")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
@pass_state
def list_create_cmd(
    state: CliState,
    name: str,
    journalist_ids: tuple[int, ...],
    text: str | None,
    beat: str | None,
    outlet: str | None,
    description: str,
    as_json: bool,
) -> None:
    """Make a media list from a filter (--text, --beat, --outlet: every live journalist matching) and/or by hand
    (journalist ids)."""
    row = state.backend().create_media_list(
        name, description=description, text=text, beat=beat, outlet=outlet, journalist_ids=journalist_ids
    )
    if as_json:
        emit_json(row.to_json())
        return
    echo(f"Made media list {row.name} (#{row.id}) with {counted(row.members, 'journalist')}.")


@contacts_group.command("list-add")
@click.argument("name")
@click.argument("journalist_ids", metavar="ID...", nargs=-1, required=True, type=ID)
@pass_state
def list_add_cmd(state: CliState, name: str, journalist_ids: tuple[int, ...]) -> None:
    """Put journalists on a media list (by its name or id)."""
    added = state.backend().add_to_media_list(name, journalist_ids)
    echo(f"Added {counted(added, 'journalist')} to {name}.")


@contacts_group.command("list-remove")
@click.argument("name")
@click.argument("journalist_ids", metavar="ID...", nargs=-1, required=True, type=ID)
@pass_state
def list_remove_cmd(state: CliState, name: str, journalist_ids: tuple[int, ...]) -> None:
    """Take journalists off a media list."""
    removed = state.backend().remove_from_media_list(name, journalist_ids)
    echo(f"Took {counted(removed, 'journalist')} off {name}.")


@contacts_group.command("list-show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def list_show_cmd(state: CliState, name: str, as_json: bool) -> None:
    """The journalists on a media list."""
    people = state.backend(write=False).media_list_members(name, limit=100_000)
    if as_json:
        emit_json([p.to_json() for p in people])
        return
    for p in people:
        echo(f"{p.id:>6}  {p.name}" + (f" ({p.outlet})" if p.outlet else ""))


# --- pressdesk export contacts ------------------------------------------------------------------------------


@click.command("contacts", cls=DeskCommand)
@click.option("--list", "list_name", metavar="NAME", help="Only the journalists on this media list.")
@click.option("--format", "fmt", type=click.Choice(["csv", "vcf", "xlsx"]), required=True, help="File format.")
@click.option("-o", "--output", required=True, metavar="FILE", help="The file to write ('-' for stdout).")
@pass_state
def export_contacts_cmd(state: CliState, list_name: str | None, fmt: str, output: str) -> None:
    """Write journalists (a media list's, or every live one) as CSV, vCard 4 or XLSX for a mail program.

    The file carries personal data (names, emails, phone numbers): it is made readable by you only; keep it safe
    and delete it when done. Spreadsheet cells that look like formulas are written as text."""
    core = state.backend(write=False)
    if output != "-":
        count = core.export_contacts(fmt, output, list_name=list_name)
        echo(f"Wrote {counted(count, 'journalist')} to {output}. It holds personal data: keep it safe.")
        return
    if fmt == "xlsx":
        if sys.stdout.isatty():
            fail("output: an XLSX file is not for a terminal; give -o FILE.xlsx or pipe it.")
        workbook = io.BytesIO()  # whole, then out: a closed pipe is the pipe's, not the workbook writer's
        core.export_contacts(fmt, workbook, list_name=list_name)
        click.open_file("-", "wb").write(workbook.getvalue())
        return
    buffer = io.StringIO(newline="")
    core.export_contacts(fmt, buffer, list_name=list_name)
    if sys.stdout.isatty():
        echo(buffer.getvalue(), nl=False)  # on a screen: escapes from a name never reach the terminal
    else:
        sys.stdout.write(buffer.getvalue())
