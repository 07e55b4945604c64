"""Reading press releases: the text's layout, dates, people and contacts, from the files releases arrive in."""

from __future__ import annotations

from pressdesk.exchange.release.model import ParsedContact, ParsedExpert, ParsedRelease, ReleaseParseError
from pressdesk.exchange.release.reader import parse_release

__all__ = ["ParsedContact", "ParsedExpert", "ParsedRelease", "ReleaseParseError", "parse_release"]
