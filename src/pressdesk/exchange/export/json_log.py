"""The enquiry log as JSON: one array, one object per line, every value exactly as stored (times in UTC)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any, BinaryIO
from zoneinfo import ZoneInfo

from pressdesk.exchange.export.columns import LogRow


def row_object(row: LogRow) -> dict[str, Any]:
    """A row as a JSON-ready object: ISO 8601 UTC times, null for missing values, coverage links as a list."""
    values = row._asdict()
    for key, value in values.items():
        if isinstance(value, datetime):
            values[key] = value.isoformat()
        elif isinstance(value, tuple):
            values[key] = list(value)
    return values


def write_log(rows: Iterable[LogRow], out: BinaryIO, *, zone: ZoneInfo | None = None, title: str = "") -> int:
    """Write the rows as a JSON array, streamed: "[", one object per line, "]"; return how many."""
    count = 0
    for row in rows:
        out.write(b"[\n" if count == 0 else b",\n")
        out.write(json.dumps(row_object(row), ensure_ascii=False).encode("utf-8"))
        count += 1
    out.write(b"\n]\n" if count else b"[]\n")
    return count
