"""Small modal screens for acting on an enquiry: pick a status, confirm, resolve a conflict."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from pressdesk.tui.safe import line, lit
from pressdesk.tui.screens.shown_once import ShownOnce


class StatusScreen(ShownOnce, ModalScreen[str | None]):
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


class ConfirmScreen(ModalScreen[bool]):
    """Ask before doing something that is not undone with a key: y does it, n or Escape does not."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, about: str, yes: str) -> None:
        super().__init__()
        self.question, self.about, self.yes = question, about, yes

    def compose(self) -> ComposeResult:
        """The question, what it is about, and the keys."""
        with Vertical(classes="dialog confirm"):
            yield Static(lit(self.question, "bold"), id="confirm-question")
            yield Static(lit(self.about), id="confirm-about")
            yield Static(lit(f"y {self.yes} · n or Escape keeps it as it is", "dim"))

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)


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
