"""Route an enquiry: experts ranked with their reasons, how requests spread, Enter offers it to one.

Past a hard warning (not free, at the limit, a relevant conflict) a confirmation names the warnings first.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from pressdesk.errors import ConflictError, DeskError, NeedsConfirmation
from pressdesk.models.enums import Effect
from pressdesk.tui.messages import DeskChanged
from pressdesk.tui.safe import line, lit
from pressdesk.tui.screens.shown_once import ShownOnce
from pressdesk.tui.work import run_db
from pressdesk.words import counted

SPREAD_SHOWN = 8
"""How many experts the fairness list shows."""

MARKS: dict[Effect, tuple[str, str, str]] = {
    Effect.BLOCK: ("  ! ", "bold red", "red"),
    Effect.PENALTY: ("  – ", "yellow", "yellow"),
    Effect.INFO: ("  · ", "cyan", ""),
    Effect.BOOST: ("  + ", "green", ""),
}
"""How a reason is marked by its effect: (mark, mark style, text style)."""


def suggestion_label(s) -> Text:
    """One line of the ranked list: 'score · name', or 'score ! name' when routing there needs a confirmation."""
    mark = (" ! ", "bold red") if s.warnings else (" · ", "dim")
    return line((f"{s.score:5.1f}", "bold"), mark, s.display_name)


def render_reasons(s) -> Text:
    """The reasons behind one suggestion, each on its own line, shown literally and marked by its effect."""
    out = line((s.display_name, "bold"), (f"  score {s.score:.1f} of 100", "dim"), "\n")
    for reason in s.reasons:
        mark, mark_style, style = MARKS[reason.effect]
        out.append_text(line((mark, mark_style), (reason.text, style), "\n"))
    return out


def render_asked(asked) -> Text:
    """The experts asked already for this enquiry (not offered again), or nothing."""
    if not asked:
        return Text()
    return line(("Already asked: ", "bold"), ", ".join(f"{name} ({status})" for name, status in asked))


def render_spread(spread, days: int = 30) -> Text:
    """Requests per expert in the last days, most first, with a small bar."""
    out = Text(f"Requests in the last {days} days\n", style="bold underline")
    rows = list(spread)
    if not rows:
        out.append("No experts on the books.\n", style="dim")
        return out
    top = max((n for _, n in rows), default=0) or 1
    for name, n in rows[:SPREAD_SHOWN]:
        out.append_text(line((f"{n:>3} ", "bold"), ("█" * round(10 * n / top) or "·", "cyan"), " ", name, "\n"))
    if len(rows) > SPREAD_SHOWN:
        rest = sum(n for _, n in rows[SPREAD_SHOWN:])
        out.append(f"  and {len(rows) - SPREAD_SHOWN} more ({counted(rest, 'request')})\n", style="dim")
    return out


class RouteWarningScreen(ModalScreen[bool]):
    """Routing past a hard warning: name the warnings, and route only on an explicit yes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Route anyway", id="route.confirm"),
        Binding("n,escape", "answer(False)", "Back", id="route.back"),
    ]

    def __init__(self, expert: str, warnings: tuple[str, ...]) -> None:
        super().__init__()
        self.expert, self.warnings = expert, warnings

    def compose(self) -> ComposeResult:
        """The question, the warnings, and two buttons; Back has the focus."""
        with Vertical(classes="dialog route-warning"):
            yield Static(line(("Route to ", "bold"), (self.expert, "bold"), (" anyway?", "bold")), id="warn-title")
            yield Static(Text("\n").join(line(("! ", "bold red"), (w, "red")) for w in self.warnings), id="warnings")
            with Horizontal(classes="buttons"):
                yield Button("Back (n)", id="back", variant="primary")
                yield Button("Route anyway (y)", id="confirm", variant="warning")

    def on_mount(self) -> None:
        """Enter on the focused button goes back: routing past a warning takes a y."""
        self.query_one("#back", Button).focus()

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        """Close with the pressed button's answer."""
        self.dismiss(event.button.id == "confirm")


