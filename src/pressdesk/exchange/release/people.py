"""People in running text: names with honorifics (nameparser), and the title and affiliation introduced with them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nameparser import HumanName

from pressdesk.exchange.release.places import place_region
from pressdesk.exchange.release.vocab import (
    HON,
    LO,
    NOT_NAME_WORDS,
    ORG_STEMS,
    ORG_WORDS,
    PERSON_RX,
    TITLE_WORDS,
    UP,
    ends_with_title,
    has_org_word,
    has_title_word,
    looks_org,
    norm_hon,
)
from pressdesk.validation.when_text import MONTHS, WEEKDAYS

_DATE_WORDS = frozenset(w for w in [*MONTHS, *WEEKDAYS] if len(w) > 4 and w not in {"april", "june", "julia"})
_IN_ORG_RX = re.compile(
    rf"\b(?P<word>[{UP}][\w-]*)\s+(?:(?:for|of|and|&|für|de|del)\s+[{UP}][\w-]*\s+)?(?:for|of|and|&|für|de|del)\s+$"
)
"""The start of an organisation's name a name-like pair ends ("Ministry of New and | Renewable Energy")."""

__all__ = [
    "Mention",
    "Role",
    "nominative_org",
    "people",
    "person_at",
    "role_after",
    "role_before",
    "split_role",
    "valid_person",
]

Role = tuple[str | None, str | None]  # (title, affiliation)


@dataclass(frozen=True)
class Mention:
    """A person named in text: where, their honorific and their name."""

    start: int
    end: int
    honorific: str | None
    name: str


def valid_person(hon: str | None, name: str, orgs: frozenset[str] = frozenset()) -> bool:
    """Reject capitalised phrases that are not people's names, and organisations named like people."""
    parts = name.split()
    if not hon and len(parts) < 2:
        return False
    low = [w.lower().strip(".") for w in parts]
    if any(w in NOT_NAME_WORDS or w in _DATE_WORDS or _titleish(w) for w in low):
        return False
    if all(len(w) <= 2 for w in parts) or name.lower() in orgs:
        return False
    if len(parts) == 2 and place_region(parts[1]):
        return False  # "Stadtmobil Wien": an organisation named after its town
    parsed = HumanName(name)
    return bool(hon) or (bool(parsed.first) and bool(parsed.last))


def person_at(text: str, pos: int = 0, orgs: frozenset[str] = frozenset()) -> Mention | None:
    """The person named exactly at pos (a title word before the name is skipped), or None."""
    m = PERSON_RX.match(text, pos)
    if not m:
        return None
    hon, name = m.group("hon"), re.sub(r"\s+", " ", m.group("name"))
    if valid_person(hon, name, orgs):
        return Mention(m.start(), m.end(), norm_hon(hon), name)
    return None


def people(text: str, orgs: frozenset[str] = frozenset()) -> list[Mention]:
    """Every person-like mention in text, skipping title words written before a name ("Mayor Ana Tupou")."""
    out: list[Mention] = []
    for m in PERSON_RX.finditer(text):
        found = person_at(text, m.start(), orgs)
        if found is None:
            for word in re.finditer(r"[ \t]+", m.group(0)):
                found = person_at(text, m.start() + word.end(), orgs)
                if found:
                    break
        inside = _IN_ORG_RX.search(text[max(0, found.start - 40) : found.start]) if found else None
        after = re.match(r"[ \t]+([\w&.-]+)", text[found.end : found.end + 40]) if found else None
        if found and inside and _titleish(inside.group("word")) and len(found.name.split()) >= 3:
            last_two = found.name.split()[-2:]
            at = found.end - len(" ".join(last_two))
            tail = person_at(text, at, orgs)
            if tail and not (after and has_org_word(after.group(1)) and after.group(1)[0].isupper()):
                found, inside = tail, None  # "Minister for Regional Health Clare Whitmore"
        org_next = after is not None and after.group(1)[0].islower() and has_org_word(after.group(1))
        if found and org_next and found.name.count(" ") >= 2:
            cut = found.end - len(found.name.split()[-1])  # "Liisa Mäkelä Helsingin yliopistosta": the university's
            found = person_at(text[:cut].rstrip(), found.start, orgs) or found
            after = None
        if (inside and (has_org_word(inside.group("word")) or _titleish(inside.group("word")))) or (
            after and has_org_word(after.group(1)) and after.group(1)[0].isupper()
        ):
            continue  # "Ashdown Institute for Public Finance"
        if found and (not out or found.start >= out[-1].end):
            out.append(found)
    return out


_UNIT = (
    r"(?:the\s+|der\s+|des\s+)?(?:[\w-]+\s+){0,4}?(?:department|institute|centre|center|school|faculty|division|unit|"
    r"laboratory|lab|group|programme|program|abteilung|arbeitsgruppe|lehrstuhl)\b"
)


