"""The desk: open enquiries by urgency with live countdowns, header counts and a detail pane."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from pressdesk.tui.messages import BackendReady, DeskChanged
from pressdesk.tui.safe import cell, lit
from pressdesk.tui.screens.enquiry_actions import EnquiryActions
from pressdesk.tui.widgets.countdown import countdown_cell
from pressdesk.tui.widgets.enquiry_detail import EnquiryDetailView
from pressdesk.tui.work import run_db

PAGE = 200
COLUMNS = (
    ("Due", "due", 11),
    ("Journalist", "journalist", 16),
    ("Outlet", "outlet", 12),
    ("Type", "type", 9),
    ("Subject", "subject", 34),
    ("Expert", "expert", 14),
    ("Status", "status", 9),
    ("Officer", "officer", 11),
)


def counts_text(counts) -> Text:
    """The header strip: open, due within the hour, overdue, interviews not routed."""
    out = Text()
    out.append(f" {counts.open} open ", style="bold")
    out.append("  ")
    out.append(f" {counts.due_soon} due within the hour ", style="bold black on yellow" if counts.due_soon else "dim")
    out.append("  ")
    out.append(f" {counts.overdue} overdue ", style="bold white on red" if counts.overdue else "dim")
    out.append("  ")
    out.append(
        f" {counts.unrouted_interviews} interview request{'' if counts.unrouted_interviews == 1 else 's'} not routed ",
        style="bold" if counts.unrouted_interviews else "dim",
    )
    return out


class DeskScreen(EnquiryActions, Screen):
    """Every open enquiry, the most urgent at the top."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New enquiry", id="desk.new"),
        *EnquiryActions.ACTION_BINDINGS,
        Binding("x", "export", "Export", id="desk.export"),
        Binding("f5", "reload", "Reload", id="desk.reload"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[int, object] = {}
        self.more = False
        self.loading_more = False
        self.select_after_load: int | None = None

    def compose(self) -> ComposeResult:
        """Header strip, the table and the detail pane."""
        yield Header()
        yield Static(lit(" Opening the desk…", "dim"), id="counts")
        with Horizontal(id="desk-body"):
            table = DataTable(id="enquiries", cursor_type="row", zebra_stripes=True)
            for label, key, width in COLUMNS:
                table.add_column(label, key=key, width=width)
            yield table
            with VerticalScroll(id="detail-pane"):
                yield EnquiryDetailView(id="detail")
        yield Footer()

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

    def on_desk_changed(self, event: DeskChanged) -> None:
        """Something was written: reload and keep the enquiry selected."""
        self.reload(select=event.enquiry_id)

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
        run_db(self, lambda b: b.desk_page(limit=limit), done=self._show_page, group="desk")

    def _show_page(self, page) -> None:
        """Fill the table with a fresh first page."""
        table = self.query_one(DataTable)
        table.clear()
        self.rows = {}
        target, self.select_after_load = self.select_after_load, None
        self.query_one("#counts", Static).update(counts_text(page.counts))
        self._append(page)
        if not self.rows:
            self.query_one(EnquiryDetailView).clear_detail("No open enquiries. Press n to log a call.")
            return
        if target in self.rows:
            table.move_cursor(row=table.get_row_index(str(target)))
        self.show_detail()

    def _append(self, page) -> None:
        """Add a page of rows to the table."""
        table = self.query_one(DataTable)
        now = self.app.backend.clock()
        for r in page.rows:
            if r.id in self.rows:
                continue
            self.rows[r.id] = r
            table.add_row(
                countdown_cell(r.deadline, now),
                cell(r.journalist),
                cell(r.outlet),
                cell(r.type),
                cell(r.subject),
                cell(r.expert or "—", "" if r.expert else "dim"),
                cell(r.status),
                cell(r.officer or "—", "" if r.officer else "dim"),
                key=str(r.id),
            )
        self.more = page.more
        self.loading_more = False

    def tick(self) -> None:
        """Redraw the countdowns of the rows on screen from the rows in memory (no database)."""
        table = self.query_one(DataTable)
        if not self.rows or self.app.backend is None:
            return
        now = self.app.backend.clock()
        first = max(0, int(table.scroll_offset.y) - 1)
        for row in table.ordered_rows[first : first + table.size.height + 2]:
            r = self.rows[int(row.key.value)]
            table.update_cell(row.key, "due", countdown_cell(r.deadline, now))

    def refresh_counts(self) -> None:
        """Re-count the header strip (one small query a minute)."""
        if self.app.backend is not None:
            run_db(
                self,
                lambda b: b.counts(),
                done=lambda c: self.query_one("#counts", Static).update(counts_text(c)),
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
            last = self.rows[int(table.ordered_rows[-1].key.value)]
            cursor = (last.deadline, last.id)
            run_db(self, lambda b: b.desk_page(after=cursor, limit=PAGE), done=self._append, group="more")

    def show_detail(self) -> None:
        """Load the selected enquiry's detail in a worker."""
        row = self.current_row()
        if row is None:
            return
        tz = self.app.settings.timezone
        view = self.query_one(EnquiryDetailView)
        run_db(self, lambda b: b.detail(row.id), done=lambda d: view.show(d, tz), group="detail")

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

    def action_export(self) -> None:
        """Exports arrive with the reports work; say so instead of doing nothing."""
        self.app.notify("Exports (CSV, XLSX) come with the reports work; ICS: pressdesk export interviews.")
