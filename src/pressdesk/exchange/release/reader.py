"""Read a press release's text: layout, region and zone, date and embargo, press contacts, experts and issuer."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from zoneinfo import ZoneInfo

from pressdesk.exchange.release.channels import EMAIL_RX, URL_RX, deobfuscate
from pressdesk.exchange.release.contacts import ContactDraft, contact_blocks, read_block, sentence_contacts
from pressdesk.exchange.release.dates import date_line, embargo_text, parse_embargo
from pressdesk.exchange.release.experts import find_experts
from pressdesk.exchange.release.layout import ABOUT_RX, Layout, contact_heading, layout
from pressdesk.exchange.release.model import ParsedContact, ParsedRelease, ReleaseParseError
from pressdesk.exchange.release.places import REGION_ZONES, place_region, regions_named
from pressdesk.exchange.release.vocab import (
    BULLET_RX,
    COURTESY_RX,
    PRESS_ROLE_RX,
    UP,
    clean_line,
    ends_with_title,
    has_title_word,
    looks_org,
)
from pressdesk.validation.release_phones import (
    find_phone_numbers,
    is_known_region,
    region_for_email_domain,
    region_for_number,
)

__all__ = ["parse_release"]

_ORG_WORD = rf"[{UP}](?:[\w&'’-]|/(?=[{UP}]))*"  # "A/S" is one word
_ORG_JOIN = r"(?:(?:of|for|and|&|on|the|für|de|del|der)[ \t]+)?"
# A name starts where a word starts: from inside a long word ("GMTGMT…") every capital was a start, each re-reading
# the rest of the word (quadratic).
_ORG = rf"(?:[Tt]he[ \t]+)?(?P<org>(?<![\w&'’-]){_ORG_WORD}(?:[ \t]+{_ORG_JOIN}{_ORG_WORD}){{0,7}})"
_ISSUER_RXS = (
    re.compile(r"^(?:SOURCE\s+|Source\s*:[ \t]*(?=\S.*\b(?:Inc|Ltd|LLC|Corp|plc|GmbH|AG)\b))(?P<org>\S.{1,80})$", re.M),
    re.compile(rf"\b(?:released|published|issued|presented|announced)\s+(?:today\s+)?by\s+{_ORG}"),
    re.compile(
        rf"\b(?:report|study|survey|analysis|research|figures|data|findings|poll|review|modell?ing|audit|paper)\s+"
        rf"(?:from|by|(?:led|carried\s+out|conducted|run)\s+by)\s+{_ORG}"
    ),
    re.compile(rf"(?:^|\n\n){_ORG},?[ \t]+(?:announced|said|reports|has|today|will|handed)\b", re.MULTILINE),
    re.compile(
        rf"\b(?i:researchers|scientists|economists|engineers|a\s+team|team|rangers|volunteers|staff)\s+(?:at|from)\s+"
        rf"{_ORG}"
    ),
    re.compile(rf",\s+{_ORG}\s+(?:announced|said)\s+today"),
    re.compile(rf"\b(?:teilt|teilte)\s+(?:heute\s+)?(?:das|die|der)\s+{_ORG}\s+mit\b"),
    re.compile(  # "Une équipe de l'Observatoire des eaux alpines a mesuré": French names run on in lower case
        r"\b(?i:une\s+équipe|des\s+chercheurs|les\s+chercheurs|des\s+scientifiques)\s+(?:de\s+l['’]|du\s+|de\s+la\s+|de\s+)"
        rf"(?P<org>[{UP}][\w'’-]+(?:\s+[\w'’-]+){{0,6}}?)\s+(?:a|ont|vient|viennent)\s"
    ),
)
_ON_BEHALF_RX = re.compile(rf"\b(?i:issued|sent|distributed|released)\s+on\s+behalf\s+of\s+{_ORG}")
"""An agency's line naming whom it issues the release for: that client is the issuer."""
_SAID_ORG_RX = re.compile(
    rf"(?:^|\n\n){_ORG}[ \t]+[^.\n]{{0,300}}?,[ \t]+the[ \t]+(?:company|firm|charity|council|trust|group|"
    r"organi[sz]ation|university|agency|business)[ \t]+(?:said|announced|says)\b"
)
"""A paragraph that opens with its organisation and calls it "the company" by the end of the sentence: the
organisation is its issuer even when its name has no word like "Ltd" ("Halden Water will …, the company said")."""
_LIKE_ORG_RX = re.compile(
    rf"{_ORG},\s+(?:the|a|an)\s+[^,.]{{0,60}}?\b(?:charity|organisation|organization|trust|"
    r"company|group|campaign|foundation|network|union|think\s+tank)\b"
)


