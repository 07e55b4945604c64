"""The desk's filter: narrow what it shows to an officer, a type and an outlet (blank: any)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from pressdesk.core.views import DeskView
from pressdesk.errors import DeskError, FieldError
from pressdesk.tui.safe import lit
from pressdesk.tui.work import run_db

FIELDS = (
    ("officer", "Officer", "e.g. Jo Bloggs"),
    ("type", "Type", "comment, interview, data…"),
    ("outlet", "Outlet", "e.g. BBC News"),
)


class DeskFilterScreen(ModalScreen[DeskView | None]):
    """Three boxes; Enter checks them against the desk and closes with the narrowed view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "apply", "Apply", id="filter.apply", priority=True),
        Binding("escape", "cancel", "Cancel", id="filter.cancel"),
    ]

    def __init__(self, view: DeskView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        """A title, a box per field, a line for refusals."""
        with Vertical(classes="dialog desk-filter"):
            yield Static(lit(f"Filter the desk ({self.view.name})", "bold"))
            for key, label, hint in FIELDS:
                yield Static(lit(label), classes="filter-label")
                yield Input(value=getattr(self.view, key), placeholder=hint, id=f"filter-{key}")
            yield Static("", id="filter-msg", classes="hint")
            yield Static(lit("Enter applies · blank boxes: any · Escape cancels", "dim"))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        """Enter applies."""
        self.action_apply()

    def action_cancel(self) -> None:
        """Close, the desk as it was."""
        self.dismiss(None)

    def action_apply(self) -> None:
        """Check the narrowing against the desk (an unknown outlet or type is refused) and close with it."""
        typed = {key: self.query_one(f"#filter-{key}", Input).value for key, _, _ in FIELDS}
        wanted = DeskView(self.view.name, typed["officer"], typed["type"], typed["outlet"])
        run_db(self, lambda b: b.narrow_desk(wanted), done=self.dismiss, error=self._refused, group="filter")

    def _refused(self, exc: DeskError) -> None:
        """Say why under the boxes and focus the one at fault."""
        reason = exc.reason if isinstance(exc, FieldError) else exc.message
        self.query_one("#filter-msg", Static).update(lit(f"Not applied: {reason}"))
        if isinstance(exc, FieldError) and exc.field in ("officer", "type", "outlet"):
            self.query_one(f"#filter-{exc.field}", Input).focus()
