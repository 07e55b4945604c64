"""`pressdesk report` and `pressdesk export enquiries|report`: the report of a period and the enquiry log as files."""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any

import click

from pressdesk.cli.errors import DeskCommand
from pressdesk.cli.output import echo, emit_json
from pressdesk.cli.state import CliState, pass_state
from pressdesk.words import counted

LOG_FORMATS = ("csv", "xlsx", "json", "md", "html")
REPORT_FORMATS = ("xlsx", "html", "md")
PERIODS = ("day", "week", "month")


def _period_options(command: Callable) -> Callable:
    """--from, --to and --period, shared by `report` and `export report`."""
    command = click.option(
        "--period", type=click.Choice(PERIODS), help="The current day, week or month (default: week)."
    )(command)
    command = click.option("--to", "to_text", metavar="DATE", help="Last day included, e.g. today, friday, 27/11.")(
        command
    )
    return click.option("--from", "from_text", metavar="DATE", help="First day, e.g. monday, 'last week', 16/11.")(
        command
    )


@contextmanager
def _target(output: str):
    """The binary stream "-" stands for (stdout), or the file name itself."""
    yield click.open_file("-", "wb") if output == "-" else output


@contextmanager
def _progress_bar(output: str):
    """A progress callback drawing a bar on stderr when it is a terminal and the output a file; else None."""
    if output == "-" or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=1, label="Exporting", file=sys.stderr, show_pos=True) as bar:

        def told(done: int, total: int) -> None:
            bar.length = max(total, 1)
            bar.update(done - bar.pos)

        yield told


@click.command("enquiries", cls=DeskCommand)
@click.option("--format", "fmt", type=click.Choice(LOG_FORMATS), default="csv", show_default=True)
@click.option("--from", "from_text", metavar="DATE", help="Received from this day, e.g. today, monday, 'last week'.")
@click.option("--to", "to_text", metavar="DATE", help="Received up to this day, included.")
@click.option("--status", multiple=True, metavar="STATUS", help="Only these statuses (repeat or comma-separate).")
@click.option("--officer", multiple=True, metavar="NAME", help="Only these officers' enquiries.")
@click.option("--type", "kind", multiple=True, metavar="TYPE", help="Only these types (comment, interview...).")
@click.option("--outlet", multiple=True, metavar="NAME", help="Only enquiries from these outlets.")
@click.option("--open", "open_only", is_flag=True, help="Only enquiries still open.")
@click.option("-o", "--output", required=True, metavar="FILE", help="The file to write ('-' for stdout).")
@pass_state
def export_enquiries(
    state: CliState,
    fmt: str,
    from_text: str | None,
    to_text: str | None,
    status: tuple[str, ...],
    officer: tuple[str, ...],
    kind: tuple[str, ...],
    outlet: tuple[str, ...],
    open_only: bool,
    output: str,
) -> None:
    """Write the enquiry log, one row per enquiry, as CSV, XLSX, JSON, Markdown or HTML."""
    core = state.backend(write=False)
    with _target(output) as target, _progress_bar(output) as progress:
        written = core.export_enquiries(
            target,
            fmt,
            from_text=from_text,
            to_text=to_text,
            status=status,
            officer=officer,
            type=kind,
            outlet=outlet,
            open_only=open_only,
            progress=progress,
        )
    if output != "-":
        echo(f"Wrote {counted(written.count, 'enquiry', 'enquiries')} to {written.where}.")


@click.command("report", cls=DeskCommand)
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default="xlsx", show_default=True)
@_period_options
@click.option("-o", "--output", required=True, metavar="FILE", help="The file to write ('-' for stdout).")
@pass_state
def export_report(
    state: CliState, fmt: str, from_text: str | None, to_text: str | None, period: str | None, output: str
) -> None:
    """Write the report of a period: XLSX (charts, a sheet per table, the log last), HTML or Markdown."""
    core = state.backend(write=False)
    with _target(output) as target, _progress_bar(output) as progress:
        written = core.export_report(
            target, fmt, period=period, from_text=from_text, to_text=to_text, progress=progress
        )
    if output != "-":
        echo(f"Wrote the report of {written.report.period.title} to {written.where}.")


@click.command("report", cls=DeskCommand)
@_period_options
@click.option("--json", "as_json", is_flag=True, help="The figures as JSON, for scripts.")
@pass_state
def report_cmd(state: CliState, from_text: str | None, to_text: str | None, period: str | None, as_json: bool) -> None:
    """The report of a period: what came in, response times, deadlines, interviews, coverage."""
    view = state.backend(write=False).report(period, from_text=from_text, to_text=to_text)
    if as_json:
        emit_json(view.report.to_json())
        return
    echo(render_document(view.document))


def _cell(value: Any) -> str:
    """A table value as text: numbers as written, none as a dash."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def render_table(headings: tuple[str, ...], rows: tuple[tuple, ...], numeric: tuple[bool, ...]) -> list[str]:
    """A table as aligned lines: headings, a rule, rows (numbers to the right)."""
    cells = [list(headings), *([_cell(v) for v in row] for row in rows)]
    widths = [max(len(line[n]) for line in cells) for n in range(len(headings))]

    def line(values: list[str]) -> str:
        return "  ".join(
            v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric, strict=True)
        ).rstrip()

    return [line(cells[0]), "  ".join("─" * w for w in widths), *(line(r) for r in cells[1:])]


def render_document(document: Any) -> str:
    """The report as text for a terminal: title, headline figures, then each table."""
    lines = [document.title, document.subtitle, ""]
    width = max(len(f.label) for f in document.figures)
    lines += [f"{f.label.ljust(width)}  {f.value}" for f in document.figures]
    for table in document.tables:
        lines += ["", table.title]
        lines += render_table(table.headings, table.rows, table.numeric) if table.rows else ["  (none)"]
    return "\n".join(lines)