_LANGUAGE_CUES = (
    ("DE", 4, re.compile(r"\b(?:Pressemitteilung|Presseinformation|Sperrfrist|Uhr)\b")),
    ("DE", 2, re.compile(r"\bPressekontakt\b")),  # also Danish and Norwegian: weaker than their own words
    ("DK", 4, re.compile(r"\b(?:Pressemeddelelse|Yderligere\s+oplysninger|siger|Tlf)\b", re.IGNORECASE)),
    ("NO", 4, re.compile(r"\b(?:Pressemelding|For\s+mer\s+informasjon|sier)\b", re.IGNORECASE)),
    ("SE", 4, re.compile(r"\b(?:Pressmeddelande|För\s+mer\s+information|säger|Presskontakt)\b", re.IGNORECASE)),
    ("FI", 4, re.compile(r"\b(?:Tiedote|Lehdistötiedote|Lisätietoja|sanoo|puh)\b", re.IGNORECASE)),
    ("PL", 4, re.compile(r"\b(?:Komunikat\s+prasowy|Informacja\s+prasowa|Więcej\s+informacji|mówi)\b", re.IGNORECASE)),
)
"""Words a country's releases use (press-release headings, contact headings, "says"), each with its weight as a clue
to the release's country."""


def _normalise_text(text: str) -> str:
    """One kind of newline and space, no BOM, "((0)1223)" as "(0)1223", obfuscated addresses written plainly."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    for ch in ("\u00a0", "\u2009", "\u202f", "\u2007"):
        text = text.replace(ch, " ")
    text = text.replace("\u2010", "-").replace("\u2011", "-")
    text = re.sub(r"\(\(0\)\s*(\d{2,5})\)", r"(0)\1", text)
    text = deobfuscate(text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def _unwrap(text: str) -> str:
    """Join hard-wrapped prose lines with spaces, keeping every character offset unchanged."""
    out = list(text)
    pos = 0
    for para in re.split(r"(\n[ \t]*\n)", text):
        lines = para.split("\n")
        wrapped = len(lines) > 1 and all(len(ln.strip()) >= 45 and not BULLET_RX.match(ln) for ln in lines[:-1])
        if wrapped:
            offset = pos
            for ln in lines[:-1]:
                offset += len(ln)
                out[offset] = " "
                offset += 1
        pos += len(para)
    return "".join(out)


def _place(lay: Layout) -> str | None:
    """The dateline's place, or the place of a date line in the header."""
    if lay.dateline and lay.dateline.place:
        return lay.dateline.place
    return next((place for _d, place in lay.header_dates if place), None)


def _labelled_date(lines: list[str], *, month_first: bool) -> dt.date | None:
    """A "Published 12 June 2025" (or Date:, Issued, Posted) line anywhere above the notes and contacts."""
    for line in lines:
        s = clean_line(line)
        if re.match(r"^(?:published|date|dated|issued|posted|updated|datum)\b", s, re.IGNORECASE):
            found = date_line(s, month_first=month_first)
            if found:
                return found[0]
    return None


