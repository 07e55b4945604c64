"""The report's charts as SVG (pygal): no script, no font, no image, no link to anything outside the page."""

from __future__ import annotations

import base64
import math
import re

from pressdesk.exchange.export.document import Chart, Table

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S)
"""pygal always adds a script holding its settings (for its optional tooltips); text in it is escaped, so the first
</script> is the element's end."""
_CHART_ID = re.compile(r'\bid="(chart-[0-9a-f-]+)"')
_BACKGROUND = 'class="background"'
_TAG = re.compile(r"<(/?)([\w:]+)([^>]*?)(/?)>")
_CLASSES = re.compile(r'\bclass="([^"]*)"')
_FONT = 'system-ui, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif'
_EXTERNAL = re.compile(r"<script|(?:xlink:)?href\s*=|\bsrc\s*=|url\(|@import", re.I)

PALETTE = ("#3465a4", "#f57900", "#73d216", "#cc0000", "#75507b", "#c4a000", "#06989a", "#555753")


class ExternalReference(ValueError):
    """A chart's SVG refers to something outside the page (it must not: the page is self-contained)."""


def _style(colors: tuple[str, ...] = ()):
    """A plain print-friendly pygal style in the system sans-serif font."""
    from pygal.style import Style

    font = _FONT
    return Style(
        background="white",
        plot_background="white",
        foreground="#1d1d1f",
        foreground_strong="#1d1d1f",
        foreground_subtle="#888",
        colors=colors or PALETTE,
        font_family=font,
        title_font_family=font,
        label_font_family=font,
        major_label_font_family=font,
        value_font_family=font,
        value_label_font_family=font,
        tooltip_font_family=font,
        legend_font_family=font,
        title_font_size=16,
        label_font_size=11,
        major_label_font_size=11,
        legend_font_size=11,
    )


def _label(value: object) -> str:
    """A label as shown on a chart."""
    return "(none)" if value is None else str(value)


def svg(chart: Chart, table: Table) -> str:
    """The chart as an <svg> element to inline in HTML; ExternalReference if pygal ever put a link in it."""
    import pygal

    options = {
        "js": [],
        "disable_xml_declaration": True,
        "style": _style(chart.colors),
        "width": 640,
        "height": 340,
        "title": chart.title,
        "show_legend": chart.kind == "pie" or len(chart.value_columns) > 1,
        "legend_at_bottom": True,
        "truncate_label": 24,
        "truncate_legend": 28,
    }
    rows = list(reversed(table.rows)) if chart.kind == "bar" else list(table.rows)  # pygal draws bars bottom up
    labels = [_label(row[chart.label_column]) for row in rows]
    if chart.kind == "pie":
        drawing = pygal.Pie(inner_radius=0.45, print_values=True, **options)
        for label, row in zip(labels, rows, strict=True):
            drawing.add(label, [row[chart.value_columns[0]] or 0])
    else:
        kind = pygal.HorizontalBar if chart.kind == "bar" else pygal.Bar
        every = max(1, len(labels) // 12)
        highest = max([1, *((row[c] or 0) for row in rows for c in chart.value_columns)])
        step = max(1, math.ceil(highest / 8))
        drawing = kind(
            x_label_rotation=0 if len(labels) <= 8 else 40,
            show_minor_x_labels=every == 1,
            y_labels=list(range(0, highest + step, step)),
            **options,
        )
        drawing.x_labels = labels
        if every > 1:
            drawing.x_labels_major = labels[::every]
        for column in chart.value_columns:
            drawing.add(table.headings[column], [row[column] or 0 for row in rows])
    text = _SCRIPT.sub("", _COMMENT.sub("", drawing.render(is_unicode=True)))
    found = _EXTERNAL.search(text)
    if found:
        raise ExternalReference(f"The chart '{chart.title}' refers outside the page ({found.group(0)}).")
    return text


def image_uri(svg_text: str) -> str:
    """The chart as a data: URI for an <img>, which LibreOffice draws (it ignores an <svg> inside HTML).

    As its own document the chart needs no id to keep its stylesheet to itself: "#chart-… .title" becomes ".title",
    a selector LibreOffice applies. Its two backgrounds are also painted white by attribute, because LibreOffice
    skips pygal's "graph > background" rule and would let them take the graph's dark text colour.
    """
    found = _CHART_ID.search(svg_text)
    if found:
        chart_id = found.group(1)
        svg_text = svg_text.replace(f"#{chart_id} ", "").replace(f"#{chart_id}", "svg")
    svg_text = _anchor_axis_labels(svg_text.replace(_BACKGROUND, f'{_BACKGROUND} fill="white"'))
    return "data:image/svg+xml;base64," + base64.b64encode(svg_text.encode("utf-8")).decode("ascii")


def _anchor_axis_labels(svg_text: str) -> str:
    """Axis labels with their anchor, size and font as attributes too (pygal sets them by ".axis.x text" rules).

    LibreOffice skips those rules; a browser applies them, and they win over the attributes, so it shows no change.
    """
    parts, done, inside = [], 0, []
    for tag in _TAG.finditer(svg_text):
        closing, name, attributes, empty = tag.groups()
        if closing:
            inside.pop()
            continue
        classes = set(found.group(1).split()) if (found := _CLASSES.search(attributes)) else set()
        if name == "text" and "text-anchor" not in attributes:
            axis = next((c for c in reversed(inside) if "axis" in c), set())
            anchor = (
                "end" if "y" in axis else ("start" if "transform=" in attributes else "middle") if "x" in axis else ""
            )
            if anchor:
                parts.append(svg_text[done : tag.end(3)])
                parts.append(f' text-anchor="{anchor}" font-size="11" font-family=\'{_FONT}\'')
                done = tag.end(3)
        if not empty:
            inside.append(classes)
    return "".join(parts) + svg_text[done:]
