"""The click machinery every pressdesk command shares: one error path, text arguments checked, bounded record ids,
commands imported only when run."""

from __future__ import annotations

import errno
import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from pressdesk.cli.output import one_line, terminal_safe
from pressdesk.errors import clipped, quoted

ID_MAX = 2**63 - 1
"""The largest id SQLite (and PostgreSQL's bigint) can hold."""


def fail(message: str) -> None:
    """Refuse: print `Error: message` on stderr as one line and exit 2."""
    raise CliError(message)


class CliError(click.ClickException):
    """A refusal shown as one line, `Error: <field>: <what is wrong>`, with exit code 2."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))

    def show(self, file: Any = None) -> None:
        """Print the one line on stderr."""
        click.echo(f"Error: {self.format_message()}", err=True)


def field_of(param: click.Parameter | None) -> str:
    """The name a person knows a parameter by: the long option without dashes, or the argument's name."""
    if param is None:
        return "value"
    if isinstance(param, click.Option) and param.opts:
        return max(param.opts, key=len).lstrip("-")
    return (param.name or "value").replace("_", " ")


def describe(exc: BaseException) -> str | None:
    """The one-line message for a failure the desk knows how to explain, or None for a real bug."""
    from pressdesk.core.errors import explain
    from pressdesk.errors import ConflictError

    if isinstance(exc, ConflictError):
        return (
            f"expect-version: {exc.entity} {exc.entity_id} is now at version {exc.current_version}, saved by "
            f"{exc.changed_by}; nothing was changed. Look at it again and repeat your change."
        )
    if (message := explain(exc)) is not None:
        return message
    if isinstance(exc, OSError) and exc.errno != errno.EPIPE:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}."
    return None


@contextmanager
def one_error_path() -> Iterator[None]:
    """Turn every failure a person can cause into CliError; clean the values click echoes in its usage errors."""
    try:
        yield
    except CliError:
        raise
    except click.MissingParameter as exc:
        exc.message = clipped(terminal_safe(exc.message))
        raise
    except click.BadParameter as exc:
        raise CliError(f"{field_of(exc.param)}: {clipped(exc.message)}") from None
    except click.UsageError as exc:
        exc.message = clipped(terminal_safe(exc.message))
        raise
    except click.ClickException:
        raise
    except Exception as exc:  # noqa: BLE001 - known failures become one line; the rest are bugs and re-raised
        message = describe(exc)
        if message is None:
            raise
        raise CliError(message) from None


class FilePath(click.Path):
    """A file name argument: a name the system cannot encode is refused naming the field, not a traceback."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """Check the name as click does, turning an unencodable name into a usage error."""
        try:
            return super().convert(value, param, ctx)
        except (UnicodeEncodeError, ValueError) as exc:
            if isinstance(exc, UnicodeEncodeError) or "null" in str(exc):
                self.fail("is not a file name this system can use.", param, ctx)
            raise


def refuse_undecodable(param: click.Parameter, value: Any) -> None:
    """Refuse a text value holding bytes that were not UTF-8 (Python keeps them as lone surrogates)."""
    if isinstance(param.type, click.Path | click.File):
        return  # a file name may be any bytes; it is shown cleaned
    values = value if isinstance(value, tuple | list) else (value,)
    for v in values:
        if isinstance(v, str):
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:
                raise click.BadParameter("is not valid text (bytes that are not UTF-8).", param=param) from None


class CheckedArgs:
    """Mixin: after parsing, every text parameter is checked for bytes that are not UTF-8."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse as click does, then refuse undecodable text values naming their field."""
        rest = super().parse_args(ctx, args)  # type: ignore[misc]
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            refuse_undecodable(param, ctx.params.get(param.name or ""))
        return rest


class DeskCommand(CheckedArgs, click.Command):
    """A pressdesk command: text arguments checked, free text starting with "-" taken as text (cli/dashes.py)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse as CheckedArgs does, with dashed text moved after "--" so click reads it as an argument; an unknown
        option is refused saying how to give text that looks like one."""
        from pressdesk.cli.dashes import text_after_options, with_text_hint

        typed = list(args)  # click's parser takes the words off the list it is given
        try:
            return super().parse_args(ctx, text_after_options(self, ctx, args))
        except click.NoSuchOption as exc:
            raise with_text_hint(self, exc, typed) from None


class DeskGroup(CheckedArgs, click.Group):
    """A pressdesk command group: its commands and subgroups share the one error path."""

    command_class = DeskCommand
    group_class = type  # subgroups made with @group.group() are DeskGroups too

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra):
        """Parse the group's own options through the one error path."""
        with one_error_path():
            return super().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the chosen command through the one error path."""
        with one_error_path():
            return super().invoke(ctx)


class LazyGroup(DeskGroup):
    """A group whose commands are imported when first asked for: start-up loads only the command being run.

    `lazy` maps each command's name to "module:attribute"; adding a command is one line there."""

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command's name, loaded or not."""
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        """The command, imported the first time it is asked for."""
        if name in self.lazy and name not in self.commands:
            module, _, attribute = self.lazy[name].partition(":")
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)


class RecordId(click.ParamType):
    """A record's id: a whole number from 1 to 2**63 - 1, so nothing too big ever reaches the database."""

    name = "id"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        """The id as an int, or a refusal that says what an id is."""
        if isinstance(value, int):
            number = value
        else:
            text = str(value).strip().lstrip("#")
            number = int(text) if text.isascii() and text.isdecimal() and len(text) <= 19 else 0
        if not 1 <= number <= ID_MAX:
            self.fail(f"{quoted(str(value))} is not an id; ids are whole numbers from 1 to {ID_MAX}.", param, ctx)
        return number


ID = RecordId()
VERSION = click.IntRange(1, ID_MAX)
"""A record's version number, as shown by --json and `enquiry show`."""
