"""The header strip: open, due within the hour, overdue, interviews not routed; short words when narrow."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from pressdesk.tui.safe import lit


def counts_text(counts, *, short: bool = False) -> Text:
    """The strip's text, in full or in short words."""
    out = Text()
    unrouted = counts.unrouted_interviews
    parts = [
        (f" {counts.open} open ", "bold"),
        (
            f" {counts.due_soon} due {'in 1h' if short else 'within the hour'} ",
            "bold black on yellow" if counts.due_soon else "dim",
        ),
        (f" {counts.overdue} overdue ", "bold white on red" if counts.overdue else "dim"),
        (
            f" {unrouted} interview{'' if unrouted == 1 else 's'} not routed "
            if short
            else f" {unrouted} interview request{'' if unrouted == 1 else 's'} not routed ",
            "bold" if unrouted else "dim",
        ),
    ]
    for i, (words, style) in enumerate(parts):
        if i:
            out.append(" " if short else "  ")
        out.append(words, style=style)
    return out


class CountsStrip(Static):
    """The header strip; it picks the short words when the full ones do not fit."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(lit(" Opening the desk…", "dim"), id=id)
        self.counts = None

    def show(self, counts) -> None:
        """Show these counts."""
        self.counts = counts
        self.update(self._text())

    def _text(self) -> Text:
        """The full words if they fit the strip, else the short ones."""
        full = counts_text(self.counts)
        width = self.content_region.width or self.app.size.width
        return full if cell_len(full.plain) <= width else counts_text(self.counts, short=True)

    def on_resize(self) -> None:
        """Choose the words again for the new width."""
        if self.counts is not None:
            self.update(self._text())
