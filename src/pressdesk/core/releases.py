"""Releases: listed and read, and a press release file read and stored with its experts and press contacts."""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO

from pressdesk.core.base import CoreBase
from pressdesk.core.views import ReleaseImport

if TYPE_CHECKING:
    from pressdesk.exchange.release import ParsedRelease
    from pressdesk.models.views import ReleaseRow


class ReleasesArea(CoreBase):
    """Releases on the desk, and bringing a new one in."""

    def releases(self, text: str = "", *, offset: int = 0, limit: int = 200) -> list[ReleaseRow]:
        """Releases matching a text, newest first."""
        from pressdesk.services import queries

        with self.desk.read() as s:
            return queries.list_releases(s, text=text or None, offset=offset, limit=limit)

    def release_body(self, release_id: int) -> str:
        """A release's text ("" when it is gone)."""
        from pressdesk.services import releases

        with self.desk.read() as s:
            return releases.release_body(s, release_id=release_id)

    @staticmethod
    def read_release_file(path: str, *, stdin: BinaryIO | None = None) -> tuple[str, str]:
        """(text, file name) of a release file ("-": stdin); FieldError("file") when it cannot be read or is not a
        release. Needs no desk: read the file before opening one."""
        from pressdesk.services import intake

        return intake.read_release_file(path, stdin=stdin)

    def read_release(self, text: str) -> ParsedRelease:
        """Parse release text without storing anything (FieldError("release") when it cannot be read)."""
        from pressdesk.services import intake

        return intake.read_release(text, region=self.settings.region, tz=self.settings.timezone)

    def import_release(self, text: str, source: str = "", *, dry_run: bool = False) -> ReleaseImport:
        """Parse and store a release with its experts and contacts; a dry run stores nothing and says what it would
        have created and matched."""
        from pressdesk.services import intake

        st = self.settings
        with self.desk.read() if dry_run else self.desk.write() as s:
            parsed, outcome = intake.import_release(
                s, who=st.officer, region=st.region, tz=st.timezone, text=text, source=source
            )
            release_id = None if dry_run else outcome.release.id
            return ReleaseImport(parsed, release_id, list(outcome.created), list(outcome.matched))

    def store_release(self, parsed: ParsedRelease, source: str = "") -> ReleaseImport:
        """Store a release as the officer reviewed it (people kept, moved or renamed); re-importing updates it."""
        from pressdesk.services import intake

        st = self.settings
        with self.desk.write() as s:
            outcome = intake.store_release(s, who=st.officer, region=st.region, parsed=parsed, source=source)
            return ReleaseImport(parsed, outcome.release.id, list(outcome.created), list(outcome.matched))
