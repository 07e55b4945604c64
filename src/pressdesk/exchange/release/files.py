"""The files releases arrive in, as text for the reader: plain text, .eml, .html, .docx, .odt, .rtf, .pdf and .msg."""

from __future__ import annotations

import io
import logging
import re
from email import policy
from email.parser import BytesParser
from html.parser import HTMLParser
from pathlib import PurePath

from pressdesk.exchange.unpacked import read_through, unpacked_over
from pressdesk.limits import UNPACKED_RELEASE_BYTES

__all__ = ["READABLE", "ReleaseFileError", "html_to_text", "text_of_file"]

READABLE = ".txt .text .md .eml .html .htm .docx .odt .rtf .pdf .msg"
"""The file types the reader takes (a file without a suffix is read as text)."""

_TEXT_SUFFIXES = frozenset({"", ".txt", ".text", ".md", ".markdown"})
_REFUSED = {
    ".doc": "an old Word file: save it as .docx or .pdf",
    ".pages": "a Pages file: export it as .docx or .pdf",
    ".zip": "an archive: unpack it first",
}


class ReleaseFileError(ValueError):
    """A file that cannot be read as a release, with the reason in one line."""


def _decode(data: bytes, source: str) -> str:
    """Bytes of a text file as text: UTF-8 (with or without BOM), else the encoding charset-normalizer finds."""
    if b"\x00" in data:
        raise ReleaseFileError(f"{source} has NUL bytes; it is not a plain-text file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReleaseFileError(f"{source} is not text in any encoding I know. Save it as UTF-8 and try again.")
    return str(best)


class _HtmlText(HTMLParser):
    """Collects the readable text of an HTML page, one line per block, leaving out scripts and page furniture."""

    BLOCKS = frozenset(
        ("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section")
        + ("article", "main", "header", "footer", "blockquote", "pre", "dt", "dd", "hr")
    )
    SKIP = frozenset(("script", "style", "noscript", "nav", "form", "aside", "svg", "template", "head", "button"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.main_at: int | None = None
        self.main_end: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a block, a skipped element or the page's main content."""
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in ("main", "article") and self.main_at is None:
            self.main_at = len(self.parts)
        if tag in self.BLOCKS:
            self.parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "section", "table") else "\n")
        if tag == "li":
            self.parts.append("• ")

    def handle_endtag(self, tag: str) -> None:
        """Close a block or a skipped element."""
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in ("main", "article") and self.main_at is not None and self.main_end is None:
            self.main_end = len(self.parts)
        if tag in self.BLOCKS and tag != "li":
            self.parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "table") else "\n")
        elif tag in ("td", "th"):
            self.parts.append("  ")

    def handle_data(self, data: str) -> None:
        """Keep text outside skipped elements, with runs of spaces made one."""
        if not self.skipping:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))

    def text(self) -> str:
        """The page's text: its main content when it marks one, else the whole body."""
        parts = self.parts
        if self.main_at is not None:
            parts = parts[self.main_at : self.main_end]
        lines = [line.strip() for line in "".join(parts).split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_to_text(html: str) -> str:
    """The readable text of an HTML page or email part, block by block."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    return parser.text()


_SUBJECT_PREFIX = re.compile(
    r"^(?:(?:re|fw|fwd|wg|aw|tr|embargoed|embargo|sperrfrist|(?:press|media|news)\s+release|pressemitteilung)"
    r"\s*[:\-–—]\s*)+",
    re.IGNORECASE,
)


_SUBJECT_EMBARGO = (
    re.compile(
        r"^(?P<embargo>(?:strictly\s+)?embargo(?:ed)?\b[^–—|]*?\d[^–—|]*?)\s*(?:[–—|]|\s-\s|:\s)\s*(?P<title>\S.*)$",
        re.IGNORECASE,
    ),
    re.compile(r"^(?P<title>\S.*?)\s*[\[(](?P<embargo>embargo(?:ed)?\b[^\])]*\d[^\])]*)[\])]\s*$", re.IGNORECASE),
)
"""A subject that carries the embargo beside the title: "EMBARGOED: 00:01 GMT 12 March – Title", "Title [EMBARGO …]"."""


_LONGEST_SUBJECT = 300
"""How much of a subject line is looked at for an embargo beside the title (a hostile subject may be megabytes)."""


def _with_subject(subject: str, text: str) -> str:
    """The email's text with its subject's title and embargo above it, each on its own line, where the body lacks
    them."""
    subject = re.sub(r"^(?:(?:re|fw|fwd|wg|aw|tr)\s*:\s*)+", "", subject, flags=re.IGNORECASE)
    found = next((m for rx in _SUBJECT_EMBARGO if (m := rx.match(subject[:_LONGEST_SUBJECT]))), None)
    embargo, title = (found.group("embargo").strip(" :"), found.group("title").strip()) if found else ("", subject)
    title = title if found else _SUBJECT_PREFIX.sub("", subject)
    head = text[:600].lower()
    lines = [embargo] if embargo and not re.search(r"\bembargo", head) else []
    lines += [title] if title and title.lower() not in head else []
    return "\n\n".join([*lines, text])


def _eml(data: bytes, source: str) -> str:
    """The body of an email: its plain-text part, else its HTML part as text; the subject when the body lacks it."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
        part = message.get_body(preferencelist=("plain", "html"))
    except RecursionError:
        raise ReleaseFileError(f"{source} is not an email that can be read (it is nested too deeply).") from None
    if part is None:
        raise ReleaseFileError(f"{source} is an email with no text or HTML body.")
    try:
        body = part.get_content()
    except LookupError:  # a character set Python does not know: read its bytes as any text file
        body = _decode(part.get_payload(decode=True) or b"", source)
    text = html_to_text(body) if part.get_content_type() == "text/html" else body
    return _with_subject(str(message.get("subject") or "").strip(), text)


def _docx(data: bytes, source: str) -> str:
    """The paragraphs and table cells of a Word document, in order."""
    import zipfile
    import zlib

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if bomb := unpacked_over(io.BytesIO(data), UNPACKED_RELEASE_BYTES):
        raise ReleaseFileError(f"{source} {bomb}: it is not a press release; save it as .pdf or plain text.")
    from lxml.etree import LxmlError

    try:
        read_through(io.BytesIO(data))
        document = docx.Document(io.BytesIO(data))
    except (
        PackageNotFoundError,
        KeyError,
        ValueError,
        EOFError,
        NotImplementedError,  # zipfile: a compression or zip version it does not read
        zipfile.BadZipFile,
        zlib.error,
        LxmlError,
    ) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ReleaseFileError(f"{source} is not a Word document that can be opened ({reason}).") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("  ".join(cell.text for cell in row.cells))
        lines.append("")
    return "\n".join(lines)


def _odt(data: bytes, source: str) -> str:
    """The headings and paragraphs of an OpenDocument text (LibreOffice's .odt), table cells included, in order."""
    import zipfile
    import zlib

    from lxml.etree import LxmlError
    from odfdo import Document

    if bomb := unpacked_over(io.BytesIO(data), UNPACKED_RELEASE_BYTES):
        raise ReleaseFileError(f"{source} {bomb}: it is not a press release; save it as .pdf or plain text.")
    try:
        read_through(io.BytesIO(data))  # a part bigger than the directory says is refused before it is held whole
        document = Document(io.BytesIO(data))
        blocks = document.body.xpath(".//text:h|.//text:p")
    except (KeyError, ValueError, TypeError, EOFError, NotImplementedError, zipfile.BadZipFile, zlib.error, LxmlError):
        raise ReleaseFileError(f"{source} is not an OpenDocument text that can be opened.") from None
    return "\n\n".join(block.text_recursive for block in blocks)


def _rtf(data: bytes, source: str) -> str:
    """The text of a rich-text (.rtf) file, its accents and quotes read in the code page it names."""
    from striprtf.striprtf import rtf_to_text

    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise ReleaseFileError(f"{source} is not a rich-text file (it does not start with {{\\rtf).")
    try:
        text = rtf_to_text(data.decode("latin-1"), errors="replace")
    except (ValueError, LookupError, IndexError, RecursionError) as exc:
        raise ReleaseFileError(f"{source} is not a rich-text file that can be read ({type(exc).__name__}).") from None
    return text.replace("\r\n", "\n")


def _pdf(data: bytes, source: str) -> str:
    """The text of every page of a PDF."""
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError

    from pressdesk.exchange.release.pdf_pages import PdfTooBig, pages_text

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about a damaged file went to stderr, over the TUI
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ReleaseFileError(f"{source} is a password-protected PDF; save an unprotected copy.")
        pages = pages_text(reader, source)
    except PdfTooBig as exc:
        raise ReleaseFileError(f"{source} {exc}: it is not a press release; save its text as .txt.") from None
    except PdfReadError as exc:
        raise ReleaseFileError(f"{source} is not a PDF that can be read ({exc}).") from None
    except LimitReachedError:  # pypdf stops unpacking a part at its own limit (75 MB)
        raise ReleaseFileError(
            f"{source} has a part that unpacks to more than pypdf reads: it is not a press release."
        ) from None
    except RecursionError:
        raise ReleaseFileError(f"{source} is not a PDF that can be read (it is nested too deeply).") from None
    except ReleaseFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds for a damaged file (AttributeError, KeyError...)
        raise ReleaseFileError(f"{source} is not a PDF that can be read ({type(exc).__name__}).") from None
    text = "\n\n".join(pages).strip()
    if not text:
        raise ReleaseFileError(f"{source} is a PDF with no text in it (a scan?); paste the text instead.")
    return text


def _msg(data: bytes, source: str) -> str:
    """The body of an Outlook .msg message (with extract-msg, installed with pressdesk[msg])."""
    try:
        import extract_msg
    except ImportError:
        raise ReleaseFileError(
            f"{source} is an Outlook message; install pressdesk[msg] to read those, or save it as .eml."
        ) from None
    try:
        message = extract_msg.openMsg(data)
    except Exception as exc:  # the library raises many kinds for a damaged file
        raise ReleaseFileError(f"{source} is not an Outlook message that can be read ({exc}).") from None
    try:
        body = message.body or ""
        if not body.strip() and message.htmlBody:
            body = html_to_text(message.htmlBody.decode("utf-8", "replace"))
        subject = (message.subject or "").strip()
    finally:
        message.close()
    return f"{subject}\n\n{body}" if subject and subject.lower() not in body[:600].lower() else body


def text_of_file(data: bytes, name: str, source: str | None = None) -> str:
    """The release text in a file's bytes, read by its type (its name's suffix); ReleaseFileError says why not."""
    source = source or PurePath(name).name or name
    suffix = PurePath(name).suffix.lower()
    if suffix in _REFUSED:
        raise ReleaseFileError(f"{source} is {_REFUSED[suffix]}. I read {READABLE}.")
    if suffix == ".eml":
        return _eml(data, source)
    if suffix in (".html", ".htm"):
        return html_to_text(_decode(data, source))
    if suffix == ".docx":
        return _docx(data, source)
    if suffix == ".odt":
        return _odt(data, source)
    if suffix == ".rtf":
        return _rtf(data, source)
    if suffix == ".pdf":
        return _pdf(data, source)
    if suffix == ".msg":
        return _msg(data, source)
    if data[:5] == b"%PDF-" or data[:4] in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0"):
        raise ReleaseFileError(f"{source} is not a text file and its type ({suffix}) is not one I read: {READABLE}.")
    text = _decode(data, source)
    if suffix not in _TEXT_SUFFIXES and re.match(r"\s*<(?:!doctype\s+html|html)\b", text, re.IGNORECASE):
        return html_to_text(text)
    return text
