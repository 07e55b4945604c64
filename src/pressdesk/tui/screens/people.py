"""Contacts and experts: a searchable, paged list with a detail pane showing each person's enquiry history."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from pressdesk.tui.debounce import Debounce
from pressdesk.tui.messages import BackendReady, DeskChanged
from pressdesk.tui.safe import cell, line, lit
from pressdesk.tui.widgets.enquiry_detail import local
from pressdesk.tui.work import run_db

PAGE = 200
NEAR_END = 20


def _first(values) -> str:
    """The first of several values, with a count of the rest."""
    if not values:
        return ""
    return values[0] + (f" +{len(values) - 1}" if len(values) > 1 else "")


def _load(p) -> str:
    """An expert's load as 'N/M' (or just N when there is no weekly limit)."""
    n, limit = p.detail.get("load", 0) or 0, p.detail.get("weekly_limit")
    return f"{n}/{limit}" if limit else str(n)


def _field(out: Text, label: str, value: object) -> None:
    """Append 'Label  value' when the value is not empty."""
    if value in (None, ""):
        return
    out.append_text(line((f"{label}  ", "dim"), str(value), "\n"))


def render_person(p) -> Text:
    """The detail card of one journalist or expert; every value is shown literally."""
    d = p.detail
    out = Text()
    honorific = d.get("honorific") or ""
    out.append_text(line(((f"{honorific} " if honorific else "") + p.name, "bold")))
    out.append("\n")
    if p.role:
        out.append_text(lit(p.role))
        out.append("\n")
    if p.outlet:
        out.append_text(lit(p.outlet, "italic"))
        out.append("\n")
    for phone in p.phones:
        out.append_text(line(("☎ ", "dim"), phone, "\n"))
    for email in p.emails:
        out.append_text(line(("✉ ", "dim"), email, "\n"))
    if not p.phones and not p.emails:
        out.append("No phone or email on file.\n", style="dim")
    for problem in d.get("problems", []) or []:
        out.append_text(line(("⚠ ", "yellow"), (problem, "yellow"), "\n"))
    if p.kind == "expert":
        load, limit = d.get("load", 0) or 0, d.get("weekly_limit")
        busy = bool(limit) and load >= limit
        text = f"load: {load} of weekly limit {limit} this week"
        if not limit:
            text = f"load: {load} this week (limit 0: takes no interviews)"
        out.append_text(line((text, "bold red" if busy else "bold"), "\n"))
        _field(out, "Topics", d.get("topics"))
        _field(out, "Languages", d.get("languages"))
        _field(out, "Hours", d.get("working_hours"))
        out.append_text(
            line(("Media trained  ", "dim"), ("yes", "green") if d.get("media_trained") else ("no", "yellow"), "\n")
        )
        if d.get("conflicts"):
            out.append_text(line(("Conflicts  ", "bold yellow"), (d["conflicts"], "yellow"), "\n"))
    else:
        _field(out, "Beat", d.get("beat"))
        _field(out, "Prefers", (d.get("preferred_channel") or "").replace("_", " "))
    if d.get("notes"):
        out.append_text(line(("Notes  ", "dim"), d["notes"], "\n"))
    return out


def render_history(history, tz: str) -> Text:
    """A person's enquiries, newest first, as 'date · subject · status'."""
    out = Text()
    if history is None:
        out.append("Enquiries\n", style="bold underline")
        out.append("Loading…\n", style="dim")
        return out
    history = list(history)
    if not history:
        out.append("No enquiries yet.\n", style="dim")
        return out
    out.append(f"Enquiries ({len(history)}{'+' if len(history) >= 50 else ''})\n", style="bold underline")
    for r in history:
        out.append_text(
            line((local(r.received_at, tz, "%d %b %Y") + " · ", "dim"), r.subject, (" · " + r.status, "cyan"), "\n")
        )
    return out


