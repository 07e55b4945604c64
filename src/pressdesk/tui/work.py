"""Run a backend call in a thread worker and hand its result back on the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.dom import DOMNode
from textual.worker import get_current_worker

from pressdesk.errors import DeskError


def run_db(
    node: DOMNode,
    call: Callable[[Any], Any],
    *,
    done: Callable[[Any], None] | None = None,
    error: Callable[[DeskError], None] | None = None,
    group: str = "db",
    exclusive: bool = True,
) -> None:
    """Run call(backend) in a thread with its own session; deliver the result or DeskError on the UI thread."""
    app = node.app

    def job() -> None:
        backend = app.backend  # type: ignore[attr-defined]
        if backend is None:
            return
        try:
            result = call(backend)
        except DeskError as exc:
            app.call_from_thread(error or (lambda e: app.notify(e.message, severity="error", markup=False)), exc)
            return
        if done is not None and not get_current_worker().is_cancelled:
            app.call_from_thread(done, result)

    node.run_worker(job, thread=True, exclusive=exclusive, group=group, exit_on_error=False)
