"""Press contacts: contact blocks read person by person, one-line and slash-joined contacts, and contact sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pressdesk.exchange.release.channels import URL_RX, emails_in, phones_in, regions_for
from pressdesk.exchange.release.experts import sentence_bounds
from pressdesk.exchange.release.layout import ABOUT_RX, EXPERT_HEADING_RX, NOTES_RX, contact_heading
from pressdesk.exchange.release.people import ORG_AFTER_NAME_RX, nominative_org, person_at
from pressdesk.exchange.release.vocab import (
    PRESS_ROLE_RX,
    UP,
    clean_line,
    ends_with_title,
    has_org_word,
    has_title_word,
    is_ends,
    looks_org,
)

__all__ = ["LEGAL_RX", "ContactDraft", "contact_blocks", "read_block", "sentence_contacts"]

_LABEL_RX = re.compile(
    r"^(?:tel(?:ephone)?|phone|ph|t|m|mob(?:ile)?|cell|direct(?:\s+(?:line|dial))?|did|ddi|dl|office|switchboard|fax|f|e-?mail|e|mél|mel|"
    r"courriel|correo|w|web(?:site)?|company\s+website|telefon|telefoon|mobil|mobiel|móvil|movil|cell(?:ulare)?|handy|twitter|x|linkedin|media|investors?|"
    r"telefone|tlf|tlm|telemóvel|cel|celular|puh|puhelin|kom|komórka|e-post|epost|sähköposti|gsm|mobiili|"
    r"investor\s+relations(?!\s*$)|contacts?|or|and|on|call|out\s+of\s+hours|24\s+hours|tél|teléfono|view\s+source\s+version|"
    r"whatsapp|signal|telegram|viber|hp|handphone|freephone|free\s*phone|toll[- ]free"
    r"(?:\s+on\s+\S+)?)\b(?:\s*[.:]\s*|\s*$|\s*/\s*(?=\w)|\s+(?=[\d+(\ue000]))",
    re.IGNORECASE,
)
_AGENCY_WORD_RX = re.compile(r"\b(?:PR|agency|consult\w*|communications|media)\b", re.IGNORECASE)
"""A word that names a PR agency: "Brightwave PR for Corvane Systems" is the agency, not an org cut at "for"."""
_DEPARTMENT_WORDS = frozenset(
    ["corporate", "public", "external", "internal", "global", "senior", "head", "team", "group", "relations", "affairs"]
)
_SPLIT_RX = re.compile(r"\s*(?:\n|\||•|·|;|,|\(|\)|\t|\s[–—-]\s|:\s)\s*")
_COMPANY_COMMA_RX = re.compile(r",(?=[ \t]*(?:Ltd|Inc|LLC|L\.L\.C|Co|Corp|S\.A|S\.L|Pty|PLC|plc|GmbH|AG|KK|K\.K)\b)")
"""The comma inside a company's name ("Kaminari Robotics Co., Ltd.", "Acme, Inc."): not between two pieces."""
_BRACKETED_DESK_RX = re.compile(
    r"(?<=\w)[ \t]*\(((?i:media|press|communications?|comms|pr|public\s+relations|information))\)", re.UNICODE
)
"""A press desk in brackets after a title ("Deputy Director (Media)"): part of the role, not a piece of its own."""
_UNIT_LINE_RX = re.compile(
    r"^(?:(?:media|press|news)\s+(?:office|relations|line|team|desk|officer)|assessoria\s+de\s+(?:imprensa|comunicação)(?:\s+social)?|"
    r"presstjänst(?:en)?|pressetjenesten|biuro\s+prasowe)$",
    re.IGNORECASE,
)
"""A contact heading that names the press office itself: the role of the unnamed line under it."""
LEGAL_RX = re.compile(
    r"\b(?:registered\s+(?:in\s+(?:england|scotland|wales|ireland)|office|charity|company|address)|"
    r"(?:company|charity|registration)\s+(?:number|no\b\.?)|"
    r"(?:this|the\s+information\s+in\s+this)\s+e-?mail\b.{0,60}\bconfidential|disclaimer\s*:)",
    re.IGNORECASE,
)
"""A legal footer's words: registered office, company number, an email's confidentiality notice."""
_SHARED_LINE_RX = re.compile(
    r"^\s*(?:out[- ]of[- ]hours|ooh|after[- ]hours|24[- ]hours?|switchboard|general\s+(?:enquiries|line)|"
    r"press\s+office|newsdesk|news\s+desk)\b",
    re.IGNORECASE,
)
_PRESS_LINE_RX = re.compile(r"\s+(?:press\s+office|media\s+(?:line|team|office|relations)|press\s+team)$", re.I)
_CONTACT_VERB_RX = re.compile(
    r"\b(?:please\s+)?contact(?:ing)?\b(?!\s*:)|\bwenden\s+Sie\s+sich\s+(?:bitte\s+)?an\b|"
    r"\b(?:call|ring|phone)\s+or\s+e-?mail\b|\be-?mail\s+or\s+call\b",
    re.IGNORECASE,
)
_PRESS_WORDS = re.compile(
    r"\b(?:media|press|journalists?|reporters?|interviews?|information|comment|enquiries|inquiries|presse|"
    r"rückfragen)\b|@",
    re.IGNORECASE,
)


