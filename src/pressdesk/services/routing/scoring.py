"""Rank the experts for an enquiry: a score out of 100 and the reasons, each with its effect."""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlmodel import Session

from pressdesk.errors import FieldError, NotFound
from pressdesk.models import (
    COUNTED_REQUESTS,
    LIVE_REQUESTS,
    Enquiry,
    Expert,
    InterviewRequest,
    Outlet,
    Release,
    ReleaseExpert,
    utcnow,
)
from pressdesk.models import InterviewStatus as R
from pressdesk.models.enums import Effect
from pressdesk.models.views import Reason, Suggestion
from pressdesk.services.routing.availability import free_before
from pressdesk.services.routing.languages import COUNTRY_LANGUAGE, LANGUAGE_NAMES, expert_languages
from pressdesk.services.routing.words import fold, phrases, word_forms, words

# Weights: topics 40, release 20, named 10, availability 10, load 10, language 5, media training 5 = 100.
W_TOPIC_CAP, W_FULL, W_PARTIAL, W_WORD, W_WORDS_CAP = 40.0, 15.0, 6.0, 3.0, 6.0
W_RELEASE, W_NAMED, W_FREE, W_FREE_NO_DEADLINE, W_LOAD, W_LANGUAGE, W_MEDIA = 20.0, 10.0, 10.0, 5.0, 10.0, 5.0, 5.0
W_CONFLICT = -10.0


@dataclass(frozen=True, slots=True)
class _Context:
    """What an enquiry asks for, read once."""

    enquiry: Enquiry
    tokens: set[str]
    release_experts: frozenset[int]
    language: str
    excluded: frozenset[int]
    live: frozenset[int]
    loads: dict[int, int]
    now: datetime
    tz: ZoneInfo


def _zone(tz: str) -> ZoneInfo:
    """The desk's time zone, or a FieldError naming it."""
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise FieldError("timezone", f"Unknown time zone '{tz}'.") from None


def _load_enquiry(session: Session, enquiry_id: int) -> Enquiry:
    """The enquiry or NotFound."""
    enquiry = session.get(Enquiry, enquiry_id)
    if enquiry is None:
        raise NotFound(f"There is no enquiry {enquiry_id}.")
    return enquiry


def weekly_loads(session: Session, *, now: datetime) -> dict[int, int]:
    """Interview requests per expert made in the last 7 days (offered, accepted, scheduled or done)."""
    rows = session.execute(
        select(InterviewRequest.expert_id, func.count())
        .where(
            InterviewRequest.status.in_(COUNTED_REQUESTS),
            InterviewRequest.created_at >= now - timedelta(days=7),
        )
        .group_by(InterviewRequest.expert_id)
    )
    return {expert_id: n for expert_id, n in rows}


def read_context(session: Session, enquiry: Enquiry, *, now: datetime, tz: str) -> _Context:
    """Everything about the enquiry the scoring needs."""
    text = enquiry.subject
    release_experts: frozenset[int] = frozenset()
    if enquiry.release_id is not None:
        title = session.execute(select(Release.title).where(Release.id == enquiry.release_id)).scalar_one_or_none()
        text += " " + (title or "")
        release_experts = frozenset(
            session.execute(
                select(ReleaseExpert.expert_id).where(ReleaseExpert.release_id == enquiry.release_id)
            ).scalars()
        )
    country = ""
    if enquiry.outlet_id is not None:
        country = session.execute(select(Outlet.country).where(Outlet.id == enquiry.outlet_id)).scalar_one() or ""
    asked = session.execute(
        select(InterviewRequest.expert_id, InterviewRequest.status).where(InterviewRequest.enquiry_id == enquiry.id)
    ).all()
    return _Context(
        enquiry=enquiry,
        tokens=words(text),
        release_experts=release_experts,
        language=COUNTRY_LANGUAGE.get(country.upper(), "en"),
        excluded=frozenset(e for e, st in asked if st == R.DECLINED),
        live=frozenset(e for e, st in asked if st in LIVE_REQUESTS),
        loads=weekly_loads(session, now=now),
        now=now,
        tz=_zone(tz),
    )


