"""Erasure: the person goes, their enquiries stay anonymised, and no byte of them is left in the desk's files."""

from __future__ import annotations

import pytest
from sqlalchemy import event, text

from pressdesk.errors import FieldError, NotFound
from pressdesk.models.inputs import EnquiryCreate, JournalistUpdate
from pressdesk.services import contacts, enquiries, privacy, search
from pressdesk.store.check import check
from pressdesk.store.scrub import ENCODINGS, count_bytes
from tests.conftest import ON_SERVER

IN_THE_FILES = "greps a SQLite desk's own files; a server's files are not the desk's to read"
"""Why the tests that read the desk's bytes skip on the test server."""

NAME = "Zebediah Quillfeather"
EMAIL = "zeb.quillfeather@example-news.co.uk"
PHONE_TYPED = "07911 123457"
PHONE = "+447911123457"
OLD_PHONE = "+447911123458"


def found_in_files(desk, *needles: str) -> dict[str, int]:
    """How often each text occurs in the raw bytes of the desk file, its -wal and its -shm, in UTF-8 and UTF-16."""
    totals = {}
    for needle in needles:
        n = 0
        for side in ("", "-wal", "-shm"):
            path = desk.path.with_name(desk.path.name + side)
            n += sum(count_bytes(path, [needle.encode(e) for e in ENCODINGS]).values())
        totals[needle] = n
    return totals


def a_well_known_caller(desk) -> list[int]:
    """A journalist with a long trail: three calls, notes naming them, an edited number, mentions elsewhere."""
    ids = []
    with desk.write() as s:
        common = {"who": "Jo", "region": "GB", "tz": "Europe/London"}
        ids.append(
            enquiries.log_enquiry(
                s,
                EnquiryCreate(subject=f"Comment for {NAME}", journalist=NAME, outlet="The Quill", phone="07911 123458"),
                **common,
            ).id
        )
        j = s.execute(text("SELECT journalist_id FROM enquiry WHERE id = :i"), {"i": ids[0]}).scalar()
        contacts.update_journalist(
            s,
            JournalistUpdate(phones=[PHONE_TYPED], emails=[EMAIL]),
            who="Jo",
            region="GB",
            journalist_id=j,
            expected_version=None,
        )
        ids.append(
            enquiries.log_enquiry(s, EnquiryCreate(subject="Data on rail fares", email=EMAIL, type="data"), **common).id
        )
        ids.append(enquiries.log_enquiry(s, EnquiryCreate(subject="Interview request", phone=PHONE_TYPED), **common).id)
        enquiries.add_note(s, who="Jo", enquiry_id=ids[1], text=f"{NAME} rang back from {PHONE_TYPED}")
        enquiries.change_status(s, who="Jo", enquiry_id=ids[2], to="triaged")
        other = s.execute(text("SELECT id FROM enquiry WHERE journalist_id != :j LIMIT 1"), {"j": j}).scalar()
        enquiries.add_note(s, who="Jo", enquiry_id=other, text=f"Same story as {NAME} ({EMAIL})")
    return ids


