"""What every area of the core shares: the opened desk, the settings it runs with, and the clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pressdesk.settings import Settings
    from pressdesk.store.desk import Desk


def _now() -> datetime:
    """The current moment, in UTC."""
    return datetime.now(UTC)


class CoreBase:
    """An opened desk with its settings; every method of the core opens and closes its own short session."""

    def __init__(self, desk: Desk, settings: Settings, *, clock: Callable[[], datetime] | None = None) -> None:
        self.desk = desk
        self.settings = settings
        self.clock: Callable[[], datetime] = clock or _now
        """What time it is for this desk (tests stand it still)."""
