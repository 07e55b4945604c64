"""Free text that starts with "-" ("-called back", "-5% in exam passes") taken as text, not as an unknown option.

A word shaped like an option ("--jsno", "-j", "-called") is still an option, so a mistyped one is refused and never
becomes a note; text with a space, a digit or a sign after its dash cannot be an option and is taken as written."""

from __future__ import annotations

import re
from itertools import islice

import click

from pressdesk.errors import quoted

_OPTION_SHAPED = re.compile(r"--?[A-Za-z][A-Za-z0-9_-]*(?:=.*)?", re.DOTALL)
"""A word that is (or could be a mistyped) option: a dash or two, a letter, letters, digits and dashes, an =value."""


def is_dashed_text(word: str) -> bool:
    """Whether a word starting with "-" can only be text (a space, digit or sign after the dash), never an option."""
    return len(word) > 1 and word.startswith("-") and word != "--" and not _OPTION_SHAPED.fullmatch(word)


def _values_taken(option: click.Option, word: str) -> int:
    """How many of the words after an option's own word are its value (0 for a flag or a value given with it)."""
    if option.is_flag or option.count or "=" in word or (not word.startswith("--") and len(word) > 2):
        return 0
    return max(option.nargs, 1)


def _option_of(word: str, options: dict[str, click.Option]) -> click.Option | None:
    """The option a word names: "--subject", "--subject=x", "-o" or "-ofile" (a short option that takes a value);
    None for any other word ("-h elp" is text: help takes no value)."""
    if word.startswith("--"):
        return options.get(word.partition("=")[0])
    option = options.get(word[:2]) if word.startswith("-") else None
    if option is None or len(word) == 2:
        return option
    return None if option.is_flag or option.count else option


def text_after_options(command: click.Command, ctx: click.Context, args: list[str]) -> list[str]:
    """The words reordered so click reads dashed text as an argument: the options first, then "--", then every
    argument in its order. Unchanged when no argument starts with "-" or the person already wrote "--"."""
    if "--" in args or not any(is_dashed_text(word) for word in args):
        return args
    given = [p for p in command.get_params(ctx) if isinstance(p, click.Option)]
    options = {name: p for p in given for name in (*p.opts, *p.secondary_opts)}
    leading: list[str] = []
    arguments: list[str] = []
    words = iter(args)
    for word in words:
        option = _option_of(word, options)
        if option is not None:
            leading.append(word)
            leading.extend(islice(words, _values_taken(option, word)))
        elif _OPTION_SHAPED.fullmatch(word):
            leading.append(word)  # an unknown option: click refuses it
        else:
            arguments.append(word)
    if not any(is_dashed_text(word) for word in arguments):
        return args  # the dashed words were all options' values: click reads them as they are
    return [*leading, "--", *arguments]


def with_text_hint(command: click.Command, exc: click.NoSuchOption, args: list[str]) -> click.NoSuchOption:
    """The refusal of an unknown option, naming the whole word typed ("-called", not "-c") and, for a command that
    takes text, how to give text that looks like an option: put -- before it."""
    name = exc.option_name
    word = next((w for w in args if w.partition("=")[0] == name), None)
    word = word or next((w for w in args if w.startswith(name) and _OPTION_SHAPED.fullmatch(w)), name)
    if not any(isinstance(p, click.Argument) and p.type is click.STRING for p in command.params):
        return exc
    shown = quoted(word.partition("=")[0])
    exc.message = f"No such option {shown!r}. If it is text, not an option, put -- before it: -- {shown!r}."
    return exc
