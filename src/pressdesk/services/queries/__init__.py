"""Read-only questions the desk asks: lists, counts, details, search. All return plain views."""

from pressdesk.services.queries.details import enquiry_detail, get_enquiry, history, interviews_for, list_releases
from pressdesk.services.queries.enquiry_lists import (
    Cursor,
    count_enquiries,
    count_matching_enquiries,
    desk_counts,
    enquiry_number,
    enquiry_query,
    enquiry_rows,
    enquiry_rows_select,
    enquiry_text_filters,
    list_enquiries,
    open_filter,
    open_page,
    stream_enquiries,
)
from pressdesk.services.queries.people_lists import (
    beat_filter,
    journalist_filters,
    list_experts,
    list_journalists,
    list_press_contacts,
    people_ranked,
)

__all__ = [
    "Cursor",
    "beat_filter",
    "count_enquiries",
    "count_matching_enquiries",
    "desk_counts",
    "enquiry_detail",
    "enquiry_number",
    "enquiry_query",
    "enquiry_rows",
    "enquiry_rows_select",
    "enquiry_text_filters",
    "get_enquiry",
    "history",
    "interviews_for",
    "journalist_filters",
    "list_enquiries",
    "list_experts",
    "list_journalists",
    "list_press_contacts",
    "list_releases",
    "open_filter",
    "open_page",
    "people_ranked",
    "stream_enquiries",
]
