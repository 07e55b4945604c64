"""People not yet told the desk holds their details, a month after they were collected (the ICO's one month)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from pressdesk.tui.safe import cell, lit
from pressdesk.tui.widgets.enquiry_detail import local
from pressdesk.tui.work import run_db

if TYPE_CHECKING:
    from pressdesk.core.views import NotToldRow

KIND_NAMES = {"journalist": "journalist", "expert": "expert", "press_contact": "contact"}
MODES = {"journalist": "contacts", "expert": "experts"}


class NotToldScreen(ModalScreen[None]):
    """The people past the month and not yet told, longest waiting first; t records one as told."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "told", "Told", id="not_told.told"),
        Binding("escape", "dismiss(None)", "Close", id="not_told.close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.people: list[NotToldRow] = []

    def compose(self) -> ComposeResult:
        """A title, the list, and the keys."""
        with Vertical(classes="dialog not-told"):
            yield Static(lit("Not yet told the desk holds their details", "bold"))
            yield Static(lit("Loading…", "dim"), id="not-told-status")
            table = DataTable(id="not-told-table", cursor_type="row", zebra_stripes=True)
            for label, width in (("Who", 20), ("Kind", 10), ("Collected", 11), ("Over", 7), ("Source", 24)):
                table.add_column(label, width=width)
            yield table
            yield Static(lit("t records them as told · Enter opens them · Escape closes", "dim"))

    def on_mount(self) -> None:
        """Load the list."""
        self.query_one(DataTable).focus()
        self.load()

    def load(self) -> None:
        """Fetch the people past the month."""
        run_db(self, lambda b: b.not_told(), done=self.show, group="not-told")

    def show(self, people: list[NotToldRow]) -> None:
        """Fill the table, keeping the cursor's place."""
        self.people = people
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        tz = self.app.settings.timezone
        for p in people:
            table.add_row(
                cell(p.name),
                cell(KIND_NAMES.get(p.kind, p.kind)),
                cell(local(p.collected_at, tz, "%d %b %Y")),
                cell(f"{p.days_over} d"),
                cell(p.source),
            )
        table.display = bool(people)
        if people:
            table.move_cursor(row=min(row, len(people) - 1))
        n = len(people)
        text = f"{n} {'person' if n == 1 else 'people'} collected more than a month ago" if n else "Everyone is told."
        self.query_one("#not-told-status", Static).update(lit(text, "dim"))

    def current(self) -> NotToldRow | None:
        """The highlighted person."""
        row = self.query_one(DataTable).cursor_row
        return self.people[row] if 0 <= row < len(self.people) else None

    def action_told(self) -> None:
        """Record the highlighted person as told, then list again."""
        person = self.current()
        if person is None:
            return

        def done(_n: int) -> None:
            self.app.notify(f"Recorded {person.name} as told.")
            self.load()

        how = "recorded on the desk"
        run_db(self, lambda b: b.mark_told(person.kind, [person.id], how=how), done=done, group="told")

    @on(DataTable.RowSelected)
    def _open(self) -> None:
        """Enter opens the highlighted journalist or expert on their own screen."""
        person = self.current()
        if person is None or person.kind not in MODES:
            return
        app = self.app
        self.dismiss(None)
        app.switch_mode(MODES[person.kind])
        focus = getattr(app.screen, "focus_record", None)
        if focus is not None:
            focus(person.id, person.name)
