"""The search box on SQLite: one SQL statement for every kind of result, answered as plain rows, newest first within
a tier, each index question asked once however many kinds read its answer.

Each kind takes the newest `limit` index matches of every source of a kind (its own text, its phones and emails,
its outlet, ...), word-start matches as tier 0 and matches anywhere as tier 1, and keeps the best `limit` by
(tier, newest first). Taking the newest `limit` of each source is enough: an id cut from a source has `limit` newer
ids of the same tier before it. No ORM object is built and no id list goes back and forth through Python.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from pressdesk import validation
from pressdesk.models.views import SearchHit
from pressdesk.store.search import CODES, POINT_RANGES, SHIFT, Terms, search_terms

PEOPLE_PER_ENQUIRY_SEARCH = 50
"""Journalists whose enquiries an enquiry search looks at (each brings many enquiries), as before."""
OUTLETS_PER_ENQUIRY_SEARCH = 20
"""Outlets likewise."""
OUTLETS_PER_PEOPLE_SEARCH = 100
"""Outlets whose journalists a journalist search looks at."""
POINTS_LOOKED_UP = 1000
"""The newest matching phones and emails of experts (or of press contacts) an expert (press contact) search looks
among: their own only, each kind in its own range of the index (migration 0015), never behind journalists'."""


EVERY_KIND = 64
"""Matches of every kind read with one MATCH first (a rare text, like a phone number, has few in all); when there
are fewer, each kind's newest come from them; when there are this many, each kind asks the index itself."""


TEXT_TIER1 = ":starts <> :anywhere"
"""SQL: whether matching anywhere in a word can find more than matching at word starts: not for a text whose every
term must be whole words ("reuters.example"), where both ask the same question."""

POINT_TIER1 = ":point_starts <> :point_anywhere"
"""The same for the phones and emails."""


def _every(name: str, param: str, need: str = "1") -> str:
    """A CTE: up to EVERY_KIND index rows of any kind matching, in no order (one MATCH where seven cost 5 ms); empty,
    at no cost, when `need` is false."""
    return (
        f"{name} AS MATERIALIZED (SELECT rowid AS r FROM search_index "
        f"WHERE search_index MATCH CASE WHEN {need} THEN :{param} ELSE '\"\"' END LIMIT {EVERY_KIND})"
    )


def _any_in(param: str, low: int, high: int) -> str:
    """SQL: whether anything in a rowid range matches. FTS5 walking newest first reads the text's rows above the range
    before reaching it, where this walks up from the range's start and stops at the first: "uters" asked for the
    newest journalists read the 1,000 reuters.example emails above them (3.5 ms) to find none, this 0.08 ms."""
    return f"EXISTS (SELECT 1 FROM search_index WHERE search_index MATCH {param} AND rowid BETWEEN {low} AND {high})"


def _matches(name: str, kind: str, tier: int, limit: str, need: str = "1") -> str:
    """A CTE, computed once however often the statement reads it: the newest ids of one kind whose indexed text
    matches at word starts (tier 0) or anywhere (tier 1); from the matches of every kind when those are all there
    are, else from the index for this kind alone (its MATCH given '""', which matches nothing at no cost, when not:
    FTS5 reads a text's rows even for an empty rowid range, and a WHERE test is only made after it has). Empty,
    at no cost, when `need` (SQL) is false: no reader's answer can change by it."""
    param = "starts" if tier == 0 else "anywhere"
    need = need if tier == 0 else f"{need} AND {TEXT_TIER1}"
    code = CODES[kind]
    low, high = code << SHIFT, ((code + 1) << SHIFT) - 1
    own = (
        "SELECT rowid - {low} AS id FROM search_index WHERE search_index MATCH {text} "
        "AND rowid BETWEEN {low} AND {high} ORDER BY rowid DESC LIMIT {limit}"
    )
    every = "every_s" if tier == 0 else "every_a"
    count = f"(SELECT count(*) FROM {every})"
    from_every = (
        f"SELECT r - {low} AS id FROM {every} WHERE {count} < {EVERY_KIND} AND r BETWEEN {low} AND {high} "
        f"ORDER BY r DESC LIMIT {limit}"
    )
    asks = f"{count} >= {EVERY_KIND} AND {need} AND {_any_in(f':{param}', low, high)}"
    guarded = f"CASE WHEN {asks} THEN :{param} ELSE '\"\"' END"
    asked = own.format(low=low, high=high, limit=limit, text=guarded)
    return f"{name} AS MATERIALIZED (SELECT * FROM ({from_every}) UNION ALL SELECT * FROM ({asked}))"


