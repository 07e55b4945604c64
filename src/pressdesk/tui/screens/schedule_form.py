"""ScheduleScreen: book an accepted interview, the typed time previewed as saving reads it."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from pressdesk.errors import FieldError
from pressdesk.models.enums import InterviewFormat
from pressdesk.tui.messages import DeskChanged
from pressdesk.tui.safe import line, lit
from pressdesk.tui.screens.record_form import FormScreen
from pressdesk.tui.widgets.enquiry_detail import local

SLOT_FORMAT = "%a %d %b %Y %H:%M"
"""How a previewed interview time is shown."""


class ScheduleScreen(FormScreen[bool | None]):
    """Book an accepted interview: when (everyday words, previewed), format and place or link."""

    ERROR_ID = "schedule-msg"
    SAVE_GROUP = "schedule"

    def __init__(self, request) -> None:
        super().__init__()
        self.request = request

    def compose(self) -> ComposeResult:
        """When, until, format, place."""
        r = self.request
        tz = self.app.settings.timezone
        start = local(r.slot_start, tz, "%Y-%m-%d %H:%M") if r.slot_start else ""
        end = local(r.slot_end, tz, "%Y-%m-%d %H:%M") if r.slot_end else ""
        formats = [(f.value, f.value) for f in InterviewFormat]
        with Vertical(classes="dialog form form-dialog"):
            yield Static(line(("Schedule interview ", "bold"), (f"{r.id} ", "bold"), (r.expert, "bold")))
            yield Static(lit(r.subject, "dim"))
            yield Label("When")
            yield Input(value=start, placeholder="thu 09:30, tomorrow 10am, 2026-11-27 14:00", id="start")
            yield Static("", id="start-msg", classes="hint")
            yield Label("Until (optional: 30 minutes when empty)")
            yield Input(value=end, placeholder="e.g. 10:30", id="end")
            yield Static("", id="end-msg", classes="hint")
            yield Label("Format")
            yield Select(formats, value=r.format or "phone", allow_blank=False, id="format")
            yield Static("", id="format-msg", classes="hint")
            yield Label("Place or link")
            yield Input(value=r.place, placeholder="studio address, phone number or call link", id="place")
            yield Static("", id="place-msg", classes="hint")
            yield Static("", id="schedule-msg", classes="error")
            yield Static(lit("Ctrl+S saves · Escape cancels", "dim"))

    def on_mount(self) -> None:
        """Focus the time."""
        self.query_one("#start", Input).focus()

    @on(Input.Changed, "#start")
    def _start_changed(self, event: Input.Changed) -> None:
        """Say what the typed time means; the end counts from it, so say that again too."""
        self.preview_time("start", event.value, lambda b, text: b.preview_slot(text)[0], fmt=SLOT_FORMAT)
        self._preview_end(self.query_one("#end", Input).value)

    @on(Input.Changed, "#end")
    def _end_changed(self, event: Input.Changed) -> None:
        """Say what the typed end means."""
        self._preview_end(event.value)

    def _preview_end(self, text: str) -> None:
        """Preview the end as saving reads it, counted from the start; a fault of the start is said under the start."""
        start = self.query_one("#start", Input).value

        def read_end(backend, typed: str) -> datetime | None:
            try:
                return backend.preview_slot(start, typed)[1]
            except FieldError as exc:
                if exc.field == "end":
                    raise
                return None

        self.preview_time("end", text, read_end, fmt=SLOT_FORMAT)

    def save_call(self):
        """Book it with the version loaded."""
        r = self.request
        values = {
            "start": self.query_one("#start", Input).value,
            "end": self.query_one("#end", Input).value or None,
            "format": str(self.query_one("#format", Select).value),
            "place": self.query_one("#place", Input).value,
        }
        return lambda b: b.schedule_interview(r.id, version=r.version, **values)

    def saved(self, _result) -> None:
        """Close: the interview is booked."""
        self.app.notify(f"Interview {self.request.id} scheduled.")
        self.app.post_message(DeskChanged(self.request.enquiry_id))
        self.dismiss(True)
