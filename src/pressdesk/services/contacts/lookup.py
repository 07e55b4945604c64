"""Cleaning names and contact points, and finding people and outlets by them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, select

from pressdesk import validation
from pressdesk.errors import AmbiguousName, FieldError
from pressdesk.models import ContactKind, ContactPoint, Expert, Journalist, Outlet, PressContact
from pressdesk.services import activity, typed

OWNER_COLUMNS = {"journalist": "journalist_id", "expert": "expert_id", "press_contact": "press_contact_id"}


def name_key(name: str) -> str:
    """A key for names of outlets and people that ignores case, accents and spacing."""
    return validation.name_key(name)


def clean_name(value: str | None, field: str, *, required: bool = True, column: str = "journalist.name") -> str:
    """Clean a one-line name, refusing an empty one when it is required, or one too long for its column."""
    text = typed.clean(column, value, field=field)
    if required and not text:
        raise FieldError(field, "Enter a name.")
    return text


def clean_languages(value: str | None) -> str:
    """An expert's languages as ISO 639 codes ("English, Welsh" -> "en, cy"); FieldError names an unknown one."""
    try:
        return ", ".join(validation.parse_languages(validation.clean_text(value or "")))
    except validation.LanguageError as exc:
        raise FieldError("languages", str(exc)) from None


@dataclass(frozen=True, slots=True)
class PointDraft:
    """A validated phone number or email address, ready to store."""

    kind: str
    raw: str
    value: str
    extension: str
    lookup_key: str
    valid: bool
    problem: str
    field: str
    """The input it was typed into, named in any refusal (email, emails, phone, phones)."""


def phone_draft(text: str, *, region: str, keep_invalid: bool = False, field: str = "phone") -> PointDraft:
    """Validate a phone number; a number that parses but is not valid is kept only when asked."""
    result = validation.parse_phone(text, region)
    if not result.valid and not (keep_invalid and result.possible and result.e164):
        raise FieldError(field, result.error or "This is not a phone number.")
    typed.fit("contact_point.raw", result.raw, field=field)
    return PointDraft(
        kind=ContactKind.PHONE,
        raw=result.raw,
        value=result.e164 or "",
        extension=result.extension or "",
        lookup_key=result.e164 or "",
        valid=result.valid,
        problem=result.error or "",
        field=field,
    )


def email_draft(text: str, *, field: str = "email") -> PointDraft:
    """Validate an email address offline and return its normalised form."""
    result = validation.parse_email(text)
    if not result.valid or not result.normalized:
        raise FieldError(field, result.error or "This is not an email address.")
    typed.fit("contact_point.raw", result.raw, field=field)
    return PointDraft(
        kind=ContactKind.EMAIL,
        raw=result.raw,
        value=result.normalized,
        extension="",
        lookup_key=validation.email_key(result.normalized) or result.normalized.casefold(),
        valid=True,
        problem="",
        field=field,
    )


def get_or_create_outlet(session: Session, *, name: str | None, who: str) -> Outlet | None:
    """The outlet of that name (any case), created if new; None for no name."""
    text = typed.clean("outlet.name", name, field="outlet")
    if not text:
        return None
    key = name_key(text)
    outlet = session.exec(select(Outlet).where(Outlet.name_key == key)).first()
    if outlet is None:
        outlet = Outlet(name=text, name_key=key, updated_by=who)
        session.add(outlet)
        session.flush()
        activity.record(
            session,
            who=who,
            action="create",
            entity="outlet",
            entity_id=outlet.id,
            summary=f"Added outlet {text}",
        )
    return outlet


def _owner_of(point: ContactPoint) -> tuple[str, int]:
    """The (entity, id) a contact point belongs to."""
    for entity, column in OWNER_COLUMNS.items():
        if (owner_id := getattr(point, column)) is not None:
            return entity, owner_id
    raise ValueError("contact point without owner")


def find_points(
    session: Session, kind: str, key: str, *, entity: str | None = None, include_archived: bool = False
) -> list[ContactPoint]:
    """Contact points with this look-up key, optionally only those of one kind of owner (archived people's left out
    unless asked: they are kept for history, not found)."""
    query = select(ContactPoint).where(ContactPoint.kind == kind, ContactPoint.lookup_key == key)
    if entity:
        column = getattr(ContactPoint, OWNER_COLUMNS[entity])
        query = query.where(column.is_not(None))
        if entity in ARCHIVABLE and not include_archived:
            model = ARCHIVABLE[entity]
            query = query.join(model, model.id == column).where(model.archived_at.is_(None))
    return list(session.exec(query.order_by(ContactPoint.id)))


