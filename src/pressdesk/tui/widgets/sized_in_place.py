"""Widgets whose new size, given them by a layout of the screen, asks for no second layout of the whole screen."""

from __future__ import annotations

from textual.geometry import Size


class SizedInPlace:
    """Mixed in before a widget class (not a widget itself, so the widget keeps its class's CSS): Textual sets a
    widget's new (virtual) size as it lays the screen out, through a reactive that asks for another full layout; that
    layout gave the size, so the next one changes nothing (the desk's detail pane: every cursor move laid the desk out
    two or three times, issue 8 item 7). A scrollbar that comes or goes with the new size still asks for its layout
    (Textual's own `show_vertical_scrollbar`)."""

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        """Take the size the layout gave, without asking for another layout."""
        return super()._size_updated(size, virtual_size, container_size, layout=False)  # type: ignore[misc]
