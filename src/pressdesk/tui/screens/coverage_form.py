"""CoverageScreen: link the article or broadcast that came of an enquiry."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from pressdesk.tui.messages import DeskChanged
from pressdesk.tui.safe import line, lit
from pressdesk.tui.screens.record_form import FormScreen

COVERAGE_LABELS = {"url": "Web address", "outlet": "Outlet", "date": "Date", "headline": "Headline", "note": "Note"}


class CoverageScreen(FormScreen[int | None]):
    """Link the article or broadcast that came of an enquiry: URL, outlet, date, headline, note."""

    ERROR_ID = "coverage-msg"
    SAVE_GROUP = "coverage"

    def __init__(self, row) -> None:
        super().__init__()
        self.row = row

    def compose(self) -> ComposeResult:
        """The five fields."""
        r = self.row
        today = self.app.backend.clock().astimezone(ZoneInfo(self.app.settings.timezone)).date().isoformat()
        with Vertical(classes="dialog form form-dialog"):
            yield Static(line(("Coverage for ", "bold"), (f"#{r.id} ", "bold"), (r.subject, "bold")))
            yield Label("Web address")
            yield Input(placeholder="https://…", id="url")
            yield Static("", id="url-msg", classes="hint")
            yield Label("Outlet")
            yield Input(placeholder=r.outlet or "where it ran", id="outlet")
            yield Static(lit(f"Leave empty for {r.outlet}" if r.outlet else "", "dim"), id="outlet-msg", classes="hint")
            yield Label("Date")
            yield Input(value=today, placeholder="2026-11-25", id="date")
            yield Static("", id="date-msg", classes="hint")
            yield Label("Headline")
            yield Input(placeholder="the headline or programme title", id="headline")
            yield Static("", id="headline-msg", classes="hint")
            yield Label("Note")
            yield Input(placeholder="e.g. Today, 07:50, 3-min two-way", id="note")
            yield Static("", id="note-msg", classes="hint")
            yield Static("", id="coverage-msg", classes="error")
            yield Static(lit("Ctrl+S saves · Escape cancels", "dim"))

    def on_mount(self) -> None:
        """Focus the address."""
        self.query_one("#url", Input).focus()

    @on(Input.Changed)
    def _edited(self, event: Input.Changed) -> None:
        """Clear a field's complaint once it is edited."""
        if event.input.id in ("url", "date", "headline", "note"):
            self.field_message(event.input.id, "")

    def field_label(self, key: str, field: str) -> str:
        """The form's own label for a refused field."""
        return COVERAGE_LABELS.get(key, "")

    def save_call(self):
        """Store it; a bad field is named and nothing is written."""
        values = {
            "url": self.query_one("#url", Input).value,
            "outlet": self.query_one("#outlet", Input).value or None,
            "published_on": self.query_one("#date", Input).value,
            "headline": self.query_one("#headline", Input).value,
            "note": self.query_one("#note", Input).value,
        }
        enquiry_id = self.row.id
        return lambda b: b.add_coverage(enquiry_id, **values)

    def saved(self, coverage_id: int) -> None:
        """Close with the new coverage's id."""
        self.app.notify(f"Coverage {coverage_id} linked to #{self.row.id}.")
        self.app.post_message(DeskChanged(self.row.id))
        self.dismiss(coverage_id)
