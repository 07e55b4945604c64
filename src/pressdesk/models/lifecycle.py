"""The two state machines of the desk: an enquiry's status and an interview request's; faces and services ask them."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

from pressdesk.errors import IllegalMove
from pressdesk.models.enums import CLOSED_STATUSES, LIVE_REQUESTS, OPEN_STATUSES
from pressdesk.models.enums import EnquiryStatus as S
from pressdesk.models.enums import InterviewStatus as R

T = TypeVar("T", bound=StrEnum)


@dataclass(frozen=True)
class Lifecycle(Generic[T]):
    """The statuses a thing can be in and the moves between them; refusals say what is possible instead."""

    kind: type[T]
    moves: Mapping[T, tuple[T, ...]]
    noun: str
    hints: Mapping[tuple[T, T], str] = field(default_factory=dict)

    def parse(self, text: str) -> T:
        """Read a status name, refusing unknown ones with the list of known ones."""
        try:
            return self.kind(text.strip().lower())
        except ValueError:
            known = ", ".join(s.value for s in self.kind)
            raise IllegalMove(f"'{text}' is not a status. Use one of: {known}.") from None

    def allowed_moves(self, current: str) -> tuple[T, ...]:
        """The statuses a thing in `current` may move to (none once it is over)."""
        return self.moves[self.kind(current)]

    def can_move(self, current: str, target: str) -> bool:
        """Whether the move from `current` to `target` is allowed."""
        return self.kind(target) in self.allowed_moves(current)

    def check(self, current: str, target: str) -> T:
        """Return the target if the move is allowed, else raise IllegalMove saying what can happen."""
        src, dst = self.kind(current), self.parse(target)
        if dst in self.moves[src]:
            return dst
        if dst == src:
            raise IllegalMove(f"The {self.noun} is already {src.value}.")
        options = ", ".join(s.value for s in self.moves[src]) or "nothing: it is closed"
        hint = self.hints.get((src, dst), "")
        raise IllegalMove(
            f"{_article(self.noun)} {self.noun} cannot go from {src.value} to {dst.value}. "
            f"From {src.value} it can go to: {options}.{' ' + hint if hint else ''}"
        )

    def path(self, current: str, target: str, *, through: Iterable[T]) -> tuple[T, ...]:
        """The shortest run of allowed moves from `current` to `target` stepping only on `through`; () if none."""
        src, dst = self.kind(current), self.kind(target)
        steps = set(through)
        came_from: dict[T, T | None] = {src: None}
        queue = deque([src])
        while queue:
            at = queue.popleft()
            for nxt in self.moves[at]:
                if nxt in came_from or (nxt != dst and nxt not in steps):
                    continue
                came_from[nxt] = at
                if nxt == dst:
                    return _walk_back(came_from, dst)
                queue.append(nxt)
        return ()


def _article(noun: str) -> str:
    """'An' before a vowel, else 'A'."""
    return "An" if noun[:1].lower() in "aeiou" else "A"


def _walk_back(came_from: Mapping[T, T | None], end: T) -> tuple[T, ...]:
    """The path that ends at `end`, without its start."""
    path = [end]
    while (before := came_from[path[-1]]) is not None:
        path.append(before)
    return tuple(reversed(path[:-1]))


ENQUIRY: Lifecycle[S] = Lifecycle(
    S,
    {
        S.NEW: (S.TRIAGED, S.ROUTED, *CLOSED_STATUSES),
        S.TRIAGED: (S.ROUTED, *CLOSED_STATUSES),
        S.ROUTED: (S.SCHEDULED, S.TRIAGED, *CLOSED_STATUSES),
        S.SCHEDULED: (S.DONE, S.ROUTED, S.DECLINED, S.WITHDRAWN),
        **{closed: (S.TRIAGED,) for closed in CLOSED_STATUSES},
    },
    noun="enquiry",
)
"""An enquiry's status. A closed enquiry can only be reopened to triaged."""

INTERVIEW: Lifecycle[R] = Lifecycle(
    R,
    {
        R.OFFERED: (R.ACCEPTED, R.DECLINED, R.CANCELLED),
        R.ACCEPTED: (R.SCHEDULED, R.DECLINED, R.CANCELLED),
        R.SCHEDULED: (R.DONE, R.CANCELLED, R.SCHEDULED),
        R.DECLINED: (),
        R.DONE: (),
        R.CANCELLED: (),
    },
    noun="interview request",
    hints={(R.OFFERED, R.SCHEDULED): "Accept it first."},
)
"""An interview request's status; scheduled -> scheduled is a reschedule. Live requests are those with moves left."""


def enquiry_route(current: str, target: str) -> tuple[S, ...]:
    """The enquiry's moves from `current` to the open status `target`, through open statuses only (e.g. via routed)."""
    if current == target or current in CLOSED_STATUSES:
        return ()
    return ENQUIRY.path(current, target, through=OPEN_STATUSES)


def enquiry_follows(request_statuses: Iterable[str]) -> S | None:
    """The status an interview enquiry takes from its requests: scheduled, routed, triaged; None when one was held."""
    held = set(request_statuses)
    if R.SCHEDULED in held:
        return S.SCHEDULED
    if held & set(LIVE_REQUESTS):
        return S.ROUTED
    if R.DONE in held:
        return None
    return S.TRIAGED
