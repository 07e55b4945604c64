"""`pressdesk restore` on PostgreSQL: a pg_dump archive put back with pg_restore, only into an empty desk."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from pressdesk.store.backup import RestoreResult
from pressdesk.store.errors import StoreError, mask_url
from pressdesk.words import counted

ARCHIVE = b"PGDMP"
"""How a pg_dump custom-format archive begins (what `pressdesk backup` writes on a server with pg_dump)."""
SQLITE = b"SQLite format 3\x00"
"""How a SQLite desk file begins (what `pressdesk backup` writes on a server without pg_dump)."""
KEPT_ASIDE = ("alembic_version", "desk_secret")
"""Tables a new desk fills itself (its revision, its salt): they hold no records."""


def find_pg_restore() -> str | None:
    """pg_restore on PATH, or in the newest /usr/lib/postgresql/*/bin (Debian's layout); None when not installed."""
    found = shutil.which("pg_restore")
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_restore"), key=lambda p: p.parent.parent.name)
    return str(candidates[-1]) if candidates else None


def _run(tool: str, args: list[str], what: str, url: str | None = None) -> str:
    """Run a PostgreSQL client tool, against url when given (its password through the environment, never the
    command line); its output, or StoreError with its first error line, passwords masked."""
    env, command = dict(os.environ), [tool, *args]
    if url is not None:
        parsed = make_url(url)
        env |= {"PGPASSWORD": parsed.password} if parsed.password else {}
        command += ["--dbname", parsed.set(drivername="postgresql", password=None).render_as_string(False)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        said = done.stderr.strip().splitlines() or [f"{Path(tool).name} failed"]
        reason = next((line for line in said if "error:" in line), said[-1])
        raise StoreError(f"{what}: {mask_url(reason)}.")
    return done.stdout


def _archive_revision(tool: str, source: Path) -> str:
    """The schema revision a pg_dump archive holds, read by pg_restore without restoring anything."""
    from pressdesk.store.migrate import HEAD, known_revisions

    listing = _run(
        tool,
        ["--data-only", "--table=alembic_version", "--file=-", str(source)],
        f"{source} cannot be read by pg_restore",
    )
    lines = listing.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("COPY ") and "alembic_version" in line), None)
    revision = lines[start + 1].strip() if start is not None and start + 1 < len(lines) else ""
    if not revision or revision == "\\.":
        raise StoreError(f"{source} is not a pressdesk desk (it has no schema revision).")
    if revision not in known_revisions():
        raise StoreError(
            f"{source} was made by a newer pressdesk (schema {revision}; this one knows up to {HEAD}); "
            "install that pressdesk to restore it. Nothing was restored."
        )
    return revision


def _empty_desk_revision(url: str) -> str | None:
    """The revision of the empty desk at url (None: no tables at all); StoreError naming a table that holds
    records, for a restore never replaces a server desk's records."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            tables = sorted(set(inspect(conn).get_table_names()) - set(KEPT_ASIDE))
            held = {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() for t in tables}
            revision = None
            if inspect(conn).has_table("alembic_version"):
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()
    filled = [t for t, n in held.items() if n]
    if filled:
        first = "enquiry" if "enquiry" in filled else filled[0]
        raise StoreError(
            f"{mask_url(url)} already holds {counted(held[first], first.replace('_', ' ') + ' record')}"
            f"{' and more' if len(filled) > 1 else ''}; restore only into an empty desk (a new database, or one "
            "`pressdesk db init` made), so nothing held is replaced. Nothing was restored."
        )
    if tables and revision is None:
        raise StoreError(f"{mask_url(url)} holds tables that are not a pressdesk desk's; nothing was restored.")
    return revision if tables else None


def restore_server(url: str, from_path: str | os.PathLike[str]) -> RestoreResult:
    """Put a pg_dump archive back into the empty PostgreSQL desk at url, in one transaction, and bring it up to this
    pressdesk's schema. Refuses (StoreError, saying why) a file that is not such an archive, an archive of a newer
    pressdesk, a desk that holds records, an empty desk at another revision than the archive, no pg_restore."""
    from pressdesk.store.desk import open_desk
    from pressdesk.store.migrate import current_revision

    source = Path(from_path).expanduser().resolve()
    if not source.is_file():
        raise StoreError(f"{source} does not exist or is not a file.")
    with source.open("rb") as file:
        head = file.read(len(SQLITE))
    if head.startswith(SQLITE):
        raise StoreError(
            f"{source} is a SQLite desk: bring it into the server desk with `pressdesk --db {source} db copy --to URL`."
        )
    if not head.startswith(ARCHIVE):
        raise StoreError(f"{source} is not a pg_dump archive (custom format, as `pressdesk backup` makes on a server).")
    tool = find_pg_restore()
    if tool is None:
        raise StoreError("pg_restore is not installed (PostgreSQL's client tools); nothing was restored.")
    copy_revision = _archive_revision(tool, source)
    revision = _empty_desk_revision(url)
    if revision is not None and revision != copy_revision:
        raise StoreError(
            f"{mask_url(url)} is an empty desk at schema {revision}, the backup is at {copy_revision}: restore into a "
            "new database instead. Nothing was restored."
        )
    args = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"]
    if revision is not None:
        args += ["--clean", "--if-exists"]  # the empty desk's own tables make way for the archive's
    _run(tool, [*args, str(source)], f"cannot restore {source} into {mask_url(url)}; nothing was restored", url)
    desk = open_desk(url)  # brings it up to this pressdesk's schema
    try:
        now = current_revision(desk) or ""
    finally:
        desk.dispose()
    return RestoreResult(restored_from=source, copy_revision=copy_revision, revision=now, replaced=None)
