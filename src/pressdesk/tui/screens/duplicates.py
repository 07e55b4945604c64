"""Possible duplicates: every pair of people who may be one, why; merge a pair side by side or say they are two."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from pressdesk.tui.safe import cell, lit
from pressdesk.tui.work import run_db


def card(person) -> str:
    """One side of a pair as the list shows it: name, #id, outlet."""
    where = f", {person.outlet}" if person.outlet else ""
    return f"{person.name} #{person.id}{where}" + (" (archived)" if person.archived else "")


def why(pair) -> str:
    """Why a pair is suspected, and who found it."""
    return f"{pair.reason} ({pair.found_by})" if pair.found_by else pair.reason


class DuplicatesScreen(ModalScreen[object]):
    """The review list of possible duplicates: Enter merges the highlighted pair, x says they are two people."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="duplicates.close"),
        Binding("m", "merge", "Merge the pair", id="duplicates.merge"),
        Binding("x", "not_same", "Not the same person", id="duplicates.not_same"),
    ]

    def __init__(self, kind: str, load: Callable) -> None:
        super().__init__()
        self.kind = kind
        self.load = load
        """How one person is read for the merge screen (the list screen's own load_person)."""
        self.pairs: dict[str, object] = {}
        self.changed = False

    def compose(self) -> ComposeResult:
        """Title, the pairs, a message line and the keys."""
        with Vertical(classes="dialog duplicates-review"):
            yield Static(lit(f"Possible duplicates among the {self.kind}", "bold"))
            yield DataTable(id="duplicates-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="duplicates-msg")
            yield Static(lit("Enter/m merges the pair side by side · x: not the same person · Escape closes", "dim"))

    def on_mount(self) -> None:
        """Columns sized to the dialog (the reason as a column too when it is wide), then the pairs."""
        table = self.query_one("#duplicates-table", DataTable)
        inner = min(self.app.size.width * 8 // 10, 110) - 6  # the dialog's border and padding
        wide = inner >= 90
        side = (inner - 13) // 2 if not wide else (inner - 40) // 2
        table.add_column("A", key="a", width=side)
        table.add_column("B", key="b", width=side)
        table.add_column("Alike", key="score", width=5)
        if wide:
            table.add_column("Why", key="why", width=inner - 2 * side - 15)
        table.focus()
        self.reload()

    def reload(self) -> None:
        """Fetch the pairs again."""
        kind = self.kind
        run_db(self, lambda b: b.duplicates(kind, limit=500), done=self._show, group="duplicates-list")

    def _show(self, pairs) -> None:
        """Fill the table, keeping the cursor near where it was."""
        table = self.query_one("#duplicates-table", DataTable)
        row = table.cursor_row
        table.clear()
        self.pairs = {f"{p.a.id}-{p.b.id}": p for p in pairs}
        wide = len(table.columns) == 4
        for key, p in self.pairs.items():
            cells = [cell(card(p.a)), cell(card(p.b)), cell(str(p.score))] + ([cell(why(p))] if wide else [])
            table.add_row(*cells, key=key)
        if pairs:
            table.move_cursor(row=min(max(row, 0), len(pairs) - 1))
        self._show_why()

    @on(DataTable.RowHighlighted, "#duplicates-table")
    def _highlighted(self, _event: DataTable.RowHighlighted) -> None:
        """Say why the highlighted pair is suspected."""
        self._show_why()

    def _show_why(self) -> None:
        """The highlighted pair in full and why it is suspected, under the count of pairs."""
        count = len(self.pairs)
        message = f"{count} possible duplicate{'s' if count != 1 else ''}." if count else "No possible duplicates."
        pair = self.current()
        if pair is not None:
            message += f"\n{card(pair.a)} / {card(pair.b)}: {why(pair)}"
        self.query_one("#duplicates-msg", Static).update(lit(message, "dim"))

    def current(self):
        """The highlighted pair, or None."""
        table = self.query_one("#duplicates-table", DataTable)
        if table.row_count == 0 or table.cursor_row < 0:
            return None
        return self.pairs.get(table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value or "")

    @on(DataTable.RowSelected, "#duplicates-table")
    def _chosen(self, _event: DataTable.RowSelected) -> None:
        """Enter on a pair opens it side by side."""
        self.action_merge()

    def action_merge(self) -> None:
        """Open the highlighted pair side by side, to merge B into A field by field."""
        pair = self.current()
        if pair is None:
            return
        kind, load = self.kind, self.load

        def both(backend):
            return load(backend, pair.a.id), load(backend, pair.b.id), backend.merge_fields(kind)

        run_db(self, both, done=self._open_merge, group="duplicates-open")

    def _open_merge(self, loaded) -> None:
        """Show the merge screen for two people read afresh (a pair whose person has gone is dropped)."""
        first, other, fields = loaded
        if first is None or other is None:
            self.app.notify("One of the two is no longer on the desk.", severity="warning")
            self.reload()
            return
        from pressdesk.tui.screens.merge_people import MergeScreen

        self.app.push_screen(MergeScreen(self.kind, first, other, fields), self._merged)

    def _merged(self, outcome) -> None:
        """Say what the merge did and list the pairs left."""
        if outcome is not None:
            self.changed = True
            self.app.notify(f"Merged #{outcome.merged} into #{outcome.kept}.")
        self.reload()

    def action_not_same(self) -> None:
        """The highlighted pair are two people: off the list, never suggested again."""
        pair = self.current()
        if pair is None:
            return
        kind = self.kind

        def said(_result) -> None:
            self.app.notify(f"{pair.a.name} and {pair.b.name} are two people: not suggested again.", markup=False)
            self.reload()

        run_db(self, lambda b: b.not_duplicate(pair.a.id, pair.b.id, kind=kind), done=said, group="duplicates-judge")

    def action_close(self) -> None:
        """Close; the list screen reloads if a pair was merged."""
        self.dismiss(self.changed)
