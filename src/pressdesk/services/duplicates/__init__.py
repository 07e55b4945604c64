"""Two records, one person: the review list, pairs an officer said are two people, and merging."""

from pressdesk.services.duplicates.merging import MERGE_FIELDS, TEXT_COLUMNS, MergeOutcome, merge, not_duplicate
from pressdesk.services.duplicates.reviews import ENTITIES, add_reviews, merge_topics, not_duplicate_pairs, pair
from pressdesk.services.duplicates.scan import SCAN_OUTLET_LIMIT, DuplicatePair, PersonCard, find_duplicates

__all__ = [
    "DuplicatePair",
    "ENTITIES",
    "MERGE_FIELDS",
    "MergeOutcome",
    "PersonCard",
    "SCAN_OUTLET_LIMIT",
    "TEXT_COLUMNS",
    "add_reviews",
    "find_duplicates",
    "merge",
    "merge_topics",
    "not_duplicate",
    "not_duplicate_pairs",
    "pair",
]
