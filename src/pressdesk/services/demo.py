"""Fill an empty desk with the demo data in pressdesk/demo_data: the seed release, experts, journalists, enquiries."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from importlib.resources import files
from importlib.resources.abc import Traversable

from sqlmodel import Session, func, select

from pressdesk.errors import DeskError
from pressdesk.models import Enquiry, InterviewRequest, utcnow
from pressdesk.services import contacts, enquiries, releases

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
        enquiry = enquiries.log_enquiry(
            session,
            who=item.get("officer") or who,
            region=region,
            tz="UTC",
            subject=item["subject"],
            type=item["type"],
            journalist_id=person.id,
            deadline=now + timedelta(minutes=deadline) if deadline is not None else None,
            channel=item.get("channel", "phone"),
            priority=item.get("priority", "normal"),
            release_id=release_ids.get(item.get("release") or ""),
            notes=item.get("notes", ""),
            officer=item.get("officer", ""),
            now=received,
        )
        if item.get("expert"):
            status = _interview_status(item["status"])
            slot = _demo_slot(received, now + timedelta(minutes=deadline) if deadline is not None else None)
            booked = status in ("scheduled", "done")
            session.add(
                InterviewRequest(
                    enquiry_id=enquiry.id,
                    expert_id=experts[item["expert"]].id,
                    status=status,
                    slot_start=slot if booked else None,
                    slot_end=slot + timedelta(minutes=30) if booked else None,
                    format=FORMATS[enquiry.id % len(FORMATS)] if booked else "",
                    place="Down the line from the office studio" if booked else "",
                    updated_by=who,
                    created_at=received,
                    updated_at=received,
                )
            )
        enquiry.status = item["status"]
    session.flush()
    return {
        "outlets": len(data["outlets"]),
        "experts": len(experts),
        "releases": len(release_ids),
        "journalists": len(journalists),
        "enquiries": len(data["enquiries"]),
    }


FORMATS = ("radio", "phone", "tv", "online", "print")


def _demo_slot(received: datetime, deadline: datetime | None) -> datetime:
    """A plausible interview slot: an hour before the deadline (or a day after the call), on the half hour."""
    slot = (deadline - timedelta(hours=1)) if deadline else received + timedelta(days=1)
    return slot.replace(minute=0 if slot.minute < 30 else 30, second=0, microsecond=0)


def _interview_status(enquiry_status: str) -> str:
    """The interview request status that fits a demo enquiry's status."""
    return {"scheduled": "scheduled", "done": "done", "declined": "declined"}.get(enquiry_status, "offered")