def nominative_org(org: str, orgs: frozenset[str]) -> str:
    """An organisation named in an inflected form as the release names it elsewhere, or with its head word as the
    dictionary has it: "Ministerstwa Klimatu" -> "Ministerstwo Klimatu", "Institutets" -> "Institutet"."""
    known = _known_form(org, orgs)
    if known != org:
        return known
    head, _, rest = org.partition(" ")
    stem = next((st for st in ORG_STEMS if head.lower().startswith(st)), None)
    if stem and head.lower() not in ORG_WORDS:
        word = next((w for w in sorted(ORG_WORDS) if w.startswith(stem) and _same_stem(head, w)), None)
        if word:
            return f"{word[:1].upper()}{word[1:]} {rest}".strip() if head[0].isupper() else f"{word} {rest}".strip()
    return org


def _known_form(org: str, orgs: frozenset[str]) -> str:
    """An inflected organisation name as the release names it elsewhere: "Fundacji Cyfrowa Polska" as
    "Fundacja Cyfrowa Polska" when the contacts name that one."""
    mine = org.split()
    for known in orgs:
        theirs = known.split()
        if len(theirs) == len(mine) and all(_same_stem(a, b) for a, b in zip(mine, theirs, strict=True)):
            return " ".join(b[:1].upper() + b[1:] if a[:1].isupper() else b for a, b in zip(mine, theirs, strict=True))
    return org


def _same_stem(word: str, known: str) -> bool:
    """Return True when two words differ at most in a two-letter ending ("Fundacji", "fundacja")."""
    word = word.lower()
    stem = min(len(word), len(known)) - 2
    return word == known or (stem >= 3 and word[:stem] == known[:stem] and abs(len(word) - len(known)) <= 2)


def split_role(text: str, orgs: frozenset[str] = frozenset()) -> Role:
    """Split "Visiting Fellow at LSE IDEAS" into ("Visiting Fellow", "LSE IDEAS")."""
    t = re.sub(r"\s+", " ", text).strip(" ,.;:–—-")
    t = re.sub(r"^(?:a|an|the|our|its|their|le|la|el)\s+", "", t, flags=re.IGNORECASE)
    t = re.sub(
        r"\s+(?:who|which|whose|and\s+(?:the\s+)?(?:study|report|paper)['’]s\b|and\s+(?:author|co-author|lead)).*$",
        "",
        t,
    )
    if not t:
        return None, None
    owner = re.match(rf"^(?P<org>[{UP}][\w&.-]*(?:\s+[{UP}][\w&.-]*){{0,6}})['’]s\s+(?P<title>[^{UP}].*)$", t)
    owner = owner or re.match(r"^(?P<org>[a-z]+)['’]s\s+(?P<title>[a-z].*)$", t)
    if owner and owner.group("org")[0].islower() and not has_org_word(owner.group("org")):
        owner = None
    if owner and not _titleish(owner.group("org").split()[-1]):
        return owner.group("title")[:1].upper() + owner.group("title")[1:], owner.group("org")
    joins = list(
        re.finditer(
            r"\s(?:at|with|an\s+der|an\s+dem|am|bei\s+der|beim|bei|à\s+la|au|von|vom|presso(?:\s+la|\s+il)?|"
            r"bij(?:\s+het|\s+de)?|no|na|em|vid|på|ved|hos)\s+(?!l['’])|\s(?:à|presso)\s+l['’]",
            t,
        )
    )
    m = joins[-1] if joins else None
    title: str | None
    aff: str | None
    if m and re.sub(r"^(?:the|la|le|el)\s+", "", t[m.end() :])[:1].isupper():
        title, aff = t[: m.start()], t[m.end() :]
    else:
        of = re.search(rf"\s(?:of|for|des|der|vom|de\s+la|del|dello|della|da|do|das|dos)\s+(?=(?:the\s+)?[{UP}])", t)
        rest = re.sub(r"^the\s+", "", t[of.end() :]) if of else ""
        keeps_whole = of is not None and re.match(_UNIT, t[of.end() :], re.IGNORECASE) is not None
        portfolio = of is not None and re.search(r"(?i:minister|ministra|ministro|secretary)$", t[: of.start()])
        keeps_whole = keeps_whole or bool(portfolio)  # "Minister of Indigenous Services": a portfolio, not an employer
        rest = re.sub(r"^(\w+?)s\b", r"\1", rest) if of and of.group(0).strip() == "des" else rest
        if of and (looks_org(rest) or rest.lower() in orgs) and not keeps_whole and not looks_org(t[: of.start()]):
            title, aff = t[: of.start()], rest
        elif looks_org(t) and not has_title_word(t):
            title, aff = None, t
        elif lower_title := re.match(rf"(?P<title>[{LO}][^{UP}]*?)\s+(?=[{UP}])", t):
            named = t[lower_title.end() :]  # "prezes zarządu Fundacji Cyfrowa Polska": the org named after the title
            if ends_with_title(lower_title.group("title").split()[0]) and looks_org(named):
                title, aff = lower_title.group("title"), _known_form(named, orgs)
            else:
                title, aff = t, None
        else:
            title, aff = t, None
    if aff:
        aff = re.sub(r"^(?:the|la|le|el)\s+", "", aff.strip(" ,.")).strip() or None
    if title:
        title = title.strip(" ,.")
        title = title[:1].upper() + title[1:] if title else None
    return title or None, aff