@dataclass
class ContactDraft:
    """A press contact being read; several may share channels (slash-joined names)."""

    name: str | None = None
    honorific: str | None = None
    organisation: str | None = None
    role: str | None = None
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    client: str | None = None
    """The organisation an agency's contact speaks for ("Crescent Communications (for Lumen Grid)")."""
    office: str | None = None
    """The press office a line named before the person ("Media Relations: Jo Roe"): their role when none is given."""

    def empty(self) -> bool:
        """Nothing to keep."""
        return not (self.name or self.emails or self.phones)


def _piece_kind(piece: str) -> tuple[str, str | None]:
    """("org", text), ("role", text), ("org+role", org) or ("", None) for one piece of a contact block."""
    p = piece.strip(" .:")
    if not p:
        return "", None
    if (core := _BRACKETED_DESK_RX.sub("", p).strip()) != p:
        kind = _piece_kind(core)[0]  # "Deputy Director (Media)": the title decides, the desk stays with it
        return (kind, p) if kind else ("", None)
    if re.fullmatch(r"investor\s+relations|corporate\s+affairs", p, re.IGNORECASE):
        return "role", p
    agency = re.match(rf"^(?P<agency>.+?)\s+(?:for|on\s+behalf\s+of)\s+[{UP}]", p)
    named = [w for w in (agency.group("agency").split() if agency else []) if w[0].isupper() and not has_org_word(w)]
    named = [w for w in named if not PRESS_ROLE_RX.fullmatch(w)]
    agency_word = agency and _AGENCY_WORD_RX.search(agency.group("agency"))
    if agency_word and named and looks_org(agency.group("agency")) and not has_title_word(agency.group("agency")):
        return "org", agency.group("agency")  # "Brightwave PR for Corvane Systems"
    bare = PRESS_ROLE_RX.sub(" ", p)
    bare = re.sub(
        r"\b(?:office|team|desk|line|unit|department|abteilung|stelle|gabinete|ufficio|servicio|servizio|afdeling|"
        r"avdelning|avdeling|enhet|toimisto|yksikkö|biuro|dział|zespół|gabinet|núcleo|coordinación|coordenação|"
        r"dirección|direção|direction|oficina|gerencia|jefatura|"
        r"und|and|&|de|di|da|do)\b",
        " ",
        bare,
        flags=re.I,
    )
    proper = [
        w for w in re.findall(rf"[{UP}][\w-]+", bare) if w.lower() not in _DEPARTMENT_WORDS and not has_title_word(w)
    ]
    if PRESS_ROLE_RX.search(p) and not has_org_word(bare) and not proper:
        return "role", p
    if has_title_word(p) and not looks_org(p):
        return "role", p
    if not re.search(rf"[{UP}]", p):
        return "", None
    if _PRESS_LINE_RX.search(p) and looks_org(_PRESS_LINE_RX.sub("", p)):
        return "org", _PRESS_LINE_RX.sub("", p)
    if PRESS_ROLE_RX.search(p) and not has_org_word(PRESS_ROLE_RX.sub("", p)) and not proper:
        return "role", p
    if has_title_word(p) and not looks_org(p):
        return "role", p
    at = re.search(r"\s(?:at|bei|@)\s+", p)
    if at and has_title_word(p[: at.start()]):
        return "org", re.sub(r"^the\s+", "", p[at.end() :]).strip() or None
    if has_title_word(p) and p.split()[-1].lower().strip(".,") not in {"officer", "manager", "director"}:
        return "org", p
    if has_title_word(p):
        return "role", p
    return "org", p


