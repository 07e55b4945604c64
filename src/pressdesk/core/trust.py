"""Trust: backups and restores, the desk's own checks, and the duties of data protection (subject access, erasure,
purging, who is still to be told, the do-not-contact list, the history of every change)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from pressdesk.core.base import CoreBase
from pressdesk.core.views import (
    BackupMade,
    DeskCheck,
    EraseDone,
    ErasedPerson,
    ErasurePreview,
    HistoryRow,
    NotToldRow,
    PurgeDone,
    QuietPerson,
    Restored,
    SubjectAccess,
    Written,
)

if TYPE_CHECKING:
    from pressdesk.settings import Settings

RESTORE_CHECKS = ("integrity", "foreign keys", "a schema revision this pressdesk knows")
SERVER_RESTORE_CHECKS = (
    "a pg_dump archive pg_restore can read",
    "a schema revision this pressdesk knows",
    "an empty desk to restore into",
)
CHECKS = ("integrity", "foreign keys", "schema revision", "search index against its tables")
SERVER_CHECKS = (
    "foreign keys",
    "schema revision",
    "search index against its tables",
    "id sequences ahead of their tables",
)
"""What `db check` looks at on PostgreSQL, which keeps its own pages sound."""
HISTORY_COLUMNS = ("id", "at", "who", "action", "entity", "entity_id", "enquiry_id", "summary", "changes")
HISTORY_FORMATS = ("json", "csv")


def restore_desk(target: str | None, from_path: str) -> Restored:
    """Replace the desk's content with a backup's, once the copy has passed its checks; the replaced desk is kept
    aside. Works on a desk file whether or not it exists or opens (a restore is how a broken desk is mended). On
    PostgreSQL, a pg_dump archive goes back only into an empty desk (nothing to keep aside)."""
    from pressdesk.paths import mask_url
    from pressdesk.store.backup import restore
    from pressdesk.store.desk import resolve_url, sqlite_file
    from pressdesk.store.errors import StoreError

    file = sqlite_file(target)
    if file is None:
        url = resolve_url(target)
        if url.startswith("postgresql"):
            from pressdesk.store.server_restore import restore_server

            done = restore_server(url, _given(from_path, "backup"))
            return Restored(
                str(done.restored_from), SERVER_RESTORE_CHECKS, done.copy_revision, done.revision, None, True
            )
        raise StoreError(f"{mask_url(url)} is not a desk file; restore a server database with its own tools.")
    done = restore(file, _given(from_path, "backup"))
    replaced = str(done.replaced) if done.replaced is not None else None
    return Restored(str(done.restored_from), RESTORE_CHECKS, done.copy_revision, done.revision, replaced)


def _a_name(term: str) -> bool:
    """Whether an erasure's search term is a form of the name (not a number or an address)."""
    return "@" not in term and not any(c.isdigit() for c in term)


def _nobody(person_id: int | None) -> None:
    """Refuse a look-up that found nobody (NotFound, in the words of the erasure service)."""
    from pressdesk.errors import NotFound

    raise NotFound("Nobody on the desk has this " + ("id." if person_id else "email address or number."))


def _given(text: str, field: str) -> Path:
    """A file name typed by the officer, or FieldError naming the field when there is none."""
    from pressdesk.errors import FieldError

    if not (text or "").strip():
        raise FieldError(field, "Give a file name.")
    try:
        text.encode("utf-8")  # SQLite takes file names as UTF-8 text
    except UnicodeEncodeError:
        raise FieldError(field, "The file name holds bytes that are not UTF-8 text; give another name.") from None
    return Path(text.strip()).expanduser()


def _output(text: str, field: str = "output") -> Path:
    """A file to write: named, in a folder that exists, not a folder itself (FieldError naming the field)."""
    from pressdesk.errors import FieldError

    path = _given(text, field)
    if path.is_dir():
        raise FieldError(field, f"{path} is a folder; give a file name.")
    if path.exists() and not path.is_file():  # a device or a pipe: the file put in its place would replace it
        raise FieldError(field, f"{path} is a device or a pipe, not a file; give a file name.")
    if not path.parent.is_dir():
        raise FieldError(field, f"There is no folder {path.parent}.")
    return path


def _written(path: Path, write, field: str = "output") -> int:
    """Run write(binary file) into a private file at path, moved into place whole; FieldError when it cannot be."""
    from pressdesk.errors import FieldError
    from pressdesk.store.files import private_output

    try:
        with private_output(path) as out:
            return write(out)
    except OSError as exc:
        raise FieldError(field, f"Cannot write {path}: {exc.strerror or exc}.") from None


