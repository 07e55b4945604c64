"""The desk's views (open, mine, overdue, closed today, all) narrowed by officer, type and outlet: a page at a time
from a keyset on an index, and the same choice as an export filter, so `x` writes what the desk shows."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session

from pressdesk import validation
from pressdesk.errors import FieldError
from pressdesk.models import Enquiry, Outlet
from pressdesk.models.views import EnquiryRow
from pressdesk.services import queries
from pressdesk.services.enquiries import parse_type
from pressdesk.services.exports import LogFilter

VIEWS = ("open", "mine", "overdue", "closed today", "all")
"""The desk's views, in the order `v` cycles through them; "open" is the everyday one."""

URGENT = frozenset({"open", "mine", "overdue"})
"""Views of open enquiries, most urgent first from the partial index of open enquiries."""

Cursor = tuple[datetime | None, int]
"""Where a page ended: the last row's sort time (deadline, closing or receiving time) and id."""


def read_view(view: str) -> str:
    """A view's name as typed; FieldError("view") for one the desk does not have."""
    name = " ".join((view or "open").lower().replace("-", " ").replace("_", " ").split())
    if name not in VIEWS:
        raise FieldError("view", f"'{view}' is not a view of the desk. Use one of: {', '.join(VIEWS)}.")
    return name


def outlet_id(session: Session, name: str) -> int | None:
    """The id of the outlet named (case, accents and spacing aside), None for no name; FieldError if unknown."""
    if not name.strip():
        return None
    found = session.execute(select(Outlet.id).where(Outlet.name_key == validation.name_key(name))).scalar()
    if found is None:
        raise FieldError("outlet", f"There is no outlet '{validation.clean_text(name)}' on the desk.")
    return found


def read_narrowing(session: Session, *, officer: str = "", type: str = "", outlet: str = "") -> tuple[str, str, str]:
    """(officer, type, outlet) as the desk keeps them: cleaned, the type checked, the outlet known to the desk.

    FieldError names the field ("officer", "type" or "outlet") that cannot narrow the desk.
    """
    officer = validation.clean_text(officer or "")
    kind = parse_type(type) if (type or "").strip() else ""
    if (outlet or "").strip():
        outlet_id(session, outlet)
    return officer, kind, validation.clean_text(outlet or "")


def _narrowing(session: Session, *, officer: str, type: str, outlet: str) -> list:
    """WHERE clauses for the officer, type and outlet chosen (blank: any)."""
    where = []
    if officer:
        where.append(Enquiry.officer == officer)
    if type:
        where.append(Enquiry.type == type)
    if outlet.strip():
        where.append(Enquiry.outlet_id == outlet_id(session, outlet))
    return where


def _today(now: datetime, tz: str) -> tuple[datetime, datetime]:
    """Today in the desk's time zone, midnight to midnight."""
    return validation.parse_range("today", now=now, tz=tz)


def _urgent_ids(session: Session, where: list, *, dated: bool, after: Cursor | None, limit: int) -> list[tuple]:
    """(deadline, id) of a page of open enquiries, in (deadline, id) order read from ix_enquiry_open_deadline."""
    query: Select = select(Enquiry.deadline, Enquiry.id).where(queries.open_filter(), *where)
    if session.get_bind().dialect.name == "sqlite":  # with statistics SQLite may prefer (status, deadline) and sort
        query = query.with_hint(Enquiry, "INDEXED BY ix_enquiry_open_deadline", "sqlite")
    if dated:
        query = query.where(Enquiry.deadline.is_not(None))
        if after is not None:
            d, i = after
            query = query.where(Enquiry.deadline >= d, or_(Enquiry.deadline > d, Enquiry.id > i))
        query = query.order_by(Enquiry.deadline, Enquiry.id)
    else:
        query = query.where(Enquiry.deadline.is_(None))
        if after is not None and after[0] is None:
            query = query.where(Enquiry.id > after[1])
        query = query.order_by(Enquiry.id)
    return list(session.execute(query.limit(limit)))


