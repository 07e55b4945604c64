"""The export dialog: a format and a file (in the documents folder by default), then the export in a worker with a
progress bar, and a notification with the full path."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, ProgressBar, RadioButton, RadioSet, Static
from textual.worker import get_current_worker

from pressdesk.core.views import WrittenLog
from pressdesk.errors import DeskError, FieldError
from pressdesk.tui.safe import lit
from pressdesk.words import counted

Write = Callable[[Any, str, str, Callable[[int, int], None]], Any]
"""write(backend, path, format, progress) -> WrittenLog | WrittenReport, run in a thread."""


def default_path(stem: str, fmt: str, day: datetime) -> str:
    """A file in the documents folder named after what is exported and the day: pressdesk-report-2026-11-25.html."""
    from pressdesk.core import reports

    return str(reports.documents_folder() / f"pressdesk-{stem}-{day:%Y-%m-%d}.{fmt}")


def with_suffix(path: str, fmt: str) -> str:
    """The path typed, its extension changed to the format's (left alone when it has no name yet)."""
    if not path.strip() or path.endswith(("/", "\\")):
        return path
    return str(Path(path).with_suffix(f".{fmt}"))


class ExportScreen(ModalScreen[str | None]):
    """Choose a format and a file, export in a worker with a progress bar; closes with the path written."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", "Export", id="export.go", priority=True),
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
    ]

    def __init__(self, title: str, formats: tuple[str, ...], path: str, write: Write, *, noun: str) -> None:
        super().__init__()
        self.title_text, self.formats, self.path, self.write, self.noun = title, formats, path, write, noun
        self.running = False

    def compose(self) -> ComposeResult:
        """Title, formats, file, a line for refusals, the progress bar and the keys."""
        with Vertical(classes="dialog export-dialog"):
            yield Static(lit(self.title_text, "bold"), id="export-title")
            with RadioSet(id="export-format"):
                for n, fmt in enumerate(self.formats):
                    yield RadioButton(fmt.upper(), value=n == 0, name=fmt)
            yield Input(value=self.path, placeholder="File to write", id="export-path")
            yield Static("", id="export-msg", classes="hint")
            yield ProgressBar(id="export-progress", show_eta=False)
            yield Static(lit("Enter or ctrl+s exports · shift+tab, arrows: format · Escape cancels", "dim"))

    def on_mount(self) -> None:
        """The path box has the focus: the format keeps its first choice unless changed."""
        self.query_one("#export-progress").display = False
        self.query_one("#export-path", Input).focus()

    @property
    def fmt(self) -> str:
        """The format chosen."""
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else self.formats[0]

    @on(RadioSet.Changed)
    def _format_changed(self) -> None:
        """Give the file the new format's extension."""
        box = self.query_one("#export-path", Input)
        box.value = with_suffix(box.value, self.fmt)

    @on(Input.Submitted, "#export-path")
    def _submitted(self) -> None:
        """Enter exports."""
        self.action_export()

    def action_cancel(self) -> None:
        """Close without exporting (an export under way finishes its file or leaves none)."""
        if not self.running:
            self.dismiss(None)

    def action_export(self) -> None:
        """Export in a worker, the bar telling how far it has got."""
        if self.running:
            return
        path = self.query_one("#export-path", Input).value
        if not path.strip():
            self._say("Give a file name.")
            return
        typed = Path(path).suffix.lower().lstrip(".")
        fmt = typed if typed in self.formats else self.fmt  # a file name's own extension says the format
        self.running = True
        self._say("Exporting…")
        bar = self.query_one("#export-progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        write, app = self.write, self.app

        def told(done: int, total: int) -> None:
            if not get_current_worker().is_cancelled:
                app.call_from_thread(bar.update, total=max(total, 1), progress=done)

        def job() -> None:
            try:
                written = write(app.backend, path, fmt, told)
            except DeskError as exc:
                app.call_from_thread(self._refused, exc)
                return
            app.call_from_thread(self._written, written)

        self.run_worker(job, thread=True, exclusive=True, group="export", exit_on_error=False)

    def _say(self, message: str) -> None:
        """The line under the file box."""
        self.query_one("#export-msg", Static).update(lit(message))

    def _refused(self, exc: DeskError) -> None:
        """Keep the dialog open, saying why; the file box gets the focus back."""
        self.running = False
        self.query_one("#export-progress").display = False
        reason = exc.reason if isinstance(exc, FieldError) else exc.message
        self._say(f"Not exported: {reason}")
        self.query_one("#export-path", Input).focus()

    def _written(self, written: Any) -> None:
        """Say where the file is, in full, and close."""
        self.running = False
        what = counted(written.count, self.noun) if isinstance(written, WrittenLog) else f"the {self.noun}"
        self.app.notify(f"Exported {what} to {written.where}", timeout=10)
        self.dismiss(written.where)
