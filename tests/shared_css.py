"""Each stylesheet source parsed once per test process and shared by every App the tests start.

Textual parses pressdesk.tcss and every widget's DEFAULT_CSS again for each new App (and again, in a fresh
Stylesheet, each time a screen brings new CSS), though the text and the theme's variables are the same every time.
The parsed rules are never changed after parsing (one Stylesheet already reuses them across its own parses), so
the tests keep them in one cache keyed by everything the parse depends on. This reaches into Textual's private
`Stylesheet._parse_rules`; tests/tui/test_shared_css.py fails if a Textual upgrade changes what it relies on."""

from __future__ import annotations

import inspect

from textual.css.stylesheet import Stylesheet

PARSE_PARAMETERS = ["self", "css", "read_from", "is_default_rules", "tie_breaker", "scope"]
"""The signature of Stylesheet._parse_rules the cache stands in for (Textual 8)."""

PARSED: dict[tuple, list] = {}
"""Rules parsed in this process, by (css, where it was read from, default?, tie breaker, scope, variables)."""

_textual_parse = Stylesheet._parse_rules


def _parse_rules_once(self, css, read_from, is_default_rules=False, tie_breaker=0, scope=""):
    """Textual's parse of one source, or the rules an earlier parse of the same source with the same variables gave."""
    key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(sorted(self._variables.items())))
    rules = PARSED.get(key)
    if rules is None:
        rules = PARSED[key] = _textual_parse(self, css, read_from, is_default_rules, tie_breaker, scope)
    return rules


def share_parsed_stylesheets() -> None:
    """Route every Stylesheet's parse through the shared cache, if Textual's parse still has the expected shape."""
    if list(inspect.signature(_textual_parse).parameters) == PARSE_PARAMETERS:
        Stylesheet._parse_rules = _parse_rules_once
