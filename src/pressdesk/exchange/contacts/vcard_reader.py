"""Contacts from a vCard file (2.1, 3.0 and 4.0; Apple, Android and Outlook exports) through vobject, card by card.

Each card is cut out of the file first, so one card vobject cannot read is reported and the others still come in.
vCard 2.1's quoted-printable soft line breaks ("=" at a line's end) are joined before vobject reads the card.
"""

from __future__ import annotations

import codecs
import quopri
import re
from collections.abc import Iterator
from pathlib import Path

from pressdesk.exchange.contacts.record import ContactRecord, Detail, label_of
from pressdesk.exchange.contacts.text_files import ContactFileError, open_text, text_lines

_BEGIN = re.compile(r"^\s*BEGIN\s*:\s*VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"^\s*END\s*:\s*VCARD\s*$", re.IGNORECASE)
_QP = re.compile(r"ENCODING=QUOTED-PRINTABLE|;QUOTED-PRINTABLE[;:]", re.IGNORECASE)
_CHARSET = re.compile(r";\s*CHARSET\s*=\s*([^;:]+)", re.IGNORECASE)
_APPLE_LABEL = re.compile(r"_\$!<(.*)>!\$_")
MAX_CARD_LINES = 5000
"""A card longer than this is not a contact (a photo is a few hundred folded lines)."""
MAX_CARD_CHARS = 1 << 20
"""A card of more characters is not a contact either: 5,000 lines folded at 75 are 375,000, a note of 20,000 characters
quoted-printable at most 240,000 (a 3.7 MB note of 5,000 soft-broken lines took 0.8 s to parse)."""


def _join_soft_breaks(lines: list[str]) -> list[str]:
    """Lines with quoted-printable soft breaks ("=" at the end) joined to the lines they continue on.

    The pieces of a broken line are gathered and joined once (joining them one by one copied the growing line for
    each piece: a card of 5,000 broken lines took 8-30 s)."""
    joined: list[str] = []
    pieces: list[str] = []
    for line in lines:
        if pieces:  # carrying: the last piece is never empty, so the "=" dropped is the soft break's
            pieces[-1] = pieces[-1][:-1]
            if not pieces[-1]:
                pieces.pop()
            if line:
                pieces.append(line)
        elif _QP.search(line.split(":", 1)[0] + ":") and line.endswith("="):
            pieces = [line]
        else:
            joined.append(line)
            continue
        if not (pieces and pieces[-1].endswith("=")):
            joined.append("".join(pieces))
            pieces = []
    if pieces:
        joined.append("".join(pieces))
    return joined


def _upper_encoding(line: str) -> str:
    """A quoted-printable property as vobject decodes it: "encoding=quoted-printable" said in upper case (Android
    phones write it either way), and a CHARSET it can decode with (none given, vobject decodes as UTF-8; older phones
    and Outlook wrote their Windows code page)."""
    head, colon, value = line.partition(":")
    if not colon or line[:1].isspace() or not _QP.search(head + ":"):
        return line
    head = re.sub(r"quoted-printable", "QUOTED-PRINTABLE", head, flags=re.IGNORECASE)
    return _with_charset(head, value) + colon + value


def _with_charset(head: str, value: str) -> str:
    """A quoted-printable property's head with a CHARSET vobject knows: its own when it names a known one (bytes that
    are not in it make the card unreadable, said so), else UTF-8 when its bytes are that, else Windows-1252."""
    given = _CHARSET.search(head)
    if given:
        try:
            codecs.lookup(given.group(1).strip('"'))
            return head
        except LookupError:
            pass
    try:
        quopri.decodestring(value.encode("ascii", "replace")).decode("utf-8")
        charset = "utf-8"
    except UnicodeDecodeError:
        charset = "windows-1252"
    return head if given is None and charset == "utf-8" else _set_charset(head, given, charset)


def _set_charset(head: str, given: re.Match | None, charset: str) -> str:
    """The head with its CHARSET parameter said to be this one (added when it has none)."""
    if given is None:
        return f"{head};CHARSET={charset}"
    return head[: given.start(1)] + charset + head[given.end(1) :]


def _cards(lines) -> Iterator[tuple[int, str, str]]:
    """(number, text, why it is refused) of each card in the file's lines, in order: a card is cut off, its text ""
    and why said, past MAX_CARD_LINES lines or MAX_CARD_CHARS characters, before it is held or parsed whole."""
    number = size = 0
    card: list[str] | None = None
    for raw in lines:
        line = raw.rstrip("\r\n")
        if card is None:
            if _BEGIN.match(line):
                card, size = [line], len(line)
            continue
        card.append(line)
        size += len(line)
        if len(card) > MAX_CARD_LINES or size > MAX_CARD_CHARS:
            number += 1
            limit = f"{MAX_CARD_LINES:,} lines" if len(card) > MAX_CARD_LINES else f"{MAX_CARD_CHARS:,} characters"
            yield number, "", f"card {number:,} has over {limit}: it is not one contact."
            card = None
        elif _END.match(line):
            number += 1
            yield number, "\r\n".join(map(_upper_encoding, _join_soft_breaks(card))) + "\r\n", ""
            card = None
    if card:
        number += 1
        yield number, "\r\n".join(map(_upper_encoding, _join_soft_breaks(card))) + "\r\nEND:VCARD\r\n", ""


def _types(line) -> list[str]:
    """The TYPE parameters of a property, however written (TYPE=a,b; type=a;type=b; vCard 2.1's bare CELL)."""
    found: list[str] = []
    for value in line.params.get("TYPE", []):
        found += [part.strip().strip('"') for part in value.split(",")]
    found += list(getattr(line, "singletonparams", []) or [])
    return found


def _label(line, group_labels: dict[str, str]) -> str:
    """A property's label: an Apple X-ABLabel of its group first, then its TYPE parameters, a fax or mobile before
    where it is (Outlook writes TEL;WORK;FAX for the office fax)."""
    if line.group and (found := label_of(group_labels.get(line.group.casefold()))):
        return found
    return label_of(" ".join(_types(line)))


def _text(value) -> str:
    """A property value as one line of text (ORG and CATEGORIES are lists)."""
    if isinstance(value, list | tuple):
        return ", ".join(str(v).strip() for v in value if str(v).strip())
    return str(value or "").strip()


def _is_group(card) -> bool:
    """Whether a card is a contact group (vCard 4's KIND:group, Apple's X-ADDRESSBOOKSERVER-KIND:group)."""
    kinds = [line for line in card.getChildren() if line.name in ("KIND", "X-ADDRESSBOOKSERVER-KIND")]
    return any(_text(line.value).casefold() == "group" for line in kinds)


def _record(card, *, number: int, source: str) -> ContactRecord:
    """The contact a parsed card describes."""
    found = ContactRecord(row=number, source=source)
    group_labels = {
        line.group.casefold(): _APPLE_LABEL.sub(r"\1", str(line.value))
        for line in card.getChildren()
        if line.name == "X-ABLABEL" and line.group
    }
    for line in card.getChildren():
        name = line.name
        if name == "FN":
            found.name = found.name or _text(line.value)
        elif name == "N":
            value = line.value
            if hasattr(value, "given"):
                found.first = _text(" ".join(filter(None, [_text(value.given), _text(value.additional)])))
                found.last = _text(value.family)
        elif name == "ORG":
            parts = line.value if isinstance(line.value, list) else [line.value]
            found.organisation = found.organisation or _text(parts[0] if parts else "")
        elif name == "TITLE":
            found.title = found.title or _text(line.value)
        elif name == "CATEGORIES":
            found.beat = found.beat or _text(line.value)
        elif name == "NOTE":
            found.notes = "\n".join(filter(None, [found.notes, str(line.value or "").strip()]))
        elif name == "EMAIL":
            found.emails.append(Detail(_label(line, group_labels), _text(line.value), "EMAIL"))
        elif name == "TEL":
            found.phones.append(Detail(_label(line, group_labels), _text(line.value), "TEL"))
        elif name == "ADR" and not found.country and hasattr(line.value, "country"):
            found.country = _text(line.value.country)
    found.fields.update(name="FN", first="N", last="N", organisation="ORG", title="TITLE", beat="CATEGORIES")
    return found


def read_vcards(path: str | Path, *, source: str | None = None) -> Iterator[ContactRecord]:
    """Every contact in a vCard file, card by card; a card that cannot be read comes as a record with its problem."""
    import vobject

    path = Path(path)
    source = source or path.name
    try:
        handle = open_text(path)
    except OSError as exc:
        raise ContactFileError(f"cannot read {source}: {exc.strerror or exc}.") from None
    with handle:
        any_card = False
        for number, text, refused in _cards(text_lines(handle, source)):
            any_card = True
            if refused:
                yield ContactRecord(row=number, source=source, problems=[("card", "", refused)])
                continue
            try:
                card = vobject.readOne(text, ignoreUnreadable=True)
            except Exception as exc:  # noqa: BLE001 - vobject raises many kinds of error for one bad line
                problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                yield ContactRecord(
                    row=number, source=source, problems=[("card", text[:80], f"vCard not readable: {problem}")]
                )
                continue
            if _is_group(card):
                continue  # a vCard 4 group (KIND:group) lists its members' cards: it is no one to import
            record = _record(card, number=number, source=source)
            if not record.is_empty():
                yield record
        if not any_card:
            raise ContactFileError(f"{source} has no vCard in it (no BEGIN:VCARD line).")
