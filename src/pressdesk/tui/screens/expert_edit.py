"""Edit an expert: topics, languages, availability, limit and contact details, checked as you type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Label, Static, TextArea

from pressdesk.errors import FieldError
from pressdesk.models.views import ExpertRecord
from pressdesk.tui.safe import line, lit
from pressdesk.tui.screens.person_edit import (
    ListInput,
    email_problem,
    phone_for_form,
    phone_problem,
    split_emails,
    split_phones,
)
from pressdesk.tui.screens.record_form import FormScreen, Unsaved
from pressdesk.tui.widgets.wrapping_text import WrappingTextArea
from pressdesk.tui.work import run_db
from pressdesk.validation.expert_fields import parse_blocked_dates, parse_working_hours

if TYPE_CHECKING:
    from pressdesk.core import Backend

TEXT_FIELDS = ("name", "honorific", "title", "affiliation", "languages")
"""One-line text boxes of plain text; every box's key (widget id ee-<key>) is the name of its input in ExpertUpdate."""
BOXES = (*TEXT_FIELDS, "working_hours", "blocked_dates", "weekly_limit", "emails", "phones")
"""Every one-line box of the form, by its key (the widget id is ee-<key>)."""
AREAS = ("topics", "conflicts", "notes")
"""The multi-line boxes of the form."""
CHECKED = ("name", "working_hours", "blocked_dates", "weekly_limit", "emails", "phones")
"""Fields the form can check by itself as they are typed."""
LABELS = {
    "name": "Name",
    "honorific": "Honorific",
    "title": "Title",
    "affiliation": "Affiliation",
    "topics": "Topics",
    "languages": "Languages",
    "working_hours": "Working hours",
    "blocked_dates": "Blocked dates",
    "weekly_limit": "Weekly limit",
    "media_trained": "Media trained",
    "emails": "Emails",
    "phones": "Phones",
    "conflicts": "Conflicts",
    "notes": "Notes",
}
HOURS_HINT = "09:00-17:30"
BLOCKED_HINT = "none"
BLOCKED_NOTE = "Days or ranges: 2026-12-24, 2026-12-28..2027-01-02"


def row_values(person, region: str) -> dict:
    """The form's values from an experts-list row (blocked dates are not in the row: None)."""
    d = person.detail
    limit = d.get("weekly_limit")
    return {
        "name": person.name,
        "honorific": d.get("honorific") or "",
        "title": person.role or "",
        "affiliation": person.outlet or "",
        "topics": d.get("topics") or "",
        "languages": d.get("languages") or "",
        "working_hours": d.get("working_hours") or "",
        "blocked_dates": None,
        "weekly_limit": "" if limit is None else str(limit),
        "media_trained": bool(d.get("media_trained")),
        "emails": ", ".join(person.emails),
        "phones": "; ".join(phone_for_form(n, region) for n in person.phones),
        "conflicts": d.get("conflicts") or "",
        "notes": d.get("notes") or "",
    }


def record_values(record: ExpertRecord, region: str) -> dict:
    """The form's values from an expert as stored, blocked dates included."""
    return {
        "name": record.name,
        "honorific": record.honorific,
        "title": record.title,
        "affiliation": record.affiliation,
        "topics": record.topics,
        "languages": record.languages,
        "working_hours": record.working_hours,
        "blocked_dates": record.blocked_dates,
        "weekly_limit": str(record.weekly_limit),
        "media_trained": record.media_trained,
        "emails": ", ".join(record.emails),
        "phones": "; ".join(phone_for_form(n, region) for n in record.phones),
        "conflicts": record.conflicts,
        "notes": record.notes,
    }


def read_expert(backend: Backend, expert_id: int) -> tuple[int, dict] | None:
    """(version, form values) of an expert read afresh, blocked dates included; None when gone."""
    record = backend.expert_record(expert_id)
    return None if record is None else (record.version, record_values(record, backend.settings.region))


def one_line(text: str) -> str:
    """A comma-separated list typed over several lines, on one line (each line break a comma)."""
    return ", ".join(part.strip().strip(",").strip() for part in text.splitlines() if part.strip().strip(","))


def hours_problem(text: str) -> str:
    """What is wrong with the working hours typed; empty when they read (or are blank)."""
    try:
        parse_working_hours(text)
    except FieldError as exc:
        return f"Working hours: {exc.reason}"
    return ""


def blocked_problem(text: str) -> str:
    """What is wrong with the blocked dates typed; empty when they read (or are blank)."""
    try:
        parse_blocked_dates(text)
    except FieldError as exc:
        return f"Blocked dates: {exc.reason}"
    return ""


def limit_problem(text: str) -> str:
    """What is wrong with the weekly limit typed; empty when it is a number from 0 to 50."""
    if not text.strip().isdigit() or not 0 <= int(text) <= 50:
        return "Weekly limit: give a number of interviews a week between 0 and 50."
    return ""


