"""Fill an empty desk with the demo data in pressdesk/demo_data: the seed release, experts, journalists, enquiries."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from importlib.resources import files
from importlib.resources.abc import Traversable

from sqlmodel import Session, func, select

from pressdesk.errors import DeskError
from pressdesk.models import Enquiry, InterviewRequest, utcnow
from pressdesk.models import EnquiryStatus as E
from pressdesk.models import InterviewStatus as R
from pressdesk.models.inputs import EnquiryCreate
from pressdesk.services import activity, contacts, coverage, enquiries, releases, request_moves

DEMO_SOURCE = "demo data"
"""The source recorded on the demo desk's people."""


def demo_data() -> Traversable:
    """The demo data shipped inside the package (pressdesk/demo_data), wherever pressdesk is installed."""
    folder = files("pressdesk.demo_data")
    if not (folder / "demo.json").is_file():
        raise DeskError("The demo data (pressdesk/demo_data/demo.json) is missing from this installation.")
    return folder


def load_demo(
    session: Session, *, who: str = "demo", region: str = "GB", now: datetime | None = None
) -> dict[str, int]:
    """Load the demo data into an empty desk; refuse a desk that already has enquiries."""
    if session.exec(select(func.count()).select_from(Enquiry)).one():
        raise DeskError("This desk already has enquiries; the demo data goes only into an empty desk.")
    now = now or utcnow()
    folder = demo_data()
    data = json.loads((folder / "demo.json").read_text(encoding="utf-8"))
    for outlet in data["outlets"]:
        row = contacts.get_or_create_outlet(session, name=outlet["name"], who=who)
        row.country, row.kind, row.website = (
            outlet.get("country", ""),
            outlet.get("kind", ""),
            outlet.get("website", ""),
        )
    experts = {}
    for e in data["experts"]:
        spec = {k: v for k, v in e.items() if k not in ("emails", "phones")}
        experts[e["name"]] = contacts.create_expert(
            session,
            who=who,
            region=region,
            emails=e.get("emails", []),
            phones=e.get("phones", []),
            source=DEMO_SOURCE,
            collected_at=now,
            **spec,
        )
    release_ids = {}
    for r in data["releases"]:
        body = r.get("body", "")
        if r.get("seed"):
            body = (folder / "seeds" / r["seed"]).read_text(encoding="utf-8")
        for name in r.get("experts", []):
            if name not in experts:
                raise DeskError(f"Demo release {r['key']} names an unknown expert {name}.")
        outcome = releases.create_release(
            session,
            who=who,
            region=region,
            title=r["title"],
            issued_on=date.fromisoformat(r["issued_on"]) if r.get("issued_on") else None,
            embargo_until=datetime.fromisoformat(r["embargo"]) if r.get("embargo") else None,
            body=body,
            source=r.get("seed") or "demo",
            experts=[releases.ExpertSpec(name=n) for n in r.get("experts", [])],
            press_contacts=[
                releases.ContactSpec(
                    name=c["name"],
                    organisation=c.get("organisation", ""),
                    emails=tuple(c.get("emails", [])),
                    phones=tuple(c.get("phones", [])),
                )
                for c in r.get("press_contacts", [])
            ],
        )
        release_ids[r["key"]] = outcome.release.id
    journalists = {}
    for j in data["journalists"]:
        journalists[j["name"]] = contacts.create_journalist(
            session,
            who=who,
            region=region,
            name=j["name"],
            outlet=j.get("outlet"),
            role=j.get("role", ""),
            beat=j.get("beat", ""),
            emails=j.get("emails", []),
            phones=j.get("phones", []),
            preferred_channel=j.get("preferred_channel", "phone"),
            notes=j.get("notes", ""),
            source=DEMO_SOURCE,
            collected_at=now,
        )
    for item in data["enquiries"]:
        person = journalists[item["journalist"]]
        received = now + timedelta(minutes=item["received_minutes"])
        deadline = item.get("deadline_minutes")
        typed_in = EnquiryCreate(
            subject=item["subject"],
            type=item["type"],
            journalist_id=person.id,
            deadline=now + timedelta(minutes=deadline) if deadline is not None else None,
            channel=item.get("channel", "phone"),
            priority=item.get("priority", "normal"),
            release_id=release_ids.get(item.get("release") or ""),
            notes=item.get("notes", ""),
            officer=item.get("officer", ""),
        )
        enquiry = enquiries.log_enquiry(
            session, typed_in, who=item.get("officer") or who, region=region, tz="UTC", now=received
        )
        _replay(
            session, enquiry, item, expert=experts[item["expert"]].id if item.get("expert") else None, now=now, who=who
        )
    session.flush()
    return {
        "outlets": len(data["outlets"]),
        "experts": len(experts),
        "releases": len(release_ids),
        "journalists": len(journalists),
        "enquiries": len(data["enquiries"]),
    }


