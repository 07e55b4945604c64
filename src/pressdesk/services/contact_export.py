"""Give contacts back out: a media list (or every live journalist) as CSV, vCard 4 or XLSX, read a batch at a time."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from sqlalchemy import select
from sqlmodel import Session

from pressdesk.errors import FieldError
from pressdesk.exchange.contacts import ContactRecord, Detail
from pressdesk.models import Journalist
from pressdesk.models.views import PersonRow
from pressdesk.services import media_lists, queries

FORMATS = ("csv", "vcf", "xlsx")
BATCH = 500


def _record(person: PersonRow) -> ContactRecord:
    """A journalist as the writers take them."""
    labelled = person.detail.get("labelled", [])
    return ContactRecord(
        row=0,
        source="",
        name=person.name,
        organisation=person.outlet,
        title=person.role,
        beat=person.detail.get("beat", ""),
        notes=person.detail.get("notes", ""),
        emails=[Detail(label, value, "") for kind, label, value in labelled if kind == "email"],
        phones=[Detail(label, value, "") for kind, label, value in labelled if kind == "phone"],
        uid=f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'pressdesk:journalist:{person.id}')}",
    )


def journalist_ids(session: Session, *, list_name: str | None = None, archived: bool = False) -> list[int]:
    """Who an export holds: the journalists on a list, or every one, by name (archived ones only when asked)."""
    if list_name:
        return media_lists.member_ids(
            session, media_lists.find_list(session, list_name).id, archived=None if archived else False
        )
    query = select(Journalist.id).order_by(Journalist.name, Journalist.id)
    if not archived:
        query = query.where(Journalist.archived_at.is_(None))
    return list(session.execute(query).scalars())


def records(session: Session, ids: Sequence[int]) -> Iterator[ContactRecord]:
    """The journalists of these ids as records, in order, read BATCH at a time."""
    for start in range(0, len(ids), BATCH):
        chunk = list(ids[start : start + BATCH])
        found = {p.id: p for p in queries.list_journalists(session, ids=chunk, limit=len(chunk))}
        for person_id in chunk:
            if person_id in found:
                yield _record(found[person_id])


def export_contacts(
    session: Session,
    *,
    fmt: str,
    out: TextIO | BinaryIO | str | Path,
    list_name: str | None = None,
    archived: bool = False,
) -> int:
    """Write journalists (a media list's, or all live ones) as csv, vcf or xlsx; how many. CSV and vCard go to a text
    stream, XLSX to a path or a binary stream. CSV cells are formula-safe, XLSX cells are strings."""
    if fmt not in FORMATS:
        raise FieldError("format", f"Export contacts as {', '.join(FORMATS)}, not {fmt!r}.")
    ids = journalist_ids(session, list_name=list_name, archived=archived)
    people = records(session, ids)
    if fmt == "csv":
        from pressdesk.exchange.contacts.csv_writer import write_csv

        return write_csv(people, out)
    if fmt == "vcf":
        from pressdesk.exchange.contacts.vcard_writer import write_vcards

        return write_vcards(people, out)
    from pressdesk.exchange.contacts.xlsx_writer import write_xlsx

    return write_xlsx(people, out)