def find_journalist_by_phone(session: Session, text: str, *, region: str) -> Journalist | None:
    """The journalist with this number, typed in any format."""
    key = validation.phone_key(text, region)
    if not key:
        return None
    points = find_points(session, ContactKind.PHONE, key, entity="journalist")
    return session.get(Journalist, points[0].journalist_id) if points else None


def find_journalist_by_email(session: Session, text: str) -> Journalist | None:
    """The journalist with this email address, in any case."""
    key = validation.email_key(text)
    if not key:
        return None
    points = find_points(session, ContactKind.EMAIL, key, entity="journalist")
    return session.get(Journalist, points[0].journalist_id) if points else None


def find_journalists_by_name(session: Session, text: str, *, limit: int = 10) -> list[Journalist]:
    """Journalists whose name contains the text, ignoring case, accents and spacing; names starting with it first.

    Suggestions only, never a match; archived journalists are left out. The scan reads the name-key index alone
    (about 10 ms for 50,000 people); whether a hit is archived is read for the best few only.
    """
    needle = name_key(validation.clean_text(text))
    if len(needle) < 2:
        return []
    pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    keys = select(Journalist.id, Journalist.name_key)
    starting = keys.where(Journalist.name_key >= needle, Journalist.name_key < needle + "\uffff").limit(limit * 3)
    inside = keys.where(Journalist.name_key.like(pattern, escape="\\")).limit(200)
    hits = set(session.execute(starting).all()) | set(session.execute(inside).all())
    ranked = sorted(hits, key=lambda hit: (not hit[1].startswith(needle), f" {needle}" not in hit[1], hit[1], hit[0]))
    ids = [hit[0] for hit in ranked[: limit * 3]]
    live = select(Journalist).where(Journalist.id.in_(ids), Journalist.archived_at.is_(None))
    found = {j.id: j for j in session.exec(live)} if ids else {}
    return [found[i] for i in ids if i in found][:limit]


def name_fits(typed: str, name: str) -> bool:
    """Whether a typed name could be this person's: every word typed is one of theirs (Sam Reid: Sam (Sam) Reid)."""
    words = set(re.findall(r"\w+", name_key(name)))
    return set(re.findall(r"\w+", name_key(typed))) <= words


def journalists_named(session: Session, name: str) -> list[Journalist]:
    """Every journalist whose whole name is this one, ignoring case, accents and spacing (an indexed look-up); archived
    journalists are left out."""
    key = name_key(validation.clean_text(name))
    if not key:
        return []
    query = select(Journalist).where(Journalist.name_key == key, Journalist.archived_at.is_(None))
    return list(session.exec(query.order_by(Journalist.id)))


def _outlet_names(session: Session, people: Sequence[Journalist]) -> dict[int, str]:
    """The outlet name of each of these journalists that has one, by journalist id."""
    ids = [j.outlet_id for j in people if j.outlet_id is not None]
    names = dict(session.execute(select(Outlet.id, Outlet.name).where(Outlet.id.in_(ids))).all()) if ids else {}
    return {j.id: names[j.outlet_id] for j in people if j.outlet_id in names}


def _ambiguous(name: str, people: Sequence[Journalist], outlets: dict[int, str]) -> AmbiguousName:
    """The refusal for a name several journalists share, listing them so the officer can say which."""
    listed = "; ".join(f"#{j.id} {j.name} ({outlets.get(j.id) or 'no outlet'})" for j in people[:6])
    more = f"; and {len(people) - 6} more" if len(people) > 6 else ""
    return AmbiguousName(
        "journalist",
        f"{len(people)} journalists are called {validation.clean_text(name)}: give --outlet or their number, "
        f"or --journalist-id N ({listed}{more}).",
        tuple(people),
    )


def find_journalist_by_name_and_outlet(session: Session, name: str, outlet: str | None) -> Journalist | None:
    """The journalist with this whole name (case, accents, spacing aside), or None for a new person.

    With an outlet: the one so named there (else the one so named with no outlet yet). Without one: the only
    journalist so named. Several who fit are refused with a FieldError listing them, never guessed between.
    """
    same = journalists_named(session, name)
    if not same:
        return None
    outlets = _outlet_names(session, same)
    wanted = name_key(validation.clean_text(outlet or ""))
    if wanted:
        fits = [j for j in same if name_key(outlets.get(j.id, "")) == wanted]
        fits = fits or [j for j in same if j.id not in outlets]
    else:
        fits = same
    if len(fits) > 1:
        raise _ambiguous(name, fits, outlets)
    return fits[0] if fits else None


_MODELS = {"journalist": Journalist, "expert": Expert, "press_contact": PressContact}


ARCHIVABLE = {"journalist": Journalist, "expert": Expert}
"""The people who can be archived: hidden from look-up, name suggestions and routing, kept for history."""
