"""Lines to take: approved statements, versioned, offered to enquiries that match, recorded when given."""

from __future__ import annotations

import heapq

from sqlalchemy import select
from sqlmodel import Session

from pressdesk.errors import DeskError, FieldError, NotFound
from pressdesk.models import Enquiry, Release, Statement
from pressdesk.models.views import StatementView
from pressdesk.services import activity, typed
from pressdesk.services.routing.words import phrases, word_forms, words

W_TOPIC, W_TITLE, W_BODY, W_RELEASE = 10.0, 4.0, 1.0, 15.0


def _view(s: Statement, score: float = 0.0, matched: tuple[str, ...] = ()) -> StatementView:
    """A StatementView of a row."""
    return StatementView(
        id=s.id,
        title=s.title,
        body=s.body,
        topics=s.topics,
        release_id=s.release_id,
        revision=s.revision,
        supersedes_id=s.supersedes_id,
        approved_by=s.approved_by,
        current=s.current,
        updated_at=s.updated_at,
        version=s.version,
        score=score,
        matched=matched,
    )


def _clean(title: str | None, body: str | None, topics: str | None, approved_by: str | None) -> dict:
    """Check and tidy a statement's fields, naming the first bad one."""
    clean_title = typed.clean("statement.title", title, field="title")
    if not clean_title:
        raise FieldError("title", "Give the statement a short title.")
    clean_body = typed.clean("statement.body", body, field="body", multiline=True)
    if not clean_body:
        raise FieldError("body", "Enter the approved wording.")
    clean_by = typed.clean("statement.approved_by", approved_by, field="approved by")
    clean_topics = ", ".join(shown for shown, _ in phrases(typed.clean("statement.topics", topics, field="topics")))
    return {"title": clean_title, "body": clean_body, "topics": clean_topics, "approved_by": clean_by}


def _check_release(session: Session, release_id: int | None) -> None:
    """Refuse a release id that does not exist."""
    if release_id is not None and session.get(Release, release_id) is None:
        raise FieldError("release", f"There is no release {release_id}.")


def create_statement(
    session: Session,
    *,
    who: str,
    title: str,
    body: str,
    topics: str = "",
    release_id: int | None = None,
    approved_by: str = "",
) -> Statement:
    """Store an approved line to take (revision 1)."""
    values = _clean(title, body, topics, approved_by)
    _check_release(session, release_id)
    statement = Statement(**values, release_id=release_id, revision=1, current=True, updated_by=who)
    return activity.add(session, statement, who=who, entity="statement", summary=f"Added statement '{statement.title}'")


def revise_statement(
    session: Session,
    *,
    who: str,
    statement_id: int,
    title: str | None = None,
    body: str | None = None,
    topics: str | None = None,
    release_id: int | None = ...,
    approved_by: str | None = None,
    expected_version: int | None = None,
) -> Statement:
    """Replace the current wording with a new revision; the old one stays on record, no longer current."""
    old = session.get(Statement, statement_id, with_for_update=True)
    if old is None:
        raise NotFound(f"There is no statement {statement_id}.")
    if not old.current:
        newer = session.execute(
            select(Statement.id, Statement.revision).where(Statement.supersedes_id == old.id)
        ).first()
        where = f" (statement {newer[0]}, revision {newer[1]})" if newer else ""
        raise DeskError(f"Statement {statement_id} has been revised since{where}; revise the current one.")
    values = _clean(
        old.title if title is None else title,
        old.body if body is None else body,
        old.topics if topics is None else topics,
        old.approved_by if approved_by is None else approved_by,
    )
    new_release = old.release_id if release_id is ... else release_id
    _check_release(session, new_release)
    changes = activity.diff(old, values | {"release_id": new_release})
    if not changes:
        raise DeskError("Nothing changed: the new revision would read the same as the current one.")
    activity.bump(old, who=who, entity="statement", expected_version=expected_version)
    old.current = False
    session.flush()
    new = Statement(
        **values,
        release_id=new_release,
        revision=old.revision + 1,
        supersedes_id=old.id,
        current=True,
        updated_by=who,
    )
    return activity.add(
        session,
        new,
        who=who,
        entity="statement",
        action="revise",
        summary=f"Revised statement '{new.title}' to revision {new.revision}",
        changes=changes,
    )


