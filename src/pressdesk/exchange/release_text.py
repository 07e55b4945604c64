"""Read a plain-text press release into title, date, embargo, experts and press contacts."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from pressdesk.validation.release_phones import (
    find_phone_numbers,
    is_known_region,
    normalise_email,
    region_for_email_domain,
    region_for_number,
)

__all__ = [
    "ParsedContact",
    "ParsedExpert",
    "ParsedRelease",
    "ReleaseParseError",
    "parse_release",
]


class ReleaseParseError(ValueError):
    """The text cannot be read as a press release."""


@dataclass(frozen=True)
class ParsedExpert:
    """A person the release offers for interview."""

    name: str
    title: str | None
    affiliation: str | None
    honorific: str | None = None

    @property
    def display_name(self) -> str:
        """Return the name with its honorific, e.g. "Dr Antonio Giustozzi"."""
        return f"{self.honorific} {self.name}" if self.honorific else self.name


@dataclass(frozen=True)
class ParsedContact:
    """A press contact named in the release; phones are E.164."""

    name: str | None
    organisation: str | None
    email: str | None
    phones: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedRelease:
    """Everything read from one release; embargo is an aware UTC datetime."""

    title: str
    date: dt.date | None
    embargo: dt.datetime | None
    experts: tuple[ParsedExpert, ...] = ()
    press_contacts: tuple[ParsedContact, ...] = ()
    body: str = ""
    region: str = "GB"
    warnings: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict:
        """Return the JSON-ready form printed by ``--json``."""
        return {
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "embargo": self.embargo.isoformat() if self.embargo else None,
            "experts": [{"name": e.display_name, "title": e.title, "affiliation": e.affiliation} for e in self.experts],
            "press_contacts": [
                {
                    "name": c.name,
                    "organisation": c.organisation,
                    "email": c.email,
                    "phones": list(c.phones),
                }
                for c in self.press_contacts
            ],
        }


# --------------------------------------------------------------------------- vocabulary


def _wordset(words: str) -> frozenset[str]:
    """Return the whitespace-separated words of a vocabulary string."""
    return frozenset(words.split())


_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
_NAME_WORD = (
    rf"(?:[{_UP}]\.|[{_UP}](?:[{_LO}]+|['’][{_UP}][{_LO}]+)"
    rf"(?:[{_UP}][{_LO}]+)?(?:-[{_UP}][{_LO}]+)*)"
)
_PARTICLE = r"(?:van|von|der|den|de|del|della|di|da|du|le|la|ter|ten|bin|zu)"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_NAME_WORD}){{0,3}}"
_HON = (
    r"(?:Prof\.?[ \t]+Dr\.?(?:[ \t]+(?:med|phil|habil|rer\.[ \t]*nat)\.)?"
    r"|(?:Associate|Assistant|Adjunct|Emeritus|Emerita|Distinguished)[ \t]+Professor"
    r"|Assoc\.?[ \t]+Prof\.?|Professor|Prof\.?|Dr\.?(?:[ \t]+med\.)?"
    r"|Mrs\.?|Mr\.?|Ms\.?|Miss|Mx\.?|Sir|Dame|Lord|Lady|Baroness|Rev(?:d|\.)?|Cllr\.?)"
)
_PERSON_RX = re.compile(rf"(?<![\w.])(?:(?P<hon>{_HON})[ \t]+)?(?P<name>{_NAME})(?![\w])")

_ORG_WORDS = _wordset(
    """university universität universitat hochschule college institute institut centre center
    zentrum school trust foundation stiftung society gesellschaft association verband council
    agency ltd limited inc llc plc gmbh ag e.v. group department ministry ministerium office
    hospital klinikum nhs museum library commission authority board service network alliance
    partners education laboratory lab labs academy akademie observatory bureau coalition union
    federation charity company corporation corp co. pr communications media news press"""
)
_TITLE_WORDS = _wordset(
    """officer manager director head lead executive coordinator co-ordinator specialist
    spokesperson spokesman spokeswoman adviser advisor assistant consultant editor sprecher
    sprecherin pressesprecher pressesprecherin referent referentin leiter leiterin leitung
    president vice chief chair professor lecturer fellow researcher scientist reader analyst
    economist author investigator secretary"""
)
_NOT_NAME_WORDS = _wordset(
    """the a an this that these those for from in on at by with and or but if he she they we it
    its our their his her new more all as about notes editors editor media press contact
    contacts information further email e-mail tel telephone phone mobile mob fax embargo
    embargoed ends release research news today north south east west street road national
    royal state states united kingdom american british irish australian german islamic
    english european federal spokespeople experts available interview interviews
    pressemitteilung pressekontakt"""
)
_NOT_NAME_WORDS = _NOT_NAME_WORDS | _ORG_WORDS | _TITLE_WORDS

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Januar|Jänner|Februar|März|Maerz|Mai|Juni|Juli|Oktober|Dezember"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Okt|Nov|Dec|Dez)"
)
_WEEKDAYS = (
    r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
    r"|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"
)
_WEEKDAY_NUMBERS = {
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
    "samstag": 5, "sonnabend": 5, "sonntag": 6,
}  # fmt: skip
_ORD = r"(?:st|nd|rd|th)?"
_DATE_RX = re.compile(
    rf"(?<![\w])(?:{_WEEKDAYS},?[ \t]+(?:the[ \t]+)?)?"
    rf"(?:\d{{1,2}}{_ORD}\.?[ \t]+(?:of[ \t]+)?{_MONTHS}\.?,?[ \t]+\d{{4}}"
    rf"|{_MONTHS}\.?[ \t]+\d{{1,2}}{_ORD},?[ \t]+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2}))(?!\d)"
)
_DATE_NO_YEAR_RX = re.compile(
    rf"(?<![\w])(?:{_WEEKDAYS},?[ \t]+(?:the[ \t]+)?)?"
    rf"(?:\d{{1,2}}{_ORD}\.?[ \t]+(?:of[ \t]+)?{_MONTHS}|{_MONTHS}\.?[ \t]+\d{{1,2}}{_ORD})\b"
)
_WEEKDAY_RX = re.compile(rf"(?<![\w]){_WEEKDAYS}(?![\w])")
_TIME_RX = re.compile(
    r"(?<![\d.:])(?:"
    r"(?P<h1>\d{1,2})(?:[:.](?P<m1>\d{2}))?[ \t]*(?P<ap>[ap])\.?[ \t]?m\b\.?"
    r"|(?P<h2>\d{1,2})[:.h](?P<m2>\d{2})(?![.:/]?\d)"
    r"|(?P<h3>[01]\d|2[0-3])(?P<m3>[0-5]\d)(?:[ \t]*(?:hrs|hours|h)\b|(?=[ \t]*(?:GMT|BST|UTC|"
    r"CES?T|MES?Z|[ECMP][SD]?T|AE[SD]?T|AC[SD]T|AWST|NZ[SD]T)\b))"
    r"|(?P<h4>\d{1,2})[ \t]*Uhr\b"
    r"|(?P<word>midnight|noon|midday|Mitternacht|Mittag))",
    re.IGNORECASE,
)


def _fixed(hours: float) -> dt.tzinfo:
    return dt.timezone(dt.timedelta(hours=hours))


_ZONE_ABBREVIATIONS: dict[str, tuple[str | float, str | None]] = {
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
_ZONE_PHRASES: list[tuple[str, str, str | None]] = [
    (r"(?:UK|London|British)\s+time", "Europe/London", "GB"),
    (r"(?:Irish|Dublin)\s+time", "Europe/Dublin", "IE"),
    (r"Eastern(?:\s+(?:Standard|Daylight))?\s+Time", "America/New_York", "US"),
    (r"Central(?:\s+(?:Standard|Daylight))?\s+Time", "America/Chicago", "US"),
    (r"Mountain(?:\s+(?:Standard|Daylight))?\s+Time", "America/Denver", "US"),
    (r"Pacific(?:\s+(?:Standard|Daylight))?\s+Time", "America/Los_Angeles", "US"),
    (r"Central\s+European(?:\s+Summer)?\s+Time", "Europe/Berlin", "DE"),
    (r"(?:Sydney|Canberra|Melbourne)\s+time", "Australia/Sydney", "AU"),
    (r"(?:deutscher|Berliner)\s+Zeit|Berlin\s+time", "Europe/Berlin", "DE"),
]
_ZONE_ABBR_RX = re.compile(r"(?<![A-Za-z])(" + "|".join(sorted(_ZONE_ABBREVIATIONS, key=len, reverse=True)) + r")\b")

_REGION_ZONES = {
    "GB": "Europe/London", "IE": "Europe/Dublin", "US": "America/New_York",
    "AU": "Australia/Sydney", "DE": "Europe/Berlin", "AT": "Europe/Vienna",
    "CH": "Europe/Zurich", "NZ": "Pacific/Auckland", "CA": "America/Toronto",
    "FR": "Europe/Paris", "NL": "Europe/Amsterdam", "BE": "Europe/Brussels",
    "ES": "Europe/Madrid", "IT": "Europe/Rome", "ZA": "Africa/Johannesburg",
    "IN": "Asia/Kolkata", "SG": "Asia/Singapore", "DK": "Europe/Copenhagen",
    "SE": "Europe/Stockholm", "NO": "Europe/Oslo", "FI": "Europe/Helsinki",
}  # fmt: skip

_NY, _CHI, _DEN = "America/New_York", "America/Chicago", "America/Denver"
_LA = "America/Los_Angeles"
# Dateline places (lower case) -> (region, zone or None for the region's usual zone).
_PLACES: dict[str, tuple[str, str | None]] = {
    # United States: cities, states and AP abbreviations.
    "washington": ("US", _NY),
    "d.c.": ("US", _NY),
    "dc": ("US", _NY),
    "new york": ("US", _NY),
    "n.y.": ("US", _NY),
    "boston": ("US", _NY),
    "philadelphia": ("US", _NY),
    "baltimore": ("US", _NY),
    "atlanta": ("US", _NY),
    "miami": ("US", _NY),
    "detroit": ("US", _NY),
    "pittsburgh": ("US", _NY),
    "arlington": ("US", _NY),
    "va.": ("US", _NY),
    "virginia": ("US", _NY),
    "md.": ("US", _NY),
    "maryland": ("US", _NY),
    "mass.": ("US", _NY),
    "massachusetts": ("US", _NY),
    "fla.": ("US", _NY),
    "florida": ("US", _NY),
    "ga.": ("US", _NY),
    "georgia": ("US", _NY),
    "ohio": ("US", _NY),
    "pa.": ("US", _NY),
    "pennsylvania": ("US", _NY),
    "n.j.": ("US", _NY),
    "new jersey": ("US", _NY),
    "conn.": ("US", _NY),
    "mich.": ("US", _NY),
    "n.c.": ("US", _NY),
    "north carolina": ("US", _NY),
    "s.c.": ("US", _NY),
    "chicago": ("US", _CHI),
    "ill.": ("US", _CHI),
    "illinois": ("US", _CHI),
    "houston": ("US", _CHI),
    "dallas": ("US", _CHI),
    "austin": ("US", _CHI),
    "texas": ("US", _CHI),
    "minneapolis": ("US", _CHI),
    "minn.": ("US", _CHI),
    "nashville": ("US", _CHI),
    "tenn.": ("US", _CHI),
    "st. louis": ("US", _CHI),
    "mo.": ("US", _CHI),
    "new orleans": ("US", _CHI),
    "la.": ("US", _CHI),
    "milwaukee": ("US", _CHI),
    "wis.": ("US", _CHI),
    "kansas city": ("US", _CHI),
    "denver": ("US", _DEN),
    "colo.": ("US", _DEN),
    "colorado": ("US", _DEN),
    "salt lake city": ("US", _DEN),
    "utah": ("US", _DEN),
    "phoenix": ("US", "America/Phoenix"),
    "ariz.": ("US", "America/Phoenix"),
    "los angeles": ("US", _LA),
    "san francisco": ("US", _LA),
    "san diego": ("US", _LA),
    "san jose": ("US", _LA),
    "sacramento": ("US", _LA),
    "calif.": ("US", _LA),
    "california": ("US", _LA),
    "seattle": ("US", _LA),
    "portland": ("US", _LA),
    "ore.": ("US", _LA),
    "las vegas": ("US", _LA),
    "nev.": ("US", _LA),
    "usa": ("US", None),
    "u.s.": ("US", None),
    "united states": ("US", None),
    # United Kingdom.
    "london": ("GB", None),
    "manchester": ("GB", None),
    "birmingham": ("GB", None),
    "leeds": ("GB", None),
    "liverpool": ("GB", None),
    "bristol": ("GB", None),
    "sheffield": ("GB", None),
    "newcastle": ("GB", None),
    "nottingham": ("GB", None),
    "leicester": ("GB", None),
    "oxford": ("GB", None),
    "cambridge": ("GB", None),
    "exeter": ("GB", None),
    "york": ("GB", None),
    "edinburgh": ("GB", None),
    "glasgow": ("GB", None),
    "aberdeen": ("GB", None),
    "dundee": ("GB", None),
    "cardiff": ("GB", None),
    "swansea": ("GB", None),
    "belfast": ("GB", None),
    "uk": ("GB", None),
    "united kingdom": ("GB", None),
    "england": ("GB", None),
    "scotland": ("GB", None),
    "wales": ("GB", None),
    "northern ireland": ("GB", None),
    # Ireland.
    "dublin": ("IE", None),
    "cork": ("IE", None),
    "galway": ("IE", None),
    "limerick": ("IE", None),
    "waterford": ("IE", None),
    "maynooth": ("IE", None),
    "kilkenny": ("IE", None),
    "sligo": ("IE", None),
    "athlone": ("IE", None),
    "ireland": ("IE", None),
    # Australia.
    "sydney": ("AU", "Australia/Sydney"),
    "canberra": ("AU", "Australia/Sydney"),
    "melbourne": ("AU", "Australia/Melbourne"),
    "brisbane": ("AU", "Australia/Brisbane"),
    "perth": ("AU", "Australia/Perth"),
    "adelaide": ("AU", "Australia/Adelaide"),
    "hobart": ("AU", "Australia/Hobart"),
    "darwin": ("AU", "Australia/Darwin"),
    "gold coast": ("AU", "Australia/Brisbane"),
    "australia": ("AU", None),
    "nsw": ("AU", "Australia/Sydney"),
    "victoria": ("AU", "Australia/Melbourne"),
    # German-speaking countries.
    "berlin": ("DE", None),
    "münchen": ("DE", None),
    "munich": ("DE", None),
    "hamburg": ("DE", None),
    "frankfurt": ("DE", None),
    "frankfurt am main": ("DE", None),
    "köln": ("DE", None),
    "cologne": ("DE", None),
    "stuttgart": ("DE", None),
    "düsseldorf": ("DE", None),
    "leipzig": ("DE", None),
    "dresden": ("DE", None),
    "bonn": ("DE", None),
    "hannover": ("DE", None),
    "potsdam": ("DE", None),
    "heidelberg": ("DE", None),
    "bremen": ("DE", None),
    "nürnberg": ("DE", None),
    "kiel": ("DE", None),
    "mainz": ("DE", None),
    "deutschland": ("DE", None),
    "germany": ("DE", None),
    "wien": ("AT", None),
    "vienna": ("AT", None),
    "graz": ("AT", None),
    "salzburg": ("AT", None),
    "innsbruck": ("AT", None),
    "österreich": ("AT", None),
    "austria": ("AT", None),
    "zürich": ("CH", None),
    "zurich": ("CH", None),
    "bern": ("CH", None),
    "basel": ("CH", None),
    "genf": ("CH", None),
    "schweiz": ("CH", None),
    "switzerland": ("CH", None),
    # Others.
    "auckland": ("NZ", None),
    "wellington": ("NZ", None),
    "new zealand": ("NZ", None),
    "toronto": ("CA", "America/Toronto"),
    "ottawa": ("CA", "America/Toronto"),
    "montreal": ("CA", "America/Toronto"),
    "vancouver": ("CA", "America/Vancouver"),
    "canada": ("CA", None),
}

_MARKER_RX = re.compile(
    r"^(?:for\s+immediate\s+release|immediate\s+release|for\s+release|"
    r"(?:news|press|media)\s+(?:release|statement|advisory|alert)|pressemitteilung|"
    r"presseinformation|presseerklärung|medienmitteilung|news|press\s+notice)"
    r"(?:\s*[:\-–—]\s*(?:for\s+immediate\s+release|immediate)?)?\s*[.!]?$",
    re.IGNORECASE,
)
_EMBARGO_RX = re.compile(
    r"^(?:(?:strictly\s+)?(?:under\s+(?:strict\s+)?)?(?:news\s+)?"
    r"(?:embargo(?:ed)?|sperrfrist|not\s+for\s+(?:publication|release|broadcast)))"
    r"(?:\s+(?:until|till|to|before|bis|lifts?|lifted|ends|at|time|date|and|embargo))*"
    r"\s*[:\-–—]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_META_RX = re.compile(
    r"^(?:(?:submitted|issued|posted|published|released|distributed|sent)\s+by|"
    r"ref(?:erence)?|release\s+no\.?|date|datum|published|dated)\b\s*[:.]?",
    re.IGNORECASE,
)
_CONTACT_HEADING_RX = re.compile(
    r"^(?:for\s+)?(?:further\s+|more\s+)?(?:(?:media|press|news)\s+)?"
    r"(?:contacts?|enquiries|inquiries|information|office|relations|"
    r"contact\s+(?:details|information)|pressekontakt|pressestelle|medienkontakt|"
    r"kontakt|ansprechpartner(?:in)?|rückfragen|für\s+rückfragen)"
    r"(?:\s+(?:enquiries|inquiries|contacts?|only))?"
    r"(?:,?\s*(?:and\s+interviews?)?,?\s*(?:please\s+)?(?:contact|call|email))?"
    r"\s*(?::\s*(?P<rest>.*)|[\-–—]?\s*)$",
    re.IGNORECASE,
)
_NOTES_RX = re.compile(
    r"^(?:notes?\s+(?:to|for)\s+(?:the\s+)?editors?|editors?['’]?s?['’]?\s+notes?|"
    r"background(?:\s+information)?|hinweise?\s+(?:für|an)\s+(?:die\s+)?redaktion(?:en)?)"
    r"\s*:?$",
    re.IGNORECASE,
)
_ABOUT_RX = re.compile(r"^(?:about|über)\s+\S.{0,70}$", re.IGNORECASE)
_EXPERT_LIST_RX = re.compile(
    r"^(?:(?:spokespeople|spokespersons?|experts?|interviewees|academics|researchers|"
    r"speakers)(?:\s+(?:are\s+)?available)?(?:\s+(?:for|to)\s+"
    r"(?:interviews?|comment|speak|media)(?:\s+(?:and|or)\s+(?:interviews?|comment))?)?|"
    r"available\s+(?:for|to)\s+(?:interviews?|comment)(?:\s+(?:and|or)\s+(?:interviews?|comment))?"
    r"|for\s+interview|interviewpartner(?:innen)?|ansprechpartner(?:innen)?\s+für\s+interviews)"
    r"\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_OFFER_AFTER_RX = re.compile(
    r"\b(?:to\s+(?:speak|talk)\s+(?:to|with)|speak\s+(?:to|with)|"
    r"(?:to\s+)?(?:arrange\s+|request\s+|book\s+|schedule\s+|set\s+up\s+)?(?:an\s+)?"
    r"interviews?\s+"
    r"(?:requests?\s+)?(?:with|for)|to\s+interview|interviews?\s+are\s+available\s+with|"
    r"interviews?\s+mit|gespräche?\s+mit)\b",
    re.IGNORECASE,
)
_OFFER_BEFORE_RX = re.compile(
    r"\b(?:(?:is|are)(?:\s+also)?|will(?:\s+also)?\s+be|would\s+be|(?:has|have)\s+been)\s+"
    r"(?:available|on\s+hand|happy|able)\s+(?:for|to)\s+(?:do\s+|give\s+|take\s+)?"
    r"(?:interviews?|comment|speak|talk|discuss|media|broadcast|brief)"
    r"|\b(?:steht|stehen)\s+(?:\S+\s+){0,3}?für\s+(?:Interviews?|Gespräche|Rückfragen|Auskünfte)",
    re.IGNORECASE,
)
_OFFER_WORDS_RX = re.compile(
    r"\b(?:available|arrange|request|contact|please|call|email|book|schedule|"
    r"Verfügung|Kontakt|vermitteln|möglich|for\s+interviews?)\b",
    re.IGNORECASE,
)
_SPAN_STOP_RX = re.compile(
    r"\b(?:contact|please|call|email|e-mail|ring|via|through|kontaktieren|wenden)\b|[;:\n]",
    re.IGNORECASE,
)
_CONTACT_VERB_RX = re.compile(
    r"\b(?:please\s+)?contact(?:ing)?\b(?!\s*:)|\bwenden\s+Sie\s+sich\s+(?:bitte\s+)?an\b",
    re.IGNORECASE,
)
_EMAIL_RX = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+'-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_PRESS_WORDS = (
    r"\b(?:media|press|journalists?|reporters?|interviews?|information|comment|enquiries|"
    r"inquiries|presse|interviews?|rückfragen|@)"
)
_URL_RX = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_PHONE_LIKE_RX = re.compile(r"(?<![\w@.])\+?\(?\d[\d \t()./-]{5,}\d")
_ORG_PHRASE = (
    rf"(?:the[ \t]+)?[{_UP}0-9][\w&'’.-]*"
    rf"(?:(?:[ \t]+(?:of|for|and|&|on|in|the|für|de|der|des|du|at)){{0,2}}[ \t]+[{_UP}][\w&'’.-]*)*"
)
_ORG_AFTER_NAME_RX = re.compile(
    r"^(?:[ \t]*,[ \t]*|[ \t]+(?:at|of|from|with|vom|von[ \t]+der|bei)[ \t]+)"
    rf"(?P<org>{_ORG_PHRASE})"
)
_BULLET_RX = re.compile(r"^\s*(?:[-*•·▪–—]+|\d{1,2}[.)])\s+")
_ABBREVIATIONS = _wordset(
    "dr prof mr mrs ms mx st jr sr no vs etc inc ltd co corp dept univ assoc rev cllr gov sen "
    "rep approx e.g i.e a.m p.m d.c u.s u.k u.s.a"
)
_APPOSITIVE_REJECT = _wordset(
    """said says say who which whose whom where when added explained told is was has had will
    would and but or also commented warned noted continued argued believes thinks wrote writes
    says: sagt sagte erklärt erklärte betont betonte so und der die das"""
)
_LABEL_WORDS = _wordset(
    """tel tel. telephone phone ph t m mob mobile cell direct office switchboard fax f email
    e-mail e w web website telefon mobil handy out of hours twitter x linkedin or and on
    call"""
)


# --------------------------------------------------------------------------- small helpers


def _clean_line(line: str) -> str:
    """Strip markdown emphasis, heading hashes and bullets from one line."""
    s = line.strip()
    s = re.sub(r"^#{1,6}\s+(?=\S)", "", s)
    s = s.replace("**", "").replace("__", "")
    if len(s) > 2 and s[0] in "*_" and s[-1] == s[0]:
        s = s[1:-1]
    s = _BULLET_RX.sub("", s) if not _is_ends(s) else s
    return s.strip()


def _is_ends(line: str) -> bool:
    """Return True for an end-of-release marker such as ENDS, /ENDS, ### or -30-."""
    s = line.strip().replace("**", "")
    if not s or len(s) > 30:
        return False
    if re.fullmatch(r"#(?:\s*#){2,}", s) or re.fullmatch(r"[-–—\s]*30[-–—\s]*", s):
        return re.fullmatch(r"\d+", s) is None
    core = re.sub(r"^[\s\-–—/*#\[\](){}<>.]+|[\s\-–—/*#\[\](){}<>.]+$", "", s).lower()
    return core in {"ends", "end", "ende", "end of release", "end of press release", "end release"}


