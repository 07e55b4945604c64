"""The help screen: the keys of the screen underneath, and how the desk works."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from pressdesk.tui.screens.shown_once import ShownOnce

INTRO = (
    "pressdesk keeps every open enquiry in order of its deadline: overdue first, then the one due soonest. "
    "Log a call with n while you are still on the phone: type the caller's number (any format) and the "
    "desk finds them; add the subject and the deadline (16:00, tomorrow 9am, +2h) and press ctrl+s. "
    "Enter opens the highlighted enquiry. The desk shows what other terminals log by itself; f5 reloads it.\n"
)


def summarised(binding) -> bool:
    """Whether a binding is listed on a summary line of its own (1 … 5 for the modes, ctrl+p) instead."""
    return (binding.id or "").startswith("mode.") or binding.action in ("command_palette", "app.command_palette")


def keys_text(screen: Screen) -> Text:
    """A two-column list of the keys active on a screen, each key and each action once."""
    out = Text()
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        key = screen.app.get_key_display(binding)
        if not isinstance(active.node, Screen | App) or not binding.description or summarised(binding):
            continue
        if binding.action in seen or key in seen:
            continue
        seen.update((binding.action, key))
        out.append(f"{key:>10}  ", style="bold")
        out.append(binding.description + "\n")
    out.append(f"{'1 … 5':>10}  ", style="bold")
    out.append("Desk, Contacts, Experts, Releases, Reports\n")
    out.append(f"{'ctrl+p':>10}  ", style="bold")
    out.append("Command palette\n")
    return out


class HelpScreen(ShownOnce, ModalScreen[None]):
    """Keys and a short guide; any of escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss(None)", "Close", id="help.close"),
    ]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        """The guide and the keys."""
        with VerticalScroll(classes="dialog help"):
            yield Static(Text("pressdesk — help", style="bold"))
            yield Static(Text(INTRO))
            yield Static(keys_text(self.under), id="help-keys")
            yield Static(Text("Escape closes this help.", style="dim"))
