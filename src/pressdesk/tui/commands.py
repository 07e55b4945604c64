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
