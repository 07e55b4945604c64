"""A time zone's offsets over a span, and UTC moments turned into local wall-clock text quickly, a million at a time."""

from __future__ import annotations

from bisect import bisect_right
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo


def _offset(moment: datetime, zone: ZoneInfo) -> timedelta:
    """The zone's offset from UTC at a moment."""
    return moment.astimezone(zone).utcoffset() or timedelta(0)


def offset_changes(start: datetime, end: datetime, zone: ZoneInfo) -> list[tuple[datetime, timedelta]]:
    """The zone's offsets over [start, end): (from when, offset), the first from `start`, each change to the second.

    Steps six hours at a time (zones change at most a few times a year) and bisects each change it steps over to
    the microsecond.
    """
    changes = [(start, _offset(start, zone))]
    step, moment = timedelta(hours=6), start
    while moment < end:
        following = min(moment + step, end)
        if _offset(following, zone) != changes[-1][1]:
            before, after = moment, following
            while after - before > timedelta(microseconds=1):
                middle = before + (after - before) / 2
                before, after = (middle, after) if _offset(middle, zone) == changes[-1][1] else (before, middle)
            changes.append((after, _offset(after, zone)))
        moment = following
    return changes


class LocalClock:
    """Shows aware UTC moments as the zone's wall-clock text "2026-11-24 10:05", learning its offsets a year at a time.

    astimezone() and strftime() cost about 5 µs a moment; adding a known offset and formatting by hand, about 1.5.
    """

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone
        self._starts: list[datetime] = []
        self._offsets: list[timedelta] = []
        self._years: set[int] = set()
        self._span: tuple[datetime, datetime, timedelta] | None = None

    def _learn(self, year: int) -> None:
        """Add the offsets of a UTC year (and a day either side) to what is known."""
        self._years.add(year)
        start = datetime(year, 1, 1, tzinfo=UTC) - timedelta(days=1)
        changes = offset_changes(start, datetime(year + 1, 1, 1, tzinfo=UTC) + timedelta(days=1), self.zone)
        known = dict(zip(self._starts, self._offsets, strict=True))
        known.update(changes)
        ordered = sorted(known.items())
        self._starts, self._offsets = [s for s, _ in ordered], [o for _, o in ordered]

    def offset(self, moment: datetime) -> timedelta:
        """The zone's offset at an aware UTC moment."""
        span = self._span
        if span is not None and span[0] <= moment < span[1]:
            return span[2]
        if moment.year not in self._years:
            if not 1 < moment.year < 9999:
                return _offset(moment, self.zone)
            self._learn(moment.year)
        n = bisect_right(self._starts, moment) - 1
        ends = self._starts[n + 1] if n + 1 < len(self._starts) else datetime(moment.year + 1, 1, 1, tzinfo=UTC)
        self._span = (self._starts[n], min(ends, datetime(moment.year + 1, 1, 1, tzinfo=UTC)), self._offsets[n])
        return self._offsets[n]

    def text(self, moment: datetime | None) -> str:
        """The moment as local "YYYY-MM-DD HH:MM"; blank for none."""
        if moment is None:
            return ""
        t = moment + self.offset(moment)
        return f"{t.year:04d}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}"
