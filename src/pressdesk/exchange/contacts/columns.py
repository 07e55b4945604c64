"""Which column of a contacts table holds what, recognised by its header: generic, Outlook and Google exports alike.

A header is compared folded (case, accents, spaces and punctuation aside), so "E-mail Address", "email address" and
"EMAIL_ADDRESS" are one column. Google's numbered columns ("E-mail 1 - Value", "Phone 2 - Type") pair a value with
its label, and one cell may hold several values joined by " ::: ".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from pressdesk.exchange.contacts.record import LABEL_WORDS, ContactRecord, Detail, label_of

TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "name": (
        "name", "fullname", "displayname", "contact", "contactname", "journalist", "journalistname", "person",
        "nomcomplet", "nombrecompleto", "nomecompleto", "nomeecognome", "volledigenaam", "naam", "anzeigename",
        "nomaafficher",
    ),
    "first": (
        "firstname", "givenname", "forename", "forenames", "first", "vorname", "prenom", "voornaam", "primeironome",
    ),
    "middle": ("middlename", "additionalname", "middle"),
    "last": (
        "lastname", "surname", "familyname", "last", "nachname", "achternaam", "apellidos", "cognome", "apellido",
        "familienname", "nomdefamille", "sobrenome",
    ),
    "organisation": (
        "company", "companyname", "organisation", "organization", "organisationname", "organizationname",
        "organization1name", "outlet", "outletname", "mediaoutlet", "publication", "media", "newspaper", "employer",
        "outlets", "mediaoutlets", "publications", "companies", "organisations", "organizations",
        "station", "programme", "program", "org",
        "firma", "societe", "compania", "empresa", "bedrijf", "societa", "organizacion", "accountname", "medio",
        "testata",
    ),
    "title": (
        "jobtitle", "position", "role", "jobrole", "designation", "organizationtitle", "organisationtitle",
        "organization1title",
        "fonction", "puesto", "cargo", "functie", "posizione", "berufsbezeichnung", "titles", "jobtitles",
        "arbeitstitel",
    ),
    "beat": (
        "beat", "beats", "topics", "topic", "subjects", "specialism", "specialisms", "expertise", "coverage", "area",
        "areas", "section", "categories", "interests", "sector", "sectors",
    ),
    "notes": ("notes", "note", "comments", "comment", "remarks", "memo", "notizen", "notas", "notities"),
    "country": (
        "country", "countryregion", "businesscountryregion", "homecountryregion", "address1country",
        "countrycode", "workcountry", "businesscountry", "homecountry", "cc", "mailingcountry", "pays", "pais",
        "paese",
    ),
}  # fmt: skip
"""Folded headers of each text field; a field's first column that has a value wins ("CC": Mailchimp's country)."""

NAME_BY_NEIGHBOUR: dict[str, tuple[str, str]] = {
    "nom": ("last", "first"),
    "nombre": ("first", "last"),
    "nome": ("first", "last"),
}
"""Folded headers that are one part of a name beside a column of the other part (French "Nom" beside "Prénom" is the
surname, Spanish "Nombre" beside "Apellidos" the forename) and the whole name alone: header -> (part, other part)."""

LISTING_HEADERS = frozenset({"outlets", "mediaoutlets", "publications", "companies", "organisations", "organizations"})
"""Folded headers of columns that list several (Muck Rack's "Outlets"): the first one listed is taken."""
_LISTED = re.compile(r"[,;|]|:::")

EMAIL_COLUMNS: dict[str, str] = {
    "email": "", "emailaddress": "", "emails": "", "emailaddresses": "", "mail": "",
    "workemail": "work", "businessemail": "work", "officeemail": "work", "emailwork": "work",
    "homeemail": "home", "personalemail": "home", "privateemail": "home", "emailhome": "home",
    "otheremail": "other", "primaryemail": "", "secondaryemail": "other", "additionalemail": "other",
    "emailadresse": "", "adressedemessagerie": "", "direcciondecorreoelectronico": "", "emailadres": "",
    "indirizzopostaelettronica": "", "correoelectronico": "", "adresseelectronique": "", "courriel": "",
    "enderecodeemail": "",
}  # fmt: skip
"""Folded headers (digits left out: "E-mail 2 Address") of email columns, with the label they give."""

PHONE_COLUMNS: dict[str, str] = {
    "phone": "", "phones": "", "telephone": "", "tel": "", "phonenumber": "", "telephonenumber": "",
    "contactnumber": "", "primaryphone": "",
    "mobile": "mobile", "mobilephone": "mobile", "mobilenumber": "mobile", "mobiletelephone": "mobile",
    "cell": "mobile", "cellphone": "mobile", "cellular": "mobile", "mob": "mobile",
    "work": "work", "workphone": "work", "businessphone": "work", "officephone": "work", "directline": "work",
    "directdial": "work", "ddi": "work", "companymainphone": "work", "switchboard": "work", "worknumber": "work",
    "homephone": "home", "home": "home",
    "otherphone": "other", "carphone": "other", "pager": "other",
    "fax": "fax", "businessfax": "fax", "homefax": "fax", "otherfax": "fax",
    "telefongeschaftlich": "work", "telefonfirma": "work", "mobiltelefon": "mobile", "telefonprivat": "home",
    "faxgeschaftlich": "fax", "telephonebureau": "work", "telephonemobile": "mobile", "telmobile": "mobile",
    "telephonedomicile": "home", "telefonodeltrabajo": "work", "telefonomovil": "mobile", "telefonoparticular": "home",
    "telefoonopwerk": "work", "mobieletelefoon": "mobile", "telefoonthuis": "home", "telefonoufficio": "work",
    "cellulare": "mobile", "telefonoabitazione": "home", "portable": "mobile",
    "celular": "mobile",
}  # fmt: skip
"""Folded headers (digits left out: "Business Phone 2") of phone columns, with the label they give; "Number" or
"No" after one is the same column ("Fax Number", HubSpot's "Mobile Phone Number")."""
_NUMBER_WORD = re.compile(r"(?:numbers|number|nummer|no|nr)$|(?<=mail)(?:addresses|address|adresse)$")
_DETAIL_WORDS = (
    ("adresseelectronique", "email"), ("emailadresse", "email"), ("email", "email"), ("mail", "email"),
    ("telephone", "phone"), ("telefono", "phone"), ("telefone", "phone"), ("telefon", "phone"), ("phone", "phone"),
    ("tel", "phone"),
)  # fmt: skip
"""Words naming an address or number column, beside a label word ("Phone - Mobile", "Personal Email")."""
_OWNER = re.compile(r"^(?:contact|journalist|person|primary|primare)(?=.)")
"""A word before a column's own name that says whose it is ("Contact Email", "Journalist Mobile")."""
_UNLABELLED = ("", "primary", "principal", "principale", "primaire")
"""What may stand beside a detail word and give it no label ("Adresse électronique principale")."""

_GOOGLE = re.compile(r"^(email|phone)(\d+)(type|label|value)$")
_NOT_FOLDED = re.compile(r"[^a-z0-9]+")
GOOGLE_JOIN = " ::: "
"""How a Google Contacts export joins several values in one cell."""
_EMAIL_SPLIT = re.compile(r"\s*(?::::|[;,\s])\s*")
_PHONE_SPLIT = re.compile(r"(?:(?<!\s)\s+)?(?::::|;|\n|\s/\s)\s*")  # starts where a run of blanks starts: read once


_SCIENTIFIC = re.compile(r"^\s*\d(?:[.,]\d+)?\s*E\s*\+\s*\d{1,2}\s*$", re.IGNORECASE)
"""A number Excel shows in scientific notation ("7.91112E+11"): what is left of a phone number stored as a number."""
SCIENTIFIC_REASON = (
    "Excel wrote this number in scientific notation and its last digits are lost: format the column as Text in the "
    "spreadsheet, type the number again and export once more."
)


_SURNAME_FIRST = re.compile(
    r"^(?P<surname>(?:(?:van|von|de|der|den|da|di|du|del|la|le|ten|ter|af|mac|st\.?)\s+){0,3}[^\W\d_][\w'’-]*)\s*,\s*"
    r"(?P<forename>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’.-]*)?)$"
)
"""A whole name written surname first ("Smith, Jane", "van der Berg, Pieter"), as directories list people."""
_UNIT_WORDS = re.compile(r"(?i)\b(?:bureau|desk|newsdesk|newsroom|office|team|news|radio|tv|press|media)\b")
"""Words that make "Reuters, London Bureau" a newsdesk, not a surname and a forename."""
_COMMA_SPLIT = re.compile(r"(?<![ \t])[ \t]*,[ \t]*")  # starts where a run of blanks starts: read once
_WHOLE_NUMBER = re.compile(r"^\+?[\d()\s.-]{7,}$")
"""A part of a cell that is a whole number on its own (not "ext. 204")."""


def fold_header(header: str) -> str:
    """A header folded for recognition: "E-mail Address" -> "emailaddress", "Téléphone" -> "telephone"."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", header or "") if not unicodedata.combining(c))
    return _NOT_FOLDED.sub("", bare.casefold().replace("\ufeff", ""))


def split_emails(cell: str) -> list[str]:
    """The addresses in one cell: several may be joined by " ::: ", commas, semicolons or spaces."""
    text = cell.strip()
    if cell.count("@") < 2:
        return [text]
    return [part for part in _EMAIL_SPLIT.split(text) if part]


def split_phones(cell: str) -> list[str]:
    """The numbers in one cell: several may be joined by " ::: ", semicolons, new lines or " / "."""
    text = cell.strip()
    if "," in text and len(parts := _COMMA_SPLIT.split(text)) > 1 and all(_WHOLE_NUMBER.search(p) for p in parts):
        return [part for part in parts if part]  # "+44 20 7946 0000, +44 7911 123456": two numbers, not one
    if not any(mark in text for mark in (";", "\n", "/", ":::")):
        return [text]
    return [part for part in _PHONE_SPLIT.split(text) if part]


def _unguarded(cell: str) -> str:
    """A cell without the apostrophe a formula-safe export put before = + - @ (exchange.safe_cells)."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@") else cell


