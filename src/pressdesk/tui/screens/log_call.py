"""Log a call while still on the phone: number first, caller found at once, ctrl+s to save.

Who the caller is: a known number or email finds them (and fills an empty name); a name typed is only ever
*suggested* to be someone on the desk, in the list under the field, and becomes them only when picked there
(↓ then Enter). Nothing typed is ever replaced by a look-up.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from pressdesk.core.views import CallerLookup
from pressdesk.errors import AmbiguousName, DeskError, FieldError, OnDoNotContactList
from pressdesk.models.enums import Channel, EnquiryType, Priority
from pressdesk.tui.debounce import Debounce
from pressdesk.tui.safe import line
from pressdesk.tui.screens.caller_lookup import NameInput, Suggestions, caller_text, person_line, same_name
from pressdesk.tui.screens.record_form import FormScreen
from pressdesk.tui.widgets.wrapping_text import WrappingTextArea
from pressdesk.tui.work import run_db

KIND_WORDS = {
    "fixed_line": "landline",
    "fixed_line_or_mobile": "landline or mobile",
    "toll_free": "freephone",
    "premium_rate": "premium rate",
    "shared_cost": "shared cost",
    "voip": "internet phone",
    "personal_number": "personal number",
    "uan": "company number",
    "unknown": "",
}
"""What the number is, in the officer's words (phonenumbers' own names where they read well: mobile, pager, ...)."""


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


class LogCallScreen(FormScreen[int | None]):
    """The new-enquiry form, built for typing during the call."""

    SAVE_GROUP = "save"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "pick_statement", "Give statement", id="log.statement", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.chosen: Any = None  # the PersonRow picked in the suggestions: the only way a name becomes someone
        self.found: CallerLookup | None = None
        self.filled: tuple[str, str] = ("", "")  # the (name, outlet) this form filled from a known number
        self.suggested: dict[str, Any] = {}
        self.offered: list = []
        self.statement: tuple[int, str] | None = None
        self.override_for: tuple[str, str] | None = None
        """The (number, email) the officer said to log although on the do-not-contact list; only those, only then."""
        self._lookup_seq = 0
        self.lookup = Debounce(self, self._lookup)
        self.statements_later = Debounce(self, self._match_statements)

    def compose(self) -> ComposeResult:
        """Number, subject and deadline first; the rest below; the caller panel beside; why not saved at the foot."""
        types = [(t.value, t.value) for t in EnquiryType]
        with Vertical(classes="dialog log-call"):
            with Horizontal(id="log-body"):
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
                    yield NameInput(placeholder="name (found from the number when known)", id="journalist")
                    yield Suggestions(id="journalist-suggestions")
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
                    yield Select(
                        [(p.value, p.value) for p in Priority], value="normal", allow_blank=False, id="priority"
                    )
                    yield Label("Notes")
                    yield WrappingTextArea(id="notes", soft_wrap=True)
                with VerticalScroll(id="caller-pane"):
                    yield Static(Text("Caller", style="bold underline"))
                    yield Static(caller_text(None, "", "UTC"), id="caller")
                    yield Static("", id="lines-to-take")
            yield Static("", id="form-msg", classes="error")
            yield Static(Text("ctrl+s saves · escape cancels and keeps nothing", style="dim"), id="log-keys")

    def on_mount(self) -> None:
        """Focus the number; fetch release titles for the picker."""
        self.query_one("#journalist-suggestions", Suggestions).display = False
        self.query_one("#phone", Input).focus()
        run_db(self, lambda b: b.release_choices(), done=self._releases, group="releases")

    def _releases(self, choices: list[tuple[str, int]]) -> None:
        """Offer the releases by title."""
        self.query_one("#release", Select).set_options([(Text(t), i) for t, i in choices])

    def _value(self, field: str) -> str:
        """What is typed in a one-line field."""
        return self.query_one(f"#{field}", Input).value

    def _set(self, field: str, value: str) -> None:
        """Put a value in a field without it counting as typing."""
        box = self.query_one(f"#{field}", Input)
        with box.prevent(Input.Changed):
            box.value = value

    # --- as you type ------------------------------------------------------------------------

    @on(Input.Changed, "#phone")
    def _phone_changed(self, event: Input.Changed) -> None:
        """Check the number and look the caller up once typing pauses."""
        from pressdesk.validation import parse_phone

        text = event.value
        if not text.strip():
            self.field_message("phone", "")
        else:
            result = parse_phone(text, self.app.settings.region)
            if result.valid:
                ext = f" ext. {result.extension}" if result.extension else ""
                kind = ", ".join(filter(None, [result.region, KIND_WORDS.get(result.kind or "", result.kind)]))
                self.field_message("phone", f"✓ {result.international}{ext} ({kind})", "green")
            else:
                self.field_message("phone", result.error or "Not a valid number.")
        self.lookup()

    @on(Input.Changed, "#email")
    def _email_changed(self, event: Input.Changed) -> None:
        """Check the email and look the caller up once typing pauses."""
        from pressdesk.validation import parse_email

        if not event.value.strip():
            self.field_message("email", "")
        else:
            result = parse_email(event.value)
            ok = result.valid
            self.field_message(
                "email", f"✓ {result.normalized}" if ok else (result.error or ""), "green" if ok else "red"
            )
        self.lookup()

    @on(Input.Changed, "#journalist")
    def _name_changed(self, event: Input.Changed) -> None:
        """A name typed is the officer's: a pick it no longer fits is dropped; suggestions follow when typing pauses."""
        self.field_message("journalist", "")
        if self.chosen is not None and not same_name(event.value, self.chosen.name):
            self.chosen = None
        if self.filled[0] and event.value != self.filled[0]:
            # Another name: the outlet this form filled in went with the number's owner, so it goes too.
            if self.filled[1] and self._value("outlet") == self.filled[1]:
                self._set("outlet", "")
            self.filled = ("", "")
        self.lookup()

    @on(Input.Changed, "#outlet")
    def _outlet_changed(self, event: Input.Changed) -> None:
        """An outlet typed is the officer's; it may tell two journalists of one name apart."""
        self.field_message("outlet", "")
        if event.value != self.filled[1]:
            self.filled = (self.filled[0], "")
        self.lookup()

    @on(Input.Changed, "#deadline")
    def _deadline_changed(self, event: Input.Changed) -> None:
        """Say what the deadline means, read in a worker by the same function the save uses; a time gone, as such."""
        self.preview_time("deadline", event.value, lambda b, text: b.preview_deadline(text), warn_if_passed=True)

    @on(Input.Changed, "#subject")
    def _subject_changed(self) -> None:
        """Clear the subject's message once something is typed; offer the statements that fit it when typing pauses."""
        self.field_message("subject", "")
        self.statements_later()

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
        from pressdesk.tui.screens.statement_pick import StatementPickScreen

        if not self.offered:
            self.app.notify("No statement fits this subject (yet): type the subject first.", severity="warning")
            return
        titles = {st.id: f"{st.title} (revision {st.revision})" for st in self.offered}

        def chosen(statement_id: int | None) -> None:
            if statement_id is not None:
                self.statement = (statement_id, titles[statement_id])
                self._statements(self.offered)

        self.app.push_screen(StatementPickScreen(self.offered, title="Which statement was given?"), chosen)

    # --- who is calling -----------------------------------------------------------------------

    def _query(self) -> dict[str, Any]:
        """What a look-up asks the desk: the number, email, name and outlet typed, and the journalist picked."""
        return {
            "phone": self._value("phone"),
            "email": self._value("email"),
            "name": self._value("journalist"),
            "outlet": self._value("outlet"),
            "chosen_id": self.chosen.id if self.chosen is not None else None,
        }

    def _lookup(self) -> None:
        """Ask the desk, in a worker, who has this number or email and whose name fits what is typed."""
        self._lookup_seq += 1
        seq = self._lookup_seq
        query = self._query()
        filled = self.filled

        def look_up(backend) -> tuple[CallerLookup, tuple[dict, CallerLookup] | None]:
            """The look-up; when it names the number's owner, also the look-up with their name filled in."""
            found = backend.lookup_caller(**query)
            fill = self._fill(found, query["name"], query["outlet"], query["chosen_id"] is not None, filled)
            if fill is None:
                return found, None
            then = dict(query, name=fill[0], outlet=fill[1] or query["outlet"])
            return found, (then, backend.lookup_caller(**then))

        run_db(self, look_up, done=lambda result: self._found(seq, *result), group="lookup")

    @staticmethod
    def _fill(
        found: CallerLookup, name: str, outlet: str, picked: bool, filled: tuple[str, str]
    ) -> tuple[str, str] | None:
        """The (name, outlet) to fill in from a known number's owner, or None: the name must be empty or this form's."""
        owner = found.owner.journalist if found.owner is not None else None
        mine = not name.strip() or name == filled[0]  # empty, or what this form filled in
        if owner is None or picked or not mine or name == owner.name:
            return None
        return owner.name, owner.outlet if (not outlet.strip() or outlet == filled[1]) else ""

    def _found(self, seq: int, found: CallerLookup, then: tuple[dict, CallerLookup] | None = None) -> None:
        """Show who the call would be logged for; fill the name only when it is empty and the number is known
        (`then`: the look-up with that name filled in, made in the same worker: shown at once if it still fits)."""
        if seq != self._lookup_seq:
            return
        self.found = found
        name, outlet = self._value("journalist"), self._value("outlet")
        fill = self._fill(found, name, outlet, self.chosen is not None, self.filled)
        if fill is not None:
            fill_name, fill_outlet = fill
            self._set("journalist", fill_name)
            if fill_outlet:
                self._set("outlet", fill_outlet)
            for box in self.query("#journalist, #outlet").results(Input):
                if box.has_focus and box.value:
                    box.select_all()  # filled while the officer is in it: what they type next replaces it
            self.filled = (fill_name, fill_outlet)
            if then is not None and then[0] == self._query():
                self._lookup_seq += 1  # as lookup.now() would: any look-up still under way is out of date
                self._found(self._lookup_seq, then[1])  # what saving would do, with the name now shown
            else:
                self.lookup.now()  # what saving would do, with the name now shown
            return
        owner = found.owner.journalist if found.owner is not None else None
        if owner is None and self.filled[0] and name == self.filled[0]:
            # The number changed: take back only what this form filled in, never what was typed.
            self._set("journalist", "")
            if self.filled[1] and outlet == self.filled[1]:
                self._set("outlet", "")
            self.filled = ("", "")
            self.lookup.now()
            return
        self._suggest(found, name)
        self.query_one("#caller", Static).update(
            caller_text(found, name, self.app.settings.timezone, self.app.settings.region)
        )

    def _suggest(self, found: CallerLookup, name: str) -> None:
        """List the people the officer may pick: the number's owner first when the name is someone else's."""
        people: list = []
        if found.owner is not None and (
            found.will_be is None or found.will_be.journalist.id != found.owner.journalist.id
        ):
            people.append((found.owner.journalist, f"has this {found.owner.matched_by}"))
        if self.chosen is None and name.strip():
            people += [(p, "") for p in (*found.same_name, *found.names)]
        self.suggested = {}
        options = []
        for person, note in people:
            key = str(person.id)
            if key in self.suggested:
                continue
            self.suggested[key] = person
            label = person_line(person)
            if note:
                label.append_text(line(("  ", ""), (note, "yellow")))
            options.append(Option(label, id=key))
        box = self.query_one("#journalist-suggestions", Suggestions)
        box.set_options(options)
        box.display = bool(options)

    def action_to_suggestions(self) -> None:
        """Move into the suggestions under the name, on the first one."""
        box = self.query_one("#journalist-suggestions", Suggestions)
        if box.display and box.option_count:
            box.focus()
            box.highlighted = 0
        else:
            self.focus_next()

    @on(OptionList.OptionSelected, "#journalist-suggestions")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        """The officer picked this journalist: the call is theirs; their outlet fills an empty outlet."""
        person = self.suggested.get(event.option.id or "")
        if person is None:
            return
        self.chosen = person
        self._set("journalist", person.name)
        if not self._value("outlet").strip() and person.outlet:
            self._set("outlet", person.outlet)
        self.filled = ("", "")
        self.field_message(
            "journalist", f"✓ picked: {person.name}" + (f" ({person.outlet})" if person.outlet else ""), "green"
        )
        self.query_one("#journalist-suggestions", Suggestions).display = False
        self.query_one("#outlet", Input).focus()
        self.lookup.now()

    # --- saving -----------------------------------------------------------------------------

    def save_call(self):
        """The enquiry as typed; the journalist's id goes only with a pick the name still matches."""
        release = self.query_one("#release", Select).value
        chosen = (
            self.chosen if self.chosen is not None and same_name(self._value("journalist"), self.chosen.name) else None
        )
        form = {
            "phone": self._value("phone"),
            "email": self._value("email"),
            "journalist": self._value("journalist"),
            "journalist_id": chosen.id if chosen is not None else None,
            "outlet": self._value("outlet"),
            "subject": self._value("subject"),
            "deadline": self._value("deadline"),
            "type": self.query_one("#type", Select).value,
            "channel": self.query_one("#channel", Select).value,
            "priority": self.query_one("#priority", Select).value,
            "release_id": release if isinstance(release, int) else None,
            "notes": self.query_one("#notes", TextArea).text,
        }
        form["override_dnc"] = self.override_for == (form["phone"], form["email"])
        statement_id = self.statement[0] if self.statement is not None else None
        if statement_id is None:
            return lambda b: b.log_call(**form)
        return lambda b: b.log_call_giving(statement_id, **form)

    def saved(self, result: int | tuple[int, str]) -> None:
        """Close with the new enquiry's id (saying so if the picked statement could not be recorded)."""
        enquiry_id, problem = result if isinstance(result, tuple) else (result, "")
        if problem:
            self.app.notify(f"Logged, but the statement was not recorded: {problem}", severity="warning", timeout=10)
        if self.override_for == (self._value("phone"), self._value("email")):
            self.app.notify("Logged despite the do-not-contact list: flagged on its history.", severity="warning")
        self.dismiss(enquiry_id)

    def refused(self, exc: DeskError) -> None:
        """As every form; a shared name points at the suggestions to pick from."""
        if isinstance(exc, AmbiguousName):
            exc = FieldError(
                "journalist",
                f"{len(exc.people)} journalists have this name: pick one under Journalist (↓ then Enter) "
                "or type their outlet.",
            )
            self.lookup.now()
        super().refused(exc)
        if isinstance(exc, OnDoNotContactList):
            self._ask_override(exc)

    def _ask_override(self, exc: OnDoNotContactList) -> None:
        """Ask, naming the listed values, whether to log the call anyway; only a deliberate y does (flagged)."""
        from pressdesk.tui.screens.actions import ConfirmScreen

        typed = (self._value("phone"), self._value("email"))
        listed = " and ".join(exc.values)
        about = (
            f"{listed} asked not to be contacted (on the desk's do-not-contact list). Logged anyway, it is kept "
            f"flagged, and the override goes on the enquiry's history under your name."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.override_for = typed
                self.action_save()

        self.app.push_screen(ConfirmScreen("Log this call anyway?", about, "logs it anyway, flagged"), answered)
