"""Experts: people offered for interview, listed under a heading, or quoted as a study's author or spokesperson."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pressdesk.exchange.release.channels import emails_in, phones_in, regions_for
from pressdesk.exchange.release.layout import EXPERT_HEADING_RX, is_section_start
from pressdesk.exchange.release.model import SOURCES, ParsedExpert
from pressdesk.exchange.release.people import Mention, Role, people, person_at, role_after, role_before
from pressdesk.exchange.release.vocab import ABBREVIATIONS, COURTESY_RX, HON, POST_NOMINALS, UP, clean_line, is_ends

__all__ = ["ExpertDraft", "find_experts", "sentence_bounds"]

_OFFER_AFTER_RX = re.compile(
    r"\b(?:to\s+(?:speak|talk)\s+(?:to|with)|speak\s+(?:to|with)|"
    r"(?:to\s+)?(?:arrange\s+|request\s+|book\s+|schedule\s+|set\s+up\s+)?(?:an\s+)?interviews?\s+"
    r"(?:requests?\s+)?(?:with|for)|to\s+interview|interviews?\s+are\s+available\s+with|"
    r"interviews?\s+mit|gespräche?\s+mit)\b",
    re.IGNORECASE,
)
_OFFER_BEFORE_RX = re.compile(
    r"\b(?:(?:is|are)(?:\s+also)?|will(?:\s+also)?\s+be|would\s+be|(?:has|have)\s+been)\s+"
    r"(?:available|on\s+hand|happy|able)\s+(?:for|to)\s+(?:do\s+|give\s+|take\s+)?"
    r"(?:interviews?|comment|speak|talk|discuss|media|broadcast|brief)"
    r"|\b(?:steht|stehen)\s+(?:\S+\s+){0,3}?für\s+(?:Interviews?|Gespräche|Rückfragen|Auskünfte)"
    r"|\best(?:\s+disponible)\s+pour|\best[aá]\s+disponible\s+para|\bè\s+disponibile\s+per|\bis\s+beschikbaar\s+voor"
    r"|\b(?:está|estão)\s+disponíve(?:l|is)\s+para|\b(?:är|er)\s+(?:tillgänglig|tilgængelig|tilgjengelig)\s+(?:för|for)"
    r"|\bstiller\s+(?:gerne\s+)?op\s+til|\bon\s+käytettävissä|\bantaa\s+mielellään\s+haastatteluja"
    r"|\bjest\s+dostępn[aey]\s+(?:dla|do)",
    re.IGNORECASE,
)
_OFFER_WORDS_RX = re.compile(
    r"\b(?:available|arrange|request|contact|please|call|email|book|schedule|"
    r"Verfügung|Kontakt|vermitteln|möglich|for\s+interviews?)\b",
    re.IGNORECASE,
)
_PRONOUN_RX = re.compile(
    r"(?:He|She|They|Il|Elle|Er|Sie|Él|Ella|Lui|Lei|Hij|Zij|Ele|Ela|Han|Hon|Hun|Hän|On|Ona)\s", re.UNICODE
)
"""A sentence that opens with a person's pronoun: it speaks of the last person named before it."""
_SPAN_STOP_RX = re.compile(
    r"\b(?:contact|please|call|email|e-mail|ring|via|through|kontaktieren|wenden)\b|[;:\n]", re.IGNORECASE
)
_SPEECH = (
    r"(?:said|says|added|adds|explained|explains|commented|noted|notes|warned|warns|told|stressed|argued|"
    r"continued|concluded|sagt|sagte|erklärt|erklärte|betont|betonte|ergänzt|meint|so|explique|a\s+expliqué|"
    r"déclare|a\s+déclaré|souligne|affirme|a\s+affirmé|ajoute|précise|indique|estime|rappelle|ha\s+señalado|ha\s+explicado|afirma|señala|explica|dijo|declaró|explicó|afirmó|señaló|comentó|indicó|aseguró|agregó|añadió|"
    r"spiega|afferma|dichiara|sottolinea|commenta|ha\s+detto|zegt|zei|aldus|verklaart|vertelt|"
    r"diz|disse|acrescenta|sublinha|refere|explicou|afirmou|"  # Portuguese
    r"säger|sade|berättar|förklarar|konstaterar|siger|sagde|fortæller|forklarer|udtaler|sier|forteller|"
    r"uttaler|sanoo|sanoi|kertoo|toteaa|muistuttaa|mówi|powiedział|powiedziała|dodaje|wyjaśnia|podkreśla|zaznacza)"
)
_ACCORDING_RX = re.compile(
    r"\b(?:according\s+to|selon|según|secondo|volgens|laut|segundo|ifølge|enligt|mukaan|według)[ \t]+$", re.IGNORECASE
)
"""Words that attribute what follows to the person named next: "According to Dr Aroha Ngata, ..." is a quote."""
_CASE_STUDY_RX = re.compile(r"\s*,\s*(?:aged\s+)?\d{1,3}\s*,")
_SPEECH_BEFORE = re.compile(
    rf"\b{_SPEECH}[:,]?\s+(?:le\s+|la\s+|the\s+|el\s+|il\s+|o\s+|a\s+)?(?:[\w’'-]+\s+){{0,4}}$", re.IGNORECASE
)
_SPEECH_AFTER = re.compile(rf"^(?:[^.;:\"“”„«»\n]{{0,180}}?[,)])?\s+{_SPEECH}\b", re.IGNORECASE)


