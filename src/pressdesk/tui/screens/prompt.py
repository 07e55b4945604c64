"""A one-line form: a box, a line under it for previews and refusals; Enter or ctrl+s saves it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from pressdesk.errors import ConflictError, DeskError, FieldError
from pressdesk.tui.messages import DeskChanged
from pressdesk.tui.safe import lit
from pressdesk.tui.screens.record_form import FormScreen


@dataclass(frozen=True, slots=True)
class Answer:
    """What was typed in a prompt, and what saving it returned."""

    text: str
    result: Any


class PromptScreen(FormScreen[Answer | None]):
    """Ask for one line and save it through the one form save path; a refusal keeps the text, with why under the box."""

    ERROR_ID = "prompt-msg"
    SAVE_GROUP = "prompt-save"

    def __init__(
        self,
        title: str,
        *,
        save: Callable[[Any, str], Any],
        value: str = "",
        placeholder: str = "",
        preview: Callable[[Any, str], datetime | None] | None = None,
        allow_empty: bool = False,
        empty_hint: str = "",
        warn_if_passed: bool = False,
    ) -> None:
        super().__init__()
        self.title_text, self.value, self.placeholder = title, value, placeholder
        self.save, self.preview, self.allow_empty, self.empty_hint = save, preview, allow_empty, empty_hint
        self.warn_if_passed = warn_if_passed
        """Preview a time already gone in the warning style (a deadline: kept, but rarely meant)."""

    def compose(self) -> ComposeResult:
        """A title, the box and the line under it."""
        with Vertical(classes="dialog"):
            yield Static(lit(self.title_text, "bold"))
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt")
            yield Static("", id="prompt-msg", classes="hint")
            yield Static(lit("Enter saves · Escape cancels", "dim"))

    def on_mount(self) -> None:
        """Focus the box and say what its first value means."""
        self.query_one(Input).focus()
        self._explain(self.value)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        """Say again what the text means as it is typed."""
        self._explain(event.value)

    def _explain(self, text: str) -> None:
        """A preview of the time typed (read in a worker), the hint for an empty box, or nothing."""
        if not text.strip() and self.empty_hint:
            self.field_message("prompt", self.empty_hint, "dim")
        elif self.preview is not None:
            self.preview_time("prompt", text, self.preview, warn_if_passed=self.warn_if_passed)
        else:
            self.field_message("prompt", "")

    @on(Input.Submitted)
    def _submitted(self) -> None:
        """Enter saves, like ctrl+s."""
        self.action_save()

    def save_call(self):
        """Save the text typed (an empty box only where it means something)."""
        text = self.query_one(Input).value
        if not text.strip() and not self.allow_empty:
            raise FieldError("prompt", "Type something, or press Escape.")
        save = self.save

        def call(backend) -> Answer:
            return Answer(text, save(backend, text))

        return call

    def saved(self, result: Answer) -> None:
        """Close with what was typed and saved; whoever asked says so."""
        self.dismiss(result)

    def show_error(self, message: str) -> None:
        """The box has one line under it for everything."""
        self.field_message("prompt", message)

    def refused(self, exc: DeskError) -> None:
        """Keep the text and say why under the box (a conflict offers a reload, as in every form)."""
        if isinstance(exc, ConflictError):
            super().refused(exc)
            return
        self.saving = False
        reason = exc.reason if isinstance(exc, FieldError) else exc.message
        self.field_message("prompt", f"Not saved: {reason}")
        self.point_at("prompt")

    def reload(self) -> None:
        """Someone else changed it: close so the screen underneath shows their change."""
        self.app.post_message(DeskChanged())
        self.dismiss(None)