def _labels(cell: str, count: int) -> list[str]:
    """Google's label cell for `count` values: one label each when it lists as many, else its first for all."""
    parts = [label_of(p) for p in cell.split(GOOGLE_JOIN.strip())] if cell else [""]
    return parts if len(parts) == count else [parts[0]] * count


_TOTALS = frozenset(
    {"total", "totals", "grandtotal", "sum", "count", "gesamt", "summe", "totaal", "totale", "totalgeneral"}
)
"""A name cell that heads a sheet's totals row, folded."""


@dataclass
class ColumnMap:
    """Where each field of a contacts table is: text fields by column, and email and phone columns with labels."""

    headers: list[str]
    text: dict[str, list[int]] = field(default_factory=dict)
    emails: list[tuple[int, str]] = field(default_factory=list)
    phones: list[tuple[int, str]] = field(default_factory=list)
    google: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)
    """Google's numbered details: (kind, number) -> {"value": column, "label": column}."""
    listing: set[int] = field(default_factory=set)
    """Columns that list several values, of which the first is taken (LISTING_HEADERS)."""

    @property
    def score(self) -> int:
        """How many recognised columns the header has (0 for a row that is no header)."""
        return sum(len(v) for v in self.text.values()) + len(self.emails) + len(self.phones) + len(self.google)

    @property
    def is_header(self) -> bool:
        """Whether the row reads as a header: two recognised columns, one of them a name, email or phone."""
        named = any(self.text.get(k) for k in ("name", "first", "last", "organisation"))
        return self.score >= 2 and (named or bool(self.emails or self.phones or self.google))

    def record(self, cells: Sequence[str], *, row: int, source: str) -> ContactRecord:
        """The contact in one row of the table."""
        cells = [_unguarded(c) for c in cells] + [""] * (len(self.headers) - len(cells))
        found = ContactRecord(row=row, source=source)
        named = next(
            (cells[c] for k in ("name", "first", "last") for c in self.text.get(k, []) if cells[c].strip()), ""
        )
        if re.sub(r"\d+", "", fold_header(named)) in _TOTALS:
            return found  # a sheet's totals row ("Total", "Grand total: 3") is no one: an empty record, left out
        texts: dict[str, str] = {}
        for name, columns in self.text.items():
            for column in columns:
                if value := cells[column].strip():
                    if column in self.listing:
                        value = _LISTED.split(value, maxsplit=1)[0].strip() or value
                    texts[name] = value
                    found.fields[name] = self.headers[column]
                    break
        turned = _SURNAME_FIRST.match(texts.get("name", ""))
        if turned and not _UNIT_WORDS.search(turned.group(0)) and not turned.group("forename").isupper():
            texts["name"] = f"{turned.group('forename')} {turned.group('surname')}"  # "Smith, Jane": a directory's
        if middle := texts.pop("middle", ""):
            texts["first"] = f"{texts.get('first', '')} {middle}".strip()
        for name, value in texts.items():
            setattr(found, name, value)
        for column, label in self.emails:
            found.emails += [Detail(label, v, self.headers[column]) for v in split_emails(cells[column]) if v]
        for column, label in self.phones:
            for value in split_phones(cells[column]):
                if _SCIENTIFIC.match(value):
                    found.problems.append((self.headers[column], value, SCIENTIFIC_REASON))
                elif value:
                    found.phones.append(Detail(label, value, self.headers[column]))
        for (kind, _n), where in sorted(self.google.items(), key=lambda item: (item[0][0], int(item[0][1]))):
            if "value" not in where or not cells[where["value"]].strip():
                continue
            cell = cells[where["value"]]
            values = split_emails(cell) if kind == "email" else split_phones(cell)
            labels = _labels(cells[where["label"]].strip() if "label" in where else "", len(values))
            header = self.headers[where["value"]]
            details = [Detail(label, value, header) for label, value in zip(labels, values, strict=True)]
            if kind == "phone":
                found.problems += [(header, d.value, SCIENTIFIC_REASON) for d in details if _SCIENTIFIC.match(d.value)]
                details = [d for d in details if not _SCIENTIFIC.match(d.value)]
            (found.emails if kind == "email" else found.phones).extend(details)
        return found


