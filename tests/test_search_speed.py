"""The search box asks the desk one question per kind of result, whatever the text matches."""

from __future__ import annotations

import pytest
from sqlalchemy import event, select, text

from pressdesk.services import contacts, search


def statements(desk, typed: str) -> tuple[list, list[str]]:
    """The hits for the text and the SELECTs the search sent."""
    sent: list[str] = []

    def seen(_conn, _cursor, statement, _params, _context, _many) -> None:
        if statement.lstrip()[:4].upper() in ("SELE", "WITH"):
            sent.append(statement)

    event.listen(desk.engine, "before_cursor_execute", seen)
    try:
        with desk.read() as s:
            found = search.search(s, typed)
    finally:
        event.remove(desk.engine, "before_cursor_execute", seen)
    return found, sent


@pytest.mark.parametrize("typed", ["Muller", "RTE News", "flood", "12", "0113 343 9158", "343 91"])
def test_a_search_sends_one_select_per_kind_of_result(demo_desk, typed):
    found, sent = statements(demo_desk, typed)
    assert found, typed
    assert len(sent) <= 5, sent  # enquiries, journalists, experts, press contacts, releases


def test_an_experts_email_is_found_behind_many_newer_journalists_with_the_same_word(demo_desk):
    with demo_desk.write() as s:
        expert = contacts.create_expert(s, who="t", region="GB", name="Ada Quill", emails=["ada@quillworks.ac.uk"])
        expert_id = expert.id
        for n in range(30):
            contacts.create_journalist(s, who="t", region="GB", name=f"Reporter {n}", emails=[f"r{n}@quillworks.ac.uk"])
    found, _ = statements(demo_desk, "quillworks")
    assert [h.title for h in found if h.kind == "expert"] == ["Ada Quill"]
    assert expert_id in [h.id for h in found if h.kind == "expert"]
    assert len([h for h in found if h.kind == "journalist"]) == 8


@pytest.mark.parametrize("typed", ["Zo", "mu", "Ré"])
def test_two_characters_find_the_same_people_in_one_select_per_kind(demo_desk, typed):
    from pressdesk.services import queries

    found, sent = statements(demo_desk, typed)
    with demo_desk.read() as s:
        expected = [p.name for p in queries.list_journalists(s, text=typed, limit=8)]
    assert [h.title for h in found if h.kind == "journalist"] == expected
    assert len(sent) <= 3, sent


def test_two_characters_walk_the_names_without_folding_each_one(demo_desk):
    """SQLite's LIKE already ignores ASCII case, so the name walk calls no function per name (lower() per name
    was two thirds of a rare pair's 9 ms over 50,000 journalists)."""
    folded: list[str] = []

    def counted_lower(value):
        folded.append(value)
        return value.lower() if isinstance(value, str) else value

    def override(dbapi_connection, _record) -> None:
        dbapi_connection.create_function("lower", 1, counted_lower)

    demo_desk.engine.dispose()
    event.listen(demo_desk.engine, "connect", override)
    try:
        found, _ = statements(demo_desk, "zq")
        people, _ = statements(demo_desk, "Zo")
    finally:
        event.remove(demo_desk.engine, "connect", override)
    assert found == []
    assert people, "a pair that is in names still finds them"
    assert folded == []


@pytest.mark.parametrize("typed", ["Muller", "0113 343 9158", "343 91", "flood", "12"])
def test_a_search_sends_one_select_for_every_kind(demo_desk, typed):
    """Every kind comes from one statement whose index questions are shared (five statements, 22 MATCHes before):
    journalists' and outlets' matches serve the enquiry and the journalist search, one walk of the newest matching
    phones and emails serves experts and press contacts, and a rare text is read once for every kind."""
    found, sent = statements(demo_desk, typed)
    assert found, typed
    assert len(sent) == 1, sent


@pytest.mark.parametrize("extra", [-1, 0, 1])
def test_a_text_found_about_as_often_as_the_shared_read_holds_finds_the_newest_first(demo_desk, extra):
    """Under EVERY_KIND matches in all (here the journalists and the expert), each kind's newest come from one
    read of every kind; at or over it, each kind asks the index itself: the same newest eight either way."""
    from pressdesk.services.search_rows import EVERY_KIND

    with demo_desk.write() as s:
        contacts.create_expert(s, who="t", region="GB", name="Quorra Sage")
        made = [
            contacts.create_journalist(s, who="t", region="GB", name=f"Quorra {n}").id
            for n in range(EVERY_KIND - 1 + extra)
        ]
    found, sent = statements(demo_desk, "quorra")
    assert [h.id for h in found if h.kind == "journalist"] == sorted(made, reverse=True)[:8]
    assert [h.title for h in found if h.kind == "expert"] == ["Quorra Sage"]
    assert len(sent) == 1