def _words(text: str) -> list[str]:
    return re.findall(r"[\w&.'’-]+", text)


def _has_org_word(text: str) -> bool:
    return any(w.lower().strip(".,") in _ORG_WORDS for w in _words(text))


def _has_title_word(text: str) -> bool:
    return any(w.lower().strip(".,") in _TITLE_WORDS for w in re.split(r"[\s/-]+", text))


def _looks_org(text: str) -> bool:
    t = text.strip()
    return bool(t) and t[0].isupper() and _has_org_word(t)


def _norm_hon(hon: str | None) -> str | None:
    if not hon:
        return None
    return re.sub(r"\s+", " ", hon.replace(".", " ")).strip()


def _valid_person(hon: str | None, name: str) -> bool:
    """Reject capitalised phrases that are not people's names."""
    words = name.split()
    if not hon and len(words) < 2:
        return False
    low = [w.lower().strip(".") for w in words]
    if any(w in _NOT_NAME_WORDS for w in low):
        return False
    if any(_WEEKDAY_RX.fullmatch(w) for w in words):
        return False
    return not all(len(w) <= 2 for w in words)


def _people(text: str) -> list[tuple[int, int, str | None, str]]:
    """Return (start, end, honorific, name) for every person-like mention in text."""
    out = []
    for m in _PERSON_RX.finditer(text):
        hon, name = m.group("hon"), re.sub(r"\s+", " ", m.group("name"))
        if _valid_person(hon, name):
            out.append((m.start(), m.end(), _norm_hon(hon), name))
    return out


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Return the start and end of the sentence around pos, ignoring abbreviation dots."""
    start = 0
    end = len(text)
    for m in re.finditer(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“„‘(]?[A-Z0-9ÀÖØ-Þ])|\n\s*\n", text):
        before = text[: m.start()].rstrip('"”’)')
        last = re.search(r"([\w.]+)[.!?]$", before)
        if (
            last
            and not re.search(r"\n\s*\n", m.group(0))
            and (last.group(1).lower() in _ABBREVIATIONS or len(last.group(1)) == 1 or "." in last.group(1))
        ):
            continue
        if m.start() <= pos:
            start = m.end()
        else:
            end = m.start()
            break
    return start, end


def _find_zone(text: str) -> tuple[dt.tzinfo | None, str | None, str | None]:
    """Return (tzinfo, label, region hint) for an explicit zone word in text."""
    for pattern, zone, hint in _ZONE_PHRASES:
        m = re.search(rf"\b{pattern}\b", text, re.IGNORECASE)
        if m:
            return ZoneInfo(zone), m.group(0), hint
    m = _ZONE_ABBR_RX.search(text)
    if m:
        value, hint = _ZONE_ABBREVIATIONS[m.group(1)]
        tz = ZoneInfo(value) if isinstance(value, str) else _fixed(value)
        return tz, m.group(1), hint
    return None, None, None


def _find_time(text: str) -> tuple[dt.time | None, str | None]:
    """Return the first time of day written in text and its wording."""
    m = _TIME_RX.search(text)
    if not m:
        return None, None
    if m.group("word"):
        word = m.group("word").lower()
        return (dt.time(0, 0) if word in {"midnight", "mitternacht"} else dt.time(12, 0)), word
    if m.group("h1") is not None:
        hour, minute = int(m.group("h1")), int(m.group("m1") or 0)
        if hour > 12:
            return None, None
        hour = hour % 12 + (12 if m.group("ap").lower() == "p" else 0)
    elif m.group("h2") is not None:
        hour, minute = int(m.group("h2")), int(m.group("m2"))
    elif m.group("h3") is not None:
        hour, minute = int(m.group("h3")), int(m.group("m3"))
    else:
        hour, minute = int(m.group("h4")), 0
    if hour > 23 or minute > 59:
        return None, None
    return dt.time(hour, minute), m.group(0)


def _parse_date(text: str, region: str, base: dt.date | None = None) -> dt.date | None:
    """Parse one date expression with dateparser (day-first unless US slashes)."""
    import dateparser  # slow to import; only needed here

    order = "MDY" if region == "US" and "/" in text else "DMY"
    settings: dict = {
        "DATE_ORDER": order,
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if base is None:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]
    else:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time(12, 0))
        settings["PREFER_DATES_FROM"] = "future"
    cleaned = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text.strip().rstrip(",."))
    parsed = dateparser.parse(cleaned, languages=["en", "de"], settings=settings)
    return parsed.date() if parsed else None


def _is_date_line(line: str, region: str) -> dt.date | None:
    """Return the date when the line is nothing but a date (with an optional label or place)."""
    s = re.sub(r"^(?:date|datum|dated|published)\s*[:.]?\s*", "", line, flags=re.IGNORECASE)
    m = _DATE_RX.search(s)
    if not m:
        return None
    rest = (s[: m.start()] + s[m.end() :]).strip(" ,.-–—()")
    if rest and not (_placeish(rest) and _place_region(rest)) and not _WEEKDAY_RX.fullmatch(rest):
        return None
    return _parse_date(m.group(0), region)


def _place_region(place: str) -> tuple[str, str | None] | None:
    """Return (region, zone) for a dateline place such as "WASHINGTON, D.C."."""
    p = re.sub(r"\s+", " ", place.strip(" ,.-–—(")).lower()
    if not p or len(p) > 60:
        return None
    parts = [x.strip() for x in p.split(",") if x.strip()]
    if p in _PLACES:
        return _PLACES[p]
    best: tuple[str, str | None] | None = None
    for part in reversed(parts):
        for key in (part, part.rstrip(".") + ".", part.rstrip(".")):
            if key in _PLACES:
                region, zone = _PLACES[key]
                if best is None or (zone and not best[1] and best[0] == region):
                    best = (region, zone)
                break
    return best


# --------------------------------------------------------------------------- structure


@dataclass
class _Layout:
    lines: list[str]
    title: str
    title_idx: int
    body_start: int
    body_end: int
    body_first_line: str | None
    dateline_place: str | None
    dateline_date_text: str | None
    header_date_texts: list[str]


def _layout(text: str) -> _Layout:
    """Find the title, header lines, dateline and the body's line range."""
    lines = text.split("\n")
    n = len(lines)
    header_dates: list[str] = []
    title_idx = -1
    i = 0
    while i < n:
        s = _clean_line(lines[i])
        if not s or _MARKER_RX.match(s) or _EMBARGO_RX.match(s) or _is_ends(s):
            i += 1
            continue
        if _DATE_RX.search(s) and _is_date_line(s, "GB") is not None:
            header_dates.append(s)
            i += 1
            continue
        if _CONTACT_HEADING_RX.match(s):
            while i < n and lines[i].strip():
                i += 1
            continue
        if _META_RX.match(s) or _is_embargo_value(lines, i):
            i += 1
            continue
        title_idx = i
        break
    if title_idx < 0:
        raise ReleaseParseError("No title line found: a release must have a headline before its body text.")
    title = _clean_line(lines[title_idx])
    dated = _dateline(title)
    if len(title) > 250 or (dated and (not dated[0] or len(dated[2].split()) >= 3)):
        raise ReleaseParseError("No title line found: the release starts with body text instead of a headline.")

    # A headline wrapped over two lines continues in lower case or after a joining word.
    i = title_idx + 1
    while i < n and lines[i].strip() and len(title) < 200:
        nxt = _clean_line(lines[i])
        joins = re.search(r"\b(?:and|or|of|to|in|for|the|a|an|with|on|at|as|by|from|und)$", title)
        if not nxt or not (nxt[0].islower() or joins) or len(nxt) > 120 or _dateline(nxt):
            break
        title = f"{title} {nxt}"
        i += 1

    # Skip the rest of the headline paragraph, a one-line standfirst and header lines.
    while i < n and lines[i].strip():
        nxt = lines[i].strip()
        dl = _dateline(nxt)
        if len(nxt) > 200 or (dl and len(dl[2].split()) >= 3):
            break
        i += 1
    subtitle_seen = False
    while i < n:
        s = _clean_line(lines[i])
        if not s:
            i += 1
            continue
        if _MARKER_RX.match(s) or _EMBARGO_RX.match(s) or _META_RX.match(s) or _is_embargo_value(lines, i):
            i += 1
            continue
        if _DATE_RX.search(s) and _is_date_line(s, "GB") is not None:
            header_dates.append(s)
            i += 1
            continue
        para_end = i
        while para_end < n and lines[para_end].strip():
            para_end += 1
        para = " ".join(x.strip() for x in lines[i:para_end])
        if (
            not subtitle_seen
            and para_end - i == 1
            and len(para) <= 200
            and not re.search(r"[.!?:]$", para)
            and not _DATE_RX.search(para[:80])
            and not _is_ends(para)
            and not _EXPERT_LIST_RX.match(s)
            and not _is_section_start(s)
            and any(x.strip() for x in lines[para_end:])
        ):
            subtitle_seen = True
            i = para_end
            continue
        break
    body_start = i

    # Dateline at the head of the first body paragraph.
    dateline_place = dateline_date = first_line = None
    if body_start < n:
        found = _dateline(lines[body_start].strip())
        if found:
            dateline_place, dateline_date, first_line = found

    body_end = n
    for j in range(body_start, n):
        s = _clean_line(lines[j])
        if _is_section_start(s):
            body_end = j
            break
        if _is_ends(lines[j]):
            body_end = j
            break
    return _Layout(
        lines=lines,
        title=title,
        title_idx=title_idx,
        body_start=body_start,
        body_end=body_end,
        body_first_line=first_line,
        dateline_place=dateline_place,
        dateline_date_text=dateline_date,
        header_date_texts=header_dates,
    )


