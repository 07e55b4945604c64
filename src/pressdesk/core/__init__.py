"""The application core, free of any UI: the TUI and every click command do their work through it.

`Backend.open(settings, target=...)` opens a desk; its methods (grouped by area in core/desk.py, enquiries.py,
people.py, releases.py, interviews.py, statements.py, trust.py) compose the services in short sessions and return the
typed views of `pressdesk.core.views`. The desk's life-cycle (`init_desk`, `desk_status`, `upgrade_desk`, `fill_demo`)
works on desks not yet open. Names load on first use, so `pressdesk.core.first_page` does not load the database stack.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pressdesk.core.backend import Backend
    from pressdesk.core.desk import copy_desk, desk_status, fill_demo, init_desk, target_for, upgrade_desk
    from pressdesk.core.trust import restore_desk

_HOMES = {
    "Backend": "backend",
    "copy_desk": "desk",
    "desk_status": "desk",
    "fill_demo": "desk",
    "init_desk": "desk",
    "restore_desk": "trust",
    "target_for": "desk",
    "upgrade_desk": "desk",
}

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


def __getattr__(name: str) -> Any:
    """A name of the core, imported from its module when first asked for."""
    if name in _HOMES:
        return getattr(import_module(f"pressdesk.core.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
