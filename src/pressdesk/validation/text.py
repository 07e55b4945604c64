"""Making typed or pasted text safe to store and show in a terminal."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_text"]

# String commands that run until a terminator: OSC (ESC ] / 0x9D), DCS (ESC P / 0x90),
# SOS (ESC X / 0x98), PM (ESC ^ / 0x9E) and APC (ESC _ / 0x9F), ended by BEL or ST (ESC \
# or 0x9C). An unterminated ESC form is removed to the end of its line; a lone 8-bit
# introducer (often just mis-decoded text) is dropped on its own by the control pass.
# Each match runs possessively from an introducer to the first stop with the terminator optional, so a line is read
# once however many introducers it holds; an 8-bit form that did not reach its terminator is put back (_unless_open).
_STRING_CMD_RE = re.compile(
    r"\x1b[\]PX^_][^\x07\x1b\x9c\n]*+(?:\x07|\x1b\\|\x9c)?"
    r"|(?P<open>[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*+(?P<ended>\x07|\x1b\\|\x9c)?"
)
# CSI sequences: ESC [ or 0x9B, parameter bytes, intermediate bytes, one final byte.
_CSI_RE = re.compile(r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?")
# Any other escape sequence: ESC, intermediate bytes, one final byte (e.g. ESC ( B, ESC 7).
_ESC_RE = re.compile(r"\x1b[\x20-\x2f]*[\x30-\x7e]?")
# Remaining C0 controls except TAB and LF, DEL and the C1 block.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates, directional marks, and invisible format characters.
_INVISIBLE_RE = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u2060-\u2064\ufeff\u180e\u00ad]")
# ZWNJ / ZWJ are kept only between two visible characters (emoji sequences, Indic and
# Persian words); anywhere else they are dropped.
_JOINER_RE = re.compile(r"(?<!\S)[\u200c\u200d]+|(?<![\u200c\u200d])[\u200c\u200d]++(?!\S)")
# The same sequences with ESC written as "^" (how Textual types out an ESC inside a bracketed
# paste) or as caret notation "^[": OSC to its BEL/^G/ST or the end of the line; DCS and APC
# only when terminated; CSI with parameters ("^[31m", "^[?25l"), in the "^[[" form, or the
# bare resets "^[m", "^[H", "^[J", "^[K". "2^[1]" or "^_^" are left alone.
_CARET_STRING_RE = re.compile(r"\^\[?\]\d+;[^\n\x07]*?(?:\x07|\^G|\^\[?\\|$)", re.MULTILINE)
# DCS and APC in caret form run to the first ^G, ^\ or ^[\ on their line (read once, possessively); one that reaches
# none is put back as it was (_unless_open).
_CARET_DCS_RE = re.compile(r"(?P<open>\^\[?[P_])(?:[^\n^]|\^(?!G|\[?\\))*+(?P<ended>\^G|\^\[?\\)?")
_CARET_CSI_RE = re.compile(r"\^\[(?:\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|[\x30-\x3f]+[\x20-\x2f]*[@A-Za-z`~]|[mHJK])")
_LINE_SEP_RE = re.compile("\r\n|\r|\u2028|\u2029|\x85")
# Lone surrogates: not text (they cannot be stored as UTF-8); they stand for bytes that were not UTF-8.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_WHITE_RUN_RE = re.compile(r"[ \t\n]+")


def _unless_open(match: re.Match[str]) -> str:
    """Nothing for an escape string that is removed; the text as it was for one that never reached its terminator."""
    return match.group(0) if match.group("open") and not match.group("ended") else ""


def _one_space_if_broken(match: re.Match[str]) -> str:
    """One space for a run of blanks holding a tab or a line break; a run of spaces alone as it was."""
    run = match.group(0)
    return " " if "\t" in run or "\n" in run else run


def clean_text(text: str | None, *, multiline: bool = False) -> str:
    """Remove terminal escapes (also as "^[" caret remnants), control and invisible bidi characters; keep markup.

    A lone surrogate (from bytes that were not UTF-8) becomes U+FFFD, so what is cleaned can always be stored."""
    if not text:
        return ""
    text = _SURROGATE_RE.sub("\ufffd", text)
    text = _LINE_SEP_RE.sub("\n", text)
    text = _STRING_CMD_RE.sub(_unless_open, text)
    text = _CSI_RE.sub("", text)
    text = _ESC_RE.sub("", text)
    text = _CARET_DCS_RE.sub(_unless_open, text)
    text = _CARET_STRING_RE.sub("", text)
    text = _CARET_CSI_RE.sub("", text)
    text = _CONTROL_RE.sub("", text)
    text = _INVISIBLE_RE.sub("", text)
    text = _JOINER_RE.sub("", text)
    if not multiline:
        text = _WHITE_RUN_RE.sub(_one_space_if_broken, text)
    return unicodedata.normalize("NFC", text).strip()
