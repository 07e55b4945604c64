"""Erasing a person from Contacts or Experts: a confirmation that names everything that goes, then the erasure."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from pressdesk.tui.safe import line, lit
from pressdesk.tui.work import run_db
from pressdesk.words import counted

if TYPE_CHECKING:
    from pressdesk.core.views import EraseDone, ErasurePreview

KIND_NAMES = {"journalist": "journalist", "expert": "expert", "press_contact": "press contact"}


def what_goes(preview: ErasurePreview) -> Text:
    """Everything erasing the person removes or anonymises, one line each, their values shown literally."""
    rows: list[Text] = []
    if preview.points:
        points = f"{counted(len(preview.points), 'contact point')} removed, put on the do-not-contact list:"
        rows.append(Text("\n").join([lit(points), *(line("   ", value) for _kind, value in preview.points)]))
    else:
        rows.append(lit("No contact points on file."))
    if preview.kind == "journalist":
        rows.append(lit(f"{counted(preview.enquiries, 'enquiry')} kept for the figures, anonymised, notes cleared"))
    if preview.interviews:
        rows.append(lit(f"{counted(preview.interviews, 'interview request')} removed"))
    if preview.releases:
        rows.append(lit(f"Named on {counted(preview.releases, 'release')}: the link removed, the release kept"))
    rows.append(lit(f"{counted(preview.history_rows, 'history row')} about them: name, numbers and notes taken out"))
    return Text("\n").join(line(("• ", "bold"), r) for r in rows)


class ErasePersonScreen(ModalScreen[bool]):
    """Ask before erasing a person: name who and what goes; erase only on an explicit y (Keep has the focus)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Erase", id="erase.confirm"),
        Binding("n,escape", "answer(False)", "Keep", id="erase.keep"),
    ]

    def __init__(self, preview: ErasurePreview) -> None:
        super().__init__()
        self.preview = preview

    def compose(self) -> ComposeResult:
        """Who, what goes, that it cannot be undone, and two buttons."""
        p = self.preview
        with Vertical(classes="dialog erase-person"):
            who = f" ({KIND_NAMES[p.kind]} #{p.id}) for good?"
            yield Static(line(("Erase ", "bold"), (p.display_name, "bold"), (who, "bold")), id="erase-title")
            with VerticalScroll(id="erase-what"):
                yield Static(what_goes(p), id="erase-list")
            warning = "Nothing on this desk can bring them back; backups still hold them."
            yield Static(lit(warning, "bold red"), id="erase-warning")
            with Horizontal(classes="buttons"):
                yield Button("Keep (n)", id="keep", variant="primary")
                yield Button("Erase for good (y)", id="erase", variant="error")

    def on_mount(self) -> None:
        """Enter on the focused button keeps the person: erasing takes a y or the Erase button."""
        self.query_one("#keep", Button).focus()

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        """Close with the pressed button's answer."""
        self.dismiss(event.button.id == "erase")


def erased_message(done: EraseDone) -> str:
    """One line on what the erasure did and whether the desk's files are clean of them."""
    p = done.people[0]
    text = (
        f"Erased {KIND_NAMES[p.kind]} #{p.id}: {counted(p.enquiries, 'enquiry')} anonymised, "
        f"{counted(p.do_not_contact, 'number or address', 'numbers and addresses')} on the do-not-contact list."
    )
    if done.namesakes:
        text += f" {counted(done.namesakes, 'other person', 'other people')} on the desk share the name and keep it."
    if done.files_checked and done.traces:
        return text + f" Warning: {counted(done.traces, 'trace')} still found in the desk's files."
    return text + (" No trace left in the desk's files." if done.files_checked else "")


def erase_selected(screen) -> None:
    """On a Contacts or Experts screen: preview erasing the highlighted person, ask, erase on a yes, reload."""
    person = screen.current_row()
    noun = KIND_NAMES[screen.KIND]
    if person is None:
        screen.app.notify(f"Select {'an' if noun[0] in 'aeiou' else 'a'} {noun} first.", severity="warning")
        return
    kind = screen.KIND

    def answered(yes: bool | None) -> None:
        if yes:
            run_db(screen, lambda b: b.erase([(kind, person.id)]), done=erased, group=f"{kind}-erase")

    def erased(done: EraseDone) -> None:
        screen.app.notify(erased_message(done), severity="error" if done.traces else "information")
        screen.reload()

    def ask(previews: list[ErasurePreview]) -> None:
        screen.app.push_screen(ErasePersonScreen(previews[0]), answered)

    run_db(screen, lambda b: b.erasure_preview(person_id=person.id, kind=kind), done=ask, group=f"{kind}-erase")
