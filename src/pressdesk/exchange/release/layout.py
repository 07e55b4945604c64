"""A release's layout: page labels and header lines, the title, the dateline, the body and the sections after it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from pressdesk.exchange.release.dates import EMBARGO_RX, Dateline, date_line, dateline, release_time
from pressdesk.exchange.release.model import ReleaseParseError
from pressdesk.exchange.release.people import nominative_org
from pressdesk.exchange.release.vocab import UP, clean_line, has_org_word, has_title_word, is_ends, looks_org
from pressdesk.validation.when_text import find_date

__all__ = ["ABOUT_RX", "EXPERT_HEADING_RX", "NOTES_RX", "Layout", "contact_heading", "is_section_start", "layout"]

MARKER_RX = re.compile(
    r"^(?:for\s+immediate\s+release|immediate\s+release|for\s+release|(?:pour|à)\s+(?:diffusion|publication)\s+immédiate|"
    r"(?:joint\s+)?(?:news|press|media)\s+(?:release|statement|advisory|alert|information|notice)|pressemitteilung|"
    r"presseinformation|presseaussendung|presseerklärung|medienmitteilung|medieninformation|news|"
    r"communiqué(?:\s+de\s+presse)?|nota\s+de\s+prensa|comunicado(?:\s+de\s+prensa)?|comunicato(?:\s+stampa)?|"
    r"persbericht|comunicado\s+(?:de\s+)?imprensa|nota\s+(?:à|a|de)\s+imprensa|release(?:\s+de\s+imprensa)?|"
    r"press(?:e)?meddelelse|pressmeddelande|press(?:e)?melding|(?:lehdistö|media)?tiedote|"
    r"komunikat\s+prasowy|informacja\s+prasowa|company\s+announcement|stock\s+exchange\s+(?:release|announcement)|"
    r"selskabsmeddelelse|fondsbørsmeddelelse|børsmelding|pörssitiedote|yhtiötiedote|"
    r"peer[-\s]reviewed\s+publication|research\s+news|media\s+advisory|news\s+advisory)"
    r"(?:\s*(?:no\.?|nr\.?|n°|number|#)\s*\d+(?:\s*/\s*\d+)?)?"
    r"(?:\s*[:\-–—]\s*(?:for\s+immediate\s+release|immediate)?)?\s*[.!]?$",
    re.IGNORECASE,
)
META_RX = re.compile(
    r"^(?:(?:submitted|issued|posted|published|released|distributed|sent|news\s+provided)\s+(?:by|on)|"
    r"ref(?:erence)?|release\s+no\.?|date|datum|published|dated|dato|data|nr|no|n[ºo°]|numer|número)\b\s*[:.]?\s*"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)
CONTACT_HEADING_RX = re.compile(
    r"^(?:for\s+)?(?:further\s+|more\s+)?(?:(?:media|press|news|investors?|investor\s+relations|analysts?)\s+)?"
    r"(?:contacts?|enquiries|inquiries|(?<=further\s)information|(?<=more\s)information|"
    r"(?<=media\s)(?:office|relations|line)|(?<=press\s)(?:office|relations|line)|(?<=(?:press|media)\s)officer(?=:)|"
    r"contact\s+(?:details|information)|contacts?\s+for\s+(?:the\s+)?(?:journalists|media|press|reporters)|"
    r"pressekontakte?|pressestelle|medienkontakte?|"
    r"kontakt(?:\s+für\s+(?:die\s+)?(?:medienschaffende|medien|presse|journalist\w*|redaktionen))?|"
    r"ansprechpartner(?:in)?(?:\s+für\s+(?:die\s+)?medien)?|rückfragen(?:\s*(?:&|und)\s*kontakt)?|"
    r"für\s+rückfragen|weitere\s+informationen|contact\s+presse|contacts?\s+presse|contacto(?:\s+de\s+prensa)?|"
    r"contactos?\s+de\s+prensa|relations\s+presse|ufficio\s+stampa|contatt[oi](?:\s+(?:per\s+la\s+)?stampa)?|"
    r"perscontact(?:en)?|persvoorlichting|(?:para\s+)?más\s+información|per\s+(?:ulteriori\s+)?informazioni|"
    r"gabinete\s+de\s+(?:prensa|comunicación)|voor\s+meer\s+informatie(?:\s+kunt\s+u\s+contact\s+opnemen\s+met)?|"
    r"(?:para\s+)?mais\s+informações|informações\s+(?:à|a|para\s+a)\s+imprensa|"
    r"conta(?:c)?tos?\s+(?:para\s+a\s+|de\s+|com\s+a\s+)?(?:imprensa|comunicação\s+social|jornalistas)|assessoria\s+de\s+(?:imprensa|comunicação)(?:\s+social)?|"
    r"för\s+(?:mer|ytterligare)\s+information|presskontakt(?:er)?|mediekontakt(?:er)?|yderligere\s+oplysninger|"
    r"(?:for\s+)?(?:mer|yderligere|flere)\s+(?:informasjon|information|oplysninger)|pressekontakter|"
    r"lisätietoja(?:\s+antaa|\s+antavat)?|mediayhteydet|tiedotus|więcej\s+informacji|kontakt\s+dla\s+(?:mediów|prasy)|"
    r"kontakt\s+dla\s+dziennikarzy|(?:pour\s+(?:plus\s+de\s+|de\s+plus\s+amples\s+)?)?renseignements|issued\s+by)"
    r"(?:\s+(?:enquiries|inquiries|contacts?|only))?"
    r"(?:,?\s*(?:and\s+interviews?)?,?\s*(?:please\s+)?(?:contact|call|email|kontakta|kontakt|kontakte|contacte|contacte-se"
    r"|contactar|ota\s+yhteyttä|prosimy\s+o\s+kontakt))?"
    r"\s*(?::\s*(?P<rest>.*)|[\-–—]?\s*)$",
    re.IGNORECASE,
)
_CONTACT_LEAD_RX = re.compile(
    r"^(?:for|to)\s[^:.!?]{0,80}?\b(?:please\s+)?(?:contact|call|email|ring)\s*:\s*(?P<rest>.*)$", re.IGNORECASE
)


_ORG_MARKER_RX = re.compile(
    r"^(?P<org>\S.{1,80}?)\s+(?:news|press|media)\s+(?:release|statement|advisory)$"
    r"|^(?:press\s+release|pressmeddelande|press(?:e)?meddelelse|press(?:e)?melding|(?:lehdistö)?tiedote|"
    r"comunicado\s+de\s+imprensa|nota\s+(?:à|a)\s+imprensa|komunikat\s+prasowy|informacja\s+prasowa)\s+"
    r"(?:(?:from|från|fra|frå|de|da|do|od)\s+)?(?P<from>\S.{1,80})$",
    re.I,
)
_HON_PERSON_RX = re.compile(
    r"^(?:(?:Senator|Senior\s+Counsel)\s+)?(?:the\s+)?(?:Rt\.?\s+|Right\s+)?(?:Hon\.?|Honourable|Honorable)\s+"
    rf"[{UP}][\w'’.-]*(?:\s+[{UP}][\w'’.-]*){{1,4}}(?:\s+(?:MP|MLA|MSP|MS|TD|AM|MHR|MLC))?$"
    rf"|^[{UP}][\w'’.-]*(?:\s+[{UP}][\w'’.-]*){{1,4}}\s+(?:MP|MLA|MSP|TD|MHR|MLC)$",
    re.IGNORECASE,
)
_JOINER = frozenset(["of", "for", "and", "&", "the", "on", "in", "für", "de", "du", "des", "der", "la", "le"])


def letterhead(s: str) -> bool:
    """Return True for a short organisation name printed above a release ("Ministry of Inland Fisheries")."""
    words = s.split()
    if not 1 <= len(words) <= 6 or re.search(r"[\d.!?:;,]$|\d", s) or not looks_org(s):
        return False
    if len(words) == 1 and not (len(s) > 10 and has_org_word(s)):
        return False  # one word only when it is a whole organisation's name ("Miljøministeriet")
    return all(w[0].isupper() or w.lower() in _JOINER for w in words) and words[-1].lower() not in _JOINER


_SIGN_OFF_RX = re.compile(
    r"^(?:(?:(?:kind|best|warm|warmest|many)\s+)?(?:regards|wishes|thanks)|yours\s+(?:sincerely|faithfully)|"
    r"mit\s+freundlichen\s+grüßen|cordialement|saludos(?:\s+cordiales)?|met\s+vriendelijke\s+groet(?:en)?)"
    r"(?P<rest>)\s*[,.!]?$",
    re.IGNORECASE,
)
"""An email's sign-off, the signature with the sender's channels under it ("Kind regards,")."""


def contact_heading(s: str) -> re.Match[str] | None:
    """A contact heading ("Media contact:", "Rückfragen & Kontakt:", "For interviews with Dr X please contact:"), or
    an email's sign-off above its signature ("Kind regards,")."""
    return CONTACT_HEADING_RX.match(s) or _CONTACT_LEAD_RX.match(s) or _SIGN_OFF_RX.match(s)


