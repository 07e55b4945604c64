"""What an enquiry was given and what came of it: statements (approved lines to take) and coverage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pressdesk.core.base import CoreBase
from pressdesk.core.views import Revision

if TYPE_CHECKING:
    from pressdesk.models.views import CoverageView, StatementView


class StatementsArea(CoreBase):
    """Statements offered, given, added and revised; coverage linked and listed."""

    def matching_statements(self, subject: str, release_id: int | None = None, limit: int = 5) -> list[StatementView]:
        """Current statements that fit a subject (and release), best first."""
        from pressdesk.services import statements

        with self.desk.read() as s:
            return statements.matching_statements(s, subject=subject, release_id=release_id, limit=limit)

    def statement_choices(self, enquiry_id: int, limit: int = 50) -> tuple[list[StatementView], bool]:
        """(statements to offer for an enquiry, whether they fit it): the fitting ones, else every current one."""
        from pressdesk.services import queries, statements

        with self.desk.read() as s:
            row = queries.get_enquiry(s, enquiry_id)
            fitting = statements.matching_statements(s, subject=row.subject, release_id=row.release_id, limit=limit)
            if fitting:
                return fitting, True
            return statements.list_statements(s, limit=limit), False

    def statements(
        self, *, subject: str | None = None, enquiry_id: int | None = None, include_superseded: bool = False
    ) -> list[StatementView]:
        """Statements that fit an enquiry or a subject (best first), else the current ones (and old revisions)."""
        from pressdesk.services import queries, statements

        with self.desk.read() as s:
            if enquiry_id is not None:
                row = queries.get_enquiry(s, enquiry_id)
                return statements.matching_statements(s, subject=row.subject, release_id=row.release_id)
            if subject:
                return statements.matching_statements(s, subject=subject)
            return statements.list_statements(s, current_only=not include_superseded)

    def give_statement(self, enquiry_id: int, statement_id: int, version: int | None = None) -> None:
        """Record which statement the enquiry was given."""
        from pressdesk.services import statements

        with self.desk.write() as s:
            statements.give_statement(
                s, who=self.settings.officer, enquiry_id=enquiry_id, statement_id=statement_id, expected_version=version
            )

    def log_call_giving(self, statement_id: int, **form: Any) -> tuple[int, str]:
        """Log the enquiry and record the statement given, in one session; returns (id, why the statement was not)."""
        from pressdesk.errors import FieldError
        from pressdesk.models.inputs import EnquiryCreate
        from pressdesk.services import enquiries, statements

        st = self.settings
        data = EnquiryCreate(**form)
        with self.desk.write() as s:
            enquiry = enquiries.log_enquiry(s, data, who=st.officer, region=st.region, tz=st.timezone, now=self.clock())
            try:
                statements.give_statement(s, who=st.officer, enquiry_id=enquiry.id, statement_id=statement_id)
            except FieldError as exc:  # checked before anything is written: the enquiry is kept
                return enquiry.id, exc.reason
            return enquiry.id, ""

    def add_statement(
        self, *, title: str, body: str, topics: str = "", release_id: int | None = None, approved_by: str = ""
    ) -> int:
        """Store an approved statement; its id."""
        from pressdesk.services import statements

        with self.desk.write() as s:
            return statements.create_statement(
                s,
                who=self.settings.officer,
                title=title,
                body=body,
                topics=topics,
                release_id=release_id,
                approved_by=approved_by,
            ).id

    def revise_statement(
        self,
        statement_id: int,
        *,
        title: str | None = None,
        body: str | None = None,
        topics: str | None = None,
        approved_by: str | None = None,
    ) -> Revision:
        """Make a new revision of a statement (the old wording stays on record)."""
        from pressdesk.services import statements

        with self.desk.write() as s:
            new = statements.revise_statement(
                s,
                who=self.settings.officer,
                statement_id=statement_id,
                title=title,
                body=body,
                topics=topics,
                approved_by=approved_by,
            )
            return Revision(new.id, new.revision)

    # --- coverage -------------------------------------------------------------------------

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

    def coverage(self, enquiry_id: int) -> list[CoverageView]:
        """The coverage linked to an enquiry."""
        from pressdesk.services import coverage

        with self.desk.read() as s:
            return coverage.list_coverage(s, enquiry_id=enquiry_id)
