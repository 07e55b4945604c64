"""Dates, datelines and embargoes, read with the deadline parser's words (pressdesk.validation.when_text)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from pressdesk.exchange.release.places import place_region, placeish
from pressdesk.exchange.release.vocab import UP, clean_line
from pressdesk.validation.when_text import (
    MONTHS,
    WEEKDAYS,
    find_clock,
    find_date,
    find_zone,
    month_pattern,
    weekday_pattern,
)

__all__ = [
    "Dateline",
    "Embargo",
    "dateline",
    "date_line",
    "embargo_text",
    "parse_embargo",
    "EMBARGO_RX",
    "release_time",
]

EMBARGO_RX = re.compile(
    r"^(?:(?:strictly\s+)?(?:under\s+(?:strict\s+)?)?(?:news\s+)?"
    r"(?:(?:sous\s+|bajo\s+)?embargo(?:ed)?|sperrfrist|sperrefrist|not\s+for\s+(?:publication|release|broadcast)|"
    r"må\s+ikke\s+(?:offentliggøres|bringes|publiceres)|får\s+(?:inte|ej)\s+(?:publiceras|offentliggöras)|"
    r"ikke\s+for\s+publisering|julkaisuvapaa|julkaistavissa|nie\s+do\s+publikacji))"
    r"(?:\s+(?:until|till|to|before|bis|lifts?|lifted|ends|at|time|date|and|embargo|for|release|publication|"
    r"jusqu['’]\s*(?:au|à)|hasta\s+el|fino\s+al|tot|até\s+(?:[àa]s?\s+)?|ate|do|til|før|före|innan|asti|przed))*"
    r"\s*[:\-–—]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_WIRE_TAG = r"(?:/\s*[A-Za-z][\w .-]{1,30}/|\((?:GLOBE\s+NEWSWIRE|BUSINESS\s+WIRE|OTS|APA|dpa|AP|PRNewswire)\))"
_AFTER_DATE = re.compile(rf"^\s*\)?\s*(?:{_WIRE_TAG})?\s*(?:[—–:.-]{{1,2}}|,)?\s*")
_PLACE_ONLY = re.compile(
    rf"^(?P<place>[{UP}][\w.'’ ,-]{{1,45}}?)"
    rf"(?:\s*--\((?:BUSINESS\s+WIRE)\)--\s*|\s*(?:{_WIRE_TAG})?\s*(?:—|–|--|-)\s+)(?=\S)"
)
_NO_YEAR_RX = re.compile(
    rf"(?<![\w])(?:{weekday_pattern()}\.?,?\s+(?:the\s+)?)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<m1>{month_pattern()})"
    rf"|(?P<m2>{month_pattern()})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)\b",
    re.IGNORECASE,
)
_WEEKDAY_RX = re.compile(rf"(?<![\w]){weekday_pattern()}(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class Dateline:
    """The place and date at the head of a release's first paragraph, and the text after them."""

    place: str | None
    date: dt.date | None
    rest: str


def _clean_place(place: str) -> str | None:
    """A dateline place without wire tags, brackets or a French "le"."""
    p = re.sub(rf"{_WIRE_TAG}|--\(BUSINESS WIRE\)--|,?\s+le$|\($", "", place.rstrip()).strip(" \t,(—–-")
    return p or None


def dateline(line: str, *, month_first: bool = False) -> Dateline | None:
    """Split "WASHINGTON, D.C. — March 11, 2025 — Text" (or "Wien (OTS) - Text") into place, date and text."""
    found = find_date(line[:130], month_first=month_first)
    if found:
        day, start, end = found
        prefix = line[:start]
        place = _clean_place(prefix)
        if len(prefix) <= 90 and (not place or placeish(place)):
            rest = _AFTER_DATE.sub("", line[end:])
            rest = re.sub(r"^(?:--|—|–|-)\s*", "", rest)
            return Dateline(place, day, rest)
    m = _PLACE_ONLY.match(line)
    if m:
        place = _clean_place(m.group("place"))
        tagged = bool(re.search(_WIRE_TAG, m.group(0)))
        if place and placeish(place) and (tagged or place.isupper() or place_region(place)):
            return Dateline(place, None, line[m.end() :])
    return None


def date_line(line: str, *, month_first: bool = False) -> tuple[dt.date, str | None] | None:
    """(date, place) when a header line is a date with at most a label, a place, a weekday or a clock time."""
    s = re.sub(
        r"^(?:date|datum|dated|dato|data|published|issued|news\s+release|for\s+immediate\s+release|press\s+release)"
        r"\s*[:.]?\s*",
        "",
        clean_line(line),
        flags=re.IGNORECASE,
    )
    found = find_date(s, month_first=month_first)
    if not found:
        return None
    day, start, end = found
    before, after = s[:start].strip(" ,.-–—()"), s[end:]
    after = re.sub(r"^\s*(?:r\.|roku)?\s*(?:@|,|at|kl\.?|klo|kello|godz\.?|às|as|um)?\s*", "", after)
    clock = find_clock(after)
    if clock and clock.start <= 2:
        after = after[clock.end :]
        zone = find_zone(after)
        after = after[zone.end :] if zone and zone.start <= 2 else after
    trailing = after.strip(" ,.-–—()")
    if trailing and not before and placeish(trailing) and place_region(trailing):
        before = trailing  # "September 30, 2025 – Ottawa, Ontario"
    elif trailing:
        return None
    place = _clean_place(before) if before else None
    if place and not (placeish(place) and (place_region(place) or not _WEEKDAY_RX.fullmatch(place))):
        return None
    if place and _WEEKDAY_RX.fullmatch(place):
        place = None
    return day, place