def test_the_owners_of_matching_numbers_are_read_with_the_matches_not_sent_back_as_ids(demo_desk):
    """A number's first digits match up to 1,000 contact points: their owners come in the statement that finds
    them, not in a second one carrying every id (on a server, that list cost more than the search itself)."""
    from pressdesk.models import ContactPoint
    from pressdesk.services import queries

    with demo_desk.write() as s:
        made = [
            contacts.create_journalist(s, who="t", region="GB", name=f"Caller {n}", phones=[f"07400 555{n:03d}"]).id
            for n in range(30)
        ]
    with demo_desk.read() as s:
        points = set(s.scalars(select(ContactPoint.id).where(ContactPoint.journalist_id.in_(made))))
    assert len(points) == 30 and not points & set(made)
    sent: list = []

    def seen(_conn, _cursor, _statement, params, _context, _many) -> None:
        sent.append(set(params.values()) if isinstance(params, dict) else set(params or ()))

    event.listen(demo_desk.engine, "before_cursor_execute", seen)
    try:
        with demo_desk.read() as s:
            found = queries.list_journalists(s, text="7400 555", limit=100)
    finally:
        event.remove(demo_desk.engine, "before_cursor_execute", seen)
    assert set(made) <= {p.id for p in found}
    assert not any(points <= values for values in sent), "the matching numbers' ids were sent back to the desk"


def test_a_search_builds_no_sql_statement_object_of_its_own(demo_desk, monkeypatch):
    """No statement object is made per search (the SQL goes to the driver as it is, or was made into a statement
    once, at import): SQLAlchemy scanning the ~10 kB statement for its parameters on every search took 0.5 ms of a
    3.5 ms "smith" on the 1,000,000-enquiry desk."""
    from sqlalchemy.sql.elements import TextClause

    built: list[str] = []
    original = TextClause.__init__

    def counted(self, text, *args, **kwargs) -> None:
        built.append(text[:60])
        original(self, text, *args, **kwargs)

    monkeypatch.setattr(TextClause, "__init__", counted)
    for typed in ("Muller", "Zo", "0113 343 9158"):
        found, _ = statements(demo_desk, typed)
        assert found, typed
    assert built == []


def newer_journalist_emails(session, domain: str, n: int) -> None:
    """n emails at the domain, newer than everything on the desk, spread over the desk's journalists (inserted by
    SQL in one statement, so the search triggers index them as any write does)."""
    session.execute(
        text(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :n), "
            "j AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS total FROM journalist) "
            "INSERT INTO contact_point (journalist_id, kind, raw, value, extension, lookup_key, valid, problem, label, "
            "position) SELECT j.id, 'email', 'desk' || i || '@' || :domain, 'desk' || i || '@' || :domain, '', "
            "'desk' || i || '@' || :domain, 1, '', 'work', 9 FROM n JOIN j ON j.k = n.i % j.total"
        ),
        {"n": n, "domain": domain},
    )


@pytest.mark.parametrize("typed", ["quillworks", "quillworks.ac.uk", "quill"])
def test_experts_and_press_contacts_are_found_by_an_email_behind_a_thousand_newer_journalists_emails(demo_desk, typed):
    """An expert's or press contact's email is found however many newer journalists' emails hold the same word
    (they were looked for among the 1,000 newest matching phones and emails of anyone)."""
    with demo_desk.write() as s:
        expert = contacts.create_expert(s, who="t", region="GB", name="Ada Quill", emails=["ada@quillworks.ac.uk"])
        press = contacts.create_press_contact(
            s, who="t", region="GB", name="Bo Reed", organisation="Agency", emails=["bo@quillworks.ac.uk"]
        )
        ids = (expert.id, press.id)
        newer_journalist_emails(s, "quillworks.ac.uk", 1100)
    found, _ = statements(demo_desk, typed)
    assert [(h.kind, h.id) for h in found if h.kind in ("expert", "press_contact")] == [
        ("expert", ids[0]),
        ("press_contact", ids[1]),
    ]
    assert len([h for h in found if h.kind == "journalist"]) == 8
