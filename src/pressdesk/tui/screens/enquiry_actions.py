"""Key actions on the selected enquiry, shared by every screen that shows one."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from pressdesk.services.errors import ConflictError, DeskError
from pressdesk.tui.messages import DeskChanged
from pressdesk.tui.screens.actions import ConflictScreen, PromptScreen, StatusScreen
from pressdesk.tui.work import run_db


class EnquiryActions:
    """Status, assign, note, deadline, edit and done for `self.current_row()`; mix into a Screen."""

    ACTION_BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "status", "Status", id="enquiry.status"),
        Binding("a", "assign", "Assign", id="enquiry.assign"),
        Binding("m", "note", "Note", id="enquiry.note"),
        Binding("d", "deadline", "Deadline", id="enquiry.deadline"),
        Binding("e", "edit", "Edit", id="enquiry.edit"),
        Binding("D", "done", "Done", id="enquiry.done", show=False),
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
        moves = self.app.backend.allowed_moves(row.status)

        def chosen(to: str | None) -> None:
            if to:
                self._write(lambda b: b.change_status(row.id, to, row.version), row.id, f"#{row.id} is now {to}.")

        self.app.push_screen(StatusScreen(row.subject, row.status, moves), chosen)

    def action_done(self) -> None:
        """Mark the enquiry done."""
        if (row := self._with_row()) is not None:
            self._write(lambda b: b.change_status(row.id, "done", row.version), row.id, f"#{row.id} is done.")

    def action_assign(self) -> None:
        """Give the enquiry to an officer."""
        if (row := self._with_row()) is None:
            return

        def chosen(name: str | None) -> None:
            if name is not None:
                self._write(lambda b: b.assign(row.id, name, row.version), row.id, f"#{row.id} assigned.")

        me = self.app.settings.officer
        self.app.push_screen(PromptScreen("Assign to officer", value=row.officer or me, allow_empty=True), chosen)

    def action_note(self) -> None:
        """Add a note to the enquiry."""
        if (row := self._with_row()) is None:
            return

        def chosen(text: str | None) -> None:
            if text:
                self._write(lambda b: b.add_note(row.id, text), row.id, f"Note added to #{row.id}.")

        self.app.push_screen(PromptScreen(f"Note on #{row.id}", placeholder="What happened?"), chosen)

    def action_deadline(self) -> None:
        """Set the deadline in everyday words."""
        if (row := self._with_row()) is None:
            return
        backend = self.app.backend

        def check(text: str) -> str:
            from pressdesk.tui.widgets.enquiry_detail import local

            if not text.strip():
                return "Empty clears the deadline."
            try:
                due = backend.preview_deadline(text)
            except DeskError as exc:
                return exc.message
            return f"→ {local(due, backend.settings.timezone)}"

        def chosen(text: str | None) -> None:
            if text is not None:
                self._write(lambda b: b.set_deadline(row.id, text, row.version), row.id, f"Deadline of #{row.id} set.")

        self.app.push_screen(
            PromptScreen("Deadline", placeholder="16:00, tomorrow 9am, +2h", check=check, allow_empty=True), chosen
        )

    def action_edit(self) -> None:
        """Edit the enquiry's fields; a stale save is refused with who changed it."""
        if (row := self._with_row()) is None:
            return
        from pressdesk.tui.screens.edit_enquiry import EditEnquiryScreen

        def chosen(values: dict | None) -> None:
            if values:
                self._write(lambda b: b.update_enquiry(row.id, row.version, **values), row.id, f"#{row.id} saved.")

        self.app.push_screen(EditEnquiryScreen(row, self.app.settings.timezone), chosen)

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
