"""Media lists: named lists of journalists ("education correspondents"), built from a filter or by hand."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select
from sqlmodel import Session

from pressdesk.errors import FieldError, NotFound
from pressdesk.models import Journalist, MediaList, MediaListMember, Outlet, utcnow
from pressdesk.models.views import JsonMixin, PersonRow
from pressdesk.services import activity, queries, typed
from pressdesk.services.contacts import bump, name_key


@dataclass(frozen=True, slots=True)
class MediaListRow(JsonMixin):
    """A media list with how many journalists are on it."""

    id: int
    name: str
    description: str
    built_from: str
    members: int
    version: int


def _name(session: Session, value: str | None, *, list_id: int | None = None) -> str:
    """A list's name, checked: not blank, not another list's."""
    text = typed.clean("media_list.name", value, field="name")
    if not text:
        raise FieldError("name", "Give the list a name.")
    other = session.execute(select(MediaList.id).where(MediaList.name_key == name_key(text))).scalar()
    if other is not None and other != list_id:
        raise FieldError("name", f"There is already a media list called {text}.")
    return text


def find_list(session: Session, name_or_id: str | int) -> MediaList:
    """The media list with this id or name (case, accents and spacing aside); NotFound if there is none."""
    text = str(name_or_id).strip()
    found = None
    if text.isascii() and text.isdigit() and len(text) <= 18:
        found = session.get(MediaList, int(text))
    if found is None:
        found = session.execute(select(MediaList).where(MediaList.name_key == name_key(text))).scalar()
    if found is None:
        raise NotFound(f"There is no media list {text}.")
    return found


def _check_journalists(session: Session, ids: Iterable[int]) -> list[int]:
    """The ids, each once, refusing any that is no journalist."""
    wanted = list(dict.fromkeys(ids))
    known = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        known |= set(session.execute(select(Journalist.id).where(Journalist.id.in_(chunk))).scalars())
    if missing := [i for i in wanted if i not in known]:
        raise NotFound(f"There is no journalist {missing[0]}.")
    return wanted


def _add(session: Session, list_id: int, ids: Sequence[int]) -> int:
    """Put journalists on a list (those on it already are left as they are); how many were added."""
    on = set(
        session.execute(select(MediaListMember.journalist_id).where(MediaListMember.media_list_id == list_id)).scalars()
    )
    new = [i for i in ids if i not in on]
    if new:
        now = utcnow()
        session.execute(
            insert(MediaListMember.__table__),
            [{"media_list_id": list_id, "journalist_id": i, "added_at": now} for i in new],
        )
    return len(new)


def create_list(
    session: Session,
    *,
    who: str,
    name: str,
    description: str = "",
    journalist_ids: Sequence[int] = (),
    built_from: str = "",
) -> MediaList:
    """Make a media list, by hand (the journalists given) or as build_list does from a filter."""
    media_list = MediaList(
        name=_name(session, name),
        name_key="",
        description=typed.clean("media_list.description", description, field="description", multiline=True),
        built_from=typed.clean("media_list.built_from", built_from, field="filter"),
        updated_by=who,
    )
    media_list.name_key = name_key(media_list.name)
    ids = _check_journalists(session, journalist_ids)
    session.add(media_list)
    session.flush()
    added = _add(session, media_list.id, ids)
    activity.record(
        session,
        who=who,
        action="create",
        entity="media_list",
        entity_id=media_list.id,
        summary=f"Made media list {media_list.name} ({added} journalists" + (f"; {built_from})" if built_from else ")"),
    )
    return media_list


def build_list(
    session: Session,
    *,
    who: str,
    name: str,
    description: str = "",
    text: str | None = None,
    beat: str | None = None,
    outlet: str | None = None,
    region: str | None = "GB",
) -> MediaList:
    """Make a media list of every live journalist matching a filter: words (a number dialled at home read in
    region), a beat, an outlet (by name)."""
    outlet_id = None
    if outlet and outlet.strip():
        outlet_id = session.execute(select(Outlet.id).where(Outlet.name_key == name_key(outlet))).scalar()
        if outlet_id is None:
            raise NotFound(f"There is no outlet {outlet.strip()}.")
    clauses = queries.journalist_filters(
        session, text=text, beat=beat, outlet_id=outlet_id, archived=False, region=region
    )
    if len(clauses) < 2:
        raise FieldError("filter", "Say who goes on the list: words, a beat or an outlet.")
    ids = list(
        session.execute(select(Journalist.id).where(*clauses).order_by(Journalist.name, Journalist.id)).scalars()
    )
    said = ", ".join(
        f"{k} {v.strip()}" for k, v in (("text", text), ("beat", beat), ("outlet", outlet)) if v and v.strip()
    )
    return create_list(session, who=who, name=name, description=description, journalist_ids=ids, built_from=said)


def _get(session: Session, list_id: int) -> MediaList:
    """The list of this id, locked for a change."""
    media_list = session.get(MediaList, list_id, with_for_update=True)
    if media_list is None:
        raise NotFound(f"There is no media list {list_id}.")
    return media_list


def add_members(session: Session, *, who: str, list_id: int, journalist_ids: Sequence[int]) -> int:
    """Put journalists on a list; how many were not on it yet."""
    media_list = _get(session, list_id)
    added = _add(session, list_id, _check_journalists(session, journalist_ids))
    if added:
        bump(media_list, who=who, entity="media list", expected_version=None)
        activity.record(
            session, who=who, action="update", entity="media_list", entity_id=list_id,
            summary=f"Added {added} to media list {media_list.name}",
        )  # fmt: skip
    return added


def remove_members(session: Session, *, who: str, list_id: int, journalist_ids: Sequence[int]) -> int:
    """Take journalists off a list; how many were on it."""
    media_list = _get(session, list_id)
    ids = list(journalist_ids)
    removed = session.execute(
        delete(MediaListMember).where(MediaListMember.media_list_id == list_id, MediaListMember.journalist_id.in_(ids))
    ).rowcount
    if removed:
        bump(media_list, who=who, entity="media list", expected_version=None)
        activity.record(
            session, who=who, action="update", entity="media_list", entity_id=list_id,
            summary=f"Took {removed} off media list {media_list.name}",
        )  # fmt: skip
    return removed


def rename_list(
    session: Session, *, who: str, list_id: int, name: str | None = None, description: str | None = None,
    expected_version: int | None = None,
) -> MediaList:  # fmt: skip
    """Rename a list or change its description."""
    media_list = _get(session, list_id)
    values: dict[str, str] = {}
    if name is not None:
        values["name"] = _name(session, name, list_id=list_id)
    if description is not None:
        values["description"] = typed.clean("media_list.description", description, field="description", multiline=True)
    name = values.get("name", media_list.name)
    activity.change(
        session, media_list, values, who=who, entity="media_list", action="update", expected_version=expected_version,
        summary=lambda changes: f"Edited media list {name}: " + (", ".join(changes) or "no change"),
    )  # fmt: skip
    media_list.name_key = name_key(media_list.name)
    return media_list


def delete_list(session: Session, *, who: str, list_id: int) -> None:
    """Delete a list (its journalists stay on the desk)."""
    media_list = _get(session, list_id)
    name = media_list.name
    session.delete(media_list)
    session.flush()
    activity.record(
        session, who=who, action="delete", entity="media_list", entity_id=list_id, summary=f"Deleted media list {name}"
    )


def list_media_lists(session: Session) -> list[MediaListRow]:
    """Every media list by name, with how many journalists are on it."""
    counted = (
        select(MediaListMember.media_list_id, func.count().label("n"))
        .group_by(MediaListMember.media_list_id)
        .subquery()
    )
    rows = session.execute(
        select(MediaList, func.coalesce(counted.c.n, 0))
        .outerjoin(counted, counted.c.media_list_id == MediaList.id)
        .order_by(MediaList.name, MediaList.id)
    ).all()
    return [MediaListRow(m.id, m.name, m.description, m.built_from, n, m.version) for m, n in rows]


def member_ids(session: Session, list_id: int, *, archived: bool | None = False) -> list[int]:
    """The ids of the journalists on a list, by name (live ones unless asked)."""
    query = (
        select(Journalist.id)
        .join(MediaListMember, MediaListMember.journalist_id == Journalist.id)
        .where(MediaListMember.media_list_id == list_id)
        .order_by(Journalist.name, Journalist.id)
    )
    if archived is not None:
        query = query.where(Journalist.archived_at.is_not(None) if archived else Journalist.archived_at.is_(None))
    return list(session.execute(query).scalars())


def list_members(session: Session, *, list_id: int, limit: int = 500, offset: int = 0) -> list[PersonRow]:
    """The live journalists on a list, by name, with their details."""
    _get(session, list_id)
    ids = member_ids(session, list_id)[offset : offset + limit]
    return queries.list_journalists(session, ids=ids, limit=len(ids) or 1) if ids else []
