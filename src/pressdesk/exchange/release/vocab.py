"""The words of the trade the reader knows: names and honorifics, organisation and title words, section markers."""

from __future__ import annotations

import re


def wordset(words: str) -> frozenset[str]:
    """Return the whitespace-separated words of a vocabulary string."""
    return frozenset(words.split())


_EXTENDED_A = [chr(c) for c in range(0x100, 0x180)]
UP = "A-ZÀ-ÖØ-Þ" + "".join(c for c in _EXTENDED_A if c.isupper())
"""Capital letters names start with: Latin-1 and Latin Extended-A ("Ł", "Ś", "Ż", "Č")."""
LO = "a-zß-öø-ÿ" + "".join(c for c in _EXTENDED_A if c.islower())
"""Small letters names go on with: "ł", "ś", "ż", "ć", "ń", "ę", "ą", "ő"."""
NAME_WORD = (
    rf"(?:[{UP}]\.|[{UP}](?:[{LO}]+|['’][{UP}][{LO}]+)"
    rf"(?:[{UP}][{LO}]+)?(?:-[{UP}][{LO}]+)*)"
)
PARTICLE = r"(?:van|von|der|den|de|del|della|di|da|das|do|dos|du|le|la|ter|ten|bin|zu|af|av|Ní|Nic|Mac|Ó|Ua)"
NAME = rf"{NAME_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+){{0,2}}{NAME_WORD}){{0,3}}"
HON = (
    r"(?:(?:Univ\.-|Assoz\.-|Ao\.[ \t]*Univ\.-|Apl\.[ \t]*)?Prof\.?"
    r"(?:[ \t]+Dr\.?(?:[ \t]+(?:med|phil|habil|rer\.[ \t]*nat)\.)*)?"
    r"|Priv\.-Doz\.?(?:[ \t]+Dr\.?)?|PD[ \t]+Dr\.?|Dipl\.-Ing\.?"
    r"|(?:Associate|Assistant|Adjunct|Emeritus|Emerita|Distinguished|Clinical)[ \t]+Professor"
    r"|Assoc\.?[ \t]+Prof\.?|Professor|Dr\.?(?:[ \t]+(?:med|phil|rer\.[ \t]*nat)\.)?(?:[ \t]+Dr\.?)?"
    r"|Mag\.a|Mag\.?(?:[ \t]+Dr\.?)?|Mrs\.?|Mr\.?|Ms\.?|Miss|Mx\.?|Shri|Shrimati|Smt\.?|Sri"
    r"|(?:[Pp]rof\.[ \t]+)?[Dd]r[ \t]+hab\.(?:[ \t]+inż\.)?|[Pp]rof\.ª(?:[ \t]+Dr\.ª)?|Dr\.ª"
    r"|Dra\.?|[Pp]rof\.ssa|[Dd]ott(?:\.ssa|\.)|[Dd]r\.|[Pp]rof\.|Mme|Ing\."
    r"|(?:[Tt]he[ \t]+)?(?:Rt\.?[ \t]+|Right[ \t]+)?(?:Hon\.|Honourable|Honorable)"
    r"|Sir|Dame|Lord|Lady|Baroness|Rev(?:d|\.)?|Cllr\.?)"
)
POST_NOMINALS = r"(?:[ \t]*,?[ \t]+(?:FRS|FRSE|FMedSci|FREng|FBA|FRCP|FRCS|OBE|CBE|MBE|KBE|DBE|KC|QC|PhD))"
"""Honours and degrees written after a name ("FRS", "OBE"): read past, never part of the name."""
PERSON_RX = re.compile(
    rf"(?<![\w.])(?:(?P<hon>{HON}(?:[ \t]+(?:Sir|Dame|Lord|Lady|Baroness))?)[ \t]+)?"
    rf"(?P<name>{NAME})(?![\w]){POST_NOMINALS}*"
)

