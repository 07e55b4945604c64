"""Edit a journalist: fields checked as you type, saved in a worker with the version check."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select, Static, TextArea

from pressdesk.models.enums import Channel
from pressdesk.tui.safe import line, lit
from pressdesk.tui.screens.record_form import FormScreen, Unsaved
from pressdesk.tui.widgets.wrapping_text import WrappingTextArea
from pressdesk.tui.work import run_db
from pressdesk.validation import parse_email, parse_phone

if TYPE_CHECKING:
    from pressdesk.core import Backend
    from pressdesk.models.views import PersonRow

TEXT_FIELDS = ("name", "outlet", "role", "beat")
"""One-line text boxes; every box's key (widget id je-<key>) is the name of its input in JournalistUpdate."""


def split_emails(text: str) -> list[str]:
    """Email addresses typed in one box, separated by commas, semicolons or new lines."""
    return [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]


def split_phones(text: str) -> list[str]:
    """Phone numbers typed in one box, separated by semicolons or new lines (commas may be inside a number)."""
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]


def email_problem(text: str) -> str:
    """What is wrong with the emails typed, naming the bad one; empty when all are fine."""
    for address in split_emails(text):
        result = parse_email(address)
        if not result.valid:
            return f"Email “{address}”: {result.error or 'this is not an email address.'}"
    return ""


def phone_problem(text: str, region: str) -> str:
    """What is wrong with the phone numbers typed, naming the bad one; empty when all are fine."""
    for number in split_phones(text):
        result = parse_phone(number, region)
        if not result.valid:
            return f"Phone “{number}”: {result.error or 'this is not a phone number.'}"
    return ""


def phone_for_form(stored: str, region: str) -> str:
    """A stored number (E.164 with any extension) in the international form people read."""
    result = parse_phone(stored, region)
    if not result.valid or not result.international:
        return stored
    return result.international + (f" ext. {result.extension}" if result.extension else "")


def load_journalist(backend: Backend, journalist_id: int) -> PersonRow | None:
    """The journalist as a PersonRow, read afresh (for reloading after a conflict)."""
    return backend.journalist(journalist_id)


class ListInput(Input):
    """An Input that keeps every line of a multi-line paste, joining them with a separator."""

    def __init__(self, *args, joiner: str = "; ", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.joiner = joiner

    def _on_paste(self, event: events.Paste) -> None:
        """Paste all lines, not only the first."""
        event.prevent_default()
        event.stop()
        text = self.joiner.join(part.strip() for part in event.text.splitlines() if part.strip())
        if not text:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)


