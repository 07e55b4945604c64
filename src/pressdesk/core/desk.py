"""The desk itself: open (and migrate) it, fill the demo, watch for other terminals, the desk page, search; and the
desk's life-cycle for `pressdesk db ...` (create, status, upgrade), which works on desks not yet migrated."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import datetime
from typing import TYPE_CHECKING, Self

from pressdesk.core.base import CoreBase
from pressdesk.core.views import Copied, DeskPage, DeskPlace, DeskRows, DeskView, SchemaStatus, Upgraded

if TYPE_CHECKING:
    from pressdesk.models.views import DeskCounts, SearchHit
    from pressdesk.settings import Settings
    from pressdesk.store.watch import ChangeWatch


def target_for(settings: Settings, *, demo: bool = False) -> str | None:
    """The desk path or URL chosen by --db, PRESSDESK_DB or --demo (None: the everyday desk)."""
    from pressdesk.paths import demo_db_path

    return str(demo_db_path()) if demo else settings.db


def init_desk(target: str | None) -> DeskPlace:
    """Create a desk at the target (or bring it up to date if it is there already)."""
    from pressdesk.paths import mask_url
    from pressdesk.store import open_desk
    from pressdesk.store.desk import sqlite_file

    file = sqlite_file(target)
    existed = file is not None and file.exists()
    desk = open_desk(target, create=True)
    try:
        return DeskPlace(where=str(file) if file is not None else mask_url(desk.url), existed=existed)
    finally:
        desk.dispose()


def desk_status(target: str | None) -> SchemaStatus:
    """Where the desk is and where its schema stands; never creates or migrates it."""
    from pressdesk.paths import mask_url
    from pressdesk.store import open_desk
    from pressdesk.store.migrate import status

    desk = open_desk(target, migrate=False, create=False)
    try:
        st = status(desk)
        return SchemaStatus(url=mask_url(desk.url), current=st.current, head=st.head, pending=st.pending)
    finally:
        desk.dispose()


def upgrade_desk(target: str | None) -> Upgraded:
    """Run the pending migrations (a SQLite desk is copied aside first)."""
    from pressdesk.store import open_desk
    from pressdesk.store.migrate import status, upgrade

    desk = open_desk(target, migrate=False, create=False)
    try:
        before = status(desk)
        after = upgrade(desk)
        return Upgraded(before=before.current, after=after.current, was_up_to_date=before.up_to_date)
    finally:
        desk.dispose()


def copy_desk(
    source: str | None, target: str | None, progress: Callable[[str, int, int], None] | None = None
) -> Copied:
    """Copy a whole desk into an empty one (made and migrated here if need be; a server database must exist), in
    batches, row counts and id sequences checked; progress is told (table, rows done, rows in all)."""
    from pressdesk.paths import mask_url
    from pressdesk.store import open_desk
    from pressdesk.store.copy import copy_desk as copy_rows

    origin = open_desk(source, create=False)
    try:
        destination = open_desk(target, create=True)
        try:
            done = copy_rows(origin, destination, progress=progress)
            return Copied(source=mask_url(origin.url), target=mask_url(destination.url), rows=done.rows)
        finally:
            destination.dispose()
    finally:
        origin.dispose()


def fill_demo(settings: Settings, target: str | None) -> dict[str, int]:
    """Create the desk if need be and load the demo data into it; how many of each thing were added."""
    from pressdesk.services import demo
    from pressdesk.store import open_desk

    desk = open_desk(target, create=True)
    try:
        with desk.write() as session:
            return demo.load_demo(session, who=settings.officer, region=settings.region)
    finally:
        desk.dispose()


class DeskArea(CoreBase):
    """Opening the desk, the desk page and its counts, search."""

    @classmethod
    def open(
        cls, settings: Settings, *, target: str | None, demo: bool = False, write: bool = True, warm: bool = False
    ) -> Self:
        """Open (and migrate) the desk. Only a face that may write creates a desk, and only the everyday or demo
        desk: a named desk that is missing is refused, so a mistyped --db creates nothing. The demo desk is filled
        on first use. warm=True loads the slow readers now (the TUI, so the first key typed does not wait)."""
        from pressdesk.paths import created_on_first_use
        from pressdesk.store import open_desk

        desk = open_desk(target, create=demo or (write and created_on_first_use(target)), who=settings.officer)
        core = cls(desk, settings)
        if demo:
            core.ensure_demo()
        if warm:
            core.warm()
        return core

    def others_here(self) -> list[str]:
        """The other officers with this desk open now (a server desk; none on SQLite)."""
        from pressdesk.store.presence import others_on_desk

        return others_on_desk(self.desk.engine, self.settings.officer)

    def ensure_demo(self) -> bool:
        """Fill the desk with demo data if it has no enquiries yet; True if it did."""
        from pressdesk.services import demo, queries

        with self.desk.read() as session:
            if queries.count_enquiries(session):
                return False
        with self.desk.write() as session:
            demo.load_demo(session, who=self.settings.officer, region=self.settings.region, now=self.clock())
        return True

    def warm(self) -> None:
        """Load the slow parts of reading deadlines and numbers now, so the first typed does not block the screen."""
        import contextlib

        from pressdesk.errors import DeskError
        from pressdesk.services.enquiries import parse_deadline
        from pressdesk.validation import parse_phone, readable_phone

        parse_phone("+44 20 7946 0000", self.settings.region)
        readable_phone("+442079460000", self.settings.region)  # numbers on screen: the same library, loaded
        with contextlib.suppress(DeskError):
            parse_deadline("in a fortnight", tz=self.settings.timezone)  # reaches dateparser

    def change_watch(self) -> ChangeWatch:
        """A watch on this desk that tells when another terminal committed."""
        from pressdesk.store.watch import ChangeWatch

        return ChangeWatch(self.desk.engine)

    def close(self) -> None:
        """Let go of the desk's connections."""
        self.desk.dispose()

    def desk_page(
        self,
        *,
        view: DeskView | None = None,
        after: tuple[datetime | None, int] | None = None,
        limit: int = 200,
        now: datetime | None = None,
    ) -> DeskPage:
        """A page of a desk view (by default the open enquiries, most urgent first) after a cursor, read along an
        index so any page costs the same; the header counts on the first page."""
        from pressdesk.services import desk_views, queries

        view = view or DeskView()
        now = now or self.clock()
        with self.desk.read() as s:
            found = desk_views.view_page(
                s,
                view.name,
                me=self.settings.officer,
                officer=view.officer,
                type=view.type,
                outlet=view.outlet,
                after=after,
                limit=limit + 1,
                now=now,
                tz=self.settings.timezone,
            )
            counts = queries.desk_counts(s, now=now) if after is None else None
        more = len(found) > limit
        shown = found[:limit]
        return DeskPage(
            counts=counts,
            rows=tuple(row for row, _ in shown),
            after=after,
            more=more,
            next_after=shown[-1][1] if shown else None,
        )

    def desk_rows(self, ids: Collection[int], *, view: DeskView | None = None, now: datetime | None = None) -> DeskRows:
        """These enquiries' rows as the desk view shows them (one SELECT by primary key; those that left the view
        are not there), with the header counts: what a desk re-reads when other terminals changed a few rows."""
        from pressdesk.services import desk_views, queries

        view = view or DeskView()
        now = now or self.clock()
        with self.desk.read() as s:
            rows = desk_views.view_rows(
                s,
                view.name,
                ids,
                me=self.settings.officer,
                officer=view.officer,
                type=view.type,
                outlet=view.outlet,
                now=now,
                tz=self.settings.timezone,
            )
            return DeskRows(counts=queries.desk_counts(s, now=now), rows=tuple(rows))

    def narrow_desk(self, view: DeskView) -> DeskView:
        """The view with its officer, type and outlet checked and cleaned; FieldError names one the desk cannot use."""
        from pressdesk.services import desk_views

        with self.desk.read() as s:
            name = desk_views.read_view(view.name)
            officer, kind, outlet = desk_views.read_narrowing(
                s, officer=view.officer, type=view.type, outlet=view.outlet
            )
        return DeskView(name, officer, kind, outlet)

    def counts(self, now: datetime | None = None) -> DeskCounts:
        """The header strip's numbers."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return queries.desk_counts(s, now=now or self.clock())

    def search(self, text: str, limit: int = 8) -> list[SearchHit]:
        """Enquiries, journalists, experts, press contacts and releases matching any word or number."""
        from pressdesk.services import search

        with self.desk.read() as s:
            return search.search(s, text, limit=limit, region=self.settings.region)
