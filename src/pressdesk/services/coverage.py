"""Coverage: the article or broadcast that came of an enquiry, so each record runs from request to result."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlmodel import Session

from pressdesk import validation
from pressdesk.errors import FieldError, NotFound
from pressdesk.models import Coverage, Enquiry, Outlet
from pressdesk.models.views import CoverageView
from pressdesk.services import activity, contacts, typed

COVERAGE_DATE = replace(validation.PAST_DATE, noun="coverage date")
"""Coverage ran today or before: it looks back ("wed" is the last Wednesday) and is never in the future."""


def clean_url(text: str | None) -> str:
    """An http or https address with a host, or blank; FieldError("url") with a sentence otherwise."""
    url = validation.clean_text(text or "")
    if not url:
        return ""
    if any(c.isspace() for c in url):
        raise FieldError("url", "A web address cannot contain spaces.")
    typed.fit("coverage.url", url, field="url")
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        raise FieldError("url", f"'{url}' is not a web address.") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FieldError(
            "url", "Give a web address starting with http:// or https://, e.g. https://www.bbc.co.uk/news/..."
        )
    if not host or "." not in host.strip("."):
        raise FieldError("url", f"'{url}' has no site name after {parts.scheme}://.")
    return url


def parse_date(value: str | date | None, *, tz: str = "Europe/London", now: datetime | None = None) -> date | None:
    """The day coverage ran, from a date or everyday words ("yesterday", "wed", "25/11"); blank means unknown."""
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    if not value.strip():
        return None
    try:
        return validation.parse_day(value, now=now, tz=tz, window=COVERAGE_DATE)
    except validation.WhenError as exc:
        raise FieldError("date", str(exc)) from None


def add_coverage(
    session: Session,
    *,
    who: str,
    enquiry_id: int,
    outlet: str | None = None,
    published_on: date | str | None = None,
    url: str = "",
    headline: str = "",
    note: str = "",
    tz: str = "Europe/London",
    now: datetime | None = None,
) -> Coverage:
    """Link the article or broadcast that came of an enquiry (the enquiry's outlet unless another is named)."""
    clean = clean_url(url)
    day = parse_date(published_on, tz=tz, now=now)
    title = typed.clean("coverage.headline", headline, field="headline")
    text = typed.clean("coverage.note", note, field="note", multiline=True)
    if not (clean or title or text):
        raise FieldError("url", "Give the link, the headline or a note saying where it ran.")
    enquiry = session.get(Enquiry, enquiry_id)
    if enquiry is None:
        raise NotFound(f"There is no enquiry {enquiry_id}.")
    outlet_id = enquiry.outlet_id
    if outlet is not None and validation.clean_text(outlet):
        outlet_id = contacts.get_or_create_outlet(session, name=outlet, who=who).id
    outlet_name = session.execute(select(Outlet.name).where(Outlet.id == outlet_id)).scalar_one_or_none() or ""
    row = Coverage(
        enquiry_id=enquiry_id,
        outlet_id=outlet_id,
        published_on=day,
        url=clean,
        headline=title,
        note=text,
        updated_by=who,
    )
    what = title or clean or text.splitlines()[0]
    return activity.add(
        session,
        row,
        who=who,
        entity="coverage",
        action="coverage",
        enquiry_id=enquiry_id,
        summary="Coverage"
        + (f" in {outlet_name}" if outlet_name else "")
        + (f" on {day}" if day else "")
        + f": {what}",
    )


def list_coverage(session: Session, *, enquiry_id: int) -> list[CoverageView]:
    """The coverage linked to an enquiry, earliest first."""
    rows = session.execute(
        select(Coverage, func.coalesce(Outlet.name, ""))
        .outerjoin(Outlet, Outlet.id == Coverage.outlet_id)
        .where(Coverage.enquiry_id == enquiry_id)
        .order_by(Coverage.published_on.is_(None), Coverage.published_on, Coverage.id)
    ).all()
    return [
        CoverageView(
            id=c.id,
            enquiry_id=c.enquiry_id,
            outlet=name,
            published_on=c.published_on,
            url=c.url,
            headline=c.headline,
            note=c.note,
            created_at=c.created_at,
        )
        for c, name in rows
    ]
