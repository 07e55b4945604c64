"""Reading press releases: the text's layout, dates, people and contacts, from the files releases arrive in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pressdesk.exchange.release.model import ParsedContact, ParsedExpert, ParsedRelease, ReleaseParseError

if TYPE_CHECKING:
    from pressdesk.exchange.release.reader import parse_release

__all__ = ["ParsedContact", "ParsedExpert", "ParsedRelease", "ReleaseParseError", "parse_release"]


def __getattr__(name: str) -> Any:
    """Load the reader (and phonenumbers with it) only when a release is read, not when its types are named."""
    if name == "parse_release":
        from pressdesk.exchange.release.reader import parse_release

        return parse_release
    raise AttributeError(name)
