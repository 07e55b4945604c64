"""Read queries: keyset pages of the desk, counts, and search by kind."""

from __future__ import annotations

from pressdesk.services import queries, search


def test_keyset_pages_walk_the_whole_desk_in_urgency_order(demo_desk):
    with demo_desk.read() as s:
        everything = [r.id for r in queries.list_enquiries(s, open_only=True, limit=1000)]
        walked, after = [], None
        while True:
            page = queries.open_page(s, after=after, limit=4)
            if not page:
                break
            walked += [r.id for r in page]
            after = (page[-1].deadline, page[-1].id)
    assert walked == everything
    assert len(walked) == len(set(walked))


def test_counts_add_up(demo_desk):
    with demo_desk.read() as s:
        counts = queries.desk_counts(s)
        open_rows = queries.list_enquiries(s, open_only=True, limit=1000)
        overdue = queries.list_enquiries(s, overdue=True, limit=1000)
    assert counts.open == len(open_rows)
    assert counts.overdue == len(overdue) > 0


def test_search_finds_each_kind_and_short_text_skips_enquiries(demo_desk):
    with demo_desk.read() as s:
        kinds = {h.kind for h in search.search(s, "Taliban")}
        short = search.search(s, "Zo")
    assert {"expert", "release", "enquiry"} <= kinds
    assert short and {h.kind for h in short} <= {"journalist", "expert"}
