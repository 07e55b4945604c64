"""Moved to `pressdesk.models.views` (issue 8); this name stays only until branches begun before then have landed."""

from pressdesk.models.views import (
    ActivityRow,
    CoverageView,
    DeskCounts,
    EnquiryDetail,
    EnquiryRow,
    InterviewLine,
    InterviewView,
    JsonMixin,
    PersonRow,
    PointView,
    ReleaseRow,
    SearchHit,
    StatementView,
    Suggestion,
)

__all__ = [
    "ActivityRow",
    "CoverageView",
    "DeskCounts",
    "EnquiryDetail",
    "EnquiryRow",
    "InterviewLine",
    "InterviewView",
    "JsonMixin",
    "PersonRow",
    "PointView",
    "ReleaseRow",
    "SearchHit",
    "StatementView",
    "Suggestion",
]
