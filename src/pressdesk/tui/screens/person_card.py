"""A journalist's or expert's detail card and their enquiry history, rendered literally."""

from __future__ import annotations

from rich.text import Text

from pressdesk.tui.phone_text import shown_phone
from pressdesk.tui.safe import line, lit
from pressdesk.tui.widgets.enquiry_detail import local


def _field(out: Text, label: str, value: object) -> None:
    """Append 'Label  value' when the value is not empty."""
    if value in (None, ""):
        return
    out.append_text(line((f"{label}  ", "dim"), str(value), "\n"))


def render_person(p, region: str | None = None) -> Text:
    """The detail card of one journalist or expert; every value is shown literally (numbers as dialled in region)."""
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
        out.append_text(line(("☎ ", "dim"), shown_phone(phone, region), "\n"))
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
