"""Storage: engines with the right pragmas, short sessions, migrations and search."""

from pressdesk.store.desk import Desk, open_desk, resolve_url

__all__ = ["Desk", "open_desk", "resolve_url"]