def _detect_region(text: str, place: str | None, default_region: str) -> tuple[str, str | None]:
    """Score the release's region from dateline, numbers, domains and language; (region, dateline zone)."""
    score: Counter[str] = Counter({default_region: 0.5})
    where = place_region(place) if place else None
    if where:
        score[where[0]] += 5
    for named, count in regions_named(text).items():
        score[named] += min(count, 3) * 0.5
    for e164 in {v for _s, _e, v in find_phone_numbers(text, None)}:
        region = region_for_number(e164)
        if region:
            score[region] += 2
    if re.search(r"(?<![\d+])\(\d{3}\)\s*\d{3}[-.\s]\d{4}\b|\b\d{3}-\d{3}-\d{4}\b", text):
        score["US"] += 1.5
    domains = {m.group(0).rsplit("@", 1)[-1].lower() for m in EMAIL_RX.finditer(text)}
    domains |= {
        re.sub(r"^(?:https?://)?(?:www\.)?", "", m.group(0).lower()).split("/")[0] for m in URL_RX.finditer(text)
    }
    for domain in domains:
        region = region_for_email_domain(domain)
        if region:
            score[region] += 1 if domain.endswith((".gov", ".edu", ".mil")) else 2
    for lang_region, weight, cue in _LANGUAGE_CUES:
        if cue.search(text):
            score[lang_region] += weight
    best = max(score.items(), key=lambda kv: (kv[1], kv[0] == default_region))[0]
    return best, (where[1] if where and where[0] == best else None)


def _orgs_named(text: str) -> list[str]:
    """Organisations a release names in "About X" headings, "SOURCE X" and "X, the ... charity"."""
    found = []
    for line in text.split("\n"):
        m = ABOUT_RX.match(clean_line(line))
        if m and not re.search(r"[.!?]$", line.strip()) and len(line.split()) <= 10:
            found.append(m.group("org").strip(" :"))
    found += [m.group("org").strip() for m in _ISSUER_RXS[0].finditer(text)]
    found += [m.group("org").strip() for m in _LIKE_ORG_RX.finditer(text) if len(m.group("org").split()) >= 2]
    return list(dict.fromkeys(found))


_LEGAL_FORM_TAIL = r",?[ \t]+(?:(?:Pte|Pty|Co)\.?,?[ \t]+)?(?:Ltd|Inc|LLC|Corp|GmbH|AG|plc|PLC|S\.A)\b\.?"
_LEGAL_FORM_RX = re.compile(
    r",?\s+(?:Co\.,?\s+Ltd|Ltd|Inc|LLC|Corp|GmbH|AG|plc|PLC|Pty\s+Ltd|Pte\.?\s+Ltd|S\.A|AB|ASA|A/S|ApS|AS|Oy|Oyj|Lda|Ltda|"
    r"Sp\.\s+z\s+o\.o|S\.p\.A)\.?$"
)


def _with_legal_form(org: str, text: str) -> str:
    """An organisation's name with the legal form the release writes it with elsewhere ("Lumen Grid Pte. Ltd.")."""
    m = re.search(rf"\b{re.escape(org)}{_LEGAL_FORM_TAIL}", text)
    return m.group(0) if m else org


def _issuer(text: str, body: str, header: list[str], contacts: list[ContactDraft]) -> list[str]:
    """Who issued the release: header, SOURCE or About names, else the contacts' organisations, else the body's."""
    sources = [m.group("org").strip() for m in _ISSUER_RXS[0].finditer(text)]
    sources += [m.group("org").strip() for m in _ON_BEHALF_RX.finditer(text)]
    named = list(dict.fromkeys(header + sources)) or _orgs_named(text)
    if named:
        return named
    from_contacts = list(dict.fromkeys(c.client or c.organisation for c in contacts if c.client or c.organisation))
    if from_contacts:
        return [_with_legal_form(org, text) for org in from_contacts]
    for rx in _ISSUER_RXS[1:]:
        for m in rx.finditer(body):
            org = re.sub(r"['’]s$", "", m.group("org").strip(" ."))
            named = rx is _ISSUER_RXS[1] and re.search(r"\s(?:for|of|and)\s", org)  # "announced by Transport for NSW"
            if (looks_org(org) or named) and len(org.split()) >= 2:
                return [org]
    said = _SAID_ORG_RX.search(body)
    return [said.group("org").strip(" .")] if said else []