_UNIT_WORD_RX = re.compile(
    r"^(?:presstjänst(?:en)?|pressetjeneste(?:n)?|presseafdeling(?:en)?|pressekontor(?:et)?|viestintä(?:yksikkö)?)$",
    re.IGNORECASE,
)
"""A press office named after its organisation ("Karolinska Institutets presstjänst")."""


def _unit_of_org(piece: str, orgs: frozenset[str]) -> tuple[str, str] | None:
    """(press unit, organisation) for "Divisão de Comunicação da Universidade de Coimbra", "Biuro Komunikacji
    Ministerstwa Klimatu" or "Karolinska Institutets presstjänst"; None for anything else."""
    p = piece.strip(" .:")
    found = p.split()
    if len(found) >= 2 and _UNIT_WORD_RX.match(found[-1]):
        owner = " ".join([*found[:-2], re.sub(r"s$", "", found[-2])])  # the Nordic genitive: "Institutets"
        if looks_org(owner):
            return found[-1][:1].upper() + found[-1][1:], nominative_org(owner, orgs)
    for k in range(1, len(found)):
        unit = re.sub(r"\s+(?:da|do|das|dos|de|of|at|for|the)$", "", " ".join(found[:k]), flags=re.IGNORECASE)
        rest = " ".join(found[k:])
        whole_org = k <= len(found) - 2 and looks_org(rest) and not has_org_word(unit)
        if whole_org and has_org_word(found[k]) and found[k][0].isupper() and PRESS_ROLE_RX.search(unit):
            return unit, nominative_org(rest, orgs)
    return None


def _names_unit(line: str, orgs: frozenset[str]) -> bool:
    """Return True for a line naming a press office, not a person or a channel ("Institutets presstjänst")."""
    text = _strip_label(line)
    if not text or person_at(text, 0, orgs):
        return False
    return _unit_of_org(text, orgs) is not None or _UNIT_LINE_RX.match(text) is not None


_LEADING_CONNECTIVES_RX = re.compile(r"^(?:(?:or|and|then|call|ring|phone|email|e-mail|contact|on|at|via)\s+)+")
"""Lower-case words that join a contact line written as a sentence, before the name they lead to."""
_HOURS_RX = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?(?:\s*[–-]\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)?|"
    r"\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?\s*[–-]\s*\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?|weekdays|office\s+hours)$",
    re.IGNORECASE,
)
"""Office hours written beside a number ("9am–5pm", "Mon–Fri"): no organisation, role or name."""


def _strip_label(piece: str) -> str:
    """A piece without its leading label words ("Tel:", "E-Mail:", "Media:")."""
    p = piece.strip(" \t|.:-")
    while True:
        q = _LABEL_RX.sub("", p, count=1) if _LABEL_RX.match(p) else p
        if q == p:
            break
        p = q.strip(" \t|.:/-")  # "WhatsApp / Signal:": two labels
    p = re.sub(r"(?:\s+(?:on|or|and|at|via|call|email|e-mail|tel|phone|ring|/))+\s*$", "", p, flags=re.I)
    if _HOURS_RX.match(p):
        return ""
    if not re.search(r"[^\W\d_]", p) or re.fullmatch(r"(?:or|and|on|call|email|e-mail|via|at|to)", p, re.I):
        return ""
    return p