FORMATS = ("radio", "phone", "tv", "online", "print")


def _replay(session: Session, enquiry: Enquiry, item: dict, *, expert: int | None, now: datetime, who: str) -> None:
    """Walk a demo enquiry through its "history" ([minutes before now, status] or [minutes, "note", text]) with
    the services, at those times, so its history rows, response and closing times agree with its status; then
    link its "coverage" ({minutes, headline, url}: the day it ran)."""
    officer = item.get("officer") or who
    request: InterviewRequest | None = None
    last = enquiry.received_at
    for minutes, to, *text in item.get("history", []):
        at = now + timedelta(minutes=minutes)
        if not last < at < now:
            raise DeskError(f"Demo enquiry '{item['subject']}': its history must run forward from the call to now.")
        last = at
        if to == "note":
            enquiries.add_note(session, who=officer, enquiry_id=enquiry.id, text=text[0], now=at)
            continue
        if expert is not None and to == E.ROUTED and request is None:
            request = _offer(session, enquiry, expert, who=officer, at=at)
        if request is not None and to in _INTERVIEW_STATUS:
            _settle(session, request, enquiry, to=_INTERVIEW_STATUS[to], who=officer, at=at)
        enquiries.change_status(session, who=officer, enquiry_id=enquiry.id, to=to, now=at)
    if enquiry.status != item["status"]:
        raise DeskError(f"Demo enquiry '{item['subject']}': its history ends {enquiry.status}, not {item['status']}.")
    for piece in item.get("coverage", []):
        coverage.add_coverage(
            session,
            who=officer,
            enquiry_id=enquiry.id,
            published_on=(now + timedelta(minutes=piece["minutes"])).date(),
            url=piece.get("url", ""),
            headline=piece.get("headline", ""),
            tz="UTC",
            now=now,
        )


def _offer(session: Session, enquiry: Enquiry, expert_id: int, *, who: str, at: datetime) -> InterviewRequest:
    """Offer a demo enquiry to its expert at a given time, with the history row routing writes."""
    request = InterviewRequest(
        enquiry_id=enquiry.id, expert_id=expert_id, status=R.OFFERED, updated_by=who, created_at=at, updated_at=at
    )
    name = request_moves.expert_name(session, expert_id)
    return activity.add(
        session,
        request,
        who=who,
        entity="interview_request",
        action="route",
        enquiry_id=enquiry.id,
        summary=lambda row: f"Offered to {name} (request {row.id})",
        at=at,
    )


def _settle(session: Session, request: InterviewRequest, enquiry: Enquiry, *, to: R, who: str, at: datetime) -> None:
    """Move a demo interview request on as its enquiry moves (booked, held, declined), with its history rows."""
    if request.status == to:
        return
    name = request_moves.expert_name(session, request.expert_id)
    if to == R.SCHEDULED:
        slot = _demo_slot(enquiry.received_at, enquiry.deadline)
        request.slot_start, request.slot_end = slot, slot + timedelta(minutes=30)
        request.format = FORMATS[enquiry.id % len(FORMATS)]
        request.place = "Down the line from the office studio"
        steps = [(R.ACCEPTED, f"{name} accepted"), (R.SCHEDULED, f"Scheduled {request.format} interview with {name}")]
    elif to == R.DONE:
        steps = [(R.DONE, f"Interview with {name} done")]
    else:
        steps = [(to, f"{name} {to}")]
    for status, summary in steps:
        activity.record(
            session,
            who=who,
            action=f"interview_{status}",
            entity="interview_request",
            entity_id=request.id,
            enquiry_id=enquiry.id,
            summary=summary,
            changes={"status": [request.status, status.value]},
            at=at,
        )
        request.status = status.value
    request.version += len(steps)
    request.updated_at, request.updated_by = at, who


def _demo_slot(received: datetime, deadline: datetime | None) -> datetime:
    """A plausible interview slot: an hour before the deadline (or a day after the call), on the half hour."""
    slot = (deadline - timedelta(hours=1)) if deadline else received + timedelta(days=1)
    return slot.replace(minute=0 if slot.minute < 30 else 30, second=0, microsecond=0)


_INTERVIEW_STATUS = {E.SCHEDULED: R.SCHEDULED, E.DONE: R.DONE, E.DECLINED: R.DECLINED}
"""The interview request status that fits a demo enquiry's status, once an expert has been offered it."""
