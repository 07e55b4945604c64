"""The expert directory: edit an expert's topics, languages, availability, training, conflicts and limit."""

from __future__ import annotations

from sqlmodel import Session, select

from pressdesk import validation
from pressdesk.errors import FieldError, NotFound
from pressdesk.models import ContactPoint, Expert
from pressdesk.models.views import ExpertRecord
from pressdesk.services import contacts, typed
from pressdesk.validation.expert_fields import parse_blocked_dates, parse_working_hours

TEXT_FIELDS = ("name", "honorific", "title", "affiliation", "topics", "languages", "conflicts", "notes")


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
    *,
    who: str,
    region: str,
    expert_id: int,
    expected_version: int | None = None,
    emails: list[str] | None = None,
    phones: list[str] | None = None,
    working_hours: str | None = None,
    blocked_dates: str | None = None,
    media_trained: bool | None = None,
    weekly_limit: int | None = None,
    **fields: str,
) -> Expert:
    """Edit an expert with validation; every value is checked before anything is written."""
    expert = session.get(Expert, expert_id, with_for_update=True)
    if expert is None:
        raise NotFound(f"There is no expert {expert_id}.")
    values: dict[str, object] = {}
    for key, value in fields.items():
        if key not in TEXT_FIELDS:
            raise FieldError(key, "This field cannot be edited here.")
        if key == "name":
            values[key] = contacts.clean_name(value, "name", column="expert.name")
        elif key == "languages":
            values[key] = contacts.clean_languages(value)
        elif key == "topics":
            values[key] = typed.fit("expert.topics", _keywords(value), field="topics")
        else:
            text = typed.clean(f"expert.{key}", value, field=key, multiline=key in ("notes", "conflicts"))
            values[key] = text.rstrip("." if key == "honorific" else "")
    if working_hours is not None:
        parse_working_hours(working_hours)
        values["working_hours"] = typed.clean("expert.working_hours", working_hours, field="working hours")
    if blocked_dates is not None:
        spans = parse_blocked_dates(typed.clean("expert.blocked_dates", blocked_dates, field="blocked dates"))
        values["blocked_dates"] = ", ".join(
            a.isoformat() if a == b else f"{a.isoformat()}..{b.isoformat()}" for a, b in spans
        )
    if media_trained is not None:
        values["media_trained"] = media_trained
    if weekly_limit is not None:
        if not 0 <= weekly_limit <= 50:
            raise FieldError("weekly limit", "Give a number of interviews a week between 0 and 50.")
        values["weekly_limit"] = weekly_limit
    drafts = contacts.replacement_drafts(
        session, entity="expert", owner_id=expert_id, emails=emails, phones=phones, region=region
    )
    return contacts.apply_person_edit(
        session, expert, who=who, entity="expert", values=values, drafts=drafts, expected_version=expected_version
    )


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