def _titled_name(part: str, orgs: frozenset[str]) -> tuple[str | None, str, str] | None:
    """A name after its job title, as Nordic and Finnish blocks write them: "Presserådgiver Camilla Friis"."""
    lead = re.match(r"(?:[\w-]+\s+){1,3}?(?=[^\W\d_])", part)
    while lead:
        title = lead.group(0).strip()
        m = person_at(part, lead.end(), orgs)
        if ends_with_title(title) and m and not part[m.end :].strip(" .") and len(m.name.split()) >= 2:
            return m.honorific, m.name, title[:1].upper() + title[1:]
        lead = re.match(rf"{re.escape(lead.group(0))}[\w-]+\s+(?=[^\W\d_])", part) if len(title.split()) < 3 else None
    return None


def _names(piece: str, orgs: frozenset[str]) -> list[tuple[str | None, str, str | None]]:
    """The people a piece is: one name, or two joined by a slash ("Anna Beck/Jonas Roth"), each with a title
    written before it."""
    out: list[tuple[str | None, str, str | None]] = []
    if piece.isupper() and 2 <= len(piece.split()) <= 4 and re.fullmatch(r"[^\W\d_][\w .'’-]+", piece):
        piece = piece.title()  # "JANE SMITH": a name typed in capitals
    for part in re.split(r"\s*/\s*|\s+(?:and|und|&)\s+", piece.strip()):
        m = person_at(part, 0, orgs)
        if not m or part[m.end :].strip(" .") or len(m.name.split()) < 2:
            titled = _titled_name(part, orgs)
            if titled is None:
                return []
            out.append(titled)
            continue
        out.append((m.honorific, m.name, None))
    return out


_TABLE_HEAD_RX = re.compile(
    r"(?:name|contact|role|title|position|job\s+title|organi[sz]ation|company|phone|tel(?:ephone)?|mobile|e-?mail)",
    re.IGNORECASE,
)
_CELL_GAP_RX = re.compile(r"[ \t]{2,}|\t|[ \t]*\|[ \t]*")
_MD_RULE_RX = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$")
"""A Markdown table's rule under its header row ("|---|---|")."""
_MD_ROW_RX = re.compile(r"^[ \t]*\|[ \t]*|[ \t]*\|[ \t]*$")
"""The pipes that open and close a Markdown table's row."""


def _untable(text: str) -> str:
    """Contacts pasted as a table under a header row ("Name   Role   Phone   Email"): each row's cells one per line,
    the rows apart, as a block lists them."""
    lines = [_MD_ROW_RX.sub("", line) for line in text.split("\n") if not _MD_RULE_RX.match(line)]
    for at, line in enumerate(lines):
        head = _CELL_GAP_RX.split(line.strip())
        if len(head) < 3 or not all(_TABLE_HEAD_RX.fullmatch(cell.strip(" :")) for cell in head):
            continue
        rows = [_CELL_GAP_RX.split(row.strip()) for row in lines[at + 1 :] if row.strip()]
        if not rows or any(len(cells) != len(head) for cells in rows):
            return text
        return "\n".join([*lines[:at], "\n\n".join("\n".join(cells) for cells in rows)])
    return text


def _unstack_columns(text: str) -> str:
    """Contacts typed side by side (columns parted by three or more spaces or tabs), one column after the other."""
    rows = [re.split(r"[ \t]{3,}|\t+", line.strip()) for line in text.split("\n")]
    if sum(len(r) == 2 for r in rows) < 2 or any(len(r) > 2 for r in rows):
        return text
    left = [r[0] for r in rows]
    right = [r[1] for r in rows if len(r) == 2]
    return "\n".join(left) + "\n\n" + "\n".join(right)


