"""Log a call while still on the phone: number first, caller found at once, ctrl+s to save."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static, TextArea

from pressdesk.models.enums import Channel, EnquiryType, Priority
from pressdesk.services.errors import DeskError, FieldError
from pressdesk.tui.backend import CallerCard
from pressdesk.tui.safe import line, lit
from pressdesk.tui.widgets.countdown import countdown_cell
from pressdesk.tui.widgets.enquiry_detail import local
from pressdesk.tui.work import run_db

FIELD_IDS = {
    "phone": "phone",
    "email": "email",
    "journalist": "journalist",
    "name": "journalist",
    "outlet": "outlet",
    "subject": "subject",
    "deadline": "deadline",
    "type": "type",
    "priority": "priority",
    "channel": "channel",
    "release": "release",
    "note": "notes",
}


def statements_text(found, chosen_id: int | None, chosen_title: str = "") -> Text:
    """The 'Lines to take' panel: up to three statements fitting the subject, and the one picked to give."""
    if not found and chosen_id is None:
        return Text()
    out = Text("Lines to take\n", style="bold underline")
    for st in found[:3]:
        mark = ("✓ ", "bold green") if st.id == chosen_id else ("• ", "dim")
        out.append_text(line(mark, (st.title, "bold"), (f"  rev {st.revision}\n", "dim")))
        body = st.body if len(st.body) <= 240 else st.body[:239] + "…"
        out.append_text(line("  ", body, "\n"))
    if chosen_id is not None:
        out.append_text(line(("Will record as given: ", "green"), (chosen_title, "bold green"), "\n"))
    else:
        out.append("ctrl+g picks one to record as given\n", style="dim")
    return out


def caller_text(card: CallerCard | list | None, tz: str) -> Text:
    """The caller panel: who this is and what they asked before, or candidates, or 'new caller'."""
    if card is None:
        return Text("New caller: type their name and outlet below.", style="dim")
    if isinstance(card, list):
        out = Text("Several journalists match:\n", style="bold")
        for p in card:
            out.append_text(line("  ", p.name, (f"  {p.outlet}" if p.outlet else "", "dim"), "\n"))
        out.append("Type more of the name, or their number.", style="dim")
        return out
    j = card.journalist
    out = line(("Known caller ", "green"), (f"(by {card.matched_by})\n", "dim"), (j.name, "bold"))
    if j.outlet:
        out.append_text(line("  ·  ", j.outlet))
    if j.role:
        out.append_text(line(("  ·  ", "dim"), (j.role, "dim")))
    out.append("\n")
    for p in j.phones:
        out.append_text(line(("☎ ", "dim"), p, "  "))
    for e in j.emails:
        out.append_text(line(("✉ ", "dim"), e, "  "))
    out.append("\n\n")
    out.append("Past enquiries\n" if card.recent else "No past enquiries.\n", style="bold")
    for r in card.recent:
        out.append_text(line((local(r.received_at, tz, "%d %b") + "  ", "dim"), r.subject, (f"  {r.status}\n", "dim")))
    return out


class LogCallScreen(ModalScreen[int | None]):
    """The new-enquiry form, built for typing during the call."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="log.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="log.cancel"),
        Binding("ctrl+g", "pick_statement", "Give statement", id="log.statement", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.caller_id: int | None = None
        self.saving = False
        self.offered: list = []
        self.statement: tuple[int, str] | None = None

    def compose(self) -> ComposeResult:
        """Number, subject and deadline first; the rest below; the caller panel beside."""
        types = [(t.value, t.value) for t in EnquiryType]
        with Horizontal(classes="dialog log-call"):
            with VerticalScroll(id="log-form"):
                yield Static(Text("Log a call", style="bold"))
                yield Label("Caller's number")
                yield Input(placeholder="any format: 01582 790706, +44 (0)1582 790 706…", id="phone")
                yield Static("", id="phone-msg", classes="hint")
                yield Label("Subject")
                yield Input(placeholder="what they want, in a few words", id="subject")
                yield Static("", id="subject-msg", classes="hint")
                yield Label("Deadline")
                yield Input(placeholder="16:00, tomorrow 9am, +2h", id="deadline")
                yield Static("", id="deadline-msg", classes="hint")
                yield Label("Type")
                yield Select(types, value="comment", allow_blank=False, id="type")
                yield Label("Journalist")
                yield Input(placeholder="name (found from the number when known)", id="journalist")
                yield Static("", id="journalist-msg", classes="hint")
                yield Label("Outlet")
                yield Input(id="outlet")
                yield Static("", id="outlet-msg", classes="hint")
                yield Label("Email")
                yield Input(id="email")
                yield Static("", id="email-msg", classes="hint")
                yield Label("Release")
                yield Select([], prompt="(none)", id="release")
                yield Static("", id="release-msg", classes="hint")
                yield Label("Channel")
                yield Select([(c.value, c.value) for c in Channel], value="phone", allow_blank=False, id="channel")
                yield Label("Priority")
                yield Select([(p.value, p.value) for p in Priority], value="normal", allow_blank=False, id="priority")
                yield Label("Notes")
                yield TextArea(id="notes", soft_wrap=True)
                yield Static("", id="form-msg", classes="error")
            with Vertical(id="caller-pane"):
                yield Static(Text("Caller", style="bold underline"))
                yield Static(Text("Type the caller's number, email or name.", style="dim"), id="caller")
                yield Static("", id="lines-to-take")
                yield Static(Text("ctrl+s saves · escape cancels and keeps nothing", style="dim"), id="log-keys")

    def on_mount(self) -> None:
        """Focus the number; fetch release titles for the picker."""
        self.query_one("#phone", Input).focus()
        run_db(self, lambda b: b.release_choices(), done=self._releases, group="releases")

    def _releases(self, choices: list[tuple[str, int]]) -> None:
        """Offer the releases by title."""
        self.query_one("#release", Select).set_options([(Text(t), i) for t, i in choices])

    def _say(self, field: str, message: str, style: str = "red") -> None:
        """Show a message under a field."""
        self.query_one(f"#{field}-msg", Static).update(lit(message, style))

    # --- as you type ------------------------------------------------------------------------

    @on(Input.Changed, "#phone")
    def _phone_changed(self, event: Input.Changed) -> None:
        """Validate the number and look the caller up."""
        from pressdesk.validation import parse_phone

        text = event.value
        if not text.strip():
            self._say("phone", "")
        else:
            result = parse_phone(text, self.app.settings.region)
            if result.valid:
                ext = f" ext. {result.extension}" if result.extension else ""
                self._say("phone", f"✓ {result.international}{ext} ({result.region}, {result.kind})", "green")
            else:
                self._say("phone", result.error or "Not a valid number.")
        self._lookup()

    @on(Input.Changed, "#email")
    def _email_changed(self, event: Input.Changed) -> None:
        """Validate the email and look the caller up."""
        from pressdesk.validation import parse_email

        if not event.value.strip():
            self._say("email", "")
        else:
            result = parse_email(event.value)
            self._say(
                "email",
                f"✓ {result.normalized}" if result.valid else (result.error or ""),
                "green" if result.valid else "red",
            )
        self._lookup()

    @on(Input.Changed, "#journalist")
    def _name_changed(self, event: Input.Changed) -> None:
        """Look the caller up by part of their name (unless found by number already)."""
        self._say("journalist", "")
        if self.caller_id is None or not self.query_one("#phone", Input).value.strip():
            self._lookup()

    @on(Input.Changed, "#deadline")
    def _deadline_changed(self, event: Input.Changed) -> None:
        """Say what the deadline means as it is typed."""
        from datetime import UTC, datetime

        text = event.value
        if not text.strip():
            self._say("deadline", "")
            return
        try:
            due = self.app.backend.preview_deadline(text)
        except DeskError as exc:
            self._say("deadline", exc.message.removeprefix("deadline: "))
            return
        countdown = countdown_cell(due, datetime.now(UTC)).plain
        self._say("deadline", f"→ {local(due, self.app.settings.timezone)} ({countdown})", "green")

    @on(Input.Changed, "#subject")
    def _subject_changed(self) -> None:
        """Clear the subject's message once something is typed; offer the statements that fit it."""
        self._say("subject", "")
        self._match_statements()

    @on(Select.Changed, "#release")
    def _release_changed(self) -> None:
        """A release was picked: its statements may fit now."""
        self._match_statements()

    def _match_statements(self) -> None:
        """Fetch up to three statements fitting the subject and release (the latest keystroke wins)."""
        subject = self.query_one("#subject", Input).value
        release = self.query_one("#release", Select).value
        release_id = release if isinstance(release, int) else None
        if not subject.strip() and release_id is None:
            self._statements([])
            return
        run_db(
            self,
            lambda b: b.matching_statements(subject, release_id, limit=3),
            done=self._statements,
            group="statements",
        )

    def _statements(self, found) -> None:
        """Show the lines to take."""
        self.offered = list(found)
        chosen_id, title = self.statement or (None, "")
        self.query_one("#lines-to-take", Static).update(statements_text(self.offered, chosen_id, title))

    def action_pick_statement(self) -> None:
        """Pick one of the lines to take, to record as given when the enquiry is saved."""
        from pressdesk.tui.screens.interview import StatementPickScreen

        if not self.offered:
            self.app.notify("No statement fits this subject (yet): type the subject first.", severity="warning")
            return
        titles = {st.id: f"{st.title} (revision {st.revision})" for st in self.offered}

        def chosen(statement_id: int | None) -> None:
            if statement_id is not None:
                self.statement = (statement_id, titles[statement_id])
                self._statements(self.offered)

        self.app.push_screen(StatementPickScreen(self.offered, title="Which statement was given?"), chosen)

    def _lookup(self) -> None:
        """Find the caller by number, email or part of a name, in a worker."""
        phone = self.query_one("#phone", Input).value
        email = self.query_one("#email", Input).value
        name = self.query_one("#journalist", Input).value if self.caller_id is None else ""
        run_db(self, lambda b: b.lookup_caller(phone=phone, email=email, name=name), done=self._found, group="lookup")

    def _found(self, card) -> None:
        """Show the caller; fill name and outlet for a known one."""
        tz = self.app.settings.timezone
        self.query_one("#caller", Static).update(caller_text(card, tz))
        if isinstance(card, CallerCard):
            self.caller_id = card.journalist.id
            name = self.query_one("#journalist", Input)
            outlet = self.query_one("#outlet", Input)
            with name.prevent(Input.Changed):
                name.value = card.journalist.name
            if not outlet.value.strip():
                outlet.value = card.journalist.outlet
        else:
            self.caller_id = None

    # --- saving -----------------------------------------------------------------------------

    def action_cancel(self) -> None:
        """Close without keeping anything."""
        self.dismiss(None)

    def action_save(self) -> None:
        """Save in a worker; a refused field gets its message and the focus."""
        if self.saving:
            return
        release = self.query_one("#release", Select).value
        form = {
            "phone": self.query_one("#phone", Input).value,
            "email": self.query_one("#email", Input).value,
            "journalist": self.query_one("#journalist", Input).value,
            "journalist_id": self.caller_id,
            "outlet": self.query_one("#outlet", Input).value,
            "subject": self.query_one("#subject", Input).value,
            "deadline": self.query_one("#deadline", Input).value,
            "type": self.query_one("#type", Select).value,
            "channel": self.query_one("#channel", Select).value,
            "priority": self.query_one("#priority", Select).value,
            "release_id": release if isinstance(release, int) else None,
            "notes": self.query_one("#notes", TextArea).text,
        }
        self.saving = True
        self.query_one("#form-msg", Static).update("")
        statement_id = self.statement[0] if self.statement is not None else None

        def call(b):
            if statement_id is None:
                return b.log_call(**form)
            return b.log_call_giving(statement_id, **form)

        run_db(self, call, done=self._saved, error=self._refused, group="save")

    def _saved(self, result: int | tuple[int, str]) -> None:
        """Close with the new enquiry's id (saying so if the picked statement could not be recorded)."""
        self.saving = False
        enquiry_id, problem = result if isinstance(result, tuple) else (result, "")
        if problem:
            self.app.notify(f"Logged, but the statement was not recorded: {problem}", severity="warning", timeout=10)
        self.dismiss(enquiry_id)

    def _refused(self, exc: DeskError) -> None:
        """Show why, at the field, and focus it; nothing was written."""
        self.saving = False
        if isinstance(exc, FieldError) and exc.field in FIELD_IDS:
            target = FIELD_IDS[exc.field]
            if self.query(f"#{target}-msg"):
                self._say(target, exc.reason)
            self.query_one(f"#{target}").focus()
        self.query_one("#form-msg", Static).update(lit(f"Not saved. {exc.message}", "red"))
