"""Reports: a placeholder until the reports and exports work lands."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from pressdesk.tui.safe import lit


class ReportsScreen(Screen):
    """Where managers' reports will live."""

    def compose(self) -> ComposeResult:
        """A plain note of what is coming and what works today."""
        yield Header()
        yield Static(
            lit(
                "Reports and charts arrive with the reports work.\n\n"
                "Today: `pressdesk list enquiries --json` gives every enquiry for a spreadsheet,\n"
                "and `pressdesk export interviews --format ics -o FILE` gives the interview calendar.\n\n"
                "Press 1 for the desk."
            ),
            id="reports-note",
        )
        yield Footer()
