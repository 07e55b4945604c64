"""Routing an enquiry to an expert and the interview that follows: accept, decline, schedule, done, cancel, export."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

from pressdesk.core.base import CoreBase
from pressdesk.core.views import Booked, Completed, Declined, Exported, InterviewDesk, Routed, RouteOptions

if TYPE_CHECKING:
    from pressdesk.models.views import InterviewLine


class InterviewsArea(CoreBase):
    """From the ranked experts to the interview done."""

    # --- routing --------------------------------------------------------------------------

    def route_suggestions(self, enquiry_id: int, *, limit: int = 10, days: int = 30) -> RouteOptions:
        """The enquiry, experts ranked with reasons, (name, status) of those asked already, and the spread."""
        from pressdesk.services import queries, routing

        with self.desk.read() as s:
            row = queries.get_enquiry(s, enquiry_id)
            found = routing.suggest_experts(
                s, enquiry_id=enquiry_id, limit=limit, tz=self.settings.timezone, now=self.clock()
            )
            asked = routing.asked_experts(s, enquiry_id=enquiry_id)
            return RouteOptions(row, found, asked, routing.request_spread(s, days=days, now=self.clock()))

    def route(self, enquiry_id: int, expert_id: int, version: int | None = None, *, force: bool = False) -> int:
        """Offer the enquiry to an expert; returns the new request's id (NeedsConfirmation past a hard warning)."""
        return self.route_to(enquiry_id, str(expert_id), version, force=force).request_id

    def route_to(self, enquiry_id: int, expert: str, version: int | None = None, *, force: bool = False) -> Routed:
        """Offer the enquiry to an expert named by id or name (NeedsConfirmation past a hard warning)."""
        from pressdesk.services import queries, routing

        with self.desk.write() as s:
            who = routing.find_expert(s, expert)
            request = routing.route_enquiry(
                s,
                who=self.settings.officer,
                enquiry_id=enquiry_id,
                expert_id=who.id,
                expected_version=version,
                force=force,
                now=self.clock(),
                tz=self.settings.timezone,
            )
            status = queries.get_enquiry(s, enquiry_id).status
            return Routed(request.id, enquiry_id, who.id, who.name, who.honorific, status)

    # --- the interview --------------------------------------------------------------------

    def interview_desk(self, enquiry_id: int) -> InterviewDesk:
        """The enquiry, its interview requests, its coverage, and the statement it was given."""
        from pressdesk.services import coverage, interview_diary, queries, statements

        with self.desk.read() as s:
            row = queries.get_enquiry(s, enquiry_id)
            lines = interview_diary.list_interviews(s, enquiry_id=enquiry_id, limit=100)
            found = coverage.list_coverage(s, enquiry_id=enquiry_id)
            given = statements.statement_given(s, enquiry_id=enquiry_id)
            return InterviewDesk(row, lines, found, f"{given.title} (revision {given.revision})" if given else "")

    def interviews(
        self, *, status: str | None = None, enquiry_id: int | None = None, limit: int = 100
    ) -> list[InterviewLine]:
        """Interview requests, booked ones by time first."""
        from pressdesk.services import interview_diary

        with self.desk.read() as s:
            return interview_diary.list_interviews(s, status=status, enquiry_id=enquiry_id, limit=limit)

    def accept_interview(self, request_id: int, version: int | None = None) -> None:
        """The expert said yes."""
        from pressdesk.services import interviews

        with self.desk.write() as s:
            interviews.accept(s, who=self.settings.officer, request_id=request_id, expected_version=version)

    def decline_interview(self, request_id: int, reason: str = "", version: int | None = None) -> Declined:
        """The expert said no; the next suggestions (the decliner left out) and where the enquiry stands."""
        from pressdesk.services import interviews, queries

        st = self.settings
        with self.desk.write() as s:
            found = interviews.decline(
                s,
                who=st.officer,
                request_id=request_id,
                reason=reason,
                expected_version=version,
                tz=st.timezone,
                now=self.clock(),
            )
            enquiry_id = interviews.request_enquiry(s, request_id=request_id)
            return Declined(found, enquiry_id, queries.get_enquiry(s, enquiry_id).status)

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
    ) -> Booked:
        """Book an accepted interview (or move a booked one)."""
        from pressdesk.services import interviews

        st = self.settings
        with self.desk.write() as s:
            r = interviews.schedule(
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
            return Booked(r.slot_start, r.slot_end, r.format, r.place)

    def complete_interview(self, request_id: int, version: int | None = None) -> Completed:
        """The interview happened; the enquiry closes when nothing else is pending."""
        from pressdesk.services import interviews, queries

        with self.desk.write() as s:
            r = interviews.complete(s, who=self.settings.officer, request_id=request_id, expected_version=version)
            return Completed(r.enquiry_id, queries.get_enquiry(s, r.enquiry_id).status)

    def cancel_interview(self, request_id: int, reason: str = "", version: int | None = None) -> None:
        """Call an interview off."""
        from pressdesk.services import interviews

        with self.desk.write() as s:
            interviews.cancel(
                s, who=self.settings.officer, request_id=request_id, reason=reason, expected_version=version
            )

    def export_ics(self, target: str | IO[bytes]) -> Exported:
        """Write the scheduled interviews to an .ics file (replaced whole, never half-written) or a binary stream;
        FieldError("output") when there is no name or the file cannot be written."""
        from pressdesk.errors import FieldError
        from pressdesk.services import interview_diary

        if not isinstance(target, str):
            with self.desk.read() as s:
                return Exported(interview_diary.export_ics(s, target, now=self.clock()), "-")
        text = target.strip()
        if not text:
            raise FieldError("output", "Give a file name such as ~/pressdesk-interviews.ics.")
        path = Path(text).expanduser()
        with self.desk.read() as s:
            try:
                return Exported(interview_diary.export_ics(s, path, now=self.clock()), str(path))
            except OSError as exc:
                raise FieldError("output", f"Cannot write {path}: {exc.strerror or exc}.") from None
