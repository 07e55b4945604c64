"""Notice commits made through other connections (other terminals) cheaply: PRAGMA data_version."""

from __future__ import annotations

from sqlalchemy.engine import Engine


class ChangeWatch:
    """One connection kept open to ask SQLite whether anyone else committed since the last look.

    `PRAGMA data_version` changes only when another connection commits, and costs no table read, so it
    can be asked every second. On a server database there is no such pragma: `changed()` stays False.
    """

    def __init__(self, engine: Engine) -> None:
        self._conn = engine.raw_connection() if engine.dialect.name == "sqlite" else None
        self._last = self._version()

    def _version(self) -> int | None:
        """The current data version, or None when the database cannot tell."""
        if self._conn is None:
            return None
        cursor = self._conn.cursor()
        try:
            cursor.execute("PRAGMA data_version")
            return cursor.fetchone()[0]
        finally:
            cursor.close()

    @property
    def supported(self) -> bool:
        """Whether this desk can be watched (SQLite) at all."""
        return self._conn is not None

    def changed(self) -> bool:
        """Whether another connection committed since the last call (or since the watch began)."""
        version = self._version()
        if version == self._last:
            return False
        self._last = version
        return True

    def close(self) -> None:
        """Give the kept connection back."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