def release_time(s: str) -> str | None:
    """The time in a "FOR RELEASE: 10 a.m. CT, Thursday, Jan. 22, 2026" line (a release time is an embargo)."""
    m = re.match(r"^(?:for\s+release|release\s+(?:time|date|at))\s*(?:at|on)?\s*[:\-–—]?\s*(?P<rest>.*\d.*)$", s, re.I)
    return m.group("rest") if m and find_clock(m.group("rest")) else None


def embargo_text(lines: list[str]) -> str | None:
    """Return the wording after "EMBARGOED UNTIL" (or similar) anywhere in the release."""
    for i, raw in enumerate(lines):
        m = EMBARGO_RX.match(clean_line(raw))
        if not m:
            timed = release_time(clean_line(raw))
            if timed:
                return timed
            continue
        rest = m.group("rest").strip()
        if not rest:
            rest = next((clean_line(x) for x in lines[i + 1 : i + 3] if x.strip()), "")
        if rest:
            return rest
    return None


_AMBIGUOUS = {"IST": {"Asia/Kolkata": 5.5, "Europe/Dublin": 1, "Asia/Jerusalem": 2}}
"""Zone abbreviations that mean different hours in different countries, read by the release's country."""


@dataclass(frozen=True)
class Embargo:
    """An embargo read: the UTC moment and the zone it was read in."""

    moment: dt.datetime
    zone: str


def _day_without_year(text: str, base: dt.date) -> dt.date | None:
    """A day and month without a year: the nearest such date to the release date."""
    m = _NO_YEAR_RX.search(text)
    if not m:
        return None
    day = int(m.group("d1") or m.group("d2"))
    month = MONTHS[(m.group("m1") or m.group("m2")).lower()]
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - base).days)) if candidates else None


def parse_embargo(
    value: str, release_date: dt.date | None, tz_name: str, warnings: list[str], *, month_first: bool = False
) -> Embargo | None:
    """Read an embargo wording into an aware UTC datetime and the zone it was read in."""
    v = value.strip().rstrip(".")
    if re.match(r"^(?:none|no\b|n/?a\b|keine|nil)", v, re.IGNORECASE):
        return None
    zone = find_zone(v)
    rest = v if zone is None else v[: zone.start] + " " * (zone.end - zone.start) + v[zone.end :]
    found = find_date(rest, month_first=month_first)
    day = found[0] if found else None
    if found:
        rest = rest[: found[1]] + " " * (found[2] - found[1]) + rest[found[2] :]
    else:
        day = _day_without_year(rest, release_date or dt.date.today())
    clock = find_clock(rest if zone is None else rest[: zone.start] + v[zone.start : zone.end] + rest[zone.end :])
    if day is None:
        wd = _WEEKDAY_RX.search(rest)
        if wd and release_date:
            target = WEEKDAYS[wd.group(0).lower().rstrip(".")]
            day = release_date + dt.timedelta(days=(target - release_date.weekday()) % 7)
    day = day or release_date
    if day is None:
        warnings.append(f"Embargo {value!r} has no date I could read; embargo left empty.")
        return None
    at = clock.at if clock else dt.time(0, 0)
    if clock is None:
        warnings.append(f"Embargo {value!r} has no time: read as 00:00.")
    elif clock.words == "midnight":
        warnings.append(f"Embargo says midnight: read as 00:00 at the start of {day.isoformat()}.")
    if zone is None:
        warnings.append(f"Embargo time has no time zone: read as {tz_name}.")
        tz, zone_name = ZoneInfo(tz_name), tz_name
    elif zone.name.upper() in _AMBIGUOUS and tz_name in _AMBIGUOUS[zone.name.upper()]:
        hours = _AMBIGUOUS[zone.name.upper()][tz_name]
        tz, zone_name = dt.timezone(dt.timedelta(hours=hours)), zone.name
        offset = f"{'+' if hours >= 0 else '-'}{int(abs(hours)):02d}:{int(abs(hours) % 1 * 60):02d}"
        warnings.append(f"{zone.name} names several zones: read as {tz_name} (UTC{offset}), the release's country.")
    else:
        tz, zone_name = zone.tz, zone.name
    return Embargo(dt.datetime.combine(day, at, tzinfo=tz).astimezone(dt.UTC), zone_name)
