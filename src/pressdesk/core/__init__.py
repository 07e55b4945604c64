"""The application core, free of any UI: the TUI and every click command do their work through it.

`Backend.open(settings, target=...)` opens a desk; its methods (grouped by area in core/desk.py, enquiries.py,
people.py, releases.py, interviews.py, statements.py, trust.py) compose the services in short sessions and return the
typed views of `pressdesk.core.views`. The desk's life-cycle (`init_desk`, `desk_status`, `upgrade_desk`, `fill_demo`)
works on desks not yet open.
"""

from pressdesk.core.backend import Backend
from pressdesk.core.desk import copy_desk, desk_status, fill_demo, init_desk, target_for, upgrade_desk
from pressdesk.core.trust import restore_desk

__all__ = [
    "Backend",
    "copy_desk",
    "desk_status",
    "fill_demo",
    "init_desk",
    "restore_desk",
    "target_for",
    "upgrade_desk",
]
