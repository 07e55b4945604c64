"""Add a journalist or an expert by hand: the edit forms, empty, saved as someone new."""

from __future__ import annotations

from textual.widgets import Input, Static

from pressdesk.core.views import PersonRow
from pressdesk.tui.safe import lit
from pressdesk.tui.screens.expert_edit import ExpertEditScreen
from pressdesk.tui.screens.person_edit import JournalistEditScreen, split_emails, split_phones
from pressdesk.tui.screens.record_form import Unsaved


def blank(kind: str) -> PersonRow:
    """Nobody yet: the empty row a new person's form starts from."""
    return PersonRow(0, kind, "", "", "", (), (), 0, {})


class NewJournalistScreen(JournalistEditScreen):
    """The journalist form, empty; ctrl+s adds them (every detail checked) and closes with their values."""

    def __init__(self) -> None:
        super().__init__(blank("journalist"))

    def on_mount(self) -> None:
        """Title the form and focus the name."""
        self.query_one("#je-title", Static).update(lit("New journalist", "bold"))
        self.query_one("#je-name", Input).focus()

    def save_call(self):
        """Every field as typed; a missing name or a wrong email or number is refused here first."""
        now = self.current()
        self.check_all()
        bad = [key for key in ("name", "emails", "phones") if self.problem(key)]
        if bad:
            raise Unsaved(bad[0], "Not saved: fix what is marked in red.")
        fields = {
            "name": now["name"],
            "outlet": now["outlet"],
            "role": now["role"],
            "beat": now["beat"],
            "preferred_channel": now["preferred_channel"] or "phone",
            "notes": now["notes"],
            "emails": split_emails(now["emails"]),
            "phones": split_phones(now["phones"]),
        }

        def save(backend) -> dict:
            from pressdesk.models.inputs import JournalistCreate  # pydantic loads in the worker, not the event loop

            return fields | {"id": backend.create_person(JournalistCreate(**fields))}

        return save

    def reload(self) -> None:
        """Nothing to reload: the person is not saved yet."""


class NewExpertScreen(ExpertEditScreen):
    """The expert form, empty; ctrl+s adds them and closes with their values."""

    def __init__(self) -> None:
        super().__init__(blank("expert"))

    def _heading(self):
        """The form's title line."""
        return lit("New expert", "bold")

    def on_mount(self) -> None:
        """Focus the name; blocked dates may be typed at once (there are none stored to read)."""
        self.loaded = {**(self.loaded or {}), "blocked_dates": "", "languages": ""}
        self._enable_blocked("")
        self.query_one("#ee-languages", Input).value = "en"
        self.query_one("#ee-name", Input).focus()

    def save_call(self):
        """Every field given, checked here first, then added in one change."""
        if not self.current()["name"].strip():
            self.check_all()
            raise Unsaved("name", "Not saved: give the expert a name.")
        call = super().save_call()
        if call is None:
            return None
        fields = self.changed_fields()

        def save(backend) -> dict:
            from pressdesk.models.inputs import ExpertCreate  # pydantic loads in the worker, not the event loop

            return fields | {"id": backend.create_person(ExpertCreate(**fields))}

        return save

    def reload(self) -> None:
        """Nothing to reload: the expert is not saved yet."""
