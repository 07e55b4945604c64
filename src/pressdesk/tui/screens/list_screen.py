"""ListScreen: a search box over a paged list with a detail pane, the base of the people and release lists."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static

from pressdesk.tui.debounce import Debounce
from pressdesk.tui.messages import BackendReady, DeskChanged
from pressdesk.tui.phone_text import shown_phone
from pressdesk.tui.safe import cell, lit
from pressdesk.tui.screens.person_card import render_history, render_person
from pressdesk.tui.widgets.footer import SteadyFooter
from pressdesk.tui.work import run_db

PAGE = 200
NEAR_END = 20


def first_of(values) -> str:
    """The first of several values, with a count of the rest."""
    if not values:
        return ""
    return values[0] + (f" +{len(values) - 1}" if len(values) > 1 else "")


def first_phone(phones, region: str | None) -> str:
    """The first of a person's numbers as dialled from region, with a count of the rest."""
    return first_of([shown_phone(phones[0], region), *phones[1:]]) if phones else ""


class ListScreen(Screen):
    """A search box over a paged list with a detail pane; subclasses say what is listed and shown."""

    KIND: ClassVar[str] = "journalist"
    NOUN: ClassVar[str] = "journalists"
    COLUMNS: ClassVar[tuple[tuple[str, str, int], ...]] = ()
    PLACEHOLDER: ClassVar[str] = ""

    DEFAULT_CSS = """
    ListScreen .list-search {
        height: 3;
        margin: 0 1;
    }
    ListScreen .list-status {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    ListScreen .list-table {
        height: 1fr;
    }
    ListScreen .list-detail {
        height: 45%;
        border-top: solid $primary;
    }
    ListScreen .list-card {
        width: 2fr;
        padding: 0 1;
    }
    ListScreen .list-aside {
        width: 3fr;
        padding: 0 1;
        border-left: solid $primary-darken-2;
    }
    ListScreen .list-card:focus, ListScreen .list-aside:focus {
        background: $boost;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f,ctrl+f", "focus_search", "Find", id="list.find"),
        Binding("escape", "leave", "Back to list", id="list.leave", show=False),
        Binding("down", "down_from_search", "To list", id="list.down", show=False),
        Binding("f5", "reload", "Reload", id="list.reload", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[int, object] = {}
        self.query_text = ""
        self.filter_later = Debounce(self, self.reload)
        self.more = False
        self.loading_more = False
        self.loaded = False
        self.ready = False
        self.select_after_load: int | None = None
        self.wanted: int | None = None
        self.pending_record: tuple[int, str] | None = None
        self._seq = 0
        self._shown_id: int | None = None
        self._aside_id: int | None = None

    # --- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Header, search box, the list, and the detail below it in two columns."""
        kind = self.KIND
        yield Header()
        yield Input(
            placeholder=self.PLACEHOLDER or f"Search {self.NOUN}: any word, name, outlet, phone or email (f)",
            id=f"{kind}-search",
            classes="list-search",
            select_on_focus=False,
        )
        yield Static(lit(" Opening the desk…", "dim"), id=f"{kind}-status", classes="list-status")
        table = DataTable(id=f"{kind}-table", cursor_type="row", zebra_stripes=True, classes="list-table")
        for label, key, width in self.COLUMNS:
            table.add_column(label, key=key, width=width)
        yield table
        with Horizontal(classes="list-detail"):
            with VerticalScroll(id=f"{kind}-detail-pane", classes="list-card"):
                yield Static(lit("Select a row to see its detail.", "dim"), id=f"{kind}-detail")
            with VerticalScroll(id=f"{kind}-aside-pane", classes="list-aside"):
                yield Static("", id=f"{kind}-aside")
        yield SteadyFooter()

    @property
    def table(self) -> DataTable:
        """The list."""
        return self.query_one(f"#{self.KIND}-table", DataTable)

    @property
    def search_box(self) -> Input:
        """The search box."""
        return self.query_one(f"#{self.KIND}-search", Input)

    @property
    def detail(self) -> Static:
        """The detail card."""
        return self.query_one(f"#{self.KIND}-detail", Static)

    @property
    def aside(self) -> Static:
        """The detail's second column (a person's enquiries, a release's text)."""
        return self.query_one(f"#{self.KIND}-aside", Static)

    def on_mount(self) -> None:
        """Load if the desk is open (and select the record asked for before mounting)."""
        self.ready = True
        self.table.focus()
        if self.pending_record is not None:
            record_id, name = self.pending_record
            self.pending_record = None
            self.focus_record(record_id, name)
        elif self.app.backend is not None:
            self.reload()

    def on_backend_ready(self, _event: BackendReady) -> None:
        """The desk opened: load the list."""
        self.reload()

    def on_desk_changed(self, _event: DeskChanged) -> None:
        """Something was written: reload, keeping the selection."""
        self.reload()

    def on_screen_resume(self) -> None:
        """Coming back to this screen: refresh what it shows."""
        if self.loaded and self.app.backend is not None:
            self.reload()

    # --- loading --------------------------------------------------------------------------

    def fetch(self, backend, text: str, offset: int, limit: int):
        """The backend call that lists this screen's people."""
        return backend.journalists(text, offset=offset, limit=limit)

    def reload(self, select: int | None = None) -> None:
        """Fetch the list again for the current search text, as many rows as are showing."""
        if self.app.backend is None:
            return
        current = self.current_row()
        if select is not None:
            self.wanted = select
        self.select_after_load = self.wanted or (current.id if current else None)
        self._seq += 1
        seq, text = self._seq, self.query_text
        limit = max(PAGE, self.table.row_count)
        run_db(
            self,
            lambda b: self.fetch(b, text, 0, limit + 1),
            done=lambda rows: self._show_page(seq, rows, limit),
            group=f"{self.KIND}-list",
        )

    def _show_page(self, seq: int, rows, limit: int) -> None:
        """Fill the table with a fresh first page (unless a newer search has started)."""
        if seq != self._seq:
            return
        self.loaded = True
        table = self.table
        table.clear()
        self.rows = {}
        self._shown_id = None
        self._append(rows, limit)
        self._show_status()
        self.wanted = None
        if not self.rows:
            hint = f"No {self.NOUN} match “{self.query_text}”." if self.query_text else f"No {self.NOUN} yet."
            self.detail.update(lit(hint, "dim"))
            self.aside.update("")
            self._aside_id = None
            return
        target = self.select_after_load
        if target in self.rows:
            table.move_cursor(row=table.get_row_index(str(target)))
        self.show_detail()

    def _append(self, rows, limit: int) -> None:
        """Add rows to the table; remember whether there are more."""
        table = self.table
        for p in rows[:limit]:
            if p.id in self.rows:
                continue
            self.rows[p.id] = p
            table.add_row(*self.cells(p), key=str(p.id))
        self.more = len(rows) > limit
        self.loading_more = False

    def _more_page(self, seq: int, rows) -> None:
        """Append the next page (unless a newer search has started)."""
        if seq != self._seq:
            return
        self._append(rows, PAGE)
        self._show_status()

    def _show_status(self) -> None:
        """The line under the search box: how many are showing."""
        n = len(self.rows)
        noun = self.NOUN.removesuffix("s") if n == 1 and not self.more else self.NOUN
        text = f" {n}{'+' if self.more else ''} {noun}"
        if self.query_text:
            text += f" matching “{self.query_text}”"
        self.query_one(f"#{self.KIND}-status", Static).update(lit(text, "dim"))

    def cells(self, p) -> tuple[Text, ...]:
        """The table cells of one person."""
        return (
            cell(p.name),
            cell(p.outlet),
            cell(p.role),
            cell(first_phone(p.phones, self.app.settings.region)),
            cell(first_of(p.emails)),
        )

    # --- selection and detail -------------------------------------------------------------

    def current_row(self):
        """The highlighted person, or None."""
        table = self.table
        if not self.rows or table.cursor_row < 0 or table.cursor_row >= table.row_count:
            return None
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        return self.rows.get(int(key)) if key else None

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Show the detail; fetch the next page when near the end."""
        self.show_detail()
        table = event.data_table
        if self.more and not self.loading_more and event.cursor_row >= table.row_count - NEAR_END:
            self.loading_more = True
            seq, text, offset = self._seq, self.query_text, len(self.rows)
            run_db(
                self,
                lambda b: self.fetch(b, text, offset, PAGE + 1),
                done=lambda rows: self._more_page(seq, rows),
                group=f"{self.KIND}-more",
            )

    @on(DataTable.RowSelected)
    def _row_selected(self, _event: DataTable.RowSelected) -> None:
        """Enter on a row moves into the detail pane."""
        self.query_one(f"#{self.KIND}-detail-pane").focus()

    def show_detail(self) -> None:
        """Show the selected record's card at once, then what the second column needs from the database."""
        row = self.current_row()
        if row is None or row.id == self._shown_id:
            return
        self._shown_id = row.id
        self.detail.update(self.render_card(row))
        if row.id != self._aside_id:
            self._aside_id = row.id
            self.aside.update(self.render_aside(row, None))
            for pane in self.query(".list-detail VerticalScroll"):
                pane.scroll_home(animate=False)

        def shown(extra) -> None:
            if self._shown_id == row.id:
                self.aside.update(self.render_aside(row, extra))

        run_db(self, lambda b: self.fetch_aside(b, row), done=shown, group=f"{self.KIND}-detail")

    def render_card(self, row) -> Text:
        """The detail card of a person."""
        return render_person(row, self.app.settings.region)

    def render_aside(self, row, extra) -> Text:
        """The person's enquiries; extra is None until fetch_aside has answered."""
        return render_history(extra, self.app.settings.timezone)

    def fetch_aside(self, backend, row):
        """The backend call for the second column (a person's enquiries)."""
        return backend.person_enquiries(self.KIND, row.id)

    def focus_record(self, record_id: int, name: str) -> None:
        """Search for this record by name and select its row."""
        if not self.ready:
            self.pending_record = (record_id, name)
            return
        box = self.search_box
        with box.prevent(Input.Changed):
            box.value = name
        self.query_text = name.strip()
        self.table.focus()
        self.reload(select=record_id)

    # --- typing and keys ------------------------------------------------------------------

    @on(Input.Changed)
    def _search_changed(self, event: Input.Changed) -> None:
        """Filter as the user types, once typing pauses."""
        if event.input is not self.search_box:
            return
        text = event.value.strip()
        if text == self.query_text:
            return
        self.query_text = text
        self.filter_later()

    @on(Input.Submitted)
    def _search_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search box moves to the list."""
        if event.input is self.search_box:
            self.table.focus()

    def on_key(self, event: events.Key) -> None:
        """A letter typed on the list (one no key is bound to) starts a search with it."""
        if self.focused is not self.table or not event.is_printable or not (event.character or "").strip():
            return
        if event.key in self.active_bindings:
            return
        event.stop()
        event.prevent_default()
        box = self.search_box
        box.insert_text_at_cursor(event.character or "")
        box.focus()

    def action_focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.search_box.focus()

    def action_leave(self) -> None:
        """Escape: from the search box or the detail back to the list."""
        self.table.focus()

    def action_down_from_search(self) -> None:
        """Down in the search box moves to the list."""
        if self.focused is self.search_box:
            self.table.focus()

    def action_reload(self) -> None:
        """Reload the list from the database."""
        self.reload()
