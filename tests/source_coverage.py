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
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from source_text import SEED, page_text

WORD = re.compile(r"\w+")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# Words a page may leave out when it shows a line's parts as a list or in fields: "og" joining
# two listed items, "v." (ved) before an agenda item's speakers.
JOINERS = {"og", "v"}


def words(text: str) -> str:
    """`text` as space-separated case-folded words, with spaces at both ends."""
    text = re.sub(r"(?i)\b(https?://|mailto:)", " ", html.unescape(text))
    return " " + " ".join(w for w in WORD.findall(text.casefold()) if w not in JOINERS) + " "


def _plain(line: str) -> str:
    """One seed line without its Markdown/HTML markup (as ``source_text.seed_text`` does for the whole)."""
    line = re.sub(r"\s*<sup>(\d+)</sup>", lambda m: m[1].translate(_SUPERSCRIPT), line)
    line = re.sub(r"<(https?://[^>\s]+)>", r"\1", line)  # <https://...> autolinks
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)  # [label](url) -> label
    line = re.sub(r"<[^>]+>", "", line)
    line = re.sub(r"\$[^$]*\$", " ", line)  # TeX formulas: the site writes them as text, if at all
    line = line.replace("**", "").replace("\\_", "_").replace("\\*", "*")
    return re.sub(r"(?<!\w)\*(\S(?:[^*]*\S)?)\*(?!\w)", r"\1", line)  # *emphasis*


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


# A page may show a line's parts apart (an agenda line's time, title and speakers are
# fields of their own): the words must then come in the line's order on one page, with
# at most this many other words between two of them.
MAX_GAP = 25


@dataclass(frozen=True)
class Page:
    words: list[str]
    at: dict[str, list[int]]  # word -> its positions, ascending


@cache
def site_pages(site: Path) -> tuple[Page, ...]:
    """The words of every page's body on the built site."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        found = words(page_text(site, str(path.parent.relative_to(site)))).split()
        at: dict[str, list[int]] = defaultdict(list)
        for index, word in enumerate(found):
            at[word].append(index)
        pages.append(Page(found, dict(at)))
    return tuple(pages)


@cache
def site_words(site: Path) -> str:
    """All pages' words, pages separated by a marker no line contains."""
    return " \x00 ".join(" " + " ".join(p.words) + " " for p in site_pages(site))


def _in_order(page: Page, wanted: list[str]) -> bool:
    for start in page.at.get(wanted[0], ()):
        here = start
        for word in wanted[1:]:
            positions = page.at.get(word, ())
            nxt = bisect_right(positions, here)
            if nxt == len(positions) or positions[nxt] - here > MAX_GAP + 1:
                break
            here = positions[nxt]
        else:
            return True
    return False


def on_site(site: Path, text: str) -> bool:
    """Whether the words of ``text`` are on the site: together anywhere, or in order on one page."""
    wanted = words(text)
    if wanted in site_words(site):
        return True
    if len(wanted.split()) < 3:  # a word or two could be found apart anywhere: only together counts
        return False
    return any(_in_order(page, wanted.split()) for page in site_pages(site))
