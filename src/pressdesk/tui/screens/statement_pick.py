"""StatementPickScreen: pick one approved statement, its wording shown in full."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from pressdesk.tui.safe import line, lit


class StatementPickScreen(ModalScreen[int | None]):
    """Pick one approved statement; the highlighted one's wording is shown in full."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel", id="statement.cancel")]

    def __init__(self, statements, *, title: str = "Give a statement", note: str = "") -> None:
        super().__init__()
        self.statements = {str(s.id): s for s in statements}
        self.title_text, self.note = title, note

    def compose(self) -> ComposeResult:
        """The statements, and the wording of the highlighted one."""
        with Vertical(classes="pick-dialog"):
            yield Static(lit(self.title_text, "bold"))
            if self.note:
                yield Static(lit(self.note, "dim"))
            yield OptionList(*[Option(self._label(s), id=key) for key, s in self.statements.items()], id="statements")
            with VerticalScroll(id="statement-body-pane"):
                yield Static("", id="statement-body")
            yield Static(lit("↑↓ choose · Enter picks · Escape cancels", "dim"))

    @staticmethod
    def _label(s) -> Text:
        """'title (rev n) · fits: …'."""
        out = line((s.title, "bold"), (f"  rev {s.revision}", "dim"))
        if s.matched:
            out.append_text(line(("  fits: ", "dim"), (", ".join(s.matched), "green")))
        return out

    def on_mount(self) -> None:
        """Focus the list and show the first wording."""
        options = self.query_one(OptionList)
        options.focus()
        if self.statements:
            options.highlighted = 0

    @on(OptionList.OptionHighlighted, "#statements")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show the wording, literally."""
        s = self.statements.get(event.option.id or "")
        if s is not None:
            by = f"approved by {s.approved_by}" if s.approved_by else "approver not recorded"
            self.query_one("#statement-body", Static).update(line(s.body, "\n", (by, "dim")))

    @on(OptionList.OptionSelected, "#statements")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """Return the chosen statement's id."""
        if event.option.id:
            self.dismiss(int(event.option.id))
