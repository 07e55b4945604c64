"""Wait for typing to pause before asking the desk: one look-up per pause, not one per keystroke."""

from __future__ import annotations

from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer

LOOKUP_DELAY = 0.15
"""Seconds of quiet after a keystroke before a look-up or search starts."""


class Debounce:
    """Call `callback` once keystrokes pause for `delay` seconds; every new call restarts the wait."""

    def __init__(self, owner: MessagePump, callback: Callable[[], None], delay: float = LOOKUP_DELAY) -> None:
        self.owner, self.callback, self.delay = owner, callback, delay
        self._timer: Timer | None = None
        waiting = owner.__dict__.setdefault("debounces", [])
        waiting.append(self)

    @property
    def pending(self) -> bool:
        """Whether a call is waiting for the typing to pause."""
        return self._timer is not None

    def __call__(self) -> None:
        """Start (or restart) the wait."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.owner.set_timer(self.delay, self._fire, name="debounce")

    def now(self) -> None:
        """Call at once, dropping any wait."""
        if self._timer is not None:
            self._timer.stop()
        self._fire()

    def _fire(self) -> None:
        """The typing paused: call."""
        self._timer = None
        self.callback()


def waiting(owner: MessagePump) -> bool:
    """Whether any of this screen's debounced calls is still waiting to run."""
    return any(d.pending for d in owner.__dict__.get("debounces", ()))
