"""Under ``serve``: reuse a page's finished HTML when nothing it is made from changed.

A data edit makes MkDocs rebuild every page, but one record changes only a few
of them. Every page is still read and converted from Markdown (its macros and
templates run, so whatever the data changes shows up in its content); then a
key is taken over everything the theme template turns into the page: the
converted content, table of contents, title, front matter and head values
(``kin_site.head``) of the page, and what all pages share: the navigation, the
config file, ``site_url`` and the theme overrides. When the key is the one the
page had in the previous build, the theme template (Material's nav, header and
footer: half the build) and the search plugin's HTML parsing are skipped: the
page's previous output is written again, and its previous search entries go
into the index at the same place. The site stays byte-identical to a clean
build (``tests/test_page_cache.py``).

Only under ``serve``: ``build`` keeps nothing between runs. Python code is not
part of the key: a change to it needs a restart of ``serve`` anyway.
"""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

from jinja2 import DictLoader

TEMPLATE = "kin-cached-page.html"  # renders the previous output unchanged
LOADER = DictLoader({TEMPLATE: "{{ kin_cached_page }}"})

_pages: dict[str, tuple[str, str, list[dict]]] = {}  # src_uri -> (key, output, search entries)
_build: dict[str, object] = {}  # this build: shared key, hits, output and entry bookkeeping
enabled = False
stats = {"reused": 0, "rendered": 0}  # of the last build, for the test and the benchmark


def start(command: str) -> None:
    """On ``mkdocs serve`` (``on_startup``): keep pages from one rebuild to the next."""
    global enabled
    enabled = command == "serve"
    _pages.clear()


def _hash(*parts: object) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(str(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _nav_items(items) -> list:
    return [(type(i).__name__, str(i.title), getattr(i, "url", None), _nav_items(i.children or [])) for i in items]


def _toc(items) -> list:
    return [(item.title, item.id, item.level, _toc(item.children)) for item in items]


def _theme_stamp(config) -> list:
    """Size and mtime of every file of our theme overrides (Material's own files do not change)."""
    root = Path(config.theme.custom_dir or ".")
    return sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file())


def begin(config, nav) -> None:
    """``on_nav``: the part of the key that every page shares."""
    stats.update(reused=0, rendered=0)
    _build.clear()
    if not enabled:
        return
    config_file = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
    _build["shared"] = _hash(config_file, config.site_url, _theme_stamp(config), _nav_items(nav.items))
    _build["hits"], _build["keys"], _build["entries"] = {}, {}, {}
    _build["seen"] = 0  # search entries already accounted for


def check(page, head: dict) -> None:
    """``on_page_content``, with ``page.content`` final: reuse the previous output if the key matches."""
    if not enabled:
        return
    meta = sorted((k, repr(v)) for k, v in page.meta.items())
    key = _hash(_build["shared"], page.file.src_uri, page.url, page.title, meta, sorted(head.items()),
                _toc(page.toc.items), page.content)  # fmt: skip
    _build["keys"][page.file.src_uri] = key
    previous = _pages.get(page.file.src_uri)
    if previous and previous[0] == key:
        _build["hits"][page.file.src_uri] = previous
        page.meta["template"] = TEMPLATE
        page.meta["search"] = {"exclude": True}  # the search plugin skips it; its entries come from the cache


def context(context: dict, page, config) -> None:
    """``on_page_context``, after the search plugin: reused pages get their output and search entries."""
    if not enabled:
        return
    entries = config.plugins["material/search"].search_index.entries
    hit = _build["hits"].get(page.file.src_uri)
    if hit:
        context["kin_cached_page"] = hit[1]
        entries.extend(copy.deepcopy(hit[2]))
    _build["entries"][page.file.src_uri] = copy.deepcopy(entries[_build["seen"] :])
    _build["seen"] = len(entries)


def store(output: str, page) -> None:
    """``on_post_page``: remember the page for the next rebuild."""
    if not enabled:
        return
    src = page.file.src_uri
    reused = src in _build["hits"]
    stats["reused" if reused else "rendered"] += 1
    if not reused:
        _pages[src] = (_build["keys"][src], output, _build["entries"][src])


def finish() -> None:
    """``on_post_build``: forget pages this build no longer has."""
    if enabled:
        for src in set(_pages) - set(_build["keys"]):
            del _pages[src]
