"""The one state machine every enquiry status change goes through."""

from __future__ import annotations

from pressdesk.models import EnquiryStatus as S
from pressdesk.services.errors import IllegalMove

_CLOSED = (S.DECLINED, S.WITHDRAWN)

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
