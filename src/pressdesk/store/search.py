"""The search index: FTS5 trigram over accent-folded text on SQLite, pg_trgm over the same text on PostgreSQL.

What is indexed is `index_text(...)` of each record (migration 0004): case and accents folded ("Élodie Müller" ->
"elodie muller"), punctuation turned into spaces, a word joined from its punctuated parts added ("IS-K" -> "is k
isk"), and a space at each end, so `" isk"` matches where a word starts and `"isk"` anywhere (in "risk" too). The
triggers call it as the SQL function `pressdesk_fold`, which every connection of a SQLite desk registers
(`install`); on PostgreSQL it is a PL/pgSQL function doing the same with `unaccent` (migration 0010_team_desk), and
the index is a table (rowid, body) with a pg_trgm GIN index, so `body LIKE '% isk%'` answers as FTS5's "␠isk" does.
"""

from __future__ import annotations

import functools
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
"""rowid = (code << 40) + id in search_index (migration 0003), so each kind is one rowid range; on SQLite a contact
point's range is its owner's (POINT_RANGES, migration 0015)."""

SHIFT = 40

POINT_RANGES = {
    "journalist": (5 << SHIFT, (6 << SHIFT) - 1),
    "expert": (0, (1 << (SHIFT - 1)) - 1),
    "press_contact": (1 << (SHIFT - 1), (1 << SHIFT) - 1),
}
"""On SQLite, the rowid range (lowest, highest) of a contact point by its owner (migration 0015): journalists' under
contact_point's own code, experts' and press contacts' in the two halves of the range below every kind's, so each
kind's are searched among their own, never behind the thousands of journalists' phones and emails sharing a word
with them. Below, not above: FTS5 walking newest first reads a text's rows above the range asked, and the
journalists' phones (" 07700" in 100,000 of them) lie above (0.11 ms a look-up below, 0.55 above). PostgreSQL keeps
one range per kind (CODES)."""

INDEXED = {
    "enquiry": "coalesce(NEW.subject, '') || ' ' || coalesce(NEW.notes, '')",
    "journalist": "NEW.name || ' ' || NEW.role || ' ' || NEW.beat || ' ' || NEW.notes",
    "expert": (
        "NEW.honorific || ' ' || NEW.name || ' ' || NEW.title || ' ' || NEW.affiliation"
        " || ' ' || NEW.topics || ' ' || NEW.notes"
    ),
    "release": "NEW.title || ' ' || NEW.body",
    "contact_point": "NEW.raw || ' ' || NEW.value",
    "outlet": "NEW.name",
    "press_contact": "NEW.name || ' ' || NEW.organisation",
}
"""The SQL text each kind of record puts in the index, as the newest search migration (0004) wrote it; a test keeps
the triggers of a migrated desk equal to trigger_sql()."""

FOLD_FUNCTION = "pressdesk_fold"
"""The SQL name of index_text, called by the search triggers."""

_WORD = re.compile(r"[^\W_]+")
_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŧ": "t", "æ": "ae", "œ": "oe", "þ": "th"}
)


def fold(text: str) -> str:
    """The text in lower case without accents: "Élodie Müller, Łódź" -> "elodie muller, lodz"."""
    if text.isascii():
        return text.lower()
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return bare.casefold().translate(_LETTERS)


def words_of(text: str) -> str:
    """Folded words separated by single spaces, punctuation dropped: "IS-K's (threat)" -> "is k s threat"."""
    return " ".join(_WORD.findall(fold(text)))


def index_text(text: str | bytes | None) -> str:
    """A record's text as the index holds it: a space, its folded words, then each punctuated word joined up.

    It runs inside the search triggers, so it never raises: a write must not fail for its index."""
    if not text:
        return ""
    if not isinstance(text, str):
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    words: list[str] = []
    joined: list[str] = []
    for token in fold(text).split():
        if token.isalnum():
            words.append(token)
            continue
        parts = _WORD.findall(token)
        words += parts
        if len(parts) > 1:
            joined.append("".join(parts))
    return " " + " ".join(words + joined) + " "