_REJECT = frozenset(
    [
        "said",
        "says",
        "say",
        "who",
        "which",
        "whose",
        "whom",
        "where",
        "when",
        "added",
        "explained",
        "told",
        "is",
        "was",
        "has",
        "had",
        "will",
        "would",
        "and",
        "but",
        "or",
        "also",
        "commented",
        "warned",
        "noted",
        "continued",
        "argued",
        "believes",
        "thinks",
        "wrote",
        "writes",
        "sagt",
        "sagte",
        "erklärt",
        "erklärte",
        "betont",
        "betonte",
        "so",
        "und",
        "der",
        "die",
        "das",
        "explique",
        "ha",
        "señalado",
        "contact",
        "please",
        "call",
        "email",
        "ring",
    ]
)


def _role_from_chunks(chunks: list[str], orgs: frozenset[str] = frozenset()) -> Role | None:
    """Read title and affiliation from the comma chunks that follow a name."""
    chunks = [c.strip() for c in chunks if c and c.strip()]
    if not chunks:
        return None
    first = chunks[0]
    words = first.split()
    if not words or len(words) > 14:
        return None
    lead = words[0].lower().strip(".,")
    if lead in _REJECT or re.match(r"^\d", first):
        return None
    if lead in {"a", "an", "the"} and len(words) > 1 and words[1].lower() in _REJECT:
        return None
    second = chunks[1] if len(chunks) > 1 else ""
    at_org = looks_org(second) or looks_org(split_role(first, orgs)[1] or "")  # "urban planner, University of X"
    if not (first[0].isupper() or lead in {"a", "an", "the", "our"} or has_title_word(first) or at_org):
        return None
    known = second.strip(" .").lower() in orgs
    if second and (looks_org(second) or known) and len(second.split()) <= 10 and not has_title_word(second.split()[0]):
        second = re.sub(r"^the\s+", "", second.strip(" ."))
        title, aff = split_role(first)
        if aff and re.search(r"\s(?:at|with|an\s+der|am|bei)\s", first):
            aff = f"{aff}, {second}"
        elif looks_org(first) and not has_title_word(first):
            title, aff = None, f"{split_role(first)[1] or first}, {second}"
        else:
            title, aff = split_role(first + " at " + second)
    else:
        title, aff = split_role(first, orgs)
    if not title and not aff:
        return None
    return title, aff


_CHUNK = r"[^,;()\"“”„«»\n]+?"
_CHUNK_END = r"(?=\s*(?:,|;|\(|\)|[\"“”„«»]|\.(?:\s|$)|\s[–—-]\s|$))"
_TWO_CHUNKS = rf"(?P<a>{_CHUNK}){_CHUNK_END}(?:\s*,\s*(?P<b>{_CHUNK}){_CHUNK_END})?"
_ORG_PHRASE = (
    rf"(?:the[ \t]+)?[{UP}0-9][\w&'’.-]*"
    rf"(?:(?:[ \t]+(?:of|for|and|&|on|in|the|für|de|der|des|du|at|del|da|do|das|dos|e|i|og|och|för|o|w)){{0,2}}"
    rf"[ \t]+[{UP}][\w&'’.-]*)*"
)
ORG_AFTER_NAME_RX = re.compile(
    r"^(?:[ \t]*,[ \t]*(?:of|from)?[ \t]*|[ \t]+(?:at|of|from|with|vom|von[ \t]+der|von|bei|fra|från|ved|vid|hos|"
    r"da|do|na|no|z|ze)[ \t]+)"
    rf"(?P<org>{_ORG_PHRASE})"
)


