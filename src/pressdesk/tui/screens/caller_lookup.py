"""Who is calling: the Log-a-call caller panel's text, and the name box with the suggestions under it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Input, OptionList

from pressdesk.core.views import CallerCard, CallerLookup
from pressdesk.tui.phone_text import shown_phone
from pressdesk.tui.safe import line
from pressdesk.tui.widgets.enquiry_detail import local


def same_name(a: str, b: str) -> bool:
    """Whether two names are the same but for case, accents and spacing (as the desk compares them)."""
    from pressdesk.validation.names import name_key

    return name_key(a) == name_key(b)


def person_line(p) -> Text:
    """'Name · Outlet · role' of a listed journalist, literally."""
    out = line((p.name, "bold"))
    for part in (p.outlet, p.role):
        if part:
            out.append_text(line(("  ·  ", "dim"), part))
    return out


def card_text(card: CallerCard, heading: str, tz: str, region: str | None = None) -> Text:
    """A known journalist: who they are, how to reach them, what they asked before."""
    j = card.journalist
    out = line((heading, "green"), "\n")
    out.append_text(person_line(j))
    out.append("\n")
    for p in j.phones:
        out.append_text(line(("☎ ", "dim"), shown_phone(p, region), "  "))
    for e in j.emails:
        out.append_text(line(("✉ ", "dim"), e, "  "))
    out.append("\n\n")
    out.append("Past enquiries\n" if card.recent else "No past enquiries.\n", style="bold")
    for r in card.recent:
        out.append_text(line((local(r.received_at, tz, "%d %b") + "  ", "dim"), r.subject, (f"  {r.status}\n", "dim")))
    return out


def caller_text(found: CallerLookup | None, typed: str, tz: str, region: str | None = None) -> Text:
    """The caller panel: who the call will be logged for, or why saving would be refused, or that they are new
    (numbers as dialled in region)."""
    if found is None:
        return Text("Type the caller's number, email or name.", style="dim")
    pick = "pick them under Journalist (↓ then Enter)"
    if found.owner is not None and (found.will_be is None or found.will_be.journalist.id != found.owner.journalist.id):
        owner = found.owner.journalist
        out = line((f"This {found.owner.matched_by} belongs to ", "bold yellow"), (owner.name, "bold"))
        out.append_text(line((f" ({owner.outlet})" if owner.outlet else "", "dim"), ".\n"))
        out.append_text(line(f"To log the call for {owner.name}, {pick}; for anyone else, clear the "))
        out.append_text(line(f"{found.owner.matched_by}: it is never given to a second person.\n\n"))
        out.append_text(card_text(found.owner, "", tz, region))
        return out
    if found.will_be is not None:
        how = found.will_be.matched_by
        heading = {
            "choice": "Logging for the journalist you picked",
            "name": "Known journalist (by the whole name)",
        }.get(how, f"Known caller (by {how})")
        return card_text(found.will_be, heading, tz, region)
    if found.same_name:
        out = line((f"{len(found.same_name)} journalists are called {typed}", "bold yellow"), ":\n")
        for p in found.same_name:
            out.append_text(line("  ", person_line(p), "\n"))
        out.append(f"Type their outlet, or {pick}.", style="dim")
        return out
    if not typed.strip():
        return Text("New caller: type their name and outlet below.", style="dim")
    out = line(("New journalist: ", "bold"), typed, (" will be added when you save.", "dim"))
    if found.names:
        out.append_text(line(("\n\nOn the desk with a name like it: ", "dim"), (f"{pick}.", "dim")))
    return out


class NameInput(Input):
    """The Journalist box: ↓ moves into the suggestions under it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "screen.to_suggestions", "Suggestions", id="log.suggestions", show=False)
    ]


class Suggestions(OptionList):
    """People on the desk whose name fits what is typed: Enter picks one; Escape, or ↑ at the top, goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back to the name", show=False)]

    def action_back(self) -> None:
        """Back to the Journalist box, picking nobody."""
        self.screen.query_one("#journalist", Input).focus()

    def action_cursor_up(self) -> None:
        """Up, or back to the box from the first suggestion."""
        if not self.highlighted:
            self.action_back()
        else:
            super().action_cursor_up()
