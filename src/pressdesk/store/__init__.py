"""Storage: engines with the right pragmas, short sessions, migrations and search.

Names load on first use, so `pressdesk.store.first_page` (stdlib sqlite3) does not load SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pressdesk.store.desk import Desk, open_desk, resolve_url

__all__ = ["Desk", "open_desk", "resolve_url"]


def __getattr__(name: str) -> Any:
    """Desk, open_desk and resolve_url from store.desk, imported when first asked for."""
    if name in __all__:
        from pressdesk.store import desk

        return getattr(desk, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
