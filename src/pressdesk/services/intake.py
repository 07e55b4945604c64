"""Release intake: read a press release from the file it came in, let it be reviewed, then store or update it."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlmodel import Session

from pressdesk import validation
from pressdesk.errors import FieldError
from pressdesk.exchange.release import ParsedRelease, ReleaseParseError, parse_release
from pressdesk.exchange.release.files import ReleaseFileError, text_of_file
from pressdesk.models import Release
from pressdesk.services import contacts, releases

MAX_RELEASE_BYTES = 2 * 1024 * 1024
"""A press release is a few pages; a file over 2 MB is not one."""


def release_text(data: bytes, *, source: str, name: str = "") -> str:
    """A release file's bytes as text, read by its type (.txt .eml .html .docx .odt .rtf .pdf .msg); else FieldError."""
    if len(data) > MAX_RELEASE_BYTES:
        raise FieldError("file", f"{source} is over 2 MB; a press release is a few pages of plain text.")
    try:
        return text_of_file(data, name or source, source)
    except ReleaseFileError as exc:
        raise FieldError("file", str(exc)) from None


def read_release_file(path: str | None, *, stdin: BinaryIO | None = None) -> tuple[str, str]:
    """(text, source name) of a release file, or of `stdin` for "-"; reads at most 2 MB; FieldError("file") if not."""
    if path == "-" and stdin is not None:
        return release_text(stdin.read(MAX_RELEASE_BYTES + 1), source="stdin"), "stdin"
    target = Path((path or "").strip()).expanduser()
    if not target.is_file():
        raise FieldError("file", f"{path} does not exist or is not a file.")
    try:
        with target.open("rb") as fh:
            data = fh.read(MAX_RELEASE_BYTES + 1)
    except OSError as exc:
        raise FieldError("file", f"cannot read {path}: {exc.strerror}.") from None
    return release_text(data, source=str(path), name=target.name), target.name


def read_release(text: str, *, region: str, tz: str) -> ParsedRelease:
    """Parse release text (at most 2 MB, no NUL characters), turning the parser's complaints into a FieldError."""
    if len(text) > MAX_RELEASE_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_RELEASE_BYTES:
        raise FieldError("release", "The text is over 2 MB; a press release is a few pages of plain text.")
    if "\x00" in text:
        raise FieldError("release", "The text has NUL characters; it is not plain text.")
    try:
        return parse_release(text, default_region=region, default_tz=tz)
    except ReleaseParseError as exc:
        raise FieldError("release", str(exc)) from None


def find_release(session: Session, parsed: ParsedRelease) -> Release | None:
    """A release already on the desk with the same title (any case, spacing or accents) and date."""
    title = validation.clean_text(parsed.title)
    if not title:
        return None
    key = contacts.name_key(title)
    for release in session.execute(select(Release).where(Release.issued_on == parsed.date)).scalars():
        if contacts.name_key(release.title) == key:
            return release
    return None


def store_release(
    session: Session, *, who: str, region: str, parsed: ParsedRelease, source: str = ""
) -> releases.ReleaseOutcome:
    """Store a release as read (or as reviewed); the same release again (title and date) updates the one stored."""
    experts = [
        releases.ExpertSpec(
            name=e.name,
            honorific=e.honorific or "",
            title=e.title or "",
            affiliation=e.affiliation or "",
            emails=(e.email,) if e.email else (),
            phones=e.phones,
            source=e.source,
        )
        for e in parsed.experts
    ]
    press_contacts = [
        releases.ContactSpec(
            name=c.name or c.organisation or c.email or "Press office",
            organisation=c.organisation or "",
            emails=(c.email,) if c.email else (),
            phones=tuple(c.phones),
            role=c.role or "",
            phone_labels=tuple(c.phone_labels),
        )
        for c in parsed.press_contacts
    ]
    fields = {
        "title": parsed.title,
        "issued_on": parsed.date,
        "embargo_until": parsed.embargo,
        "body": parsed.body,
        "source": source,
        "experts": experts,
        "press_contacts": press_contacts,
        "details": releases.ReleaseDetails(parsed.issuer, parsed.place or "", parsed.embargo_zone or ""),
    }
    existing = find_release(session, parsed)
    if existing is not None:
        outcome = releases.update_release(session, existing, who=who, region=parsed.region or region, **fields)
        outcome.matched.insert(0, f"release {existing.title} (updated)")
        return outcome
    outcome = releases.create_release(session, who=who, region=parsed.region or region, **fields)
    outcome.created.insert(0, f"release {outcome.release.title}")
    return outcome


def import_release(
    session: Session, *, who: str, region: str, tz: str, text: str, source: str = ""
) -> tuple[ParsedRelease, releases.ReleaseOutcome]:
    """Parse and store a release; a release already on the desk (same title and date) is updated, not doubled."""
    parsed = read_release(text, region=region, tz=tz)
    return parsed, store_release(session, who=who, region=region, parsed=parsed, source=source)