class JournalistEditScreen(FormScreen[dict | None]):
    """A form over one journalist as loaded; saving refuses a stale version and names who changed it."""

    PREFIX = "je"
    ERROR_ID = "je-error"
    SAVE_GROUP = "journalist-save"

    def __init__(self, person) -> None:
        super().__init__()
        self.person = person
        self.version = person.version

    # --- layout ---------------------------------------------------------------------------

    def _initial(self) -> dict[str, str]:
        """The form's values as loaded."""
        p, d = self.person, self.person.detail
        channel = d.get("preferred_channel") or "phone"
        return {
            "name": p.name,
            "outlet": p.outlet,
            "role": p.role,
            "beat": d.get("beat", "") or "",
            "preferred_channel": channel if channel in {c.value for c in Channel} else Channel.PHONE.value,
            "emails": ", ".join(p.emails),
            "phones": "; ".join(phone_for_form(n, self.app.settings.region) for n in p.phones),
            "notes": d.get("notes", "") or "",
        }

    def compose(self) -> ComposeResult:
        """Two columns of fields, the notes, and the hints."""
        values = self._initial()
        with Vertical(classes="dialog journalist-edit"):
            yield Static(line(("Edit journalist  ", "bold"), (self.person.name, "bold")), id="je-title")
            with Horizontal(classes="je-columns"):
                with Vertical(classes="je-column"):
                    for key, label in (("name", "Name"), ("outlet", "Outlet"), ("role", "Role"), ("beat", "Beat")):
                        yield Label(label)
                        yield Input(value=values[key], id=f"je-{key}")
                        yield Static("", id=f"je-{key}-msg", classes="field-msg")
                with Vertical(classes="je-column"):
                    yield Label("Preferred channel")
                    yield Select(
                        [(c.value.replace("_", " "), c.value) for c in Channel],
                        value=values["preferred_channel"],
                        allow_blank=False,
                        id="je-preferred_channel",
                    )
                    yield Static("", id="je-preferred_channel-msg", classes="field-msg")
                    yield Label("Emails (separate with commas)")
                    yield ListInput(value=values["emails"], id="je-emails", joiner=", ")
                    yield Static("", id="je-emails-msg", classes="field-msg")
                    yield Label("Phones (separate with ; )")
                    yield ListInput(value=values["phones"], id="je-phones", joiner="; ")
                    yield Static("", id="je-phones-msg", classes="field-msg")
            yield Label("Notes")
            yield WrappingTextArea(values["notes"], id="je-notes", soft_wrap=True)
            yield Static("", id="je-notes-msg", classes="field-msg")
            yield Static("", id="je-error", classes="error")
            yield Static(lit("Ctrl+S saves · Escape cancels", "dim"))

    def on_mount(self) -> None:
        """Focus the name and check what was loaded."""
        self.query_one("#je-name", Input).focus()
        self.check_all()

    # --- checking as you type -------------------------------------------------------------

    def problem(self, key: str) -> str:
        """What is wrong with one field as typed now."""
        if key == "name":
            return "" if self.query_one("#je-name", Input).value.strip() else "Name: enter a name."
        if key == "emails":
            return email_problem(self.query_one("#je-emails", Input).value)
        if key == "phones":
            return phone_problem(self.query_one("#je-phones", Input).value, self.app.settings.region)
        return ""

    def check_all(self) -> None:
        """Re-check every field that can be checked here."""
        for key in ("name", "emails", "phones"):
            self.field_message(key, self.problem(key))

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        """Check the field being typed in."""
        key = (event.input.id or "").removeprefix("je-")
        if key in ("name", "emails", "phones"):
            self.field_message(key, self.problem(key))
        elif key in TEXT_FIELDS:
            self.field_message(key, "")

    # --- saving ---------------------------------------------------------------------------

    def current(self) -> dict[str, str]:
        """The form's values now."""
        out = {key: self.query_one(f"#je-{key}", Input).value for key in (*TEXT_FIELDS, "emails", "phones")}
        channel = self.query_one("#je-preferred_channel", Select).value
        out["preferred_channel"] = channel if isinstance(channel, str) else ""
        out["notes"] = self.query_one("#je-notes", TextArea).text
        return out

    def changed_fields(self) -> dict:
        """The fields that differ from what was loaded, named as JournalistUpdate names them."""
        initial, now = self._initial(), self.current()
        fields: dict = {}
        for key in TEXT_FIELDS:
            if now[key].strip() != initial[key].strip():
                fields[key] = now[key]
        if now["preferred_channel"] != initial["preferred_channel"]:
            fields["preferred_channel"] = now["preferred_channel"]
        if now["notes"].strip() != initial["notes"].strip():
            fields["notes"] = now["notes"]
        if split_emails(now["emails"]) != split_emails(initial["emails"]):
            fields["emails"] = split_emails(now["emails"])
        if split_phones(now["phones"]) != split_phones(initial["phones"]):
            fields["phones"] = split_phones(now["phones"])
        return fields

    def save_call(self):
        """The changed fields, sent with the version loaded; wrong ones are refused here first."""
        fields = self.changed_fields()
        bad = [key for key in ("name", "emails", "phones") if key in fields and self.problem(key)]
        self.check_all()
        if bad:
            raise Unsaved(bad[0], "Not saved: fix what is marked in red.")
        if not fields:
            self.app.notify("Nothing changed.")
            return None
        person_id, version = self.person.id, self.version

        def save(backend) -> dict:
            from pressdesk.models.inputs import JournalistUpdate  # pydantic loads in the worker, not the event loop

            backend.update_journalist(person_id, version, JournalistUpdate(**fields))
            return fields

        return save

    def reload(self) -> None:
        """Read the journalist again and refill the form with what is saved now."""
        person_id = self.person.id
        run_db(self, lambda b: load_journalist(b, person_id), done=self._refill, group="journalist-reload")

    def _refill(self, person) -> None:
        """Put the saved values back in the form, with their version."""
        if person is None:
            self.show_error("This journalist no longer exists.")
            return
        self.person, self.version = person, person.version
        values = self._initial()
        for key in (*TEXT_FIELDS, "emails", "phones"):
            self.query_one(f"#je-{key}", Input).value = values[key]
        self.query_one("#je-preferred_channel", Select).value = values["preferred_channel"]
        self.query_one("#je-notes", TextArea).text = values["notes"]
        self.query_one("#je-title", Static).update(line(("Edit journalist  ", "bold"), (person.name, "bold")))
        self.check_all()
        self.show_error("")
        self.app.notify(f"Reloaded {person.name}; make your change again.", markup=False)