def _every_point(name: str, tier: int) -> str:
    """A CTE: up to EVERY_KIND index rows of any kind matching the phone-and-email text, in no order: every_s (or
    every_a) itself when that text is the typed one (a single word), else its own MATCH; empty for tier 1 when the
    text must match whole words."""
    every, text, param = (
        ("every_s", ":starts", ":point_starts") if tier == 0 else ("every_a", ":anywhere", ":point_anywhere")
    )
    same = f"{param} = {text}" if tier == 0 else f"{param} = {text} AND {TEXT_TIER1}"
    need = "NOT " + f"({same})" if tier == 0 else f"{POINT_TIER1} AND NOT ({same})"
    return (
        f"{name} AS MATERIALIZED (SELECT r FROM {every} WHERE {same} UNION ALL SELECT * FROM (SELECT rowid AS r "
        f"FROM search_index WHERE search_index MATCH CASE WHEN {need} THEN {param} ELSE '\"\"' END "
        f"LIMIT {EVERY_KIND}))"
    )


def _walk_points(select: str, low: int, high: int, tier: int, need: str, order_limit: str, *, where: str = "") -> str:
    """The newest matching phones and emails in one rowid range, as `select` gives them (its `{r}`, and the `where`'s,
    is the rowid): from the phone-and-email matches of every kind when those are all there are, else from the index
    for this range alone (asked only when `need`)."""
    every = "every_ps" if tier == 0 else "every_pa"
    param = ":point_starts" if tier == 0 else ":point_anywhere"
    need = need if tier == 0 else f"{need} AND {POINT_TIER1}"
    count = f"(SELECT count(*) FROM {every})"

    def walked(source: str, r: str, condition: str) -> str:
        return (
            f"SELECT {select.format(r=r)} FROM {source} WHERE {condition} "
            f"AND {r} BETWEEN {low} AND {high}{where.format(r=r)} ORDER BY {r} DESC LIMIT {order_limit}"
        )

    from_every = walked(f"{every} AS m", "m.r", f"{count} < {EVERY_KIND}")
    asked = walked(
        "search_index",
        "search_index.rowid",
        f"search_index MATCH CASE WHEN {count} >= {EVERY_KIND} AND {need} AND {_any_in(param, low, high)} "
        f"THEN {param} ELSE '\"\"' END",
    )
    return f"SELECT * FROM ({from_every}) UNION ALL SELECT * FROM ({asked})"


def _owned_points(name: str, owner: str, tier: int, need: str = "1") -> str:
    """A CTE: the newest POINTS_LOOKED_UP phones and emails of one kind of owner matching at word starts (tier 0) or
    anywhere (tier 1), from that owner's range of the index; empty, at no cost, when `need` is false."""
    low, high = POINT_RANGES[owner]
    return (
        f"{name} AS MATERIALIZED ({_walk_points(f'{{r}} - {low} AS id', low, high, tier, need, str(POINTS_LOOKED_UP))})"
    )


OWNER = {"journalist": "journalist_id", "expert": "expert_id", "press_contact": "press_contact_id"}
OWN = {"journalist": "jour", "expert": "exp", "press_contact": "pc"}

ANY = {"expert": "EXISTS (SELECT 1 FROM expert)", "press_contact": "EXISTS (SELECT 1 FROM press_contact)"}
"""Whether the desk holds any of a kind at all: a desk without press contacts asks the index nothing for them."""


def _short(kind: str) -> str:
    """SQL: whether fewer than `limit` of a kind match at word starts (or by number), so the matches anywhere (tier
    1) can still be shown; when not, every tier-1 row would be cut by the limit, and is never asked for."""
    return f"(SELECT count(*) FROM best0_{kind}) < :limit"


def _either_short(*kinds: str) -> str:
    """SQL: whether any of the kinds can still show matches anywhere."""
    return "(" + " OR ".join(_short(k) for k in kinds) + ")"


