"""Edit an enquiry's subject, deadline, type, priority and officer in one go."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from pressdesk.models.enums import EnquiryType, Priority
from pressdesk.tui.messages import DeskChanged
from pressdesk.tui.safe import line, lit
from pressdesk.tui.screens.record_form import FormScreen
from pressdesk.tui.widgets.enquiry_detail import local
from pressdesk.tui.work import run_db

BOXES = ("subject", "deadline", "officer")
PICKS = ("type", "priority")


class EditEnquiryScreen(FormScreen[dict | None]):
    """A form over one enquiry as it was when opened; it saves only what changed, checking nobody changed it since."""

    ERROR_ID = "edit-error"
    SAVE_GROUP = "edit-save"

    def __init__(self, row, tz: str, officers=()) -> None:
        super().__init__()
        self.row, self.tz = row, tz
        self.officers = list(officers)
        """The desk's officers (OfficerView): when there are any, the officer is picked from them, not typed."""

    def loaded(self) -> dict[str, str]:
        """The form's values as the enquiry was loaded."""
        r = self.row
        return {
            "subject": r.subject,
            "deadline": local(r.deadline, self.tz, "%Y-%m-%d %H:%M") if r.deadline else "",
            "officer": r.officer,
            "type": r.type,
            "priority": r.priority,
        }

    def compose(self) -> ComposeResult:
        """The fields, filled from the enquiry, each with its message line."""
        values = self.loaded()
        with Vertical(classes="dialog form edit-enquiry"):
            yield Static(self._title(), id="edit-title")
            yield Label("Subject")
            yield Input(value=values["subject"], id="subject")
            yield Static("", id="subject-msg", classes="hint field-msg")
            yield Label("Deadline")
            yield Input(value=values["deadline"], placeholder="16:00, tomorrow 9am, +2h", id="deadline")
            yield Static("", id="deadline-msg", classes="hint field-msg")
            yield Label("Type")
            yield Select(
                [(t.value, t.value) for t in EnquiryType],
                value=values["type"],
                allow_blank=False,
                id="type",
                compact=True,
            )
            yield Static("", id="type-msg", classes="hint field-msg")
            yield Label("Priority")
            yield Select(
                [(p.value, p.value) for p in Priority],
                value=values["priority"],
                allow_blank=False,
                id="priority",
                compact=True,
            )
            yield Static("", id="priority-msg", classes="hint field-msg")
            yield Label("Officer")
            if self.officers:
                yield Select(
                    self._officer_choices(), value=values["officer"], allow_blank=False, id="officer", compact=True
                )
            else:
                yield Input(value=values["officer"], id="officer")
            yield Static("", id="officer-msg", classes="hint field-msg")
            yield Static("", id="edit-error", classes="error")
            yield Static(lit("Ctrl+S saves · Escape cancels", "dim"))

    def _officer_choices(self) -> list[tuple[Text, str]]:
        """The officers by name and initials, the enquiry's own officer when not on the list, and nobody."""
        choices = [(line(o.name, ("  " + o.initials, "cyan")), o.name) for o in self.officers]
        given = self.row.officer
        if given and given not in {o.name for o in self.officers}:
            choices.append((line(given, ("  (not on the desk's list)", "dim")), given))
        return [*choices, (lit("nobody (unassigned)", "italic"), "")]

    def _title(self):
        """'Edit enquiry #id'."""
        return line((f"Edit enquiry #{self.row.id}", "bold"))

    def on_mount(self) -> None:
        """Focus the subject."""
        self.query_one("#subject", Input).focus()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        """Preview the deadline as typed (in a worker); clear a refusal once its field is edited."""
        key = event.input.id or ""
        if key == "deadline" and event.value != self.loaded()["deadline"]:
            self.preview_time("deadline", event.value, lambda b, text: b.preview_deadline(text), warn_if_passed=True)
        elif key in BOXES:
            self.field_message(key, "")

    def _boxes(self) -> tuple[str, ...]:
        """The fields typed in a box (the officer is picked when the desk has a list)."""
        return tuple(key for key in BOXES if key != "officer" or not self.officers)

    def _picks(self) -> tuple[str, ...]:
        """The fields picked from a list."""
        return (*PICKS, "officer") if self.officers else PICKS

    def current(self) -> dict[str, str]:
        """The form's values now."""
        values = {key: self.query_one(f"#{key}", Input).value for key in self._boxes()}
        for key in self._picks():
            picked = self.query_one(f"#{key}", Select).value
            values[key] = picked if isinstance(picked, str) else ""
        return values

    def changed(self) -> dict[str, str]:
        """The fields that differ from what was loaded (an untouched deadline is not read again)."""
        before, now = self.loaded(), self.current()
        return {key: value for key, value in now.items() if value.strip() != before[key].strip()}

    def save_call(self):
        """Send the changed fields with the version loaded."""
        values = self.changed()
        if not values:
            self.app.notify("Nothing changed.")
            return None
        enquiry_id, version = self.row.id, self.row.version

        def save(backend) -> dict:
            backend.update_enquiry(enquiry_id, version, **values)
            return values

        return save

    def saved(self, result: dict) -> None:
        """Say so, tell every screen, close."""
        self.app.notify(f"#{self.row.id} saved.")
        self.app.post_message(DeskChanged(self.row.id))
        self.dismiss(result)

    def reload(self) -> None:
        """Read the enquiry again after someone else saved it."""
        enquiry_id = self.row.id
        run_db(
            self,
            lambda b: b.enquiry(enquiry_id),
            done=self._refill,
            error=lambda exc: self.show_error(exc.message),
            group="edit-reload",
        )

    def _refill(self, row) -> None:
        """Put the saved values back in the form, with their version."""
        if row is None:
            self.show_error("This enquiry no longer exists.")
            return
        self.row = row
        values = self.loaded()
        for key in self._boxes():
            self.query_one(f"#{key}", Input).value = values[key]
        for key in self._picks():
            self.query_one(f"#{key}", Select).value = values[key]
        for key in (*BOXES, *PICKS):
            self.field_message(key, "")
        self.show_error("")
        self.app.notify(f"Reloaded #{row.id}; make your change again.")
