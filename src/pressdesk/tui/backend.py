"""The TUI's way into the desk: synchronous calls, each in its own short session, run from thread workers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pressdesk.settings import Settings


@dataclass(frozen=True, slots=True)
class CallerCard:
    """Who is calling, as the log-a-call form shows it."""

    journalist: Any  # views.PersonRow
    recent: tuple[Any, ...]  # views.EnquiryRow
    matched_by: str


@dataclass(frozen=True, slots=True)
class CallerLookup:
    """What the log form knows about the caller from what is typed so far."""

    owner: CallerCard | None  # who has the number (or email) typed
    will_be: CallerCard | None  # who saving would log the call for; None: a new journalist, or refused
    refusal: str  # why saving would be refused, else ""
    same_name: tuple[Any, ...]  # PersonRows sharing the whole name typed, when that is why it would be refused
    names: tuple[Any, ...]  # PersonRows whose name contains the name typed: suggestions, never chosen for you


@dataclass(frozen=True, slots=True)
class DeskPage:
    """A page of the desk with its header counts."""

    counts: Any  # views.DeskCounts
    rows: tuple[Any, ...]  # views.EnquiryRow
    after: Any  # the cursor this page started after, None for the first
    more: bool


class Backend:
    """Wraps an opened desk and the settings; every method opens and closes its own session."""

    def __init__(self, desk, settings: Settings, *, clock: Callable[[], datetime] | None = None) -> None:
        self.desk = desk
        self.settings = settings
        self.clock = clock or (lambda: datetime.now(UTC))

    @classmethod
    def open(cls, settings: Settings, *, target: str | None, demo: bool = False) -> Backend:
        """Open (and migrate) the desk; the everyday and demo desks are created on first use, a named one never is."""
        from pressdesk.settings import created_on_first_use
        from pressdesk.store import open_desk

        settings = settings.checked()  # again, with the region this time (SettingsError ends the app, saying why)
        desk = open_desk(target, create=created_on_first_use(target, demo=demo))
        if demo:
            from pressdesk.cli import ensure_demo

            ensure_demo(desk, settings)
        backend = cls(desk, settings)
        backend.warm()
        return backend

    def warm(self) -> None:
        """Load the slow parts of reading deadlines and numbers now, so the first typed does not block the screen."""
        import contextlib

        from pressdesk.services.enquiries import parse_deadline
        from pressdesk.services.errors import DeskError
        from pressdesk.validation import parse_phone

        parse_phone("+44 20 7946 0000", self.settings.region)
        with contextlib.suppress(DeskError):
            parse_deadline("in a fortnight", tz=self.settings.timezone)  # reaches dateparser

    def change_watch(self):
        """A store.watch.ChangeWatch on this desk: tells when another terminal committed."""
        from pressdesk.store.watch import ChangeWatch

        return ChangeWatch(self.desk.engine)

    # --- the desk -------------------------------------------------------------------------

    def desk_page(self, *, after=None, limit: int = 200, now: datetime | None = None) -> DeskPage:
        """A page of open enquiries, most urgent first, after a (deadline, id) cursor; counts on the first page."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            rows = queries.open_page(s, after=after, limit=limit + 1)
            counts = queries.desk_counts(s, now=now or self.clock()) if after is None else None
        return DeskPage(counts=counts, rows=tuple(rows[:limit]), after=after, more=len(rows) > limit)

    def counts(self, now: datetime | None = None):
        """The header strip's numbers."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return queries.desk_counts(s, now=now or self.clock())

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

    def lookup_caller(
        self, *, phone: str = "", email: str = "", name: str = "", outlet: str = "", chosen_id: int | None = None
    ) -> CallerLookup:
        """Who has this number or email, who saving would log the call for (by the same rule as the save), and the
        journalists whose name contains what is typed, as suggestions only."""
        from pressdesk.services import contacts, enquiries
        from pressdesk.services.errors import AmbiguousName, DeskError

        region = self.settings.region
        with self.desk.read() as s:
            by_phone = contacts.find_journalist_by_phone(s, phone, region=region) if phone.strip() else None
            by_email = contacts.find_journalist_by_email(s, email) if email.strip() and by_phone is None else None
            owner = by_phone or by_email
            same: list = []
            try:
                will_be = enquiries.who_called(
                    s, region=region, journalist_id=chosen_id, journalist=name, outlet=outlet, phone=phone, email=email
                )
                refusal = ""
            except AmbiguousName as exc:
                will_be, same, refusal = None, list(exc.people), exc.message
            except DeskError as exc:
                will_be, refusal = None, exc.message
            if not refusal and will_be is not None and owner is not None and owner.id != will_be.id:
                refusal = f"{'phone' if by_phone else 'email'}: this belongs to {owner.name}, not {will_be.name}."
            names = contacts.find_journalists_by_name(s, name, limit=6) if will_be is None else []
            by = "phone" if by_phone else "email"
            how = "choice" if chosen_id else by if owner is not None and will_be is owner else "name"
            return CallerLookup(
                owner=self._card(s, owner, by) if owner else None,
                will_be=self._card(s, will_be, how) if will_be else None,
                refusal=refusal,
                same_name=self._rows(s, [j.id for j in same]),
                names=self._rows(s, [j.id for j in names]),
            )

    @staticmethod
    def _rows(session, ids: list[int]) -> tuple:
        """Journalists as listed (PersonRow), in the order of the ids."""
        from pressdesk.services import queries

        if not ids:
            return ()
        found = {p.id: p for p in queries.list_journalists(session, ids=ids, limit=len(ids))}
        return tuple(found[i] for i in ids if i in found)

    @staticmethod
    def _card(session, person, how: str) -> CallerCard:
        """A journalist with their last five enquiries."""
        from pressdesk.services import queries

        card = queries.list_journalists(session, ids=[person.id], limit=1)[0]
        recent = queries.list_enquiries(session, journalist_id=person.id, order="recent", limit=5)
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
            enquiry = enquiries.log_enquiry(
                s, who=st.officer, region=st.region, tz=st.timezone, now=self.clock(), **form
            )
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
                s,
                who=st.officer,
                tz=st.timezone,
                enquiry_id=enquiry_id,
                deadline=text,
                expected_version=version,
                now=self.clock(),
            )

    def update_enquiry(self, enquiry_id: int, version: int | None, **fields: Any) -> None:
        """Edit several fields of an enquiry at once."""
        from pressdesk.services import enquiries

        st = self.settings
        with self.desk.write() as s:
            enquiries.update_enquiry(
                s,
                who=st.officer,
                tz=st.timezone,
                enquiry_id=enquiry_id,
                expected_version=version,
                now=self.clock(),
                **fields,
            )

    def preview_deadline(self, text: str) -> datetime | None:
        """What a typed deadline means, read as saving reads it (same reader, same clock); FieldError if refused."""
        from pressdesk.services.enquiries import parse_deadline

        return parse_deadline(text, tz=self.settings.timezone, now=self.clock())

    # --- people, releases, search ---------------------------------------------------------

    def journalists(self, text: str = "", *, offset: int = 0, limit: int = 200):
        """Journalists matching a text."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return queries.list_journalists(s, text=text or None, offset=offset, limit=limit)

    def journalist(self, journalist_id: int):
        """One journalist as listed (or None)."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            found = queries.list_journalists(s, ids=[journalist_id], limit=1)
        return found[0] if found else None

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
        """Enquiries, journalists, experts, press contacts and releases matching any word or number."""
        from pressdesk.services import search

        with self.desk.read() as s:
            return search.search(s, text, limit=limit)

    # --- routing, interviews, statements, coverage, release intake ------------------------

    def route_suggestions(self, enquiry_id: int, *, limit: int = 10, days: int = 30):
        """(the enquiry, experts ranked with reasons, (name, status) of those asked already, the spread)."""
        from pressdesk.services import queries, routing

        with self.desk.read() as s:
            row = queries.get_enquiry(s, enquiry_id)
            found = routing.suggest_experts(
                s, enquiry_id=enquiry_id, limit=limit, tz=self.settings.timezone, now=self.clock()
            )
            asked = routing.asked_experts(s, enquiry_id=enquiry_id)
            return row, found, asked, routing.request_spread(s, days=days, now=self.clock())

    def route(self, enquiry_id: int, expert_id: int, version: int | None = None, *, force: bool = False) -> int:
        """Offer the enquiry to an expert; returns the new request's id (NeedsConfirmation past a hard warning)."""
        from pressdesk.services import routing

        with self.desk.write() as s:
            request = routing.route_enquiry(
                s,
                who=self.settings.officer,
                enquiry_id=enquiry_id,
                expert_id=expert_id,
                expected_version=version,
                force=force,
                now=self.clock(),
                tz=self.settings.timezone,
            )
            return request.id

    def interview_desk(self, enquiry_id: int) -> tuple[Any, list, list, str]:
        """(the enquiry, its interview requests, its coverage, the title of the statement it was given)."""
        from pressdesk.models import Enquiry, Statement
        from pressdesk.services import coverage, interviews, queries

        with self.desk.read() as s:
            row = queries.get_enquiry(s, enquiry_id)
            lines = interviews.list_interviews(s, enquiry_id=enquiry_id, limit=100)
            found = coverage.list_coverage(s, enquiry_id=enquiry_id)
            statement_id = s.get(Enquiry, enquiry_id).statement_id
            statement = s.get(Statement, statement_id) if statement_id is not None else None
            given = f"{statement.title} (revision {statement.revision})" if statement is not None else ""
            return row, lines, found, given

    def accept_interview(self, request_id: int, version: int | None = None) -> None:
        """The expert said yes."""
        from pressdesk.services import interviews

        with self.desk.write() as s:
            interviews.accept(s, who=self.settings.officer, request_id=request_id, expected_version=version)

    def decline_interview(self, request_id: int, reason: str = "", version: int | None = None) -> list:
        """The expert said no; returns the next suggestions (the decliner left out)."""
        from pressdesk.services import interviews

        st = self.settings
        with self.desk.write() as s:
            return interviews.decline(
                s, who=st.officer, request_id=request_id, reason=reason, expected_version=version, tz=st.timezone
            )

    def preview_slot(self, start: str, end: str | None = None) -> tuple[datetime, datetime]:
        """The (start, end) an interview would be booked for, read as saving reads them; FieldError if refused."""
        from pressdesk.services.interviews import read_slot

        return read_slot(start, end or None, tz=self.settings.timezone, now=self.clock())

    def schedule_interview(
        self,
        request_id: int,
        *,
        start: str,
        format: str,
        place: str = "",
        end: str | None = None,
        version: int | None = None,
    ) -> None:
        """Book an accepted interview (or move a booked one)."""
        from pressdesk.services import interviews

        st = self.settings
        with self.desk.write() as s:
            interviews.schedule(
                s,
                who=st.officer,
                request_id=request_id,
                start=start,
                end=end or None,
                format=format,
                place=place,
                expected_version=version,
                tz=st.timezone,
                now=self.clock(),
            )

    def complete_interview(self, request_id: int, version: int | None = None) -> str:
        """The interview happened; returns the enquiry's status afterwards."""
        from pressdesk.services import interviews, queries

        with self.desk.write() as s:
            r = interviews.complete(s, who=self.settings.officer, request_id=request_id, expected_version=version)
            return queries.get_enquiry(s, r.enquiry_id).status

    def export_ics(self, path: str) -> tuple[int, str]:
        """Write the scheduled interviews to an .ics file; returns (how many, the full path)."""
        from pathlib import Path

        from pressdesk.services import interviews
        from pressdesk.services.errors import FieldError

        text = (path or "").strip()
        if not text:
            raise FieldError("output", "Give a file name such as ~/pressdesk-interviews.ics.")
        target = Path(text).expanduser()
        with self.desk.read() as s:
            try:
                return interviews.export_ics(s, target), str(target)
            except OSError as exc:
                raise FieldError("output", f"Cannot write {target}: {exc.strerror or exc}.") from None

    def add_coverage(self, enquiry_id: int, **fields: Any) -> int:
        """Link coverage to an enquiry (url, outlet, published_on, headline, note); returns its id."""
        from pressdesk.services import coverage

        with self.desk.write() as s:
            return coverage.add_coverage(
                s,
                who=self.settings.officer,
                enquiry_id=enquiry_id,
                tz=self.settings.timezone,
                now=self.clock(),
                **fields,
            ).id

    def matching_statements(self, subject: str, release_id: int | None = None, limit: int = 5) -> list:
        """Current statements that fit a subject (and release), best first."""
        from pressdesk.services import statements

        with self.desk.read() as s:
            return statements.matching_statements(s, subject=subject, release_id=release_id, limit=limit)

    def statement_choices(self, enquiry_id: int, limit: int = 50) -> tuple[list, bool]:
        """(statements to offer for an enquiry, whether they fit it): the fitting ones, else every current one."""
        from pressdesk.services import queries, statements

        with self.desk.read() as s:
            row = queries.get_enquiry(s, enquiry_id)
            fitting = statements.matching_statements(s, subject=row.subject, release_id=row.release_id, limit=limit)
            if fitting:
                return fitting, True
            return statements.list_statements(s, limit=limit), False

    def give_statement(self, enquiry_id: int, statement_id: int, version: int | None = None) -> None:
        """Record which statement the enquiry was given."""
        from pressdesk.services import statements

        with self.desk.write() as s:
            statements.give_statement(
                s, who=self.settings.officer, enquiry_id=enquiry_id, statement_id=statement_id, expected_version=version
            )

    def log_call_giving(self, statement_id: int, **form: Any) -> tuple[int, str]:
        """Log the enquiry and record the statement given, in one session; returns (id, why the statement was not)."""
        from pressdesk.services import enquiries, statements
        from pressdesk.services.errors import FieldError

        st = self.settings
        with self.desk.write() as s:
            enquiry = enquiries.log_enquiry(
                s, who=st.officer, region=st.region, tz=st.timezone, now=self.clock(), **form
            )
            try:
                statements.give_statement(s, who=st.officer, enquiry_id=enquiry.id, statement_id=statement_id)
            except FieldError as exc:  # checked before anything is written: the enquiry is kept
                return enquiry.id, exc.reason
            return enquiry.id, ""

    def read_release_file(self, path: str) -> tuple[str, str]:
        """(text, file name) of a release file; FieldError("file") when it cannot be read or is not a release."""
        from pressdesk.services import intake

        return intake.read_release_file(path)

    def read_release(self, text: str):
        """Parse release text without storing anything (FieldError("release") when it cannot be read)."""
        from pressdesk.services import intake

        return intake.read_release(text, region=self.settings.region, tz=self.settings.timezone)

    def import_release(self, text: str, source: str = "") -> tuple[Any, int, list[str], list[str]]:
        """Parse and store a release with its experts and contacts: (parsed, release id, created, matched)."""
        from pressdesk.services import intake

        st = self.settings
        with self.desk.write() as s:
            parsed, outcome = intake.import_release(
                s, who=st.officer, region=st.region, tz=st.timezone, text=text, source=source
            )
            return parsed, outcome.release.id, list(outcome.created), list(outcome.matched)

    def store_release(self, parsed: Any, source: str = "") -> tuple[Any, int, list[str], list[str]]:
        """Store a release as the officer reviewed it: (parsed, release id, created, matched)."""
        from pressdesk.services import intake

        st = self.settings
        with self.desk.write() as s:
            outcome = intake.store_release(s, who=st.officer, region=st.region, parsed=parsed, source=source)
            return parsed, outcome.release.id, list(outcome.created), list(outcome.matched)

    def update_expert(self, expert_id: int, version: int | None, **fields: Any) -> None:
        """Edit an expert with validation and the version check."""
        from pressdesk.services import experts

        st = self.settings
        with self.desk.write() as s:
            experts.update_expert(
                s, who=st.officer, region=st.region, expert_id=expert_id, expected_version=version, **fields
            )
