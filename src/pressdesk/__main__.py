"""`pressdesk` and `python -m pressdesk`: the TUI at once when only desk options are given, else the command line.

Opening the TUI does not import click (about 100 ms of a 300 ms start): a first frame is measured against a bare
Textual app (issue 13). Anything else, or options the TUI path cannot read, or settings it cannot load, go to the
click command group, which parses and reports them as always.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

DESK_OPTIONS = {"--db": "db", "--region": "region", "--officer": "officer"}
"""The options that only choose the desk and its settings, by their setting's name."""


def tui_options(argv: Sequence[str]) -> dict | None:
    """The options when argv only opens the TUI (--db, --demo, --region, --officer, each once), else None."""
    found: dict = {"demo": False}
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--demo" and not found["demo"]:
            found["demo"] = True
            continue
        name, equals, value = arg.partition("=")
        if name not in DESK_OPTIONS or DESK_OPTIONS[name] in found:
            return None
        if not equals:
            if not args or args[0].startswith("-"):
                return None
            value = args.pop(0)
        found[DESK_OPTIONS[name]] = value
    return found


def main(argv: Sequence[str] | None = None) -> None:
    """Open the TUI straight away, or run the command line."""
    options = tui_options(sys.argv[1:] if argv is None else argv)
    if options is not None:
        from pressdesk.settings import SettingsError, load_settings

        demo = options.pop("demo")
        try:
            settings = load_settings().with_overrides(**options).checked(region=False)
        except SettingsError:
            settings = None  # the command line says what is wrong, in its own words
        if settings is not None:
            from pressdesk.paths import demo_db_path
            from pressdesk.tui.app import run

            # core.target_for's rule, without importing the core (its views load the release readers: 0.1-0.3 s)
            target = str(demo_db_path()) if demo else settings.db
            sys.exit(run(settings, target=target, demo=demo))
    from pressdesk.cli import main as command_line

    command_line(args=None if argv is None else list(argv))


if __name__ == "__main__":
    main()
