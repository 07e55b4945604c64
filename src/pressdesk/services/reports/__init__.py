"""The report of a period: what came in, how fast the desk answered, deadlines, interviews, coverage; all in SQL.

Every figure counts the enquiries *received* in the period (start included, end excluded) and what has become of
them by `now`: their status, first response, closing time, interview requests and coverage. Each figure is a
GROUP BY (or, for the percentiles, a window function) in the database; no enquiry row is loaded.
"""

from pressdesk.services.reports.building import BUSIEST, build_report
from pressdesk.services.reports.figures import (
    PERIODS,
    BusyJournalist,
    Count,
    CoverageCounts,
    DayCount,
    Deadlines,
    InterviewCounts,
    Interviews,
    OutletCoverage,
    Period,
    Report,
    Response,
    Times,
    Totals,
)
from pressdesk.services.reports.periods import local_day, report_period, shifted_date

__all__ = [
    "BUSIEST",
    "BusyJournalist",
    "Count",
    "CoverageCounts",
    "DayCount",
    "Deadlines",
    "InterviewCounts",
    "Interviews",
    "OutletCoverage",
    "PERIODS",
    "Period",
    "Report",
    "Response",
    "Times",
    "Totals",
    "build_report",
    "local_day",
    "report_period",
    "shifted_date",
]
