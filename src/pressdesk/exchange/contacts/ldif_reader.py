"""Contacts from an LDIF address book (Thunderbird's export, RFC 2849) through the ldif library, entry by entry.

Values may be base64 ("cn:: ...") and folded over lines; URL values ("jpegPhoto:< file:///...") are never fetched.
Entries that are no person (a mailing list: objectclass groupOfNames) are left out.
"""

from __future__ import annotations

import binascii
import logging
from collections.abc import Iterator
from pathlib import Path

from pressdesk.exchange.contacts.record import ContactRecord, Detail
from pressdesk.exchange.contacts.text_files import ContactFileError
from pressdesk.limits import LONGEST_FILE_LINE

TEXT_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "name": ("cn", "displayname", "commonname"),
    "first": ("givenname", "gn"),
    "last": ("sn", "surname"),
    "organisation": ("o", "organizationname", "company"),
    "title": ("title",),
    "beat": ("businesscategory",),
    "notes": ("description", "note", "notes"),
    "country": ("c", "co", "countryname", "mozillahomecountryname"),
}
"""Attributes (lower case) of each text field, in the order they are tried."""

EMAIL_ATTRIBUTES = {"mail": "", "mozillasecondemail": "other", "email": ""}
PHONE_ATTRIBUTES = {
    "telephonenumber": "work",
    "mobile": "mobile",
    "cellphone": "mobile",
    "homephone": "home",
    "facsimiletelephonenumber": "fax",
    "fax": "fax",
    "pager": "other",
    "pagerphone": "other",
}
"""Attributes (lower case) of email addresses and phone numbers, with the label they give (Thunderbird writes the
work number as telephoneNumber)."""

GROUP_CLASSES = frozenset({"groupofnames", "groupofuniquenames", "mozillaablistalpha"})

logging.getLogger("ldif").addHandler(logging.NullHandler())  # its warnings would be printed over the terminal (a TUI)


class _Lines:
    """A binary file read a line at a time for the ldif parser, refusing an entry too long to be one person."""

    def __init__(self, handle, source: str) -> None:
        self.handle = handle
        self.source = source
        self.entry = 0
        """Characters read since the last blank line (an entry's size, folded lines and all)."""

    def readline(self) -> bytes:
        """The next line; ContactFileError when the entry it belongs to passes LONGEST_FILE_LINE."""
        line = self.handle.readline(LONGEST_FILE_LINE + 1)
        self.entry = 0 if not line.strip() else self.entry + len(line)
        if self.entry > LONGEST_FILE_LINE:
            raise ContactFileError(
                f"{self.source} has an entry over {LONGEST_FILE_LINE:,} characters: it is no address book."
            )
        return line


def _texts(entry: dict[str, list], names: tuple[str, ...] | dict[str, str]) -> Iterator[tuple[str, str]]:
    """(attribute, text) of the entry's values under some attribute names, in their order; a value that is not UTF-8
    (the parser gives its bytes) read in the Windows code page."""
    for name in names:
        for value in entry.get(name, []):
            text = value.decode("cp1252", "replace") if isinstance(value, bytes) else str(value)
            if text.strip():
                yield name, text.strip()


def _record(entry: dict[str, list], *, number: int, source: str) -> ContactRecord:
    """The contact an LDIF entry describes."""
    found = ContactRecord(row=number, source=source)
    for field, names in TEXT_ATTRIBUTES.items():
        for name, value in _texts(entry, names):
            setattr(found, field, value)
            found.fields[field] = name
            break
    found.emails = [Detail(EMAIL_ATTRIBUTES[n], v, n) for n, v in _texts(entry, EMAIL_ATTRIBUTES)]
    found.phones = [Detail(PHONE_ATTRIBUTES[n], v, n) for n, v in _texts(entry, PHONE_ATTRIBUTES)]
    return found


def read_ldif(path: str | Path, *, source: str | None = None) -> Iterator[ContactRecord]:
    """Every person in an LDIF file, entry by entry (numbered from 1); ContactFileError when it cannot be read."""
    import ldif

    path = Path(path)
    source = source or path.name
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ContactFileError(f"cannot read {source}: {exc.strerror or exc}.") from None
    with handle:
        parser = ldif.LDIFParser(_Lines(handle, source), process_url_schemes=(), strict=False)
        number = 0
        try:
            for _dn, attributes in parser.parse():
                number += 1
                entry = {name.casefold(): values for name, values in attributes.items()}
                classes = {str(c).casefold() for c in entry.get("objectclass", [])}
                if classes & GROUP_CLASSES:
                    continue
                record = _record(entry, number=number, source=source)
                if not record.is_empty():
                    yield record
        except ContactFileError:
            raise
        except (ValueError, binascii.Error) as exc:  # a line with no colon, bad base64, a non-ASCII attribute name
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ContactFileError(f"{source} entry {number + 1:,} is not LDIF: {reason}.") from None
        if not number:
            raise ContactFileError(f"{source} has no LDIF entry in it (no dn: line).")
