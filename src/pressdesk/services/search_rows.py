"""The search box on SQLite: one SQL query per kind of result, answered as plain rows, newest first within a tier.

Each query takes the newest `limit` index matches of every source of a kind (its own text, its phones and emails,
its outlet, ...), word-start matches as tier 0 and matches anywhere as tier 1, and keeps the best `limit` by
(tier, newest first). Taking the newest `limit` of each source is enough: an id cut from a source has `limit` newer
ids of the same tier before it. No ORM object is built and no id list goes back and forth through Python.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from pressdesk import validation
from pressdesk.models.views import SearchHit
from pressdesk.store.search import CODES, SHIFT, Terms, search_terms

PEOPLE_PER_ENQUIRY_SEARCH = 50
"""Journalists whose enquiries an enquiry search looks at (each brings many enquiries), as before."""
OUTLETS_PER_ENQUIRY_SEARCH = 20
"""Outlets likewise."""
OUTLETS_PER_PEOPLE_SEARCH = 100
"""Outlets whose journalists a journalist search looks at."""
POINTS_LOOKED_UP = 1000
"""The newest matching phones and emails an expert or press contact search looks among (a number's first digits
match most of them), as before."""


def _matches(name: str, kind: str, tier: int, limit: str) -> str:
    """A CTE: the newest ids of one kind whose indexed text matches at word starts (tier 0) or anywhere (tier 1)."""
    param = "starts" if tier == 0 else "anywhere"
    if kind == "contact_point":
        param = "point_" + param
    code = CODES[kind]
    low, high = code << SHIFT, ((code + 1) << SHIFT) - 1
    return (
        f"{name} AS (SELECT rowid - {low} AS id FROM search_index WHERE search_index MATCH :{param} "
        f"AND rowid BETWEEN {low} AND {high} ORDER BY rowid DESC LIMIT {limit})"
    )


def _both(prefix: str, kind: str, limit: str) -> list[str]:
    """The word-start and anywhere CTEs of one kind."""
    return [_matches(f"{prefix}_s", kind, 0, limit), _matches(f"{prefix}_a", kind, 1, limit)]


OWNER = {"journalist": "journalist_id", "expert": "expert_id", "press_contact": "press_contact_id"}


def _points_of(kind: str, tier: int, rowids: str, match: str) -> str:
    """The people of one kind owning the newest phones and emails that match, as (id, tier).

    Journalists own nearly every contact point, so their matches are walked newest first until enough are found;
    experts and press contacts own few, so theirs are walked and each looked up in the newest matches (walking every
    match to find the rare expert's took 10-20 ms for "smith" on a 1,000,000-enquiry desk)."""
    owner, low = OWNER[kind], int(rowids.split()[0])
    matching = f"search_index MATCH {match} AND search_index.rowid BETWEEN {rowids}"
    if kind == "journalist":
        inner = (
            f"SELECT cp.{owner}, {tier} FROM search_index JOIN contact_point cp ON cp.id = search_index.rowid - {low} "
            f"WHERE {matching} AND cp.{owner} IS NOT NULL ORDER BY search_index.rowid DESC LIMIT 3 * :limit"
        )
    else:
        inner = (
            f"SELECT {owner}, {tier} FROM contact_point INDEXED BY ix_contact_point_{owner} "
            f"WHERE {owner} IS NOT NULL "
            f"AND +id IN (SELECT search_index.rowid - {low} FROM search_index WHERE {matching} "
            f"ORDER BY search_index.rowid DESC LIMIT {POINTS_LOOKED_UP})"
            f"ORDER BY {owner} DESC LIMIT :limit"
        )
    return f"SELECT * FROM ({inner})"


def _people_sql(kind: str) -> str:
    """The SELECT of one kind of person matching the text, best `limit` first, with what its hit shows."""
    owner = OWNER[kind]
    ctes = _both("own", kind, ":limit")
    code = CODES["contact_point"]
    low, high = code << SHIFT, ((code + 1) << SHIFT) - 1
    sources = [
        "SELECT id, 0 AS tier FROM own_s",
        "SELECT id, 1 FROM own_a",
        *(
            _points_of(kind, tier, f"{low} AND {high}", f":point_{param}")
            for tier, param in ((0, "starts"), (1, "anywhere"))
        ),
        f"SELECT * FROM (SELECT {owner}, 0 FROM contact_point WHERE kind = 'phone' AND lookup_key = :phone_key "
        f"AND {owner} IS NOT NULL ORDER BY {owner} DESC LIMIT :limit)",
    ]
    if kind == "journalist":
        ctes += _both("outlet", "outlet", str(OUTLETS_PER_PEOPLE_SEARCH))
        for tier, cte in ((0, "outlet_s"), (1, "outlet_a")):
            sources.append(
                f"SELECT * FROM (SELECT id, {tier} FROM journalist WHERE outlet_id IN (SELECT id FROM {cte}) "
                "ORDER BY id DESC LIMIT :limit)"
            )
    best = (
        f"best AS (SELECT id, min(tier) AS tier FROM ({' UNION ALL '.join(sources)}) GROUP BY id "
        "ORDER BY 2, 1 DESC LIMIT :limit)"
    )
    return f"WITH {', '.join([*ctes, best])} SELECT p.id, {_shown(kind)} ORDER BY best.tier, best.id DESC"


def _shown(kind: str) -> str:
    """What a person's hit shows, as columns, and the joins after `FROM best` that give them."""
    owner = OWNER[kind]

    def first(point: str) -> str:
        return (
            f"(SELECT value || char(31) || coalesce(extension, '') FROM contact_point WHERE {owner} = p.id "
            f"AND kind = '{point}' ORDER BY position LIMIT 1)"
        )

    if kind == "journalist":
        shown = f"p.name, coalesce(o.name, ''), {first('phone')}, {first('email')}"
        joins = "JOIN journalist p ON p.id = best.id LEFT JOIN outlet o ON o.id = p.outlet_id"
    elif kind == "expert":
        shown = "p.name, p.title, p.affiliation"
        joins = "JOIN expert p ON p.id = best.id"
    else:
        latest = (
            "(SELECT {0} FROM release_press_contact rp JOIN release r ON r.id = rp.release_id "
            "WHERE rp.press_contact_id = p.id ORDER BY r.issued_on DESC, r.id DESC LIMIT 1)"
        )
        count = "(SELECT count(*) FROM release_press_contact rp WHERE rp.press_contact_id = p.id)"
        shown = f"p.name, p.organisation, {latest.format('r.id')}, {latest.format('r.title')}, {count}"
        joins = "JOIN press_contact p ON p.id = best.id"
    return f"{shown} FROM best {joins}"


def _short_people_sql(kind: str) -> str:
    """The SELECT of one kind of person whose name contains two typed characters, by name (walking the name index
    and stopping at `limit`, where the general path listed every match first: 30-70 ms for "sm"). SQLite's LIKE
    ignores ASCII case as `lower(name) LIKE` does (neither folds other letters), without a string made per name:
    a rare pair walks 50,000 names in 3 ms instead of 9."""
    best = f"best AS (SELECT id, name FROM {kind} WHERE name LIKE :pattern ESCAPE '\\' ORDER BY name, id LIMIT :limit)"
    return f"WITH {best} SELECT p.id, {_shown(kind)} ORDER BY best.name, best.id"


ENQUIRIES_SQL = (
    "WITH "
    + ", ".join(
        [
            *_both("own", "enquiry", ":limit"),
            *_both("ppl", "journalist", str(PEOPLE_PER_ENQUIRY_SEARCH)),
            *_both("outlet", "outlet", str(OUTLETS_PER_ENQUIRY_SEARCH)),
        ]
    )
    + ", best AS (SELECT id, min(tier) AS tier FROM ("
    + " UNION ALL ".join(
        [
            "SELECT id, -1 AS tier FROM enquiry WHERE id = :number",
            "SELECT id, 0 FROM own_s",
            "SELECT id, 1 FROM own_a",
            *(
                f"SELECT * FROM (SELECT id, {tier} FROM enquiry WHERE {column} IN (SELECT id FROM {cte}) "
                "ORDER BY id DESC LIMIT :limit)"
                for tier, column, cte in (
                    (0, "journalist_id", "ppl_s"),
                    (1, "journalist_id", "ppl_a"),
                    (0, "outlet_id", "outlet_s"),
                    (1, "outlet_id", "outlet_a"),
                )
            ),
        ]
    )
    + ") GROUP BY id ORDER BY 2, 1 DESC LIMIT :limit) "
    "SELECT e.id, e.subject, coalesce(j.name, ''), e.status FROM best JOIN enquiry e ON e.id = best.id "
    "LEFT JOIN journalist j ON j.id = e.journalist_id ORDER BY best.tier, best.id DESC"
)
"""Enquiries by number, then every word at a word start of their text, journalist or outlet, then anywhere."""

RELEASES_SQL = (
    f"WITH {', '.join(_both('own', 'release', ':release_limit'))}, "
    "best AS (SELECT id, min(tier) AS tier FROM (SELECT id, 0 AS tier FROM own_s UNION ALL SELECT id, 1 FROM own_a) "
    "GROUP BY id) "
    "SELECT r.id, r.title, r.issued_on FROM best JOIN release r ON r.id = best.id "
    "ORDER BY best.tier, r.issued_on DESC, r.id DESC LIMIT :limit"
)
"""Releases with every word at a word start first, newest issued first within each."""

PEOPLE_SQL = {kind: _people_sql(kind) for kind in OWNER}
SHORT_PEOPLE_SQL = {kind: _short_people_sql(kind) for kind in OWNER}


def search_params(typed: str, terms: Terms, limit: int) -> dict:
    """The parameters every search query takes."""
    points = search_terms(typed.replace(" ", ""))
    return {
        "starts": terms.at_word_starts,
        "anywhere": terms.anywhere,
        "point_starts": points.at_word_starts if points else '""',
        "point_anywhere": points.anywhere if points else '""',
        "phone_key": validation.phone_key(typed) if validation.looks_like_phone(typed) else None,
        "limit": limit,
        "release_limit": limit * 4,
    }


def _joined(*parts: str) -> str:
    """Non-empty parts joined by a middle dot."""
    return " · ".join(p for p in parts if p)


def _point(packed: str | None) -> str:
    """A contact point packed as value, unit separator, extension, shown as the people lists show it."""
    if not packed:
        return ""
    value, _, extension = packed.partition("\x1f")
    return value + (f" ext. {extension}" if extension else "")


def people_hits(session: Session, params: dict, sql: dict[str, str] = PEOPLE_SQL) -> list[SearchHit]:
    """Journalists, experts and press contacts matching the text, best first within each kind."""
    hits: list[SearchHit] = []
    for pid, name, outlet, phone, email in session.execute(text(sql["journalist"]), params):
        hits.append(SearchHit("journalist", pid, name, _joined(outlet, _point(phone), _point(email))))
    for pid, name, title, affiliation in session.execute(text(sql["expert"]), params):
        hits.append(SearchHit("expert", pid, name, _joined(title, affiliation)))
    for pid, name, organisation, release_id, release, count in session.execute(text(sql["press_contact"]), params):
        came_from = f"release: {release}" + (f" (+{count - 1} more)" if count > 1 else "") if release else ""
        hits.append(
            SearchHit(
                "press_contact",
                pid,
                name,
                _joined(organisation, came_from),
                release_id=release_id,
                release_title=release or "",
            )
        )
    return hits


def enquiry_hits(session: Session, params: dict) -> list[SearchHit]:
    """Enquiries: the one of that number, then by word starts, then anywhere; the latest logged first in each."""
    rows = session.execute(text(ENQUIRIES_SQL), params)
    return [SearchHit("enquiry", eid, subject, f"{journalist} · {status}") for eid, subject, journalist, status in rows]


def release_hits(session: Session, params: dict) -> list[SearchHit]:
    """Releases with every word at a word start first, newest issued first within each."""
    rows = session.execute(text(RELEASES_SQL), params)
    return [SearchHit("release", rid, title, str(issued or "")[:10]) for rid, title, issued in rows]


def search(session: Session, typed: str, terms: Terms, number: int | None, limit: int) -> list[SearchHit]:
    """What the search box shows when FTS can answer: the enquiry of that number, people, releases, enquiries."""
    params = search_params(typed, terms, limit) | {"number": number}
    enquiries = enquiry_hits(session, params)
    by_number = [h for h in enquiries if h.id == number]
    rest = [h for h in enquiries if h.id != number]
    return by_number + people_hits(session, params) + release_hits(session, params) + rest


def short_people(session: Session, typed: str, limit: int) -> list[SearchHit]:
    """People whose name contains the two characters typed, by name, as the general path lists them."""
    from pressdesk.store.search import like_pattern

    return people_hits(session, {"pattern": like_pattern(typed), "limit": limit}, SHORT_PEOPLE_SQL)