def _is_press(d: ContactDraft) -> bool:
    """A contact block's person is a press contact unless named with a non-press title or as an academic."""
    role = d.role or ""
    if re.search(r"\binvestors?\b", role, re.IGNORECASE):
        return True
    if PRESS_ROLE_RX.search(role) or PRESS_ROLE_RX.search(d.organisation or ""):
        return True
    if any(PRESS_ROLE_RX.search(e.split("@")[0]) for e in d.emails):
        return True
    titled = role and (has_title_word(role) or ends_with_title(role))  # "Toimitusjohtaja": a compound title
    academic = d.honorific and not COURTESY_RX.match(d.honorific)  # "Mr Kenneth Cheung" is no academic
    return not (titled or academic)


def _expand_org(short: str | None, known: list[str]) -> str | None:
    """A one-word affiliation ("the Trust") as the organisation the release names in full ("Island Seabird Trust")."""
    if not short or len(short.split()) > 1:
        return short
    full = next((k for k in known if len(k.split()) > 1 and k.split()[-1].lower() == short.lower()), None)
    full = full or next((k for k in known if len(k.split()) > 1 and k.split()[0].lower() == short.lower()), None)
    return full or short


def _first_seen(text: str, name: str) -> int:
    """Where a name (or its surname) first appears, to list people in the order the release names them."""
    for probe in (name, name.split()[-1]):
        at = text.find(probe)
        if at >= 0:
            return at
    return len(text)


def _merge(drafts: list[ContactDraft]) -> list[ContactDraft]:
    """One contact per person (or per unnamed address)."""
    merged: list[ContactDraft] = []
    for d in drafts:
        twin = next(
            (
                m
                for m in merged
                if (d.name and m.name and d.name.lower() == m.name.lower())
                or ((not d.name or not m.name) and set(d.emails) & set(m.emails))
            ),
            None,
        )
        if twin is None:
            merged.append(d)
            continue
        twin.name = twin.name or d.name
        twin.organisation = twin.organisation or d.organisation
        twin.role = twin.role or d.role
        twin.emails += [e for e in d.emails if e not in twin.emails]
        twin.phones += [p for p in d.phones if p not in twin.phones]
        twin.labels = d.labels | twin.labels
    return merged