WORD_START_MATCHES = [
    _every("every_s", "starts"),
    _every("every_a", "anywhere", TEXT_TIER1),
    _every_point("every_ps", 0),
    _every_point("every_pa", 1),
    _matches("enq_s", "enquiry", 0, ":limit"),
    _matches("jour_s", "journalist", 0, f"max(:limit, {PEOPLE_PER_ENQUIRY_SEARCH})"),
    _matches("exp_s", "expert", 0, ":limit", ANY["expert"]),
    _matches("pc_s", "press_contact", 0, ":limit", ANY["press_contact"]),
    _matches("rel_s", "release", 0, ":release_limit"),
    _matches("outlet_s", "outlet", 0, str(max(OUTLETS_PER_PEOPLE_SEARCH, OUTLETS_PER_ENQUIRY_SEARCH))),
    *(_owned_points(f"{OWN[kind]}_pts_s", kind, 0, ANY[kind]) for kind in ("expert", "press_contact")),
]
"""The index questions at word starts, each once: a kind's own text, and the matches that several kinds share
(journalists and outlets for the enquiry and the journalist search, experts' and press contacts' newest matching
phones and emails). Each holds at least what every reader takes, newest first, and a reader taking fewer takes the
newest: the same ids as when each statement asked for itself."""

ANYWHERE_MATCHES = [
    _matches("enq_a", "enquiry", 1, ":limit", _short("enquiry")),
    _matches(
        "jour_a", "journalist", 1, f"max(:limit, {PEOPLE_PER_ENQUIRY_SEARCH})", _either_short("journalist", "enquiry")
    ),
    _matches("exp_a", "expert", 1, ":limit", f"{ANY['expert']} AND {_short('expert')}"),
    _matches("pc_a", "press_contact", 1, ":limit", f"{ANY['press_contact']} AND {_short('press_contact')}"),
    _matches("rel_a", "release", 1, ":release_limit", "(SELECT count(*) FROM rel_s) < :limit"),
    _matches(
        "outlet_a",
        "outlet",
        1,
        str(max(OUTLETS_PER_PEOPLE_SEARCH, OUTLETS_PER_ENQUIRY_SEARCH)),
        _either_short("journalist", "enquiry"),
    ),
    *(
        _owned_points(f"{OWN[kind]}_pts_a", kind, 1, f"{ANY[kind]} AND {_short(kind)}")
        for kind in ("expert", "press_contact")
    ),
]
"""The same questions anywhere in a word, each asked only when a kind reading it has fewer than `limit` matches at
word starts (else empty, at no cost: "smith" on the 1,000,000-enquiry desk needs none for journalists and
enquiries)."""


def _newest(cte: str, n: int | str) -> str:
    """The n newest ids of a shared CTE."""
    return f"SELECT id FROM {cte} ORDER BY id DESC LIMIT {n}"


def _points_of(kind: str, tier: int) -> str:
    """The people of one kind owning the newest phones and emails that match, as (id, tier).

    Journalists own nearly every contact point, so their matches are walked newest first until enough are found;
    experts and press contacts own few, so theirs are walked and each looked up in their newest matches."""
    owner = OWNER[kind]
    if kind == "journalist":
        low, high = POINT_RANGES["journalist"]
        # the owner looked up per point (at most 3 * limit of them), never joined: joined to the few rows of every_pa,
        # SQLite built a Bloom filter over all 112,000 contact points first (7 ms for "07700" on the 1M desk)
        owner_of = f"(SELECT cp.{owner} FROM contact_point cp WHERE cp.id = {{r}} - {low})"
        inner = _walk_points(
            f"{owner_of}, {tier}",
            low,
            high,
            tier,
            "1" if tier == 0 else _short(kind),
            "3 * :limit",
            where=f" AND {owner_of} IS NOT NULL",
        )
    else:
        inner = (
            f"SELECT {owner}, {tier} FROM contact_point INDEXED BY ix_contact_point_{owner} "
            f"WHERE {owner} IS NOT NULL AND +id IN (SELECT id FROM {OWN[kind]}_pts_{'sa'[tier]}) "
            f"ORDER BY {owner} DESC LIMIT :limit"
        )
    return f"SELECT * FROM ({inner})"


