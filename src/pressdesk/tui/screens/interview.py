"""An enquiry's interview requests: accept, decline, schedule, done; its coverage and the statement given."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar
from zoneinfo import ZoneInfo

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from pressdesk.errors import ConflictError, DeskError, FieldError
from pressdesk.models.enums import InterviewFormat
from pressdesk.models.enums import InterviewStatus as R
from pressdesk.models.lifecycle import INTERVIEW
from pressdesk.tui.messages import DeskChanged
from pressdesk.tui.safe import line, lit
from pressdesk.tui.screens.prompt import Answer, PromptScreen
from pressdesk.tui.screens.record_form import FormScreen
from pressdesk.tui.widgets.enquiry_detail import local
from pressdesk.tui.work import run_db
from pressdesk.words import counted

SLOT_FORMAT = "%a %d %b %Y %H:%M"
"""How a previewed interview time is shown."""
DEFAULT_ICS = "~/pressdesk-interviews.ics"
"""Where the interviews are exported unless the user says otherwise."""

COLUMNS = (
    ("#", "id", 4),
    ("Expert", "expert", 26),
    ("Status", "status", 9),
    ("When", "when", 16),
    ("Format", "format", 6),
    ("Place or link", "place", 30),
)


def render_coverage(coverage, statement: str) -> Text:
    """The statement given and the coverage linked to the enquiry, literally."""
    out = Text("Statement given\n", style="bold underline")
    out.append_text(lit(statement) if statement else lit("none recorded (g gives one)", "dim"))
    out.append("\n\n")
    out.append("Coverage\n", style="bold underline")
    if not coverage:
        out.append("none linked yet (c adds it)\n", style="dim")
    for c in coverage:
        day = c.published_on.isoformat() if c.published_on else "undated"
        out.append_text(
            line((f"{day}  ", "dim"), (c.outlet + "  " if c.outlet else "", "italic"), c.headline or c.note)
        )
        if c.url:
            out.append_text(line("\n  ", (c.url, "cyan")))
        out.append("\n")
    return out


class ScheduleScreen(FormScreen[bool | None]):
    """Book an accepted interview: when (everyday words, previewed), format and place or link."""

    ERROR_ID = "schedule-msg"
    SAVE_GROUP = "schedule"

    def __init__(self, request) -> None:
        super().__init__()
        self.request = request

    def compose(self) -> ComposeResult:
        """When, until, format, place."""
        r = self.request
        tz = self.app.settings.timezone
        start = local(r.slot_start, tz, "%Y-%m-%d %H:%M") if r.slot_start else ""
        end = local(r.slot_end, tz, "%Y-%m-%d %H:%M") if r.slot_end else ""
        formats = [(f.value, f.value) for f in InterviewFormat]
        with Vertical(classes="dialog form form-dialog"):
            yield Static(line(("Schedule interview ", "bold"), (f"{r.id} ", "bold"), (r.expert, "bold")))
            yield Static(lit(r.subject, "dim"))
            yield Label("When")
            yield Input(value=start, placeholder="thu 09:30, tomorrow 10am, 2026-11-27 14:00", id="start")
            yield Static("", id="start-msg", classes="hint")
            yield Label("Until (optional: 30 minutes when empty)")
            yield Input(value=end, placeholder="e.g. 10:30", id="end")
            yield Static("", id="end-msg", classes="hint")
            yield Label("Format")
            yield Select(formats, value=r.format or "phone", allow_blank=False, id="format")
            yield Static("", id="format-msg", classes="hint")
            yield Label("Place or link")
            yield Input(value=r.place, placeholder="studio address, phone number or call link", id="place")
            yield Static("", id="place-msg", classes="hint")
            yield Static("", id="schedule-msg", classes="error")
            yield Static(lit("Ctrl+S saves · Escape cancels", "dim"))

    def on_mount(self) -> None:
        """Focus the time."""
        self.query_one("#start", Input).focus()

    @on(Input.Changed, "#start")
    def _start_changed(self, event: Input.Changed) -> None:
        """Say what the typed time means; the end counts from it, so say that again too."""
        self.preview_time("start", event.value, lambda b, text: b.preview_slot(text)[0], fmt=SLOT_FORMAT)
        self._preview_end(self.query_one("#end", Input).value)

    @on(Input.Changed, "#end")
    def _end_changed(self, event: Input.Changed) -> None:
        """Say what the typed end means."""
        self._preview_end(event.value)

    def _preview_end(self, text: str) -> None:
        """Preview the end as saving reads it, counted from the start; a fault of the start is said under the start."""
        start = self.query_one("#start", Input).value

        def read_end(backend, typed: str) -> datetime | None:
            try:
                return backend.preview_slot(start, typed)[1]
            except FieldError as exc:
                if exc.field == "end":
                    raise
                return None

        self.preview_time("end", text, read_end, fmt=SLOT_FORMAT)

    def save_call(self):
        """Book it with the version loaded."""
        r = self.request
        values = {
            "start": self.query_one("#start", Input).value,
            "end": self.query_one("#end", Input).value or None,
            "format": str(self.query_one("#format", Select).value),
            "place": self.query_one("#place", Input).value,
        }
        return lambda b: b.schedule_interview(r.id, version=r.version, **values)

    def saved(self, _result) -> None:
        """Close: the interview is booked."""
        self.app.notify(f"Interview {self.request.id} scheduled.")
        self.app.post_message(DeskChanged(self.request.enquiry_id))
        self.dismiss(True)


COVERAGE_LABELS = {"url": "Web address", "outlet": "Outlet", "date": "Date", "headline": "Headline", "note": "Note"}


class CoverageScreen(FormScreen[int | None]):
    """Link the article or broadcast that came of an enquiry: URL, outlet, date, headline, note."""

    ERROR_ID = "coverage-msg"
    SAVE_GROUP = "coverage"

    def __init__(self, row) -> None:
        super().__init__()
        self.row = row

    def compose(self) -> ComposeResult:
        """The five fields."""
        r = self.row
        today = self.app.backend.clock().astimezone(ZoneInfo(self.app.settings.timezone)).date().isoformat()
        with Vertical(classes="dialog form form-dialog"):
            yield Static(line(("Coverage for ", "bold"), (f"#{r.id} ", "bold"), (r.subject, "bold")))
            yield Label("Web address")
            yield Input(placeholder="https://…", id="url")
            yield Static("", id="url-msg", classes="hint")
            yield Label("Outlet")
            yield Input(placeholder=r.outlet or "where it ran", id="outlet")
            yield Static(lit(f"Leave empty for {r.outlet}" if r.outlet else "", "dim"), id="outlet-msg", classes="hint")
            yield Label("Date")
            yield Input(value=today, placeholder="2026-11-25", id="date")
            yield Static("", id="date-msg", classes="hint")
            yield Label("Headline")
            yield Input(placeholder="the headline or programme title", id="headline")
            yield Static("", id="headline-msg", classes="hint")
            yield Label("Note")
            yield Input(placeholder="e.g. Today, 07:50, 3-min two-way", id="note")
            yield Static("", id="note-msg", classes="hint")
            yield Static("", id="coverage-msg", classes="error")
            yield Static(lit("Ctrl+S saves · Escape cancels", "dim"))

    def on_mount(self) -> None:
        """Focus the address."""
        self.query_one("#url", Input).focus()

    @on(Input.Changed)
    def _edited(self, event: Input.Changed) -> None:
        """Clear a field's complaint once it is edited."""
        if event.input.id in ("url", "date", "headline", "note"):
            self.field_message(event.input.id, "")

    def field_label(self, key: str, field: str) -> str:
        """The form's own label for a refused field."""
        return COVERAGE_LABELS.get(key, "")

    def save_call(self):
        """Store it; a bad field is named and nothing is written."""
        values = {
            "url": self.query_one("#url", Input).value,
            "outlet": self.query_one("#outlet", Input).value or None,
            "published_on": self.query_one("#date", Input).value,
            "headline": self.query_one("#headline", Input).value,
            "note": self.query_one("#note", Input).value,
        }
        enquiry_id = self.row.id
        return lambda b: b.add_coverage(enquiry_id, **values)

    def saved(self, coverage_id: int) -> None:
        """Close with the new coverage's id."""
        self.app.notify(f"Coverage {coverage_id} linked to #{self.row.id}.")
        self.app.post_message(DeskChanged(self.row.id))
        self.dismiss(coverage_id)


