"""The search index: FTS5 trigram over accent-folded text on SQLite, plain LIKE elsewhere; ids of matching records.

What is indexed is `index_text(...)` of each record (migration 0004): case and accents folded ("Élodie Müller" ->
"elodie muller"), punctuation turned into spaces, a word joined from its punctuated parts added ("IS-K" -> "is k
isk"), and a space in front, so `" isk"` matches where a word starts and `"isk"` anywhere (in "risk" too). The
triggers call it as the SQL function `pressdesk_fold`, which every connection of a desk registers (`install`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import event, text
from sqlalchemy.engine import Engine
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

FOLD_FUNCTION = "pressdesk_fold"
"""The SQL name of index_text, called by the search triggers."""

_NOT_WORD = re.compile(r"[\W_]+")
_PUNCTUATED = re.compile(r"(?<![^\W_])[^\W_]++(?:[^\w\s]++[^\W_]++)+")
_ASCII_NOT_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})
_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŧ": "t", "æ": "ae", "œ": "oe", "þ": "th"}
)


def fold(text: str) -> str:
    """The text in lower case without accents: "Élodie Müller, Łódź" -> "elodie muller, lodz"."""
    if text.isascii():
        return text.lower()
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return bare.casefold().translate(_LETTERS)


def _spaced(folded: str) -> list[str]:
    """The words of folded text, every run of punctuation and spacing a break."""
    return (folded.translate(_ASCII_NOT_WORD) if folded.isascii() else _NOT_WORD.sub(" ", folded)).split()


def words_of(text: str) -> str:
    """Folded words separated by single spaces, punctuation dropped: "IS-K's (threat)" -> "is k s threat"."""
    return " ".join(_spaced(fold(text)))


def index_text(text: str | None) -> str:
    """A record's text as the index holds it: a space, its folded words, then each punctuated word joined up."""
    if not text:
        return ""
    folded = fold(text)
    joined = [_NOT_WORD.sub("", w) for w in _PUNCTUATED.findall(folded)]
    return " " + " ".join(_spaced(folded) + joined)


def register(dbapi_connection) -> None:
    """Make index_text callable from SQL on one sqlite3 connection (the search triggers need it)."""
    dbapi_connection.create_function(FOLD_FUNCTION, 1, index_text, deterministic=True)


def install(engine: Engine) -> None:
    """Register the fold function on every connection the engine opens."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        register(dbapi_connection)


@dataclass(frozen=True)
class Terms:
    """The FTS5 queries for what was typed: every term at a word start, and every term anywhere."""

    at_word_starts: str
    anywhere: str


def _phrase(words: str, *, word_start: bool) -> str:
    """One FTS5 phrase: a literal substring, led by a space when it must start a word."""
    return '"' + (" " if word_start else "") + words.replace('"', '""') + '"'


def search_terms(typed: str) -> Terms | None:
    """FTS5 queries matching every typed term of 3+ characters once folded (shorter ones, like "Dr", are left
    out); None when no term is long enough for trigrams. A term with punctuation inside ("IS-K") only matches
    at a word start, so it never matches across words ("this kind")."""
    starts: list[str] = []
    anywhere: list[str] = []
    for raw in typed.split():
        words = words_of(raw)
        if len(words) < 3:
            continue
        starts.append(_phrase(words, word_start=True))
        anywhere.append(_phrase(words, word_start=" " in words))
    if not starts:
        return None
    return Terms(at_word_starts=" ".join(starts), anywhere=" ".join(anywhere))


def fts_query(typed: str) -> str | None:
    """The FTS5 query matching every typed term anywhere; None when no term is long enough for trigrams."""
    terms = search_terms(typed)
    return terms.anywhere if terms else None


def like_pattern(words: str) -> str:
    """A LIKE pattern matching the text anywhere, with wildcards escaped."""
    escaped = words.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class Matches:
    """Ids of matching records, newest first: those where every term starts a word, then the others."""

    at_word_starts: list[int] = field(default_factory=list)
    inside_words: list[int] = field(default_factory=list)

    @property
    def ids(self) -> list[int]:
        """Every matching id, word-start matches first."""
        return self.at_word_starts + self.inside_words


def _rowids(session: Session, kind: str, query: str, limit: int) -> list[int]:
    """Ids of one kind matching an FTS5 query, newest first."""
    low = CODES[kind] << SHIFT
    rows = session.execute(
        text(
            "SELECT rowid - :low FROM search_index WHERE search_index MATCH :q "
            "AND rowid BETWEEN :low AND :high ORDER BY rowid DESC LIMIT :limit"
        ),
        {"q": query, "low": low, "high": low + (1 << SHIFT) - 1, "limit": limit},
    )
    return [r[0] for r in rows]


def ranked_ids(session: Session, kind: str, typed: str, *, limit: int = 200) -> Matches | None:
    """Records of one kind containing every typed term, word-start matches first (at most limit in all);
    None when FTS cannot answer (not SQLite, or no term of 3+ characters)."""
    if session.get_bind().dialect.name != "sqlite":
        return None
    terms = search_terms(typed)
    if terms is None:
        return None
    first = _rowids(session, kind, terms.at_word_starts, limit)
    if len(first) >= limit:
        return Matches(first)
    seen = set(first)
    rest = [i for i in _rowids(session, kind, terms.anywhere, limit) if i not in seen]
    return Matches(first, rest[: limit - len(first)])


def matching_ids(session: Session, kind: str, typed: str, *, limit: int = 200) -> list[int] | None:
    """Ids of records of one kind whose indexed text contains every term; None when FTS cannot answer."""
    found = ranked_ids(session, kind, typed, limit=limit)
    return None if found is None else found.ids
