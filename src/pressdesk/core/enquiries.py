"""Enquiries: look one up, log a call (finding the caller), act on it, list and count them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from itertools import islice
from typing import TYPE_CHECKING, Any

from pressdesk.core.base import CoreBase
from pressdesk.core.views import CallerCard, CallerLookup, ListedEnquiry

if TYPE_CHECKING:
    from sqlmodel import Session

    from pressdesk.models.views import EnquiryDetail, EnquiryRow, PersonRow

BATCH = 500
"""Rows fetched at a time when a listing streams."""


def _rows(session: Session, ids: list[int]) -> tuple[PersonRow, ...]:
    """Journalists as listed, in the order of the ids."""
    from pressdesk.services import queries

    if not ids:
        return ()
    found = {p.id: p for p in queries.list_journalists(session, ids=ids, limit=len(ids))}
    return tuple(found[i] for i in ids if i in found)


def _card(session: Session, person_id: int, how: str) -> CallerCard:
    """A journalist with their last five enquiries."""
    from pressdesk.services import queries

    card = queries.list_journalists(session, ids=[person_id], limit=1)[0]
    recent = queries.list_enquiries(session, journalist_id=person_id, order="recent", limit=5)
    return CallerCard(journalist=card, recent=tuple(recent), matched_by=how)


def _with_contacts(session: Session, rows: Sequence[EnquiryRow]) -> list[ListedEnquiry]:
    """Enquiries with their journalists' emails and phones (one query for the lot)."""
    from pressdesk.services import queries

    ids = list({r.journalist_id for r in rows if r.journalist_id})
    people = {p.id: p for p in queries.list_journalists(session, ids=ids, limit=len(ids) or 1)}
    listed = []
    for r in rows:
        person = people.get(r.journalist_id) if r.journalist_id else None
        listed.append(ListedEnquiry(r, person.emails if person else (), person.phones if person else ()))
    return listed