class StatementPickScreen(ModalScreen[int | None]):
    """Pick one approved statement; the highlighted one's wording is shown in full."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel", id="statement.cancel")]

    def __init__(self, statements, *, title: str = "Give a statement", note: str = "") -> None:
        super().__init__()
        self.statements = {str(s.id): s for s in statements}
        self.title_text, self.note = title, note

    def compose(self) -> ComposeResult:
        """The statements, and the wording of the highlighted one."""
        with Vertical(classes="pick-dialog"):
            yield Static(lit(self.title_text, "bold"))
            if self.note:
                yield Static(lit(self.note, "dim"))
            yield OptionList(*[Option(self._label(s), id=key) for key, s in self.statements.items()], id="statements")
            with VerticalScroll(id="statement-body-pane"):
                yield Static("", id="statement-body")
            yield Static(lit("↑↓ choose · Enter picks · Escape cancels", "dim"))

    @staticmethod
    def _label(s) -> Text:
        """'title (rev n) · fits: …'."""
        out = line((s.title, "bold"), (f"  rev {s.revision}", "dim"))
        if s.matched:
            out.append_text(line(("  fits: ", "dim"), (", ".join(s.matched), "green")))
        return out

    def on_mount(self) -> None:
        """Focus the list and show the first wording."""
        options = self.query_one(OptionList)
        options.focus()
        if self.statements:
            options.highlighted = 0

    @on(OptionList.OptionHighlighted, "#statements")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show the wording, literally."""
        s = self.statements.get(event.option.id or "")
        if s is not None:
            by = f"approved by {s.approved_by}" if s.approved_by else "approver not recorded"
            self.query_one("#statement-body", Static).update(line(s.body, "\n", (by, "dim")))

    @on(OptionList.OptionSelected, "#statements")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """Return the chosen statement's id."""
        if event.option.id:
            self.dismiss(int(event.option.id))