def list_statements(
    session: Session,
    *,
    current_only: bool = True,
    release_id: int | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[StatementView]:
    """Statements, newest first (current revisions only, unless asked)."""
    query = select(Statement).order_by(Statement.updated_at.desc(), Statement.id.desc())
    if current_only:
        query = query.where(Statement.current.is_(True))
    if release_id is not None:
        query = query.where(Statement.release_id == release_id)
    return [_view(s) for s in session.execute(query.limit(limit).offset(offset)).scalars()]


def statement_history(session: Session, *, statement_id: int) -> list[StatementView]:
    """Every revision of a statement, newest first."""
    row = session.get(Statement, statement_id)
    if row is None:
        raise NotFound(f"There is no statement {statement_id}.")
    chain = [row]
    while chain[-1].supersedes_id is not None:
        older = session.get(Statement, chain[-1].supersedes_id)
        if older is None:
            break
        chain.append(older)
    newer = row
    while (
        following := session.execute(select(Statement).where(Statement.supersedes_id == newer.id)).scalars().first()
    ) is not None:
        chain.insert(0, following)
        newer = following
    return [_view(s) for s in chain]


def matching_statements(
    session: Session, *, subject: str, release_id: int | None = None, limit: int = 5
) -> list[StatementView]:
    """Current statements that fit an enquiry's subject and release, best first; ones that do not fit are left out."""
    tokens = words(subject)
    if release_id is not None:
        title = session.execute(select(Release.title).where(Release.id == release_id)).scalar_one_or_none()
        tokens |= words(title or "")
    if not tokens and release_id is None:
        return []
    query = select(Statement).where(Statement.current.is_(True)).execution_options(yield_per=200)
    scored = (_fit(s, tokens, release_id) for s in session.execute(query).scalars())
    return heapq.nsmallest(limit, (v for v in scored if v.score > 0), key=lambda v: (-v.score, -v.id))


def _fit(s: Statement, tokens: set[str], release_id: int | None) -> StatementView:
    """How well one statement fits the enquiry's words and release, with what matched."""
    score, matched = 0.0, []
    for shown, ws in phrases(s.topics):
        if ws & tokens:
            score += W_TOPIC * (1.0 if ws <= tokens else len(ws & tokens) / len(ws) / 2)
            matched.append(shown)
    seen = {m.casefold() for m in matched}
    hits = [form for stem_, form in word_forms(s.title).items() if stem_ in tokens]
    score += W_TITLE * len(hits)
    matched += [h for h in hits if h.casefold() not in seen]
    score += W_BODY * min(5, len(words(s.body) & tokens))
    if release_id is not None and s.release_id == release_id:
        score += W_RELEASE
        matched.append("same release")
    return _view(s, round(score, 1), tuple(matched))


def give_statement(
    session: Session, *, who: str, enquiry_id: int, statement_id: int, expected_version: int | None = None
) -> Enquiry:
    """Record on the enquiry which statement the journalist was given."""
    enquiry = session.get(Enquiry, enquiry_id, with_for_update=True)
    if enquiry is None:
        raise NotFound(f"There is no enquiry {enquiry_id}.")
    statement = session.get(Statement, statement_id)
    if statement is None:
        raise FieldError("statement", f"There is no statement {statement_id}.")
    if not statement.current:
        raise FieldError(
            "statement",
            f"Statement {statement_id} is an old revision; give the current wording instead "
            "(pressdesk statement list shows it).",
        )
    activity.change(
        session,
        enquiry,
        {"statement_id": statement_id},
        who=who,
        entity="enquiry",
        action="statement",
        summary=f"Gave statement '{statement.title}' (revision {statement.revision})",
        expected_version=expected_version,
        enquiry_id=enquiry.id,
    )
    return enquiry


def statement_given(session: Session, *, enquiry_id: int) -> StatementView | None:
    """The statement an enquiry was given, if any (NotFound when there is no such enquiry)."""
    enquiry = session.get(Enquiry, enquiry_id)
    if enquiry is None:
        raise NotFound(f"There is no enquiry {enquiry_id}.")
    statement = session.get(Statement, enquiry.statement_id) if enquiry.statement_id is not None else None
    return _view(statement) if statement is not None else None