ORG_WORDS = wordset(
    """university universität universitat universidad université hochschule college institute institut instituto
    centre center zentrum school trust foundation fundación fondation stiftung society gesellschaft association
    verband verein council agency agence agencia ltd limited inc inc. llc plc gmbh ag e.v. group department
    ministry ministerium office hospital klinikum nhs museum library libraries commission authority board service
    network alliance partners education laboratory lab labs academy akademie observatory bureau coalition union
    federation charity company corporation corp co. pr communications media news press project projects
    lehrstuhl fakultät faculty forschungsverbund konsortium therapeutics pharmaceuticals cells foods bank
    composites engineering consulting consultants council initiative programme program partnership observatoire
    istituto università universiteit instituut stichting hogeschool ministero ministerio osservatorio consorzio
    consorcio fondazione associazione asociación agenzia ospedale comune gemeente ayuntamiento universidade
    faculdade fundação fundacao associação câmara universitet universitetet högskola högskolan høgskole
    høgskolen stiftelse stiftelsen fond fonden forening förening selskab kommune kommun region regionen
    myndighet myndigheten styrelse styrelsen ministeriet departementet direktoratet ab asa a/s oy oyj
    yliopisto korkeakoulu instituutti säätiö yhdistys ministeriö virasto kaupunki sairaala uniwersytet régie
    government services
    politechnika instytut fundacja stowarzyszenie ministerstwo urząd szpital akademia spółka ministério governo
    prefeitura secretaria institutet myndigheten stad centro"""
)
TITLE_WORDS = wordset(
    """officer manager director head lead executive coordinator co-ordinator specialist spokesperson spokesman
    spokeswoman adviser advisor assistant consultant editor sprecher sprecherin pressesprecher pressesprecherin
    referent referentin leiter leiterin leitung president vice chief chair chairman chairwoman professor lecturer
    fellow researcher scientist reader analyst economist author investigator secretary engineer ecologist
    entomologist hydrologist obstetrician nurse physician surgeon doctor geriatrician mayor minister founder
    member expert verkehrsexperte directora director pédiatre responsable chargée chargé coordinator manager
    coordinatrice coordinatore direttore direttrice ricercatore ricercatrice onderzoeker woordvoerder hoogleraar
    woordvoerster persvoorlichter hydrobiologiste chercheur chercheuse investigadora investigador portavoz
    ceo cfo cto coordenadora coordenador diretora diretor pesquisadora pesquisador professora assessor assessora
    docent lektor forskare forsker seniorforsker forskningsleder førsteamanuensis professori tutkija
    rådgiver rådgivare kommunikatör pressemedarbejder pressechef presschef pressesjef tiedottaja
    asiantuntija johtaja päällikkö profesor badacz badaczka rzecznik rzeczniczka prezes dyrektor dyrektorka
    kierownik kierowniczka koordynator koordynatorka utredare handläggare analytiker direktör chef sjef
    secretária secretário executiva executivo ministra ministro presidente directeur directrice conseiller
    conseillère attaché attachée associate président présidente porte-parole délégué déléguée gestionnaire"""
)
PRESS_ROLE_RX = re.compile(
    r"\b(?:press|media|communications?|kommunikation|presse|medien\w*|öffentlichkeitsarbeit|public\s+relations|pr|"
    r"spokes(?:person|man|woman)|pressesprecher(?:in)?|prensa|comunicaci[oó]n|communication|stampa|comunicazione|"
    r"portavo(?:z|ce)|woordvoer(?:der|ster)|persvoorlicht(?:er|ing)|pers|communicatie|imprensa|comunicação|"
    r"assessoria|press(?:e)?(?:kommunikatör|chef|sjef|ansvarig|ansvarlig|rådgiver|rådgivare|medarbejder|"
    r"sekreterare|kontakt|tjänst|tjänsten|tjeneste|tjenesten|service|avdelning|afdeling|avdeling|enhet)|kommunika(?:tion|sjon)\w*|kommunikatör|viestintä\w*|tiedottaja|tiedotus\w*|"
    r"prasow\w*|rzeczni\w*|komunikacj\w*|mediów|(?<!chief\s)information\s+officers?)\b",
    re.IGNORECASE,
)
NOT_NAME_WORDS = (
    wordset(
        """the a an this that these those for from in on at by with and or but if he she they we it its our their his
        her new more all as about notes editors editor media press contact contacts information further email e-mail
        tel telephone phone mobile mob fax embargo embargoed ends release research news today north south east west
        street road national royal state states united kingdom american british irish australian german islamic
        english european federal spokespeople experts available interview interviews pressemitteilung pressekontakt
        website company source journal doi who when where contact details view rückfragen kontakt weitere
        gabinete ufficio stampa prensa comunicación comunicazione persbericht perscontact public relations affairs
        imprensa assessoria comunicação pressmeddelande pressemeddelelse pressemelding tiedote lisätietoja
        komunikat informacja prasowy prasowa kontakt"""
    )
    | ORG_WORDS
    | TITLE_WORDS
)
COURTESY_RX = re.compile(
    r"^(?:mrs?|ms|miss|mx|shri|shrimati|smt|sri|(?:the\s+)?(?:rt\s+|right\s+)?(?:hon|honourable|honorable))\.?$",
    re.IGNORECASE,
)
"""Honorifics that are forms of address, not titles: a name is shown without them."""
ABBREVIATIONS = wordset(
    "dr prof mr mrs ms mx st jr sr no vs etc inc ltd co corp dept univ assoc rev cllr gov sen "
    "rep approx e.g i.e a.m p.m d.c u.s u.k u.s.a mag ore calif va mass dott dra sig ing avv"
)
BULLET_RX = re.compile(r"^\s*(?:[-*•·▪–—]+|\d{1,2}[.)])\s+")


