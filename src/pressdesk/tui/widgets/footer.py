"""A footer that keeps the keys that matter visible on a laptop terminal."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

NARROW_BELOW = 120
"""Terminals narrower than this get the short footer."""
ALWAYS = frozenset({"quit", "help", "search"})
"""Actions the short footer always shows: the way out, the way to every key, the way to anything."""


class KeyFooter(Footer):
    """The footer; on a narrow terminal, compact and only the screen's NARROW_KEYS plus quit, help and search.

    Every key still works and `?` lists them all.
    """

    def __init__(self) -> None:
        super().__init__()
        self._narrow: bool | None = None

    def _kept(self) -> frozenset[str] | None:
        """The actions to show, or None for all of them."""
        wanted = getattr(self.screen, "NARROW_KEYS", None)
        return ALWAYS | wanted if self._narrow and wanted is not None else None

    def compose(self) -> ComposeResult:
        """The keys, less the ones a narrow terminal has no room for."""
        kept = self._kept()
        for widget in super().compose():
            if kept is None or not isinstance(widget, FooterKey) or widget.action in kept:
                yield widget

    def on_resize(self, event: events.Resize) -> None:
        """Switch between the short and the full footer when the terminal crosses the width."""
        narrow = self.app.size.width < NARROW_BELOW
        if narrow != self._narrow:
            self._narrow = narrow
            self.compact = narrow
            self.show_command_palette = not narrow
            self.refresh(recompose=True)
