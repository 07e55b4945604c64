"""Show people's text literally: never as markup, never with control characters."""

from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_JOINING = re.compile("[\u200d\ufe0e\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")
"""Code points that make terminals draw emoji together or wider (joiners, presentation selectors, keycaps,
skin tones, tags): each terminal counts them its own way."""
_FLAG_LETTERS = {cp: chr(ord("A") + cp - 0x1F1E6) for cp in range(0x1F1E6, 0x1F200)}
"""Regional indicator symbols (flags) as the letters they stand for: 🇬🇧 reads GB."""


def plain(value: object) -> str:
    """Text with any control character (escape sequences included) removed."""
    return _CONTROL.sub("", "" if value is None else str(value))


def lit(value: object, style: str = "") -> Text:
    """A Rich Text that shows the value exactly, brackets and all."""
    return Text(plain(value), style=style, no_wrap=False)


def one_glyph_each(text: str) -> str:
    """Text whose width every terminal agrees on: emoji sequences drawn one glyph per code point.

    Rich measures 👨‍👩‍👧 or ❤️ as the single glyph a modern terminal draws, tmux and VTE draw the parts apart;
    a table cell measured one way and drawn the other pushes the table's border. Dropping the joiners keeps
    each emoji, in the width both agree on.
    """
    return _JOINING.sub("", text).translate(_FLAG_LETTERS)


def cell(value: object, style: str = "") -> Text:
    """A table cell that shows the value literally on one line, cut (by cells) with an ellipsis when too long."""
    return Text(one_glyph_each(plain(value)), style=style, no_wrap=True, overflow="ellipsis")


def line(*parts: tuple[object, str] | object) -> Text:
    """Join literal parts, each either a value or (value, style)."""
    out = Text()
    for part in parts:
        if isinstance(part, tuple):
            out.append(plain(part[0]), style=part[1])
        else:
            out.append(plain(part))
    return out