_SPEECH_THEN_RX = re.compile(rf"\b{_SPEECH}[ \t]+(?:(?:{HON}|[A-Z][a-z]+)[ \t]+)?$")
_THEN_SPEECH_RX = re.compile(rf"[ \t]+{_SPEECH}\b")


MOST_INTRODUCED = 50
"""Experts whose introduction in the text is looked for: each one is a pass over the whole text, and a release names a
handful (a pasted list of a thousand names took 10 s)."""


def _said_by_surname(text: str, surname: str) -> bool:
    """Return True when a speech verb goes with the surname alone: '…," said Secretary Moreno', 'Moreno said'."""
    for m in re.finditer(rf"\b{re.escape(surname)}\b", text):
        if _SPEECH_THEN_RX.search(text, max(0, m.start() - 120), m.start()) or _THEN_SPEECH_RX.match(text, m.end()):
            return True
    return False


@dataclass
class ExpertDraft:
    """An expert being gathered from several mentions."""

    name: str
    honorific: str | None
    source: str
    title: str | None = None
    affiliation: str | None = None
    email: str | None = None
    phones: list[str] = field(default_factory=list)

    def take(self, source: str, hon: str | None, role: Role | None) -> None:
        """Add what another mention says: a stronger source, a missing honorific, title or affiliation."""
        if SOURCES.index(source) < SOURCES.index(self.source):
            self.source = source
        self.honorific = self.honorific or hon
        if role:
            self.title = self.title or role[0]
            self.affiliation = self.affiliation or role[1]

    def parsed(self) -> ParsedExpert:
        """The frozen result."""
        return ParsedExpert(
            self.name, self.title, self.affiliation, self.honorific, self.source, self.email, tuple(self.phones)
        )


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Return the start and end of the sentence around pos, ignoring abbreviation dots."""
    start, end = 0, len(text)
    for m in re.finditer(rf"(?<=[.!?])[\"”’»)]?\s+(?=[\"“„‘«(–—-]?\s?[0-9{UP}])|\n\s*\n", text):
        before = text[: m.start()].rstrip('"”’»)')
        last = re.search(r"([\w.]+)[.!?]$", before)
        if (
            last
            and not re.search(r"\n\s*\n", m.group(0))
            and (last.group(1).lower() in ABBREVIATIONS or len(last.group(1)) == 1 or "." in last.group(1))
        ):
            continue
        if m.start() <= pos:
            start = m.end()
        else:
            end = m.start()
            break
    return start, end


class _Finder:
    """Gathers experts from one release."""

    def __init__(self, prose: str, orgs: frozenset[str], not_experts: set[str], fallbacks: list[str]) -> None:
        self.prose, self.orgs, self.not_experts, self.fallbacks = prose, orgs, not_experts, fallbacks
        self.mentions = people(prose, orgs)
        self.everyone = [(m.honorific, m.name) for m in self.mentions if len(m.name.split()) >= 2]
        self.drafts: dict[str, ExpertDraft] = {}
        self.first_honorific: dict[str, str] = {}  # a full name -> the first honorific it is given
        self.first_full: dict[str, tuple[str | None, str]] = {}  # a surname -> the first full name ending in it
        for other_hon, other in self.everyone:
            if other_hon:
                self.first_honorific.setdefault(other, other_hon)
            self.first_full.setdefault(other.split()[-1], (other_hon, other))

    def resolve(self, hon: str | None, name: str) -> tuple[str | None, str]:
        """Expand a surname-only mention ("Dr Giustozzi") to the full name used elsewhere."""
        if len(name.split()) >= 2:
            return (hon, name) if hon else (self.first_honorific.get(name), name)
        if name in self.first_full:
            other_hon, other = self.first_full[name]
            return hon or other_hon, other
        return hon, name

    def add(self, source: str, hon: str | None, name: str, role: Role | None = None) -> ExpertDraft | None:
        """Record a mention of an expert."""
        hon, name = self.resolve(hon, name)
        hon = None if hon and COURTESY_RX.match(hon) else hon
        if name.lower() in self.not_experts or name.lower() in self.orgs or (len(name.split()) < 2 and not hon):
            return None
        draft = self.drafts.get(name.lower())
        if draft is None:
            draft = self.drafts[name.lower()] = ExpertDraft(name=name, honorific=hon, source=source)
        draft.take(source, hon, role)
        return draft

    def listed(self, lines: list[str]) -> None:
        """People under a heading such as "Available for comment:" or "Interview contacts:"."""
        for i, raw in enumerate(lines):
            m = EXPERT_HEADING_RX.match(clean_line(raw))
            if not m:
                continue
            items = [x for x in re.split(r";\s*", m.group("rest")) if x.strip()]
            j = i + 1
            while j < len(lines) and (lines[j].strip() or not items) and j - i <= 40:
                s = clean_line(lines[j])
                if s:
                    if is_ends(lines[j]) or is_section_start(s) or re.match(r"^[A-Z]{2,}\s*:", s):
                        break
                    items.append(s)
                j += 1
            for item in self._people_items(items):
                self.listed_item(item)

    def _people_items(self, items: list[str]) -> list[str]:
        """Lines of a headed block grouped person by person: a line that starts with a name opens an item."""
        grouped: list[str] = []
        for item in items:
            if grouped and not person_at(item, 0, self.orgs):
                grouped[-1] = f"{grouped[-1]}, {item}"
            else:
                grouped.append(item)
        return grouped

    def listed_item(self, item: str) -> ExpertDraft | None:
        """One line of a headed block: a name, then its role after a comma or dash."""
        pm = person_at(item, 0, self.orgs)
        if not pm:
            return None
        rest = re.sub(r"^\s*[:–—-]\s+", ", ", item[pm.end :])
        rest = re.split(r"\s[–—-]\s|\s*[|]\s*", rest)[0]
        draft = self.add("listed", pm.honorific, pm.name, role_after(item[: pm.end] + rest, pm.end, self.orgs))
        if draft is not None:
            found: list[str] = []
            emails = emails_in(item, found)
            draft.email = draft.email or (emails[0][2] if emails else None)
            for phone in phones_in(item, regions_for(item, *self.fallbacks), found, [(s, e) for s, e, _ in emails]):
                if phone.e164 not in draft.phones:
                    draft.phones.append(phone.e164)
        return draft

    def offered(self) -> None:
        """People in a sentence that offers them for interview."""
        text = self.prose
        for m in _OFFER_AFTER_RX.finditer(text):
            s_start, s_end = sentence_bounds(text, m.start())
            plain = not re.match(r"to\s|arrange|request|book|schedule", m.group(0), re.IGNORECASE)
            if plain and not _OFFER_WORDS_RX.search(text, s_start, s_end):
                continue
            stop = _SPAN_STOP_RX.search(text, m.end(), s_end)
            for mention in people(text[m.end() : stop.start() if stop else s_end], self.orgs):
                self.add("offered", mention.honorific, mention.name)
        for m in _OFFER_BEFORE_RX.finditer(text):
            s_start, _end = sentence_bounds(text, m.start())
            mentions = people(text[s_start : m.start()], self.orgs) or self._surname_at(text, s_start)
            if not mentions and s_start > 0 and _PRONOUN_RX.match(text, s_start):
                p_start, _ = sentence_bounds(text, len(text[:s_start].rstrip()) - 1)
                mentions = people(text[p_start:s_start], self.orgs)[-1:]  # "She is available": the last one named
            for mention in mentions:
                self.add("offered", mention.honorific, mention.name)

    def _surname_at(self, text: str, start: int) -> list[Mention]:
        """A sentence that opens with the surname of someone named in full before: "Løvås er tilgjengelig for ..."."""
        for _hon, name in self.everyone:
            surname = name.split()[-1]
            if re.match(rf"{re.escape(surname)}(?![\w])", text[start:]):
                return [Mention(start, start + len(surname), None, name)]
        return []

    def quoted(self) -> None:
        """People a speech verb attributes words to: '..., said Jane Roe, chief scientist at X'."""
        text = self.prose
        public: set[str] = set()
        for mention in self.mentions:
            before = text[max(0, mention.start - 60) : mention.start]
            before = re.sub(rf"(?:{HON})[ \t]+$", "", before)
            if _CASE_STUDY_RX.match(text, mention.end):
                public.add(mention.name)  # "Eileen Marsh, 71, from Stockport": a member of the public
                continue
            said = _SPEECH_BEFORE.search(before) or _ACCORDING_RX.search(before)
            if said or _SPEECH_AFTER.match(text[mention.end : mention.end + 220]):
                self.add("quoted", mention.honorific, mention.name)
        said_of: dict[str, bool] = {}  # each surname looked for once: a line of one name repeated is many people
        for hon, name in self.everyone:
            if name.lower() in self.drafts or name in public:
                continue
            surname = name.split()[-1]
            if surname not in said_of:
                said_of[surname] = _said_by_surname(text, surname)
            if said_of[surname]:
                self.add("quoted", hon, name)  # "…," said Secretary Moreno.

    def introductions(self) -> None:
        """Titles and affiliations from where each expert is introduced in the text (the first MOST_INTRODUCED)."""
        text = self.prose
        for draft in list(self.drafts.values())[:MOST_INTRODUCED]:
            if draft.title and draft.affiliation:
                continue
            surname = re.escape(draft.name.split()[-1])
            full = r"\s+".join(re.escape(p) for p in draft.name.split())
            best: Role | None = None
            for rx in (full, rf"(?:{HON})\s+{surname}"):
                for mm in re.finditer(rf"(?<![\w]){rx}(?![\w]){POST_NOMINALS}*", text):
                    role = role_after(text, mm.end(), self.orgs)
                    before = role_before(text, mm.start())
                    if before and role and role[0]:
                        role = (role[0], role[1] or before[1])
                    elif before:
                        role = (before[0], (role[1] if role else None) or before[1])
                    if role and (best is None or (role[0] and role[1] and not (best[0] and best[1]))):
                        best = role
                    if best and best[0] and best[1]:
                        break
                if best and best[0] and best[1]:
                    break
            if best:
                draft.title = draft.title or best[0]
                draft.affiliation = draft.affiliation or best[1]


def find_experts(
    text: str, prose: str, orgs: frozenset[str], not_experts: set[str], fallbacks: list[str], warnings: list[str]
) -> dict[str, ExpertDraft]:
    """Experts offered, listed or quoted, with titles, affiliations and channels (keyed by lower-case name)."""
    finder = _Finder(prose, orgs, not_experts, fallbacks)
    finder.listed(text.split("\n"))
    finder.offered()
    finder.quoted()
    finder.introductions()
    for d in finder.drafts.values():
        if not d.title and not d.affiliation:
            warnings.append(f"No title or affiliation found for expert {d.name}.")
    return finder.drafts