def _dateline(line: str) -> tuple[str | None, str, str] | None:
    """Split "WASHINGTON, D.C. — March 11, 2025 — Text" into (place, date, text)."""
    m = _DATE_RX.search(line[:90])
    if not m:
        return None
    prefix = line[: m.start()]
    place = prefix.strip(" \t,(—–-")
    if len(prefix) > 60 or (place and not _placeish(place)):
        return None
    rest = re.sub(r"^\s*\)?\s*(?:/[^/]{1,40}/)?\s*(?:[—–:.-]{1,2}|,)?\s*", "", line[m.end() :])
    return place or None, m.group(0), rest


def _placeish(place: str) -> bool:
    """Return True when text could be a dateline place (short, capitalised words)."""
    if not re.fullmatch(r"[\w.'’ ,-]+", place):
        return False
    words = place.replace(",", " ").split()
    if not 1 <= len(words) <= 6:
        return False
    return all(w[0].isupper() or w in {"am", "an", "der", "upon", "on", "de"} for w in words)


def _is_embargo_value(lines: list[str], i: int) -> bool:
    """Return True when line i continues an "EMBARGOED UNTIL:" line above it."""
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    if j < 0:
        return False
    m = _EMBARGO_RX.match(_clean_line(lines[j]))
    if not m or m.group("rest").strip():
        return False
    return bool(_TIME_RX.search(lines[i]) or _DATE_RX.search(lines[i]))