_TEXT_BY_HEADER = {header: name for name, headers in TEXT_FIELDS.items() for header in headers}


def map_columns(headers: Sequence[str]) -> ColumnMap:
    """Recognise the columns of a header row."""
    found = ColumnMap(headers=[h.strip() for h in headers])
    folded = [fold_header(h) for h in headers]
    has_job_title = any(_TEXT_BY_HEADER.get(f) == "title" for f in folded)
    for column, key in enumerate(folded):
        if not key:
            continue
        if google := _GOOGLE.match(key):
            kind, number, part = google.groups()
            found.google.setdefault((kind, number), {})["value" if part == "value" else "label"] = column
            continue
        name = _TEXT_BY_HEADER.get(key) or _TEXT_BY_HEADER.get(_OWNER.sub("", key))
        if key in NAME_BY_NEIGHBOUR:
            part, other = NAME_BY_NEIGHBOUR[key]
            name = part if any(_TEXT_BY_HEADER.get(f) == other for f in folded) else "name"
        if key == "title" and not has_job_title:
            name = "title"  # a media list's "Title" is the job; beside Outlook's "Job Title" it is Mr or Dr
        if name:
            found.text.setdefault(name, []).append(column)
            if key in LISTING_HEADERS:
                found.listing.add(column)
            continue
        if detail := detail_column(key):
            (found.emails if detail[0] == "email" else found.phones).append((column, detail[1]))
    return found