NOTES_RX = re.compile(
    r"^(?:notes?\s+(?:to|for)\s+(?:the\s+)?editors?|editors?['’]?s?['’]?\s+notes?|"
    r"background(?:\s+information)?|hinweise?\s+(?:für|an)\s+(?:die\s+)?redaktion(?:en)?|journal|doi|"
    r"funder|article\s+title|method\s+of\s+research|notes?|noot\s+voor\s+de\s+redactie(?:,?\s+niet\s+voor\s+publicatie)?|"
    r"note?\s+(?:aux|à\s+l'attention\s+des)\s+rédactions?|nota\s+per\s+(?:la\s+)?redazion[ei]|notas?\s+para\s+(?:los\s+)?"
    r"(?:editores|redactores))\s*:?$",
    re.IGNORECASE,
)
ABOUT_RX = re.compile(r"^(?:about|über|à\s+propos\s+d[eu']\s*|acerca\s+de|sobre)\s*(?P<org>\S.{0,70})$", re.IGNORECASE)
EXPERT_HEADING_RX = re.compile(
    r"^(?:(?:spokespeople|spokespersons?|experts?|interviewees|academics|researchers|speakers|interview\s+contacts?|"
    r"sources?|(?:scientific|science|academic|research|technical|expert)\s+contacts?)"
    r"(?:\s+(?:are\s+)?available)?(?:\s+(?:for|to)\s+(?:interviews?|comment|speak|media)"
    r"(?:\s+(?:and|or)\s+(?:interviews?|comment))?)?|"
    r"available\s+(?:for|to)\s+(?:interviews?|comment)(?:\s+(?:and|or)\s+(?:interviews?|comment))?"
    r"|for\s+interview|who|interviewpartner(?:innen)?|ansprechpartner(?:innen)?\s+für\s+interviews|"
    r"interview\s+opportunit(?:y|ies)|(?:experts?|spokespeople)\s+for\s+interview)"
    r"\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)


@dataclass
class Layout:
    """Where the parts of a release are: line numbers, the title, the dateline and what the header said."""

    lines: list[str]
    title: str
    title_idx: int
    body_start: int
    body_end: int
    dateline: Dateline | None = None
    header_dates: list[tuple[dt.date, str | None]] = field(default_factory=list)
    header_orgs: list[str] = field(default_factory=list)


def is_section_start(s: str) -> bool:
    """Return True for headings that close the body (notes, contacts, about)."""
    if not s:
        return False
    if NOTES_RX.match(s) or contact_heading(s):
        return True
    return bool(ABOUT_RX.match(s) and not re.search(r"[.!?]$", s) and len(s.split()) <= 10)


def _embargo_value(lines: list[str], i: int) -> bool:
    """Return True when line i continues an "EMBARGOED UNTIL:" line above it."""
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    m = EMBARGO_RX.match(clean_line(lines[j])) if j >= 0 else None
    return bool(m and not m.group("rest").strip() and re.search(r"\d", lines[i]))


_PRESS_UNIT_RX = re.compile(
    r"\b(?:press|public\s+affairs|media\s+relations|communications|information\s+bureau)\b", re.IGNORECASE
)
"""A letterhead line naming the press office under its organisation ("Office of Public Affairs"): not the issuer."""


class _Header:
    """What the lines before and around the title say."""

    def __init__(self, lines: list[str], month_first: bool) -> None:
        self.lines, self.month_first = lines, month_first
        self.dates: list[tuple[dt.date, str | None]] = []
        self.orgs: list[str] = []
        self.before_title = True

    def skip(self, i: int) -> int:
        """How many lines from i are header furniture (0 when line i is not)."""
        lines = self.lines
        s = clean_line(lines[i])
        if not s or MARKER_RX.match(s) or EMBARGO_RX.match(s) or is_ends(s) or _embargo_value(lines, i):
            return 1
        if release_time(s):
            return 1
        found = date_line(s, month_first=self.month_first)
        if found:
            self.dates.append(found)
            return 1
        issued = re.match(r"^from\s*:\s*(?P<rest>\S.*)$", s, re.IGNORECASE)
        if issued:
            parts = re.split(r"\s*(?:,|;|\band\b)\s*", issued.group("rest"))
            self.orgs += [p.strip(" .") for p in parts if looks_org(p) and not _HON_PERSON_RX.match(p)]
            return 1
        marked = _ORG_MARKER_RX.match(s)
        if marked and looks_org(marked.group("org") or marked.group("from")):
            self.orgs.append(marked.group("org") or nominative_org(marked.group("from"), frozenset()))
            return 1
        if self.before_title and self._people_header(i):
            return 1
        if self.before_title and letterhead(s) and self._more_header_after(i):
            above = clean_line(lines[i - 1]) if i else ""
            if not (above and letterhead(above)):
                self.orgs.append(s)
            elif self.orgs and not _PRESS_UNIT_RX.search(s):
                self.orgs[-1] = s  # "Press Information Bureau / Government of India / Ministry of …": the last
            return 1
        meta = META_RX.match(s)
        if meta:
            org = meta.group("rest").strip()
            dated = find_date(org, month_first=self.month_first)
            if dated and re.match(r"^(?:posted|published|issued|released|date|datum|dated|dato|data)\b", s, re.I):
                self.dates.append((dated[0], None))
                return 1
            if re.match(r"^news\s+provided", s, re.IGNORECASE) and not org and i + 1 < len(lines):
                self.orgs.append(clean_line(lines[i + 1]))
                return 2
            if org and re.match(r"^(?:submitted|issued|distributed|released)", s, re.IGNORECASE):
                self.orgs.append(org)
            return 1
        if contact_heading(s) and not re.match(r"^weitere", s, re.IGNORECASE):
            j = i
            while j < len(lines) and lines[j].strip():
                j += 1
            return j - i
        return 0

    def _people_header(self, i: int) -> bool:
        """A minister's name line ("The Hon. Jane Roe MP") or the office line under it."""
        s = clean_line(self.lines[i])
        if _HON_PERSON_RX.match(s):
            return True
        above = clean_line(self.lines[i - 1]) if i else ""
        return bool(above and _HON_PERSON_RX.match(above) and len(s.split()) <= 10 and has_title_word(s))

    def _more_header_after(self, i: int) -> bool:
        """Return True when a headline-like line still follows line i before the first paragraph of prose."""
        for raw in self.lines[i + 1 : i + 12]:
            s = clean_line(raw)
            if not s:
                continue
            if len(s) > 200:
                return False
            if not re.search(r"[.!?]$", s):
                return True
        return False


def layout(text: str, *, month_first: bool = False) -> Layout:
    """Find the title, header lines, dateline and the body's line range."""
    lines = text.split("\n")
    n = len(lines)
    header = _Header(lines, month_first)
    i = 0
    while i < n and (step := header.skip(i)):
        i += step
    if i >= n:
        raise ReleaseParseError("No title line found: a release must have a headline before its body text.")
    title_idx = i
    header.before_title = False
    title = clean_line(lines[i])
    dated = dateline(title, month_first=month_first)
    if len(title) > 250 or (dated and len(dated.rest.split()) >= 3):
        raise ReleaseParseError("No title line found: the release starts with body text instead of a headline.")
    i += 1
    while i < n and lines[i].strip() and len(title) < 200:
        nxt = clean_line(lines[i])
        joins = re.search(r"\b(?:and|or|of|to|in|for|the|a|an|with|on|at|as|by|from|und)$", title)
        if not nxt or not (nxt[0].islower() or joins) or len(nxt) > 120 or dateline(nxt):
            break
        title = f"{title} {nxt}"
        i += 1
    while i < n and lines[i].strip():
        nxt = lines[i].strip()
        dl = dateline(nxt, month_first=month_first)
        if len(nxt) > 200 or (dl and len(dl.rest.split()) >= 3):
            break
        i += 1
    subtitles = 0
    while i < n:
        s = clean_line(lines[i])
        if not s:
            i += 1
            continue
        step = header.skip(i)
        if step:
            i += step
            continue
        end = i
        while end < n and lines[end].strip():
            end += 1
        para = " ".join(x.strip() for x in lines[i:end])
        if (
            subtitles < 3
            and end - i == 1
            and len(para) <= 200
            and not re.search(r"[.!?:]$", para)
            and not dateline(para, month_first=month_first)
            and not is_ends(para)
            and not EXPERT_HEADING_RX.match(s)
            and not is_section_start(s)
            and any(x.strip() for x in lines[end:])
        ):
            if looks_org(para) and len(para.split()) <= 8 and not re.search(r"\d", para):
                header.orgs.append(para)
            subtitles += 1
            i = end
            continue
        break
    body_start = i
    found = dateline(lines[body_start].strip(), month_first=month_first) if body_start < n else None
    body_end = next(
        (j for j in range(body_start, n) if is_section_start(clean_line(lines[j])) or is_ends(lines[j])),
        n,
    )
    return Layout(lines, title, title_idx, body_start, body_end, found, header.dates, header.orgs)
