"""Small modal screens for acting on an enquiry: pick a status, type a value, resolve a conflict."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from pressdesk.tui.safe import line, lit


class StatusScreen(ModalScreen[str | None]):
    """Pick one of the statuses the state machine allows from the current one."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel", id="cancel")]

    def __init__(self, subject: str, current: str, moves: list[str]) -> None:
        super().__init__()
        self.subject, self.current, self.moves = subject, current, moves

    def compose(self) -> ComposeResult:
        """A title and the allowed moves."""
        with Vertical(classes="dialog"):
            yield Static(line(("Change status of ", "bold"), (self.subject, "bold")))
            yield Static(lit(f"Now {self.current}. It can move to:", "dim"))
            yield OptionList(*[Option(m, id=m) for m in self.moves], id="moves")
            yield Static(lit("Enter picks · Escape cancels", "dim"))

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        """Return the chosen status."""
        self.dismiss(event.option.id)


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line of text, with an optional live check under the box."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel", id="cancel")]

    def __init__(
        self,
        title: str,
        *,
        value: str = "",
        placeholder: str = "",
        check: Callable[[str], str] | None = None,
        allow_empty: bool = False,
    ) -> None:
        super().__init__()
        self.title_text, self.value, self.placeholder = title, value, placeholder
        self.check, self.allow_empty = check, allow_empty

    def compose(self) -> ComposeResult:
        """A title, the box and the check line."""
        with Vertical(classes="dialog"):
            yield Static(lit(self.title_text, "bold"))
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt")
            yield Static("", id="prompt-check", classes="hint")
            yield Static(lit("Enter saves · Escape cancels", "dim"))

    def on_mount(self) -> None:
        """Focus the box and check its first value."""
        self.query_one(Input).focus()
        self._check(self.value)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        """Re-check as the user types."""
        self._check(event.value)

    def _check(self, value: str) -> None:
        """Show what the check says about the value."""
        if self.check is not None:
            self.query_one("#prompt-check", Static).update(lit(self.check(value)))

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        """Return the text (refusing an empty one unless allowed)."""
        if not event.value.strip() and not self.allow_empty:
            self.query_one("#prompt-check", Static).update(lit("Type something, or press Escape.", "red"))
            return
        self.dismiss(event.value)


class ConflictScreen(ModalScreen[str]):
    """Someone else saved first: say who, and offer to reload."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('reload')", "Reload", id="reload"),
        Binding("escape", "choose('cancel')", "Cancel", id="cancel"),
    ]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        """The message and two buttons."""
        with Vertical(classes="dialog conflict"):
            yield Label(lit("Not saved", "bold red"))
            yield Static(lit(self.message), id="conflict-message")
            with Horizontal(classes="buttons"):
                yield Button("Reload (r)", id="reload", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")

    def action_choose(self, choice: str) -> None:
        """Close with the choice."""
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        """Close with the pressed button's choice."""
        self.dismiss(event.button.id or "cancel")
