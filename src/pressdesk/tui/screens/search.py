"""Search: one box that finds enquiries, journalists, experts and releases as you type."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from pressdesk.tui.debounce import Debounce
from pressdesk.tui.messages import DeskChanged
from pressdesk.tui.safe import line, lit
from pressdesk.tui.screens.enquiry_actions import EnquiryActions
from pressdesk.tui.screens.shown_once import ShownOnce
from pressdesk.tui.widgets.enquiry_detail import EnquiryDetailView
from pressdesk.tui.work import run_db
from pressdesk.words import counted

KINDS = {
    "enquiry": ("Enquiry", "bold magenta"),
    "journalist": ("Journalist", "bold cyan"),
    "expert": ("Expert", "bold green"),
    "press_contact": ("Press contact", "bold blue"),
    "release": ("Release", "bold yellow"),
}
PLURALS = {
    "enquiry": "enquiries",
    "journalist": "journalists",
    "expert": "experts",
    "release": "releases",
    "press_contact": "press contacts",
}
SINGULARS = {"press_contact": "press contact"}
MODES = {"journalist": "contacts", "expert": "experts", "release": "releases", "press_contact": "releases"}
HINT = "Type any word or number: an enquiry #, subject, name, outlet, phone, email, topic or release title."
LABEL_WIDTH = max(len(label) for label, _ in KINDS.values()) + 1


def hit_prompt(hit) -> Text:
    """One result line: the kind (an enquiry with its number), then the title and subtitle shown literally."""
    label, style = KINDS.get(hit.kind, (hit.kind.title(), "bold"))
    number = f"#{hit.id} " if hit.kind == "enquiry" else ""
    out = line((f"{label:<{LABEL_WIDTH}}", style), (number, "dim"), hit.title)
    if hit.subtitle:
        out.append_text(line(("  ·  ", "dim"), (hit.subtitle, "dim")))
    return out


class EnquiryScreen(EnquiryActions, ModalScreen[None]):
    """One enquiry's detail over the current screen, with the desk's keys for acting on it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="enquiry.close"),
        *EnquiryActions.ACTION_BINDINGS,
    ]

    def __init__(self, enquiry_id: int) -> None:
        super().__init__()
        self.enquiry_id = enquiry_id
        self.loaded = None

    def compose(self) -> ComposeResult:
        """The detail and a hint of the keys."""
        with Vertical(classes="dialog enquiry-dialog"):
            with VerticalScroll(id="enquiry-scroll"):
                yield EnquiryDetailView(id="enquiry-detail")
            yield Static(lit("s status · a assign · m note · d deadline · e edit · r route · Escape closes", "dim"))

    def on_mount(self) -> None:
        """Load the enquiry."""
        self.query_one(EnquiryDetailView).clear_detail("Loading…")
        self.query_one("#enquiry-scroll").focus()
        self.load()

    def load(self) -> None:
        """Read the enquiry's detail in a worker."""
        enquiry_id = self.enquiry_id
        run_db(self, lambda b: b.detail(enquiry_id), done=self._show, group="enquiry-detail")

    def _show(self, detail) -> None:
        """Show the detail and remember its row for the actions."""
        self.loaded = detail
        self.query_one(EnquiryDetailView).show(detail, self.app.settings.timezone, self.app.settings.region)

    def on_desk_changed(self, _event: DeskChanged) -> None:
        """Something was written: show the enquiry as it is now."""
        self.load()

    def current_row(self):
        """The enquiry shown (an EnquiryRow), or None while loading."""
        return self.loaded.row if self.loaded is not None else None

    def action_close(self) -> None:
        """Close the enquiry."""
        self.dismiss(None)