class TrustArea(CoreBase):
    """Backups, checks and the desk's data-protection duties."""

    @classmethod
    def open_as_is(cls, settings: Settings, *, target: str | None) -> Self:
        """Open a desk that exists without migrating it: a backup or a check looks at it as it stands."""
        from pressdesk.store import open_desk

        return cls(open_desk(target, migrate=False, create=False), settings)

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the owner should know about the desk's files (found readable by others and not made private)."""
        return tuple(self.desk.warnings)

    # --- backups and checks ---------------------------------------------------------------

    def backup(self, to: str) -> BackupMade:
        """A consistent copy of the desk in a new file private to its owner, taken while others write; never
        overwrites (FieldError("file") when the file exists)."""
        from pressdesk.errors import FieldError
        from pressdesk.store.backup import backup

        path = _given(to, "file")
        if path.exists() or path.is_symlink():
            raise FieldError("file", f"{path} already exists; give a new file name (a backup never overwrites).")
        made = backup(self.desk, path)
        return BackupMade(str(made), made.stat().st_size)

    def check(self, *, rebuild_index: bool = False) -> DeskCheck:
        """SQLite's integrity and foreign-key checks, the schema revision, the search index against its tables;
        rebuild_index makes the index again first (refused on a desk that fails the other checks or is not up to
        date). On PostgreSQL: foreign keys, schema revision, the search index and the id sequences."""
        from pressdesk.store.check import check, rebuild_search_index
        from pressdesk.store.migrate import status

        on_server = self.desk.engine.dialect.name == "postgresql"
        if not self.desk.is_sqlite and not on_server:
            return DeskCheck(ok=True, problems=(), checked=())
        st = status(self.desk)
        behind = (
            ()
            if st.up_to_date
            else (
                f"schema: at {st.current or 'none'}, this pressdesk's newest is {st.head}; `pressdesk db upgrade` "
                "brings it up to date (the search index is compared after that)",
            )
        )
        report = check(self.desk) if not behind else None
        sound = report is not None and not report.integrity and not report.foreign_keys
        if rebuild_index and sound:
            rebuild_search_index(self.desk)
            report = check(self.desk)
        found = report.problems if report is not None else []
        hint = ("`rebuild_search_index`", "`pressdesk db check --rebuild-index`")
        problems = behind + tuple(p.replace(*hint) for p in found)
        if rebuild_index and not sound:
            problems += ("search index: not rebuilt, the desk must pass the checks above first",)
        checked = SERVER_CHECKS if on_server else CHECKS
        return DeskCheck(ok=not problems, problems=problems, checked=checked, rebuilt=rebuild_index and sound)

    # --- data protection ------------------------------------------------------------------

    def subject_access(
        self,
        *,
        email: str | None = None,
        phone: str | None = None,
        person_id: int | None = None,
        kind: str = "journalist",
    ) -> SubjectAccess:
        """Everything held about the person with this email, number or id, JSON-ready (for a subject access
        request). NotFound when nobody on the desk matches (a mistyped address answers nothing)."""
        from pressdesk.services import privacy

        with self.desk.read() as s:
            held = privacy.privacy_export(
                s, email=email, phone=phone, person_id=person_id, kind=kind, region=self.settings.region
            )
        if not held["people"]:
            _nobody(person_id)
        return SubjectAccess(len(held["people"]), held)

    def export_subject_access(self, to: str, **person: Any) -> Written:
        """Write subject_access(...) as JSON to a new private file; how many people it holds, and where."""
        path = _output(to)
        held = self.subject_access(**person)
        body = json.dumps(held.document, ensure_ascii=False, indent=2, default=str).encode("utf-8")
        _written(path, lambda out: out.write(body))
        return Written(held.people, str(path))

    def erasure_preview(
        self,
        *,
        email: str | None = None,
        phone: str | None = None,
        person_id: int | None = None,
        kind: str = "journalist",
    ) -> list[ErasurePreview]:
        """Who erasing by this email, number or id would erase, each with what would go; NotFound when nobody."""
        from pressdesk.services.erasure_preview import erasure_preview

        with self.desk.read() as s:
            people = erasure_preview(
                s, email=email, phone=phone, person_id=person_id, kind=kind, region=self.settings.region
            )
        if not people:
            _nobody(person_id)
        return people

    def erase(self, people: Sequence[tuple[str, int]]) -> EraseDone:
        """Erase exactly these (kind, id) people, each in one change, then clean and check the desk's files: their
        contact points go (onto the do-not-contact list), their enquiries and history are anonymised."""
        from pressdesk.services import privacy
        from pressdesk.services.erasure_preview import namesakes

        done: list[ErasedPerson] = []
        traces, checked, emptied, vacuumed, others = 0, True, True, False, 0
        for kind, person_id in people:
            with self.desk.read() as s:
                held = s.get(privacy.PEOPLE[kind], person_id) if kind in privacy.PEOPLE else None
                name = held.name if held is not None else ""
            report = privacy.privacy_erase(
                self.desk, who=self.settings.officer, person_id=person_id, kind=kind, region=self.settings.region
            )
            done += [
                ErasedPerson(e.kind, e.id, e.enquiries, e.history_rows, e.text_rows, e.do_not_contact)
                for e in report.erased
            ]
            with self.desk.read() as s:
                same_name = namesakes(s, name) if name else 0
            others += same_name
            if report.files is None:
                checked = False
                continue
            traces += sum(
                n
                for found in report.files.traces.values()
                for term, n in found.items()
                if not (same_name and _a_name(term))
            )
            emptied = emptied and report.files.wal_emptied
            vacuumed = vacuumed or report.files.vacuumed
        return EraseDone(
            tuple(done), files_checked=checked, traces=traces, wal_emptied=emptied, vacuumed=vacuumed, namesakes=others
        )

    def purge(self, older_than: str, *, dry_run: bool = False) -> PurgeDone:
        """Anonymise everyone with no activity for `older_than` (3y, 18m, 6w, 90d); a dry run only lists them."""
        from pressdesk.services import privacy

        report = privacy.privacy_purge(
            self.desk,
            who=self.settings.officer,
            older_than=older_than,
            now=self.clock(),
            dry_run=dry_run,
            region=self.settings.region,
        )
        people = tuple(QuietPerson(p.kind, p.id, p.name) for p in report.people)
        return PurgeDone(report.cut_off, people, report.erased, dry_run)

    def not_told(self, *, limit: int = 500) -> list[NotToldRow]:
        """People collected more than a month ago and not yet told the desk holds them, longest waiting first."""
        from pressdesk.services import privacy

        with self.desk.read() as s:
            found = privacy.not_told(s, now=self.clock(), limit=limit)
        return [NotToldRow(p.kind, p.id, p.name, p.source, p.collected_at, p.days_over) for p in found]

    def mark_told(self, kind: str, ids: Sequence[int], *, how: str = "") -> int:
        """Record that these people were told the desk holds their details (all or none); how many."""
        from pressdesk.services import privacy

        with self.desk.write() as s:
            for person_id in ids:
                privacy.mark_told(
                    s, who=self.settings.officer, kind=kind, person_id=person_id, at=self.clock(), how=how
                )
        return len(ids)

    def do_not_contact(
        self, *, phones: Sequence[str] = (), emails: Sequence[str] = (), reason: str = "objected"
    ) -> int:
        """Put numbers and addresses on the do-not-contact list (those already on it are left); how many were
        added. FieldError names a value that is not a number or an address."""
        from pressdesk.errors import FieldError
        from pressdesk.services import privacy

        if not any(v.strip() for v in (*phones, *emails)):
            raise FieldError("person", "Give the email address or phone number that asked not to be contacted.")
        with self.desk.write() as s:
            return privacy.add_do_not_contact(
                s, who=self.settings.officer, region=self.settings.region, phones=phones, emails=emails, reason=reason
            )

    def history(self, *, since: datetime | None = None, until: datetime | None = None) -> Iterator[HistoryRow]:
        """Every history row (when, which officer, what, what changed), oldest first, read a batch at a time."""
        from pressdesk.services import privacy

        with self.desk.read() as s:
            for row in privacy.stream_history(s, since=since, until=until):
                yield HistoryRow(**row)

    def export_history(
        self, to: str, *, fmt: str = "json", since: datetime | None = None, until: datetime | None = None
    ) -> Written:
        """Write the whole history to a new private file as JSON (an array) or CSV; how many rows, and where."""
        from pressdesk.errors import FieldError

        if fmt not in HISTORY_FORMATS:
            raise FieldError("format", f"Say {' or '.join(HISTORY_FORMATS)}, not {fmt!r}.")
        path = _output(to)
        rows = self.history(since=since, until=until)
        return Written(_written(path, lambda out: (_csv if fmt == "csv" else _json)(rows, out)), str(path))


def _json(rows: Iterator[HistoryRow], out) -> int:
    """Write rows as a JSON array, one row a line; how many."""
    n = 0
    out.write(b"[")
    for row in rows:
        body = json.dumps(row.to_json(), ensure_ascii=False, default=str).encode("utf-8")
        out.write((",\n" if n else "\n").encode() + body)
        n += 1
    out.write(b"\n]\n")
    return n


def _csv(rows: Iterator[HistoryRow], out) -> int:
    """Write rows as CSV (UTF-8 with a BOM, for spreadsheets; cells that could be formulas made plain); how many."""
    import csv
    import io

    from pressdesk.exchange.safe_cells import safe_cell

    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow(HISTORY_COLUMNS)
    n = 0
    for history_row in rows:
        row = history_row.to_json()
        row["changes"] = json.dumps(row["changes"], ensure_ascii=False) if row["changes"] else ""
        writer.writerow([safe_cell(row[c]) if isinstance(row[c], str) else row[c] for c in HISTORY_COLUMNS])
        n += 1
    text.flush()
    text.detach()
    return n
