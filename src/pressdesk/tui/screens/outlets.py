"""Outlets with their journalists: pick an outlet, see who works there, Enter opens a journalist in Contacts."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from pressdesk.tui.debounce import Debounce
from pressdesk.tui.safe import cell, line, lit
from pressdesk.tui.widgets.tables import highlighted_key
from pressdesk.tui.work import run_db


class OutletsScreen(ModalScreen[object]):
    """A searchable list of outlets beside the journalists of the one highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="outlets.close"),
        Binding("tab", "switch", "Outlets/journalists", id="outlets.switch", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.outlets: dict[int, object] = {}
        self.people: dict[int, object] = {}
        self.shown: int | None = None
        self.filter_later = Debounce(self, self.reload)

    def compose(self) -> ComposeResult:
        """Search box, outlets on the left, their journalists on the right."""
        with Vertical(classes="dialog outlets-browser"):
            yield Static(lit("Outlets and their journalists", "bold"))
            yield Input(placeholder="Find an outlet", id="outlets-search")
            with Horizontal(classes="outlets-columns"):
                outlets = DataTable(id="outlets-table", cursor_type="row", zebra_stripes=True)
                outlets.add_column("Outlet · journalists", key="name")
                yield outlets
                people = DataTable(id="outlet-people", cursor_type="row", zebra_stripes=True)
                people.add_column("Journalist", key="name", width=22)
                people.add_column("Role", key="role", width=18)
                people.add_column("Beat", key="beat", width=18)
                yield people
            yield Static(lit("Type to find · Tab switches lists · Enter opens a journalist · Escape closes", "dim"))

    def on_mount(self) -> None:
        """Load the outlets."""
        self.query_one("#outlets-table", DataTable).focus()
        self.reload()

    def reload(self) -> None:
        """Fetch the outlets matching the text."""
        text = self.text
        run_db(self, lambda b: b.outlets(text, limit=500), done=self._show_outlets, group="outlets-list")

    def _show_outlets(self, rows) -> None:
        """Fill the outlets table and show the first one's journalists."""
        table = self.query_one("#outlets-table", DataTable)
        table.clear()
        self.outlets = {r.id: r for r in rows}
        for r in rows:
            table.add_row(line(r.name, (f" · {r.journalists}", "dim")), key=str(r.id))
        self.shown = None
        self._show_people()

    @on(Input.Changed, "#outlets-search")
    def _typed(self, event: Input.Changed) -> None:
        """Filter once typing pauses."""
        self.text = event.value.strip()
        self.filter_later()

    @on(Input.Submitted, "#outlets-search")
    def _submitted(self, _event: Input.Submitted) -> None:
        """Enter in the box moves to the outlets."""
        self.query_one("#outlets-table", DataTable).focus()

    @on(DataTable.RowHighlighted, "#outlets-table")
    def _outlet_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        """Show the highlighted outlet's journalists."""
        self._show_people()

    def _current(self, table_id: str) -> int | None:
        """The id of the highlighted row of a table."""
        key = highlighted_key(self.query_one(table_id, DataTable))
        return int(key) if key else None

    def _show_people(self) -> None:
        """Fetch the journalists of the highlighted outlet."""
        outlet_id = self._current("#outlets-table")
        if outlet_id == self.shown:
            return
        self.shown = outlet_id
        people = self.query_one("#outlet-people", DataTable)
        people.clear()
        if outlet_id is None:
            return
        run_db(
            self,
            lambda b: b.outlet_journalists(outlet_id),
            done=lambda rows: self._fill_people(outlet_id, rows),
            group="outlet-people",
        )

    def _fill_people(self, outlet_id: int, rows) -> None:
        """Put an outlet's journalists in the right-hand table (unless another outlet is highlighted by now)."""
        if outlet_id != self.shown:
            return
        table = self.query_one("#outlet-people", DataTable)
        table.clear()
        self.people = {p.id: p for p in rows}
        for p in rows:
            table.add_row(cell(p.name), cell(p.role), cell(p.detail.get("beat", "")), key=str(p.id))

    @on(DataTable.RowSelected, "#outlets-table")
    def _outlet_chosen(self, _event: DataTable.RowSelected) -> None:
        """Enter on an outlet moves to its journalists."""
        self.query_one("#outlet-people", DataTable).focus()

    @on(DataTable.RowSelected, "#outlet-people")
    def _person_chosen(self, _event: DataTable.RowSelected) -> None:
        """Enter on a journalist closes and opens them in Contacts."""
        person_id = self._current("#outlet-people")
        if person_id is not None:
            self.dismiss(self.people.get(person_id))

    def action_switch(self) -> None:
        """Tab: between the outlets and their journalists."""
        outlets = self.query_one("#outlets-table", DataTable)
        (self.query_one("#outlet-people", DataTable) if outlets.has_focus else outlets).focus()

    def action_close(self) -> None:
        """Close without choosing anyone."""
        self.dismiss(None)