def _is_section_start(s: str) -> bool:
    """Return True for headings that close the body (notes, contacts, about)."""
    if not s:
        return False
    if _NOTES_RX.match(s) or _CONTACT_HEADING_RX.match(s):
        return True
    return bool(_ABOUT_RX.match(s) and not re.search(r"[.!?]$", s) and len(s.split()) <= 10)


# --------------------------------------------------------------------------- region & embargo


def _detect_region(text: str, layout: _Layout, default_region: str) -> tuple[str, str | None]:
    """Score the release's region from dateline, numbers, domains, language and zone words."""
    score: Counter[str] = Counter()
    score[default_region] += 0.5
    place = _place_region(layout.dateline_place) if layout.dateline_place else None
    if place:
        score[place[0]] += 5
    seen_numbers = set()
    for _s, _e, e164 in find_phone_numbers(text, None):
        if e164 in seen_numbers:
            continue
        seen_numbers.add(e164)
        region = region_for_number(e164)
        if region:
            score[region] += 2
    if re.search(r"(?<![\d+])\(\d{3}\)\s*\d{3}[-.\s]\d{4}\b|\b\d{3}-\d{3}-\d{4}\b", text):
        score["US"] += 1.5
    domains = {m.group(0).rsplit("@", 1)[-1].lower() for m in _EMAIL_RX.finditer(text)}
    domains |= {
        re.sub(r"^(?:https?://)?(?:www\.)?", "", m.group(0).lower()).split("/")[0] for m in _URL_RX.finditer(text)
    }
    for domain in domains:
        region = region_for_email_domain(domain)
        if region:
            score[region] += 1 if domain.endswith((".gov", ".edu", ".mil")) else 2
    if re.search(r"\b(?:Pressemitteilung|Presseinformation|Sperrfrist|Pressekontakt|Uhr)\b", text):
        score["DE"] += 4
    _tz, _label, hint = _find_zone(_embargo_text(layout.lines) or "")
    if hint:
        score[hint] += 1 if hint in {"GB", "DE"} else 3
    best = max(score.items(), key=lambda kv: (kv[1], kv[0] == default_region))[0]
    zone = place[1] if place and place[0] == best else None
    return best, zone


