"""Data-protection duties: who is still to be told, subject access exports, erasure, purging, the history."""

from pressdesk.services.privacy.access import privacy_export
from pressdesk.services.privacy.erasure import (
    FREE_TEXT,
    Erased,
    EraseReport,
    erase_person,
    person_terms,
    privacy_erase,
    scrub_everywhere,
)
from pressdesk.services.privacy.people import (
    CHUNK,
    ERASED,
    PEOPLE,
    TELL_WITHIN,
    NotTold,
    find_people,
    mark_told,
    not_told,
    stream_history,
)
from pressdesk.services.privacy.purge import (
    PurgeReport,
    Quiet,
    add_do_not_contact,
    parse_age,
    privacy_purge,
    quiet_people,
)

__all__ = [
    "CHUNK",
    "ERASED",
    "EraseReport",
    "Erased",
    "FREE_TEXT",
    "NotTold",
    "PEOPLE",
    "PurgeReport",
    "Quiet",
    "TELL_WITHIN",
    "add_do_not_contact",
    "erase_person",
    "find_people",
    "mark_told",
    "not_told",
    "parse_age",
    "person_terms",
    "privacy_erase",
    "privacy_export",
    "privacy_purge",
    "quiet_people",
    "scrub_everywhere",
    "stream_history",
]