class RouteScreen(ShownOnce, ModalScreen[str | None]):
    """Experts for one enquiry, best first; Enter routes it to the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Close", id="route.close")]

    def __init__(self, row, *, intro: str = "") -> None:
        super().__init__()
        self.row = row
        self.intro = intro
        self.suggestions: dict[str, object] = {}
        self.version: int | None = None
        self.busy = False
        self._pending = None

    def compose(self) -> ComposeResult:
        """Subject, the ranked list with the spread below it, the reasons beside."""
        with Vertical(classes="route-dialog"):
            yield Static(line((f"Route #{self.row.id}  ", "bold"), (self.row.subject, "bold")), id="route-subject")
            if self.intro:
                yield Static(lit(self.intro, "yellow"), id="route-intro")
            with Horizontal(classes="route-body"):
                with Vertical(classes="route-left"):
                    yield Static(Text("Suggested experts", style="bold underline"))
                    yield OptionList(id="suggestions", compact=True)
                    yield Static("", id="asked")
                    yield Static("", id="spread")
                with VerticalScroll(id="why-pane"):
                    yield Static(lit("Ranking the experts…", "dim"), id="reasons")
            yield Static("", id="route-msg", classes="error")
            hint = "↑↓ choose · Enter routes to the highlighted expert · Escape closes"
            yield Static(lit(hint, "dim"), id="route-hint")

    def on_mount(self) -> None:
        """Rank the experts in a worker."""
        self.query_one(OptionList).focus()
        self.load()

    def load(self) -> None:
        """Fetch the enquiry as it is now, the ranked experts and the spread."""
        enquiry_id = self.row.id
        run_db(self, lambda b: b.route_suggestions(enquiry_id), done=self._show, error=self._failed, group="route")

    def _show(self, result) -> None:
        """Fill the list, the reasons of the first and the spread."""
        row, found, asked, spread = result
        self.version = row.version
        self.suggestions = {str(s.expert_id): s for s in found}
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(suggestion_label(s), id=str(s.expert_id)) for s in found])
        self.query_one("#asked", Static).update(render_asked(asked))
        self.query_one("#spread", Static).update(render_spread(spread))
        if found:
            options.highlighted = 0
            self._reasons(found[0])
        else:
            self.query_one("#reasons", Static).update(
                lit(
                    "No expert to suggest: everyone on the books has declined or been asked, or none are listed.", "dim"
                )
            )

    def _reasons(self, suggestion) -> None:
        """Show why this expert is suggested."""
        self.query_one("#reasons", Static).update(render_reasons(suggestion))

    def _failed(self, exc: DeskError) -> None:
        """Say why, in the screen; after someone else's change, rank again from the enquiry as it is now."""
        self.busy = False
        if isinstance(exc, NeedsConfirmation):  # a warning that arose since the ranking: ask about it now
            self.query_one("#route-msg", Static).update("")
            self._confirm(self._pending, exc.warnings)
            return
        message = exc.message
        if isinstance(exc, ConflictError):
            message = (
                f"Not routed: {exc.changed_by} changed this enquiry meanwhile. Ranked again; press Enter to route."
            )
            self.load()
        self.query_one("#route-msg", Static).update(lit(message, "red"))

    @on(OptionList.OptionHighlighted, "#suggestions")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show the highlighted expert's reasons."""
        suggestion = self.suggestions.get(event.option.id or "")
        if suggestion is not None:
            self._reasons(suggestion)
        self.query_one("#route-msg", Static).update("")

    @on(OptionList.OptionSelected, "#suggestions")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """Route the enquiry to the chosen expert, asking first when a hard warning stands against them."""
        suggestion = self.suggestions.get(event.option.id or "")
        if suggestion is None or self.busy:
            return
        if suggestion.warnings:
            self._confirm(suggestion, suggestion.warnings)
        else:
            self._route(suggestion, force=False)

    def _confirm(self, suggestion, warnings: tuple[str, ...]) -> None:
        """Name the warnings; route only on an explicit yes."""

        def answered(yes: bool | None) -> None:
            if yes:
                self._route(suggestion, force=True)
            else:
                self.query_one("#route-msg", Static).update(lit("Not routed.", "dim"))

        self.app.push_screen(RouteWarningScreen(suggestion.display_name, warnings), answered)

    def _route(self, suggestion, *, force: bool) -> None:
        """Offer the enquiry to the expert in a worker."""
        self.busy = True
        self._pending = suggestion
        enquiry_id, version, name = self.row.id, self.version, suggestion.display_name
        self.query_one("#route-msg", Static).update(lit(f"Routing to {name}…", "dim"))

        def routed(request_id: int) -> None:
            self.busy = False
            self.app.notify(f"#{enquiry_id} offered to {name} (interview request {request_id}).")
            self.app.post_message(DeskChanged(enquiry_id))
            self.dismiss(name)

        run_db(
            self,
            lambda b: b.route(enquiry_id, suggestion.expert_id, version, force=force),
            done=routed,
            error=self._failed,
            group="route-write",
        )
