"""The state machines: every enquiry status change, and every interview request move, goes through one here."""

from __future__ import annotations

from pressdesk.errors import IllegalMove
from pressdesk.models import EnquiryStatus as S
from pressdesk.models import InterviewStatus as R

_CLOSED = (S.DECLINED, S.WITHDRAWN)
CLOSED: tuple[S, ...] = (S.DONE, *_CLOSED)
"""The statuses that close an enquiry; moving into one closes what hangs off it."""

MOVES: dict[S, tuple[S, ...]] = {
    S.NEW: (S.TRIAGED, S.ROUTED, S.DONE, *_CLOSED),
    S.TRIAGED: (S.ROUTED, S.DONE, *_CLOSED),
    S.ROUTED: (S.SCHEDULED, S.TRIAGED, S.DONE, *_CLOSED),
    S.SCHEDULED: (S.DONE, S.ROUTED, *_CLOSED),
    S.DONE: (S.TRIAGED,),
    S.DECLINED: (S.TRIAGED,),
    S.WITHDRAWN: (S.TRIAGED,),
}
"""Allowed moves. Closed enquiries can only be reopened to triaged."""


def parse_status(text: str) -> S:
    """Read a status name, refusing unknown ones with the list of known ones."""
    try:
        return S(text.strip().lower())
    except ValueError:
        known = ", ".join(s.value for s in S)
        raise IllegalMove(f"'{text}' is not a status. Use one of: {known}.") from None


def allowed_moves(current: str) -> tuple[S, ...]:
    """The statuses an enquiry in `current` may move to."""
    return MOVES[S(current)]


def check_move(current: str, target: str) -> S:
    """Return the target status if the move is allowed, else raise IllegalMove saying why."""
    src, dst = S(current), parse_status(target)
    if dst == src:
        raise IllegalMove(f"The enquiry is already {src.value}.")
    if dst not in MOVES[src]:
        options = ", ".join(s.value for s in MOVES[src])
        raise IllegalMove(
            f"An enquiry cannot go from {src.value} to {dst.value}. From {src.value} it can go to: {options}."
        )
    return dst


REQUEST_MOVES: dict[R, tuple[R, ...]] = {
    R.OFFERED: (R.ACCEPTED, R.DECLINED, R.CANCELLED),
    R.ACCEPTED: (R.SCHEDULED, R.DECLINED, R.CANCELLED),
    R.SCHEDULED: (R.DONE, R.CANCELLED, R.SCHEDULED),
    R.DECLINED: (),
    R.DONE: (),
    R.CANCELLED: (),
}
"""Allowed moves of an interview request; scheduled -> scheduled is a reschedule."""

OPEN_REQUEST: tuple[R, ...] = tuple(r for r, moves in REQUEST_MOVES.items() if moves)
"""Interview request statuses still in play (offered, accepted, scheduled)."""


def check_request_move(current: str, target: R) -> R:
    """Return the target if an interview request may move there, else IllegalMove saying what can happen."""
    src = R(current)
    if target not in REQUEST_MOVES[src]:
        options = ", ".join(s.value for s in REQUEST_MOVES[src]) or "nothing: it is closed"
        hint = " Accept it first." if (src, target) == (R.OFFERED, R.SCHEDULED) else ""
        raise IllegalMove(
            f"An interview request cannot go from {src.value} to {target.value}. "
            f"From {src.value} it can go to: {options}.{hint}"
        )
    return target
