"""Contacts: people imported from files, created, merged, archived; duplicates reviewed; outlets; media lists out."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from pressdesk.core.base import CoreBase

if TYPE_CHECKING:
    from pressdesk.models.inputs import ExpertCreate, JournalistCreate
    from pressdesk.models.views import PersonRow
    from pressdesk.services.contact_import import ImportSummary
    from pressdesk.services.duplicates import DuplicatePair, MergeOutcome
    from pressdesk.services.media_lists import MediaListRow
    from pressdesk.services.outlets import OutletRow

ENTITIES = {"journalists": "journalist", "experts": "expert", "journalist": "journalist", "expert": "expert"}
"""The people a contacts command works on, by the word the faces use."""


def _entity(kind: str) -> str:
    """journalist or expert, from either the singular or the plural."""
    from pressdesk.errors import FieldError

    if kind not in ENTITIES:
        raise FieldError("as", f"Journalists or experts, not {kind!r}.")
    return ENTITIES[kind]


class ContactsArea(CoreBase):
    """Contacts files in and out, one record per person, and the people's life-cycle (create, merge, archive)."""

    # --- import -------------------------------------------------------------------------------------

    @staticmethod
    def count_contacts(files: Sequence[str | Path]) -> int:
        """How many records the files hold (for a progress bar); 0 for a file that cannot be read."""
        from pressdesk.exchange.contacts import ContactFileError, count_records

        total = 0
        for path in files:
            try:
                total += count_records(Path(path).expanduser())
            except (ContactFileError, OSError, UnicodeDecodeError):
                continue
        return total

    def import_contacts(
        self,
        files: Sequence[str | Path],
        *,
        as_: str = "journalists",
        dry_run: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> ImportSummary:
        """Import people from contacts files, all or nothing (a dry run writes nothing); what it did or would do."""
        from pressdesk.services import contact_import

        st = self.settings
        with self.desk.write() as s:
            return contact_import.import_contacts(
                s, who=st.officer, region=st.region, files=files, as_=as_, dry_run=dry_run, progress=progress
            )

    # --- one record per person ----------------------------------------------------------------------

    def duplicates(self, kind: str = "journalists", *, limit: int = 500) -> list[DuplicatePair]:
        """Pairs of people who may be one, most alike first (imports' undecided pairs and the desk's own)."""
        from pressdesk.services import duplicates

        with self.desk.read() as s:
            return duplicates.find_duplicates(s, entity=_entity(kind), limit=limit)

    def merge_people(
        self,
        a: int,
        b: int,
        *,
        kind: str = "journalists",
        keep: Mapping[str, str] | None = None,
        versions: tuple[int | None, int | None] = (None, None),
    ) -> MergeOutcome:
        """Make b part of a, field by field as `keep` says ("a" or "b"); the merge goes in the history."""
        from pressdesk.services import duplicates

        with self.desk.write() as s:
            return duplicates.merge(
                s, who=self.settings.officer, entity=_entity(kind), a=a, b=b, keep=keep, expected_versions=versions
            )

    def not_duplicate(self, a: int, b: int, *, kind: str = "journalists") -> None:
        """Two people are two people: never suggested again."""
        from pressdesk.services import duplicates

        with self.desk.write() as s:
            duplicates.not_duplicate(s, who=self.settings.officer, entity=_entity(kind), a=a, b=b)

    @staticmethod
    def merge_fields(kind: str = "journalists") -> tuple[str, ...]:
        """The fields an officer chooses between when merging two people."""
        from pressdesk.services.duplicates import MERGE_FIELDS

        return MERGE_FIELDS[_entity(kind)]

    # --- people's life-cycle ------------------------------------------------------------------------

    def create_person(self, data: JournalistCreate | ExpertCreate) -> int:
        """Add a journalist or expert by hand, every field checked, in one change; their id. An expert's hours,
        blocked dates, limit and the like are checked as an edit checks them."""
        from pressdesk.models.inputs import JournalistCreate
        from pressdesk.services import contacts, experts

        st = self.settings
        with self.desk.write() as s:
            if isinstance(data, JournalistCreate):
                return contacts.create_journalist(s, who=st.officer, region=st.region, **data.model_dump()).id
            return experts.add_expert(s, data, who=st.officer, region=st.region).id

    def archive_person(self, kind: str, person_id: int, *, archived: bool = True, version: int | None = None) -> str:
        """Archive someone (hidden from look-up and routing, kept for history), or bring them back; their name."""
        from pressdesk.services import contacts

        with self.desk.write() as s:
            person = contacts.archive_person(
                s,
                who=self.settings.officer,
                entity=_entity(kind),
                person_id=person_id,
                archived=archived,
                expected_version=version,
            )
            return person.name

    # --- outlets ------------------------------------------------------------------------------------

    def outlets(self, text: str = "", *, offset: int = 0, limit: int = 200) -> list[OutletRow]:
        """Outlets matching a text, with how many journalists each has."""
        from pressdesk.services import outlets

        with self.desk.read() as s:
            return outlets.list_outlets(s, text=text or None, offset=offset, limit=limit)

    def outlet_journalists(self, outlet_id: int, *, limit: int = 500) -> list[PersonRow]:
        """The live journalists of an outlet, by name."""
        from pressdesk.services import outlets

        with self.desk.read() as s:
            return outlets.outlet_journalists(s, outlet_id=outlet_id, limit=limit)

    # --- media lists --------------------------------------------------------------------------------

    def media_lists(self) -> list[MediaListRow]:
        """Every media list with its number of journalists."""
        from pressdesk.services import media_lists

        with self.desk.read() as s:
            return media_lists.list_media_lists(s)

    def create_media_list(
        self,
        name: str,
        *,
        description: str = "",
        text: str | None = None,
        beat: str | None = None,
        outlet: str | None = None,
        journalist_ids: Sequence[int] = (),
    ) -> MediaListRow:
        """Make a media list from a filter (words, beat, outlet) or of the journalists given; the list as made."""
        from pressdesk.services import media_lists

        who = self.settings.officer
        with self.desk.write() as s:
            if any(v and v.strip() for v in (text, beat, outlet)):
                made = media_lists.build_list(
                    s,
                    who=who,
                    name=name,
                    description=description,
                    text=text,
                    beat=beat,
                    outlet=outlet,
                    region=self.settings.region,
                )
                if journalist_ids:
                    media_lists.add_members(s, who=who, list_id=made.id, journalist_ids=journalist_ids)
            else:
                made = media_lists.create_list(
                    s, who=who, name=name, description=description, journalist_ids=journalist_ids
                )
            list_id = made.id
        return next(row for row in self.media_lists() if row.id == list_id)

    def add_to_media_list(self, name_or_id: str, journalist_ids: Sequence[int]) -> int:
        """Put journalists on a list (found by name or id); how many were not on it already."""
        from pressdesk.services import media_lists

        with self.desk.write() as s:
            found = media_lists.find_list(s, name_or_id)
            return media_lists.add_members(
                s, who=self.settings.officer, list_id=found.id, journalist_ids=journalist_ids
            )

    def remove_from_media_list(self, name_or_id: str, journalist_ids: Sequence[int]) -> int:
        """Take journalists off a list; how many were on it."""
        from pressdesk.services import media_lists

        with self.desk.write() as s:
            found = media_lists.find_list(s, name_or_id)
            return media_lists.remove_members(
                s, who=self.settings.officer, list_id=found.id, journalist_ids=journalist_ids
            )

    def media_list_members(self, name_or_id: str, *, limit: int = 500) -> list[PersonRow]:
        """The journalists on a list, by name."""
        from pressdesk.services import media_lists

        with self.desk.read() as s:
            found = media_lists.find_list(s, name_or_id)
            return media_lists.list_members(s, list_id=found.id, limit=limit)

    # --- export -------------------------------------------------------------------------------------

    def export_contacts(self, fmt: str, out: TextIO | BinaryIO | str, *, list_name: str | None = None) -> int:
        """Write journalists (a media list's, or every live one) as csv, vcf or xlsx to a stream, or to a file that is
        replaced whole (never half-written) and readable by its owner only: it holds personal data. How many."""
        from pressdesk.errors import FieldError
        from pressdesk.services import contact_export

        if not isinstance(out, str):
            with self.desk.read() as s:
                return contact_export.export_contacts(s, fmt=fmt, out=out, list_name=list_name)
        if fmt not in contact_export.FORMATS:
            raise FieldError("format", f"Export contacts as {', '.join(contact_export.FORMATS)}, not {fmt!r}.")
        path = Path(out.strip()).expanduser()
        if not out.strip() or path.is_dir():
            raise FieldError("output", f"Give a file name such as ~/media-list.{fmt}.")
        if path.exists() and not path.is_file():  # a device or a pipe: the file put in its place would replace it
            raise FieldError("output", f"{path} is a device or a pipe, not a file; give a file name.")
        if not path.parent.is_dir():
            raise FieldError("output", f"The folder {path.parent} does not exist.")
        try:
            fd, tmp = tempfile.mkstemp(prefix=".pressdesk-", suffix=f".{fmt}", dir=path.parent)
        except OSError as exc:
            raise FieldError("output", f"Cannot write a file in {path.parent}: {exc.strerror or exc}.") from None
        try:
            with self.desk.read() as s:
                if fmt == "xlsx":
                    os.close(fd)
                    count = contact_export.export_contacts(s, fmt=fmt, out=tmp, list_name=list_name)
                else:
                    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                        count = contact_export.export_contacts(s, fmt=fmt, out=fh, list_name=list_name)
            os.replace(tmp, path)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise FieldError("output", f"Cannot write {path}: {exc.strerror or exc}.") from None
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return count
