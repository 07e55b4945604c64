"""Storing a release: what the officer reviewed is what is stored, and the same release again updates it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlmodel import select

from pressdesk.models import ContactPoint, Expert, PressContact, Release, ReleaseExpert
from pressdesk.services import intake

SEED = next((Path(__file__).resolve().parents[1] / "src" / "pressdesk" / "demo_data" / "seeds").glob("000_*.txt"))
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "releases"


def _import(desk, text: str, source: str = "release.txt"):
    with desk.write() as s:
        parsed, outcome = intake.import_release(
            s, who="test", region="GB", tz="Europe/London", text=text, source=source
        )
        return parsed, list(outcome.created), list(outcome.matched)


def _count(desk, model) -> int:
    with desk.read() as s:
        return len(s.exec(select(model)).all())


def test_the_same_release_imported_twice_is_updated_not_doubled(empty_desk) -> None:
    text = SEED.read_text(encoding="utf-8")
    _import(empty_desk, text)
    changed = text.replace("strikingly resilient", "remarkably resilient")
    _parsed, created, matched = _import(empty_desk, changed, source="again.txt")
    assert created == []
    assert matched[0].endswith("(updated)")
    assert (_count(empty_desk, Release), _count(empty_desk, Expert), _count(empty_desk, PressContact)) == (1, 1, 1)
    with empty_desk.read() as s:
        (release,) = s.exec(select(Release)).all()
        assert "remarkably resilient" in release.body and release.source == "again.txt" and release.version == 2


def test_a_reviewed_release_stores_only_the_people_kept_and_names_as_corrected(empty_desk) -> None:
    with empty_desk.read():
        parsed = intake.read_release(
            (FIXTURES / "uk_two_experts_two_contacts.txt").read_text(encoding="utf-8"), region="GB", tz="Europe/London"
        )
    first, _second = parsed.experts
    reviewed = dataclasses.replace(
        parsed,
        experts=(dataclasses.replace(first, name="Priya Raman-Shah"),),
        press_contacts=parsed.press_contacts[:1],
    )
    with empty_desk.write() as s:
        intake.store_release(s, who="test", region="GB", parsed=reviewed, source="reviewed")
    with empty_desk.read() as s:
        assert [e.name for e in s.exec(select(Expert)).all()] == ["Priya Raman-Shah"]
        assert [c.name for c in s.exec(select(PressContact)).all()] == ["Joanna Fletcher"]


def test_an_expert_stored_from_a_release_keeps_the_email_and_phone_it_gave(empty_desk) -> None:
    _import(empty_desk, (FIXTURES / "uk_thinktank_interview.txt").read_text(encoding="utf-8"))
    with empty_desk.read() as s:
        tom = s.exec(select(Expert).where(Expert.name == "Tom Ellery-Jones")).one()
        points = {p.value for p in s.exec(select(ContactPoint).where(ContactPoint.expert_id == tom.id))}
    assert points == {"tom.ellery-jones@ashdowninstitute.example", "+442079460812"}


def test_a_stored_release_keeps_its_issuer_place_zone_roles_labels_and_where_experts_came_from(empty_desk) -> None:
    _import(empty_desk, (FIXTURES / "uk_uni_seagrass_two_contacts.txt").read_text(encoding="utf-8"))
    _import(empty_desk, (FIXTURES / "us_uni_sources_block.txt").read_text(encoding="utf-8"))
    with empty_desk.read() as s:
        seagrass, buses = sorted(s.exec(select(Release)).all(), key=lambda r: r.title, reverse=True)
        assert (seagrass.issuer, seagrass.embargo_zone) == ("University of Wessex", "Europe/London")
        assert (buses.place, buses.embargo_zone) == ("CHICAGO", "America/Chicago")
        ruth = s.exec(select(PressContact).where(PressContact.name == "Ruth Sandling")).one()
        assert ruth.role == "Media Relations Officer"
        line = s.exec(select(PressContact).where(PressContact.role == "Press Office")).one()
        labels = {
            p.value: p.label for p in s.exec(select(ContactPoint).where(ContactPoint.press_contact_id == line.id))
        }
        assert labels == {"+447400123456": "out of hours"}
        sources = {
            e.name: link.source
            for link, e in s.exec(select(ReleaseExpert, Expert).where(ReleaseExpert.expert_id == Expert.id))
        }
        assert sources == {
            "Tamsin Rourke": "offered",
            "Alan Okafor": "offered",
            "Ramon Ortiz": "listed",
            "Lydia Chen": "listed",
        }
