"""Small bar charts made at build time (no JavaScript).

Labels and values are HTML text, so they keep the page's font size (at least
12 px) at every screen width; only the bars are SVG, stretched to fit. Each
chart is one image (``role="img"``) whose name lists every number, and pages
also show the same numbers as a table.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def bar_chart(rows: list[tuple[str, int]], title: str) -> Markup:
    """Horizontal bars, one per (label, value) row."""
    top = max((v for _, v in rows), default=0) or 1
    parts = [_open("bars", f"{title}: " + "; ".join(f"{name} {value}" for name, value in rows))]
    for name, value in rows:
        parts.append(
            f'<span class="kin-chart__label">{escape(name)}</span>'
            f'<svg class="kin-chart__track" viewBox="0 0 100 1" preserveAspectRatio="none" focusable="false">'
            f'<rect class="kin-chart__bar" width="{_share(value, top)}" height="1"/></svg>'
            f'<span class="kin-chart__value">{value}</span>'
        )
    parts.append("</div>")
    return Markup("".join(parts))


def column_chart(rows: list[tuple[str, int]], title: str) -> Markup:
    """Vertical columns, e.g. enrolment per year."""
    top = max((v for _, v in rows), default=0) or 1
    parts = [_open("columns", f"{title}: " + "; ".join(f"{name}: {value}" for name, value in rows))]
    for name, value in rows:
        h = _share(value, top)
        parts.append(
            f'<span class="kin-chart__column"><span class="kin-chart__value">{value}</span>'
            f'<svg class="kin-chart__track" viewBox="0 0 10 100" preserveAspectRatio="none" focusable="false">'
            f'<rect class="kin-chart__bar" x="1.5" y="{100 - h}" width="7" height="{h}"/></svg>'
            f'<span class="kin-chart__label">{escape(name)}</span></span>'
        )
    parts.append("</div>")
    return Markup("".join(parts))


def _open(kind: str, alt: str) -> str:
    return f'<div class="kin-chart kin-chart--{kind}" role="img" aria-label="{escape(alt)}">'


def _share(value: int, top: int) -> float:
    """Bar length in percent of the largest value; a zero still shows a sliver."""
    return max(round(100 * value / top, 1), 0.5)
