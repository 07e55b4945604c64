"""Footers: composed again only when their keys change; the desk's keeps the keys that matter on a laptop terminal."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.geometry import Size
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

NARROW_BELOW = 120
"""Terminals narrower than this get the short footer."""
ALWAYS = frozenset({"quit", "help", "search"})
"""Actions the short footer always shows: the way out, the way to every key, the way to anything."""


class MeasuredKey(FooterKey):
    """A footer key that keeps its measured width while its look and its room stay the same: Textual forgets a
    widget's width whenever its size is set, so each key was rendered again at the layout after the one that placed
    it (every key twice as each footer was composed, issue 8)."""

    measured: tuple[tuple[int, bool], int] | None = None
    """The room and look (container width, compact) the key was last measured in, and its width then."""

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """The width of the key's text, measured again only in another room or look."""
        look = (container.width, self.compact)
        if self.measured is None or self.measured[0] != look:
            self.measured = (look, super().get_content_width(container, viewport))
        return self.measured[1]


class SteadyFooter(Footer):
    """Textual's footer, composed again only when the keys it shows change, each key styled once as it is mounted."""

    def __init__(self) -> None:
        super().__init__()
        self._composed: tuple | None = None
        """What the keys on show were composed from (see _showing)."""

    def _kept(self) -> frozenset[str] | None:
        """The actions to show, or None for all of them."""
        return None

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
        """The keys, less the ones a narrow terminal has no room for, each styled compact or not from the start."""
        kept = self._kept()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                if kept is not None and widget.action not in kept:
                    continue
                # A key is born compact, then bound to the footer's compact (all but the palette's, which stays
                # compact): each mount toggled its class twice, and each toggle styled the key again (with a node
                # per part of the key), three stylings per key per compose (half a Pilot test's stylings, issue 8).
                compact = self.compact or widget.has_class("-command-palette")
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
                widget.__class__ = MeasuredKey  # the key Textual made, with its bindings, measured once (see there)
            yield widget


class KeyFooter(SteadyFooter):
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

    def on_resize(self, event: events.Resize) -> None:
        """Switch between the short and the full footer when the terminal crosses the width; the first keys are
        composed right after the first frame, which shows the footer's line without them (issue 13)."""
        narrow = self.app.size.width < NARROW_BELOW
        if narrow != self._narrow:
            first = self._narrow is None
            self._narrow = narrow
            # Set quietly: the keys on show, about to be replaced, would each be styled again in the new look.
            self.set_reactive(Footer.compact, narrow)
            self.set_class(narrow, "-compact")
            self.show_command_palette = not narrow
            if first:
                self.call_after_refresh(self.refresh, recompose=True)
            else:
                self.refresh(recompose=True)
