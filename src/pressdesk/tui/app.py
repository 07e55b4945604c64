"""The pressdesk App: modes for Desk, Contacts, Experts, Releases and Reports; the desk opens in a worker."""

from __future__ import annotations

import gc
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.worker import Worker, WorkerState, get_current_worker

from pressdesk.paths import mask_url
from pressdesk.settings import Settings
from pressdesk.tui.messages import BackendFailed, BackendReady, DeskChanged
from pressdesk.tui.screens.desk import DeskScreen

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.screen import Screen

    from pressdesk.core import Backend


OTHER_SCREENS_CSS = Path(__file__).with_name("pressdesk.tcss")
"""Every screen's rules but the desk's (desk.tcss): read once the first page is shown, or when another screen opens
first, so the first frame parses and matches only the desk's (issue 13)."""

FIRST_PAGE_WAIT = 1.0
"""At most how long the desk-opening worker waits for the early first page to be painted (seconds)."""

# The other modes and the command palette's desk commands are imported when first opened, not before the first
# frame (issue 13: the first frame is measured against a bare Textual app).


def _contacts() -> Screen:
    """The Contacts screen."""
    from pressdesk.tui.screens.people import ContactsScreen

    return ContactsScreen()


def _experts() -> Screen:
    """The Experts screen."""
    from pressdesk.tui.screens.people import ExpertsScreen

    return ExpertsScreen()


def _releases() -> Screen:
    """The Releases screen."""
    from pressdesk.tui.screens.releases import ReleasesScreen

    return ReleasesScreen()


def _reports() -> Screen:
    """The Reports screen."""
    from pressdesk.tui.screens.reports import ReportsScreen

    return ReportsScreen()


def _desk_commands() -> type[Provider]:
    """The command palette's desk commands."""
    from pressdesk.tui.commands import DeskCommands

    return DeskCommands