def _best(name: str, sources: list[str], *, materialized: bool = False) -> str:
    """A CTE: the best `limit` (id, tier) of the sources, by tier then newest."""
    return (
        f"{name} AS {'MATERIALIZED ' if materialized else ''}(SELECT id, min(tier) AS tier FROM "
        f"({' UNION ALL '.join(sources)}) GROUP BY id ORDER BY 2, 1 DESC LIMIT :limit)"
    )


def _people_best0(kind: str) -> str:
    """The CTE of one kind of person matching at word starts or by number: the best `limit` (id, 0)."""
    owner, own = OWNER[kind], OWN[kind]
    sources = [
        f"SELECT id, 0 AS tier FROM {own}_s",
        _points_of(kind, 0),
        f"SELECT * FROM (SELECT {owner}, 0 FROM contact_point WHERE kind = 'phone' AND lookup_key = :phone_key "
        f"AND {owner} IS NOT NULL ORDER BY {owner} DESC LIMIT :limit)",
        f"SELECT * FROM (SELECT {owner}, 0 FROM contact_point WHERE kind = 'phone' AND lookup_key >= :phone_lo "
        f"AND lookup_key < :phone_hi AND {owner} IS NOT NULL ORDER BY {owner} DESC LIMIT :limit)",
    ]
    if kind == "journalist":
        sources.append(
            "SELECT * FROM (SELECT id, 0 FROM journalist WHERE outlet_id IN (SELECT id FROM outlet_s) "
            "ORDER BY id DESC LIMIT :limit)"
        )
    return _best(f"best0_{kind}", sources, materialized=True)


def _people_best(kind: str) -> str:
    """The CTE of one kind of person matching the text: the best `limit` (id, tier), the word-start ones first."""
    sources = [f"SELECT id, tier FROM best0_{kind}", f"SELECT id, 1 FROM {OWN[kind]}_a", _points_of(kind, 1)]
    if kind == "journalist":
        sources.append(
            f"SELECT * FROM (SELECT id, 1 FROM journalist WHERE {_short(kind)} "
            "AND outlet_id IN (SELECT id FROM outlet_a) ORDER BY id DESC LIMIT :limit)"
        )
    return _best(f"best_{kind}", sources)


def _shown(kind: str, best: str = "best") -> str:
    """What a person's hit shows, as columns, and the joins after `FROM best` that give them."""
    owner = OWNER[kind]

    def first(point: str) -> str:
        return (
            f"(SELECT value || char(31) || coalesce(extension, '') FROM contact_point WHERE {owner} = p.id "
            f"AND kind = '{point}' ORDER BY position LIMIT 1)"
        )

    if kind == "journalist":
        shown = f"p.name, coalesce(o.name, ''), {first('phone')}, {first('email')}"
        joins = f"JOIN journalist p ON p.id = {best}.id LEFT JOIN outlet o ON o.id = p.outlet_id"
    elif kind == "expert":
        shown = "p.name, p.title, p.affiliation"
        joins = f"JOIN expert p ON p.id = {best}.id"
    else:
        latest = (
            "(SELECT {0} FROM release_press_contact rp JOIN release r ON r.id = rp.release_id "
            "WHERE rp.press_contact_id = p.id ORDER BY r.issued_on DESC, r.id DESC LIMIT 1)"
        )
        count = "(SELECT count(*) FROM release_press_contact rp WHERE rp.press_contact_id = p.id)"
        shown = f"p.name, p.organisation, {latest.format('r.id')}, {latest.format('r.title')}, {count}"
        joins = f"JOIN press_contact p ON p.id = {best}.id"
    return f"{shown} FROM {best} {joins}"


def _short_people_sql(kind: str) -> str:
    """The SELECT of one kind of person whose name contains two typed characters, by name (walking the name index
    and stopping at `limit`, where the general path listed every match first: 30-70 ms for "sm"). SQLite's LIKE
    ignores ASCII case as `lower(name) LIKE` does (neither folds other letters), without a string made per name:
    a rare pair walks 50,000 names in 3 ms instead of 9."""
    best = f"best AS (SELECT id, name FROM {kind} WHERE name LIKE :pattern ESCAPE '\\' ORDER BY name, id LIMIT :limit)"
    return f"WITH {best} SELECT p.id, {_shown(kind)} ORDER BY best.name, best.id"