def read_block(text: str, fallbacks: list[str], orgs: frozenset[str], warnings: list[str]) -> list[ContactDraft]:
    """Read one contact block (blank lines inside it allowed) into contacts, person by person."""
    text = _unstack_columns(_untable(text))
    drafts: list[ContactDraft] = []
    linked: list[ContactDraft] = []
    pending: dict[str, str] = {}
    first, _, rest = text.partition("\n")
    unit = _UNIT_LINE_RX.match(first.strip())
    heading = desk = unit.group(0) if unit else None
    text = rest if unit else text
    for group in re.split(r"\n\s*\n", text):
        head = group.strip().split("\n")[0]
        heads_group = bool(emails_in(group, [])) or bool(phones_in(group, fallbacks, []))
        if linked and (linked[0].emails or linked[0].phones) and heads_group and _names_unit(head, orgs):
            linked = []  # "Karolinska Institutets presstjänst" after a blank line: the press office's own block
        emails = emails_in(group, warnings)
        phones = phones_in(group, regions_for(group, *fallbacks), warnings, [(s, e) for s, e, _ in emails])
        spans = sorted(
            [(s, e, "email", v, None) for s, e, v in emails]
            + [(p.start, p.end, "phone", p.e164, p.label) for p in phones]
            + [(m.start(), m.end(), "url", "", None) for m in URL_RX.finditer(group)]
        )
        found: dict[str, tuple[str, str, str | None]] = {}
        parts, last = [], 0
        for idx, (start, end, kind, value, label) in enumerate(spans):
            if start < last:
                continue
            parts += [group[last:start], " " if kind == "url" else f"\ue000{idx}\ue001"]
            found[str(idx)] = (kind, value, label)
            last = end
        parts.append(group[last:])
        line_of_role = line_of_person = -1
        for line_no, line in enumerate("".join(parts).split("\n")):
            unit = _PRESS_LINE_RX.search(re.sub(r"\ue000\d+\ue001", " ", line).strip())
            desk = desk or (unit.group(0).strip() if unit else None)
            named = [d for d in drafts if d.name]
            if _SHARED_LINE_RX.match(line) and len(named) >= 2 and linked and (linked[0].phones or linked[0].emails):
                linked = [ContactDraft(role=desk)]  # a line shared by the people above: the press office's
                drafts.extend(linked)
            kept = _BRACKETED_DESK_RX.sub(" \ue003\\1\ue004", _COMPANY_COMMA_RX.sub("\ue002", line))
            for at, raw in enumerate(_SPLIT_RX.split(kept)):
                raw = raw.replace("\ue002", ",").replace("\ue003", "(").replace("\ue004", ")")
                piece = _strip_label(re.sub(r"\ue000\d+\ue001", " ", _strip_label(raw)))
                piece = _LEADING_CONNECTIVES_RX.sub("", piece)  # "… or call Jane Smith on …"
                names = _names(piece, orgs) if piece else []
                after_role = linked and linked[0].role and not linked[0].organisation and not linked[0].phones
                if names and at and after_role and line_no in (line_of_person, line_of_role):
                    names = []  # "Ben Hollis, Media Manager, Larder Link": after a name and a role, the organisation
                if names:
                    office = linked[0].role if linked and linked[0].empty() else None  # "Media Relations: Jo Roe"
                    linked = [ContactDraft(name=n, honorific=h, role=r) for h, n, r in names]
                    for d in linked:
                        d.organisation = pending.get("org")
                        d.role = d.role or pending.get("role")
                        d.office = office
                    pending = {}
                    drafts.extend(linked)
                    line_of_person = line_no
                elif client := re.match(rf"^(?:for|on\s+behalf\s+of)\s+(?=[{UP}])", piece):
                    for d in linked:
                        d.client = piece[client.end() :]  # "(for Lumen Grid)": whom the agency speaks for
                elif piece:
                    unit_of = _unit_of_org(piece, orgs)
                    parts = [("role", unit_of[0]), ("org", unit_of[1])] if unit_of else [_piece_kind(piece)]
                    for kind, value in parts:
                        cur = linked[0] if linked else None
                        if not value:
                            kind = ""
                        busy = cur is None or cur.emails or cur.phones
                        if kind == "role" and cur and busy and at == 0 and (unit_of or _UNIT_LINE_RX.match(value)):
                            linked = [ContactDraft(role=value)]  # "Presstjänst, 010-…": the press office's own line
                            drafts.extend(linked)
                        elif kind == "role" and cur and cur.role and line_no == line_of_role and not busy:
                            for d in linked:
                                d.role = f"{d.role}, {value}"
                        elif kind == "role" and cur and not cur.role and not busy:
                            for d in linked:
                                d.role = value
                            line_of_role = line_no
                        elif kind == "org" and cur and not busy:
                            for d in linked:
                                d.organisation = f"{d.organisation}, {value}" if d.organisation else value
                        elif kind:
                            pending.setdefault(kind, value)
                tokens = re.findall(r"\ue000(\d+)\ue001", raw)
                if tokens and not linked:
                    linked = [ContactDraft(organisation=pending.pop("org", None), role=pending.pop("role", None))]
                    drafts.extend(linked)
                kinds = [found[t] for t in tokens]
                phones_here = [v for k, v, _ in kinds if k == "phone"]
                for kind, value, label in kinds:
                    share = linked
                    if kind == "phone" and len(linked) > 1 and len(phones_here) == len(linked):
                        share = [linked[phones_here.index(value)]]
                    for d in share:
                        target = d.emails if kind == "email" else d.phones
                        if value not in target:
                            target.append(value)
                        if kind == "phone" and label:
                            d.labels[value] = label
    if pending.get("org") and linked and not linked[0].organisation:
        for d in linked:
            d.organisation = pending["org"]
    drafts = [d for d in drafts if not d.empty()]
    for d in drafts:
        d.role = d.role or d.office or heading
    _match_emails_to_names(drafts)
    holders = [d for d in drafts if d.organisation]
    if len({d.organisation for d in holders}) == 1:
        domains = {e.rsplit("@", 1)[-1] for d in holders for e in d.emails}
        for d in drafts:
            mine = {e.rsplit("@", 1)[-1] for e in d.emails}
            if not d.organisation and (not mine or not domains or mine & domains):
                d.organisation = holders[0].organisation
    return drafts


