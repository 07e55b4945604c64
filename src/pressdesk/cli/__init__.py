"""The command line, one module per area: `pressdesk` alone opens the TUI; every command goes through the core.

app (the group, commands imported when run), state (settings, the chosen desk, the core over it), errors (the one
error path, ids, lazy groups), output (cleaned printing); enquiries, listing, people, releases, interviews,
statements, exports, db.
"""

from pressdesk.cli.app import main

__all__ = ["main"]
