"""Key actions on the selected enquiry, shared by every screen that shows one."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType

from pressdesk.errors import ConflictError, DeskError
from pressdesk.models.enums import EnquiryStatus
from pressdesk.tui.messages import DeskChanged
from pressdesk.tui.safe import plain
from pressdesk.tui.work import run_db

if TYPE_CHECKING:
    from pressdesk.tui.screens.prompt import Answer, PromptScreen

# The dialogs below are imported when an action first opens one: they load Textual's Input (30-50 ms), which the
# desk's first frame does not need (issue 13).


class EnquiryActions:
    """Status, assign, note, deadline, edit and done for `self.current_row()`; mix into a Screen."""

    ACTION_BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "status", "Status", id="enquiry.status"),
        Binding("a", "assign", "Assign", id="enquiry.assign"),
        Binding("m", "note", "Note", id="enquiry.note"),
        Binding("d", "deadline", "Deadline", id="enquiry.deadline"),
        Binding("e", "edit", "Edit", id="enquiry.edit"),
        Binding("D", "done", "Done", id="enquiry.done", show=False),  # asks first
        Binding("r", "route", "Route", id="enquiry.route"),
        Binding("i", "interviews", "Interviews", id="enquiry.interviews"),
    ]

    def current_row(self):
        """The selected enquiry (an EnquiryRow), or None."""
        raise NotImplementedError

    def _with_row(self):
        """The selected row, or a hint when there is none."""
        row = self.current_row()
        if row is None:
            self.app.notify("Select an enquiry first.", severity="warning")
        return row

    def _write(self, call, enquiry_id: int, success: str) -> None:
        """Run a write; on success tell every screen, on a conflict offer to reload."""

        def done(_result) -> None:
            self.app.notify(success)
            self.app.post_message(DeskChanged(enquiry_id))

        def failed(exc: DeskError) -> None:
            if isinstance(exc, ConflictError):
                from pressdesk.tui.screens.actions import ConflictScreen

                self.app.push_screen(
                    ConflictScreen(exc.message), lambda _c: self.app.post_message(DeskChanged(enquiry_id))
                )
            else:
                self.app.notify(exc.message, severity="error", timeout=8)

        run_db(self, call, done=done, error=failed, group="write", exclusive=False)

    def action_status(self) -> None:
        """Pick a new status from the moves the state machine allows."""
        if (row := self._with_row()) is None:
            return
        from pressdesk.tui.screens.actions import StatusScreen

        moves = self.app.backend.allowed_moves(row.status)

        def chosen(to: str | None) -> None:
            if to:
                self._write(lambda b: b.change_status(row.id, to, row.version), row.id, f"#{row.id} is now {to}.")

        self.app.push_screen(StatusScreen(row.subject, row.status, moves), chosen)

    def action_done(self) -> None:
        """Close the enquiry as done, once the officer says yes to which one."""
        if (row := self._with_row()) is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._write(
                    lambda b: b.change_status(row.id, EnquiryStatus.DONE, row.version), row.id, f"#{row.id} is done."
                )

        from pressdesk.tui.screens.actions import ConfirmScreen

        about = f"#{row.id} {row.subject}" + (f" ({row.journalist})" if row.journalist else "")
        self.app.push_screen(ConfirmScreen("Close this enquiry as done?", about, "closes it"), answered)

    def _ask(self, prompt: PromptScreen, enquiry_id: int, said: Callable[[Answer], str]) -> None:
        """Open a one-line form that saves itself; once saved, say so and tell every screen."""

        def answered(answer: Answer | None) -> None:
            if answer is not None:
                self.app.notify(said(answer))
                self.app.post_message(DeskChanged(enquiry_id))

        self.app.push_screen(prompt, answered)

    def action_assign(self) -> None:
        """Give the enquiry to an officer, or to nobody: picked from the desk's officers when it has a list (read in a
        worker), typed otherwise."""
        if (row := self._with_row()) is None:
            return
        run_db(self, lambda b: b.officers(), done=lambda officers: self._assign_to(row, officers), group="officers")

    def _assign_to(self, row, officers) -> None:
        """Open the officers' picker, or the free-text prompt on a desk without a list."""
        if officers:
            from pressdesk.tui.screens.officer_pick import OfficerPickScreen

            def picked(name: str | None) -> None:
                if name is not None:
                    said = f"#{row.id} assigned to {name}." if name else f"#{row.id} unassigned."
                    self._write(lambda b: b.assign(row.id, name, row.version), row.id, said)

            me = self.app.settings.officer
            title = f"Assign #{row.id} to"
            self.app.push_screen(OfficerPickScreen(title, officers, current=row.officer, me=me), picked)
            return
        from pressdesk.tui.screens.prompt import PromptScreen

        def said(answer: Answer) -> str:
            given = answer.result if isinstance(answer.result, str) else answer.text  # the name, not initials typed
            name = " ".join(plain(given).split())
            return f"#{row.id} assigned to {name}." if name else f"#{row.id} unassigned."

        prompt = PromptScreen(
            "Assign to officer",
            value=row.officer or self.app.settings.officer,
            allow_empty=True,
            empty_hint="Empty unassigns it.",
            save=lambda b, name: b.assign(row.id, name, row.version),
        )
        self._ask(prompt, row.id, said)

    def action_note(self) -> None:
        """Add a note to the enquiry."""
        if (row := self._with_row()) is None:
            return
        from pressdesk.tui.screens.prompt import PromptScreen

        prompt = PromptScreen(
            f"Note on #{row.id}", placeholder="What happened?", save=lambda b, text: b.add_note(row.id, text)
        )
        self._ask(prompt, row.id, lambda _a: f"Note added to #{row.id}.")

    def action_deadline(self) -> None:
        """Set the deadline in everyday words, previewed as typed."""
        if (row := self._with_row()) is None:
            return
        from pressdesk.tui.screens.prompt import PromptScreen

        prompt = PromptScreen(
            "Deadline",
            placeholder="16:00, tomorrow 9am, +2h",
            allow_empty=True,
            empty_hint="Empty clears the deadline.",
            preview=lambda b, text: b.preview_deadline(text),
            warn_if_passed=True,
            save=lambda b, text: b.set_deadline(row.id, text, row.version),
        )
        self._ask(prompt, row.id, lambda a: f"Deadline of #{row.id} {'set' if a.text.strip() else 'cleared'}.")

    def action_edit(self) -> None:
        """Edit the enquiry's fields; the form saves itself and stays open on a refusal."""
        if (row := self._with_row()) is None:
            return
        from pressdesk.tui.screens.edit_enquiry import EditEnquiryScreen

        def edit(officers) -> None:
            self.app.push_screen(EditEnquiryScreen(row, self.app.settings.timezone, officers))

        run_db(self, lambda b: b.officers(), done=edit, group="officers")  # to pick the officer from, if any

    def action_route(self) -> None:
        """Suggest experts for the enquiry and route it."""
        if (row := self._with_row()) is None:
            return
        try:
            from pressdesk.tui.screens.route import RouteScreen
        except ImportError:
            self.app.notify("Routing is not available in this version.", severity="warning")
            return
        self.app.push_screen(RouteScreen(row))  # it reports and posts DeskChanged itself

    def action_interviews(self) -> None:
        """The enquiry's interview requests: accept, decline, schedule, done; coverage and statements."""
        if (row := self._with_row()) is None:
            return
        from pressdesk.tui.screens.interview import InterviewScreen

        self.app.push_screen(InterviewScreen(row))