@pytest.mark.skipif(ON_SERVER, reason=IN_THE_FILES)
@pytest.mark.parametrize("sqlite_default", ["secure_delete on", "secure_delete off"])
def test_an_erased_journalist_leaves_no_byte_in_the_desk_file_its_wal_or_free_pages(desk, sqlite_default):
    if sqlite_default.endswith("off"):  # as SQLite builds without SQLITE_SECURE_DELETE (Debian's has it on)
        event.listen(desk.engine, "connect", lambda con, _record: con.execute("PRAGMA secure_delete = OFF"))
        desk.engine.dispose()
    ids = a_well_known_caller(desk)
    with desk.read() as s:
        before_rows = s.execute(text("SELECT count(*) FROM enquiry")).scalar()
        kept = s.execute(
            text("SELECT id, received_at, type, status, channel FROM enquiry WHERE id IN (:a, :b, :c)"),
            {"a": ids[0], "b": ids[1], "c": ids[2]},
        ).all()
        history_before = s.execute(
            text("SELECT count(*) FROM activity WHERE enquiry_id IN (:a, :b, :c)"),
            {"a": ids[0], "b": ids[1], "c": ids[2]},
        ).scalar()
    assert all(found_in_files(desk, NAME, EMAIL, PHONE, PHONE_TYPED, OLD_PHONE).values()), "the trail is there"

    report = privacy.privacy_erase(desk, who="Jo", email=EMAIL.upper(), region="GB")

    assert [(e.kind, e.enquiries) for e in report.erased] == [("journalist", 3)]
    assert report.files.clean and report.files.wal_emptied
    assert not report.files.vacuumed, "secure_delete zeroed what the erase removed: no VACUUM was needed"
    assert found_in_files(desk, NAME, EMAIL, PHONE, PHONE_TYPED, OLD_PHONE, NAME.lower()) == dict.fromkeys(
        (NAME, EMAIL, PHONE, PHONE_TYPED, OLD_PHONE, NAME.lower()), 0
    )
    with desk.read() as s:
        assert s.execute(text("SELECT count(*) FROM enquiry")).scalar() == before_rows, "counts survive"
        after = s.execute(
            text("SELECT id, received_at, type, status, channel FROM enquiry WHERE id IN (:a, :b, :c)"),
            {"a": ids[0], "b": ids[1], "c": ids[2]},
        ).all()
        assert after == kept, "dates, types, statuses survive"
        assert (
            s.execute(
                text("SELECT count(*) FROM activity WHERE enquiry_id IN (:a, :b, :c)"),
                {"a": ids[0], "b": ids[1], "c": ids[2]},
            ).scalar()
            == history_before
        )
        assert s.execute(
            text("SELECT DISTINCT journalist_id, notes FROM enquiry WHERE id IN (:a, :b, :c)"),
            {"a": ids[0], "b": ids[1], "c": ids[2]},
        ).all() == [(None, "")]
        assert s.execute(text("SELECT subject FROM enquiry WHERE id = :a"), {"a": ids[0]}).scalar() == (
            "Comment for [erased]"
        )
        erase = s.execute(text("SELECT who, summary FROM activity WHERE action = 'erase'")).one()
        assert erase.who == "Jo" and NAME not in erase.summary
        assert search.search(s, "Quillfeather") == []
    assert check(desk).ok, "the search index is in step after the erase"
    with pytest.raises(FieldError) as refused, desk.write() as s:
        enquiries.log_enquiry(
            s,
            EnquiryCreate(subject="x", phone=PHONE_TYPED, journalist="Someone"),
            who="Jo",
            region="GB",
            tz="Europe/London",
        )
    assert refused.value.field == "phone" and "asked not to be contacted" in refused.value.reason


@pytest.mark.skipif(ON_SERVER, reason=IN_THE_FILES)
def test_an_erased_expert_goes_with_their_interviews_and_every_mention(desk):
    with desk.read() as s:
        expert_id, name = s.execute(
            text("SELECT e.id, e.name FROM expert e JOIN interview_request r ON r.expert_id = e.id LIMIT 1")
        ).one()
        enquiry_count = s.execute(text("SELECT count(*) FROM enquiry")).scalar()
    assert found_in_files(desk, name)[name] > 0
    report = privacy.privacy_erase(desk, who="Jo", person_id=expert_id, kind="expert")
    assert report.files.clean
    assert found_in_files(desk, name)[name] == 0
    with desk.read() as s:
        assert (
            s.execute(text("SELECT count(*) FROM interview_request WHERE expert_id = :e"), {"e": expert_id}).scalar()
            == 0
        )
        assert s.execute(text("SELECT count(*) FROM enquiry")).scalar() == enquiry_count
    assert check(desk).ok


def test_erasing_nobody_is_refused(desk):
    with pytest.raises(NotFound):
        privacy.privacy_erase(desk, who="Jo", email="nobody@nowhere.example")
    with pytest.raises(FieldError) as refused:
        privacy.privacy_erase(desk, who="Jo", email="not an address")
    assert refused.value.field == "email"


def test_an_erase_that_fails_half_way_changes_nothing(desk, monkeypatch):
    a_well_known_caller(desk)
    with desk.read() as s:
        before = s.execute(text("SELECT count(*) FROM journalist")).scalar()

    def broken(*_a, **_k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(privacy.erasure, "scrub_everywhere", broken)
    with pytest.raises(RuntimeError):
        privacy.privacy_erase(desk, who="Jo", email=EMAIL)
    with desk.read() as s:
        assert s.execute(text("SELECT count(*) FROM journalist")).scalar() == before
        assert s.execute(text("SELECT count(*) FROM do_not_contact")).scalar() == 0
