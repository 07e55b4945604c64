"""Show people's text literally: never as markup, never with control characters."""

from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(value: object) -> str:
    """Text with any control character (escape sequences included) removed."""
    return _CONTROL.sub("", "" if value is None else str(value))


def lit(value: object, style: str = "") -> Text:
    """A Rich Text that shows the value exactly, brackets and all."""
    return Text(plain(value), style=style, no_wrap=False)


def cell(value: object, style: str = "") -> Text:
    """A table cell that shows the value literally on one line, cut with an ellipsis when too long."""
    return Text(plain(value), style=style, no_wrap=True, overflow="ellipsis")


def line(*parts: tuple[object, str] | object) -> Text:
    """Join literal parts, each either a value or (value, style)."""
    out = Text()
    for part in parts:
        if isinstance(part, tuple):
            out.append(plain(part[0]), style=part[1])
        else:
            out.append(plain(part))
    return out
