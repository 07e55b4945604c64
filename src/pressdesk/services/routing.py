"""Route an enquiry to an expert: rank the experts with reasons, then offer the interview to one."""

from __future__ import annotations

import heapq
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlmodel import Session

from pressdesk.errors import ConflictError, DeskError, FieldError, NeedsConfirmation, NotFound
from pressdesk.models import (
    CLOSED_STATUSES,
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
from pressdesk.models import EnquiryStatus as E
from pressdesk.models import InterviewStatus as R
from pressdesk.models.enums import Effect
from pressdesk.models.views import Reason, Suggestion
from pressdesk.services import activity, enquiries
from pressdesk.validation.expert_fields import parse_blocked_dates, parse_working_hours

MIN_SLOT = timedelta(minutes=15)
"""The shortest stretch of working time that counts as free for an interview."""

# Weights: topics 40, release 20, named 10, availability 10, load 10, language 5, media training 5 = 100.
W_TOPIC_CAP, W_FULL, W_PARTIAL, W_WORD, W_WORDS_CAP = 40.0, 15.0, 6.0, 3.0, 6.0
W_RELEASE, W_NAMED, W_FREE, W_FREE_NO_DEADLINE, W_LOAD, W_LANGUAGE, W_MEDIA = 20.0, 10.0, 10.0, 5.0, 10.0, 5.0, 5.0
W_CONFLICT = -10.0

_STOP_TEXT = """
    a about after against all also an and any are as at be been before but by can could did do does
    for from had has have he her his how i if in into is it its may me more most my new no not of on
    or our over she should so some such than that the their them then there these they this those to
    up us was we were what when where which who why will with would you your via vs versus per
    interview interviews request requests comment comments quote quotes bid bids expert experts
    call background story piece please dr prof professor mr mrs ms need needs want wants talk
    anyone someone two lines line live pre record recorded update
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
"""Words that say nothing about the topic of an enquiry."""

COUNTRY_LANGUAGE = {
    "GB": "en", "IE": "en", "US": "en", "AU": "en", "NZ": "en", "CA": "en", "ZA": "en", "IN": "en", "SG": "en",
    "DE": "de", "AT": "de", "CH": "de", "LI": "de", "LU": "fr", "FR": "fr", "BE": "fr", "MC": "fr",
    "ES": "es", "MX": "es", "AR": "es", "CO": "es", "CL": "es", "PE": "es", "IT": "it", "SM": "it",
    "NL": "nl", "PL": "pl", "PT": "pt", "BR": "pt", "CN": "zh", "TW": "zh", "HK": "zh", "JP": "ja",
    "KR": "ko", "RU": "ru", "UA": "uk", "TR": "tr", "SE": "sv", "NO": "no", "DK": "da", "FI": "fi",
    "GR": "el", "CZ": "cs", "HU": "hu", "RO": "ro", "IL": "he", "SA": "ar", "AE": "ar", "EG": "ar",
    "QA": "ar", "PK": "ur", "AF": "ps", "IR": "fa",
}  # fmt: skip
"""The language an outlet in a country most likely interviews in."""

LANGUAGE_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch",
    "pl": "Polish", "pt": "Portuguese", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ru": "Russian",
    "uk": "Ukrainian", "tr": "Turkish", "sv": "Swedish", "no": "Norwegian", "da": "Danish", "fi": "Finnish",
    "el": "Greek", "cs": "Czech", "hu": "Hungarian", "ro": "Romanian", "he": "Hebrew", "ar": "Arabic",
    "ur": "Urdu", "ps": "Pashto", "fa": "Persian", "ga": "Irish", "cy": "Welsh", "hi": "Hindi",
}  # fmt: skip
"""Language codes and their English names, for reasons and for reading experts' languages."""

_NAME_TO_CODE = {name.casefold(): code for code, name in LANGUAGE_NAMES.items()} | {
    "mandarin": "zh",
    "cantonese": "zh",
    "farsi": "fa",
    "gaeilge": "ga",
    "deutsch": "de",
    "français": "fr",
    "francais": "fr",
    "español": "es",
    "espanol": "es",
}


# --- words -------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Case-fold text and drop accents, so Wiśniewski matches Wisniewski."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stem(word: str) -> str:
    """A light English stemmer: floods, flooding and flooded all become flood."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        word = word[:-2]
    return word


_WORD_RE = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")


def word_forms(text: str) -> dict[str, str]:
    """The stemmed content words of a text, each with the form it was written in."""
    found: dict[str, str] = {}
    for raw in _WORD_RE.findall(text or ""):
        word = re.sub(r"[-'’.]", "", re.sub(r"['’]s$", "", fold(raw)))
        if len(word) < 2 or word in STOP_WORDS or word.isdigit():
            continue
        found.setdefault(stem(word), raw)
    return found


def words(text: str) -> set[str]:
    """The stemmed content words of a text; hyphenated forms join up (IS-K is isk)."""
    return set(word_forms(text))


def phrases(text: str) -> list[tuple[str, set[str]]]:
    """A comma-separated keyword list as (shown text, stemmed words) pairs."""
    out = []
    for part in re.split(r"[,;\n]+", text or ""):
        shown = part.strip()
        ws = words(shown)
        if shown and ws:
            out.append((shown, ws))
    return out


# --- availability ------------------------------------------------------------------------------


def _lenient(parse, text: str, default):
    """Parse a stored value, falling back to a default when someone saved something unreadable."""
    try:
        return parse(text)
    except FieldError:
        return default


def _blocked(day: date, spans: list[tuple[date, date]]) -> bool:
    """Whether a day falls in any blocked span."""
    return any(a <= day <= b for a, b in spans)


def free_before(
    expert: Expert, *, now: datetime, deadline: datetime | None, tz: ZoneInfo, horizon_days: int = 14
) -> tuple[bool, str]:
    """Whether the expert has working time (weekdays, within hours, not blocked) before the deadline, and why."""
    hours = _lenient(parse_working_hours, expert.working_hours, None) or (time(0, 0), time(23, 59))
    spans = _lenient(parse_blocked_dates, expert.blocked_dates, [])
    if deadline is not None and deadline <= now:
        return False, "The deadline has passed"
    end = deadline or now + timedelta(days=7)
    local_now = now.astimezone(tz)
    day = local_now.date()
    last = min(end.astimezone(tz).date(), day + timedelta(days=horizon_days))
    saw_blocked = False
    while day <= last:
        if day.weekday() < 5:
            if _blocked(day, spans):
                saw_blocked = True
            else:
                opens = datetime.combine(day, hours[0], tzinfo=tz).astimezone(UTC)
                closes = datetime.combine(day, hours[1], tzinfo=tz).astimezone(UTC)
                if min(closes, end) - max(opens, now) >= MIN_SLOT:
                    return True, "Free before the deadline" if deadline else "Free in the coming days"
        day += timedelta(days=1)
    shown = expert.working_hours.strip() or "any time"
    when = "before the deadline" if deadline else "in the coming week"
    if saw_blocked:
        return False, f"Not free {when}: blocked dates ({expert.blocked_dates.strip()})"
    return False, f"Not free {when} (works {shown} on weekdays)"


def expert_languages(text: str) -> set[str]:
    """Language codes from "en, it" or "English, Italian"."""
    codes = set()
    for part in re.split(r"[,;/\s]+", text or ""):
        key = part.strip().casefold()
        if not key:
            continue
        codes.add(key if key in LANGUAGE_NAMES or len(key) == 2 else _NAME_TO_CODE.get(key, key))
    return codes


# --- suggestions -------------------------------------------------------------------------------


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


def _context(session: Session, enquiry: Enquiry, *, now: datetime, tz: str) -> _Context:
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


def _score(expert: Expert, ctx: _Context) -> Suggestion:
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
    ctx = _context(session, _load_enquiry(session, enquiry_id), now=now, tz=tz)
    live = select(Expert).where(Expert.archived_at.is_(None)).execution_options(yield_per=200)
    scored = (_score(e, ctx) for e in session.execute(live).scalars())
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


# --- routing -----------------------------------------------------------------------------------


def find_expert(session: Session, name_or_id: str) -> Expert:
    """The expert with this id, this exact name, or the one whose name contains these words."""
    text = (name_or_id or "").strip()
    if not text:
        raise FieldError("expert", "Name the expert, or give their id.")
    if text.isascii() and text.isdigit():
        expert = session.get(Expert, int(text)) if len(text) <= 18 else None  # longer would overflow a 64-bit id
        if expert is None:
            raise NotFound(f"There is no expert {text}.")
        return expert
    wanted = [w for w in fold(text).replace(".", " ").split() if w not in ("dr", "prof", "professor", "mr", "ms")]
    candidates = []
    for expert in session.execute(select(Expert).execution_options(yield_per=200)).scalars():
        name = fold(expert.name)
        if name.split() == wanted:
            return expert
        if all(w in name for w in wanted):
            candidates.append(expert)
    if not candidates:
        raise NotFound(f"No expert is called '{text}'.")
    if len(candidates) > 1:
        names = ", ".join(f"{e.name} ({e.id})" for e in candidates[:8])
        raise FieldError("expert", f"'{text}' fits more than one expert: {names}. Give the id.")
    return candidates[0]


def route_enquiry(
    session: Session,
    *,
    who: str,
    enquiry_id: int,
    expert_id: int,
    expected_version: int | None = None,
    force: bool = False,
    now: datetime | None = None,
    tz: str = "Europe/London",
) -> InterviewRequest:
    """Offer the enquiry to an expert: an offered InterviewRequest, and the enquiry moves to routed.

    Past a hard warning (see Suggestion.warnings) it raises NeedsConfirmation unless `force` is set.
    """
    enquiry = session.get(Enquiry, enquiry_id, with_for_update=True)
    if enquiry is None:
        raise NotFound(f"There is no enquiry {enquiry_id}.")
    expert = session.get(Expert, expert_id)
    if expert is None:
        raise NotFound(f"There is no expert {expert_id}.")
    if enquiry.status in CLOSED_STATUSES:
        raise DeskError(f"Enquiry {enquiry_id} is {enquiry.status}; reopen it (status triaged) before routing it.")
    if expected_version is not None and enquiry.version != expected_version:
        raise ConflictError("enquiry", enquiry.id, enquiry.updated_by, enquiry.version)
    earlier = session.execute(
        select(InterviewRequest.status).where(
            InterviewRequest.enquiry_id == enquiry_id, InterviewRequest.expert_id == expert_id
        )
    ).scalars()
    for status in earlier:
        if status in LIVE_REQUESTS:
            raise DeskError(f"{expert.name} has already been asked for this enquiry ({status}).")
        if status == R.DECLINED:
            raise DeskError(f"{expert.name} already declined this enquiry; choose another expert.")
    if not force:
        warnings = _score(expert, _context(session, enquiry, now=now or utcnow(), tz=tz)).warnings
        if warnings:
            raise NeedsConfirmation(f"{expert.honorific} {expert.name}".strip(), warnings)
    request = InterviewRequest(enquiry_id=enquiry_id, expert_id=expert_id, status=R.OFFERED, updated_by=who)
    session.add(request)
    session.flush()
    activity.record(
        session,
        who=who,
        action="route",
        entity="interview_request",
        entity_id=request.id,
        enquiry_id=enquiry_id,
        summary=f"Offered to {f'{expert.honorific} {expert.name}'.strip()} (request {request.id})",
    )
    if enquiry.status in (E.NEW, E.TRIAGED):
        enquiries.change_status(session, who=who, enquiry_id=enquiry_id, to=E.ROUTED)
    return request


def request_spread(session: Session, *, days: int = 30, now: datetime | None = None) -> list[tuple[str, int]]:
    """How many interview requests each expert was sent in the last days (cancelled ones aside), most first."""
    now = now or utcnow()
    counted = (
        select(InterviewRequest.expert_id, func.count().label("n"))
        .where(InterviewRequest.created_at >= now - timedelta(days=days), InterviewRequest.status != R.CANCELLED)
        .group_by(InterviewRequest.expert_id)
        .subquery()
    )
    rows = session.execute(
        select(Expert.name, func.coalesce(counted.c.n, 0))
        .outerjoin(counted, counted.c.expert_id == Expert.id)
        .order_by(func.coalesce(counted.c.n, 0).desc(), Expert.name)
    )
    return [(name, n) for name, n in rows]
