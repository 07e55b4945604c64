"""A multi-line box whose soft-wrapped text is drawn again at the box's new width whenever the box is resized."""

from __future__ import annotations

from textual.widgets import TextArea


class WrappingTextArea(TextArea):
    """Textual's TextArea re-wraps its text when resized but repaints only if the number of wrapped lines changes, so
    a box that grows (a form laid out again under its wide layout) keeps showing lines broken at its old width."""

    def on_resize(self) -> None:
        """Repaint: TextArea's own resize handler, dispatched right after this one, re-wraps at the new width."""
        self.refresh()
