"""Import contacts files: a path, a dry run's summary, then the import itself with a progress bar in a worker."""

from __future__ import annotations

import re
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, ProgressBar, Static

from pressdesk.errors import DeskError
from pressdesk.tui.messages import DeskChanged
from pressdesk.tui.safe import line, lit
from pressdesk.tui.work import run_db

SHOWN = 50
"""Rejected values and pairs to review listed in the dialog at most (the CLI's --json gives them all)."""


def split_paths(text: str) -> list[str]:
    """File paths typed in one box, separated by semicolons."""
    return [part.strip().strip("'\"") for part in re.split(r";", text) if part.strip()]


def render_summary(summary, *, done: bool = False) -> Text:
    """What an import did (or would do): the counts, then what was refused and what needs a decision."""
    out = Text()
    verb = "Imported" if done else "Would import"
    out.append_text(line((f"{verb} {summary.rows} rows from {', '.join(summary.files)}", "bold"), "\n"))
    n_rejected, n_review = len(summary.rejected), len(summary.review)
    if done:
        counts = f"added {summary.added} · updated {summary.updated} · merged {summary.merged} · "
    else:
        counts = f"would add {summary.added} · update {summary.updated} · merge {summary.merged} · "
    counts += f"unchanged {summary.unchanged} · rejected {n_rejected} · to review {n_review}"
    out.append_text(lit(counts))
    out.append("\n")
    if summary.rejected:
        out.append("\nRejected (not stored)\n", style="bold underline")
    for r in summary.rejected[:SHOWN]:
        out.append_text(
            line((f"{r.file} row {r.row} · {r.field}: ", "dim"), r.value, (" — " + r.reason, "yellow"), "\n")
        )
    if len(summary.rejected) > SHOWN:
        out.append(f"… and {len(summary.rejected) - SHOWN} more\n", style="dim")
    if summary.review:
        out.append("\nTo review (may be the same person)\n", style="bold underline")
    for item in summary.review[:SHOWN]:
        out.append_text(
            line((f"{item.file} row {item.row} · ", "dim"), item.name, (" may be ", "dim"), item.other, "\n")
        )
    if len(summary.review) > SHOWN:
        out.append(f"… and {len(summary.review) - SHOWN} more\n", style="dim")
    return out


class ImportContactsScreen(ModalScreen[object]):
    """Pick files, see the dry run's summary, confirm; the import runs in a worker with a progress bar."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "confirm", "Import", id="import.confirm", priority=True),
        Binding("escape", "close", "Close", id="import.close"),
    ]

    def __init__(self, as_: str = "journalists") -> None:
        super().__init__()
        self.as_ = as_
        self.checked: list[str] | None = None
        """The files the summary shown is a dry run of (None: not checked yet)."""
        self.busy = False
        self.result = None

    def compose(self) -> ComposeResult:
        """The path box, the summary, the progress bar and the keys."""
        with Vertical(classes="dialog contacts-import"):
            yield Static(lit(f"Import contacts as {self.as_}", "bold"))
            yield Label("File (CSV, vCard, LDIF, Excel or ODS; several: a;b)")
            yield Input(placeholder="~/Downloads/contacts.csv", id="ic-path")
            yield Static("", id="ic-msg", classes="error")
            with VerticalScroll(id="ic-summary-pane"):
                yield Static("", id="ic-summary")
            yield ProgressBar(id="ic-progress", show_eta=False)
            yield Static(lit("Enter checks the file (nothing stored) · Escape closes", "dim"), id="ic-keys")

    def on_mount(self) -> None:
        """Focus the path box."""
        self.query_one("#ic-progress").display = False
        self.query_one("#ic-path", Input).focus()

    def _keys(self, text: str) -> None:
        """The hint line under the dialog."""
        self.query_one("#ic-keys", Static).update(lit(text, "dim"))

    def _message(self, text: str) -> None:
        """The error line under the path box."""
        self.query_one("#ic-msg", Static).update(lit(text))

    @on(Input.Changed, "#ic-path")
    def _path_changed(self, _event: Input.Changed) -> None:
        """A new path needs a new dry run."""
        if self.busy or self.result is not None:
            return
        self.checked = None
        self._message("")
        self._keys("Enter checks the file (nothing stored) · Escape closes")

    @on(Input.Submitted, "#ic-path")
    def _check(self, event: Input.Submitted) -> None:
        """Run the dry run in a worker."""
        event.stop()
        if self.busy or self.result is not None:
            return
        files = split_paths(event.value)
        if not files:
            self._message("File: give the path of a contacts file.")
            return
        self.busy = True
        self._message("")
        self.query_one("#ic-summary", Static).update(lit("Checking…", "dim"))
        as_ = self.as_
        run_db(
            self,
            lambda b: b.import_contacts(files, as_=as_, dry_run=True),
            done=lambda summary: self._checked(files, summary),
            error=self._failed,
            group="contacts-import",
        )

    def _checked(self, files: list[str], summary) -> None:
        """Show the dry run and offer the import."""
        self.busy = False
        self.checked = files
        self.query_one("#ic-summary", Static).update(render_summary(summary))
        self._keys("Ctrl+S imports this · edit the path and Enter to check again · Escape closes")

    def _failed(self, exc: DeskError) -> None:
        """A refusal (a missing or unreadable file): say why, nothing was stored."""
        self.busy = False
        self.query_one("#ic-summary", Static).update("")
        self._message(f"Not imported: {exc.message}")
        if self.result is None:
            self.query_one("#ic-progress").display = False

    def action_confirm(self) -> None:
        """Import the files checked, in a worker, with a progress bar."""
        if self.busy or self.result is not None:
            return
        if self.checked is None:
            self._message("Press Enter to check the file first.")
            return
        files, as_ = self.checked, self.as_
        self.busy = True
        bar = self.query_one("#ic-progress", ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self._keys("Importing…")
        app = self.app

        def run(backend):
            total = backend.count_contacts(files)
            app.call_from_thread(bar.update, total=max(total, 1), progress=0)
            return backend.import_contacts(
                files, as_=as_, progress=lambda n: app.call_from_thread(bar.update, progress=min(n, max(total, 1)))
            )

        run_db(self, run, done=self._imported, error=self._failed, group="contacts-import")

    def _imported(self, summary) -> None:
        """Show what was done; the lists behind reload."""
        self.busy = False
        self.result = summary
        bar = self.query_one("#ic-progress", ProgressBar)
        bar.update(total=max(summary.rows, 1), progress=max(summary.rows, 1))
        self.query_one("#ic-summary", Static).update(render_summary(summary, done=True))
        self._keys("Done · Escape closes")
        self.app.post_message(DeskChanged())

    def action_close(self) -> None:
        """Close, unless the import is running (it is all or nothing: it finishes or leaves the desk as it was)."""
        if self.busy and self.checked is not None:
            self.app.notify("The import is running; wait for it to finish.", severity="warning")
            return
        self.dismiss(self.result)