def parse_release(text: str, *, default_region: str = "GB", default_tz: str = "Europe/London") -> ParsedRelease:
    """Parse press-release text; national phone numbers take their person's, the dateline's or the desk's region."""
    if text is None or not text.strip():
        raise ReleaseParseError("The release text is empty.")
    try:
        ZoneInfo(default_tz)
    except (ValueError, KeyError) as exc:
        raise ValueError(f"Unknown time zone {default_tz!r}.") from exc
    default_region = default_region.upper() if is_known_region(default_region) else "GB"
    text = _normalise_text(text)
    warnings: list[str] = []
    lay = layout(text, month_first=default_region == "US")
    lines = lay.lines
    place = _place(lay)
    region, dateline_zone = _detect_region(text, place, default_region)
    tz_name = dateline_zone or (default_tz if region == default_region else REGION_ZONES.get(region, default_tz))

    release_date = lay.dateline.date if lay.dateline else None
    release_date = release_date or next((d for d, _p in lay.header_dates), None)
    if release_date is None:
        release_date = _labelled_date(lines[: lay.body_end], month_first=default_region == "US")
    if release_date is None:
        footer = re.search(r"OTS-ORIGINALTEXT.*\|\s*(?P<d>[^|]+)$", text, re.MULTILINE)
        from pressdesk.validation.when_text import find_date

        found = find_date(footer.group("d")) if footer else None
        release_date = found[0] if found else None
    embargo = zone = None
    words = embargo_text(lines)
    if words:
        read = parse_embargo(words, release_date, tz_name, warnings, month_first=region == "US")
        if read:
            embargo, zone = read.moment, read.zone
            release_date = release_date or embargo.astimezone(ZoneInfo(tz_name)).date()
    if release_date is None:
        warnings.append("No release date found.")

    body_lines = lines[lay.body_start : lay.body_end]
    after_dateline = contact_heading(lay.dateline.rest) if lay.dateline is not None else None
    if body_lines and lay.dateline is not None:
        body_lines = [lay.dateline.rest, *body_lines[1:]] if not after_dateline else body_lines[1:]
    body = "\n".join(body_lines).strip()

    fallbacks = [r for r in ((place_region(place) or (None,))[0] if place else None, region, default_region) if r]
    orgs = frozenset(o.lower() for o in _orgs_named(text))
    drafts: list[ContactDraft] = []
    skip: list[tuple[int, int]] = []
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for start, end, block in contact_blocks(lines, lay.title_idx):
        skip.append((offsets[start], offsets[min(end, len(lines))]))
        drafts.extend(read_block(block, fallbacks, orgs, warnings))
    if after_dateline:  # "NASHVILLE, Tenn., March 12, 2026 -- Contact: Renee Alvarado, …": a wire's contact line
        skip.append((offsets[lay.body_start], offsets[lay.body_start + 1]))
        drafts.extend(read_block(after_dateline.group("rest") or "", fallbacks, orgs, warnings))
    prose = _unwrap(text)
    span = (offsets[lay.body_start], offsets[min(lay.body_end, len(lines))])
    drafts.extend(sentence_contacts(prose, skip, span, fallbacks, orgs, warnings))
    drafts = _merge(drafts)
    press = [d for d in drafts if not d.name or _is_press(d)]
    listed = [d for d in drafts if d not in press]
    prose_body = _unwrap(body)
    below_title = _unwrap("\n".join(lines[lay.title_idx + 1 : lay.body_start])) + "\n\n" + prose_body
    issuer = _issuer(text, below_title, lay.header_orgs, press) or _issuer(text, below_title, lay.header_orgs, listed)

    issuers = {
        _LEGAL_FORM_RX.sub("", o).lower() for o in issuer
    }  # "Kaminari Robotics Co., Ltd." as "kaminari robotics"
    experts = find_experts(text, prose, orgs | issuers, {d.name.lower() for d in press if d.name}, fallbacks, warnings)
    for d in listed:
        draft = experts.get(d.name.lower())
        if draft is None:
            from pressdesk.exchange.release.experts import ExpertDraft

            draft = experts[d.name.lower()] = ExpertDraft(d.name, d.honorific, "listed", d.role, d.organisation)
        draft.affiliation = draft.affiliation or d.organisation
        draft.title = draft.title or d.role
        draft.email = draft.email or (d.emails[0] if d.emails else None)
        draft.phones += [p for p in d.phones if p not in draft.phones]
    known = [*issuer, *(d.organisation for d in press if d.organisation)]
    for draft in experts.values():
        draft.affiliation = _expand_org(draft.affiliation, known)
    for d in press:
        if not d.name and not d.organisation and issuer:
            d.organisation = issuer[0]
    contacts = [
        ParsedContact(
            d.name,
            d.organisation,
            d.emails[0] if d.emails else None,
            tuple(d.phones),
            d.role,
            tuple((p, d.labels[p]) for p in d.phones if p in d.labels),
        )
        for d in press
    ]
    if not contacts:
        warnings.append("No press contacts found.")
    return ParsedRelease(
        title=lay.title,
        date=release_date,
        embargo=embargo,
        experts=tuple(e.parsed() for e in sorted(experts.values(), key=lambda e: _first_seen(prose, e.name))),
        press_contacts=tuple(contacts),
        body=body,
        region=region,
        warnings=tuple(dict.fromkeys(warnings)),
        issuer=tuple(issuer),
        place=place,
        embargo_zone=zone,
    )