def score_expert(expert: Expert, ctx: _Context) -> Suggestion:
    """Score one expert for the enquiry and say why, each reason with its effect (BLOCK: confirm first)."""
    reasons: list[Reason] = []
    score = 0.0

    def say(effect: Effect, text: str) -> None:
        reasons.append(Reason(text, effect))

    full: list[str] = []
    partial: dict[str, float] = {}
    for shown, ws in phrases(expert.topics):
        hit = ws & ctx.tokens
        if hit == ws:
            full.append(shown)
        elif hit:
            partial[shown] = W_PARTIAL * len(hit) / len(ws)
    forms = word_forms(f"{expert.title} {expert.affiliation}")
    own = [forms[w] for w in forms if w in ctx.tokens]
    topic = W_FULL * len(full) + sum(partial.values()) + min(W_WORDS_CAP, W_WORD * len(own))
    score += min(W_TOPIC_CAP, topic)
    if full:
        say(Effect.BOOST, "Topics match: " + ", ".join(full))
    if partial:
        say(Effect.BOOST, "Related topics: " + ", ".join(partial))
    if own:
        say(Effect.BOOST, "Title or affiliation matches: " + ", ".join(own))
    if not (full or partial or own):
        say(Effect.PENALTY, "No topic match")

    if expert.id in ctx.release_experts:
        score += W_RELEASE
        say(Effect.BOOST, "Offered on this release")
    surname = words(expert.name.split()[-1]) if expert.name.split() else set()
    if surname and surname <= words(ctx.enquiry.subject):
        score += W_NAMED
        say(Effect.BOOST, "Named in the request")

    free, why = free_before(expert, now=ctx.now, deadline=ctx.enquiry.deadline, tz=ctx.tz)
    if free:
        score += W_FREE if ctx.enquiry.deadline else W_FREE_NO_DEADLINE
    say(Effect.BOOST if free else Effect.BLOCK, why)

    load, limit = ctx.loads.get(expert.id, 0), expert.weekly_limit
    if limit <= 0:
        say(Effect.BLOCK, "Takes no interviews (weekly limit 0)")
    else:
        score += W_LOAD * max(0.0, 1.0 - load / limit)
        note = ": at the limit" if load == limit else ": over the limit" if load > limit else ""
        say(Effect.BLOCK if note else Effect.BOOST, f"{load} of {limit} interviews this week{note}")

    name = LANGUAGE_NAMES.get(ctx.language, ctx.language)
    if ctx.language in expert_languages(expert.languages):
        score += W_LANGUAGE
        if ctx.language != "en":
            say(Effect.BOOST, f"Speaks {name}")
    else:
        say(Effect.PENALTY, f"Does not speak {name}")

    if expert.media_trained:
        score += W_MEDIA
        say(Effect.BOOST, "Media-trained")
    else:
        say(Effect.PENALTY, "Not media-trained: a press officer should sit in")

    if expert.conflicts.strip():
        relevant = bool(words(expert.conflicts) & ctx.tokens)
        score += W_CONFLICT if relevant else 0.0
        label = "Declared conflict, relevant here" if relevant else "Declared conflict"
        say(Effect.BLOCK if relevant else Effect.INFO, f"{label}: {expert.conflicts.strip()}")

    return Suggestion(
        expert_id=expert.id,
        name=expert.name,
        score=round(max(0.0, min(100.0, score)), 1),
        reasons=tuple(reasons),
        honorific=expert.honorific,
    )


def suggest_experts(
    session: Session,
    *,
    enquiry_id: int,
    now: datetime | None = None,
    limit: int = 10,
    tz: str = "Europe/London",
) -> list[Suggestion]:
    """Experts for an enquiry, best first: topic, release, availability, load, language.

    Experts who declined it, are asked already (see asked_experts) or are archived are left out.
    """
    now = now or utcnow()
    ctx = read_context(session, _load_enquiry(session, enquiry_id), now=now, tz=tz)
    live = select(Expert).where(Expert.archived_at.is_(None)).execution_options(yield_per=200)
    scored = (score_expert(e, ctx) for e in session.execute(live).scalars())
    kept = (s for s in scored if s.expert_id not in ctx.excluded | ctx.live)
    return heapq.nsmallest(limit, kept, key=lambda s: (-s.score, ctx.loads.get(s.expert_id, 0), fold(s.name)))


def asked_experts(session: Session, *, enquiry_id: int) -> list[tuple[str, str]]:
    """(name with honorific, request status) of the experts asked for this enquiry whose request is still open."""
    rows = session.execute(
        select(Expert.honorific, Expert.name, InterviewRequest.status)
        .join(InterviewRequest, InterviewRequest.expert_id == Expert.id)
        .where(InterviewRequest.enquiry_id == enquiry_id, InterviewRequest.status.in_(LIVE_REQUESTS))
        .order_by(InterviewRequest.id)
    )
    return [(f"{honorific} {name}".strip(), status) for honorific, name, status in rows]