class SearchScreen(ShownOnce, ModalScreen[None]):
    """A search box and its results, grouped by kind; only the latest query's results are shown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="search.close"),
        Binding("down", "to_results", "Results", id="search.results", show=False),
    ]

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.initial = text
        self._seq = 0
        self.typed = Debounce(self, lambda: self.search(self.query_one("#search-box", Input).value))
        self.hits: dict[str, object] = {}

    def compose(self) -> ComposeResult:
        """The box, a status line and the results."""
        with Vertical(classes="dialog search-dialog"):
            yield Static(lit("Search the desk", "bold"))
            yield Input(value=self.initial, placeholder="Any word or number…", id="search-box")
            yield Static(lit(HINT, "dim"), id="search-status")
            yield OptionList(id="search-hits")
            yield Static(lit("Enter or ↓ moves to the results · Enter opens · Escape closes", "dim"))

    def on_mount(self) -> None:
        """Focus the box (and search for any text it started with)."""
        self.query_one("#search-hits", OptionList).display = False
        self.query_one("#search-box", Input).focus()
        if self.initial.strip():
            self.search(self.initial)

    @on(Input.Changed, "#search-box")
    def _typed(self, _event: Input.Changed) -> None:
        """Search again once typing pauses; results of older text are dropped."""
        self._seq += 1
        self.typed()

    def search(self, text: str) -> None:
        """Run the search in a worker; a newer keystroke cancels the older one."""
        self._seq += 1
        seq, text = self._seq, text.strip()
        if not text:
            self._show(seq, text, [])
            return
        run_db(self, lambda b: b.search(text), done=lambda hits: self._show(seq, text, hits), group="search")

    def _show(self, seq: int, text: str, hits) -> None:
        """Show the results of the latest query, grouped by kind."""
        if seq != self._seq:
            return
        results = self.query_one("#search-hits", OptionList)
        status = self.query_one("#search-status", Static)
        self.hits = {}
        options: list[Option | None] = []
        for kind in KINDS:
            group = [h for h in hits if h.kind == kind and f"{h.kind}:{h.id}" not in self.hits]
            if group and options:
                options.append(None)
            for hit in group:
                key = f"{hit.kind}:{hit.id}"
                self.hits[key] = hit
                options.append(Option(hit_prompt(hit), id=key))
        results.set_options(options)
        results.display = bool(self.hits)
        if not text:
            status.update(lit(HINT, "dim"))
        elif not self.hits:
            status.update(line(("No matches", "bold"), (" for “", "dim"), text, ("”.", "dim")))
        else:
            counts = {k: sum(1 for h in self.hits.values() if h.kind == k) for k in KINDS}
            parts = [counted(n, SINGULARS.get(k, k), PLURALS[k]) for k, n in counts.items() if n]
            status.update(lit(" · ".join(parts), "dim"))

    @on(Input.Submitted, "#search-box")
    def _submitted(self, _event: Input.Submitted) -> None:
        """Enter in the box moves to the results."""
        if self.typed.pending:
            self.typed.now()
        self.action_to_results()

    def action_to_results(self) -> None:
        """Move into the results, on the first one."""
        results = self.query_one("#search-hits", OptionList)
        if self.focused is results or not results.option_count:
            return
        results.focus()
        results.highlighted = 0

    def action_close(self) -> None:
        """Close the search."""
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#search-hits")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        """Open the chosen hit."""
        hit = self.hits.get(event.option.id or "")
        if hit is not None:
            self.open_hit(hit)

    def open_hit(self, hit) -> None:
        """An enquiry opens over the search; a person or release opens on its own screen, a press contact on the
        release it came from."""
        if hit.kind == "enquiry":
            self.app.push_screen(EnquiryScreen(hit.id))
            return
        mode = MODES.get(hit.kind)
        record = (hit.release_id, hit.release_title) if hit.kind == "press_contact" else (hit.id, hit.title)
        if mode is None or record[0] is None:
            return
        app = self.app
        self.dismiss(None)
        app.switch_mode(mode)
        for screen in reversed(app.screen_stack):
            focus = getattr(screen, "focus_record", None)
            if focus is not None:
                focus(*record)
                break
