"""Tests for pressdesk.validation.text."""

from __future__ import annotations

import pytest

from pressdesk.validation import clean_text

SINGLE_LINE = [
    # (text, cleaned)
    ("plain text", "plain text"),
    ("  padded  ", "padded"),
    ("\u00a0padded\u00a0", "padded"),
    (None, ""),
    ("", ""),
    ("\x1b[31mred\x1b[0m", "red"),
    ("\x1b[1;4;38;5;196mloud\x1b[m", "loud"),
    ("a\x1b[2Jb\x1b[Hc", "abc"),
    ("a\x1b[?25lb", "ab"),
    ("a\x1b]0;window title\x07b", "ab"),
    ("\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\", "link"),
    ("a\x1bP1$r0m\x1b\\b", "ab"),
    ("a\x1b_apc\x1b\\b", "ab"),
    ("x\x1b(By", "xy"),
    ("x\x1b7y\x1b8", "xy"),
    ("x\x1bcy", "xy"),
    ("a\x9b2Jb", "ab"),
    ("a\x9b31mb", "ab"),
    ("a\x9dtitle\x9cb", "ab"),
    ("a\x9dtitle\x07b", "ab"),
    ("caf\u00e9 \x9d ok", "caf\u00e9  ok"),
    ("a\x00b\x07c\x08d\x7fe", "abcde"),
    ("a\x1bb", "a"),
    ("trailing escape \x1b[", "trailing escape"),
    ("a\x85b", "a b"),
    ("a\u202eevil\u202cb", "aevilb"),
    ("a\u202ab\u202bc\u202dd", "abcd"),
    ("a\u2066b\u2067c\u2068d\u2069", "abcd"),
    ("zero\u200bwidth", "zerowidth"),
    ("\ufeffBOM", "BOM"),
    ("\u200dstart", "start"),
    ("\U0001f469\u200d\U0001f4bb", "\U0001f469\u200d\U0001f4bb"),
    ("line1\nline2", "line1 line2"),
    ("line1\r\nline2", "line1 line2"),
    ("line1\rline2", "line1 line2"),
    ("a\n\n\nb", "a b"),
    ("a \n  b", "a b"),
    ("col1\tcol2", "col1 col2"),
    ("a\u2028b", "a b"),
    ("[bold]not markup[/bold]", "[bold]not markup[/bold]"),
    ("[red]x[/] [link=https://x]y[/link]", "[red]x[/] [link=https://x]y[/link]"),
    ("e\u0301", "\u00e9"),
    ("A\u030a", "\u00c5"),
]


@pytest.mark.parametrize(("text", "cleaned"), SINGLE_LINE)
def test_clean_single_line(text: str | None, cleaned: str) -> None:
    assert clean_text(text) == cleaned


MULTILINE = [
    ("line1\nline2", "line1\nline2"),
    ("line1\r\nline2\rline3", "line1\nline2\nline3"),
    ("a\n\n\nb", "a\n\n\nb"),
    ("col1\tcol2", "col1\tcol2"),
    ("\n\n  text  \n\n", "text"),
    ("a\u2029b", "a\nb"),
    ("a\x1b[31m\nb\x1b[0m", "a\nb"),
    ("a\x1b]0;title\nb", "a\nb"),
    ("a\x0b\x0cb", "ab"),
    ("[i]keep[/i]\nme", "[i]keep[/i]\nme"),
]


@pytest.mark.parametrize(("text", "cleaned"), MULTILINE)
def test_clean_multiline(text: str, cleaned: str) -> None:
    assert clean_text(text, multiline=True) == cleaned


def test_result_has_no_control_characters() -> None:
    nasty = "".join(chr(c) for c in range(0x00, 0xA0)) + "ok"
    cleaned = clean_text(nasty, multiline=True)
    assert all(ch in "\n\t" or (ord(ch) >= 0x20 and not 0x7F <= ord(ch) <= 0x9F) for ch in cleaned)
    assert cleaned.endswith("ok")


# Textual's parser hands an ESC inside a bracketed paste over as a "^" key and the rest of the
# sequence as typed characters, so a pasted colour code reaches the Input as "^[31m".
CARET = [
    ("^[31mred^[0m", "red"),
    ("^[1;4;38;5;196mloud^[m", "loud"),
    ("^[[31mred^[[0m", "red"),
    ("a^[2Jb^[Hc", "abc"),
    ("a^[?25lb", "ab"),
    ("a ^]0;window title^G b", "a  b"),
    ("a ^[]0;window title^[\\ b", "a  b"),
    ("x ^]8;;https://example.com^Glink^]8;;^G", "x link"),
    ("^]0;title and the rest of the line", ""),
    ("a ^P1$r0m^\\ b", "a  b"),
    ("footnote 2^[1] stays", "footnote 2^[1] stays"),
    ("x^2 + y^2 ^_^ stays", "x^2 + y^2 ^_^ stays"),
]


@pytest.mark.parametrize(("text", "cleaned"), CARET)
def test_caret_remnants_of_pasted_escapes_are_removed(text: str, cleaned: str) -> None:
    assert clean_text(text) == cleaned


def test_a_paste_through_textual_is_stored_without_its_escapes() -> None:
    from textual import events
    from textual._xterm_parser import XTermParser

    pasted = "\x1b[200~Paste \x1b[31mRED\x1b[0m and \x1b]0;title\x07\x1b[201~"
    parser = XTermParser()
    tokens = [*parser.feed(pasted), *parser.feed("")]
    typed = "".join(t.character for t in tokens if isinstance(t, events.Key) and t.is_printable)
    text = typed + "".join(t.text for t in tokens if isinstance(t, events.Paste))
    assert "^[31m" in text  # what an Input holds after the paste
    assert clean_text(text) == "RED and"
