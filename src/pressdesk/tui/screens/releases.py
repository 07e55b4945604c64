"""Releases: a searchable list with each release's dates, experts, press contacts and text."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from pressdesk.tui.phone_text import shown_phone
from pressdesk.tui.safe import cell, line, lit
from pressdesk.tui.screens.list_screen import ListScreen
from pressdesk.tui.widgets.enquiry_detail import local


def render_release(r, tz: str, region: str | None = None) -> Text:
    """The detail card of one release: title, dates, experts and press contacts, shown literally."""
    out = Text()
    out.append_text(lit(r.title, "bold"))
    out.append("\n")
    out.append_text(line(("Issued   ", "dim"), r.issued_on.strftime("%d %b %Y") if r.issued_on else "—", "\n"))
    if r.embargo_until:
        when = local(r.embargo_until, tz, "%a %d %b %Y %H:%M")
        out.append_text(line(("Embargo  ", "bold yellow"), (when, "yellow"), "\n"))
    out.append("Experts\n", style="bold underline")
    out.append_text(lit("\n".join(r.experts)) if r.experts else lit("none named", "dim"))
    out.append("\n")
    out.append("Press contacts\n", style="bold underline")
    if not r.press_contacts:
        out.append_text(lit("none named", "dim"))
        out.append("\n")
    for p in r.press_contacts:
        out.append_text(line(p.name, (f"  {p.outlet}", "italic") if p.outlet else "", "\n"))
        for phone in p.phones:
            out.append_text(line(("  ☎ ", "dim"), shown_phone(phone, region), "\n"))
        for email in p.emails:
            out.append_text(line(("  ✉ ", "dim"), email, "\n"))
    return out


def render_body(body: str | None) -> Text:
    """A release's text, literally (or a hint while it loads)."""
    if body is None:
        return lit("Loading…", "dim")
    if not body.strip():
        return lit("No text stored for this release.", "dim")
    return lit(body)


class ReleasesScreen(ListScreen):
    """Press releases, newest first, with their text."""

    KIND = "release"
    NOUN = "releases"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("i", "import_release", "Import", id="releases.import")]
    PLACEHOLDER = "Search releases: any word of the title or text (f)"
    COLUMNS: ClassVar[tuple[tuple[str, str, int], ...]] = (
        ("Title", "title", 56),
        ("Issued", "issued", 10),
        ("Embargo", "embargo", 12),
        ("Experts", "experts", 30),
    )

    def fetch(self, backend, text: str, offset: int, limit: int):
        """Releases matching the text, newest first."""
        return backend.releases(text, offset=offset, limit=limit)

    def cells(self, r) -> tuple[Text, ...]:
        """Title, issued, embargo and experts."""
        tz = self.app.settings.timezone
        return (
            cell(r.title),
            cell(r.issued_on.isoformat(), "") if r.issued_on else cell("—", "dim"),
            cell(local(r.embargo_until, tz, "%d %b %H:%M"), "yellow") if r.embargo_until else cell("—", "dim"),
            cell(", ".join(r.experts)),
        )

    def render_card(self, row) -> Text:
        """Title, dates, experts and press contacts."""
        return render_release(row, self.app.settings.timezone, self.app.settings.region)

    def fetch_aside(self, backend, row):
        """The release's text."""
        return backend.release_body(row.id)

    def render_aside(self, row, extra) -> Text:
        """The release's text."""
        return render_body(extra)

    def action_import_release(self) -> None:
        """Import a release from a file or pasted text."""
        from pressdesk.tui.screens.import_release import ImportReleaseScreen

        if self.app.backend is not None:
            self.app.push_screen(ImportReleaseScreen())