def rowid_sql(kind: str, row: str = "NEW") -> str:
    """The SQL for a record's rowid in the index: (code << 40) + id, a contact point's by its owner (POINT_RANGES)."""
    if kind == "contact_point":
        low = {owner: str(low) for owner, (low, _high) in POINT_RANGES.items()}
        return (
            f"(CASE WHEN {row}.expert_id IS NOT NULL THEN {low['expert']} "
            f"WHEN {row}.press_contact_id IS NOT NULL THEN {low['press_contact']} ELSE {low['journalist']} END "
            f"+ {row}.id)"
        )
    return f"(({CODES[kind]} << {SHIFT}) + {row}.id)"


def index_ranges(kind: str) -> tuple[tuple[int, int], ...]:
    """The rowid ranges (lowest, highest) a kind's records are indexed in on SQLite: a contact point's, one per
    owner; id = rowid - lowest."""
    if kind == "contact_point":
        return tuple(POINT_RANGES.values())
    low = CODES[kind] << SHIFT
    return ((low, low + (1 << SHIFT) - 1),)


def trigger_sql(kind: str) -> dict[str, str]:
    """The three triggers (after insert, update, delete) that keep one kind's index rows in step, by name."""
    new_id, old_id, indexed = rowid_sql(kind), rowid_sql(kind, "OLD"), f"{FOLD_FUNCTION}({INDEXED[kind]})"
    return {
        f"search_{kind}_ai": f"CREATE TRIGGER search_{kind}_ai AFTER INSERT ON {kind} BEGIN "
        f"INSERT INTO search_index(rowid, body) VALUES ({new_id}, {indexed}); END",
        f"search_{kind}_au": f"CREATE TRIGGER search_{kind}_au AFTER UPDATE ON {kind} BEGIN "
        f"DELETE FROM search_index WHERE rowid = {old_id}; "
        f"INSERT INTO search_index(rowid, body) VALUES ({new_id}, {indexed}); END",
        f"search_{kind}_ad": f"CREATE TRIGGER search_{kind}_ad AFTER DELETE ON {kind} BEGIN "
        f"DELETE FROM search_index WHERE rowid = {old_id}; END",
    }


def fill_sql(kind: str) -> str:
    """The SQL that puts every record of one kind into the index."""
    return (
        f"INSERT INTO search_index(rowid, body) SELECT {rowid_sql(kind)}, {FOLD_FUNCTION}({INDEXED[kind]}) "
        f"FROM {kind} AS NEW"
    )


PG_FOLD = r"""
CREATE OR REPLACE FUNCTION pressdesk_fold(raw text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fold$
DECLARE
  words text[] := '{}';
  joined text[] := '{}';
  token text;
  parts text[];
BEGIN
  IF raw IS NULL OR raw = '' THEN
    RETURN '';
  END IF;
  FOR token IN
    SELECT t FROM regexp_split_to_table(lower(public.unaccent('public.unaccent'::regdictionary, raw)), '\s+') AS t
    WHERE t <> ''
  LOOP
    IF token !~ '[[:space:][:punct:]]' THEN
      words := words || token;
      CONTINUE;
    END IF;
    parts := ARRAY(SELECT m[1] FROM regexp_matches(token, '([^[:space:][:punct:]]+)', 'g') AS m);
    words := words || parts;
    IF cardinality(parts) > 1 THEN
      joined := joined || array_to_string(parts, '');
    END IF;
  END LOOP;
  RETURN ' ' || array_to_string(words || joined, ' ') || ' ';
END
$fold$
"""
"""index_text in PL/pgSQL: unaccent and lower() fold, words split at spaces and punctuation, punctuated words joined."""


def pg_rowid_sql(kind: str, row: str = "NEW") -> str:
    """A record's rowid in the PostgreSQL index: (code << 40) + id, in bigint (an int shifts modulo 32)."""
    return f"(({CODES[kind]}::bigint << {SHIFT}) + {row}.id)"


