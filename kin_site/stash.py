"""Rendered HTML blocks kept out of Python-Markdown.

Macros and generated pages render finished HTML. Handing that HTML to Markdown
only makes its HTML parser walk every tag to find where the block ends (a
quarter of the build, more on large pages). Instead each block becomes a
one-line comment placeholder in the Markdown, and the hook puts the HTML back
into the converted page (``on_page_content``).
"""

from __future__ import annotations

import itertools
import re

from markupsafe import Markup

_blocks: dict[str, str] = {}
_ids = itertools.count()
_PLACEHOLDER = re.compile(r"(?:<p>)?<!--kin-block-(\d+)-->(?:</p>)?")


def put(html: str) -> Markup:
    """Keep ``html`` aside; returns the placeholder to write into the Markdown."""
    key = str(next(_ids))
    _blocks[key] = html
    return Markup(f"\n\n<!--kin-block-{key}-->\n\n")


def restore(html: str) -> str:
    """Put every block of a converted page back (and forget it)."""
    return _PLACEHOLDER.sub(lambda m: _blocks.pop(m[1]), html)


def expanded(markdown: str) -> str:
    """``markdown`` with the blocks written in (they stay kept for ``restore``)."""
    return _PLACEHOLDER.sub(lambda m: _blocks[m[1]], markdown)


def clear() -> None:
    _blocks.clear()