def words(text: str) -> list[str]:
    """The words of text, keeping inner punctuation such as "e.V." or "Berlin-Brandenburg"."""
    return re.findall(r"[\w&.'’-]+", text)


ORG_COMPOUND_ENDS = (
    "zentrum", "institut", "instituut", "gesellschaft", "verband", "ministerium", "stiftung", "ministeriet",
    "departementet", "direktoratet", "instituttet", "universitetet", "ministeriö", "laitos", "virasto",
    "myndigheten", "myndighet", "verket", "styrelsen", "institutet", "högskolan",
)  # fmt: skip
"""Organisation words ending a compound: "Klimazentrum", "Kennisinstituut", "Miljøministeriet"."""


ORG_STEMS = (
    "yliopisto", "korkeakoulu", "ministeriö", "instituuti", "säätiö", "uniwersytet", "instytut", "fundacj",
    "politechnik", "ministerstw", "stowarzyszeni", "akademi",
)  # fmt: skip
"""Organisation words of languages that inflect them, by stem: "yliopistosta", "Uniwersytetu", "Fundacji"."""


def has_org_word(text: str) -> bool:
    """Return True when text holds a word organisations are named with (alone, inflected or ending a compound)."""
    return any(
        (low := w.lower().strip(".,")) in ORG_WORDS
        or low.startswith(ORG_STEMS)
        or (len(w) > 10 and low.endswith(ORG_COMPOUND_ENDS))
        for w in words(text)
    ) or bool(re.search(r"(?<![\w/])(?:A/S|I/S|K/S|P/S)(?![\w/])", text))  # Danish legal forms


def has_title_word(text: str) -> bool:
    """Return True when text holds a word job titles are made of."""
    return any(w.lower().strip(".,") in TITLE_WORDS for w in re.split(r"[\s/-]+", text))


def ends_with_title(text: str) -> bool:
    """Return True when text's last word is a job title, alone or ending a compound ("Presserådgiver")."""
    found = words(text)
    last = found[-1].lower().strip(".,") if found else ""
    return last in TITLE_WORDS or any(len(t) >= 5 and last.endswith(t) for t in TITLE_WORDS)


def looks_org(text: str) -> bool:
    """Return True for a capitalised phrase with an organisation word."""
    t = text.strip()
    return bool(t) and t[0].isupper() and has_org_word(t)


def norm_hon(hon: str | None) -> str | None:
    """An honorific without dots: "Prof. Dr." -> "Prof Dr"."""
    if not hon:
        return None
    kept = re.sub(r"\.(?=ssa\b|ª)", "\0", hon)  # the feminine "Prof.ssa", "Dott.ssa", "Prof.ª" keeps its dot
    return re.sub(r"\s+", " ", kept.replace(".", " ").replace(" -", "-")).strip().replace("\0", ".")


def is_ends(line: str) -> bool:
    """Return True for an end-of-release marker such as ENDS, /ENDS, ### or -30-."""
    s = line.strip().replace("**", "")
    if not s or len(s) > 30:
        return False
    if re.fullmatch(r"#(?:\s*#){2,}", s) or re.fullmatch(r"[-–—\s]*30[-–—\s]*", s):
        return re.fullmatch(r"\d+", s) is None
    core = re.sub(r"^[\s\-–—/*#\[\](){}<>.]+|[\s\-–—/*#\[\](){}<>.]+$", "", s).lower()
    return core in {"ends", "end", "ende", "end of release", "end of press release", "end release", "fin"}


def clean_line(line: str) -> str:
    """Strip markdown emphasis, heading hashes and bullets from one line."""
    s = line.strip()
    s = re.sub(r"^#{1,6}\s+(?=\S)", "", s)
    s = s.replace("**", "").replace("__", "")
    if len(s) > 2 and s[0] in "*_" and s[-1] == s[0]:
        s = s[1:-1]
    s = BULLET_RX.sub("", s) if not is_ends(s) else s
    return s.strip()