def pg_table_sql(*, by_kind: bool = True) -> list[str]:
    """The statements making the empty PostgreSQL index table: one partition per kind (its rowid range), or, as
    migration 0010 made it, one table.

    A partition per kind gives each kind its own planner statistics. On one table, the planner estimates a pattern
    over every kind's rows: "072" is in 0.7 % of them (nearly all phone numbers), so for the enquiries' newest 32
    it walked their primary key backwards expecting a match every ~140 rows, and read all 100,140 enquiry rows (70
    ms on a 100k desk) to find none, where the enquiries' own statistics send it to the trigram index (migration
    0014). Each partition has its own primary key and trigram index, none inherited from the parent: pg_restore
    --clean cannot drop an inherited one, and rowids never repeat across the ranges anyway."""
    if not by_kind:
        return ["CREATE TABLE search_index (rowid bigint PRIMARY KEY, body text NOT NULL)"]
    return ["CREATE TABLE search_index (rowid bigint NOT NULL, body text NOT NULL) PARTITION BY RANGE (rowid)"] + [
        f"CREATE TABLE search_index_{kind} PARTITION OF search_index (PRIMARY KEY (rowid)) "
        f"FOR VALUES FROM ({code << SHIFT}) TO ({(code + 1) << SHIFT})"
        for kind, code in CODES.items()
    ]


def pg_trigram_sql(*, by_kind: bool = True) -> list[str]:
    """pg_trgm's GIN index over the folded text: one per partition, or one on the single table."""
    if not by_kind:
        return ["CREATE INDEX ix_search_index_body ON search_index USING gin (body gin_trgm_ops)"]
    return [f"CREATE INDEX ix_search_index_{k}_body ON search_index_{k} USING gin (body gin_trgm_ops)" for k in CODES]


def pg_relayout_sql(*, by_kind: bool) -> list[str]:
    """The statements moving a filled PostgreSQL index table into the other layout (pg_table_sql), in one
    transaction: the rows copied over, the trigram index built again, the statistics gathered (migration 0014)."""
    return [
        "ALTER TABLE search_index RENAME TO search_index_old",
        *pg_table_sql(by_kind=by_kind),
        "INSERT INTO search_index(rowid, body) SELECT rowid, body FROM search_index_old",
        "DROP TABLE search_index_old",
        *pg_trigram_sql(by_kind=by_kind),
        "ANALYZE search_index",
    ]


def pg_index_sql(*, by_kind: bool = True) -> list[str]:
    """The statements making the PostgreSQL search index: extensions, fold function, table, triggers, filled."""
    statements = [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        PG_FOLD,
        *pg_table_sql(by_kind=by_kind),
    ]
    for kind in CODES:
        new_id, old_id, indexed = pg_rowid_sql(kind), pg_rowid_sql(kind, "OLD"), f"{FOLD_FUNCTION}({INDEXED[kind]})"
        statements += [
            f"CREATE FUNCTION search_{kind}_sync() RETURNS trigger LANGUAGE plpgsql AS $sync$ BEGIN "
            f"IF TG_OP <> 'INSERT' THEN DELETE FROM search_index WHERE rowid = {old_id}; END IF; "
            f"IF TG_OP <> 'DELETE' THEN INSERT INTO search_index(rowid, body) VALUES ({new_id}, {indexed}); END IF; "
            "RETURN NULL; END $sync$",
            f'CREATE TRIGGER search_{kind}_sync AFTER INSERT OR UPDATE OR DELETE ON "{kind}" '
            f"FOR EACH ROW EXECUTE FUNCTION search_{kind}_sync()",
            f'INSERT INTO search_index(rowid, body) SELECT {new_id}, {indexed} FROM "{kind}" AS NEW',
        ]
    return [*statements, *pg_trigram_sql(by_kind=by_kind), "ANALYZE search_index"]


