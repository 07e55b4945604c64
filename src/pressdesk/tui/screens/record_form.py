"""The one way a form saves: ctrl+s checks, writes in a worker, and closes only once the desk has kept it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, ClassVar, TypeVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.reactive import Reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from pressdesk.errors import ConflictError, DeskError, FieldError
from pressdesk.tui.messages import DeskChanged
from pressdesk.tui.safe import lit
from pressdesk.tui.screens.actions import ConflictScreen
from pressdesk.tui.screens.shown_once import ShownOnce
from pressdesk.tui.widgets.countdown import countdown_cell
from pressdesk.tui.widgets.enquiry_detail import local
from pressdesk.tui.work import run_db
from pressdesk.validation.countdown import already_passed

ResultType = TypeVar("ResultType")

LAYOUT_TRIES = 20
"""At most this many layouts waited for a field's new message to be laid out before it is scrolled into view."""


def guarded(call: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The call, with any unexpected failure turned into a DeskError so the form stays open and says why."""

    def run(backend) -> Any:
        try:
            return call(backend)
        except DeskError:
            raise
        except Exception as exc:  # noqa: BLE001 - keep the form open and say why
            raise DeskError(f"Could not save: {exc}") from exc

    return run


class Unsaved(Exception):  # noqa: N818 - read as "raise Unsaved(...)"
    """Raised by save_call when the form's own checks refuse: the fields already say why."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key, self.message = key, message


class FormScreen(ShownOnce, ModalScreen[ResultType]):
    """A form over the desk. Subclasses say what to save (save_call) and what to do once saved (saved).

    Fields are widgets with id `<PREFIX>-<key>` (or `<key>` without a prefix), each with a message line
    `<id>-msg` under it; ERROR_ID is the form's own message line, kept where it is seen at 80x24.
    On refusal the form keeps everything typed, puts the reason under the field, focuses it and says
    "Not saved: ..." on the form's line; a conflict offers to reload.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]

    PREFIX: ClassVar[str] = ""
    ERROR_ID: ClassVar[str] = "form-msg"
    SAVE_GROUP: ClassVar[str] = "form-save"
    AUTO_FOCUS: ClassVar[str | None] = ""
    """No focus chosen by Textual: each form focuses its first field as it mounts. Textual's pick, the first focusable
    widget (a form's scrolling box), restyled the whole form as it took the focus and again as it lost it."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """The focused field. Textual's screen repaints itself whole when focus moves, the desk dimmed behind the form
    included (~30 ms of CPU per Tab, issue 13); the field left and the field entered repaint themselves."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.saving = False
        self._previews: dict[str, int] = {}

    # --- what each form says ----------------------------------------------------------------

    def save_call(self) -> Callable[[Any], Any] | None:
        """The backend call that saves what is typed (None: nothing to save); raise FieldError to refuse at once."""
        raise NotImplementedError

    def saved(self, result: Any) -> None:
        """The desk kept it: tell every screen and close with the result."""
        self.app.post_message(DeskChanged())
        self.dismiss(result)

    def reload(self) -> None:
        """Read the record again after someone else saved it (forms over a record override this)."""

    def field_label(self, key: str, field: str) -> str:
        """A label to put before a refusal under the field (none by default)."""
        return ""

    # --- where messages go ------------------------------------------------------------------

    def widget_id(self, key: str) -> str:
        """The id of a field's widget."""
        return f"{self.PREFIX}-{key}" if self.PREFIX else key

    def field_message(self, key: str, message: str, style: str = "red") -> None:
        """Show (or clear) the message under a field: the form is laid out again only if the message's height changes
        (a layout of the form and the desk behind it on every key typed was most of a key's time, issue 13)."""
        text = lit(message, style)
        for msg in self.query(f"#{self.widget_id(key)}-msg").results(Static):
            msg.set_class(bool(message), "shown")
            shown = msg.content
            if isinstance(shown, Text) and (shown.plain, shown.style, shown.spans) == (text.plain, text.style, []):
                continue  # the same message: nothing to draw
            msg.update(text, layout=False)
            width, height = msg.content_size
            if not width or msg.get_content_height(msg.container_size, self.app.size, width) != height:
                msg.refresh(layout=True)

    def show_error(self, message: str) -> None:
        """Show (or clear) the form's own message line."""
        self.query_one(f"#{self.ERROR_ID}", Static).update(lit(message, "bold red"))

    def point_at(self, key: str) -> None:
        """Focus a field and bring its message into view."""
        found = self.query(f"#{self.widget_id(key)}")
        if not found:
            return
        field = found.first()
        # no scroll of its own on focus: that one could land after ours, leaving a tall message below the box
        field.focus(scroll_visible=False)
        shown = [field, *self.query(f"#{self.widget_id(key)}-msg")]

        def into_view(tries: int = 0) -> None:
            if tries < LAYOUT_TRIES and any(widget._layout_required for widget in shown):
                # the message's new height is not laid out yet (its own refresh can come after the screen's, and
                # refreshes with no layout between them can all run at once under load): wait for the next layout
                self.after_next_layout(shown[-1], lambda: into_view(tries + 1))
                return
            for widget in shown:  # the field, then its message, laid out by now at its new height
                widget.scroll_visible(animate=False, immediate=True)

        # the message's "shown" class is styled at one refresh and laid out at its height by the next
        self.call_after_refresh(self.call_after_refresh, into_view)

    def after_next_layout(self, widget: Widget, call: Callable[[], None]) -> None:
        """Call once after the screen's next layout (the widget holds the subscription until then)."""
        signal = self.screen_layout_refresh_signal

        def laid_out(_screen: object) -> None:
            signal.unsubscribe(widget)
            self.call_after_refresh(call)

        signal.subscribe(widget, laid_out, immediate=True)

    def preview_time(
        self,
        key: str,
        text: str,
        read: Callable[[Any, str], datetime | None],
        *,
        fmt: str = "%a %d %b %H:%M",
        warn_if_passed: bool = False,
    ) -> None:
        """Say under a field what a typed time means, read in a worker by the function the save uses (with
        warn_if_passed, a time already gone in the warning style: it is kept, but rarely meant)."""
        seq = self._previews[key] = self._previews.get(key, 0) + 1
        if not text.strip():
            self.field_message(key, "")
            return

        def show(when: datetime | None) -> None:
            if seq != self._previews[key]:
                return
            if when is None:
                self.field_message(key, "")
                return
            now = self.app.backend.clock()
            shown = f"→ {local(when, self.app.settings.timezone, fmt)}"
            passed = already_passed(when, now) if warn_if_passed else None
            if passed:
                self.field_message(key, f"{shown} — {passed}", "yellow")
                return
            self.field_message(key, f"{shown} ({countdown_cell(when, now).plain})", "green")

        def unreadable(exc: DeskError) -> None:
            if seq == self._previews[key]:
                self.field_message(key, exc.reason if isinstance(exc, FieldError) else exc.message)

        run_db(self, lambda backend: read(backend, text), done=show, error=unreadable, group=f"preview-{key}")

    # --- the one save path ------------------------------------------------------------------

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

    def action_save(self) -> None:
        """Check, then save in a worker; the form closes only when the desk has kept it."""
        if self.saving:
            return
        try:
            call = self.save_call()
        except FieldError as exc:
            self.refused(exc)
            return
        except Unsaved as stop:
            self.show_error(stop.message)
            self.point_at(stop.key)
            return
        if call is None:
            self.dismiss(None)
            return
        self.saving = True
        self.show_error("")
        run_db(self, guarded(call), done=self._kept, error=self.refused, group=self.SAVE_GROUP)

    def _kept(self, result: Any) -> None:
        """Saved."""
        self.saving = False
        self.saved(result)

    def refused(self, exc: DeskError) -> None:
        """Keep the form open and say why, at the field when there is one; offer a reload on a conflict."""
        self.saving = False
        if isinstance(exc, ConflictError):
            self.show_error(exc.message)

            def chosen(choice: str | None) -> None:
                if choice == "reload":
                    self.reload()

            self.app.push_screen(ConflictScreen(exc.message), chosen)
            return
        key = exc.field if isinstance(exc, FieldError) else None
        if key is not None and self.query(f"#{self.widget_id(key)}"):
            label = self.field_label(key, exc.field)
            self.field_message(key, f"{label}: {exc.reason}" if label else exc.reason)
            self.point_at(key)
        self.show_error(f"Not saved: {exc.message}")
