"""The TUI's way into the desk: synchronous calls, each in its own short session, run from thread workers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pressdesk.settings import Settings


@dataclass(frozen=True, slots=True)
class CallerCard:
    """Who is calling, as the log-a-call form shows it."""

    journalist: Any  # views.PersonRow
    recent: tuple[Any, ...]  # views.EnquiryRow
    matched_by: str


@dataclass(frozen=True, slots=True)
class DeskPage:
    """A page of the desk with its header counts."""

    counts: Any  # views.DeskCounts
    rows: tuple[Any, ...]  # views.EnquiryRow
    offset: int
    more: bool


class Backend:
    """Wraps an opened desk and the settings; every method opens and closes its own session."""

    def __init__(self, desk, settings: Settings) -> None:
        self.desk = desk
        self.settings = settings

    @classmethod
    def open(cls, settings: Settings, *, target: str | None, demo: bool = False) -> Backend:
        """Open (and migrate) the desk; fill the demo desk on first use."""
        from pressdesk.store import open_desk

        desk = open_desk(target)
        if demo:
            from pressdesk.cli import ensure_demo

            ensure_demo(desk, settings)
        return cls(desk, settings)

    # --- the desk -------------------------------------------------------------------------

    def desk_page(self, *, offset: int = 0, limit: int = 200, now: datetime | None = None) -> DeskPage:
        """Open enquiries, most urgent first, with the header counts."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            rows = queries.list_enquiries(s, open_only=True, limit=limit + 1, offset=offset, now=now)
            counts = queries.desk_counts(s, now=now)
        return DeskPage(counts=counts, rows=tuple(rows[:limit]), offset=offset, more=len(rows) > limit)

    def counts(self, now: datetime | None = None):
        """The header strip's numbers."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return queries.desk_counts(s, now=now)

    def enquiry(self, enquiry_id: int):
        """One desk line."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return queries.get_enquiry(s, enquiry_id)

    def detail(self, enquiry_id: int):
        """Everything the detail pane shows."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return queries.enquiry_detail(s, enquiry_id)

    # --- logging a call -------------------------------------------------------------------

    def lookup_caller(self, *, phone: str = "", email: str = "", name: str = "") -> CallerCard | list | None:
        """The journalist behind a number or email, or name matches (a list) for part of a name."""
        from pressdesk.services import contacts, enquiries, queries

        with self.desk.read() as s:
            person, how = None, ""
            if phone.strip():
                person, how = enquiries.find_caller(s, region=self.settings.region, phone=phone), "phone"
            if person is None and email.strip():
                person, how = enquiries.find_caller(s, region=self.settings.region, email=email), "email"
            if person is None and len(name.strip()) >= 2:
                found = contacts.find_journalists_by_name(s, name, limit=6)
                if len(found) == 1:
                    person, how = found[0], "name"
                elif found:
                    return queries.list_journalists(s, ids=[j.id for j in found])
            if person is None:
                return None
            card = queries.list_journalists(s, ids=[person.id])[0]
            recent = queries.list_enquiries(s, journalist_id=person.id, order="recent", limit=5)
            return CallerCard(journalist=card, recent=tuple(recent), matched_by=how)

    def release_choices(self) -> list[tuple[str, int]]:
        """(title, id) of recent releases, for the form's release picker."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return [(r.title, r.id) for r in queries.list_releases(s, limit=200)]

    def log_call(self, **form: Any) -> int:
        """Log the enquiry; raises FieldError naming the field when something is wrong."""
        from pressdesk.services import enquiries

        st = self.settings
        with self.desk.write() as s:
            enquiry = enquiries.log_enquiry(s, who=st.officer, region=st.region, tz=st.timezone, **form)
            return enquiry.id

    # --- acting on an enquiry -------------------------------------------------------------

    def allowed_moves(self, status: str) -> list[str]:
        """Statuses the state machine allows from this one."""
        from pressdesk.services.status import allowed_moves

        return [s.value for s in allowed_moves(status)]

    def change_status(self, enquiry_id: int, to: str, version: int | None) -> None:
        """Move an enquiry (refusing illegal moves and stale versions)."""
        from pressdesk.services import enquiries

        with self.desk.write() as s:
            enquiries.change_status(
                s, who=self.settings.officer, enquiry_id=enquiry_id, to=to, expected_version=version
            )

    def assign(self, enquiry_id: int, officer: str, version: int | None) -> None:
        """Give an enquiry to an officer."""
        from pressdesk.services import enquiries

        with self.desk.write() as s:
            enquiries.assign(
                s, who=self.settings.officer, enquiry_id=enquiry_id, officer=officer, expected_version=version
            )

    def add_note(self, enquiry_id: int, text: str) -> None:
        """Append a note to an enquiry."""
        from pressdesk.services import enquiries

        with self.desk.write() as s:
            enquiries.add_note(s, who=self.settings.officer, enquiry_id=enquiry_id, text=text)

    def set_deadline(self, enquiry_id: int, text: str, version: int | None) -> None:
        """Set an enquiry's deadline from everyday words."""
        from pressdesk.services import enquiries

        st = self.settings
        with self.desk.write() as s:
            enquiries.set_deadline(
                s, who=st.officer, tz=st.timezone, enquiry_id=enquiry_id, deadline=text, expected_version=version
            )

    def update_enquiry(self, enquiry_id: int, version: int | None, **fields: Any) -> None:
        """Edit several fields of an enquiry at once."""
        from pressdesk.services import enquiries

        st = self.settings
        with self.desk.write() as s:
            enquiries.update_enquiry(
                s, who=st.officer, tz=st.timezone, enquiry_id=enquiry_id, expected_version=version, **fields
            )

    def preview_deadline(self, text: str) -> datetime | None:
        """What a typed deadline means (raises FieldError when it means nothing)."""
        from pressdesk.services.enquiries import parse_deadline

        return parse_deadline(text, tz=self.settings.timezone)

    # --- people, releases, search ---------------------------------------------------------

    def journalists(self, text: str = "", *, offset: int = 0, limit: int = 200):
        """Journalists matching a text."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return queries.list_journalists(s, text=text or None, offset=offset, limit=limit)

    def experts(self, text: str = "", *, offset: int = 0, limit: int = 200):
        """Experts matching a text, with their load."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return queries.list_experts(s, text=text or None, offset=offset, limit=limit)

    def releases(self, text: str = "", *, offset: int = 0, limit: int = 200):
        """Releases matching a text."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return queries.list_releases(s, text=text or None, offset=offset, limit=limit)

    def release_body(self, release_id: int) -> str:
        """A release's text."""
        from pressdesk.models import Release

        with self.desk.read() as s:
            rel = s.get(Release, release_id)
            return rel.body if rel else ""

    def person_enquiries(self, kind: str, person_id: int, limit: int = 50):
        """A journalist's or expert's enquiries, newest first."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            if kind == "expert":
                return queries.list_enquiries(s, expert_id=person_id, order="recent", limit=limit)
            return queries.list_enquiries(s, journalist_id=person_id, order="recent", limit=limit)

    def update_journalist(self, journalist_id: int, version: int | None, **fields: Any) -> None:
        """Edit a journalist with validation and the version check."""
        from pressdesk.services import contacts

        st = self.settings
        with self.desk.write() as s:
            contacts.update_journalist(
                s, who=st.officer, region=st.region, journalist_id=journalist_id, expected_version=version, **fields
            )

    def search(self, text: str, limit: int = 8):
        """Enquiries, journalists, experts and releases matching any word or number."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return queries.search(s, text, limit=limit)
