"""The command line: `pressdesk` alone opens the TUI; subcommands log, list, validate and manage desks."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime

import click

from pressdesk.cli_core import ID, CliError, DeskGroup
from pressdesk.cli_output import echo, emit_json, emit_json_stream
from pressdesk.paths import created_on_first_use, demo_db_path
from pressdesk.settings import Settings, load_settings

__all__ = ["CliState", "emit_json", "ensure_demo", "fail", "main", "pass_state"]


@dataclass
class CliState:
    """What every subcommand needs: the settings and which desk to open."""

    settings: Settings
    demo: bool = False

    @property
    def target(self) -> str | None:
        """The desk path or URL chosen by --db, PRESSDESK_DB or --demo."""
        if self.demo:
            return str(demo_db_path())
        return self.settings.db

    def open(self, *, write: bool = True):
        """Open the chosen desk (running migrations). Only a command that writes may create a desk, and only the
        everyday or demo desk: a named desk that is missing is refused, so a mistyped --db creates nothing."""
        from pressdesk.store import open_desk

        create = self.demo or (write and created_on_first_use(self.target))
        desk = open_desk(self.target, create=create)
        if self.demo:
            ensure_demo(desk, self.settings)
        return desk


def ensure_demo(desk, settings: Settings) -> bool:
    """Fill the desk with demo data if it has no enquiries yet; True if it did."""
    from pressdesk.services import demo, queries

    with desk.read() as session:
        if queries.count_enquiries(session):
            return False
    with desk.write() as session:
        demo.load_demo(session, who=settings.officer, region=settings.region)
    return True


def fail(message: str) -> None:
    """Refuse: print `Error: message` on stderr as one line and exit 2."""
    raise CliError(message)


pass_state = click.make_pass_decorator(CliState)


@click.group(cls=DeskGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db", metavar="PATH_OR_URL", help="The desk to open (also PRESSDESK_DB).")
@click.option("--demo", is_flag=True, help="Use the separate demo desk, created on first use.")
@click.option("--region", help="Default phone region, e.g. GB (also PRESSDESK_REGION).")
@click.option("--officer", help="Your name on the history (also PRESSDESK_OFFICER).")
@click.version_option(package_name="pressdesk")
@click.pass_context
def main(ctx: click.Context, db: str | None, demo: bool, region: str | None, officer: str | None) -> None:
    """pressdesk: log journalists' enquiries, meet their deadlines, route them to experts."""
    tui = ctx.invoked_subcommand is None  # the TUI checks the region in its start-up worker: phonenumbers is slow
    settings = load_settings().with_overrides(db=db, region=region, officer=officer).checked(region=not tui)
    ctx.obj = CliState(settings=settings, demo=demo)
    if tui:
        from pressdesk.tui.app import run

        sys.exit(run(ctx.obj.settings, target=ctx.obj.target, demo=demo))


@main.group()
def validate() -> None:
    """Check a phone number or email address (offline)."""


@validate.command("phone")
@click.argument("text")
@click.option("--region", help="Region for numbers without a country code (default: the desk's).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_state
def validate_phone(state: CliState, text: str, region: str | None, as_json: bool) -> None:
    """Validate a phone number in any format; exit 0 when valid, 1 when not."""
    from pressdesk.validation import parse_phone

    result = parse_phone(text, (region or state.settings.region).upper())
    if as_json:
        emit_json(result.as_dict())
    elif result.valid:
        ext = f" ext. {result.extension}" if result.extension else ""
        echo(f"valid {result.kind or ''} number in {result.region}: {result.e164}{ext}")
        echo(f"  international: {result.international}\n  national:      {result.national}")
    else:
        echo(f"not valid: {result.error}")
        if result.e164:
            echo(f"  read as {result.e164}")
    sys.exit(0 if result.valid else 1)


@validate.command("email")
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def validate_email(text: str, as_json: bool) -> None:
    """Validate an email address without any network look-up; exit 0 when valid, 1 when not."""
    from pressdesk.validation import parse_email

    result = parse_email(text)
    if as_json:
        emit_json(result.as_dict())
    elif result.valid:
        echo(f"valid: {result.normalized}")
    else:
        echo(f"not valid: {result.error}")
    sys.exit(0 if result.valid else 1)


@main.command("log")
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
    as_json,
) -> None:
    """Log an enquiry, finding the caller by phone or email before creating a new journalist."""
    from pressdesk.services import enquiries, queries

    s = state.settings
    desk = state.open()
    with desk.write() as session:
        enquiry = enquiries.log_enquiry(
            session,
            who=s.officer,
            region=s.region,
            tz=s.timezone,
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
        )
        enquiry_id = enquiry.id
    with desk.read() as session:
        row = queries.get_enquiry(session, enquiry_id)
        person = queries.list_journalists(session, ids=[row.journalist_id])[0]
    if as_json:
        emit_json(row.to_json() | {"emails": list(person.emails), "phones": list(person.phones)})
    else:
        echo(f"Logged enquiry {row.id}: {row.subject}")
        echo(f"  from {row.journalist}" + (f" ({row.outlet})" if row.outlet else ""))
        echo(f"  due {format_due(row.deadline, s.timezone)}")


