"""The core both faces run through: one object over an opened desk, its areas composed."""

from __future__ import annotations

from pressdesk.core.contacts import ContactsArea
from pressdesk.core.desk import DeskArea
from pressdesk.core.enquiries import EnquiriesArea
from pressdesk.core.interviews import InterviewsArea
from pressdesk.core.officers import OfficersArea
from pressdesk.core.people import PeopleArea
from pressdesk.core.releases import ReleasesArea
from pressdesk.core.reports import ReportsArea
from pressdesk.core.statements import StatementsArea
from pressdesk.core.trust import TrustArea


class Backend(
    DeskArea,
    EnquiriesArea,
    PeopleArea,
    ReleasesArea,
    InterviewsArea,
    StatementsArea,
    ReportsArea,
    TrustArea,
    ContactsArea,
    OfficersArea,
):
    """An opened desk with its settings and clock. Every method opens and closes its own short session and returns
    plain views (pressdesk.core.views), never ORM rows; refusals are pressdesk.errors. Synchronous: the TUI calls it
    from thread workers, the CLI directly."""
