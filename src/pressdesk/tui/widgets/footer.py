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
        self._composed: tuple | None = None
        """What the keys on show were composed from (see _showing)."""

    def _kept(self) -> frozenset[str] | None:
        """The actions to show, or None for all of them."""
        wanted = getattr(self.screen, "NARROW_KEYS", None)
        return ALWAYS | wanted if self._narrow and wanted is not None else None

    def _showing(self) -> tuple:
        """What compose would show now: the style, and each shown binding's key, words, action and state."""
        if not self._bindings_ready:
            return ()
        kept = self._kept()
        keys = tuple(
            (binding.key, binding.key_display, binding.description, binding.action, enabled, tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show and (kept is None or binding.action in kept or binding.action == "command_palette")
        )
        return (self.compact, self.show_command_palette, keys)

    async def recompose(self) -> None:
        """Compose the keys again only if they changed: Textual asks after every change of focus or bindings, and
        each time costs 40-140 ms of the desk's start (four times before the first rows, issue 13)."""
        showing = self._showing()
        if showing == self._composed:
            return
        self._composed = showing
        await super().recompose()

    def compose(self) -> ComposeResult:
        """The keys, less the ones a narrow terminal has no room for."""
        kept = self._kept()
        for widget in super().compose():
            if kept is None or not isinstance(widget, FooterKey) or widget.action in kept:
                yield widget

    def on_resize(self, event: events.Resize) -> None:
        """Switch between the short and the full footer when the terminal crosses the width; the first keys are
        composed right after the first frame, which shows the footer's line without them (issue 13)."""
        narrow = self.app.size.width < NARROW_BELOW
        if narrow != self._narrow:
            first = self._narrow is None
            self._narrow = narrow
            self.compact = narrow
            self.show_command_palette = not narrow
            if first:
                self.call_after_refresh(self.refresh, recompose=True)
            else:
                self.refresh(recompose=True)
