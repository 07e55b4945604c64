"""Outlets: create and edit them, and browse them with their journalists."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlmodel import Session

from pressdesk import validation
from pressdesk.errors import FieldError, NotFound
from pressdesk.models import Journalist, Outlet
from pressdesk.models.views import JsonMixin, PersonRow
from pressdesk.services import activity, queries, typed
from pressdesk.services.contacts import name_key
from pressdesk.store.search import like_pattern

FIELDS = ("name", "country", "kind", "website")
_WEBSITE = re.compile(r"^(https?://)?[^\s/]+\.[^\s/]{2,}(/\S*)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class OutletRow(JsonMixin):
    """An outlet in a list, with how many live journalists work there."""

    id: int
    name: str
    country: str
    kind: str
    website: str
    journalists: int
    version: int


def clean_country(value: str | None) -> str:
    """A country as its ISO code ("United Kingdom", "uk", "GB" -> "GB"); blank stays blank; FieldError if unknown."""
    text = validation.clean_text(value or "")
    if not text:
        return ""
    code = "GB" if text.upper() == "UK" else text.upper()
    import pycountry

    try:
        return pycountry.countries.lookup(code if len(code) == 2 else text).alpha_2
    except LookupError:
        raise FieldError(
            "country", f"{text} is not a country; give its name or two-letter code (GB, IE, FR)."
        ) from None


def clean_website(value: str | None) -> str:
    """A website as https://host/path; blank stays blank; FieldError for what is not a web address."""
    text = typed.clean("outlet.website", value, field="website")
    if not text:
        return ""
    if not _WEBSITE.match(text):
        raise FieldError("website", f"{text} is not a web address; write it as www.example.com.")
    return text if re.match(r"^https?://", text, re.IGNORECASE) else f"https://{text}"


def _clean(session: Session, field: str, value: str | None, *, outlet_id: int | None = None) -> str:
    """One field of an outlet, checked; a name another outlet has is refused."""
    if field == "name":
        text = typed.clean("outlet.name", value, field="name")
        if not text:
            raise FieldError("name", "Enter the outlet's name.")
        other = session.execute(select(Outlet.id, Outlet.name).where(Outlet.name_key == name_key(text))).first()
        if other is not None and other[0] != outlet_id:
            raise FieldError("name", f"There is already an outlet called {other[1]} (#{other[0]}).")
        return text
    if field == "country":
        return clean_country(value)
    if field == "website":
        return clean_website(value)
    if field == "kind":
        return typed.clean("outlet.kind", value, field="kind")
    raise FieldError(field, "This field cannot be edited here.")


def create_outlet(
    session: Session, *, who: str, name: str, country: str = "", kind: str = "", website: str = ""
) -> Outlet:
    """Add an outlet; one with the same name (case, accents and spacing aside) is refused."""
    values = {
        f: _clean(session, f, v)
        for f, v in (("name", name), ("country", country), ("kind", kind), ("website", website))
    }
    outlet = Outlet(**values, name_key=name_key(values["name"]), updated_by=who)
    return activity.add(session, outlet, who=who, entity="outlet", summary=f"Added outlet {outlet.name}")


def update_outlet(
    session: Session, *, who: str, outlet_id: int, expected_version: int | None = None, **fields: str
) -> Outlet:
    """Edit an outlet's name, country, kind or website (a stale version is refused)."""
    outlet = session.get(Outlet, outlet_id, with_for_update=True)
    if outlet is None:
        raise NotFound(f"There is no outlet {outlet_id}.")
    values: dict[str, object] = {f: _clean(session, f, v, outlet_id=outlet_id) for f, v in fields.items()}
    name = str(values.get("name", outlet.name))
    activity.change(
        session,
        outlet,
        values,
        who=who,
        entity="outlet",
        action="update",
        summary=lambda changes: f"Edited outlet {name}: " + (", ".join(changes) or "no change"),
        expected_version=expected_version,
    )
    outlet.name_key = name_key(outlet.name)
    return outlet


def list_outlets(session: Session, *, text: str | None = None, limit: int = 100, offset: int = 0) -> list[OutletRow]:
    """Outlets by name, with their live journalists counted; optionally those whose name holds the text."""
    counted = (
        select(Journalist.outlet_id, func.count().label("n"))
        .where(Journalist.archived_at.is_(None), Journalist.outlet_id.is_not(None))
        .group_by(Journalist.outlet_id)
        .subquery()
    )
    query = (
        select(Outlet, func.coalesce(counted.c.n, 0))
        .outerjoin(counted, counted.c.outlet_id == Outlet.id)
        .order_by(Outlet.name, Outlet.id)
    )
    if text and text.strip():
        query = query.where(Outlet.name_key.like(like_pattern(name_key(text)), escape="\\"))
    rows = session.execute(query.limit(limit).offset(offset)).all()
    return [OutletRow(o.id, o.name, o.country, o.kind, o.website, n, o.version) for o, n in rows]


def outlet_journalists(
    session: Session, *, outlet_id: int, archived: bool | None = False, limit: int = 500
) -> list[PersonRow]:
    """The journalists of an outlet (live ones unless asked), by name."""
    if session.get(Outlet, outlet_id) is None:
        raise NotFound(f"There is no outlet {outlet_id}.")
    return queries.list_journalists(session, outlet_id=outlet_id, archived=archived, limit=limit)