def _urgent_page(session: Session, where: list, *, overdue_at: datetime | None, after: Cursor | None, limit: int):
    """(deadline, id) of a page of open enquiries, most urgent first: dated ones, then those with no deadline
    (none of which is overdue)."""
    keys: list[tuple] = []
    dated_where = [*where, Enquiry.deadline < overdue_at] if overdue_at is not None else where
    if after is None or after[0] is not None:
        keys = _urgent_ids(session, dated_where, dated=True, after=after, limit=limit)
    if len(keys) < limit and overdue_at is None:
        keys += _urgent_ids(session, where, dated=False, after=after if not keys else None, limit=limit - len(keys))
    return keys


def _newest_page(session: Session, column, where: list, *, after: Cursor | None, limit: int) -> list[tuple]:
    """(time, id) of a page in (column, id) order newest first, read backwards along the column's index."""
    query = select(column, Enquiry.id).where(*where)
    if after is not None:
        t, i = after
        query = query.where(column <= t, or_(column < t, and_(column == t, Enquiry.id < i)))
    return list(session.execute(query.order_by(column.desc(), Enquiry.id.desc()).limit(limit)))


def view_page(
    session: Session,
    view: str,
    *,
    me: str,
    officer: str = "",
    type: str = "",
    outlet: str = "",
    after: Cursor | None = None,
    limit: int = 200,
    now: datetime,
    tz: str,
) -> list[tuple[EnquiryRow, Cursor]]:
    """A page of a desk view, each row with its cursor (pass a row's to get the rows after it); a page costs the same
    however deep it is. Open views come most urgent first; closed today by closing time and all by arrival, newest
    first. "mine" is the open enquiries of `me`, whatever officer is chosen."""
    view = read_view(view)
    where = _narrowing(session, officer=me if view == "mine" else officer, type=type, outlet=outlet)
    if view in URGENT:
        keys = _urgent_page(session, where, overdue_at=now if view == "overdue" else None, after=after, limit=limit)
    elif view == "closed today":
        start, end = _today(now, tz)
        where += [Enquiry.closed_at >= start, Enquiry.closed_at < end]
        keys = _newest_page(session, Enquiry.closed_at, where, after=after, limit=limit)
    else:
        keys = _newest_page(session, Enquiry.received_at, where, after=after, limit=limit)
    ids = [i for _, i in keys]
    found = {r.id: r for r in queries.enquiry_rows(session, queries.enquiry_rows_select().where(Enquiry.id.in_(ids)))}
    return [(found[i], (t, i)) for t, i in keys if i in found]


def view_rows(
    session: Session,
    view: str,
    ids: Collection[int],
    *,
    me: str,
    officer: str = "",
    type: str = "",
    outlet: str = "",
    now: datetime,
    tz: str,
) -> list[EnquiryRow]:
    """The rows of these enquiries that belong in a desk view, in the view's order (as view_page reads them), from
    one SELECT by primary key; those that left the view (closed, reassigned, gone) are not there."""
    view = read_view(view)
    if not ids:
        return []
    where = _narrowing(session, officer=me if view == "mine" else officer, type=type, outlet=outlet)
    if view in URGENT:
        where.append(queries.open_filter())
        if view == "overdue":
            where.append(Enquiry.deadline < now)
        order = (Enquiry.deadline.is_(None), Enquiry.deadline, Enquiry.id)
    elif view == "closed today":
        start, end = _today(now, tz)
        where += [Enquiry.closed_at >= start, Enquiry.closed_at < end]
        order = (Enquiry.closed_at.desc(), Enquiry.id.desc())
    else:
        order = (Enquiry.received_at.desc(), Enquiry.id.desc())
    query = queries.enquiry_rows_select().where(Enquiry.id.in_(sorted(ids)), *where).order_by(*order)
    return queries.enquiry_rows(session, query)


def view_filter(
    view: str, *, me: str, officer: str = "", type: str = "", outlet: str = "", now: datetime, tz: str
) -> LogFilter:
    """The export filter holding the same enquiries as a desk view."""
    view = read_view(view)
    officer = me if view == "mine" else officer
    closed = _today(now, tz) if view == "closed today" else (None, None)
    return LogFilter(
        officers=(officer,) if officer else (),
        types=(type,) if type else (),
        outlets=(outlet,) if outlet.strip() else (),
        open_only=view in URGENT,
        closed_from=closed[0],
        closed_to=closed[1],
        due_before=now if view == "overdue" else None,
    )