def pg_drop_sql() -> list[str]:
    """The statements removing the PostgreSQL search index (the extensions stay: others may use them)."""
    statements = [f'DROP TRIGGER IF EXISTS search_{kind}_sync ON "{kind}"' for kind in CODES]
    statements += [f"DROP FUNCTION IF EXISTS search_{kind}_sync()" for kind in CODES]
    return [*statements, "DROP TABLE IF EXISTS search_index", f"DROP FUNCTION IF EXISTS {FOLD_FUNCTION}(text)"]


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
    """The FTS5 queries for what was typed: every term at a word start, and every term anywhere; and the same as
    LIKE patterns, one per term, for PostgreSQL."""

    at_word_starts: str
    anywhere: str
    starts_patterns: tuple[str, ...] = ()
    anywhere_patterns: tuple[str, ...] = ()


def _phrase(words: str, *, word_start: bool = False, whole: bool = False) -> str:
    """One FTS5 phrase: a literal substring, led by a space when it must start a word, between spaces when it
    must be whole words."""
    edge = " " if word_start or whole else ""
    return '"' + edge + words.replace('"', '""') + (" " if whole else "") + '"'


def search_terms(typed: str) -> Terms | None:
    """FTS5 queries matching every typed term of 3+ characters once folded (shorter ones, like "Dr", are left
    out); None when no term is long enough for trigrams. A term with punctuation inside ("IS-K") only matches
    as whole words, so it never matches across words ("this kind", "is kind")."""
    starts: list[str] = []
    anywhere: list[str] = []
    starts_like: list[str] = []
    anywhere_like: list[str] = []
    for raw in typed.split():
        words = words_of(raw)
        if len(words) < 3:
            continue
        punctuated = " " in words
        starts.append(_phrase(words, word_start=True, whole=punctuated))
        anywhere.append(_phrase(words, whole=punctuated))
        starts_like.append(like_pattern(_phrase(words, word_start=True, whole=punctuated)[1:-1], strip=False))
        anywhere_like.append(like_pattern(_phrase(words, whole=punctuated)[1:-1], strip=False))
    if not starts:
        return None
    return Terms(" ".join(starts), " ".join(anywhere), tuple(starts_like), tuple(anywhere_like))


def point_texts(typed: str, region: str | None = "GB") -> list[str]:
    """What phones and emails are searched for: the text without its spaces ("7608 99" -> "760899"), and, for the
    first digits of a number as dialled at home, their E.164 start ("020 3194" -> "44203194"), which every stored
    number carries whatever way it was typed."""
    from pressdesk.validation import international_start

    texts = [typed.replace(" ", "")]
    start = international_start(typed, region)
    if start and start not in texts:
        texts.append(start)
    return texts


def fts_query(typed: str) -> str | None:
    """The FTS5 query matching every typed term anywhere; None when no term is long enough for trigrams."""
    terms = search_terms(typed)
    return terms.anywhere if terms else None


def like_pattern(words: str, *, strip: bool = True) -> str:
    """A LIKE pattern matching the text anywhere, with wildcards escaped (the text stripped of edge spaces unless
    strip=False)."""
    escaped = (words.strip() if strip else words).lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
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


_RANKED = text(
    "SELECT id, 0 AS tier FROM (SELECT rowid - :low AS id FROM search_index WHERE search_index MATCH :starts "
    "AND rowid BETWEEN :low AND :high ORDER BY rowid DESC LIMIT :limit) "
    "UNION ALL SELECT id, 1 FROM (SELECT rowid - :low AS id FROM search_index WHERE search_index MATCH :anywhere "
    "AND rowid BETWEEN :low AND :high ORDER BY rowid DESC LIMIT :limit)"
)
"""The newest records of one kind (one rowid range) matching at word starts, then matching anywhere."""


@functools.lru_cache(maxsize=16)
def _ranked_pg(terms: int):
    """The same on PostgreSQL for that many terms: every pattern must match, each as its own `body LIKE`, so
    pg_trgm's GIN index finds the candidates (`LIKE ALL(array)` cannot use it: a full scan of the index table, about
    0.6 s on a 1M desk)."""

    def every(name: str) -> str:
        return " AND ".join(f"body LIKE :{name}{n}" for n in range(terms))

    return text(
        f"SELECT id, 0 AS tier FROM (SELECT rowid - :low AS id FROM search_index WHERE {every('s')} "
        "AND rowid BETWEEN :low AND :high ORDER BY rowid DESC LIMIT :limit) AS s "
        f"UNION ALL SELECT id, 1 FROM (SELECT rowid - :low AS id FROM search_index WHERE {every('a')} "
        "AND rowid BETWEEN :low AND :high ORDER BY rowid DESC LIMIT :limit) AS a"
    )


