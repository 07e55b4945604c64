"""The search box: enquiries, people, press contacts and releases for any word, name, number or enquiry number,
best matches first."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from pressdesk import validation
from pressdesk.limits import LONGEST_SEARCH
from pressdesk.models import Enquiry, Release
from pressdesk.models.views import PersonRow, SearchHit
from pressdesk.services import queries, search_rows
from pressdesk.store.search import Matches, fts_query, ranked_ids, search_terms


def _in_rank_order(fetch: Callable[[list[int], int], Sequence], found: Matches, limit: int) -> list:
    """Rows for the word-start matches, then (if there is room) for the other matches, each in fetch's order."""
    rows: list = []
    for ids in (found.at_word_starts, found.inside_words):
        if ids and len(rows) < limit:
            rows += fetch(ids, limit - len(rows))
    return rows


def _newest_ids(ids: Sequence[int], n: int) -> list[int]:
    """The n newest of the ids (a tier's people come newest first, as search_rows gives them on SQLite)."""
    return sorted(ids, reverse=True)[:n]


def _newest(rows: Sequence[PersonRow]) -> list[PersonRow]:
    """People newest first."""
    return sorted(rows, key=lambda p: -p.id)


def _person_hit(p: PersonRow, region: str | None = None) -> SearchHit:
    """A journalist, expert or press contact as a search result (a journalist's number as dialled from region)."""
    if p.kind == "journalist":
        phones = [validation.readable_phone(n, region) for n in p.phones[:1]]
        return SearchHit("journalist", p.id, p.name, " · ".join(filter(None, [p.outlet, *phones, *p.emails[:1]])))
    if p.kind == "expert":
        return SearchHit("expert", p.id, p.name, " · ".join(filter(None, [p.role, p.outlet])))
    release = p.detail.get("latest_release") or ""
    more = p.detail.get("release_count", 0) - 1
    came_from = f"release: {release}" + (f" (+{more} more)" if more > 0 else "") if release else ""
    return SearchHit(
        "press_contact",
        p.id,
        p.name,
        " · ".join(filter(None, [p.outlet, came_from])),
        release_id=p.detail.get("latest_release_id"),
        release_title=release,
    )


def _people(session: Session, text: str, limit: int, cache: dict, region: str | None) -> list[SearchHit]:
    """Journalists, experts and press contacts, those matching at word starts (or by number, dialled at home read in
    region) first."""
    listers = {
        "journalist": queries.list_journalists,
        "expert": queries.list_experts,
        "press_contact": queries.list_press_contacts,
    }
    hits: list[SearchHit] = []
    for kind, lister in listers.items():
        found = queries.people_ranked(session, kind, text, cache=cache, region=region)
        rows = _in_rank_order(
            lambda ids, n, lister=lister: _newest(lister(session, ids=_newest_ids(ids, n), limit=n)), found, limit
        )
        hits += [_person_hit(p, region) for p in rows]
    return hits


def _releases(session: Session, text: str, limit: int, cache: dict) -> list[SearchHit]:
    """Releases, those with every word at a word start first, newest first within each."""
    found = ranked_ids(session, "release", text, limit=limit * 4, cache=cache)
    if found is None:
        rows = queries.list_releases(session, text=text, limit=limit)
    else:

        def fetch(ids: Sequence[int], n: int):
            query = select(Release).where(Release.id.in_(ids)).order_by(Release.issued_on.desc(), Release.id.desc())
            return session.execute(query.limit(n)).scalars().all()

        rows = _in_rank_order(fetch, found, limit)
    return [SearchHit("release", r.id, r.title, r.issued_on.isoformat() if r.issued_on else "") for r in rows]


def _enquiry_hit(e) -> SearchHit:
    """An enquiry as a search result."""
    return SearchHit("enquiry", e.id, e.subject, f"{e.journalist} · {e.status}")


def _by_number(session: Session, number: int | None) -> list[SearchHit]:
    """The enquiry of that number, if there is one."""
    if number is None:
        return []
    rows = queries.enquiry_rows(session, queries.enquiry_rows_select().where(Enquiry.id == number))
    return [_enquiry_hit(e) for e in rows]


def _enquiries(session: Session, text: str, limit: int, cache: dict) -> list[SearchHit]:
    """Enquiries by number, then with every word at a word start, then the rest; the latest logged first within
    each (by id: a matching outlet or journalist can bring thousands of enquiries, and their ids come sorted in
    the indexes, where sorting them by received_at took 70 ms on a desk of a million)."""
    rows: list = []
    for where in queries.enquiry_text_filters(session, text, match_limit=limit * 4, cache=cache):
        if len(rows) >= limit:
            break
        ids = select(Enquiry.id).where(where).order_by(Enquiry.id.desc()).limit(limit - len(rows))
        if rows:
            ids = ids.where(Enquiry.id.not_in([r.id for r in rows]))
        # the ids first, so the joins and the expert look-up run for these rows only
        query = queries.enquiry_rows_select().where(Enquiry.id.in_(ids.scalar_subquery())).order_by(Enquiry.id.desc())
        rows += queries.enquiry_rows(session, query)
    return [_enquiry_hit(e) for e in rows]


def search(session: Session, text: str, *, limit: int = 8, region: str | None = "GB") -> list[SearchHit]:
    """What the search box shows for a text: the enquiry of that number first, then journalists, experts, press
    contacts, releases and enquiries, best matches first within each kind (two characters at least, or a number;
    a number dialled at home is read as dialled in region). Only the first LONGEST_SEARCH characters are read: a page
    pasted into the box is searched for its start."""
    text = (text or "")[:LONGEST_SEARCH]
    number = queries.enquiry_number(text)
    if not text or len(text.strip()) < 2:
        return _by_number(session, number)
    terms = search_terms(text)
    if terms is not None and session.get_bind().dialect.name == "sqlite":
        return search_rows.search(session, text, terms, number, limit, region=region)
    if len(text.strip()) == 2 and session.get_bind().dialect.name == "sqlite":
        # two characters: people by name only (no number or word is that short), walking the name index; two
        # digits are the start of a number or an enquiry number, never looked up among names
        people = [] if text.strip().isdigit() else search_rows.short_people(session, text.strip(), limit, region)
        return _by_number(session, number) + people
    cache: dict = {}  # each kind is looked up once for the text
    people = _people(session, text, limit, cache, region)
    if fts_query(text) is None:
        # under three letters: people by name or number, and an enquiry number, never a scan of every enquiry
        return _by_number(session, number) + people
    enquiries = _enquiries(session, text, limit, cache)
    by_number = [h for h in enquiries if h.id == number]
    releases = _releases(session, text, limit, cache)
    return by_number + people + releases + [h for h in enquiries if h.id != number]