class EnquiriesArea(CoreBase):
    """One enquiry at a time, as the desk and the `enquiry` commands act on it; and listings of many."""

    def enquiry(self, enquiry_id: int) -> EnquiryRow:
        """One desk line (NotFound when there is none)."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return queries.get_enquiry(s, enquiry_id)

    def listed_enquiry(self, enquiry_id: int) -> ListedEnquiry:
        """One enquiry with its journalist's emails and phones."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return _with_contacts(s, [queries.get_enquiry(s, enquiry_id)])[0]

    def detail(self, enquiry_id: int) -> EnquiryDetail:
        """Everything the detail pane shows: the row, notes, journalist, release, interviews, history."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return queries.enquiry_detail(s, enquiry_id)

    # --- logging a call -------------------------------------------------------------------

    def lookup_caller(
        self, *, phone: str = "", email: str = "", name: str = "", outlet: str = "", chosen_id: int | None = None
    ) -> CallerLookup:
        """Who has this number or email, who saving would log the call for (by the same rule as the save), and the
        journalists whose name contains what is typed, as suggestions only."""
        from pressdesk.errors import AmbiguousName, DeskError
        from pressdesk.services import contacts, enquiries

        region = self.settings.region
        with self.desk.read() as s:
            owner, by = enquiries.owner_of(s, region=region, phone=phone, email=email)
            same: list = []
            try:
                will_be = enquiries.who_called(
                    s,
                    region=region,
                    journalist_id=chosen_id,
                    journalist=name,
                    outlet=outlet,
                    phone=phone,
                    email=email,
                    found=(owner, by),
                )
                refusal = ""
            except AmbiguousName as exc:
                will_be, same, refusal = None, list(exc.people), exc.message
            except DeskError as exc:
                will_be, refusal = None, exc.message
            if not refusal and will_be is not None and owner is not None and owner.id != will_be.id:
                refusal = f"{by}: this belongs to {owner.name}, not {will_be.name}."
            names = contacts.find_journalists_by_name(s, name, limit=6) if will_be is None else []
            how = "choice" if chosen_id else by if owner is not None and will_be is owner else "name"
            owner_card = _card(s, owner.id, by) if owner else None
            if will_be is not None and owner_card is not None and will_be.id == owner.id and how == by:
                will_be_card = owner_card  # the same card: build it once
            else:
                will_be_card = _card(s, will_be.id, how) if will_be else None
            return CallerLookup(
                owner=owner_card,
                will_be=will_be_card,
                refusal=refusal,
                same_name=_rows(s, [j.id for j in same]),
                names=_rows(s, [j.id for j in names]),
            )

    def release_choices(self) -> list[tuple[str, int]]:
        """(title, id) of recent releases, for the form's release picker."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return [(r.title, r.id) for r in queries.list_releases(s, limit=200)]

    def log_call(self, **form: Any) -> int:
        """Log the enquiry (subject, type, journalist or journalist_id, outlet, phone, email, deadline, ...); returns
        its id. FieldError names the field when something is wrong, and nothing is written."""
        from pressdesk.models.inputs import EnquiryCreate
        from pressdesk.services import enquiries

        st = self.settings
        data = EnquiryCreate(**form)
        with self.desk.write() as s:
            enquiry = enquiries.log_enquiry(s, data, who=st.officer, region=st.region, tz=st.timezone, now=self.clock())
            return enquiry.id

    # --- acting on an enquiry -------------------------------------------------------------

    def allowed_moves(self, status: str) -> list[str]:
        """Statuses the state machine allows from this one."""
        from pressdesk.models.lifecycle import ENQUIRY

        return [s.value for s in ENQUIRY.allowed_moves(status)]

    def change_status(self, enquiry_id: int, to: str, version: int | None = None) -> None:
        """Move an enquiry (refusing illegal moves and stale versions)."""
        from pressdesk.services import enquiries

        with self.desk.write() as s:
            enquiries.change_status(
                s, who=self.settings.officer, enquiry_id=enquiry_id, to=to, expected_version=version, now=self.clock()
            )

    def assign(self, enquiry_id: int, officer: str, version: int | None = None) -> str:
        """Give an enquiry to an officer ("" unassigns it): one on the desk's list, by name or initials, when it has
        one. Returns the name it was given to."""
        from pressdesk.services import enquiries

        with self.desk.write() as s:
            return enquiries.assign(
                s, who=self.settings.officer, enquiry_id=enquiry_id, officer=officer, expected_version=version
            ).officer

    def add_note(self, enquiry_id: int, text: str) -> None:
        """Append a dated note to an enquiry (notes never conflict, so there is no version check)."""
        from pressdesk.services import enquiries

        with self.desk.write() as s:
            enquiries.add_note(s, who=self.settings.officer, enquiry_id=enquiry_id, text=text, now=self.clock())

    def set_deadline(self, enquiry_id: int, text: str, version: int | None = None) -> None:
        """Set an enquiry's deadline from everyday words ("" clears it)."""
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

    def update_enquiry(self, enquiry_id: int, version: int | None = None, **fields: Any) -> None:
        """Edit several fields of an enquiry at once (subject, type, priority, officer, deadline, release_id)."""
        from pressdesk.models.inputs import EnquiryUpdate
        from pressdesk.services import enquiries

        st = self.settings
        data = EnquiryUpdate(**fields)
        with self.desk.write() as s:
            enquiries.update_enquiry(
                s,
                data,
                who=st.officer,
                tz=st.timezone,
                enquiry_id=enquiry_id,
                expected_version=version,
                now=self.clock(),
            )

    def mark_done(self, enquiry_id: int, version: int | None = None) -> None:
        """Close an enquiry as done (what hangs off it closes in the same change)."""
        from pressdesk.services import enquiries

        with self.desk.write() as s:
            enquiries.mark_done(s, who=self.settings.officer, enquiry_id=enquiry_id, expected_version=version)

    def preview_deadline(self, text: str) -> datetime | None:
        """What a typed deadline means, read as saving reads it (same reader, same clock); FieldError if refused."""
        from pressdesk.services.enquiries import parse_deadline

        return parse_deadline(text, tz=self.settings.timezone, now=self.clock())

    # --- many enquiries -------------------------------------------------------------------

    def person_enquiries(self, kind: str, person_id: int, limit: int = 50) -> list[EnquiryRow]:
        """A journalist's or expert's enquiries, newest first."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            if kind == "expert":
                return queries.list_enquiries(s, expert_id=person_id, order="recent", limit=limit)
            return queries.list_enquiries(s, journalist_id=person_id, order="recent", limit=limit)

    def list_enquiries(self, *, limit: int | None, **filters: Any) -> Iterator[ListedEnquiry]:
        """Enquiries matching the filters (status, open_only, overdue, text, officer), most urgent first, with
        their journalists' contacts; streamed in batches, never all at once (limit None: every one)."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            rows = (
                queries.stream_enquiries(s, batch=BATCH, now=self.clock(), **filters)
                if limit is None
                else iter(queries.list_enquiries(s, **filters, limit=limit, now=self.clock()))
            )
            while batch := list(islice(rows, BATCH)):
                yield from _with_contacts(s, batch)

    def count_enquiries(self, **filters: Any) -> int:
        """How many enquiries match the filters of list_enquiries."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return queries.count_matching_enquiries(s, now=self.clock(), **filters)
