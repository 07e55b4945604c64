"""The desk's own commands in the command palette (ctrl+p)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

COMMANDS = (
    ("Log a call", "Open the new-enquiry form", "screen", "action_new"),
    ("Search", "Find enquiries, journalists, experts and releases", "app", "action_search"),
    ("Go to Desk", "Open enquiries by deadline", "mode", "desk"),
    ("Go to Contacts", "Journalists and their enquiries", "mode", "contacts"),
    ("Go to Experts", "Experts, their topics and load", "mode", "experts"),
    ("Go to Releases", "Press releases", "mode", "releases"),
    ("Go to Reports", "Reports (coming)", "mode", "reports"),
    ("People not yet told", "Collected over a month ago, not told the desk holds them", "push", "not_told"),
    ("Possible duplicates", "People who may be one: merge a pair or say they are two", "here", "action_duplicates"),
    (
        "Media lists",
        "Lists of journalists: add the one selected, take one off, export a list",
        "here",
        "action_media_lists",
    ),
    ("Erase this person", "Erase the journalist or expert selected (asks first)", "here", "action_erase"),
    ("Help", "Keys of this screen", "app", "action_help"),
)


class DeskCommands(Provider):
    """Commands that move around the desk and act on it."""

    def _run(self, kind: str, target: str) -> None:
        """Carry out one command."""
        app = self.app
        if kind == "mode":
            app.switch_mode(target)
        elif kind == "app":
            getattr(app, target)()
        elif kind == "push":
            from pressdesk.tui.screens.not_told import NotToldScreen

            app.push_screen(NotToldScreen())
        elif kind == "here":
            method = getattr(app.screen, target, None)
            if method is None:
                app.notify("Select a journalist on Contacts (2) or an expert on Experts (3) first.", severity="warning")
            else:
                method()
        else:
            app.switch_mode("desk")
            method = getattr(app.screen, target, None)
            if method is not None:
                method()

    async def discover(self) -> Hits:
        """All commands, before anything is typed."""
        for name, help_text, kind, target in COMMANDS:
            yield DiscoveryHit(name, partial(self._run, kind, target), help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands whose name matches what is typed."""
        matcher = self.matcher(query)
        for name, help_text, kind, target in COMMANDS:
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), partial(self._run, kind, target), help=help_text)
