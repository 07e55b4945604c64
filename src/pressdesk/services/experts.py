"""The expert directory: edit an expert's topics, languages, availability, training, conflicts and limit."""

from __future__ import annotations

from sqlmodel import Session, select

from pressdesk import validation
from pressdesk.errors import NotFound
from pressdesk.models import ContactPoint, Expert
from pressdesk.models.inputs import ExpertCreate, ExpertUpdate
from pressdesk.models.views import ExpertRecord
from pressdesk.services import contacts, typed
from pressdesk.validation.expert_fields import parse_blocked_dates, parse_working_hours

CREATED_WITH = ("name", "honorific", "title", "affiliation", "topics", "languages", "emails", "phones")
"""What making an expert takes at once; the rest of a new expert's fields are set as an edit sets them."""


def _keywords(text: str) -> str:
    """Comma-separated keywords, trimmed, de-duplicated case-insensitively, order kept."""
    seen: dict[str, str] = {}
    for part in validation.clean_text(text).split(","):
        word = " ".join(part.split())
        if word and word.casefold() not in seen:
            seen[word.casefold()] = word
    return ", ".join(seen.values())


def update_expert(
    session: Session,
    data: ExpertUpdate,
    *,
    who: str,
    region: str,
    expert_id: int,
    expected_version: int | None = None,
) -> Expert:
    """Edit an expert with validation; every value is checked before anything is written."""
    expert = session.get(Expert, expert_id, with_for_update=True)
    if expert is None:
        raise NotFound(f"There is no expert {expert_id}.")
    values = data.changes()
    emails, phones = values.pop("emails", None), values.pop("phones", None)
    if "honorific" in values:
        values["honorific"] = values["honorific"].rstrip(".")
    if "languages" in values:
        values["languages"] = contacts.clean_languages(values["languages"])
    if "topics" in values:
        values["topics"] = typed.fit("expert.topics", _keywords(values["topics"]), field="topics")
    if "working_hours" in values:
        parse_working_hours(values["working_hours"])
    if "blocked_dates" in values:
        values["blocked_dates"] = ", ".join(
            a.isoformat() if a == b else f"{a.isoformat()}..{b.isoformat()}"
            for a, b in parse_blocked_dates(values["blocked_dates"])
        )
    drafts = contacts.replacement_drafts(
        session, entity="expert", owner_id=expert_id, emails=emails, phones=phones, region=region
    )
    return contacts.apply_person_edit(
        session, expert, who=who, entity="expert", values=values, drafts=drafts, expected_version=expected_version
    )


def add_expert(session: Session, data: ExpertCreate, *, who: str, region: str) -> Expert:
    """Add an expert by hand in one change: who they are first, then the rest checked as an edit checks it."""
    given = data.changes()
    basic = {key: given.pop(key) for key in CREATED_WITH if key in given}
    expert = contacts.create_expert(session, who=who, region=region, **basic)
    if given:
        update_expert(session, ExpertUpdate(**given), who=who, region=region, expert_id=expert.id)
    return expert


def expert_record(session: Session, *, expert_id: int) -> ExpertRecord | None:
    """An expert's editable fields as stored (None when there is no such expert)."""
    e = session.get(Expert, expert_id)
    if e is None:
        return None
    points = session.exec(
        select(ContactPoint).where(ContactPoint.expert_id == expert_id).order_by(ContactPoint.position)
    ).all()
    return ExpertRecord(
        id=e.id,
        version=e.version,
        name=e.name,
        honorific=e.honorific,
        title=e.title,
        affiliation=e.affiliation,
        topics=e.topics,
        languages=e.languages,
        working_hours=e.working_hours,
        blocked_dates=e.blocked_dates,
        weekly_limit=e.weekly_limit,
        media_trained=bool(e.media_trained),
        emails=tuple(p.value for p in points if p.kind == "email"),
        phones=tuple(p.value + (f" ext. {p.extension}" if p.extension else "") for p in points if p.kind == "phone"),
        conflicts=e.conflicts,
        notes=e.notes,
    )
