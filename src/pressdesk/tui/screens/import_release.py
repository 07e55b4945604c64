"""Release intake from the TUI: name a file or paste the text, review what was read person by person, then store it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label, Static, TextArea

from pressdesk.core.views import EXPERT, Person, people_of, reviewed
from pressdesk.errors import DeskError, FieldError
from pressdesk.tui.messages import DeskChanged
from pressdesk.tui.phone_text import shown_phone
from pressdesk.tui.safe import cell, line, lit
from pressdesk.tui.widgets.enquiry_detail import local
from pressdesk.tui.widgets.wrapping_text import WrappingTextArea
from pressdesk.tui.work import run_db

READABLE = ".txt .eml .html .docx .odt .rtf .pdf .msg"


def render_parsed(parsed, tz: str, *, people_table: bool = False, region: str | None = None) -> Text:
    """What was read from a release: title, date, embargo, place, issuer, then its people (unless a table lists
    them) and warnings, literally."""
    out = Text()
    out.append_text(line(("Title    ", "dim"), (parsed.title, "bold"), "\n"))
    out.append_text(
        line(("Date     ", "dim"), parsed.date.isoformat() if parsed.date else ("not found", "yellow"), "\n")
    )
    embargo = local(parsed.embargo, tz, "%a %d %b %Y %H:%M") if parsed.embargo else ""
    zone = f"  ({parsed.embargo_zone})" if embargo and parsed.embargo_zone else ""
    out.append_text(line(("Embargo  ", "dim"), (embargo + zone, "bold yellow") if embargo else ("none", "dim"), "\n"))
    out.append_text(line(("Place    ", "dim"), parsed.place or ("not given", "dim"), "\n"))
    out.append_text(line(("Issuer   ", "dim"), ", ".join(parsed.issuer) or ("not found", "dim"), "\n"))
    if people_table:
        for warning in parsed.warnings:
            out.append_text(line(("⚠ ", "yellow"), (warning, "yellow"), "\n"))
        return out
    out.append("\nExperts\n", style="bold underline")
    if not parsed.experts:
        out.append("none found\n", style="dim")
    for e in parsed.experts:
        extra = ", ".join(filter(None, [e.title, e.affiliation]))
        out.append_text(line("  ", (e.display_name, "bold"), (f"  {extra}" if extra else "", "dim"), "\n"))
    out.append("\nPress contacts\n", style="bold underline")
    if not parsed.press_contacts:
        out.append("none found\n", style="dim")
    for c in parsed.press_contacts:
        detail = ", ".join(filter(None, [c.role, c.organisation, c.email, *labelled(c.phones, c.phone_labels, region)]))
        out.append_text(line("  ", (c.name or "(no name)", "bold"), (f"  {detail}" if detail else "", "dim"), "\n"))
    for warning in parsed.warnings:
        out.append_text(line(("⚠ ", "yellow"), (warning, "yellow"), "\n"))
    return out


def labelled(phones, labels, region: str | None = None) -> list[str]:
    """Numbers as dialled from region with what the release called them: "07123 456789 (mobile)"."""
    names = dict(labels)
    return [shown_phone(p, region) + (f" ({names[p]})" if p in names else "") for p in phones]


def render_person(person: Person, region: str | None = None) -> Text:
    """The highlighted person whole, for screens too narrow for the table's last columns."""
    what = ", ".join(filter(None, [person.title, person.organisation]))
    out = line((person.shown_name, "bold"), (f"  {what}" if what else "", "dim"), (f"  found: {person.source}", "dim"))
    channels = [c for c in [person.email, *labelled(person.phones, person.phone_labels, region)] if c]
    if channels:
        out.append_text(line("\n", " · ".join(channels)))
    return out


def render_stored(release_id: int, created: list[str], matched: list[str]) -> Text:
    """What storing the release created and matched."""
    out = line(("Stored as release ", "bold green"), (str(release_id), "bold green"), "\n")
    out.append_text(line(("Created  ", "dim"), ", ".join(created) or "nothing", "\n"))
    out.append_text(line(("Matched  ", "dim"), ", ".join(matched) or "nothing", "\n"))
    return out


