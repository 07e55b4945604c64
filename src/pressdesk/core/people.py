"""People: journalists and experts listed, read and edited; the expert directory's spread of requests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pressdesk.core.base import CoreBase

if TYPE_CHECKING:
    from pressdesk.models.inputs import ExpertUpdate, JournalistUpdate
    from pressdesk.models.views import ExpertRecord, PersonRow, ReleaseRow

PAGE = 500
"""Rows fetched at a time when a listing of people or releases streams."""

Listable = Literal["journalists", "experts", "releases"]


class PeopleArea(CoreBase):
    """Journalists and experts, and the listings of people and releases the CLI prints."""

    def journalists(self, text: str = "", *, offset: int = 0, limit: int = 200) -> list[PersonRow]:
        """Journalists matching a text (all of them for "")."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return queries.list_journalists(
                s, text=text or None, offset=offset, limit=limit, region=self.settings.region
            )

    def journalist(self, journalist_id: int) -> PersonRow | None:
        """One journalist as listed (or None)."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            found = queries.list_journalists(s, ids=[journalist_id], limit=1)
        return found[0] if found else None

    def experts(self, text: str = "", *, offset: int = 0, limit: int = 200) -> list[PersonRow]:
        """Experts matching a text, with their load."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return queries.list_experts(s, text=text or None, offset=offset, limit=limit, region=self.settings.region)

    def expert(self, expert_id: int) -> PersonRow | None:
        """One expert as listed (or None)."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            found = queries.list_experts(s, ids=[expert_id], limit=1)
        return found[0] if found else None

    def expert_record(self, expert_id: int) -> ExpertRecord | None:
        """An expert's editable fields as stored, blocked dates included (None when gone)."""
        from pressdesk.services import experts

        with self.desk.read() as s:
            return experts.expert_record(s, expert_id=expert_id)

    def update_journalist(self, journalist_id: int, version: int | None, data: JournalistUpdate) -> None:
        """Edit a journalist with validation and the version check."""
        from pressdesk.services import contacts

        st = self.settings
        with self.desk.write() as s:
            contacts.update_journalist(
                s, data, who=st.officer, region=st.region, journalist_id=journalist_id, expected_version=version
            )

    def update_expert(self, expert_id: int, version: int | None, data: ExpertUpdate) -> None:
        """Edit an expert with validation and the version check."""
        from pressdesk.services import experts

        st = self.settings
        with self.desk.write() as s:
            experts.update_expert(
                s, data, who=st.officer, region=st.region, expert_id=expert_id, expected_version=version
            )

    def edit_expert(self, name_or_id: str, version: int | None, data: ExpertUpdate) -> PersonRow:
        """Find an expert by id or name and edit them in one change; the expert as they now stand."""
        from pressdesk.services import experts, routing

        st = self.settings
        with self.desk.write() as s:
            expert_id = routing.find_expert(s, name_or_id).id
            experts.update_expert(
                s, data, who=st.officer, region=st.region, expert_id=expert_id, expected_version=version
            )
        found = self.expert(expert_id)
        if found is None:  # removed since, by another terminal
            from pressdesk.errors import NotFound

            raise NotFound(f"There is no expert {expert_id}.")
        return found

    def request_spread(self, days: int = 30) -> list[tuple[str, int]]:
        """(name, requests) for every expert over the last days, most first: who is asked too often."""
        from pressdesk.services import routing

        with self.desk.read() as s:
            return routing.request_spread(s, days=days, now=self.clock())

    # --- listings -------------------------------------------------------------------------

    def listing(
        self, kind: Listable, *, text: str | None = None, limit: int | None
    ) -> Iterator[PersonRow | ReleaseRow]:
        """Journalists, experts or releases matching a text, a page at a time (limit None: every one)."""
        from pressdesk.services import queries

        lister = {
            "journalists": queries.list_journalists,
            "experts": queries.list_experts,
            "releases": queries.list_releases,
        }[kind]
        read_in = {} if kind == "releases" else {"region": self.settings.region}  # a number dialled at home
        offset = 0
        while limit is None or offset < limit:
            size = PAGE if limit is None else min(PAGE, limit - offset)
            with self.desk.read() as s:
                page = lister(s, text=text, limit=size, offset=offset, **read_in)
            yield from page
            if len(page) < size:
                return
            offset += size

    def count_listing(self, kind: Listable, *, text: str | None = None) -> int:
        """How many journalists, experts or releases match a text in all."""
        return sum(1 for _ in self.listing(kind, text=text, limit=None))
