"""Release intake from the TUI: name a file or paste the text, preview what was read, then store it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea

from pressdesk.errors import DeskError, FieldError
from pressdesk.tui.messages import DeskChanged
from pressdesk.tui.safe import line, lit
from pressdesk.tui.widgets.enquiry_detail import local
from pressdesk.tui.work import run_db


def render_parsed(parsed, tz: str) -> Text:
    """What was read from a release: title, date, embargo, experts, press contacts and warnings, literally."""
    out = Text()
    out.append_text(line(("Title    ", "dim"), (parsed.title, "bold"), "\n"))
    out.append_text(
        line(("Date     ", "dim"), parsed.date.isoformat() if parsed.date else ("not found", "yellow"), "\n")
    )
    embargo = local(parsed.embargo, tz, "%a %d %b %Y %H:%M") if parsed.embargo else ""
    out.append_text(line(("Embargo  ", "dim"), (embargo, "bold yellow") if embargo else ("none", "dim"), "\n"))
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
        detail = ", ".join(filter(None, [c.organisation, c.email, *c.phones]))
        out.append_text(line("  ", (c.name or "(no name)", "bold"), (f"  {detail}" if detail else "", "dim"), "\n"))
    for warning in parsed.warnings:
        out.append_text(line(("⚠ ", "yellow"), (warning, "yellow"), "\n"))
    return out


def render_stored(release_id: int, created: list[str], matched: list[str]) -> Text:
    """What storing the release created and matched."""
    out = line(("Stored as release ", "bold green"), (str(release_id), "bold green"), "\n")
    out.append_text(line(("Created  ", "dim"), ", ".join(created) or "nothing", "\n"))
    out.append_text(line(("Matched  ", "dim"), ", ".join(matched) or "nothing", "\n"))
    return out


class ImportReleaseScreen(ModalScreen[int | None]):
    """Read a press release from a file or pasted text; ctrl+r previews, ctrl+s stores."""

    DEFAULT_CSS = """
    ImportReleaseScreen .import-dialog {
        width: 95%;
        max-width: 140;
        height: 90%;
        background: $surface;
        border: thick $primary;
        padding: 1 2;
    }
    ImportReleaseScreen .import-body {
        height: 1fr;
    }
    ImportReleaseScreen .import-left {
        width: 1fr;
        padding-right: 1;
    }
    ImportReleaseScreen #release-path {
        margin-bottom: 0;
    }
    ImportReleaseScreen #release-text {
        height: 1fr;
    }
    ImportReleaseScreen #release-preview-pane {
        width: 1fr;
        padding: 0 1;
        border-left: solid $primary-darken-2;
    }
    ImportReleaseScreen #import-msg {
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "preview", "Read & preview", id="import.preview", priority=True),
        Binding("ctrl+s", "store", "Store", id="import.store", priority=True),
        Binding("escape", "close", "Close", id="import.close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.busy = False
        self.stored: int | None = None

    def compose(self) -> ComposeResult:
        """A path box and a paste box on the left, what was read on the right."""
        with Vertical(classes="import-dialog"):
            yield Static(Text("Import a press release", style="bold"))
            with Horizontal(classes="import-body"):
                with Vertical(classes="import-left"):
                    yield Label("File (plain text, UTF-8)")
                    yield Input(placeholder="~/Downloads/release.txt (leave empty to paste below)", id="release-path")
                    yield Label("…or paste the release text")
                    yield TextArea(id="release-text", soft_wrap=True)
                with VerticalScroll(id="release-preview-pane"):
                    yield Static(
                        lit(
                            "ctrl+r reads the release and shows what was found; nothing is stored until ctrl+s.", "dim"
                        ),
                        id="release-preview",
                    )
            yield Static("", id="import-msg")
            yield Static(lit("ctrl+r read & preview · ctrl+s store · Escape closes", "dim"))

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
        self._message("Reading…", "dim")

        def parse(b):
            text, source = self._text_of(b, path, pasted)
            return b.read_release(text), source

        run_db(self, parse, done=self._previewed, error=self._refused, group="release-read")

    def _previewed(self, result) -> None:
        """Show what was read."""
        self.busy = False
        parsed, source = result
        self.query_one("#release-preview", Static).update(render_parsed(parsed, self.app.settings.timezone))
        self._message(line(("Read from ", "dim"), source, (". Nothing stored yet: ctrl+s stores it.", "dim")))

    def action_store(self) -> None:
        """Parse and store the release with its experts and press contacts, in one write."""
        if self.busy:
            return
        path, pasted = self._source()
        self.busy = True
        self._message("Storing…", "dim")

        def store(b):
            text, source = self._text_of(b, path, pasted)
            return b.import_release(text, source)

        run_db(self, store, done=self._stored, error=self._refused, group="release-write")

    def _stored(self, result) -> None:
        """Show what was stored, created and matched; tell the other screens."""
        self.busy = False
        parsed, release_id, created, matched = result
        self.stored = release_id
        out = render_stored(release_id, created, matched)
        out.append("\n")
        out.append_text(render_parsed(parsed, self.app.settings.timezone))
        self.query_one("#release-preview", Static).update(out)
        self._message(line(("Stored: ", "bold green"), parsed.title, (f" (release {release_id})", "dim")))
        self.app.notify(f"Release {release_id} stored.")
        self.app.post_message(DeskChanged(None))

    def action_close(self) -> None:
        """Close, returning the stored release's id (if any)."""
        self.dismiss(self.stored)
