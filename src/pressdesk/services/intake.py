"""Release intake: read a press release's text and store it, linking or creating its experts and contacts."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from pressdesk import validation
from pressdesk.exchange.release_text import ParsedRelease, ReleaseParseError, parse_release
from pressdesk.models import Release
from pressdesk.services import contacts, releases
from pressdesk.services.errors import FieldError


def read_release(text: str, *, region: str, tz: str) -> ParsedRelease:
    """Parse release text, turning the parser's complaints into a FieldError."""
    try:
        return parse_release(text, default_region=region, default_tz=tz)
    except ReleaseParseError as exc:
        raise FieldError("release", str(exc)) from None


def find_release(session: Session, parsed: ParsedRelease) -> Release | None:
    """A release already on the desk with the same title (any case or spacing) and date."""
    title = validation.clean_text(parsed.title)
    if not title:
        return None
    key = contacts.name_key(title)
    for release in session.execute(select(Release).where(Release.title.ilike(title))).scalars():
        if contacts.name_key(release.title) == key and release.issued_on == parsed.date:
            return release
    return None


def import_release(
    session: Session, *, who: str, region: str, tz: str, text: str, source: str = ""
) -> tuple[ParsedRelease, releases.ReleaseOutcome]:
    """Parse and store a release; a release already on the desk (same title and date) is matched, not doubled."""
    parsed = read_release(text, region=region, tz=tz)
    existing = find_release(session, parsed)
    if existing is not None:
        return parsed, releases.ReleaseOutcome(release=existing, matched=[f"release {existing.title}"])
    outcome = releases.create_release(
        session,
        who=who,
        region=parsed.region or region,
        title=parsed.title,
        issued_on=parsed.date,
        embargo_until=parsed.embargo,
        body=parsed.body,
        source=source,
        experts=[
            releases.ExpertSpec(
                name=e.name, honorific=e.honorific or "", title=e.title or "", affiliation=e.affiliation or ""
            )
            for e in parsed.experts
        ],
        press_contacts=[
            releases.ContactSpec(
                name=c.name or c.organisation or c.email or "Press office",
                organisation=c.organisation or "",
                emails=(c.email,) if c.email else (),
                phones=tuple(c.phones),
            )
            for c in parsed.press_contacts
        ],
    )
    outcome.created.insert(0, f"release {outcome.release.title}")
    return parsed, outcome