def format_due(deadline: datetime | None, tz: str) -> str:
    """A deadline in the desk's time zone with its countdown."""
    from zoneinfo import ZoneInfo

    from pressdesk.models import utcnow
    from pressdesk.validation import format_countdown

    if deadline is None:
        return "no deadline"
    local = deadline.astimezone(ZoneInfo(tz)).strftime("%a %d %b %H:%M")
    return f"{local} ({format_countdown(deadline, utcnow())})"


OPEN_STATUSES = ("new", "triaged", "routed", "scheduled")
LIST_KINDS = ("enquiries", "journalists", "experts", "releases")


@main.command("list")
@click.argument("kind", type=click.Choice(LIST_KINDS))
@click.option("--status", multiple=True, help="Only enquiries in this status (repeatable).")
@click.option("--open", "open_only", is_flag=True, help="Only open enquiries.")
@click.option("--overdue", is_flag=True, help="Only open enquiries past their deadline.")
@click.option("--text", help="Only those matching these words or this number.")
@click.option("--officer", help="Only enquiries assigned to this officer.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 100_000), help="Rows at most.")
@click.option("--all", "every_row", is_flag=True, help="Every matching row, however many (overrides --limit).")
@click.option("--json", "as_json", is_flag=True, help="Print rows as JSON.")
@pass_state
def list_cmd(state: CliState, kind, status, open_only, overdue, text, officer, limit, every_row, as_json) -> None:
    """List enquiries (most urgent first), journalists, experts or releases; stderr says when rows were left out."""
    desk = state.open(write=False)
    with desk.read() as session:
        if kind == "enquiries":
            filters = {
                "status": list(status) or None,
                "open_only": open_only,
                "overdue": overdue,
                "text": text,
                "officer": officer,
            }
            rows = _enquiry_items(session, filters, None if every_row else limit + 1)
        else:
            rows = _people_or_release_items(session, kind, text, None if every_row else limit + 1)
        items = Capped(rows, None if every_row else limit)
        if as_json:
            emit_json_stream(items)
        else:
            for item in items:
                echo(_line(kind, item, state.settings.timezone))
        left_out = items.more and _total(session, kind, filters if kind == "enquiries" else {"text": text})
    if not as_json and not items.count:
        echo(f"No {kind} match.")
    if left_out:
        echo(f"showing {items.count} of {left_out} (--all for every row)", err=True)


class Capped:
    """Items passed through up to a limit, counted, noting whether more were left out."""

    def __init__(self, items, limit: int | None) -> None:
        self.items, self.limit, self.count, self.more = iter(items), limit, 0, False

    def __iter__(self):
        for item in self.items:
            if self.limit is not None and self.count >= self.limit:
                self.more = True
                return
            self.count += 1
            yield item


def _enquiry_items(session, filters: dict, limit: int | None):
    """Enquiries as JSON-ready dicts with their journalist's emails and phones, streamed in batches."""
    from itertools import islice

    from pressdesk.services import queries

    rows = (
        queries.stream_enquiries(session, **filters)
        if limit is None
        else iter(queries.list_enquiries(session, **filters, limit=limit))
    )
    while batch := list(islice(rows, 500)):
        ids = list({r.journalist_id for r in batch if r.journalist_id})
        people = {p.id: p for p in queries.list_journalists(session, ids=ids, limit=len(ids) or 1)}
        for r in batch:
            person = people.get(r.journalist_id)
            yield r.to_json() | {
                "emails": list(person.emails) if person else [],
                "phones": list(person.phones) if person else [],
            }


PAGE = 500


def _people_or_release_items(session, kind: str, text: str | None, limit: int | None):
    """Journalists, experts or releases as JSON-ready dicts, a page at a time."""
    from pressdesk.services import queries

    lister = {
        "journalists": queries.list_journalists,
        "experts": queries.list_experts,
        "releases": queries.list_releases,
    }[kind]
    offset = 0
    while limit is None or offset < limit:
        size = PAGE if limit is None else min(PAGE, limit - offset)
        page = lister(session, text=text, limit=size, offset=offset)
        yield from (row.to_json() for row in page)
        if len(page) < size:
            return
        offset += size


def _total(session, kind: str, filters: dict) -> int:
    """How many rows match in all, for the note that says some were left out."""
    from pressdesk.services import queries

    if kind == "enquiries":
        return queries.count_matching_enquiries(session, **filters)
    return sum(1 for _ in _people_or_release_items(session, kind, filters["text"], None))


def _line(kind: str, item: dict, tz: str) -> str:
    """One human-readable line of a listing."""
    if kind == "enquiries":
        due = datetime.fromisoformat(item["deadline"]) if item["deadline"] else None
        if item["status"] not in OPEN_STATUSES:
            closed = format_due(due, tz).split(" (")[0] if due else "no deadline"
            return (
                f"{item['id']:>6}  {closed:<28} {item['status']:<9} {item['type']:<11} "
                f"{item['journalist']} ({item['outlet']}): {item['subject']}"
            )
        return (
            f"{item['id']:>6}  {format_due(due, tz):<28} {item['status']:<9} {item['type']:<11} "
            f"{item['journalist']} ({item['outlet']}): {item['subject']}"
        )
    if kind == "releases":
        return f"{item['id']:>6}  {item['issued_on'] or '':<10}  {item['title']}"
    contact = ", ".join(item["phones"][:1] + item["emails"][:1])
    return f"{item['id']:>6}  {item['name']:<28} {item['outlet']:<28} {contact}"


@main.command("demo")
@pass_state
def demo_cmd(state: CliState) -> None:
    """Fill an empty desk with the demo data (creating the desk if need be)."""
    from pressdesk.services import demo
    from pressdesk.store import open_desk

    desk = open_desk(state.target, create=True)
    with desk.write() as session:
        counts = demo.load_demo(session, who=state.settings.officer, region=state.settings.region)
    echo("Demo data loaded: " + ", ".join(f"{n} {k}" for k, n in counts.items()))


@main.group("db")
def db_group() -> None:
    """Look after the desk's database."""


@db_group.command("init")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=str))
@pass_state
def db_init(state: CliState, path: str | None) -> None:
    """Create a new desk at PATH (default: --db, PRESSDESK_DB or the everyday desk); an existing one is kept."""
    from pressdesk.store import open_desk
    from pressdesk.store.desk import sqlite_file
    from pressdesk.store.errors import mask_url

    target = path or state.target
    file = sqlite_file(target)
    existed = file is not None and file.exists()
    desk = open_desk(target, create=True)
    where = str(file) if file is not None else mask_url(desk.url)
    echo(f"A desk is already at {where}; it is up to date." if existed else f"Created a new desk at {where}.")