def _zone_for(region: str, dateline_zone: str | None, default_region: str, default_tz: str) -> str:
    if dateline_zone:
        return dateline_zone
    if region == default_region:
        return default_tz
    return _REGION_ZONES.get(region, default_tz)


def _embargo_text(lines: list[str]) -> str | None:
    """Return the wording after "EMBARGOED UNTIL" (or similar) anywhere in the release."""
    for i, raw in enumerate(lines):
        s = _clean_line(raw)
        m = _EMBARGO_RX.match(s)
        if not m:
            continue
        rest = m.group("rest").strip()
        if not rest:
            for nxt in lines[i + 1 : i + 3]:
                if nxt.strip():
                    rest = _clean_line(nxt)
                    break
        if rest:
            return rest
    return None


def _parse_embargo(
    value: str,
    release_date: dt.date | None,
    region: str,
    tz_name: str,
    warnings: list[str],
) -> dt.datetime | None:
    """Read an embargo wording into an aware UTC datetime."""
    v = value.strip().rstrip(".")
    if re.match(r"^(?:none|no\b|n/?a\b|keine|nil)", v, re.IGNORECASE):
        return None
    tz, zone_label, _hint = _find_zone(v)
    day: dt.date | None = None
    m = _DATE_RX.search(v)
    if m:
        day = _parse_date(m.group(0), region)
    else:
        m = _DATE_NO_YEAR_RX.search(v)
        if m:
            day = _parse_date(m.group(0), region, base=release_date or dt.date.today())
    rest = v if m is None else v[: m.start()] + " " * (m.end() - m.start()) + v[m.end() :]
    when, time_words = _find_time(rest)
    date_text = rest.replace(zone_label, " ") if zone_label else rest
    if time_words:
        date_text = date_text.replace(time_words, " ", 1)
    if day is None:
        wd = _WEEKDAY_RX.search(date_text)
        if wd and release_date:
            target = _WEEKDAY_NUMBERS.get(wd.group(0).lower().rstrip(".")[:3])
            target = _WEEKDAY_NUMBERS.get(wd.group(0).lower(), target)
            if target is not None:
                day = release_date + dt.timedelta(days=(target - release_date.weekday()) % 7)
    if day is None:
        day = release_date
    if day is None:
        warnings.append(f"Embargo {value!r} has no date I could read; embargo left empty.")
        return None
    if when is None:
        warnings.append(f"Embargo {value!r} has no time; read as 00:00.")
        when = dt.time(0, 0)
    elif time_words in {"midnight", "mitternacht"}:
        warnings.append(f"Embargo says midnight; read as 00:00 at the start of {day.isoformat()}.")
    if tz is None:
        tz = ZoneInfo(tz_name)
        warnings.append(f"Embargo time has no time zone; read in {tz_name}.")
    local = dt.datetime.combine(day, when, tzinfo=tz)
    return local.astimezone(dt.UTC)


# --------------------------------------------------------------------------- experts

_Role = tuple[str | None, str | None]  # (title, affiliation)


