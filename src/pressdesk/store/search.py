"""The search index: FTS5 trigram on SQLite, plain LIKE elsewhere; ids of matching records."""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.orm import Session

CODES = {
    "enquiry": 1,
    "journalist": 2,
    "expert": 3,
    "release": 4,
    "contact_point": 5,
    "outlet": 6,
    "press_contact": 7,
}
"""rowid = (code << 40) + id in search_index (migration 0003), so each kind is one rowid range."""

SHIFT = 40


def fts_query(words: str) -> str | None:
    """An FTS5 query matching every word of 3+ characters as a literal substring (shorter ones, like "Dr", are
    left out); None when no word is long enough for trigrams."""
    terms = [t for t in re.split(r"\s+", words.strip()) if len(t) >= 3]
    if not terms:
        return None
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def like_pattern(words: str) -> str:
    """A LIKE pattern matching the text anywhere, with wildcards escaped."""
    escaped = words.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matching_ids(session: Session, kind: str, words: str, *, limit: int = 200) -> list[int] | None:
    """Ids of records of one kind whose indexed text contains every word; None when FTS cannot answer."""
    if session.get_bind().dialect.name != "sqlite":
        return None
    query = fts_query(words)
    if query is None:
        return None
    low = CODES[kind] << SHIFT
    rows = session.execute(
        text(
            "SELECT rowid - :low FROM search_index WHERE search_index MATCH :q "
            "AND rowid BETWEEN :low AND :high ORDER BY rowid DESC LIMIT :limit"
        ),
        {"q": query, "low": low, "high": low + (1 << SHIFT) - 1, "limit": limit},
    )
    return [r[0] for r in rows]