@functools.lru_cache(maxsize=16)
def _ranked_with(ranked: str, kind: str, columns: tuple[str, ...], dialect: str):
    """A ranked statement with columns of each matching record read in the same statement, in the same order (the
    ids never go back and forth through Python: a phone fragment matches 1,000 contact points). PostgreSQL is told
    the ids as an array, so it looks each one up: joined plainly, it hashed all 113,194 contact points of a 1M desk
    for 1,700 matches (143 ms against 9-23 ms, loaded machine)."""
    read = "".join(f", t.{c}" for c in columns)
    picked = " WHERE t.id = ANY(ARRAY(SELECT id FROM r))" if dialect == "postgresql" else ""
    return text(
        f"WITH r AS MATERIALIZED ({ranked}) SELECT r.id, r.tier{read} FROM r JOIN {kind} AS t ON t.id = r.id"
        f"{picked} ORDER BY r.tier, r.id DESC"
    )


SEARCHABLE = ("sqlite", "postgresql")
"""The backends whose desks carry a search index."""


def ranked_ids(
    session: Session, kind: str, typed: str, *, limit: int = 200, cache: dict | None = None
) -> Matches | None:
    """Records of one kind containing every typed term, word-start matches first (at most limit in all);
    None when the index cannot answer (a backend without one, or no term of 3+ characters). A search asking
    several questions of the same text passes one cache dict, so each kind is looked up once."""
    key = (kind, typed, limit)
    if cache is not None and key in cache:
        return cache[key]
    found = ranked_columns(session, kind, typed, limit=limit)
    found = None if found is None else found[0]
    if cache is not None:
        cache[key] = found
    return found


def ranked_columns(
    session: Session, kind: str, typed: str, *, limit: int = 200, columns: tuple[str, ...] = ()
) -> tuple[Matches, dict[int, tuple]] | None:
    """ranked_ids, with the named columns of each matching record (by id) read in the same statement; None when the
    index cannot answer. Contact points on SQLite are looked up in each owner's range, up to limit of each."""
    dialect = session.get_bind().dialect.name
    terms = search_terms(typed) if dialect in SEARCHABLE else None
    if terms is None:
        return None
    params: dict = {"limit": limit}
    if dialect == "sqlite":
        ranked, params = _RANKED, params | {"starts": terms.at_word_starts, "anywhere": terms.anywhere}
        ranges = index_ranges(kind)
    else:
        ranked = _ranked_pg(len(terms.starts_patterns))
        params |= {f"s{n}": p for n, p in enumerate(terms.starts_patterns)}
        params |= {f"a{n}": p for n, p in enumerate(terms.anywhere_patterns)}
        low = CODES[kind] << SHIFT
        ranges = ((low, low + (1 << SHIFT) - 1),)
    statement = _ranked_with(ranked.text, kind, columns, dialect) if columns else ranked
    starts: list[int] = []
    inside: list[int] = []
    read: dict[int, tuple] = {}
    for low, high in ranges:  # a contact point's owners' ranges on SQLite: up to limit of each
        found: tuple[list[int], list[int]] = ([], [])
        for rid, tier, *values in session.execute(statement, params | {"low": low, "high": high}):
            found[tier].append(rid)
            read[rid] = tuple(values)
        seen = set(found[0])
        starts += found[0]
        inside += [i for i in found[1] if i not in seen][: limit - len(found[0])]
    if len(ranges) > 1:
        starts.sort(reverse=True)
        inside.sort(reverse=True)
    return Matches(starts, inside), read


def matching_ids(session: Session, kind: str, typed: str, *, limit: int = 200) -> list[int] | None:
    """Ids of records of one kind whose indexed text contains every term; None when FTS cannot answer."""
    found = ranked_ids(session, kind, typed, limit=limit)
    return None if found is None else found.ids