class PressDeskApp(App[int]):
    """A keyboard-first press-office desk."""

    TITLE = "pressdesk"
    CSS_PATH = Path(__file__).with_name("desk.tcss")
    COMMANDS: ClassVar = App.COMMANDS | {_desk_commands}
    MODES: ClassVar = {
        "contacts": _contacts,
        "experts": _experts,
        "releases": _releases,
        "reports": _reports,
    }
    DEFAULT_MODE = "desk"
    """The desk is the first screen, made by get_default_screen and added to the modes once mounted: a first mode
    taken from MODES makes Textual refresh every style before the first frame (issue 13)."""
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-narrow"), (120, "-wide")]
    """Screens narrower than 120 cells get the class -narrow (laptop terminals), wider ones -wide."""
    VERTICAL_BREAKPOINTS: ClassVar = [(0, "-short"), (34, "-tall")]
    """Screens under 34 rows get the class -short."""
    WATCH_GROUP = "watch"
    PRESENCE_EVERY = 5
    """Every how many polls the header asks who else has a server desk open."""
    """The worker group of the one long-lived worker that watches the desk for other terminals' commits."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("slash", "search", "Search", id="search"),
        Binding("1", "switch_mode('desk')", "Desk", id="mode.desk", show=False),
        Binding("2", "switch_mode('contacts')", "Contacts", id="mode.contacts", show=False),
        Binding("3", "switch_mode('experts')", "Experts", id="mode.experts", show=False),
        Binding("4", "switch_mode('releases')", "Releases", id="mode.releases", show=False),
        Binding("5", "switch_mode('reports')", "Reports", id="mode.reports", show=False),
    ]

    def __init__(
        self, settings: Settings, *, target: str | None = None, demo: bool = False, backend: Backend | None = None
    ) -> None:
        super().__init__()
        self.settings = settings
        self.target = target
        self.demo = demo
        self.backend: Backend | None = backend
        """The core, once the desk is open (None until then)."""
        self.title = f"{self.TITLE} · {settings.officer}" if settings.officer else self.TITLE  # who you are
        self.sub_title = "demo desk" if demo else mask_url(target or "")
        self.warm_after_first_page = backend is None
        """Whether the slow readers (dates, numbers) still need loading once the first desk page is shown."""
        self.first_page_shown = threading.Event()
        """Set once a desk page (the early one read from the file, or the core's) has been painted."""
        self.change_poll_seconds = 1.0
        """How often the desk is asked whether another terminal wrote to it (tests make it short)."""

    def notify(self, message: str, *, markup: bool = False, **kwargs) -> None:
        """Notify with markup off by default: messages often carry names people typed."""
        super().notify(message, markup=markup, **kwargs)

    def load_other_screens_css(self) -> None:
        """Add every other screen's rules to the stylesheet, once: parsed alone (the rest stays parsed), applied only
        to the widgets on screen that one of them may style (none of the desk's: restyling every widget, as Textual's
        update does, was ~500 stylings in every Pilot test, issue 8)."""
        stylesheet = self.stylesheet
        if stylesheet.has_source(os.path.abspath(OTHER_SCREENS_CSS)):
            return
        had = {name: len(rules) for name, rules in stylesheet.rules_map.items()}
        stylesheet.read(OTHER_SCREENS_CSS)
        names = {name for name, rules in stylesheet.rules_map.items() if len(rules) != had.get(name, 0)}
        if any("--" in name for name in names):  # a rule for a part of a widget (its component class): all, to be sure
            stylesheet.update(self)
            return
        styled = (node for node in self.walk_children(with_self=True) if not names.isdisjoint(node._selector_names))
        stylesheet.update_nodes(styled)

    def push_screen(self, screen, *args, **kwargs):
        """Push a screen, its rules read first if the desk's first page has not come yet."""
        self.load_other_screens_css()
        return super().push_screen(screen, *args, **kwargs)

    def switch_mode(self, mode: str):
        """Switch mode, the other screens' rules read first if the desk's first page has not come yet."""
        self.load_other_screens_css()
        return super().switch_mode(mode)

    def get_default_screen(self) -> Screen:
        """The desk, the first screen (its mode is added in on_mount)."""
        return self.current(self.sized(DeskScreen()))

    def get_screen(self, screen):
        """A screen about to be pushed or to open a mode, sized and current (see those) if it is not running yet."""
        found = super().get_screen(screen)
        return found if found.is_running else self.current(self.sized(found))

    def current(self, screen: Screen) -> Screen:
        """The screen, marked as styled with the stylesheet as it is now, as it will be once mounted: Textual took a
        new one for stale and reparsed every rule and restyled every widget as it opened a mode (the first 2, 3, 4
        or 5 and the way back to the desk), ~180 ms each in a Pilot test (issue 8)."""
        screen._css_update_count = self._css_update_count
        return screen

    def sized(self, screen: Screen) -> Screen:
        """The screen with the size classes (-narrow or -wide, -short or -tall) that its first resize would give it:
        given then, after its widgets were styled, they styled every widget of the screen a second time (issue 8)."""
        width, height = self.size
        for dimension, breakpoints in (
            (width, screen.HORIZONTAL_BREAKPOINTS or self.HORIZONTAL_BREAKPOINTS),
            (height, screen.VERTICAL_BREAKPOINTS or self.VERTICAL_BREAKPOINTS),
        ):
            reached = [name for least, name in sorted(breakpoints) if dimension >= least]
            for _, name in breakpoints:
                screen.set_class(bool(reached) and name == reached[-1], name, update=False)
        return screen

    def on_mount(self) -> None:
        """Apply the user's key remapping; paint first; open the desk (and the database stack) in a worker, or watch the
        desk given already open."""
        self.add_mode("desk", DeskScreen)
        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        if self.backend is None:
            self.call_after_refresh(self.open_backend)
        else:  # no BackendReady: the screens, mounted with the desk open, load it themselves (it read every page twice)
            self.watch_desk()

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def open_backend(self) -> None:
        """Show the first desk page read straight from the file, then open and migrate the desk, off the UI thread."""
        if self.read_first_page():  # let the UI thread paint it before the database stack's imports take the GIL
            self.first_page_shown.wait(FIRST_PAGE_WAIT)
        from pressdesk.core import Backend
        from pressdesk.core.errors import explain

        try:  # the region is checked here, not before the first frame: it loads phonenumbers
            backend = Backend.open(self.settings.checked(), target=self.target, demo=self.demo)
        except Exception as exc:  # noqa: BLE001 - any failure is shown to the user
            self.post_message(BackendFailed(explain(exc) or f"desk: could not open it: {exc}"))
            return
        self.backend = backend
        self.post_message(BackendReady())

    def read_first_page(self) -> bool:
        """Read the desk's first page with the stdlib (no SQLAlchemy, no core) and hand it to the screen, so rows show
        while the database stack loads (issue 13); the desk replaces it with the core's page once open."""
        from datetime import UTC, datetime

        from pressdesk.core.first_page import first_desk_page
        from pressdesk.validation import countdown  # noqa: F401 - the Due column's: loaded here, not on the UI thread

        page = first_desk_page(self.target, now=datetime.now(UTC), demo=self.demo)
        if page is None:
            return False
        self.call_from_thread(self.show_first_page, page)
        return True

    def show_first_page(self, page) -> None:
        """On the UI thread: the early first page to the desk, if it is showing and still wants it; else the
        desk-opening worker need not wait for it to be painted."""
        if not (isinstance(self.screen, DeskScreen) and self.screen.show_first_page(page)):
            self.first_page_shown.set()

    def desk_shown(self) -> None:
        """The first desk page is on screen: load dateparser and phonenumbers' metadata now, off the UI thread, so
        the first deadline or number typed does not wait (before, the first rows waited for them)."""
        self.first_page_shown.set()
        self.call_after_refresh(self.load_other_screens_css)  # after what the first page's refresh waits for
        if self.warm_after_first_page and self.backend is not None:
            self.warm_after_first_page = False
            self.warm_backend()

    @work(thread=True, exclusive=True, group="warm", exit_on_error=False)
    def warm_backend(self) -> None:
        """Load the slow readers, then leave every object loaded so far out of the garbage collector's full passes:
        each walked them all (~200 ms of CPU) in the middle of whichever key the officer was typing (issue 13)."""
        self.backend.warm()
        gc.freeze()

    def on_unmount(self) -> None:
        """Give the frozen objects back to the collector (tests run many apps in one process)."""
        gc.unfreeze()

    def on_backend_ready(self, _event: BackendReady) -> None:
        """Tell the visible screen the desk is there, and start watching it for other terminals' writes."""
        self.screen.post_message(BackendReady())
        self.watch_desk()

    @work(thread=True, exclusive=True, group=WATCH_GROUP, exit_on_error=False)
    def watch_desk(self) -> None:
        """Ask the desk every second whether another connection committed (a PRAGMA on SQLite, the notices waiting on
        PostgreSQL, no query); if so, tell the screens, with the enquiries changed when the desk can name them."""
        worker = get_current_worker()
        watch = self.backend.change_watch()
        desk_name = self.sub_title
        others: list[str] = []
        try:
            polls = 0
            while watch.supported and not worker.is_cancelled:
                if watch.pushes:  # a server's notice wakes the watch at once
                    arrived = self._notice_within(watch, worker, self.change_poll_seconds)
                elif worker.cancelled_event.wait(self.change_poll_seconds):
                    break
                else:
                    arrived = watch.changed()
                if arrived:
                    self.call_from_thread(self.post_message, DeskChanged(None, watch.enquiries))
                if polls % self.PRESENCE_EVERY == 0 and (now := self.backend.others_here()) != others:
                    others = now
                    also = f"also open: {', '.join(others)}" if others else ""  # first: seen on a narrow screen
                    shown = " · ".join(part for part in (also, desk_name) if part)
                    self.call_from_thread(setattr, self, "sub_title", shown)
                polls += 1
        finally:
            watch.close()

    @staticmethod
    def _notice_within(watch, worker, seconds: float) -> bool:
        """Whether a server's notice arrives within seconds, listening in tenths so a quit is not kept waiting."""
        deadline = time.monotonic() + seconds
        while not worker.is_cancelled and (left := deadline - time.monotonic()) > 0:
            if watch.wait(min(left, 0.1)):
                return True
        return False

    def on_desk_changed(self, event: DeskChanged) -> None:
        """Pass a change on to the screen underneath (the desk reloads)."""
        for screen in self.screen_stack:
            screen.post_message(DeskChanged(event.enquiry_id, event.changed))

    def on_backend_failed(self, event: BackendFailed) -> None:
        """Nothing works without the desk: leave with exit code 2, saying why on the terminal."""
        from pressdesk.validation import clean_text

        self.exit(return_code=2, message=Text(f"Error: {clean_text(event.reason)}"))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Turn an unexpected failure in any worker into a visible message."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.notify(f"Something went wrong: {event.worker.error}", severity="error", timeout=15)

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        from pressdesk.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def action_search(self) -> None:
        """Open the search box."""
        from pressdesk.tui.screens.search import SearchScreen

        if self.backend is not None:
            self.push_screen(SearchScreen())


def build_app(
    settings: Settings, *, target: str | None = None, demo: bool = False, backend: Backend | None = None
) -> PressDeskApp:
    """The one factory for the App, used by the CLI and by tests."""
    return PressDeskApp(settings, target=target, demo=demo, backend=backend)


def run(settings: Settings, *, target: str | None = None, demo: bool = False) -> int:
    """Run the TUI until the user quits; return the exit code."""
    app = build_app(settings, target=target, demo=demo)
    app.run()
    return app.return_code or 0
