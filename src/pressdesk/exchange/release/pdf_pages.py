"""The text of a PDF's pages read with bounded work: its pages, the content they draw and the operations drawn counted.

pypdf parses a page's whole content before drawing it and draws a form again each time a page calls it: 7 KB of
packed text operations took 4.6 s, 900 bytes calling a form of 1,000 pieces of text 1,000 times took 10 s."""

from __future__ import annotations

from pressdesk.limits import PDF_CONTENT_BYTES, PDF_OPERATIONS, PDF_PAGES


class PdfTooBig(ValueError):
    """A PDF past one of the limits, with what it holds in a few words ("has 12,000 pages (at most 300)")."""


class _TooManyOperations(BaseException):  # noqa: N818 - a signal, not an error
    """Stops pypdf drawing: a BaseException, as pypdf logs and carries on past any Exception raised inside a form."""


def _streams(page) -> list:
    """The content streams a page draws: its own and, through its resources, every form it may call (each once)."""
    from pypdf.generic import ArrayObject, DictionaryObject

    found: dict[int, object] = {}
    visited: set[int] = set()  # every object reached by reference, once: a form's resources may lead back to it
    waiting = [page.get("/Contents"), page.get("/Resources")]
    while waiting:
        item = waiting.pop()
        reference = getattr(item, "idnum", None)
        if reference is not None:
            if reference in visited:
                continue
            visited.add(reference)
        item = item.get_object() if item is not None else None
        if item is None:
            continue
        if isinstance(item, ArrayObject):
            waiting += list(item)
        elif isinstance(item, DictionaryObject):
            if "/Subtype" in item and item.get("/Subtype") != "/Form":
                continue  # an image or other stream that drawing text never unpacks
            if hasattr(item, "get_data"):
                found[reference if reference is not None else id(item)] = item
            resources = item.get("/Resources")
            forms = resources.get_object().get("/XObject") if resources is not None else item.get("/XObject")
            if forms is not None:
                waiting += list(forms.get_object().values())
    return list(found.values())


def pages_text(reader, source: str) -> list[str]:
    """The text of each page; PdfTooBig for more pages, more content or more operations than a release holds."""
    pages = reader.pages
    if len(pages) > PDF_PAGES:
        raise PdfTooBig(f"has {len(pages):,} pages (at most {PDF_PAGES:,})")
    content = 0
    for page in pages:
        content += sum(len(stream.get_data()) for stream in _streams(page))
        if content > PDF_CONTENT_BYTES:
            raise PdfTooBig(f"draws over {PDF_CONTENT_BYTES >> 20:,} MB of content on its pages")
    drawn = 0

    def count(operator, operands, cm, tm) -> None:
        """Count each operation drawn, forms' included; stop past the limit."""
        nonlocal drawn
        drawn += 1
        if drawn > PDF_OPERATIONS:
            raise _TooManyOperations

    try:
        return [page.extract_text(visitor_operand_before=count) or "" for page in pages]
    except _TooManyOperations:
        raise PdfTooBig(f"draws over {PDF_OPERATIONS:,} operations on its pages") from None
