"""Noticing other connections' commits cheaply: PRAGMA data_version on one kept connection."""

from __future__ import annotations

from sqlmodel import select

from pressdesk.models import Enquiry
from pressdesk.models.inputs import EnquiryCreate
from pressdesk.services import enquiries
from pressdesk.store import open_desk
from pressdesk.store.watch import ChangeWatch
from tests.conftest import desk_target


def log_one(desk, subject: str) -> None:
    """Log an enquiry from a new caller through this desk's engine."""
    with desk.write() as s:
        enquiries.log_enquiry(
            s, EnquiryCreate(subject=subject, journalist="Ann Other"), who="t", region="GB", tz="Europe/London"
        )


def test_a_commit_by_another_process_is_noticed_once(desk):
    other = open_desk(desk_target(desk))  # another engine: stands in for another terminal
    watch = ChangeWatch(desk.engine)
    try:
        assert watch.changed() is False, "nothing happened yet"
        log_one(other, "Logged in another terminal")
        assert watch.wait(5) is True, "noticed (a server's notice arrives a moment after the commit)"
        assert watch.changed() is False, "the same commit is reported once"
        with desk.read() as s:  # reading changes nothing
            s.exec(select(Enquiry)).all()
        assert watch.changed() is False
    finally:
        watch.close()
        other.dispose()


def test_a_commit_through_the_same_engine_is_noticed_too(desk):
    watch = ChangeWatch(desk.engine)
    try:
        log_one(desk, "Logged here")
        assert watch.wait(5) is True
    finally:
        watch.close()
