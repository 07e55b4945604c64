"""Purging people the desk has not heard from in a while, and adding people to do-not-contact."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import exists, or_, select
from sqlmodel import Session

from pressdesk.errors import FieldError
from pressdesk.models import (
    Enquiry,
    Expert,
    InterviewRequest,
    Journalist,
    PressContact,
    Release,
    ReleaseExpert,
    ReleasePressContact,
    utcnow,
)
from pressdesk.models.views import JsonMixin
from pressdesk.services import activity, contacts, dnc
from pressdesk.services.privacy.erasure import erase_person

if TYPE_CHECKING:
    from pressdesk.store.desk import Desk
    from pressdesk.store.scrub import ScrubReport


# --- purging people gone quiet -------------------------------------------------------------------
_AGE = re.compile(r"^\s*(\d{1,4})\s*(y|m|w|d)\s*$", re.IGNORECASE)


_DAYS = {"y": 365, "m": 30, "w": 7, "d": 1}


def parse_age(text: str | timedelta) -> timedelta:
    """An age such as 3y, 18m, 6w or 90d (years of 365 days, months of 30), or FieldError("older than")."""
    if isinstance(text, timedelta):
        return text
    found = _AGE.match(text or "")
    if not found or int(found[1]) == 0:
        raise FieldError("older than", "Give an age such as 3y, 18m, 6w or 90d.")
    return timedelta(days=int(found[1]) * _DAYS[found[2].lower()])


@dataclass(frozen=True, slots=True)
class Quiet(JsonMixin):
    """A person with no activity since the cut-off."""

    kind: str
    id: int
    name: str


@dataclass
class PurgeReport:
    """Who a purge found (and, unless a dry run, anonymised)."""

    cut_off: datetime
    people: list[Quiet]
    erased: int = 0
    files: ScrubReport | None = None


def quiet_people(session: Session, *, cut: datetime) -> list[Quiet]:
    """People collected and last changed before the cut-off, with no enquiry, interview or release since."""
    j, x, c = Journalist, Expert, PressContact
    recent_enquiry = exists().where(
        Enquiry.journalist_id == j.id, or_(Enquiry.received_at >= cut, Enquiry.updated_at >= cut)
    )
    recent_request = exists().where(InterviewRequest.expert_id == x.id, InterviewRequest.updated_at >= cut)
    recent_expert_release = exists().where(
        ReleaseExpert.expert_id == x.id, ReleaseExpert.release_id == Release.id, Release.created_at >= cut
    )
    recent_contact_release = exists().where(
        ReleasePressContact.press_contact_id == c.id,
        ReleasePressContact.release_id == Release.id,
        Release.created_at >= cut,
    )
    queries = {
        "journalist": select(j.id, j.name).where(j.updated_at < cut, j.collected_at < cut, ~recent_enquiry),
        "expert": select(x.id, x.name).where(
            x.updated_at < cut, x.collected_at < cut, ~recent_request, ~recent_expert_release
        ),
        "press_contact": select(c.id, c.name).where(c.updated_at < cut, c.collected_at < cut, ~recent_contact_release),
    }
    return [
        Quiet(kind, i, n) for kind, q in queries.items() for i, n in session.execute(q.order_by(q.selected_columns[0]))
    ]


def privacy_purge(
    desk: Desk,
    *,
    who: str,
    older_than: str | timedelta,
    now: datetime | None = None,
    dry_run: bool = False,
    region: str = "GB",
) -> PurgeReport:
    """Anonymise everyone with no activity for `older_than` (e.g. "3y"): each is erased as privacy_erase does, but
    not put on the do-not-contact list, and only their own records are scanned. A dry run only lists them."""
    from pressdesk.store.scrub import scrub

    cut = (now or utcnow()) - parse_age(older_than)
    with desk.read() as session:
        people = quiet_people(session, cut=cut)
    report = PurgeReport(cut_off=cut, people=people)
    if dry_run or not people:
        return report
    with desk.write(secure_delete=True) as session:
        for p in people:
            erase_person(
                session,
                who=who,
                kind=p.kind,
                person_id=p.id,
                region=region,
                do_not_contact=False,
                everywhere=False,
                reason=f"no activity since {cut.date().isoformat()}",
            )
    report.erased = len(people)
    report.files = scrub(desk, [], vacuum=False)
    return report


def add_do_not_contact(
    session: Session,
    *,
    who: str,
    region: str,
    phones: Sequence[str] = (),
    emails: Sequence[str] = (),
    reason: str = "objected",
) -> int:
    """Put numbers and addresses (typed in any format) on the list, validated first; records who did it."""
    drafts = contacts.drafts_from(emails=emails, phones=phones, region=region, keep_invalid=True)
    added = dnc.add_keys(session, who=who, keys=[(d.kind, d.lookup_key) for d in drafts], reason=reason)
    if added:
        activity.record(
            session,
            who=who,
            action="do_not_contact",
            entity="do_not_contact",
            entity_id=0,
            summary=f"Added {added} number(s) or address(es) to the do-not-contact list ({reason})",
        )
    return added
