"""The domain's tables, vocabularies and views.

Names are loaded on first use, so a face importing `pressdesk.models.views` or `.enums` for its types does not
load SQLModel (and the database stack) before its first frame. `import pressdesk.models.tables` registers the
tables on SQLModel.metadata.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "OPEN_STATUSES": "enums",
    "CLOSED_STATUSES": "enums",
    "LIVE_REQUESTS": "enums",
    "COUNTED_REQUESTS": "enums",
    "SAID_YES": "enums",
    "Channel": "enums",
    "Effect": "enums",
    "ContactKind": "enums",
    "EnquiryStatus": "enums",
    "EnquiryType": "enums",
    "InterviewFormat": "enums",
    "InterviewStatus": "enums",
    "LawfulBasis": "enums",
    "PointLabel": "enums",
    "Priority": "enums",
    "Activity": "tables",
    "ContactPoint": "tables",
    "Coverage": "tables",
    "DuplicateReview": "tables",
    "MediaList": "tables",
    "MediaListMember": "tables",
    "NotDuplicate": "tables",
    "DeskSecret": "tables",
    "DoNotContact": "tables",
    "Enquiry": "tables",
    "Expert": "tables",
    "InterviewRequest": "tables",
    "Journalist": "tables",
    "Outlet": "tables",
    "PressContact": "tables",
    "Release": "tables",
    "ReleaseExpert": "tables",
    "ReleasePressContact": "tables",
    "Statement": "tables",
    "UTCDateTime": "types",
    "utcnow": "types",
}

__all__ = [
    "CLOSED_STATUSES",
    "COUNTED_REQUESTS",
    "LIVE_REQUESTS",
    "SAID_YES",
    "Activity",
    "Channel",
    "ContactKind",
    "ContactPoint",
    "Coverage",
    "DeskSecret",
    "DoNotContact",
    "DuplicateReview",
    "Effect",
    "Enquiry",
    "EnquiryStatus",
    "EnquiryType",
    "Expert",
    "InterviewFormat",
    "InterviewRequest",
    "InterviewStatus",
    "Journalist",
    "OPEN_STATUSES",
    "LawfulBasis",
    "MediaList",
    "MediaListMember",
    "NotDuplicate",
    "Outlet",
    "PointLabel",
    "PressContact",
    "Priority",
    "Release",
    "ReleaseExpert",
    "ReleasePressContact",
    "Statement",
    "UTCDateTime",
    "utcnow",
]

if TYPE_CHECKING:
    from pressdesk.models.enums import (
        CLOSED_STATUSES,
        COUNTED_REQUESTS,
        LIVE_REQUESTS,
        OPEN_STATUSES,
        SAID_YES,
        Channel,
        ContactKind,
        Effect,
        EnquiryStatus,
        EnquiryType,
        InterviewFormat,
        InterviewStatus,
        LawfulBasis,
        PointLabel,
        Priority,
    )
    from pressdesk.models.tables import (
        Activity,
        ContactPoint,
        Coverage,
        DeskSecret,
        DoNotContact,
        DuplicateReview,
        Enquiry,
        Expert,
        InterviewRequest,
        Journalist,
        MediaList,
        MediaListMember,
        NotDuplicate,
        Outlet,
        PressContact,
        Release,
        ReleaseExpert,
        ReleasePressContact,
        Statement,
    )
    from pressdesk.models.types import UTCDateTime, utcnow


def __getattr__(name: str) -> Any:
    """Import the submodule that holds `name` when it is first asked for."""
    if name in _EXPORTS:
        value = getattr(import_module(f"pressdesk.models.{_EXPORTS[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pressdesk.models' has no attribute {name!r}")