def _enquiries_of(tier: int, column: str, cte: str, n: int, need: str = "1") -> str:
    """A source of enquiries: the newest `limit` of the n newest journalists or outlets of a shared CTE."""
    return (
        f"SELECT * FROM (SELECT id, {tier} FROM enquiry WHERE {need} AND {column} IN ({_newest(cte, n)}) "
        "ORDER BY id DESC LIMIT :limit)"
    )


ENQUIRIES_BEST0 = _best(
    "best0_enquiry",
    [
        "SELECT id, -1 AS tier FROM enquiry WHERE id = :number",
        "SELECT id, 0 FROM enq_s",
        _enquiries_of(0, "journalist_id", "jour_s", PEOPLE_PER_ENQUIRY_SEARCH),
        _enquiries_of(0, "outlet_id", "outlet_s", OUTLETS_PER_ENQUIRY_SEARCH),
    ],
    materialized=True,
)
"""Enquiries by number, then with every word at a word start of their text, journalist or outlet."""

ENQUIRIES_BEST = _best(
    "best_enquiry",
    [
        "SELECT id, tier FROM best0_enquiry",
        "SELECT id, 1 FROM enq_a",
        _enquiries_of(1, "journalist_id", "jour_a", PEOPLE_PER_ENQUIRY_SEARCH, _short("enquiry")),
        _enquiries_of(1, "outlet_id", "outlet_a", OUTLETS_PER_ENQUIRY_SEARCH, _short("enquiry")),
    ],
)
"""Those, then enquiries matching anywhere."""

RELEASES_BEST = (
    "best_release AS (SELECT id, min(tier) AS tier FROM (SELECT id, 0 AS tier FROM rel_s UNION ALL "
    "SELECT id, 1 FROM rel_a) GROUP BY id)"
)
"""Releases with every word at a word start first."""

SHARED_MATCHES = [
    *WORD_START_MATCHES,
    ENQUIRIES_BEST0,
    *(_people_best0(k) for k in OWNER),
    *ANYWHERE_MATCHES,
]
"""Every CTE asked before the best of each kind: the word-start questions, the best word-start rows of each kind,
then the questions anywhere that those leave open."""

KINDS = ("enquiry", "journalist", "expert", "press_contact", "release")
"""The kinds of result, in the order their rows come from SEARCH_SQL (its first column is the index here)."""

COLUMNS = 5
"""What a result row carries after its kind, rank and id, the unused ones NULL."""


def _branch(kind: str, shown: str, order: str, limit: str = "") -> str:
    """One kind's rows in SEARCH_SQL: (kind, rank within the kind, id, what the hit shows..., NULL padding)."""
    columns, _, rest = shown.rpartition(f" FROM best_{kind}")
    padding = ", NULL" * (COLUMNS - SHOWN[kind])
    return (
        f"SELECT * FROM (SELECT {KINDS.index(kind)}, row_number() OVER (ORDER BY {order}), {ID[kind]}, "
        f"{columns}{padding} FROM best_{kind}{rest} ORDER BY {order}{limit})"
    )


SHOWN = {"enquiry": 3, "journalist": 4, "expert": 3, "press_contact": 5, "release": 2}
"""How many columns each kind's hit is built from."""

ID = {"enquiry": "e.id", "journalist": "p.id", "expert": "p.id", "press_contact": "p.id", "release": "r.id"}


SEARCH_SQL = (
    f"WITH {', '.join([*SHARED_MATCHES, ENQUIRIES_BEST, *(_people_best(k) for k in OWNER), RELEASES_BEST])} "
    + " UNION ALL ".join(
        [
            _branch(
                "enquiry",
                "e.subject, coalesce(j.name, ''), e.status FROM best_enquiry JOIN enquiry e ON e.id = best_enquiry.id "
                "LEFT JOIN journalist j ON j.id = e.journalist_id",
                "best_enquiry.tier, best_enquiry.id DESC",
            ),
            *(_branch(k, _shown(k, f"best_{k}"), f"best_{k}.tier, best_{k}.id DESC") for k in OWNER),
            _branch(
                "release",
                "r.title, r.issued_on FROM best_release JOIN release r ON r.id = best_release.id",
                "best_release.tier, r.issued_on DESC, r.id DESC",
                " LIMIT :limit",
            ),
        ]
    )
    + " ORDER BY 1, 2"
)
"""Every kind of result in one statement, each index question asked once (22 MATCHes in five statements before)."""

