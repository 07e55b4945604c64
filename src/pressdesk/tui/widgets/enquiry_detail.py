"""The detail pane: an enquiry, its journalist, its release, its interviews and its history."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from rich.text import Text
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from pressdesk.tui.phone_text import shown_phone
from pressdesk.tui.safe import line, lit
from pressdesk.tui.widgets.sized_in_place import SizedInPlace
from pressdesk.words import counted


def local(dt, tz: str, fmt: str = "%a %d %b %H:%M") -> str:
    """A UTC datetime in the desk's time zone."""
    return dt.astimezone(ZoneInfo(tz)).strftime(fmt) if dt else "—"


def render_detail(detail, tz: str, region: str | None = None) -> Text:
    """The pane's text; every value from a person is shown literally."""
    r = detail.row
    out = Text()
    out.append_text(line((f"#{r.id} ", "bold"), (r.subject, "bold")))
    out.append("\n")
    out.append_text(
        line(
            (f"{r.type} · {r.status} · {r.priority} · via {r.channel}", "dim"),
        )
    )
    out.append("\n")
    out.append_text(line(("Received ", "dim"), local(r.received_at, tz), ("   Due ", "dim"), local(r.deadline, tz)))
    out.append("\n")
    out.append_text(line(("Officer ", "dim"), r.officer or "unassigned", ("   Expert ", "dim"), r.expert or "—"))
    out.append("\n\n")
    j = detail.journalist
    if j is not None:
        out.append("Journalist\n", style="bold underline")
        out.append_text(line((j.name, "bold"), f"  {j.outlet}" if j.outlet else "", f"  {j.role}" if j.role else ""))
        out.append("\n")
        for phone in j.phones:
            out.append_text(line(("☎ ", "dim"), shown_phone(phone, region), "\n"))
        for email in j.emails:
            out.append_text(line(("✉ ", "dim"), email, "\n"))
        for problem in j.detail.get("problems", []):
            out.append_text(line(("⚠ ", "yellow"), (problem, "yellow"), "\n"))
        out.append_text(line((counted(detail.past_enquiries, "earlier enquiry"), "dim"), "\n"))
        out.append("\n")
    if detail.release is not None:
        rel = detail.release
        out.append("Release\n", style="bold underline")
        out.append_text(lit(rel.title))
        out.append("\n")
        if rel.issued_on:
            out.append(f"issued {rel.issued_on.isoformat()}", style="dim")
        if rel.embargo_until:
            out.append(f"  embargo {local(rel.embargo_until, tz)}", style="dim")
        if rel.experts:
            out.append_text(line("\n", ("experts ", "dim"), ", ".join(rel.experts)))
        out.append("\n\n")
    if detail.interviews:
        out.append("Interviews\n", style="bold underline")
        for iv in detail.interviews:
            slot = f" {local(iv.slot_start, tz)}" if iv.slot_start else ""
            out.append_text(line(iv.expert, (f"  {iv.status}{slot} {iv.format}", "dim"), "\n"))
        out.append("\n")
    if detail.notes:
        out.append("Notes\n", style="bold underline")
        out.append_text(lit(detail.notes))
        out.append("\n\n")
    out.append("History\n", style="bold underline")
    for h in detail.history:
        out.append_text(line((local(h.at, tz, "%d %b %H:%M") + " ", "dim"), (h.who + " ", "cyan"), h.summary, "\n"))
    return out


class DetailPane(SizedInPlace, VerticalScroll):
    """The scrolling pane beside the desk's table that holds the detail; it says when it comes on screen (after a
    narrow terminal hid it, the detail it holds is of the enquiry highlighted before)."""

    class Returned(Message):
        """The pane is laid out on screen, having been off it (or not yet on it)."""

    def on_show(self) -> None:
        """A layout put the pane on the screen: say so (the desk fills it unless it holds the enquiry already)."""
        self.post_message(self.Returned())


class EnquiryDetailView(SizedInPlace, Static):
    """Shows one enquiry's detail, or a hint when none is selected."""

    def show(self, detail, tz: str, region: str | None = None) -> None:
        """Render the detail (numbers read as dialled in region)."""
        self.update(render_detail(detail, tz, region))

    def clear_detail(self, hint: str = "Select an enquiry to see its detail.") -> None:
        """Show a hint instead of a detail."""
        self.update(Text(hint, style="dim"))