def _split_role(text: str) -> _Role:
    """Split "Visiting Fellow at LSE IDEAS" into ("Visiting Fellow", "LSE IDEAS")."""
    t = re.sub(r"\s+", " ", text).strip(" ,.;:–—-")
    t = re.sub(r"^(?:a|an|the|our|its|their)\s+", "", t, flags=re.IGNORECASE)
    t = re.sub(r"\s+(?:who|which|whose|and\s+(?:author|co-author|lead))\b.*$", "", t)
    if not t:
        return None, None
    title: str | None
    aff: str | None
    joins = list(re.finditer(r"\s(?:at|with|an\s+der|an\s+dem|am|bei\s+der|beim|bei)\s+", t))
    m = joins[-1] if joins else None
    if m:
        title, aff = t[: m.start()], t[m.end() :]
    else:
        of = re.search(r"\s(?:of|for|des|der|vom)\s+(?=(?:the\s+)?[A-ZÀ-Þ])", t)
        if of and _looks_org(re.sub(r"^the\s+", "", t[of.end() :])) and not _looks_org(t[: of.start()]):
            title, aff = t[: of.start()], t[of.end() :]
        elif _looks_org(t) and not _has_title_word(t):
            title, aff = None, t
        else:
            title, aff = t, None
    if aff:
        aff = re.sub(r"^the\s+", "", aff.strip(" ,.")).strip() or None
    if title:
        title = title.strip(" ,.")
        title = title[:1].upper() + title[1:] if title else None
    return title or None, aff


def _role_from_chunks(chunks: list[str]) -> _Role | None:
    """Read title and affiliation from the comma chunks that follow a name."""
    chunks = [c.strip() for c in chunks if c and c.strip()]
    if not chunks:
        return None
    first = chunks[0]
    words = first.split()
    if not words or len(words) > 14:
        return None
    lead = words[0].lower().strip(".,")
    if lead in _APPOSITIVE_REJECT or re.match(r"^\d", first) or _DATE_RX.search(first):
        return None
    if lead in {"a", "an", "the"} and len(words) > 1 and words[1].lower() in _APPOSITIVE_REJECT:
        return None
    if not (
        first[0].isupper()
        or lead in {"a", "an", "the", "our"}
        or _has_title_word(first)
        or re.search(rf"\s(?:at|with)\s+(?:the\s+)?[{_UP}]", first)
    ):
        return None
    second = chunks[1] if len(chunks) > 1 else ""
    if second and _looks_org(second) and len(second.split()) <= 10:
        second = re.sub(r"^the\s+", "", second.strip(" ."))
        title, aff = _split_role(first)
        if aff and re.search(r"\s(?:at|with|an\s+der|am|bei)\s", first):
            aff = f"{aff}, {second}"
        elif _looks_org(first) and not _has_title_word(first):
            title, aff = None, f"{_split_role(first)[1] or first}, {second}"
        else:
            title, aff = _split_role(first + " at " + second)
    else:
        title, aff = _split_role(first)
    if not title and not aff:
        return None
    return title, aff


_CHUNK = r"[^,;()\"“”„\n]+?"
_CHUNK_END = r"(?=\s*(?:,|;|\(|\)|[\"“”„]|\.(?:\s|$)|\s[–—-]\s|$))"
_TWO_CHUNKS = rf"(?P<a>{_CHUNK}){_CHUNK_END}(?:\s*,\s*(?P<b>{_CHUNK}){_CHUNK_END})?"


def _role_after(text: str, end: int) -> _Role | None:
    """Read the appositive introducing a person whose name ends at ``end``."""
    tail = text[end : end + 300]
    m = re.match(rf"\s*,\s*{_TWO_CHUNKS}", tail)
    if m:
        role = _role_from_chunks([m.group("a"), m.group("b") or ""])
        if role:
            return role
    m = re.match(r"\s*\((?P<p>[^)\n]{3,150})\)", tail)
    if m:
        role = _role_from_chunks(m.group("p").split(",")[:2])
        if role:
            return role
    m = re.match(rf"\s+[–—-]\s+{_TWO_CHUNKS}", tail)
    if m:
        role = _role_from_chunks([m.group("a"), m.group("b") or ""])
        if role:
            return role
    m = _ORG_AFTER_NAME_RX.match(tail)
    if m and not tail.lstrip().startswith(","):
        org = re.sub(r"^the\s+", "", m.group("org")).strip(" .")
        if _looks_org(org):
            return None, org
    m = re.match(r"\s+is\s+(?:a|an|the)\s+(?P<c>[^.;\n]{3,150}?)(?:\.(?:\s|$)|;|$)", tail)
    if m:
        title, aff = _split_role(m.group("c").split(",")[0])
        if aff:
            return title, aff
    return None


@dataclass
class _ExpertDraft:
    name: str
    honorific: str | None
    title: str | None = None
    affiliation: str | None = None


def _resolve_name(hon: str | None, name: str, everyone: list[tuple[str | None, str]]) -> tuple[str | None, str]:
    """Expand a surname-only mention ("Dr Giustozzi") to the full name used elsewhere."""
    if len(name.split()) >= 2:
        for other_hon, other in everyone:
            if other == name and other_hon and not hon:
                return other_hon, name
        return hon, name
    for other_hon, other in everyone:
        parts = other.split()
        if len(parts) >= 2 and parts[-1] == name:
            return hon or other_hon, other
    return hon, name


def _find_experts(text: str, prose: str, contact_names: set[str], warnings: list[str]) -> list[ParsedExpert]:
    """Find people offered for interview and read their titles and affiliations."""
    mentions = _people(prose)
    everyone = [(h, nm) for _s, _e, h, nm in mentions if len(nm.split()) >= 2]
    drafts: dict[str, _ExpertDraft] = {}

    def offer(hon: str | None, name: str, role: _Role | None = None) -> None:
        hon, name = _resolve_name(hon, name, everyone)
        if name in contact_names or (len(name.split()) < 2 and not hon):
            return
        draft = drafts.setdefault(name.lower(), _ExpertDraft(name=name, honorific=hon))
        draft.honorific = draft.honorific or hon
        if role:
            draft.title = draft.title or role[0]
            draft.affiliation = draft.affiliation or role[1]

    # "Spokespeople available for interview:" lists.
    lines = text.split("\n")
    for i, raw in enumerate(lines):
        m = _EXPERT_LIST_RX.match(_clean_line(raw))
        if not m:
            continue
        items = [x for x in re.split(r";\s*", m.group("rest")) if x.strip()]
        j = i + 1
        while j < len(lines) and (lines[j].strip() or not items):
            if lines[j].strip():
                if _is_ends(lines[j]) or _is_section_start(_clean_line(lines[j])):
                    break
                items.append(_clean_line(lines[j]))
            j += 1
            if j - i > 40:
                break
        for item in items:
            pm = _PERSON_RX.match(item)
            if not pm or not _valid_person(pm.group("hon"), pm.group("name")):
                continue
            rest = item[pm.end() :]
            if re.match(r"\s*[:–—-]\s+", rest):
                rest = re.sub(r"^\s*[:–—-]\s+", ", ", rest)
            role = _role_after(item[: pm.end()] + rest, pm.end())
            offer(_norm_hon(pm.group("hon")), re.sub(r"\s+", " ", pm.group("name")), role)

    # Offer phrases in running text (hard-wrapped lines joined).
    text = prose
    for m in _OFFER_AFTER_RX.finditer(text):
        s_start, s_end = _sentence_bounds(text, m.start())
        plain = not re.match(r"to\s|arrange|request|book|schedule", m.group(0), re.IGNORECASE)
        if plain and not _OFFER_WORDS_RX.search(text, s_start, s_end):
            continue
        stop = _SPAN_STOP_RX.search(text, m.end(), s_end)
        span_end = stop.start() if stop else s_end
        for _s, _e, hon, name in _people(text[m.end() : span_end]):
            offer(hon, name)
    for m in _OFFER_BEFORE_RX.finditer(text):
        s_start, _s_end = _sentence_bounds(text, m.start())
        clause = text[s_start : m.start()]
        for _s, _e, hon, name in _people(clause):
            offer(hon, name)

    # Introductions in the body: "Dr. X, Visiting Fellow at Y, said ...".
    for draft in drafts.values():
        if draft.title and draft.affiliation:
            continue
        surname = re.escape(draft.name.split()[-1])
        full = r"\s+".join(re.escape(p) for p in draft.name.split())
        best: _Role | None = None
        for rx in (full, rf"(?:{_HON})\s+{surname}"):
            for mm in re.finditer(rf"(?<![\w]){rx}(?![\w])", text):
                role = _role_after(text, mm.end())
                if role and (best is None or (role[0] and role[1] and not (best[0] and best[1]))):
                    best = role
                if best and best[0] and best[1]:
                    break
            if best:
                break
        if best:
            draft.title = draft.title or best[0]
            draft.affiliation = draft.affiliation or best[1]

    experts = []
    for d in drafts.values():
        if not d.title and not d.affiliation:
            warnings.append(f"No title or affiliation found for expert {d.name}.")
        experts.append(ParsedExpert(d.name, d.title, d.affiliation, d.honorific))
    return experts


