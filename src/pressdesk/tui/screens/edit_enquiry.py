"""Edit an enquiry's subject, deadline, type, priority and officer in one go."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from pressdesk.models.enums import EnquiryType, Priority
from pressdesk.tui.safe import lit
from pressdesk.tui.widgets.enquiry_detail import local


class EditEnquiryScreen(ModalScreen[dict | None]):
    """A form over one enquiry as it was when opened; saving checks nobody changed it since."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
        Binding("escape", "dismiss(None)", "Cancel", id="cancel"),
    ]

    def __init__(self, row, tz: str) -> None:
        super().__init__()
        self.row, self.tz = row, tz

    def compose(self) -> ComposeResult:
        """The fields, filled from the enquiry."""
        r = self.row
        with Vertical(classes="dialog form"):
            yield Static(lit(f"Edit enquiry #{r.id}", "bold"))
            yield Label("Subject")
            yield Input(value=r.subject, id="subject")
            yield Label("Deadline")
            yield Input(value=local(r.deadline, self.tz, "%Y-%m-%d %H:%M") if r.deadline else "", id="deadline")
            yield Label("Type")
            yield Select([(t.value, t.value) for t in EnquiryType], value=r.type, allow_blank=False, id="type")
            yield Label("Priority")
            yield Select([(p.value, p.value) for p in Priority], value=r.priority, allow_blank=False, id="priority")
            yield Label("Officer")
            yield Input(value=r.officer, id="officer")
            yield Static("", id="edit-error", classes="error")
            yield Static(lit("Ctrl+S saves · Escape cancels", "dim"))

    def action_save(self) -> None:
        """Return the changed values."""
        values = {
            "subject": self.query_one("#subject", Input).value,
            "deadline": self.query_one("#deadline", Input).value,
            "type": self.query_one("#type", Select).value,
            "priority": self.query_one("#priority", Select).value,
            "officer": self.query_one("#officer", Input).value,
        }
        self.dismiss(values)

    def show_error(self, message: str) -> None:
        """Show why the save was refused."""
        self.query_one("#edit-error", Static).update(lit(message, "red"))
