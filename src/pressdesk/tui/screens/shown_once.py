"""A screen pushed over another is styled once as it is shown, and the screens under it are not laid out again."""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.screen import Screen


def laid_out(screen: Screen, size: Size) -> bool:
    """Whether the screen's last layout is at this size with nothing asked of it since (a widget mounted, resized or
    recomposed: the footer's keys, composed after its first frame, a list's rows come from a worker)."""
    return screen._compositor.size == size and not (screen._layout_required or screen._scroll_required)


class ShownOnce:
    """Mixed into a pushed screen (before Textual's Screen). Its first ScreenResume comes as it was just mounted, every
    widget just styled, and Textual's handler styled them all again (the log form: ~230 stylings). Its first layout, as
    it is shown, sends it a Resize of the size it was laid out at, and Textual's handler laid out every screen under it
    again too, the desk included, at the size they already have (issue 8 item 7). Both are let go; later ones are
    Textual's. A screen under it that is not laid out at that size yet (opened just before, its layout still to come)
    is laid out as Textual would: else it showed under the form as it was before (without its footer's keys)."""

    _shown = False
    _resized = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first resume, as the screen is shown, keeps the styles it was mounted with."""
        if not self._shown:
            self._shown = True
            event.refresh_styles = False

    def on_resize(self, event: events.Resize) -> None:
        """The first Resize, of the size the screen was just laid out at as it was shown, lays out this screen again
        (its widgets' sizes settle at that second layout, and focus scrolls by them) and only those screens under it
        whose layout is not settled at that size."""
        first, self._resized = not self._resized, True
        if first and event.size == self.outer_size:  # type: ignore[attr-defined]
            event.prevent_default()
            self._screen_resized(event.size)  # type: ignore[attr-defined]
            for screen in self.app._background_screens:  # type: ignore[attr-defined]
                if not laid_out(screen, event.size):
                    screen._screen_resized(event.size)
