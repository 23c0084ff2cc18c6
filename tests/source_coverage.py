"""Line-by-line comparison of the seed with the built site.

A line of the seed is compared as its sequence of words (letters and digits,
case folded), so markup, punctuation, quote marks, list markers and table cell
boundaries do not matter, but every word and its order do. ``https://``,
``http://`` and ``mailto:`` are dropped on both sides: a link may show its
address without them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from source_text import SEED, page_text

WORD = re.compile(r"\w+")


def words(text: str) -> str:
    """`text` as space-separated case-folded words, with spaces at both ends."""
    text = re.sub(r"(?i)\b(https?://|mailto:)", " ", html.unescape(text))
    return " " + " ".join(WORD.findall(text.casefold())) + " "


def _plain(line: str) -> str:
    """One seed line without its Markdown/HTML markup (as ``source_text.seed_text`` does for the whole)."""
    line = re.sub(r"<(https?://[^>\s]+)>", r"\1", line)  # <https://...> autolinks
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)  # [label](url) -> label
    line = re.sub(r"<[^>]+>", "", line)
    line = re.sub(r"\$[^$]*\$", " ", line)  # TeX formulas: the site writes them as text, if at all
    return line.replace("\\_", "_").replace("\\*", "*")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the seed
    text: str  # the line (or one cell of a table row) without markup


def seed_lines() -> Iterator[Line]:
    """Every seed line that has at least one word; a table row (cells separated by tabs) gives one
    line per cell, since a page may show a row's cells apart (a name and, under it, its affiliation)."""
    for number, raw in enumerate(SEED.read_text(encoding="utf-8").splitlines(), start=1):
        for cell in _plain(raw).split("\t"):
            if WORD.search(cell):
                yield Line(number, cell.strip())


@cache
def site_words(site: Path) -> str:
    """The words of every page's body on the built site, pages separated by a marker no line contains."""
    pages = sorted(p.parent for p in site.rglob("index.html"))
    texts = [page_text(site, str(p.relative_to(site))) if p != site else page_text(site, ".") for p in pages]
    return " \x00 ".join(words(t) for t in texts)
