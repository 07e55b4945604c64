"""The desk: open enquiries by urgency with live countdowns, header counts and a detail pane.

The columns follow the terminal's width (what matters most always, the rest as room allows); on a narrow
terminal the detail pane gives way and Enter opens the enquiry instead.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import DataTable, Header

from pressdesk.tui.messages import BackendReady, DeskChanged
from pressdesk.tui.safe import cell
from pressdesk.tui.screens.enquiry_actions import EnquiryActions
from pressdesk.tui.widgets.countdown import due_cell
from pressdesk.tui.widgets.counts import CountsStrip
from pressdesk.tui.widgets.desk_columns import Column, fit_columns
from pressdesk.tui.widgets.enquiry_detail import DetailPane, EnquiryDetailView
from pressdesk.tui.widgets.footer import KeyFooter
from pressdesk.tui.work import run_db

PAGE = 200


def row_cells(r, now, tz: str) -> dict[str, Text]:
    """Every cell of a desk row, by column key (a closed enquiry's Due cell says when it was closed)."""
    return {
        "due": due_cell(r.deadline, r.closed_at, now, tz),
        "journalist": cell(r.journalist),
        "outlet": cell(r.outlet),
        "type": cell(r.type),
        "subject": cell(r.subject),
        "expert": cell(r.expert or "—", "" if r.expert else "dim"),
        "status": cell(r.status),
        "officer": cell(r.officer or "—", "" if r.officer else "dim"),
    }


class DeskTable(DataTable):
    """The desk's table: it fits its columns as soon as it knows its width, so the first frame has their titles."""

    def on_resize(self) -> None:
        """Fit the columns to the new width (the screen keeps the rows and the cursor)."""
        self.screen.fit_columns()


class DeskScreen(EnquiryActions, Screen):
    """Every open enquiry, the most urgent at the top."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New enquiry", id="desk.new"),
        *EnquiryActions.ACTION_BINDINGS,
        Binding("v", "view", "View", id="desk.view"),
        Binding("f", "filter", "Filter", id="desk.filter", show=False),  # in help; the footer has no room
        Binding("x", "export", "Export", id="desk.export"),
        Binding("f5", "reload", "Reload", id="desk.reload"),
    ]
    NARROW_KEYS: ClassVar[frozenset[str]] = frozenset({"new", "status", "route", "view", "reload"})
    """The desk's keys a narrow footer keeps (besides quit, help and search)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[int, object] = {}
        self.more = False
        self.loading_more = False
        self.select_after_load: int | None = None
        self.page_reading = False
        """Whether a first page is being read (what it highlights is select_after_load)."""
        self.columns: tuple[Column, ...] = ()
        self._view = None
        self.next_after = None
        self.changed_ids: set[int] = set()
        """Enquiries changed whose rows are being re-read."""
        self.select_after_rows: int | None = None
        """The enquiry to highlight once they are (one this terminal has just written)."""
        self.resumed = False
        """Whether the desk has been shown (its first ScreenResume handled)."""
        self.resized_to: Size | None = None
        """The size of the last Resize the desk was sent."""
        self.detail_of: int | None = None
        """The enquiry whose detail the pane holds or is reading (None: none yet, or the pane hidden meanwhile)."""
        self.early_page = False
        """Whether the rows on show are the early first page, read before the desk opened (their detail is not read:
        the core's page replaces them as the desk opens, and its first row's highlight reads it)."""

    @property
    def view(self):
        """What the desk shows: a DeskView (open, mine, overdue, closed today, all, and its narrowing); the core's
        views are imported once the desk is open, not before the first frame."""
        if self._view is None:
            from pressdesk.core.views import DeskView

            self._view = DeskView()
        return self._view

    @property
    def everyday(self) -> bool:
        """Whether the desk shows its everyday view: the open enquiries, not narrowed."""
        return self.view.name == "open" and not self.view.narrowed

    def compose(self) -> ComposeResult:
        """Header strip, the table and the detail pane."""
        yield Header()
        yield CountsStrip(id="counts")
        with Horizontal(id="desk-body"):
            yield DeskTable(id="enquiries", cursor_type="row", zebra_stripes=True)
            with DetailPane(id="detail-pane"):
                yield EnquiryDetailView(id="detail")
        yield KeyFooter()

    def on_resize(self, event: events.Resize) -> None:
        """A new size is Textual's to lay out and style (the table fits its columns to its own new width; a detail pane
        that comes back says so, DetailPane.Returned). The terminal's size reported again unchanged (two or three times
        as the desk opens) is let go: Textual's handler laid the whole screen out at once each time, and the detail
        was read again each time, shown already (issue 8). So is the first, of the size the desk was laid out at as it
        was shown, with the size classes it was made with (PressDeskApp.sized)."""
        first = self.resized_to is None and event.size == self.outer_size
        if event.size == self.resized_to or first:
            event.prevent_default()
        self.resized_to = event.size

    def on_detail_pane_returned(self, _event: DetailPane.Returned) -> None:
        """The pane is on screen again (or for the first time): fill it with the highlighted enquiry unless it holds it
        already. Asked for as the terminal's new size came, before the new size's styles showed the pane, the detail
        was not read when those came late (under load)."""
        self.show_detail()

    def fit_columns(self) -> None:
        """Choose the columns for the table's width; rebuild it from the rows in memory when they change."""
        table = self.query_one(DataTable)
        width = table.scrollable_content_region.width
        if not width:
            return
        columns = fit_columns(width)
        if columns == self.columns:
            return
        current = self.current_row()
        order = [int(row.key.value) for row in table.ordered_rows]
        self.columns = columns
        table.clear(columns=True)
        for column in columns:
            table.add_column(column.label, key=column.key, width=column.width)
        self._add_rows([self.rows[i] for i in order])
        if current is not None and current.id in self.rows:
            table.move_cursor(row=table.get_row_index(str(current.id)))

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """The desk's first resume comes as it is mounted, every widget just styled: Textual's own handler (after
        this one) styled them all again before the first frame (issue 8). A later resume restyles as Textual does."""
        if not self.resumed:
            self.resumed = True
            event.refresh_styles = False

    def on_mount(self) -> None:
        """Load if the desk is open; tick the countdowns every 15 s without the database."""
        self.query_one(EnquiryDetailView).clear_detail("Opening the desk…")
        self.set_interval(15, self.tick)
        self.set_interval(60, self.refresh_counts)
        if self.app.backend is not None:
            self.reload()

    def on_backend_ready(self, _event: BackendReady) -> None:
        """The desk opened: load it."""
        self.reload()

    def show_first_page(self, page) -> bool:
        """Show the first page read before the desk opened, unless the desk is open or another view was chosen
        meanwhile; whether it was shown. The core's page replaces it when the desk opens (BackendReady)."""
        if self.app.backend is not None or self.rows or not (self._view is None or self.everyday):
            return False
        self._show_page(page)
        self.early_page = True
        return True

    def on_desk_changed(self, event: DeskChanged) -> None:
        """Something was written: re-read the enquiries named (a screen's own write names its one enquiry, and
        selects it), or the page when none are."""
        own = event.changed is None and event.enquiry_id is not None
        changed = frozenset({event.enquiry_id}) if own else event.changed
        if own and self.page_reading:  # a page read under way (a form's save asks for one) lands on it too
            self.select_after_load = event.enquiry_id
        if changed is None or self.app.backend is None or not self.rows:
            self.reload(select=event.enquiry_id)
            return
        if own:
            self.select_after_rows = event.enquiry_id
        self.changed_ids |= changed
        if not self.changed_ids:  # nothing a desk row shows; the detail's notes, coverage or history may have changed
            self.show_detail(again=True)
            return
        ids, view = frozenset(self.changed_ids), self.view
        run_db(
            self,
            lambda b: b.desk_rows(ids, view=view),
            done=lambda found: self._show_changed(ids, view, found),
            group="desk-rows",
        )

    def _show_changed(self, ids: frozenset[int], view, found) -> None:
        """Put the rows re-read for a change in their places: updated, moved, added or taken off the page."""
        self.changed_ids -= ids
        if view != self.view:
            return  # another view was chosen meanwhile: its page is being read
        target, self.select_after_rows = self.select_after_rows, None
        self.query_one(CountsStrip).show(found.counts)
        fresh = {r.id: r for r in found.rows}
        # a row past the last one shown comes with the next page, read from after that row
        last = max((view.order_key(r) for r in self.rows.values()), default=None) if self.more else None
        for i in ids:
            row = fresh.get(i)
            belongs = row is not None and (last is None or view.order_key(row) <= last)
            if belongs:
                self.rows[i] = row
            else:
                self.rows.pop(i, None)
        placed = sorted(self.rows, key=lambda i: view.order_key(self.rows[i]))
        table = self.query_one(DataTable)
        if placed == [int(r.key.value) for r in table.ordered_rows]:
            self._update_cells(ids & self.rows.keys())
        else:
            self._rebuild(placed)
        if target in self.rows and target != getattr(self.current_row(), "id", None):
            table.move_cursor(row=table.get_row_index(str(target)))
        if self.rows:
            self.show_detail(again=True)  # its notes, coverage or history may have changed, as after a page read
        else:
            self._show_empty()

    def _update_cells(self, ids) -> None:
        """Redraw these rows' cells where they stand."""
        table = self.query_one(DataTable)
        now, tz = self.app.backend.clock(), self.app.settings.timezone
        for i in ids:
            cells = row_cells(self.rows[i], now, tz)
            for column in self.columns:
                table.update_cell(str(i), column.key, cells[column.key])

    def _rebuild(self, order: list[int]) -> None:
        """Lay the table out again from the rows in memory, the same enquiry highlighted and the view where it was."""
        table = self.query_one(DataTable)
        current = self.current_row()
        at, scrolled = table.cursor_row, table.scroll_y
        table.clear()
        self._add_rows([self.rows[i] for i in order])
        if not order:
            return
        index = table.get_row_index(str(current.id)) if current is not None and current.id in self.rows else at
        table.scroll_to(y=scrolled, animate=False, immediate=True)
        table.move_cursor(row=min(max(index, 0), len(order) - 1), animate=False)

    def action_reload(self) -> None:
        """Reload the desk from the database."""
        self.reload()

    def reload(self, select: int | None = None) -> None:
        """Fetch the first pages again (as many rows as are showing), with the counts."""
        table = self.query_one(DataTable)
        current = self.current_row()
        # a reload that replaces one still under way keeps the enquiry that one was to select
        self.select_after_load = select or self.select_after_load or (current.id if current else None)
        limit = max(PAGE, table.row_count)
        view = self.view
        self.page_reading = True
        run_db(self, lambda b: b.desk_page(view=view, limit=limit), done=self._show_page, group="desk")

    def _show_page(self, page) -> None:
        """Fill the table with a fresh first page (its highlighted enquiry's detail is read again)."""
        self.early_page = False
        self.detail_of = None
        table = self.query_one(DataTable)
        table.clear()
        self.rows = {}
        target, self.select_after_load = self.select_after_load, None
        self.page_reading = False
        self.query_one(CountsStrip).show(page.counts)
        self._append(page)
        if hasattr(self.app, "desk_shown"):
            self.call_after_refresh(self.app.desk_shown)
        if not self.rows:
            self._show_empty()
            return
        if target in self.rows:
            table.move_cursor(row=table.get_row_index(str(target)))
        # the detail follows: the table highlights its first row as the first is added (and the target as it moves)

    def _show_empty(self) -> None:
        """Say the view has nothing, and what to do."""
        empty = "No open enquiries." if self.everyday else f"Nothing in this view ({self.view.label})."
        self.query_one(EnquiryDetailView).clear_detail(f"{empty} Press n to log a call, v for another view.")

    def _append(self, page) -> None:
        """Add a page of rows to the table."""
        fresh = [r for r in page.rows if r.id not in self.rows]
        self.rows.update((r.id, r) for r in fresh)
        self._add_rows(fresh)
        self.more = page.more
        self.next_after = page.next_after
        self.loading_more = False

    def _add_rows(self, rows) -> None:
        """Add rows to the table, with the cells of the columns it has now."""
        if not self.columns:
            self.fit_columns()
        if not rows:
            return
        table = self.query_one(DataTable)
        now = self.app.backend.clock() if self.app.backend is not None else datetime.now(UTC)  # a first page read early
        keys = [c.key for c in self.columns]
        tz = self.app.settings.timezone
        for r in rows:
            cells = row_cells(r, now, tz)
            table.add_row(*(cells[k] for k in keys), key=str(r.id))

    def tick(self) -> None:
        """Redraw the countdowns of the rows on screen from the rows in memory (no database)."""
        table = self.query_one(DataTable)
        if not self.rows or self.app.backend is None:
            return
        now, tz = self.app.backend.clock(), self.app.settings.timezone
        first = max(0, int(table.scroll_offset.y) - 1)
        for row in table.ordered_rows[first : first + table.size.height + 2]:
            r = self.rows[int(row.key.value)]
            table.update_cell(row.key, "due", due_cell(r.deadline, r.closed_at, now, tz))

    def refresh_counts(self) -> None:
        """Re-count the header strip (one small query a minute)."""
        if self.app.backend is not None:
            run_db(
                self,
                lambda b: b.counts(),
                done=self.query_one(CountsStrip).show,
                group="counts",
            )

    def current_row(self):
        """The highlighted enquiry, or None."""
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row < 0 or table.cursor_row >= table.row_count:
            return None
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        return self.rows.get(int(key)) if key else None

    @on(DataTable.RowHighlighted, "#enquiries")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Show the detail; fetch the next page when near the end."""
        self.show_detail()
        table = event.data_table
        if self.more and not self.loading_more and event.cursor_row >= table.row_count - 20:
            self.loading_more = True
            cursor, view = self.next_after, self.view
            run_db(self, lambda b: b.desk_page(view=view, after=cursor, limit=PAGE), done=self._append, group="more")

    @on(DataTable.RowSelected, "#enquiries")
    def _selected(self, event: DataTable.RowSelected) -> None:
        """Enter opens the enquiry over the desk (the way to its detail when the pane is hidden)."""
        from pressdesk.tui.screens.search import EnquiryScreen

        if (row := self.current_row()) is not None:
            self.app.push_screen(EnquiryScreen(row.id))

    def show_detail(self, *, again: bool = False) -> None:
        """Load the selected enquiry's detail in a worker, unless the pane holds it already (or `again`: it changed).
        Not for the early page: the core's, which replaces it, highlights its row again; nor into a hidden pane."""
        row = self.current_row()
        if row is None or self.early_page or self.app.backend is None:
            return
        if not self.query_one("#detail-pane").display:
            self.detail_of = None  # read as the pane comes back (DetailPane.Returned)
            return
        if row.id == self.detail_of and not again:
            return
        self.detail_of = row.id
        tz = self.app.settings.timezone
        view = self.query_one(EnquiryDetailView)
        run_db(
            self, lambda b: b.detail(row.id), done=lambda d: view.show(d, tz, self.app.settings.region), group="detail"
        )

    def action_new(self) -> None:
        """Open the log-a-call form."""
        if self.app.backend is None:
            self.app.notify("The desk is still opening.", severity="warning")
            return
        from pressdesk.tui.screens.log_call import LogCallScreen

        def logged(enquiry_id: int | None) -> None:
            if enquiry_id:
                self.app.notify(f"Logged enquiry #{enquiry_id}.")
                self.app.post_message(DeskChanged(enquiry_id))

        self.app.push_screen(LogCallScreen(), logged)

    def show_view(self, view) -> None:
        """Show another view or narrowing (a DeskView): its name in the title bar, the rows reloaded."""
        self._view = view
        self.sub_title = (
            None if self.everyday else f"{self.app.sub_title} · {view.label}".strip(" ·")
        )  # None: the app's
        self.select_after_load = None
        self.query_one(DataTable).clear()
        self.rows = {}
        self.reload()

    def action_view(self) -> None:
        """The next view: open, mine, overdue, closed today, all (its name shows in the title bar)."""
        self.show_view(self.view.cycled())

    def action_filter(self) -> None:
        """Narrow the desk to an officer, a type and an outlet."""
        from pressdesk.tui.screens.desk_filter import DeskFilterScreen

        def chosen(view) -> None:
            if view is not None:
                self.show_view(view)

        self.app.push_screen(DeskFilterScreen(self.view), chosen)

    def action_export(self) -> None:
        """Write what the desk shows (its view and filter) to a file."""
        from pressdesk.tui.screens.export import ExportScreen, default_path

        if self.app.backend is None:
            self.app.notify("The desk is still opening.", severity="warning")
            return
        view = self.view

        def write(backend, path: str, fmt: str, progress):
            return backend.export_view(view, path, fmt, progress=progress)

        formats = ("xlsx", "csv", "html", "md", "json")
        path = default_path("enquiries", formats[0], self.app.backend.clock())
        self.app.push_screen(ExportScreen(f"Export the desk: {view.label}", formats, path, write, noun="enquiry"))
