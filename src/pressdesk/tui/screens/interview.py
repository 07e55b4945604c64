"""An enquiry's interview requests: accept, decline, schedule, done; its coverage and the statement given."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from pressdesk.errors import ConflictError, DeskError
from pressdesk.models.enums import InterviewStatus as R
from pressdesk.models.lifecycle import INTERVIEW
from pressdesk.tui.messages import DeskChanged
from pressdesk.tui.safe import line, lit
from pressdesk.tui.screens.coverage_form import CoverageScreen
from pressdesk.tui.screens.prompt import Answer, PromptScreen
from pressdesk.tui.screens.schedule_form import ScheduleScreen
from pressdesk.tui.screens.statement_pick import StatementPickScreen
from pressdesk.tui.widgets.enquiry_detail import local
from pressdesk.tui.work import run_db
from pressdesk.words import counted

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
