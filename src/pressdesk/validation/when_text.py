"""The words of dates and times shared by the deadline parser and the release reader: months, weekdays, clocks, zones.

The deadline parser (when_words) reads what an officer types; the release reader finds the same words inside
running text. Both take their month names, weekday names and clock patterns from here, so "14 März", "8 a.m."
or "0001 hrs" mean one thing everywhere. Zones: the generic names a release uses ("ET", "Eastern", "UK time")
map to real zones with their summer time; other abbreviations take dateparser's table of fixed offsets.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

__all__ = [
    "AMPM_RE",
    "HHMM_HRS_RE",
    "HHMM_RE",
    "MONTHS",
    "WEEKDAYS",
    "Clock",
    "Zone",
    "find_clock",
    "find_date",
    "find_zone",
    "month_pattern",
    "weekday_pattern",
]

MONTHS: dict[str, int] = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_FOREIGN_MONTHS = (
    "januar jänner janvier enero gennaio januari janeiro tammikuuta tammikuu stycznia styczeń|"
    "februar feber février fevrier febrero febbraio februari fevereiro helmikuuta helmikuu lutego luty|"
    "märz maerz mars marzo maart março marts maaliskuuta maaliskuu marca marzec|"
    "april avril abril aprile huhtikuuta huhtikuu kwietnia kwiecień|"
    "mai mayo maggio mei maio maj toukokuuta toukokuu maja|"
    "juni juin junio giugno junho kesäkuuta kesäkuu czerwca czerwiec|"
    "juli juillet julio luglio julho heinäkuuta heinäkuu lipca lipiec|"
    "august août aout agosto augustus augusti elokuuta elokuu sierpnia sierpień|"
    "september septembre septiembre setiembre settembre setembro syyskuuta syyskuu września wrzesień|"
    "oktober okt octobre octubre ottobre outubro lokakuuta lokakuu października październik|"
    "november novembre noviembre novembro marraskuuta marraskuu listopada listopad|"
    "dezember dez décembre decembre diciembre dicembre december dezembro desember joulukuuta joulukuu grudnia grudzień"
)
for _n, _names in enumerate(_FOREIGN_MONTHS.split("|"), start=1):
    MONTHS.update(dict.fromkeys(_names.split(), _n))

WEEKDAYS: dict[str, int] = {name.lower(): n for n, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): n for n, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
_FOREIGN_WEEKDAYS = (
    "montag lundi lunes lunedì maandag segunda-feira måndag mandag maanantai maanantaina poniedziałek|"
    "dienstag mardi martes martedì dinsdag terça-feira tisdag tirsdag tiistai tiistaina wtorek|"
    "mittwoch mercredi miércoles miercoles mercoledì woensdag quarta-feira onsdag keskiviikko keskiviikkona środa|"
    "donnerstag jeudi jueves giovedì donderdag quinta-feira torsdag torstai torstaina czwartek|"
    "freitag vendredi viernes venerdì vrijdag sexta-feira fredag perjantai perjantaina piątek|"
    "samstag sonnabend samedi sábado sabado sabato zaterdag lördag lørdag lauantai lauantaina sobota|"
    "sonntag dimanche domingo domenica zondag söndag søndag sunnuntai sunnuntaina niedziela"
)
for _n, _names in enumerate(_FOREIGN_WEEKDAYS.split("|")):
    WEEKDAYS.update(dict.fromkeys(_names.split(), _n))

AMPM_RE = re.compile(r"(?<![\d:./-])(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m\b\.?", re.IGNORECASE)
HHMM_RE = re.compile(r"(?<![\d/.:-])(\d{1,2})[:.](\d{2})(?:\s*(?:h|hrs|hours|uhr)\b)?(?![\d/.:])", re.IGNORECASE)
HH_H_MM_RE = re.compile(r"(?<![\d/.:-])(\d{1,2})\s?h\s?(\d{2})(?!\d)", re.IGNORECASE)
"""A French clock: "11 h 00", "9h30"."""
HHMM_HRS_RE = re.compile(r"(?<![\d/.:-])(\d{2})(\d{2})\s*(?:h|hrs|hours)\b", re.IGNORECASE)
_HOUR_UHR_RE = re.compile(r"(?<![\d/.:-])(\d{1,2})\s*Uhr\b", re.IGNORECASE)
_NAMED_CLOCK_RE = re.compile(r"\b(noon|midday|mid-day|midnight|mittag|mitternacht)\b", re.IGNORECASE)


def month_pattern() -> str:
    """A regex alternation of every month name, longest first."""
    return "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"


def weekday_pattern() -> str:
    """A regex alternation of every weekday name, longest first."""
    return "(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"


@dataclass(frozen=True, slots=True)
class Clock:
    """A time of day found in text, where it was, and the words it was written in."""

    at: time
    start: int
    end: int
    words: str


def _hhmm_before_zone() -> re.Pattern[str]:
    """ "0001 GMT": four digits read as a clock only when a zone follows them."""
    return re.compile(r"(?<![\d/.:-])([01]\d|2[0-3])([0-5]\d)(?=\s*(?:" + "|".join(_ZONE_WORDS) + r")\b)")


def find_clock(text: str) -> Clock | None:
    """The first time of day written in text ("8 a.m.", "10:30", "0001 hrs", "10 Uhr", "noon"), or None."""
    found: list[Clock] = []
    for m in AMPM_RE.finditer(text):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if 1 <= hour <= 12 and minute < 60:
            at = time(hour % 12 + (12 if m.group(3).lower() == "p" else 0), minute)
            found.append(Clock(at, m.start(), m.end(), m.group(0)))
            break
    for pattern in (HHMM_RE, HHMM_HRS_RE, HH_H_MM_RE, _hhmm_before_zone()):
        for m in pattern.finditer(text):
            if int(m.group(1)) < 24 and int(m.group(2)) < 60:
                found.append(Clock(time(int(m.group(1)), int(m.group(2))), m.start(), m.end(), m.group(0)))
                break
    m = _HOUR_UHR_RE.search(text)
    if m and int(m.group(1)) < 24:
        found.append(Clock(time(int(m.group(1)), 0), m.start(), m.end(), m.group(0)))
    m = _NAMED_CLOCK_RE.search(text)
    if m:
        word = m.group(1).lower()
        found.append(Clock(time(0, 0) if "night" in word else time(12, 0), m.start(), m.end(), word))
    return min(found, key=lambda c: c.start) if found else None


_ORD = r"(?:st|nd|rd|th|er|º)?"
_DATE_RX = re.compile(
    rf"(?<![\w])(?:{weekday_pattern()}\.?,?\s+(?:the\s+|le\s+)?)?(?:"
    rf"(?P<d1>\d{{1,2}}){_ORD}\.?\s+(?:of\s+|de\s+)?(?P<m1>{month_pattern()})\.?,?\s+(?:de\s+|del\s+)?(?P<y1>\d{{4}})"
    rf"|(?P<m2>{month_pattern()})\.?\s+(?P<d2>\d{{1,2}}){_ORD},?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
    rf"|(?P<d5>\d{{1,2}})-(?P<m5>{month_pattern()})-(?P<y5>\d{{4}})"
    r"|(?P<a4>\d{1,2})(?P<sep>[./])(?P<b4>\d{1,2})(?P=sep)(?P<y4>\d{4}|\d{2}))(?![\d])",
    re.IGNORECASE,
)


def find_date(text: str, *, month_first: bool = False) -> tuple[date, int, int] | None:
    """The first whole date in text (with its year) as (date, start, end); numbers are day first unless told."""
    for m in _DATE_RX.finditer(text):
        try:
            if m.group("y1"):
                day = date(int(m.group("y1")), MONTHS[m.group("m1").lower()], int(m.group("d1")))
            elif m.group("y2"):
                day = date(int(m.group("y2")), MONTHS[m.group("m2").lower()], int(m.group("d2")))
            elif m.group("y3"):
                day = date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
            elif m.group("y5"):
                day = date(int(m.group("y5")), MONTHS[m.group("m5").lower()], int(m.group("d5")))
            else:
                a, b, year = int(m.group("a4")), int(m.group("b4")), m.group("y4")
                full = int(year) + (2000 if len(year) == 2 else 0)
                first, second = (b, a) if month_first and m.group("sep") == "/" else (a, b)
                day = date(full, second, first)
        except (ValueError, KeyError):
            continue
        return day, m.start(), m.end()
    return None


@dataclass(frozen=True, slots=True)
class Zone:
    """A time zone named in text: its tzinfo, how it was written, its name and the region it points to."""

    tz: tzinfo
    label: str
    name: str
    region: str | None
    start: int
    end: int


# Generic names and abbreviations a release uses -> (IANA zone or fixed hours, region).
_ZONES: dict[str, tuple[str | float, str | None]] = {
    "UTC": (0, None), "GMT": (0, "GB"), "BST": (1, "GB"), "WET": (0, None),
    "CET": (1, "DE"), "CEST": (2, "DE"), "MEZ": (1, "DE"), "MESZ": (2, "DE"),
    "ET": ("America/New_York", "US"), "EST": (-5, "US"), "EDT": (-4, "US"),
    "CT": ("America/Chicago", "US"), "CST": (-6, "US"), "CDT": (-5, "US"),
    "MT": ("America/Denver", "US"), "MST": (-7, "US"), "MDT": (-6, "US"),
    "PT": ("America/Los_Angeles", "US"), "PST": (-8, "US"), "PDT": (-7, "US"),
    "AET": ("Australia/Sydney", "AU"), "AEST": (10, "AU"), "AEDT": (11, "AU"),
    "ACST": (9.5, "AU"), "ACDT": (10.5, "AU"), "AWST": (8, "AU"),
    "NZST": (12, "NZ"), "NZDT": (13, "NZ"),
}  # fmt: skip
_ZONE_WORDS = sorted(_ZONES, key=len, reverse=True)
_ZONE_PHRASES: list[tuple[str, str, str | None]] = [
    (r"(?:UK|London|British)\s+time", "Europe/London", "GB"),
    (r"(?:Irish|Dublin)\s+time", "Europe/Dublin", "IE"),
    (r"Central\s+European(?:\s+Summer)?\s+Time|(?:deutscher|Berliner)\s+Zeit|Berlin\s+time", "Europe/Berlin", "DE"),
    (r"Eastern(?:\s+(?:Standard|Daylight))?(?:\s+Time)?", "America/New_York", "US"),
    (r"Central(?:\s+(?:Standard|Daylight))?\s+Time", "America/Chicago", "US"),
    (r"Mountain(?:\s+(?:Standard|Daylight))?(?:\s+Time)?", "America/Denver", "US"),
    (r"Pacific(?:\s+(?:Standard|Daylight))?(?:\s+Time)?", "America/Los_Angeles", "US"),
    (r"(?:Sydney|Canberra|Melbourne)\s+time", "Australia/Sydney", "AU"),
    (r"heure\s+(?:de\s+Paris|française|de\s+France)|Paris\s+time", "Europe/Paris", "FR"),
    (r"ora\s+(?:italiana|di\s+Roma)|Rome\s+time", "Europe/Rome", "IT"),
    (r"hora\s+(?:peninsular|de\s+Madrid)|Madrid\s+time", "Europe/Madrid", "ES"),
    (r"Nederlandse\s+tijd|Amsterdam\s+time", "Europe/Amsterdam", "NL"),
]
_ZONE_ABBR_RX = re.compile(r"(?<![A-Za-z])(" + "|".join(_ZONE_WORDS) + r")(?![A-Za-z])")
_OTHER_ABBR_RX = re.compile(r"(?<![A-Za-z])([A-Z]{3,5})(?![A-Za-z])")


def _fixed(hours: float) -> tzinfo:
    """A fixed offset from UTC."""
    return timezone(timedelta(hours=hours))


def _dateparser_offsets() -> dict[str, int]:
    """dateparser's table of zone abbreviations and their offsets in seconds."""
    from dateparser.timezones import timezone_info_list

    return {name: offset for group in timezone_info_list[1:] for name, offset in group["timezones"]}


def find_zone(text: str) -> Zone | None:
    """The time zone text names ("ET", "(EASTERN)", "CEST", "UK time", "JST"), or None."""
    for pattern, name, region in _ZONE_PHRASES:
        m = re.search(rf"\b{pattern}\b", text, re.IGNORECASE)
        if m:
            return Zone(ZoneInfo(name), m.group(0), name, region, m.start(), m.end())
    m = _ZONE_ABBR_RX.search(text)
    if m:
        value, region = _ZONES[m.group(1)]
        if isinstance(value, str):
            return Zone(ZoneInfo(value), m.group(1), value, region, m.start(), m.end())
        return Zone(_fixed(value), m.group(1), m.group(1), region, m.start(), m.end())
    for m in _OTHER_ABBR_RX.finditer(text):
        offset = _dateparser_offsets().get(m.group(1))
        if offset is not None:
            return Zone(_fixed(offset / 3600), m.group(1), m.group(1), None, m.start(), m.end())
    return None