class PeopleTable(DataTable):
    """The people found in a release, one row each: space keeps or drops, m moves, e corrects the name."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "screen.toggle_person", "Keep/drop", id="import.keep"),
        Binding("m", "screen.move_person", "Expert⇄contact", id="import.move"),
        Binding("e", "screen.rename_person", "Correct name", id="import.rename"),
    ]


def person_row(person: Person, region: str | None = None) -> tuple[Text, ...]:
    """One person as a table row: kept or not, expert or contact, name, what they are, channels, where found."""
    what = ", ".join(filter(None, [person.title, person.organisation]))
    channels = ", ".join(filter(None, [person.email, *labelled(person.phones, person.phone_labels, region)]))
    style = "" if person.keep else "dim strike"
    return (
        cell("[x]" if person.keep else "[ ]", style),
        cell("Expert" if person.kind == EXPERT else "Contact", style),
        cell(person.shown_name, ("bold " + style).strip()),
        cell(what, style),
        cell(channels, style),
        cell(person.source, style),
    )


class ImportReleaseScreen(ModalScreen[int | None]):
    """Read a press release from a file or pasted text; ctrl+r previews, ctrl+s stores."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "preview", "Read & preview", id="import.preview", priority=True),
        Binding("ctrl+s", "store", "Store", id="import.store", priority=True),
        Binding("escape", "close", "Close", id="import.close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.busy = False
        self.stored: int | None = None
        self.parsed = None
        self.people: list[Person] = []
        self.read_from: tuple[str, str] | None = None
        """The path and pasted text the review was read from: storing after a change reads them again."""
        self.read_source = ""

    def compose(self) -> ComposeResult:
        """A path box and a paste box on the left, what was read on the right."""
        with Vertical(classes="import-dialog"):
            yield Static(Text("Import a press release", style="bold"))
            with Horizontal(classes="import-body"):
                with Vertical(classes="import-left"):
                    yield Label(f"File ({READABLE})")
                    yield Input(placeholder="~/Downloads/release.txt (leave empty to paste below)", id="release-path")
                    yield Label("…or paste the release text")
                    yield WrappingTextArea(id="release-text", soft_wrap=True)
                with VerticalScroll(id="release-preview-pane"):
                    yield Static(
                        lit(
                            "ctrl+r reads the release and shows what was found; nothing is stored until ctrl+s.", "dim"
                        ),
                        id="release-preview",
                    )
                    yield PeopleTable(id="release-people", cursor_type="row", zebra_stripes=True)
                    yield Static("", id="release-person")
            yield Static("", id="import-msg")
            yield Static(lit("ctrl+r read · space keep/drop · m expert⇄contact · e name · ctrl+s store · Esc", "dim"))

    def on_mount(self) -> None:
        """Focus the path."""
        self.query_one("#release-path", Input).focus()

    def _message(self, text: str | Text, style: str = "") -> None:
        """The status line."""
        self.query_one("#import-msg", Static).update(lit(text, style) if isinstance(text, str) else text)

    def _source(self) -> tuple[str, str]:
        """(path, pasted text) as typed."""
        return self.query_one("#release-path", Input).value.strip(), self.query_one("#release-text", TextArea).text

    @staticmethod
    def _text_of(backend, path: str, pasted: str) -> tuple[str, str]:
        """(text, source name): the file when one is named, else the pasted text."""
        if path:
            return backend.read_release_file(path)
        if not pasted.strip():
            raise FieldError("release", "Name a file, or paste the release text, then press ctrl+r.")
        return pasted, "pasted"

    def _refused(self, exc: DeskError) -> None:
        """Say clearly why the release could not be read; nothing was stored."""
        self.busy = False
        reason = exc.reason if isinstance(exc, FieldError) else exc.message
        where = {"file": "File", "release": "Release"}.get(getattr(exc, "field", ""), "Not stored")
        self._message(line((f"{where}: ", "bold red"), (reason, "red")))
        if getattr(exc, "field", "") == "file":
            self.query_one("#release-path", Input).focus()

    def action_preview(self) -> None:
        """Read (and parse) the release in a worker; store nothing."""
        if self.busy:
            return
        path, pasted = self._source()
        self.busy = True
        self.read_from, self.parsed = (path, pasted), None
        self._message("Reading…", "dim")

        def parse(b):
            text, source = self._text_of(b, path, pasted)
            return b.read_release(text), source

        run_db(self, parse, done=self._previewed, error=self._refused, group="release-read")

    def _previewed(self, result) -> None:
        """Show what was read, with its people in a table to review."""
        self.busy = False
        parsed, source = result
        self.parsed, self.people, self.read_source = parsed, people_of(parsed), source
        self.query_one("#release-preview", Static).update(
            render_parsed(parsed, self.app.settings.timezone, people_table=True, region=self.app.settings.region)
        )
        table = self.query_one(PeopleTable)
        if not table.columns:
            table.add_columns("Keep", "As", "Name", "Title / organisation", "Email, phones", "Found")
        self._fill_people()
        table.set_class(bool(self.people), "found")
        if self.people:
            table.focus()
        self._message(
            line(("Read from ", "dim"), source, (". Review the people, then ctrl+s stores it as shown.", "dim"))
        )

    def _fill_people(self) -> None:
        """Redraw the people table, keeping the cursor where it was."""
        table = self.query_one(PeopleTable)
        row = table.cursor_row
        table.clear()
        for person in self.people:
            table.add_row(*person_row(person, self.app.settings.region))
        if self.people:
            table.move_cursor(row=min(max(row, 0), len(self.people) - 1))
        self._show_person(table.cursor_row)

    def _show_person(self, row: int) -> None:
        """Show the highlighted person's details, numbers and labels in full under the table."""
        person = self.people[row] if 0 <= row < len(self.people) else None
        self.query_one("#release-person", Static).update(
            render_person(person, self.app.settings.region) if person else ""
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Follow the cursor in the people table."""
        if event.data_table.id == "release-people":
            self._show_person(event.cursor_row)

    def _change(self, how) -> None:
        """Change the highlighted person and redraw."""
        table = self.query_one(PeopleTable)
        if not self.people or table.cursor_row < 0:
            return
        self.people[table.cursor_row] = how(self.people[table.cursor_row])
        self._fill_people()

    def action_toggle_person(self) -> None:
        """Keep or drop the highlighted person."""
        self._change(Person.toggled)

    def action_move_person(self) -> None:
        """Make the highlighted expert a press contact, or the press contact an expert."""
        self._change(Person.moved)

    def action_rename_person(self) -> None:
        """Correct the highlighted person's name in a one-line prompt."""
        from pressdesk.tui.screens.prompt import PromptScreen

        table = self.query_one(PeopleTable)
        if not self.people or table.cursor_row < 0:
            return
        row = table.cursor_row

        def check(_backend, text: str) -> str:
            name = " ".join(text.split())
            if not name:
                raise FieldError("prompt", "A name cannot be empty; Escape keeps the one read.")
            return name

        def renamed(answer) -> None:
            if answer is not None:
                self.people[row] = self.people[row].renamed(answer.result)
                self._fill_people()

        current = self.people[row].name or ""
        self.app.push_screen(PromptScreen("Correct the name", save=check, value=current), renamed)

    def action_store(self) -> None:
        """Parse and store the release with its experts and press contacts, in one write."""
        if self.busy:
            return
        path, pasted = self._source()
        self.busy = True
        self._message("Storing…", "dim")

        if self.parsed is not None and self.read_from == (path, pasted):
            release, source = reviewed(self.parsed, self.people), self.read_source

            def store(b):
                return b.store_release(release, source)
        else:

            def store(b):
                text, source = self._text_of(b, path, pasted)
                return b.import_release(text, source)

        run_db(self, store, done=self._stored, error=self._refused, group="release-write")

    def _stored(self, result) -> None:
        """Show what was stored, created and matched; tell the other screens."""
        self.busy = False
        parsed, release_id, created, matched = result
        self.stored, self.parsed = release_id, None
        self.query_one(PeopleTable).set_class(False, "found")
        self.query_one("#release-person", Static).update("")
        out = render_stored(release_id, created, matched)
        out.append("\n")
        out.append_text(render_parsed(parsed, self.app.settings.timezone, region=self.app.settings.region))
        self.query_one("#release-preview", Static).update(out)
        self._message(line(("Stored: ", "bold green"), parsed.title, (f" (release {release_id})", "dim")))
        self.app.notify(f"Release {release_id} stored.")
        self.app.post_message(DeskChanged(None))

    def action_close(self) -> None:
        """Close, returning the stored release's id (if any)."""
        self.dismiss(self.stored)