def role_after(text: str, end: int, orgs: frozenset[str] = frozenset()) -> Role | None:
    """Read the appositive introducing a person whose name ends at ``end``."""
    tail = text[end : end + 300]
    m = re.match(rf"\s*,\s*{_TWO_CHUNKS}", tail)
    if m:
        role = _role_from_chunks([m.group("a"), m.group("b") or ""], orgs)
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
    m = ORG_AFTER_NAME_RX.match(tail)
    if m:
        org = re.sub(r"^the\s+", "", m.group("org")).strip(" .")
        org = re.sub(r"['’]s$", "", org) if not re.search(r"['’]s\s", org) else org
        if looks_org(org) or re.match(r"^\s*,?\s*(?:of|from|vom|von)\s", tail):
            return None, org
    m = re.match(r"\s+is\s+(?:a|an|the)\s+(?P<c>[^.;\n]{3,150}?)(?:\.(?:\s|$)|;|$)", tail)
    if m:
        title, aff = split_role(m.group("c").split(",")[0])
        if aff:
            return title, aff
    return None


def _titleish(word: str) -> bool:
    """A word a job title ends with, including German compounds ("Studienleiterin")."""
    w = word.lower().strip(".,")
    return w in TITLE_WORDS or any(len(t) >= 5 and w.endswith(t) for t in TITLE_WORDS)


_ELLIPSIS_RX = re.compile(r"(?<![\w-])(\w+-)[ \t]+(og|och|ja|und|i|e|y|and|or|oder|eller|tai|lub)[ \t]+(?=\w)")
"""A compound cut short before "and" ("klima- og miljøminister", "Wirtschafts- und Energieminister")."""
_AUTHOR_RX = re.compile(r"^(?:lead|co-?|senior|first|last|corresponding|joint|study)?[ -]?authors?$", re.IGNORECASE)
_BEFORE_STOP = frozenset(["today", "yesterday", "also", "meanwhile", "however", "but", "and", "und", "le", "la"])


def _lower_complement(words: list[str], taken: list[str], stop: frozenset[str]) -> list[str]:
    """Right to left, one or two lower-case words and the title word before them, when nothing was taken yet:
    the title written in lower case with its complement before a name ("wiceministra klimatu Joanna Nowak")."""
    if taken:
        return []
    for n in (1, 2):
        if len(words) <= n:
            return []
        run, title = words[-n:], words[-n - 1]
        if any(not w.isalpha() or not w.islower() or w in stop for w in run):
            return []
        if _titleish(title) and title[:1].islower():
            return [*reversed(run), title]
    return []


def role_before(text: str, start: int) -> Role | None:
    """A title written just before a name: "Mayor Ana Tupou", "Minister for Rural Roads Patrick Delaney",
    "Hopewell Carers Network chief executive Marcus Adeyemi" (title and affiliation)."""
    head = text[max(0, start - 90) : start].rsplit("\n", 1)[-1]
    head = re.sub(rf"(?:{HON})[ \t]+$", "", head)
    head = re.sub(r",[ \t]*(?:the[ \t]+)?$", "", head)  # "The Minister of Health, the Honourable Jane Roe"
    head = _ELLIPSIS_RX.sub("\\1\0\\2\0", head)  # "klima- og miljøminister": one title word
    words = [w.replace("\0", " ") for w in re.findall(r"[\w’'.\0-]+|[^\w\s\0]", head)]
    taken: list[str] = []
    stop = _REJECT | _BEFORE_STOP | {"the", "a", "an", "de"}
    while words and len(taken) < 8:
        w = words[-1]
        low = w.lower()
        if not re.fullmatch(r"[\w’'. -]+", w) or (w.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.){2,}", w)):
            break
        if low in stop or not (_titleish(w) or w[0].isupper() or (taken and low in {"of", "for", "and", "&"})):
            complement = _lower_complement(words, taken, stop)
            if not complement:
                break
            taken += complement  # "wiceministra klimatu", "prezes zarządu": a title and the word it governs
            del words[-len(complement) :]
            continue
        taken.append(words.pop())
    while taken and taken[-1].lower() in {"of", "for", "and", "&"}:
        taken.pop()
    phrase = list(reversed(taken))
    title_at = next((k for k, w in enumerate(phrase) if _titleish(w)), None)
    if title_at is None:
        return None
    aff = None
    if title_at >= 2 and phrase[title_at][0].islower() and has_org_word(" ".join(phrase[:title_at])):
        aff = " ".join(phrase[:title_at])
        phrase = phrase[title_at:]
    elif not _titleish(phrase[-1]) and phrase[-1][0].isupper() and not re.search(r"\b(?:for|of)\b", " ".join(phrase)):
        return None
    elif title_at:
        leading = phrase[:title_at]
        if not all(_titleish(w) or w[0].isupper() for w in leading):
            phrase = phrase[title_at:]
    title = " ".join(phrase)
    if _AUTHOR_RX.match(title):
        return None
    return title[:1].upper() + title[1:], aff


def is_org_name(name: str) -> bool:
    """Return True when a phrase names an organisation rather than a person."""
    return has_org_word(name)
