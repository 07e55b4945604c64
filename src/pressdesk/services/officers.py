"""The desk's officers: who works the desk (name, initials, email), and the names enquiries are assigned to."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlmodel import Session

from pressdesk import validation
from pressdesk.errors import FieldError, quoted
from pressdesk.models.tables import Officer
from pressdesk.services import typed


def make_initials(name: str) -> str:
    """The first letter of each word of a name, in capitals: "Jamie Hose" -> "JH"."""
    return "".join(word[0] for word in name.split() if word[0].isalnum()).upper()


def list_officers(session: Session) -> list[Officer]:
    """Every officer, by name."""
    return list(session.execute(select(Officer).order_by(Officer.name)).scalars())


def add_officer(session: Session, *, name: str, initials: str | None = None, email: str = "") -> Officer:
    """Put an officer on the desk's list; FieldError names the field when the name, initials or email will not do
    (blank, too long, or another officer's)."""
    name = typed.clean("officer.name", name, field="name")
    if not name:
        raise FieldError("name", "give the officer's name.")
    initials = typed.clean("officer.initials", initials or make_initials(name), field="initials").upper()
    if not initials or " " in initials:
        raise FieldError("initials", "give initials without spaces, e.g. JH.")
    address = ""
    if email and email.strip():
        checked = validation.parse_email(email)
        if not checked.valid:
            raise FieldError("email", checked.error or "This is not an email address.")
        address = typed.fit("officer.email", checked.normalized, field="email")
    for officer in list_officers(session):
        if officer.name.casefold() == name.casefold():
            raise FieldError("name", f"{name} is on the desk's list already.")
        if officer.initials == initials:
            raise FieldError("initials", f"{initials} are {officer.name}'s initials; give others.")
    officer = Officer(name=name, initials=initials, email=address)
    session.add(officer)
    session.flush()
    return officer


def resolve_officer(session: Session, typed_name: str) -> str:
    """The officer's name for what was typed (their name or initials, any case); on a desk without an officers'
    list, the name as typed. FieldError when the desk has a list and nobody on it answers to the name."""
    if not typed_name:
        return typed_name
    if not session.execute(select(func.count()).select_from(Officer)).scalar_one():
        return typed_name
    wanted = typed_name.casefold()
    for officer in list_officers(session):
        if wanted in (officer.name.casefold(), officer.initials.casefold()):
            return officer.name
    names = ", ".join(f"{o.name} ({o.initials})" for o in list_officers(session))
    raise FieldError("officer", f"{quoted(typed_name)} is not one of the desk's officers: {names}.")
