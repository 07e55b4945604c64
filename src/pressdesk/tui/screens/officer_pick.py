"""Pick the officer an enquiry goes to from the desk's list (name and initials), or nobody; typing narrows it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from pressdesk.tui.safe import line, lit

NOBODY = ""
"""What the picker returns for "nobody": the enquiry is unassigned."""


def fits(officer, typed: str) -> bool:
    """Whether an officer answers to what is typed: part of their name, or the start of their initials."""
    wanted = " ".join(typed.split()).casefold()
    return not wanted or wanted in officer.name.casefold() or officer.initials.casefold().startswith(wanted)


class OfficerPickScreen(ModalScreen[str | None]):
    """The desk's officers and "nobody": ↑↓ and Enter pick, typing narrows, Escape cancels (returns None)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="officer.cancel"),
        Binding("down", "move(1)", "Next", show=False, id="officer.next"),
        Binding("up", "move(-1)", "Previous", show=False, id="officer.previous"),
    ]

    def __init__(self, title: str, officers, *, current: str = "", me: str = "") -> None:
        super().__init__()
        self.title_text, self.officers, self.current, self.me = title, list(officers), current, me

    def compose(self) -> ComposeResult:
        """A title, a box to narrow by name or initials, the officers and nobody."""
        with Vertical(classes="dialog officer-pick"):
            yield Static(lit(self.title_text, "bold"))
            yield Input(placeholder="type a name or initials", id="officer-filter")
            yield OptionList(id="officers")
            yield Static(lit("↑↓ choose · Enter assigns · Escape cancels", "dim"))

    def on_mount(self) -> None:
        """List everyone, the enquiry's officer highlighted (else you, else the first); focus the box."""
        self._fill("")
        self.query_one(Input).focus()

    def _label(self, officer) -> Text:
        """'Jamie Hose  JH' (and '· you', '· has it now')."""
        notes = [note for note, yes in (("you", officer.name == self.me), ("has it now", self._has(officer))) if yes]
        said = f"  · {', '.join(notes)}" if notes else ""
        return line((officer.name, "bold"), (f"  {officer.initials}", "cyan"), (said, "dim"))

    def _has(self, officer) -> bool:
        """Whether the enquiry is this officer's now."""
        return bool(self.current) and officer.name.casefold() == self.current.casefold()

    def _fill(self, typed: str) -> None:
        """Show the officers who fit what is typed, then nobody; highlight the likeliest one."""
        shown = [o for o in self.officers if fits(o, typed)]
        box = self.query_one(OptionList)
        box.clear_options()
        box.add_options([Option(self._label(o), id=f"officer-{i}") for i, o in enumerate(self.officers) if o in shown])
        nobody = "nobody  (unassigned)" + ("  · now" if not self.current else "")
        box.add_option(Option(lit(nobody, "italic"), id="nobody"))
        if typed.strip():
            box.highlighted = 0
            return
        order = [o for o in shown if self._has(o)] + [o for o in shown if o.name == self.me]
        box.highlighted = shown.index(order[0]) if order else (len(shown) if not self.current else 0)

    @on(Input.Changed, "#officer-filter")
    def _typed(self, event: Input.Changed) -> None:
        """Narrow the list as a name or initials are typed."""
        self._fill(event.value)

    def action_move(self, step: int) -> None:
        """Move the highlight while the typing box keeps the focus."""
        box = self.query_one(OptionList)
        if box.option_count:
            box.highlighted = ((box.highlighted or 0) + step) % box.option_count

    @on(Input.Submitted, "#officer-filter")
    def _submitted(self) -> None:
        """Enter in the box picks the highlighted line."""
        box = self.query_one(OptionList)
        if box.highlighted is not None:
            self._pick(box.get_option_at_index(box.highlighted).id or "")

    @on(OptionList.OptionSelected, "#officers")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """A line clicked or picked in the list."""
        self._pick(event.option.id or "")

    def _pick(self, option_id: str) -> None:
        """Close with the officer's name, or NOBODY."""
        if option_id == "nobody":
            self.dismiss(NOBODY)
        elif option_id.startswith("officer-"):
            self.dismiss(self.officers[int(option_id.removeprefix("officer-"))].name)
