"""Small bar charts as inline SVG, made at build time (no JavaScript).

Each chart has a text alternative (``role="img"`` with a title); pages also
show the same numbers as a table.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def bar_chart(rows: list[tuple[str, int]], title: str, width: int = 480) -> Markup:
    """Horizontal bars, one per (label, value) row."""
    bar_h, gap, label_w = 22, 8, 190
    top = max((v for _, v in rows), default=0) or 1
    height = len(rows) * (bar_h + gap) + gap
    alt = f"{title}: " + "; ".join(f"{name} {value}" for name, value in rows)
    parts = [
        f'<svg class="kin-chart" role="img" aria-labelledby="{_id(title)}" '
        f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px">',
        f'<title id="{_id(title)}">{escape(alt)}</title>',
    ]
    for i, (name, value) in enumerate(rows):
        y = gap + i * (bar_h + gap)
        w = round((width - label_w - 40) * value / top)
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" class="kin-chart__label">{escape(name)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{max(w, 1)}" height="{bar_h}" class="kin-chart__bar"/>'
            f'<text x="{label_w + w + 4}" y="{y + 15}" class="kin-chart__value">{value}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def column_chart(rows: list[tuple[str, int]], title: str, width: int = 360, height: int = 200) -> Markup:
    """Vertical columns, e.g. enrolment per year."""
    top = max((v for _, v in rows), default=0) or 1
    base, col_w = height - 24, (width - 20) / max(len(rows), 1)
    alt = f"{title}: " + "; ".join(f"{name}: {value}" for name, value in rows)
    parts = [
        f'<svg class="kin-chart" role="img" aria-labelledby="{_id(title)}" '
        f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px">',
        f'<title id="{_id(title)}">{escape(alt)}</title>',
    ]
    for i, (name, value) in enumerate(rows):
        h = round((base - 24) * value / top)
        x = 10 + i * col_w
        parts.append(
            f'<rect x="{x + col_w * 0.15:.1f}" y="{base - h}" width="{col_w * 0.7:.1f}" height="{max(h, 1)}" '
            f'class="kin-chart__bar"/>'
            f'<text x="{x + col_w / 2:.1f}" y="{base - h - 6}" text-anchor="middle" '
            f'class="kin-chart__value">{value}</text>'
            f'<text x="{x + col_w / 2:.1f}" y="{height - 6}" text-anchor="middle" class="kin-chart__label">'
            f"{escape(name)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _id(title: str) -> str:
    return "chart-" + "".join(c if c.isalnum() else "-" for c in title.lower())[:48]