# --------------------------------------------------------------------------- contacts


@dataclass
class _ContactDraft:
    name: str | None = None
    organisation: str | None = None
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.name or self.emails or self.phones)


def _emails_in(text: str, warnings: list[str]) -> list[tuple[int, int, str]]:
    out = []
    for m in _EMAIL_RX.finditer(text):
        raw = m.group(0).rstrip(".")
        norm = normalise_email(raw)
        if norm:
            out.append((m.start(), m.start() + len(raw), norm))
        else:
            warnings.append(f"Email address {raw!r} is not valid and was left out.")
    return out


def _local_region(text: str, release_region: str) -> str:
    """Pick the region for national numbers in a contact block from what sits beside them."""
    for _s, _e, e164 in find_phone_numbers(text, None):
        region = region_for_number(e164)
        if region:
            return region
    for m in _EMAIL_RX.finditer(text):
        region = region_for_email_domain(m.group(0))
        if region:
            return region
    return release_region


def _phones_in(
    text: str, region: str, warnings: list[str], emails: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    phones = find_phone_numbers(text, region)
    taken = [(s, e) for s, e, _ in phones] + [(s, e) for s, e, _ in emails]
    for m in _PHONE_LIKE_RX.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if len(digits) < 7 or _DATE_RX.search(m.group(0)):
            continue
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        warnings.append(f"Could not read {m.group(0).strip()!r} as a phone number ({region}).")
    return phones


def _org_or_title(piece: str) -> str | None:
    """Return the organisation named by a contact-block line piece, if it names one."""
    p = piece.strip(" .:")
    if not p or not re.search(rf"[{_UP}]", p):
        return None
    at = re.search(r"\s(?:at|bei|@)\s+", p)
    if at and _has_title_word(p[: at.start()]):
        return re.sub(r"^the\s+", "", p[at.end() :]).strip() or None
    has_org, has_title = _has_org_word(p), _has_title_word(p)
    if has_title and not has_org:
        return None
    if has_org and has_title:
        last = p.split()[-1].lower().strip(".,")
        return None if last in _TITLE_WORDS else p
    return p


def _name_in_piece(piece: str) -> str | None:
    """Return the person's name when a piece is just a name (optionally + filler words)."""
    m = _PERSON_RX.match(piece.strip())
    if not m or not _valid_person(m.group("hon"), m.group("name")):
        return None
    rest = piece.strip()[m.end() :].strip()
    if rest and re.search(rf"[{_UP}0-9]", rest):
        return None
    name = re.sub(r"\s+", " ", m.group("name"))
    return name if len(name.split()) >= 2 else None


def _parse_contact_group(group: list[str], release_region: str, warnings: list[str]) -> list[_ContactDraft]:
    """Read one contact block group (lines between blank lines) into contacts."""
    text = "\n".join(group)
    region = _local_region(text, release_region)
    emails = _emails_in(text, warnings)
    phones = _phones_in(text, region, warnings, emails)
    urls = [(m.start(), m.end()) for m in _URL_RX.finditer(text)]
    spans = sorted(
        [(s, e, "email", v) for s, e, v in emails]
        + [(s, e, "phone", v) for s, e, v in phones]
        + [(s, e, "url", "") for s, e in urls]
    )
    # Replace each email/phone with a placeholder, then read the pieces in order.
    found: dict[str, tuple[str, str]] = {}
    parts: list[str] = []
    last = 0
    for idx, (start, end, kind, value) in enumerate(spans):
        if start < last:
            continue
        parts.append(text[last:start])
        if kind == "url":
            parts.append(" ")
        else:
            parts.append(f"\ue000{idx}\ue001")
            found[str(idx)] = (kind, value)
        last = end
    parts.append(text[last:])
    masked = "".join(parts)
    drafts: list[_ContactDraft] = []
    cur = _ContactDraft()
    for raw in re.split(r"\s*(?:\n|\||•|·|;|,|\(|\)|\t|\s[–—/-]\s)\s*", masked):
        tokens = re.findall(r"\ue000(\d+)\ue001", raw)
        piece = _strip_label(re.sub(r"\ue000\d+\ue001", " ", raw))
        name = _name_in_piece(piece) if piece else None
        if name:
            if cur.name:
                drafts.append(cur)
                cur = _ContactDraft()
            cur.name = name
        elif piece:
            org = _org_or_title(piece)
            if org and not cur.organisation:
                cur.organisation = org
        for token in tokens:
            kind, value = found[token]
            target = cur.emails if kind == "email" else cur.phones
            if value not in target:
                target.append(value)
    drafts.append(cur)
    drafts = [d for d in drafts if not d.empty()]
    _match_emails_to_names(drafts)
    orgs = {d.organisation for d in drafts if d.organisation}
    if len(orgs) == 1:
        for d in drafts:
            d.organisation = d.organisation or next(iter(orgs))
    return drafts


def _email_fits(email: str, name: str | None) -> bool:
    """Return True when an address's local part contains part of the person's name."""
    if not name:
        return False
    local = _fold(email.split("@")[0])
    return any(len(p) >= 3 and p in local for p in _fold(name).replace("'", "").split())


def _fold(text: str) -> str:
    """Lower-case text and drop accents ("Siobhán" -> "siobhan")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _match_emails_to_names(drafts: list[_ContactDraft]) -> None:
    """Move an address listed beside the wrong person to the person it is named after."""
    if len(drafts) < 2:
        return
    for draft in drafts:
        for email in list(draft.emails):
            if _email_fits(email, draft.name):
                continue
            owner = next((d for d in drafts if d is not draft and _email_fits(email, d.name)), None)
            if owner is not None:
                draft.emails.remove(email)
                owner.emails.append(email)


def _strip_label(piece: str) -> str:
    p = piece.strip(" \t|.:-")
    p = re.sub(
        r"^(?:tel(?:ephone)?|phone|ph|t|m|mob(?:ile)?|cell|direct(?:\s+line)?|office|"
        r"switchboard|fax|f|e-?mail|e|w|web(?:site)?|telefon|mobil|handy|twitter|x|linkedin)"
        r"\s*[.:]\s*",
        "",
        p,
        flags=re.IGNORECASE,
    )
    p = p.strip(" \t|.:-")
    if not p or p.lower() in _LABEL_WORDS or not re.search(rf"[{_UP}]", p):
        return ""
    fillers = r"(?:or|and|on|call|email|e-mail|tel|mobile|out of hours)(?:\s+\w+)?"
    if re.fullmatch(fillers, p.lower()):
        return ""
    return p


def _contact_blocks(lines: list[str]) -> list[tuple[int, int, list[list[str]]]]:
    """Find contact-heading blocks; return (start line, end line, groups of lines)."""
    blocks = []
    i = 0
    n = len(lines)
    while i < n:
        s = _clean_line(lines[i])
        m = _CONTACT_HEADING_RX.match(s) if s else None
        if not m:
            i += 1
            continue
        groups: list[list[str]] = []
        cur: list[str] = []
        rest = (m.group("rest") or "").strip()
        if rest:
            cur.append(rest)
        j = i + 1
        while j < n:
            raw = lines[j].strip()
            cs = _clean_line(raw)
            if not raw:
                if cur:
                    groups.append(cur)
                    cur = []
                j += 1
                continue
            if _is_ends(raw) or _NOTES_RX.match(cs) or _CONTACT_HEADING_RX.match(cs):
                break
            if (_ABOUT_RX.match(cs) and not re.search(r"[.!?]$", cs)) or _EXPERT_LIST_RX.match(cs):
                break
            if not cur and groups and not _contact_like_paragraph(lines, j):
                break
            if not cur and not groups and len(cs) > 160 and not _EMAIL_RX.search(cs):
                break
            cur.append(cs)
            j += 1
        if cur:
            groups.append(cur)
        blocks.append((i, j, groups))
        i = max(j, i + 1)
    return blocks


def _contact_like_paragraph(lines: list[str], j: int) -> bool:
    """Return True when the paragraph starting at line j reads like a contact entry."""
    k = j
    para = []
    while k < len(lines) and lines[k].strip():
        para.append(lines[k].strip())
        k += 1
    text = "\n".join(para)
    if len(para) > 8 or any(len(p) > 160 for p in para):
        return False
    has_channel = bool(_EMAIL_RX.search(text) or re.search(r"\d[\d \t()./-]{6,}\d", text))
    return has_channel and not re.search(r"[a-z]\.\s+[A-Z][a-z]+\s+[a-z]+\s+[a-z]", text)


def _sentence_contacts(
    text: str,
    skip: list[tuple[int, int]],
    body: tuple[int, int],
    release_region: str,
    warnings: list[str],
) -> list[_ContactDraft]:
    """Read "contact Jane Doe at Org on jane@... or call ..." sentences."""
    out = []
    verbs = list(_CONTACT_VERB_RX.finditer(text))
    for idx, m in enumerate(verbs):
        if any(s <= m.start() < e for s, e in skip):
            continue
        if body[0] <= m.start() < body[1]:
            s_start, s_end = _sentence_bounds(text, m.start())
            if not re.search(_PRESS_WORDS, text[s_start:s_end], re.IGNORECASE):
                continue
        para_end = text.find("\n\n", m.end())
        para_end = len(text) if para_end < 0 else para_end
        nxt = verbs[idx + 1].start() if idx + 1 < len(verbs) else len(text)
        span = text[m.end() : min(para_end, nxt)]
        draft = _ContactDraft()
        lead = re.match(
            r"\s*(?:(?:our|the|a|bitte)\s+)?(?:(?:senior\s+)?(?:press|media|communications)\s+"
            r"(?:officer|manager|team|lead|office)\s*,?\s*)?",
            span,
            re.IGNORECASE,
        )
        head = lead.end() if lead else 0
        pm = _PERSON_RX.match(span, head)
        if pm and _valid_person(pm.group("hon"), pm.group("name")):
            draft.name = re.sub(r"\s+", " ", pm.group("name"))
            om = _ORG_AFTER_NAME_RX.match(span[pm.end() :])
            if om:
                org = re.sub(r"^the\s+", "", om.group("org")).strip(" .")
                if org and not _has_title_word(org) or _has_org_word(org):
                    draft.organisation = org
        else:
            om = re.match(rf"\s*(?P<org>{_ORG_PHRASE})", span[head:])
            if om and _looks_org(re.sub(r"^the\s+", "", om.group("org"))):
                draft.organisation = re.sub(r"^the\s+", "", om.group("org")).strip(" .")
        region = _local_region(span, release_region)
        emails = _emails_in(span, warnings)
        draft.emails = [v for _s, _e, v in emails]
        draft.phones = [v for _s, _e, v in _phones_in(span, region, warnings, emails)]
        if draft.name or draft.emails or draft.phones:
            out.append(draft)
    return out


def _find_contacts(text: str, layout: _Layout, release_region: str, warnings: list[str]) -> list[ParsedContact]:
    """Collect press contacts from contact blocks and contact sentences, merging duplicates."""
    lines = layout.lines
    drafts: list[_ContactDraft] = []
    skip_lines: list[tuple[int, int]] = []
    for start, end, groups in _contact_blocks(lines):
        skip_lines.append((start, end))
        for group in groups:
            drafts.extend(_parse_contact_group(group, release_region, warnings))
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    skip = [(offsets[s], offsets[e] if e < len(offsets) else len(text)) for s, e in skip_lines]
    body = (offsets[layout.body_start], offsets[min(layout.body_end, len(lines))])
    drafts.extend(_sentence_contacts(_unwrap(text), skip, body, release_region, warnings))
    if not drafts:
        after = "\n".join(lines[layout.body_end + 1 :])
        for para in re.split(r"\n\s*\n", after):
            if _contact_like_paragraph(para.split("\n"), 0):
                drafts.extend(_parse_contact_group(para.split("\n"), release_region, warnings))

    merged: list[_ContactDraft] = []
    for d in drafts:
        twin = next(
            (
                m
                for m in merged
                if (d.name and m.name and d.name.lower() == m.name.lower()) or (set(d.emails) & set(m.emails))
            ),
            None,
        )
        if twin is None:
            merged.append(d)
            continue
        twin.name = twin.name or d.name
        twin.organisation = twin.organisation or d.organisation
        twin.emails += [e for e in d.emails if e not in twin.emails]
        twin.phones += [p for p in d.phones if p not in twin.phones]
    return [
        ParsedContact(
            name=d.name,
            organisation=d.organisation,
            email=d.emails[0] if d.emails else None,
            phones=tuple(d.phones),
        )
        for d in merged
    ]


# --------------------------------------------------------------------------- entry point


def _unwrap(text: str) -> str:
    """Join hard-wrapped prose lines with spaces, keeping every character offset unchanged."""
    out = list(text)
    pos = 0
    for para in re.split(r"(\n[ \t]*\n)", text):
        lines = para.split("\n")
        wrapped = len(lines) > 1 and all(len(ln.strip()) >= 45 and not _BULLET_RX.match(ln) for ln in lines[:-1])
        if wrapped and not _CONTACT_HEADING_RX.match(_clean_line(lines[0])):
            offset = pos
            for ln in lines[:-1]:
                offset += len(ln)
                out[offset] = " "
                offset += 1
        pos += len(para)
    return "".join(out)


def _normalise_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    for ch in ("\u00a0", "\u2009", "\u202f", "\u2007"):
        text = text.replace(ch, " ")
    text = text.replace("\u2010", "-").replace("\u2011", "-")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def parse_release(text: str, *, default_region: str = "GB", default_tz: str = "Europe/London") -> ParsedRelease:
    """Parse press-release text; national phone numbers take the release's own region."""
    if text is None or not text.strip():
        raise ReleaseParseError("The release text is empty.")
    try:
        ZoneInfo(default_tz)
    except (ValueError, KeyError) as exc:
        raise ValueError(f"Unknown time zone {default_tz!r}.") from exc
    default_region = default_region.upper() if is_known_region(default_region) else "GB"
    text = _normalise_text(text)
    warnings: list[str] = []
    layout = _layout(text)
    lines = layout.lines

    region, dateline_zone = _detect_region(text, layout, default_region)
    tz_name = _zone_for(region, dateline_zone, default_region, default_tz)

    release_date: dt.date | None = None
    if layout.dateline_date_text:
        release_date = _parse_date(layout.dateline_date_text, region)
    for line in layout.header_date_texts:
        if release_date is None:
            release_date = _is_date_line(line, region)

    embargo: dt.datetime | None = None
    embargo_words = _embargo_text(lines)
    if embargo_words:
        embargo = _parse_embargo(embargo_words, release_date, region, tz_name, warnings)
        if release_date is None and embargo is not None:
            release_date = embargo.astimezone(ZoneInfo(tz_name)).date()
    if release_date is None:
        warnings.append("No release date found.")

    body_lines = lines[layout.body_start : layout.body_end]
    if body_lines and layout.body_first_line is not None:
        body_lines = [layout.body_first_line, *body_lines[1:]]
    body = "\n".join(body_lines).strip()

    contacts = _find_contacts(text, layout, region, warnings)
    if not contacts:
        warnings.append("No press contacts found.")
    contact_names = {c.name for c in contacts if c.name}
    experts = _find_experts(text, _unwrap(text), contact_names, warnings)

    return ParsedRelease(
        title=layout.title,
        date=release_date,
        embargo=embargo,
        experts=tuple(experts),
        press_contacts=tuple(contacts),
        body=body,
        region=region,
        warnings=tuple(dict.fromkeys(warnings)),
    )
