"""Media lists: every list beside the journalists on the one highlighted; add the journalist selected on Contacts to a
list (new or existing), take one off, export a list."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from pressdesk.tui.safe import cell, line, lit
from pressdesk.tui.widgets.tables import highlighted_key
from pressdesk.tui.work import run_db


class MediaListsScreen(ModalScreen[None]):
    """Lists on the left, the highlighted list's journalists on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="lists.close"),
        Binding("a", "add", "Add to list", id="lists.add"),
        Binding("n", "new", "New list", id="lists.new"),
        Binding("delete,r", "remove", "Remove from list", id="lists.remove"),
        Binding("x", "export", "Export list", id="lists.export"),
        Binding("tab", "switch", "Lists/journalists", id="lists.switch", show=False),
    ]

    def __init__(self, person=None) -> None:
        super().__init__()
        self.person = person
        """The journalist selected on Contacts (a adds them to the highlighted list), or None."""
        self.lists: dict[int, object] = {}
        self.shown: int | None = None
        self.people: dict[int, object] = {}

    def compose(self) -> ComposeResult:
        """Title, the two tables, a message line and the keys."""
        who = f" · a adds {self.person.name}" if self.person is not None else ""
        with Vertical(classes="dialog media-lists"):
            yield Static(lit("Media lists", "bold"))
            with Horizontal(classes="media-lists-columns"):
                lists = DataTable(id="lists-table", cursor_type="row", zebra_stripes=True)
                lists.add_column("List · journalists", key="name")
                yield lists
                people = DataTable(id="list-people", cursor_type="row", zebra_stripes=True)
                room = (min(self.app.size.width * 8 // 10, 110) - 6) * 3 // 5 - 4  # the dialog's right-hand 3/5
                people.add_column("Journalist", key="name", width=max(12, room // 2))
                people.add_column("Outlet", key="outlet", width=max(10, room - room // 2 - 2))
                yield people
            yield Static("", id="lists-msg")
            yield Static(
                lit(f"n new list{who} · r takes off · x exports · Tab switches · Escape closes", "dim"),
                id="lists-keys",
            )

    def on_mount(self) -> None:
        """Load the lists."""
        self.query_one("#lists-table", DataTable).focus()
        self.reload()

    def reload(self, select: int | None = None) -> None:
        """Fetch the lists (then highlight `select`, a list id, if given)."""
        run_db(self, lambda b: b.media_lists(), done=lambda rows: self._show_lists(rows, select), group="lists")

    def _show_lists(self, rows, select: int | None) -> None:
        """Fill the lists table, keeping the list highlighted before (or the one asked for)."""
        table = self.query_one("#lists-table", DataTable)
        keep = select if select is not None else self._current("#lists-table")
        table.clear()
        self.lists = {r.id: r for r in rows}
        for r in rows:
            table.add_row(line(r.name, (f" · {r.members}", "dim")), key=str(r.id))
        if keep in self.lists:
            table.move_cursor(row=list(self.lists).index(keep))
        if not rows:
            self._say("No media lists yet: n makes one.")
        self.shown = None
        self._show_people()

    def _current(self, table_id: str) -> int | None:
        """The id of the highlighted row of a table."""
        key = highlighted_key(self.query_one(table_id, DataTable))
        return int(key) if key else None

    @on(DataTable.RowHighlighted, "#lists-table")
    def _list_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        """Show the highlighted list's journalists."""
        self._show_people()

    def _show_people(self, *, again: bool = False) -> None:
        """Fetch the journalists of the highlighted list."""
        list_id = self._current("#lists-table")
        if list_id == self.shown and not again:
            return
        self.shown = list_id
        if list_id is None:
            self.query_one("#list-people", DataTable).clear()
            return
        run_db(
            self,
            lambda b: b.media_list_members(str(list_id)),
            done=lambda rows: self._fill_people(list_id, rows),
            group="list-people",
        )

    def _fill_people(self, list_id: int, rows) -> None:
        """Put a list's journalists in the right-hand table (unless another list is highlighted by now)."""
        if list_id != self.shown:
            return
        table = self.query_one("#list-people", DataTable)
        row = table.cursor_row
        table.clear()
        self.people = {p.id: p for p in rows}
        for p in rows:
            table.add_row(cell(p.name), cell(p.outlet), key=str(p.id))
        if rows:
            table.move_cursor(row=min(max(row, 0), len(rows) - 1))

    def _say(self, message: str) -> None:
        """The message line."""
        self.query_one("#lists-msg", Static).update(lit(message))

    def _changed(self, list_id: int, message: str) -> None:
        """Say what was done and show the lists and members again."""
        self._say(message)
        self.reload(select=list_id)
        self.shown = None

    def action_add(self) -> None:
        """Put the journalist selected on Contacts on the highlighted list."""
        list_id, person = self._current("#lists-table"), self.person
        if person is None:
            self._say("Select a journalist on Contacts first, then open the lists (l).")
            return
        if list_id is None:
            self._say("Make a list first: n.")
            return
        name = self.lists[list_id].name

        def done(added: int) -> None:
            self._changed(
                list_id, f"Added {person.name} to {name}." if added else f"{person.name} is on {name} already."
            )

        run_db(self, lambda b: b.add_to_media_list(str(list_id), [person.id]), done=done, group="lists-change")

    def action_new(self) -> None:
        """Make a list (with the selected journalist on it, if any)."""
        from pressdesk.tui.screens.prompt import PromptScreen

        ids = [self.person.id] if self.person is not None else []

        def save(backend, text: str):
            return backend.create_media_list(text, journalist_ids=ids)

        def made(answer) -> None:
            if answer is not None:
                self._changed(answer.result.id, f"Made the list {answer.result.name}.")

        title = "New media list: its name" + (f" ({self.person.name} goes on it)" if self.person is not None else "")
        self.app.push_screen(PromptScreen(title, save=save, placeholder="e.g. Education correspondents"), made)

    def action_remove(self) -> None:
        """Take the highlighted journalist off the highlighted list."""
        list_id, person_id = self._current("#lists-table"), self._current("#list-people")
        if list_id is None or person_id is None:
            self._say("Highlight a journalist on a list first (Tab moves to them).")
            return
        name, person = self.lists[list_id].name, self.people[person_id].name
        run_db(
            self,
            lambda b: b.remove_from_media_list(str(list_id), [person_id]),
            done=lambda _n: self._changed(list_id, f"Took {person} off {name}."),
            group="lists-change",
        )

    def action_export(self) -> None:
        """Export the highlighted list to a file, through the export dialog."""
        from pressdesk.core.views import WrittenLog
        from pressdesk.tui.screens.export import ExportScreen, default_path

        list_id = self._current("#lists-table")
        if list_id is None:
            self._say("Make a list first: n.")
            return
        name = self.lists[list_id].name

        def write(backend, path: str, fmt: str, _progress):
            from pathlib import Path

            count = backend.export_contacts(fmt, path, list_name=name)
            return WrittenLog(count, str(Path(path).expanduser().resolve()))

        formats = ("csv", "vcf", "xlsx")
        path = default_path("list", formats[0], self.app.backend.clock())
        self.app.push_screen(ExportScreen(f"Export the media list {name}", formats, path, write, noun="journalist"))

    def action_switch(self) -> None:
        """Tab: between the lists and their journalists."""
        lists = self.query_one("#lists-table", DataTable)
        (self.query_one("#list-people", DataTable) if lists.has_focus else lists).focus()

    def action_close(self) -> None:
        """Close."""
        self.dismiss(None)
