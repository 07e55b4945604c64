"""Everything the command line prints goes through here, cleaned of terminal escapes and control characters;
and the few ways it writes a moment."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import click

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_JSON_UNSAFE_RE = re.compile("[\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def terminal_safe(text: Any) -> str:
    """Text fit for a terminal: escape sequences and control characters removed, line breaks and indents kept.

    Undecodable bytes (lone surrogates from arguments or file names) show as U+FFFD.
    """
    from pressdesk.validation.text import clean_text

    lines = _SURROGATE_RE.sub("\ufffd", str(text)).replace("\r\n", "\n").split("\n")
    return "\n".join(line[: len(line) - len(line.lstrip(" "))] + clean_text(line, multiline=True) for line in lines)


def one_line(text: Any) -> str:
    """Text for a one-line message: cleaned, with line breaks folded into spaces."""
    return " ".join(terminal_safe(text).split())


def echo(message: Any = "", *, err: bool = False, nl: bool = True) -> None:
    """click.echo of cleaned text: nothing from a file or a person reaches the terminal as an escape code."""
    click.echo(terminal_safe(message), err=err, nl=nl)


def to_json(data: Any, *, indent: int | None = 2) -> str:
    """JSON for scripts: UTF-8 text, with every control character, C1 code and lone surrogate \\u-escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, default=str)
    return _JSON_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def emit_json(data: Any) -> None:
    """Print a JSON document."""
    click.echo(to_json(data))


def emit_json_stream(items: Iterable[Any]) -> None:
    """Print a JSON array item by item, so a long listing is never held in memory whole.

    Nothing is printed before the first item exists, so a refusal raised while fetching it leaves stdout empty."""
    started = False
    for item in items:
        body = to_json(item).replace("\n", "\n  ")
        click.echo((",\n  " if started else "[\n  ") + body, nl=False)
        started = True
    click.echo("\n]" if started else "[]")


def local(moment: datetime | None, tz: str) -> str:
    """A moment in the desk's time zone, as a press officer reads it."""
    from zoneinfo import ZoneInfo

    if moment is None:
        return "no time set"
    return moment.astimezone(ZoneInfo(tz)).strftime("%a %d %b %Y %H:%M")


def format_due(deadline: datetime | None, tz: str) -> str:
    """A deadline in the desk's time zone with its countdown."""
    from zoneinfo import ZoneInfo

    from pressdesk.models.types import utcnow
    from pressdesk.validation import format_countdown

    if deadline is None:
        return "no deadline"
    local_time = deadline.astimezone(ZoneInfo(tz)).strftime("%a %d %b %H:%M")
    return f"{local_time} ({format_countdown(deadline, utcnow())})"