def detail_column(key: str) -> tuple[str, str] | None:
    """("email" or "phone", label) of a folded header that names an address or number column, else None: a header of
    the tables, or one with "Number" after it or whose it is before it, or a detail word and a label word alone
    ("phonemobile", "personalemail"); "emailoptout" or "phoneextension" is none."""
    bare = re.sub(r"\d+", "", key)
    for candidate in dict.fromkeys((bare, _NUMBER_WORD.sub("", bare), _OWNER.sub("", _NUMBER_WORD.sub("", bare)))):
        if candidate in EMAIL_COLUMNS:
            return "email", EMAIL_COLUMNS[candidate]
        if candidate in PHONE_COLUMNS:
            return "phone", PHONE_COLUMNS[candidate]
        for word, kind in _DETAIL_WORDS:
            for rest in (candidate[len(word) :] if candidate.startswith(word) else None, candidate.removesuffix(word)):
                if rest != candidate and (rest in LABEL_WORDS or rest in _UNLABELLED):
                    return kind, LABEL_WORDS.get(rest, "")
    return None


HEADER_SEARCH_ROWS = 20
"""How far down a sheet the header row may be (a title and a date above it are common)."""
WIDEST_HEADER = 1000
"""The most columns a header row has (Outlook's export has 90): a wider row is no header and is not looked at cell by
cell (a hostile line of a million commas)."""


def find_header(rows, *, source: str) -> tuple[ColumnMap, int]:
    """The column map of the first row, among the first HEADER_SEARCH_ROWS, that reads as a header, and its row number
    (1-based), or of the row under it when that names more columns (the first was a row of group titles); ValueError
    naming what was looked for when there is none."""
    found: tuple[ColumnMap, int] | None = None
    for number, cells in enumerate(rows, start=1):
        columns = map_columns([str(c) if c is not None else "" for c in cells]) if len(cells) <= WIDEST_HEADER else None
        if found is not None:  # a row of group titles over the header ("Contact" merged over Name | Email | Phone)
            under = columns is not None and columns.is_header and columns.score > found[0].score
            return (columns, number) if under else found
        if columns is not None and columns.is_header:
            found = (columns, number)
        elif number >= HEADER_SEARCH_ROWS:
            break
    if found is not None:
        return found
    raise ValueError(
        f"{source} has no header row in its first {HEADER_SEARCH_ROWS} rows: "
        "name the columns Name (or First Name and Last Name), Email, Phone, Company, Job Title, Notes."
    )
