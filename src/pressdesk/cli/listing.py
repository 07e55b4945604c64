"""`pressdesk list`: enquiries (most urgent first), journalists, experts or releases, as lines or streamed JSON."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

import click

from pressdesk.cli.errors import DeskCommand
from pressdesk.cli.output import echo, emit_json_stream, format_due
from pressdesk.cli.state import CliState, pass_state
from pressdesk.models.enums import OPEN_STATUSES

LIST_KINDS = ("enquiries", "journalists", "experts", "releases")


class Capped:
    """Items passed through up to a limit, counted, noting whether more were left out."""

    def __init__(self, items: Iterable[Any], limit: int | None) -> None:
        self.items, self.limit, self.count, self.more = iter(items), limit, 0, False

    def __iter__(self) -> Iterator[Any]:
        for item in self.items:
            if self.limit is not None and self.count >= self.limit:
                self.more = True
                return
            self.count += 1
            yield item

    def close(self) -> None:
        """Let the source go (and the session it reads from)."""
        close = getattr(self.items, "close", None)
        if close is not None:
            close()


@click.command("list", cls=DeskCommand)
@click.argument("kind", type=click.Choice(LIST_KINDS))
@click.option("--status", multiple=True, help="Only enquiries in this status (repeatable).")
@click.option("--open", "open_only", is_flag=True, help="Only open enquiries.")
@click.option("--overdue", is_flag=True, help="Only open enquiries past their deadline.")
@click.option("--text", help="Only those matching these words or this number.")
@click.option("--officer", help="Only enquiries assigned to this officer.")
@click.option("--mine", is_flag=True, help="Only enquiries assigned to me (--officer, PRESSDESK_OFFICER).")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 100_000), help="Rows at most.")
@click.option("--all", "every_row", is_flag=True, help="Every matching row, however many (overrides --limit).")
@click.option("--json", "as_json", is_flag=True, help="Print rows as JSON.")
@pass_state
def list_cmd(state: CliState, kind, status, open_only, overdue, text, officer, mine, limit, every_row, as_json) -> None:
    """List enquiries (most urgent first), journalists, experts or releases; stderr says when rows were left out."""
    core = state.backend(write=False)
    if mine:
        officer = state.settings.officer
    fetch = None if every_row else limit + 1
    filters = {
        "status": list(status) or None,
        "open_only": open_only,
        "overdue": overdue,
        "text": text,
        "officer": officer,
    }
    if kind == "enquiries":
        rows = core.list_enquiries(limit=fetch, **filters)
    else:
        rows = core.listing(kind, text=text, limit=fetch)
    items = Capped((row.to_json() for row in rows), None if every_row else limit)
    try:
        if as_json:
            emit_json_stream(items)
        else:
            for item in items:
                echo(_line(kind, item, state.settings.timezone, state.settings.region))
    finally:
        items.close()
        rows.close()
    if not items.more:
        left_out = 0
    elif kind == "enquiries":
        left_out = core.count_enquiries(**filters)
    else:
        left_out = core.count_listing(kind, text=text)
    if not as_json and not items.count:
        echo(f"No {kind} match.")
    if left_out:
        echo(f"showing {items.count} of {left_out} (--all for every row)", err=True)


def _line(kind: str, item: dict, tz: str, region: str | None = None) -> str:
    """One human-readable line of a listing (numbers as dialled from region; --json keeps them in E.164)."""
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
    from pressdesk.validation import readable_phone  # people only: an enquiry listing never loads phonenumbers

    contact = ", ".join([readable_phone(p, region) for p in item["phones"][:1]] + item["emails"][:1])
    return f"{item['id']:>6}  {item['name']:<28} {item['outlet']:<28} {contact}"
