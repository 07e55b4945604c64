"""The domain tables and vocabularies of the desk."""

from pressdesk.models.enums import (
    OPEN_STATUSES,
    Channel,
    ContactKind,
    EnquiryStatus,
    EnquiryType,
    InterviewFormat,
    InterviewStatus,
    Priority,
)
from pressdesk.models.tables import (
    Activity,
    ContactPoint,
    Coverage,
    Enquiry,
    Expert,
    InterviewRequest,
    Journalist,
    Outlet,
    PressContact,
    Release,
    ReleaseExpert,
    ReleasePressContact,
    Statement,
)
from pressdesk.models.types import UTCDateTime, utcnow

__all__ = [
    "OPEN_STATUSES",
    "Activity",
    "Channel",
    "ContactKind",
    "ContactPoint",
    "Coverage",
    "Enquiry",
    "EnquiryStatus",
    "EnquiryType",
    "Expert",
    "InterviewFormat",
    "InterviewRequest",
    "InterviewStatus",
    "Journalist",
    "Outlet",
    "PressContact",
    "Priority",
    "Release",
    "ReleaseExpert",
    "ReleasePressContact",
    "Statement",
    "UTCDateTime",
    "utcnow",
]