@db_group.command("upgrade")
@pass_state
def db_upgrade(state: CliState) -> None:
    """Run pending migrations (a SQLite desk is copied aside first)."""
    from pressdesk.store import open_desk
    from pressdesk.store.migrate import status, upgrade

    desk = open_desk(state.target, migrate=False, create=False)
    before = status(desk)
    after = upgrade(desk)
    if before.up_to_date:
        echo(f"Already up to date at {after.current}.")
    else:
        echo(f"Upgraded {before.current or 'empty desk'} -> {after.current}.")


@db_group.command("status")
@click.option("--json", "as_json", is_flag=True)
@pass_state
def db_status(state: CliState, as_json: bool) -> None:
    """Show the desk's location, schema revision and pending migrations."""
    from pressdesk.store import open_desk
    from pressdesk.store.errors import mask_url
    from pressdesk.store.migrate import status

    desk = open_desk(state.target, migrate=False, create=False)
    st = status(desk)
    url = mask_url(desk.url)
    if as_json:
        emit_json({"url": url, "current": st.current, "head": st.head, "pending": list(st.pending)})
        return
    echo(f"desk:     {url}")
    echo(f"revision: {st.current or 'none (empty desk)'} (newest {st.head})")
    echo("pending:  " + (", ".join(st.pending) if st.pending else "none"))


from pressdesk import cli_enquiry, cli_workflow  # noqa: E402 - these commands need the group above

cli_workflow.register(main)
cli_enquiry.register(main)