class ListScreen(Screen):
    """A search box over a paged list with a detail pane; subclasses say what is listed and shown."""

    KIND: ClassVar[str] = "journalist"
    NOUN: ClassVar[str] = "journalists"
    COLUMNS: ClassVar[tuple[tuple[str, str, int], ...]] = ()
    PLACEHOLDER: ClassVar[str] = ""

    DEFAULT_CSS = """
    ListScreen .list-search {
        height: 3;
        margin: 0 1;
    }
    ListScreen .list-status {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    ListScreen .list-table {
        height: 1fr;
    }
    ListScreen .list-detail {
        height: 45%;
        border-top: solid $primary;
    }
    ListScreen .list-card {
        width: 2fr;
        padding: 0 1;
    }
    ListScreen .list-aside {
        width: 3fr;
        padding: 0 1;
        border-left: solid $primary-darken-2;
    }
    ListScreen .list-card:focus, ListScreen .list-aside:focus {
        background: $boost;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f,ctrl+f", "focus_search", "Find", id="list.find"),
        Binding("escape", "leave", "Back to list", id="list.leave", show=False),
        Binding("down", "down_from_search", "To list", id="list.down", show=False),
        Binding("f5", "reload", "Reload", id="list.reload", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[int, object] = {}
        self.query_text = ""
        self.filter_later = Debounce(self, self.reload)
        self.more = False
        self.loading_more = False
        self.loaded = False
        self.ready = False
        self.select_after_load: int | None = None
        self.wanted: int | None = None
        self.pending_record: tuple[int, str] | None = None
        self._seq = 0
        self._shown_id: int | None = None
        self._aside_id: int | None = None

    # --- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Header, search box, the list, and the detail below it in two columns."""
        kind = self.KIND
        yield Header()
        yield Input(
            placeholder=self.PLACEHOLDER or f"Search {self.NOUN}: any word, name, outlet, phone or email (f)",
            id=f"{kind}-search",
            classes="list-search",
            select_on_focus=False,
        )
        yield Static(lit(" Opening the desk…", "dim"), id=f"{kind}-status", classes="list-status")
        table = DataTable(id=f"{kind}-table", cursor_type="row", zebra_stripes=True, classes="list-table")
        for label, key, width in self.COLUMNS:
            table.add_column(label, key=key, width=width)
        yield table
        with Horizontal(classes="list-detail"):
            with VerticalScroll(id=f"{kind}-detail-pane", classes="list-card"):
                yield Static(lit("Select a row to see its detail.", "dim"), id=f"{kind}-detail")
            with VerticalScroll(id=f"{kind}-aside-pane", classes="list-aside"):
                yield Static("", id=f"{kind}-aside")
        yield Footer()

    @property
    def table(self) -> DataTable:
        """The list."""
        return self.query_one(f"#{self.KIND}-table", DataTable)

    @property
    def search_box(self) -> Input:
        """The search box."""
        return self.query_one(f"#{self.KIND}-search", Input)

    @property
    def detail(self) -> Static:
        """The detail card."""
        return self.query_one(f"#{self.KIND}-detail", Static)

    @property
    def aside(self) -> Static:
        """The detail's second column (a person's enquiries, a release's text)."""
        return self.query_one(f"#{self.KIND}-aside", Static)

    def on_mount(self) -> None:
        """Load if the desk is open (and select the record asked for before mounting)."""
        self.ready = True
        self.table.focus()
        if self.pending_record is not None:
            record_id, name = self.pending_record
            self.pending_record = None
            self.focus_record(record_id, name)
        elif self.app.backend is not None:
            self.reload()

    def on_backend_ready(self, _event: BackendReady) -> None:
        """The desk opened: load the list."""
        self.reload()

    def on_desk_changed(self, _event: DeskChanged) -> None:
        """Something was written: reload, keeping the selection."""
        self.reload()

    def on_screen_resume(self) -> None:
        """Coming back to this screen: refresh what it shows."""
        if self.loaded and self.app.backend is not None:
            self.reload()

    # --- loading --------------------------------------------------------------------------

    def fetch(self, backend, text: str, offset: int, limit: int):
        """The backend call that lists this screen's people."""
        return backend.journalists(text, offset=offset, limit=limit)

    def reload(self, select: int | None = None) -> None:
        """Fetch the list again for the current search text, as many rows as are showing."""
        if self.app.backend is None:
            return
        current = self.current_row()
        if select is not None:
            self.wanted = select
        self.select_after_load = self.wanted or (current.id if current else None)
        self._seq += 1
        seq, text = self._seq, self.query_text
        limit = max(PAGE, self.table.row_count)
        run_db(
            self,
            lambda b: self.fetch(b, text, 0, limit + 1),
            done=lambda rows: self._show_page(seq, rows, limit),
            group=f"{self.KIND}-list",
        )

    def _show_page(self, seq: int, rows, limit: int) -> None:
        """Fill the table with a fresh first page (unless a newer search has started)."""
        if seq != self._seq:
            return
        self.loaded = True
        table = self.table
        table.clear()
        self.rows = {}
        self._shown_id = None
        self._append(rows, limit)
        self._show_status()
        self.wanted = None
        if not self.rows:
            hint = f"No {self.NOUN} match “{self.query_text}”." if self.query_text else f"No {self.NOUN} yet."
            self.detail.update(lit(hint, "dim"))
            self.aside.update("")
            self._aside_id = None
            return
        target = self.select_after_load
        if target in self.rows:
            table.move_cursor(row=table.get_row_index(str(target)))
        self.show_detail()

    def _append(self, rows, limit: int) -> None:
        """Add rows to the table; remember whether there are more."""
        table = self.table
        for p in rows[:limit]:
            if p.id in self.rows:
                continue
            self.rows[p.id] = p
            table.add_row(*self.cells(p), key=str(p.id))
        self.more = len(rows) > limit
        self.loading_more = False

    def _more_page(self, seq: int, rows) -> None:
        """Append the next page (unless a newer search has started)."""
        if seq != self._seq:
            return
        self._append(rows, PAGE)
        self._show_status()

    def _show_status(self) -> None:
        """The line under the search box: how many are showing."""
        n = len(self.rows)
        noun = self.NOUN.removesuffix("s") if n == 1 and not self.more else self.NOUN
        text = f" {n}{'+' if self.more else ''} {noun}"
        if self.query_text:
            text += f" matching “{self.query_text}”"
        self.query_one(f"#{self.KIND}-status", Static).update(lit(text, "dim"))

    def cells(self, p) -> tuple[Text, ...]:
        """The table cells of one person."""
        return (cell(p.name), cell(p.outlet), cell(p.role), cell(_first(p.phones)), cell(_first(p.emails)))

    # --- selection and detail -------------------------------------------------------------

    def current_row(self):
        """The highlighted person, or None."""
        table = self.table
        if not self.rows or table.cursor_row < 0 or table.cursor_row >= table.row_count:
            return None
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        return self.rows.get(int(key)) if key else None

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Show the detail; fetch the next page when near the end."""
        self.show_detail()
        table = event.data_table
        if self.more and not self.loading_more and event.cursor_row >= table.row_count - NEAR_END:
            self.loading_more = True
            seq, text, offset = self._seq, self.query_text, len(self.rows)
            run_db(
                self,
                lambda b: self.fetch(b, text, offset, PAGE + 1),
                done=lambda rows: self._more_page(seq, rows),
                group=f"{self.KIND}-more",
            )

    @on(DataTable.RowSelected)
    def _row_selected(self, _event: DataTable.RowSelected) -> None:
        """Enter on a row moves into the detail pane."""
        self.query_one(f"#{self.KIND}-detail-pane").focus()

    def show_detail(self) -> None:
        """Show the selected record's card at once, then what the second column needs from the database."""
        row = self.current_row()
        if row is None or row.id == self._shown_id:
            return
        self._shown_id = row.id
        self.detail.update(self.render_card(row))
        if row.id != self._aside_id:
            self._aside_id = row.id
            self.aside.update(self.render_aside(row, None))
            for pane in self.query(".list-detail VerticalScroll"):
                pane.scroll_home(animate=False)

        def shown(extra) -> None:
            if self._shown_id == row.id:
                self.aside.update(self.render_aside(row, extra))

        run_db(self, lambda b: self.fetch_aside(b, row), done=shown, group=f"{self.KIND}-detail")

    def render_card(self, row) -> Text:
        """The detail card of a person."""
        return render_person(row)

    def render_aside(self, row, extra) -> Text:
        """The person's enquiries; extra is None until fetch_aside has answered."""
        return render_history(extra, self.app.settings.timezone)

    def fetch_aside(self, backend, row):
        """The backend call for the second column (a person's enquiries)."""
        return backend.person_enquiries(self.KIND, row.id)

    def focus_record(self, record_id: int, name: str) -> None:
        """Search for this record by name and select its row."""
        if not self.ready:
            self.pending_record = (record_id, name)
            return
        box = self.search_box
        with box.prevent(Input.Changed):
            box.value = name
        self.query_text = name.strip()
        self.table.focus()
        self.reload(select=record_id)

    # --- typing and keys ------------------------------------------------------------------

    @on(Input.Changed)
    def _search_changed(self, event: Input.Changed) -> None:
        """Filter as the user types, once typing pauses."""
        if event.input is not self.search_box:
            return
        text = event.value.strip()
        if text == self.query_text:
            return
        self.query_text = text
        self.filter_later()

    @on(Input.Submitted)
    def _search_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search box moves to the list."""
        if event.input is self.search_box:
            self.table.focus()

    def on_key(self, event: events.Key) -> None:
        """A letter typed on the list (one no key is bound to) starts a search with it."""
        if self.focused is not self.table or not event.is_printable or not (event.character or "").strip():
            return
        if event.key in self.active_bindings:
            return
        event.stop()
        event.prevent_default()
        box = self.search_box
        box.insert_text_at_cursor(event.character or "")
        box.focus()

    def action_focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.search_box.focus()

    def action_leave(self) -> None:
        """Escape: from the search box or the detail back to the list."""
        self.table.focus()

    def action_down_from_search(self) -> None:
        """Down in the search box moves to the list."""
        if self.focused is self.search_box:
            self.table.focus()

    def action_reload(self) -> None:
        """Reload the list from the database."""
        self.reload()


class PeopleScreen(ListScreen):
    """A list of people who can be added (n), archived (a), merged (m) and brought in from files (i)."""

    PLURAL: ClassVar[str] = "journalists"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New", id="people.new"),
        Binding("a", "archive", "Archive", id="people.archive", show=False),
        Binding("m", "merge", "Merge", id="people.merge", show=False),
        Binding("i", "import", "Import", id="people.import"),
    ]

    def new_screen(self):
        """The form that adds someone."""
        from pressdesk.tui.screens.person_new import NewJournalistScreen

        return NewJournalistScreen()

    def load_person(self, backend, person_id: int):
        """One person as listed (None when there is none)."""
        return backend.journalist(person_id)

    def action_new(self) -> None:
        """Add someone by hand; select them once saved."""

        def saved(values: dict | None) -> None:
            if values:
                self.app.notify(f"Added {values['name']}.", markup=False)
                self.focus_record(values["id"], values["name"].strip())

        self.app.push_screen(self.new_screen(), saved)

    def action_archive(self) -> None:
        """Archive the selected person (hidden from look-up and routing, kept for history), or bring them back."""
        person = self.current_row()
        if person is None:
            self.app.notify(f"Select one of the {self.NOUN} first.", severity="warning")
            return
        from pressdesk.tui.screens.actions import ConfirmScreen

        back = bool(person.detail.get("archived"))
        kind, person_id, version = self.PLURAL, person.id, person.version
        if back:
            question, about, yes = (
                f"Bring {person.name} back from the archive?",
                "They can be found again.",
                "brings back",
            )
        else:
            question = f"Archive {person.name}?"
            about = "Hidden from look-up, name suggestions and routing; their enquiries and history stay."
            yes = "archives"

        def answered(yes_: bool | None) -> None:
            if not yes_:
                return
            run_db(
                self,
                lambda b: b.archive_person(kind, person_id, archived=not back, version=version),
                done=lambda name: self._archived(name, back),
                group="people-archive",
            )

        self.app.push_screen(ConfirmScreen(question, about, yes), answered)

    def _archived(self, name: str, back: bool) -> None:
        """Say what was done and reload."""
        self.app.notify(f"Brought back {name}." if back else f"Archived {name}.", markup=False)
        self.app.post_message(DeskChanged())

    def action_merge(self) -> None:
        """Merge the selected person with another (their id, the first possible duplicate offered)."""
        person = self.current_row()
        if person is None:
            self.app.notify(f"Select one of the {self.NOUN} first.", severity="warning")
            return
        kind = self.PLURAL
        run_db(self, lambda b: self._suggest(b, kind, person.id), done=lambda other: self._ask_other(person, other))

    @staticmethod
    def _suggest(backend, kind: str, person_id: int) -> str:
        """The id of someone who may be the same person, or ""."""
        for pair in backend.duplicates(kind, limit=500):
            if person_id in (pair.a.id, pair.b.id):
                return str(pair.b.id if pair.a.id == person_id else pair.a.id)
        return ""

    def _ask_other(self, person, suggested: str) -> None:
        """Ask who to merge with, then show both side by side."""
        from pressdesk.errors import FieldError, NotFound
        from pressdesk.tui.screens.prompt import PromptScreen

        load = self.load_person

        def both(backend, text: str):
            digits = text.strip().lstrip("#")
            if not (digits.isascii() and digits.isdigit() and len(digits) < 19):
                raise FieldError("id", "Give the other person's number (their id).")
            if int(digits) == person.id:
                raise FieldError("id", "Give someone else: a person is not merged with themselves.")
            first, other = load(backend, person.id), load(backend, int(digits))
            if first is None or other is None:
                raise NotFound(f"There is no one with id {digits}.")
            return first, other, backend.merge_fields(self.PLURAL)

        def chosen(answer) -> None:
            if answer is None:
                return
            from pressdesk.tui.screens.merge_people import MergeScreen

            first, other, fields = answer.result
            self.app.push_screen(MergeScreen(self.PLURAL, first, other, fields), self._merged)

        hint = f"Merge {person.name} (#{person.id}) with: the other person's id"
        if suggested:
            hint += " (a possible duplicate is filled in)"
        self.app.push_screen(PromptScreen(hint, save=both, value=suggested, placeholder="id"), chosen)

    def _merged(self, outcome) -> None:
        """Say what the merge did."""
        if outcome is not None:
            self.app.notify(f"Merged #{outcome.merged} into #{outcome.kept}.")
            self.reload(select=outcome.kept)

    def action_import(self) -> None:
        """Import contacts files: dry run, confirm, progress, result."""
        from pressdesk.tui.screens.contacts_import import ImportContactsScreen

        self.app.push_screen(ImportContactsScreen(self.PLURAL))


class ContactsScreen(PeopleScreen):
    """Journalists: search, detail with enquiry history, edit."""

    KIND = "journalist"
    NOUN = "journalists"
    COLUMNS = (
        ("Name", "name", 22),
        ("Outlet", "outlet", 18),
        ("Role", "role", 20),
        ("Beat", "beat", 16),
        ("Phone", "phone", 16),
        ("Email", "email", 30),
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "Edit", id="contacts.edit"),
        Binding("ctrl+e", "erase", "Erase", id="contacts.erase", show=False),
        Binding("o", "outlets", "Outlets", id="contacts.outlets"),
    ]

    def action_erase(self) -> None:
        """Erase the selected journalist, once a confirmation naming what goes is answered yes."""
        from pressdesk.tui.screens.erase_person import erase_selected

        erase_selected(self)

    def cells(self, p) -> tuple[Text, ...]:
        """Name, outlet, role, beat, first phone and email; an archived journalist dimmed and marked."""
        d = p.detail
        style = "dim" if d.get("archived") else ""
        name = p.name + (" (archived)" if d.get("archived") else "")
        return (
            cell(name, style),
            cell(p.outlet, style),
            cell(p.role, style),
            cell(d.get("beat", ""), style),
            cell(_first(p.phones), style),
            cell(_first(p.emails), style),
        )

    def action_outlets(self) -> None:
        """Browse the outlets with their journalists."""
        from pressdesk.tui.screens.outlets import OutletsScreen

        def chosen(person) -> None:
            if person is not None:
                self.focus_record(person.id, person.name)

        self.app.push_screen(OutletsScreen(), chosen)

    def action_edit(self) -> None:
        """Open the edit form for the selected journalist."""
        person = self.current_row()
        if person is None:
            self.app.notify("Select a journalist first.", severity="warning")
            return
        from pressdesk.tui.screens.person_edit import JournalistEditScreen

        def saved(values: dict | None) -> None:
            if values:
                self.app.notify(f"Saved {values.get('name') or person.name}.", markup=False)

        self.app.push_screen(JournalistEditScreen(person), saved)


class ExpertsScreen(PeopleScreen):
    """Experts: search, topics, current load and enquiry history."""

    KIND = "expert"
    NOUN = "experts"
    COLUMNS = (
        ("Name", "name", 22),
        ("Title", "title", 20),
        ("Affiliation", "affiliation", 20),
        ("Topics", "topics", 30),
        ("Load", "load", 5),
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "Edit", id="experts.edit"),
        Binding("ctrl+e", "erase", "Erase", id="experts.erase", show=False),
    ]

    def action_erase(self) -> None:
        """Erase the selected expert, once a confirmation naming what goes is answered yes."""
        from pressdesk.tui.screens.erase_person import erase_selected

        erase_selected(self)

    PLURAL = "experts"

    def new_screen(self):
        """The form that adds an expert."""
        from pressdesk.tui.screens.person_new import NewExpertScreen

        return NewExpertScreen()

    def load_person(self, backend, person_id: int):
        """One expert as listed (None when there is none)."""
        return backend.expert(person_id)

    def fetch(self, backend, text: str, offset: int, limit: int):
        """Experts with their load."""
        return backend.experts(text, offset=offset, limit=limit)

    def cells(self, p) -> tuple[Text, ...]:
        """Name, title, affiliation, topics and load."""
        d = p.detail
        honorific = d.get("honorific") or ""
        limit, load = d.get("weekly_limit"), d.get("load", 0) or 0
        busy = bool(limit) and load >= limit
        return (
            cell((f"{honorific} " if honorific else "") + p.name + (" (archived)" if d.get("archived") else "")),
            cell(p.role),
            cell(p.outlet),
            cell(d.get("topics", "")),
            cell(_load(p), "bold red" if busy else ""),
        )

    def action_edit(self) -> None:
        """Open the edit form for the selected expert."""
        person = self.current_row()
        if person is None:
            self.app.notify("Select an expert first.", severity="warning")
            return
        from pressdesk.tui.screens.expert_edit import ExpertEditScreen

        def saved(values: dict | None) -> None:
            if values:
                self.app.notify(f"Saved {values.get('name') or person.name}.", markup=False)

        self.app.push_screen(ExpertEditScreen(person), saved)