SHORT_PEOPLE_SQL = {kind: _short_people_sql(kind) for kind in OWNER}
SHORT_PEOPLE = {kind: text(sql) for kind, sql in SHORT_PEOPLE_SQL.items()}
"""Each kind's two-character search as a statement, made once."""


def search_params(typed: str, terms: Terms, limit: int, region: str | None = "GB") -> dict:
    """The parameters every search query takes (a number dialled at home read as dialled in region)."""
    points = search_terms(typed.replace(" ", ""))
    start = validation.international_start(typed, region)  # "020 3194" in GB: the numbers starting +44203194
    return {
        "starts": terms.at_word_starts,
        "anywhere": terms.anywhere,
        "point_starts": points.at_word_starts if points else '""',
        "point_anywhere": points.anywhere if points else '""',
        "phone_key": validation.phone_key(typed, region) if validation.looks_like_phone(typed) else None,
        "phone_lo": f"+{start}" if start else None,
        "phone_hi": f"+{start}:" if start else None,
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


def _journalist_hit(
    pid: int, name: str, outlet: str, phone: str | None, email: str | None, *_, region: str | None = None
) -> SearchHit:
    """A journalist as a search result, the number as dialled from region."""
    number = _point(phone)
    return SearchHit(
        "journalist", pid, name, _joined(outlet, number and validation.readable_phone(number, region), _point(email))
    )


def _expert_hit(pid: int, name: str, title: str, affiliation: str, *_, region: str | None = None) -> SearchHit:
    """An expert as a search result."""
    return SearchHit("expert", pid, name, _joined(title, affiliation))


def _press_contact_hit(
    pid: int, name: str, organisation: str, release_id, release, count, *_, region: str | None = None
) -> SearchHit:
    """A press contact as a search result, with the release they came from."""
    came_from = f"release: {release}" + (f" (+{count - 1} more)" if count > 1 else "") if release else ""
    return SearchHit(
        "press_contact", pid, name, _joined(organisation, came_from), release_id=release_id, release_title=release or ""
    )


def _enquiry_hit(eid: int, subject: str, journalist: str, status: str, *_, region: str | None = None) -> SearchHit:
    """An enquiry as a search result."""
    return SearchHit("enquiry", eid, subject, f"{journalist} · {status}")


def _release_hit(rid: int, title: str, issued, *_, region: str | None = None) -> SearchHit:
    """A release as a search result."""
    return SearchHit("release", rid, title, str(issued or "")[:10])


HIT = {
    "enquiry": _enquiry_hit,
    "journalist": _journalist_hit,
    "expert": _expert_hit,
    "press_contact": _press_contact_hit,
    "release": _release_hit,
}
"""Each kind's hit, built from its row's columns (a journalist's number as dialled in region)."""


def search(
    session: Session, typed: str, terms: Terms, number: int | None, limit: int, *, region: str | None = "GB"
) -> list[SearchHit]:
    """What the search box shows when FTS can answer: the enquiry of that number, people, releases, enquiries."""
    params = search_params(typed, terms, limit, region) | {"number": number}
    found: dict[str, list[SearchHit]] = {kind: [] for kind in KINDS}
    # the driver's own execute: no statement object, compiled-cache look-up or parameter processing (0.1-0.2 ms)
    for kind, _rank, *columns in session.connection().exec_driver_sql(SEARCH_SQL, params).all():
        found[KINDS[kind]].append(HIT[KINDS[kind]](*columns, region=region))
    enquiries = found.pop("enquiry")
    by_number = [h for h in enquiries if h.id == number]
    rest = [h for h in enquiries if h.id != number]
    people = found["journalist"] + found["expert"] + found["press_contact"]
    return by_number + people + found["release"] + rest


def short_people(session: Session, typed: str, limit: int, region: str | None = "GB") -> list[SearchHit]:
    """People whose name contains the two characters typed, by name, as the general path lists them."""
    from pressdesk.store.search import like_pattern

    params = {"pattern": like_pattern(typed), "limit": limit}
    return [
        HIT[kind](*row, region=region)
        for kind, statement in SHORT_PEOPLE.items()
        for row in session.execute(statement, params)
    ]
