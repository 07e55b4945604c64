"""Escaping for the Markdown and HTML formats: every value is text to show, never markup to follow."""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
"""Characters with a meaning inside a Markdown table cell (emphasis, code, links, HTML, pipes, entities, maths)."""
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\u2028\u2029]+")


def md_cell(value: object) -> str:
    """A value as the text of a Markdown table cell: one line, every character with a meaning escaped."""
    text = "" if value is None else str(value)
    text = _LINE_BREAKS.sub(" ", text)
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_row(values: list[object]) -> str:
    """One line of a Markdown table."""
    return "| " + " | ".join(md_cell(v) for v in values) + " |\n"


def md_table_head(headings: list[str] | tuple[str, ...], numeric: list[bool] | None = None) -> str:
    """The heading line and alignment line of a Markdown table (numbers right-aligned)."""
    numeric = numeric or [False] * len(headings)
    rule = "| " + " | ".join("---:" if n else "---" for n in numeric) + " |\n"
    return md_row(list(headings)) + rule


def h(value: object) -> str:
    """A value as HTML text, quotes included, so it can sit in an element or an attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def h_lines(value: object) -> str:
    """A value as HTML text with its line breaks kept as <br>."""
    return "<br>".join(h(part) for part in str(value or "").splitlines())


PAGE_STYLE = """
:root { color-scheme: light; }
body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif;
       color: #1d1d1f; margin: 2rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid #ccd; padding-bottom: .2rem; }
p.meta { color: #555; margin: 0 0 1rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: 10pt; }
th, td { border: 1px solid #ccd; padding: .2rem .45rem; text-align: left; vertical-align: top; }
th { background: #eef0f6; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) { background: #f8f9fc; }
table.title, table.title td { border: 0; padding: 0; margin: 0; font-size: inherit; background: none; }
.kpis { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
.kpi { border: 1px solid #ccd; border-radius: 6px; padding: .5rem .8rem; min-width: 9rem; }
.kpi b { display: block; font-size: 1.5rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
figure { margin: 0; width: 30rem; max-width: 100%; }
figure img { display: block; width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #555; }
section { break-inside: auto; }
@media print {
  body { margin: 0; font-size: 9.5pt; }
  h2 { break-after: avoid; }
  table, figure, .kpis { break-inside: avoid; }
  .charts { gap: 4mm; }
  figure { width: 88mm; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  section.page { break-before: page; }
  section.log table { break-inside: auto; font-size: 6pt; width: 100%; table-layout: fixed; }
  section.log th, section.log td { padding: .5mm .6mm; overflow-wrap: anywhere; }
  @page { size: A4; margin: 14mm 12mm; }
  @page log { size: A4 landscape; }
  section.log { page: log; }
}
"""
"""The one stylesheet of the HTML pages, inline: no font, script or image is ever fetched."""


def page_head(title: str) -> str:
    """The start of a self-contained HTML page, up to and including <body>."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{h(title)}</title>\n<style>{PAGE_STYLE}</style>\n</head>\n<body>\n"
    )


def title_block(title: str, meta: str) -> str:
    """The page's title and the line under it, in a one-cell table: LibreOffice then prints them on the first page.

    LibreOffice opens an .html file in Writer/Web, which gives the first paragraph of the page the "HTML" page
    style; its PDF export prints a blank first page and loses that paragraph. A page that opens with a table does
    not have the fault. Browsers show the table as the plain heading it holds.
    """
    return (
        '<table class="title" role="presentation"><tr><td>\n'
        f"<h1>{h(title)}</h1>\n<p class=meta>{h(meta)}</p>\n</td></tr></table>\n"
    )


PAGE_END = "</body>\n</html>\n"
