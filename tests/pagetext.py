"""Readable text of a built page's article, one line per block: for comparing
what a reader sees across builds without depending on markup details. The
"Foreslå endring" links (class ``kin-edit``) are page tools, not content: left out."""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCKS = {"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "div", "section", "br", "caption"}
BLOCKS |= {"ol", "ul"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # > 0 inside the article
        self.tool = False  # inside a "Foreslå endring" paragraph
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if tag == "p" and "kin-edit" in (dict(attrs).get("class") or "").split():
            self.tool = True
        if self.depth and tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self.depth and tag in BLOCKS:
            self.parts.append("\n")
        if tag == "article":
            self.depth -= 1
        if tag == "p":
            self.tool = False

    def handle_data(self, data):
        if self.depth and not self.tool:
            self.parts.append(data)


def article_lines(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return [line for line in lines if line]
