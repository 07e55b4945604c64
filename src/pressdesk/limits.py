"""How long each text a person types may be: the one table the models declare and the services enforce.

Light on purpose (no imports), so the settings can hold the officer's name to it at start-up
without loading the models.
"""

from __future__ import annotations

COLUMN_LENGTHS: dict[str, int] = {
    "tracked.updated_by": 120,
    "outlet.name": 200,
    "outlet.name_key": 200,
    "outlet.country": 2,
    "outlet.kind": 40,
    "outlet.website": 300,
    "journalist.name": 200,
    "journalist.name_key": 400,
    "journalist.role": 200,
    "journalist.beat": 200,
    "journalist.preferred_channel": 20,
    "expert.name": 200,
    "expert.honorific": 40,
    "expert.title": 200,
    "expert.affiliation": 200,
    "expert.languages": 200,
    "expert.working_hours": 40,
    "journalist.lawful_basis": 40,
    "journalist.source": 400,
    "expert.lawful_basis": 40,
    "expert.source": 400,
    "press_contact.lawful_basis": 40,
    "press_contact.source": 400,
    "press_contact.name": 200,
    "press_contact.organisation": 200,
    "press_contact.role": 200,
    "contact_point.kind": 10,
    "contact_point.raw": 320,
    "contact_point.value": 320,
    "contact_point.extension": 20,
    "contact_point.lookup_key": 320,
    "contact_point.label": 40,
    "release.title": 400,
    "release.source": 400,
    "release.issuer": 400,
    "release.place": 200,
    "release.embargo_zone": 60,
    "release_expert.source": 10,
    "statement.title": 300,
    "statement.approved_by": 120,
    "enquiry.channel": 20,
    "enquiry.type": 20,
    "enquiry.subject": 500,
    "enquiry.priority": 10,
    "enquiry.status": 20,
    "enquiry.officer": 120,
    "officer.name": 120,
    "officer.initials": 8,
    "officer.email": 320,
    "interview_request.status": 20,
    "interview_request.format": 20,
    "interview_request.place": 400,
    "coverage.url": 1000,
    "coverage.headline": 500,
    "activity.who": 120,
    "activity.action": 40,
    "activity.entity": 40,
    "do_not_contact.kind": 10,
    "do_not_contact.digest": 64,
    "do_not_contact.reason": 40,
    "do_not_contact.created_by": 120,
    "desk_secret.name": 40,
    "not_duplicate.entity": 20,
    "not_duplicate.who": 120,
    "duplicate_review.entity": 20,
    "duplicate_review.reason": 500,
    "duplicate_review.found_by": 400,
    "media_list.name": 200,
    "media_list.name_key": 400,
    "media_list.built_from": 500,
}
"""Lengths declared on the columns ("table.column" -> characters); models/tables.py reads them from here."""

TEXT_LENGTHS: dict[str, int] = {
    "journalist.notes": 20_000,
    "expert.topics": 2_000,
    "expert.blocked_dates": 2_000,
    "expert.conflicts": 5_000,
    "expert.notes": 20_000,
    "press_contact.notes": 20_000,
    "release.body": 2_000_000,
    "statement.body": 20_000,
    "statement.topics": 2_000,
    "enquiry.notes": 20_000,
    "interview_request.notes": 20_000,
    "coverage.note": 20_000,
    "media_list.description": 2_000,
}
"""Columns stored as free text, without a declared length: the most one entry may hold (a note, a release body)."""

LONGEST_TIME = 100
"""The most characters a typed time, day or period may have ("next friday at 4pm", "last 7 days"): longer text is
refused before the grammar or dateparser reads it."""

LONGEST_SEARCH = 200
"""The most characters of search-box text read: a page pasted into it is searched for its first 200 characters (every
term must match, so a longer text finds nothing anyway; reading a 1 MB paste took 8 s)."""

LONGEST_FILE_LINE = 1 << 24
"""The most characters one line (or one CSV cell) of a contacts file may have: a longer one is refused as it is read,
never held whole in memory."""

UNPACKED_CONTACTS_BYTES = 256 << 20
"""The most a contacts workbook (.xlsx, a zip) may unpack to: a media list of 100,000 rows is about a third of it."""

LARGEST_SHEET_CELLS = 10_000_000
"""The most cells a contacts sheet may span from its first to its last (a list of 100,000 rows by 30 columns is 3
million): the reader holds every cell of that span, empty or not, so one far-off cell cannot make it take gigabytes."""

LARGEST_SHEET_TEXT = 64 << 20
"""The most characters of shared text the cells of a workbook (.xlsx, .xls) may show in all (100,000 rows of 300
characters are half of it): each cell may show one shared string, and calamine holds a copy for each."""

UNPACKED_RELEASE_BYTES = 64 << 20
"""The most a release's Word file (.docx, a zip) may unpack to: a few pages and their pictures are a few MB."""


PDF_PAGES = 300
"""The most pages a release's PDF may have: a release is a few pages, 300 is a report (each page costs its reading)."""

PDF_CONTENT_BYTES = 2 << 20
"""The most content a release's PDF may draw on its pages, unpacked (the forms a page calls counted once): a page of
text is 10-40 KB, of charts about 100 KB; parsing 3 MB of text operations took 4.6 s."""

PDF_OPERATIONS = 100_000
"""The most operations the pages of a release's PDF may draw, a form's counted each time a page calls it: a manual of
36 pages draws 13,000."""


def max_length(column: str) -> int:
    """The most characters a value of "table.column" may have; KeyError for a column that holds no typed text."""
    return COLUMN_LENGTHS[column] if column in COLUMN_LENGTHS else TEXT_LENGTHS[column]


def too_long(column: str, text: str) -> str:
    """Why the text is too long for its column, or "" when it fits."""
    limit = max_length(column)
    if len(text) <= limit:
        return ""
    return f"Keep this to {limit:,} characters or fewer (it has {len(text):,})."