class ExpertEditScreen(FormScreen[dict | None]):
    """A form over one expert as loaded; saving refuses a stale version and names who changed it."""

    PREFIX = "ee"
    ERROR_ID = "ee-error"
    SAVE_GROUP = "expert-save"

    def __init__(self, person) -> None:
        super().__init__()
        self.person = person
        self.version = person.version
        self.loaded: dict | None = None

    # --- layout ---------------------------------------------------------------------------

    def _box(self, key: str, value: str, **kwargs) -> ComposeResult:
        """A label and a one-line box side by side, with the message line under them."""
        with Horizontal(classes="ee-row"):
            yield Label(LABELS[key])
            if key in ("emails", "phones"):
                yield ListInput(value=value, id=f"ee-{key}", compact=True, joiner=", " if key == "emails" else "; ")
            else:
                yield Input(value=value, id=f"ee-{key}", compact=True, **kwargs)
        yield Static("", id=f"ee-{key}-msg", classes="field-msg")

    def _text(self, key: str, value: str, label: str = "") -> ComposeResult:
        """A labelled multi-line box with its message line."""
        with Vertical(classes=f"ee-text ee-{key}-box"):
            yield Label(label or LABELS[key])
            yield WrappingTextArea(value, id=f"ee-{key}", soft_wrap=True, compact=True)
            yield Static("", id=f"ee-{key}-msg", classes="field-msg")

    def _heading(self) -> Text:
        """The form's title line."""
        return line(("Edit expert  ", "bold"), (self.person.name, "bold"))

    def compose(self) -> ComposeResult:
        """Who they are on the left, when and how much on the right, topics, conflicts and notes below."""
        values = row_values(self.person, self.app.settings.region)
        self.loaded = values
        with Vertical(classes="dialog expert-edit"):
            yield Static(self._heading(), id="ee-heading")
            with Horizontal(classes="ee-columns"):
                with Vertical(classes="ee-column"):
                    for key in ("name", "honorific", "title", "affiliation", "emails", "phones"):
                        yield from self._box(key, values[key])
                with Vertical(classes="ee-column"):
                    yield from self._box("languages", values["languages"], placeholder="en, fr")
                    yield from self._box("working_hours", values["working_hours"], placeholder=HOURS_HINT)
                    yield from self._box("blocked_dates", "", placeholder="Loading…", disabled=True)
                    yield from self._box("weekly_limit", values["weekly_limit"], restrict=r"[0-9]*", max_length=2)
                    with Horizontal(classes="ee-row"):
                        yield Label(LABELS["media_trained"])
                        yield Checkbox(
                            "trained for interviews", values["media_trained"], id="ee-media_trained", compact=True
                        )
                    yield Static("", id="ee-media_trained-msg", classes="field-msg")
            yield from self._text("topics", values["topics"], "Topics (separate with commas)")
            with Horizontal(classes="ee-texts"):
                yield from self._text("conflicts", values["conflicts"])
                yield from self._text("notes", values["notes"])
            yield Static("", id="ee-error", classes="error")
            yield Static(lit("Ctrl+S saves · Escape cancels · Tab moves between fields", "dim"))

    def on_mount(self) -> None:
        """Focus the name, check what was loaded, and read the blocked dates."""
        self.query_one("#ee-name", Input).focus()
        self.check_all()
        expert_id = self.person.id
        run_db(self, lambda b: read_expert(b, expert_id), done=self._fresh, group="expert-load")

    def _fresh(self, found: tuple[int, dict] | None) -> None:
        """The expert as saved now: refill the form if nothing was typed yet, else just add the blocked dates."""
        if found is None:
            self.show_error("This expert no longer exists.")
            return
        version, values = found
        if not self.changed_fields():
            self._fill(version, values)
            return
        self.loaded = {**(self.loaded or {}), "blocked_dates": values["blocked_dates"]}
        self._enable_blocked(values["blocked_dates"])

    def _enable_blocked(self, value: str) -> None:
        """Put the stored blocked dates in their box and let them be edited."""
        box = self.query_one("#ee-blocked_dates", Input)
        box.value = value
        box.placeholder = BLOCKED_HINT
        box.disabled = False

    def _fill(self, version: int, values: dict) -> None:
        """Put saved values in every field, with their version."""
        self.version, self.loaded = version, values
        for key in BOXES:
            if key != "blocked_dates":
                self.query_one(f"#ee-{key}", Input).value = values[key]
        self._enable_blocked(values["blocked_dates"])
        self.query_one("#ee-media_trained", Checkbox).value = values["media_trained"]
        for key in AREAS:
            self.query_one(f"#ee-{key}", TextArea).text = values[key]
        self.check_all()

    # --- checking as you type -------------------------------------------------------------

    def field_message(self, key: str, message: str, style: str = "", *, note: bool = False) -> None:
        """Show (or clear) the message under a field; a note is advice, not a problem."""
        msg = self.query_one(f"#ee-{key}-msg", Static)
        msg.update(lit(message, style))
        msg.set_class(bool(message), "shown")
        msg.set_class(note, "note")

    def problem(self, key: str) -> str:
        """What is wrong with one field as typed now."""
        value = self.query_one(f"#ee-{key}", Input).value
        if key == "name":
            return "" if value.strip() else "Name: enter a name."
        if key == "working_hours":
            return hours_problem(value)
        if key == "blocked_dates":
            return blocked_problem(value)
        if key == "weekly_limit":
            return limit_problem(value)
        if key == "emails":
            return email_problem(value)
        if key == "phones":
            return phone_problem(value, self.app.settings.region)
        return ""

    def check(self, key: str) -> None:
        """Re-check one field and say what is wrong (or worth knowing) under it."""
        message = self.problem(key)
        if not message and key == "weekly_limit" and self.query_one("#ee-weekly_limit", Input).value.strip() == "0":
            self.field_message(key, "0: routing will not offer this expert any interviews.", note=True)
            return
        if not message and key == "blocked_dates":
            self.field_message(key, BLOCKED_NOTE, note=True)
            return
        self.field_message(key, message)

    def check_all(self) -> None:
        """Re-check every field that can be checked here."""
        for key in CHECKED:
            self.check(key)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        """Check the field being typed in."""
        key = (event.input.id or "").removeprefix("ee-")
        if key in CHECKED:
            self.check(key)
        elif key in BOXES:
            self.field_message(key, "")

    @on(TextArea.Changed)
    def _typed_text(self, event: TextArea.Changed) -> None:
        """Clear a refusal under conflicts or notes once they are edited."""
        key = (event.text_area.id or "").removeprefix("ee-")
        if key in AREAS:
            self.field_message(key, "")

    # --- saving ---------------------------------------------------------------------------

    def current(self) -> dict:
        """The form's values now."""
        out: dict = {key: self.query_one(f"#ee-{key}", Input).value for key in BOXES}
        out["media_trained"] = self.query_one("#ee-media_trained", Checkbox).value
        for key in AREAS:
            out[key] = self.query_one(f"#ee-{key}", TextArea).text
        out["topics"] = one_line(out["topics"])
        return out

    def changed_fields(self) -> dict:
        """The fields that differ from what was loaded, named as ExpertUpdate names them."""
        initial, now = self.loaded or {}, self.current()
        fields: dict = {}
        for key in (*TEXT_FIELDS, *AREAS, "working_hours", "weekly_limit"):
            if now[key].strip() != (initial.get(key) or "").strip():
                fields[key] = now[key]
        if (
            initial.get("blocked_dates") is not None
            and now["blocked_dates"].strip() != initial["blocked_dates"].strip()
        ):
            fields["blocked_dates"] = now["blocked_dates"]
        if now["media_trained"] != initial.get("media_trained"):
            fields["media_trained"] = now["media_trained"]
        if split_emails(now["emails"]) != split_emails(initial.get("emails") or ""):
            fields["emails"] = split_emails(now["emails"])
        if split_phones(now["phones"]) != split_phones(initial.get("phones") or ""):
            fields["phones"] = split_phones(now["phones"])
        return fields

    def save_call(self):
        """The changed fields, sent with the version loaded; wrong ones are refused here first."""
        fields = self.changed_fields()
        self.check_all()
        bad = [key for key in CHECKED if key in fields and self.problem(key)]
        if bad:
            raise Unsaved(bad[0], "Not saved: fix what is marked in red.")
        if not fields:
            self.app.notify("Nothing changed.")
            return None
        expert_id, version = self.person.id, self.version

        def save(backend) -> dict:
            from pressdesk.models.inputs import ExpertUpdate  # pydantic loads in the worker, not the event loop

            backend.update_expert(expert_id, version, ExpertUpdate(**fields))
            return fields

        return save

    def field_label(self, key: str, field: str) -> str:
        """The form's own label for the field."""
        return LABELS[key]

    def reload(self) -> None:
        """Read the expert again and refill the form with what is saved now."""
        expert_id = self.person.id
        run_db(self, lambda b: read_expert(b, expert_id), done=self._reloaded, group="expert-load")

    def _reloaded(self, found: tuple[int, dict] | None) -> None:
        """Refill every field from the saved expert and say so."""
        if found is None:
            self.show_error("This expert no longer exists.")
            return
        version, values = found
        self._fill(version, values)
        self.query_one("#ee-heading", Static).update(line(("Edit expert  ", "bold"), (values["name"], "bold")))
        self.show_error("")
        self.app.notify(f"Reloaded {values['name']}; make your change again.", markup=False)
