"""Plain text of the seed and of built pages, so tests can compare them word for word."""

from __future__ import annotations

import html
import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT

SEED = ROOT / "sources" / "nettverksmote-2022-02-08.txt"
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@cache
def seed_text() -> str:
    """The seed without its Markdown/HTML markup, whitespace collapsed."""
    text = SEED.read_text(encoding="utf-8")
    text = re.sub(r"\s*<sup>(\d+)</sup>", lambda m: m[1].translate(_SUPERSCRIPT), text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [label](url) -> label
    text = re.sub(r"<[^>]+>", "", text)
    text = text.replace("**", "").replace("\\_", "_").replace("\\*", "*")
    text = re.sub(r"(?<!\w)\*(\S(?:[^*]*\S)?)\*(?!\w)", r"\1", text)  # *emphasis*
    return squash(html.unescape(text))


BLOCKS = {"p", "li", "ul", "ol", "dl", "dt", "dd", "div", "section", "blockquote", "br", "tr", "td", "th", "caption"}
BLOCKS |= {f"h{n}" for n in range(1, 7)}
VOID = {"br", "img", "input", "hr", "meta", "link", "source", "wbr", "area", "col", "embed", "track"}


class _Text(HTMLParser):
    """Text inside <article> (the page body), without scripts; blocks are separated by a space."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if (tag == "article" or self.depth) and tag not in VOID:
            self.depth += 1
        if tag in ("script", "style"):
            self.skip += 1
        if tag in BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
        if tag in BLOCKS:
            self.parts.append(" ")
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def _version(path: Path) -> tuple:
    """What identifies one state of a file, so a page rewritten in place is read again."""
    stat = path.stat()
    return path, stat.st_mtime_ns, stat.st_size


def page_text(site: Path, page: str) -> str:
    return _page_text(_version(site / page / "index.html"))


@cache
def _page_text(version: tuple) -> str:
    parser = _Text()
    parser.feed(version[0].read_text(encoding="utf-8"))
    return squash("".join(parser.parts))


@cache
def _search_docs(version: tuple) -> list[dict]:
    return json.loads(version[0].read_text(encoding="utf-8"))["docs"]


def search_text(site: Path, page: str) -> str:
    """All text the search index holds for one page (its sections included). Compare
    without spaces: the index runs table cells and list items together."""
    docs = _search_docs(_version(site / "search" / "search_index.json"))
    texts = [f"{d['title']} {d['text']}" for d in docs if d["location"].split("#")[0] == page]
    return squash(html.unescape(re.sub(r"<[^>]+>", " ", " ".join(texts))))