class InterviewScreen(ModalScreen[None]):
    """One enquiry's interview requests, moved along with single keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "accept", "Accept", id="interview.accept"),
        Binding("x", "decline", "Decline", id="interview.decline"),
        Binding("s", "schedule", "Schedule", id="interview.schedule"),
        Binding("d", "done", "Done", id="interview.done"),
        Binding("c", "coverage", "Coverage", id="interview.coverage"),
        Binding("g", "give", "Give statement", id="interview.statement"),
        Binding("r", "route", "Route", id="interview.route"),
        Binding("I", "export_ics", "Export ICS", id="desk.export_ics"),
        Binding("escape", "dismiss(None)", "Close", id="interview.close"),
    ]

    def __init__(self, row) -> None:
        super().__init__()
        self.row = row
        self.lines: dict[str, object] = {}
        self.busy = False

    def compose(self) -> ComposeResult:
        """Subject, the requests, then the statement and coverage."""
        with Vertical(classes="interview-dialog"):
            yield Static(self._title(self.row), id="iv-subject")
            table = DataTable(id="iv-table", cursor_type="row", zebra_stripes=True)
            for label, key, width in COLUMNS:
                table.add_column(label, key=key, width=width)
            yield table
            yield Static(lit("Loading…", "dim"), id="iv-empty")
            with VerticalScroll(id="iv-extra-pane"):
                yield Static("", id="iv-extra")
            yield Static("", id="iv-msg")
            yield Static(
                lit(
                    "a accept · x decline · s schedule · d done · r route · c coverage · g statement · "
                    "I export ICS · Esc closes",
                    "dim",
                )
            )

    @staticmethod
    def _title(row) -> Text:
        """'Interviews for #id subject  (status)'."""
        return line(
            ("Interviews for ", "bold"), (f"#{row.id} ", "bold"), (row.subject, "bold"), (f"  {row.status}", "dim")
        )

    def on_mount(self) -> None:
        """Load the requests."""
        self.query_one(DataTable).focus()
        self.load()

    def on_desk_changed(self, _event: DeskChanged) -> None:
        """Something was written: show the requests as they are now."""
        self.load()

    def load(self) -> None:
        """Fetch the enquiry's requests, coverage and statement in a worker."""
        enquiry_id = self.row.id
        run_db(self, lambda b: b.interview_desk(enquiry_id), done=self._show, error=self._failed, group="interviews")

    def _show(self, result) -> None:
        """Fill the table (keeping the selection) and the coverage pane."""
        row, lines, coverage, statement = result
        self.row = row
        self.query_one("#iv-subject", Static).update(self._title(row))
        table = self.query_one(DataTable)
        keep = self.current_key()
        table.clear()
        self.lines = {}
        tz = self.app.settings.timezone
        for r in lines:
            key = str(r.id)
            self.lines[key] = r
            when = local(r.slot_start, tz, "%a %d %b %H:%M") if r.slot_start else "—"
            table.add_row(
                lit(str(r.id), "dim"),
                lit(r.expert),
                lit(r.status, "bold" if INTERVIEW.allowed_moves(r.status) else "dim"),
                lit(when),
                lit(r.format or "—"),
                lit(r.place or "—"),
                key=key,
            )
        if keep in self.lines:
            table.move_cursor(row=table.get_row_index(keep))
        empty = "" if lines else "No interview requests yet: press r to route this enquiry to an expert."
        self.query_one("#iv-empty", Static).update(lit(empty, "dim"))
        self.query_one("#iv-empty", Static).display = not lines
        table.display = bool(lines)
        self.query_one("#iv-extra", Static).update(render_coverage(coverage, statement))

    def _failed(self, exc: DeskError) -> None:
        """Say why, in the screen (and let the desk reload after someone else's change)."""
        self.busy = False
        self._message(exc.message, "red")
        if isinstance(exc, ConflictError):
            self.load()

    def _message(self, text: str, style: str = "") -> None:
        """The screen's status line."""
        self.query_one("#iv-msg", Static).update(lit(text, style))

    def current_key(self) -> str | None:
        """The highlighted request's key, or None."""
        table = self.query_one(DataTable)
        if not self.lines or not (0 <= table.cursor_row < table.row_count):
            return None
        return table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value

    def current(self):
        """The highlighted interview request (an InterviewLine), or a hint and None."""
        line_ = self.lines.get(self.current_key() or "")
        if line_ is None:
            self._message("No interview request selected. Press r to route the enquiry first.", "yellow")
        return line_

    def _write(self, call, success: str, then=None) -> None:
        """Run a write; report, tell every screen, and hand the result on."""
        if self.busy:
            return
        self.busy = True
        enquiry_id = self.row.id

        def done(result) -> None:
            self.busy = False
            self._message(success if not callable(success) else success(result), "green")
            self.app.post_message(DeskChanged(enquiry_id))
            if then is not None:
                then(result)

        run_db(self, call, done=done, error=self._failed, group="interview-write", exclusive=False)

    # --- keys -------------------------------------------------------------------------------

    def action_accept(self) -> None:
        """The expert said yes."""
        if (r := self.current()) is not None:
            self._write(lambda b: b.accept_interview(r.id, r.version), f"{r.expert} accepted. Press s to schedule.")

    def action_decline(self) -> None:
        """The expert said no: record why (the prompt saves it), then offer the next suggestion."""
        if (r := self.current()) is None:
            return
        enquiry_id = self.row.id

        def declined(answer: Answer | None) -> None:
            if answer is None:
                return
            self._message(f"{r.expert} declined; the enquiry goes back to routing.", "green")
            self.app.post_message(DeskChanged(enquiry_id))
            found = answer.result.suggestions
            nxt = found[0].display_name if found else ""
            intro = f"{r.expert} declined. " + (
                f"Next suggestion: {nxt} (highlighted)." if nxt else "Nobody else to suggest."
            )
            from pressdesk.tui.screens.route import RouteScreen

            self.app.push_screen(RouteScreen(self.row, intro=intro))

        self.app.push_screen(
            PromptScreen(
                f"Why did {r.expert} decline?",
                placeholder="optional: travelling, not their area…",
                allow_empty=True,
                save=lambda b, text: b.decline_interview(r.id, text, r.version),
            ),
            declined,
        )

    def action_schedule(self) -> None:
        """Book the accepted interview."""
        if (r := self.current()) is None:
            return
        if not INTERVIEW.can_move(r.status, R.SCHEDULED):
            if INTERVIEW.can_move(r.status, R.ACCEPTED):
                self._message(f"{r.expert} has not accepted yet: press a when they say yes, then s.", "yellow")
            else:
                self._message(f"This request is {r.status}; it can no longer be booked.", "yellow")
            return
        self.app.push_screen(ScheduleScreen(r))

    def action_done(self) -> None:
        """The interview happened; the enquiry closes when nothing else is pending."""
        if (r := self.current()) is not None:
            self._write(
                lambda b: b.complete_interview(r.id, r.version),
                lambda done: f"Interview with {r.expert} done; the enquiry is {done.status}. Press c to add coverage.",
            )

    def action_route(self) -> None:
        """Offer the enquiry to (another) expert."""
        from pressdesk.tui.screens.route import RouteScreen

        self.app.push_screen(RouteScreen(self.row))

    def action_coverage(self) -> None:
        """Link the article or broadcast that came of it."""
        self.app.push_screen(CoverageScreen(self.row))

    def action_give(self) -> None:
        """Pick a statement that fits the enquiry and record it as given."""
        enquiry_id = self.row.id

        def offer(result) -> None:
            found, fitting = result
            if not found:
                self._message("There are no statements yet (pressdesk statement add …).", "yellow")
                return
            note = "" if fitting else "None fits this subject; these are all the current statements."
            self.app.push_screen(StatementPickScreen(found, title="Give a statement", note=note), chosen)

        def chosen(statement_id: int | None) -> None:
            if statement_id is not None:
                self._write(lambda b: b.give_statement(enquiry_id, statement_id), "Statement recorded as given.")

        run_db(self, lambda b: b.statement_choices(enquiry_id), done=offer, error=self._failed, group="statements")

    def action_export_ics(self) -> None:
        """Write every scheduled interview to an .ics file the user names (a bad name keeps the prompt open)."""

        def written(answer: Answer | None) -> None:
            if answer is None:
                return
            count, where = answer.result
            text = f"Wrote {counted(count, 'scheduled interview')} to {where}."
            self._message(text, "green")
            self.app.notify(text)

        self.app.push_screen(
            PromptScreen(
                "Export scheduled interviews (iCalendar) to",
                value=DEFAULT_ICS,
                save=lambda b, path: b.export_ics(path),
            ),
            written,
        )