def _fold(text: str) -> str:
    """Lower-case text without accents."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _email_fits(email: str, name: str | None) -> bool:
    """Return True when an address's local part contains part of the person's name."""
    local = _fold(email.split("@")[0])
    return bool(name) and any(len(p) >= 3 and p in local for p in _fold(name).replace("'", "").split())


def _match_emails_to_names(drafts: list[ContactDraft]) -> None:
    """Move an address listed beside the wrong person to the person it is named after."""
    for draft in drafts:
        for email in list(draft.emails):
            if _email_fits(email, draft.name):
                continue
            owner = next((d for d in drafts if d is not draft and _email_fits(email, d.name)), None)
            if owner is not None:
                draft.emails.remove(email)
                owner.emails.append(email)


def contact_blocks(lines: list[str], title_idx: int = 0) -> list[tuple[int, int, str]]:
    """Contact-heading blocks: (first line, end line, the block's text after its heading); one above the title
    ends at its first blank line."""
    blocks = []
    i, n = 0, len(lines)
    while i < n:
        s = clean_line(lines[i])
        m = contact_heading(s) if s else None
        if not m:
            i += 1
            continue
        inline_unit = m.group("rest") and _UNIT_LINE_RX.match(s.split(":", 1)[0].strip())  # "Media Relations: Jo Roe"
        body = [s if _UNIT_LINE_RX.match(s) else (m.group("rest") or "").strip()]
        if inline_unit:
            body = [s.split(":", 1)[0].strip(), m.group("rest").strip()]
        j = i + 1
        while j < n:
            raw = lines[j].strip()
            cs = clean_line(raw)
            if raw and (is_ends(raw) or NOTES_RX.match(cs) or contact_heading(cs) or EXPERT_HEADING_RX.match(cs)):
                break
            if raw and ABOUT_RX.match(cs) and not re.search(r"[.!?]$", cs):
                break
            if not raw and i < title_idx:
                break
            if raw.startswith("OTS-ORIGINALTEXT") or (len(cs) > 160 and not re.search(r"@|\d{3}", cs)):
                break
            if LEGAL_RX.search(cs):
                break  # the company's legal footer: its registered office and switchboard are no press contact
            body.append(cs)
            j += 1
        blocks.append((i, j, "\n".join(body).strip("\n")))
        i = max(j, i + 1)
    return blocks


def sentence_contacts(
    text: str,
    skip: list[tuple[int, int]],
    body: tuple[int, int],
    fallbacks: list[str],
    orgs: frozenset[str],
    warnings: list[str],
) -> list[ContactDraft]:
    """Read "contact Jane Doe at Org on jane@... or call ..." and "call or email x@... or (415) 555-0142"."""
    out = []
    verbs = list(_CONTACT_VERB_RX.finditer(text))
    for idx, m in enumerate(verbs):
        if any(s <= m.start() < e for s, e in skip):
            continue
        s_start, s_end = sentence_bounds(text, m.start())
        if body[0] <= m.start() < body[1] and not _PRESS_WORDS.search(text[s_start:s_end]):
            continue
        para_end = text.find("\n\n", m.end())
        para_end = len(text) if para_end < 0 else para_end
        nxt = verbs[idx + 1].start() if idx + 1 < len(verbs) else len(text)
        span = text[m.end() : min(para_end, nxt)]
        draft = ContactDraft()
        lead = re.match(
            rf"\s*(?:(?i:(?:our|the|a|bitte)\s+)?(?:[{UP}][\w&'’-]*\s+){{0,4}}?"
            r"(?P<role>(?i:(?:senior\s+)?(?:press|media|communications)\s+(?:officer|manager|team|lead|office)))"
            r"\s*,?\s*)?",
            span,
        )
        head = lead.end() if lead else 0
        pm = person_at(span, head, orgs)
        if pm and not (pm.honorific and not span[pm.end :].strip()):
            draft.name = pm.name
            om = ORG_AFTER_NAME_RX.match(span[pm.end :])
            if om:
                org = re.sub(r"^the\s+", "", om.group("org")).strip(" .")
                if org and _piece_kind(org)[0] == "role":
                    draft.role = org  # "contact Jane Murray, Press Officer"
                elif org and (not has_title_word(org) or has_org_word(org)):
                    draft.organisation = org
        else:
            om = re.match(
                rf"\s*(?P<org>(?:the\s+)?[{UP}][\w&'’.-]*(?:\s+(?:of|for|and|&|the)?\s*[{UP}][\w&'’.-]*)*)",
                span[head:],
            )
            if om and looks_org(re.sub(r"^the\s+", "", om.group("org"))):
                draft.organisation = _PRESS_LINE_RX.sub("", re.sub(r"^the\s+", "", om.group("org")).strip(" ."))
        if (
            lead
            and lead.group("role")
            and not draft.name
            and re.match(r"(?i:team|office)$", lead.group("role").split()[-1])
        ):
            draft.role = lead.group("role")  # "contact the Communications Team on …"
        emails = emails_in(span, warnings)
        draft.emails = [v for _s, _e, v in emails]
        for p in phones_in(span, regions_for(span, *fallbacks), warnings, [(s, e) for s, e, _ in emails]):
            draft.phones.append(p.e164)
            if p.label:
                draft.labels[p.e164] = p.label
        if draft.name or draft.emails or draft.phones:
            out.append(draft)
    return out
