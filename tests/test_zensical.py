"""The Zensical build (Material's successor), from the engine-independent parts: the
rendered Markdown and the exports give the same pages and files as the main build."""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import pytest
from conftest import DATA, ROOT
from icalendar import Calendar

sys.path.insert(0, str(ROOT / "scripts"))
import build_zensical

# One page of each kind: home, indexes, a page per record, the catalogue, open data.
SAMPLE = [
    "index.html",
    "moter/index.html",
    "moter/2022-02-08/index.html",
    "uttalelser/index.html",
    "uttalelser/innspill-nasjonal-implementeringsplan-for-ki/index.html",
    "organisasjoner/ntnu/index.html",
    "studier/index.html",
    "studier/elmed219/index.html",
    "studier/regioner/index.html",
    "nettverket/index.html",
    "ressurser/index.html",
    "om/apne-data/index.html",
]
FOOTER_FILES = {"kin.ics": "calendar", "moter.xml": "feed", "uttalelser.xml": "feed"}
SITE_PATH = urlsplit(build_zensical.config.site_url()).path  # read once: it parses mkdocs.yml


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("zensical")
    result = build_zensical.build(work, DATA)
    assert result.returncode == 0, result.stdout + result.stderr
    return work / "site"


class ArticleText(HTMLParser):
    """The visible text of Material's article element."""

    VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.depth = self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += tag not in self.VOID
            self.hidden += tag in ("script", "style", "template")
        elif tag == "article" and "md-content__inner" in (dict(attrs).get("class") or ""):
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.hidden -= tag in ("script", "style", "template")
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.hidden:
            self.parts.append(data)


def article_text(path: Path) -> str:
    parser = ArticleText()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


@pytest.mark.parametrize("path", SAMPLE)
def test_same_article_text_as_the_main_build(built_site, zensical_site, path):
    ours = article_text(built_site / path)
    assert len(ours) > 200
    assert article_text(zensical_site / path) == ours


def local_links(site: Path, page: Path) -> list[tuple[str, Path]]:
    """Every site-internal href/src of a page, with the file it points to."""
    out = []
    for ref in re.findall(r'(?:href|src)="([^"]+)"', page.read_text(encoding="utf-8")):
        parts = urlsplit(ref)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        path = unquote(parts.path)
        base = SITE_PATH  # absolute links (404 page) start here
        target = site / path.removeprefix(base) if path.startswith("/") else page.parent / path
        out.append((ref, target / "index.html" if target.is_dir() else target))
    return out


def test_no_page_links_to_a_missing_file(zensical_site):
    pages = list(zensical_site.rglob("*.html"))
    assert len(pages) > 90
    missing = {
        (page.relative_to(zensical_site).as_posix(), ref)
        for page in pages
        for ref, target in local_links(zensical_site, page)
        if not target.is_file()
    }
    assert not missing, sorted(missing)[:20]


@pytest.mark.parametrize("path", ["index.html", "moter/2022-02-08/index.html", "studier/elmed219/index.html"])
def test_footer_feeds_and_calendars_resolve(built_site, zensical_site, path):
    footer = (zensical_site / path).read_text(encoding="utf-8").split('class="kin-subscribe"', 1)[1]
    found = {}
    for ref, target in local_links(zensical_site, zensical_site / path):
        name = target.name
        if name in FOOTER_FILES and ref in footer:
            found[name] = target
    assert set(found) == set(FOOTER_FILES)
    for name, target in found.items():
        assert target.is_file() and target.read_bytes() == (built_site / name).read_bytes(), name
        if FOOTER_FILES[name] == "feed":
            assert not feedparser.parse(target.read_bytes()).bozo
        else:
            assert Calendar.from_ical(target.read_bytes()).walk("VEVENT")
