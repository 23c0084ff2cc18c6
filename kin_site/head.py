"""What each page tells search engines and link previews: a meta description,
Open Graph and Twitter card values, and schema.org JSON-LD (made in ``kin.jsonld``).

Values are plain text here; ``overrides/partials/kin-head.html`` escapes them
for their attribute, and the JSON-LD is already safe inside a <script>.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup, escape

from kin import jsonld
from kin.dataset import Dataset

IMAGE = "assets/images/kin-social.png"  # 1200x630, drawn by scripts/make_social_image.py
MAX_DESCRIPTION = 160  # what search engines show of a description

# Hand-written pages with JSON-LD of their own.
PAGE_JSONLD = {"index.md": jsonld.organization, "om/index.md": jsonld.organization}


def first_paragraph(content: str) -> str:
    """The text of the first non-empty paragraph of a page's HTML, or ''."""
    for match in re.finditer(r"<p(?:\s[^>]*)?>(.*?)</p>", content or "", re.S):
        text = " ".join(html.unescape(re.sub(r"<[^>]*>", " ", match[1])).split())
        if text:
            return text
    return ""


def shorten(text: str, limit: int = MAX_DESCRIPTION) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–-") + "…"


def page_head(page, config, data: Dataset, generated) -> dict:
    """Values for the head of one page; sets ``page.meta.description``, which Material prints unescaped."""
    site_url = config.site_url or "/"
    given = page.meta.get("description") or (generated.description if generated else "")
    text = shorten(" ".join(str(given or first_paragraph(page.content) or config.site_description or "").split()))
    page.meta["description"] = Markup(escape(text))  # Material prints it unescaped in <meta name="description">
    title = config.site_name if page.is_homepage else generated.title if generated else str(page.title or "")
    make = generated.jsonld if generated else PAGE_JSONLD.get(page.file.src_uri)
    return {
        "title": title,
        "description": text,
        "url": page.canonical_url or site_url,
        "image": site_url + IMAGE,
        "type": "website" if page.is_homepage else "article",
        "jsonld": Markup(jsonld.script_json(make(data, site_url))) if make else None,
    }
