"""Under ``serve``: reuse a page's converted and finished HTML when nothing it is made from changed.

A data edit makes MkDocs rebuild every page, but one record changes only a few
of them. Every page's Markdown is still made (its macros and templates run, so
whatever the data changes shows up in it). Two steps are then reused:

* Markdown to HTML: keyed on the page's Markdown (with the rendered blocks of
  ``kin_site.stash`` written in), its path and URL, the config file and the list
  of all pages (a link's target may come or go). A page whose key is unchanged
  gets its previous HTML, table of contents, title and anchors without running
  Python-Markdown.
* The theme template: keyed on what the template turns into the page (its
  converted content, table of contents, title, front matter and head values
  from ``kin_site.head``) and on what all pages share (the navigation, the
  config file, ``site_url`` and the files of the theme overrides). A page whose
  key is unchanged skips Material's template (nav, header, footer: half of a
  build) and the search plugin's HTML parsing: its previous output is written
  again and its previous search entries go into the index at the same place.

The site stays byte-identical to a clean build (``tests/test_page_cache.py``).

Only under ``serve``: ``build`` keeps nothing between runs. Python code is not
part of the key: a change to it needs a restart of ``serve`` anyway.
"""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

from jinja2 import DictLoader

from kin_site import stash

TEMPLATE = "kin-cached-page.html"  # renders the previous output unchanged
LOADER = DictLoader({TEMPLATE: "{{ kin_cached_page }}"})

_pages: dict[str, tuple[str, str, list[dict]]] = {}  # src_uri -> (key, output, search entries)
_converted: dict[str, tuple[str, dict]] = {}  # src_uri -> (key, what Page.render made)
_build: dict[str, object] = {}  # this build: shared key, hits, output and entry bookkeeping
enabled = False
stats = {"reused": 0, "rendered": 0, "converted": 0}  # of the last build, for the test and the benchmark


def start(command: str) -> None:
    """On ``mkdocs serve`` (``on_startup``): keep pages from one rebuild to the next."""
    global enabled
    enabled = command == "serve"
    _pages.clear()
    _converted.clear()


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


def begin(config, files, nav) -> None:
    """``on_nav``: the parts of the keys that every page shares."""
    stats.update(reused=0, rendered=0, converted=0)
    _build.clear()
    if not enabled:
        return
    config_file = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
    _build["shared"] = _hash(config_file, config.site_url, _theme_stamp(config), _nav_items(nav.items))
    _build["shared_markdown"] = _hash(config_file, sorted(f.src_uri for f in files))
    _build["converted"], _build["markdown"] = {}, {}
    _build["hits"], _build["keys"], _build["entries"] = {}, {}, {}
    _build["seen"] = 0  # search entries already accounted for


def markdown(markdown: str, page) -> str:
    """``on_page_markdown``, last: an unchanged page is not converted again (MkDocs calls
    ``page.render`` next; for this page that puts back what the previous conversion made)."""
    if not enabled:
        return markdown
    src = page.file.src_uri
    key = _hash(_build["shared_markdown"], src, page.url, stash.expanded(markdown))
    _build["markdown"][src] = key
    previous = _converted.get(src)
    if previous and previous[0] == key:
        stash.restore(markdown)  # drop its blocks: they are in the previous HTML
        _build["converted"][src] = previous[1]
        page.render = lambda config, files: _reuse(page, previous[1], files)
    return markdown


def _reuse(page, made: dict, files) -> None:
    """What ``Page.render`` sets, from the previous conversion."""
    page.content = made["content"]
    page.toc = copy.deepcopy(made["toc"])
    page._title_from_render = made["title"]
    page.present_anchor_ids = set(made["anchors"])
    page.links_to_anchors = {files.get_file_from_path(s): dict(a) for s, a in made["links"].items()}


def content(html: str, page) -> None:
    """``on_page_content``, with the blocks put back: remember a new conversion for the next rebuild."""
    src = page.file.src_uri
    if not enabled or src in _build["converted"]:
        return
    stats["converted"] += 1
    links = {f.src_uri: dict(anchors) for f, anchors in (page.links_to_anchors or {}).items()}
    made = {"content": html, "toc": copy.deepcopy(page.toc), "title": page._title_from_render}
    _converted[src] = (_build["markdown"][src], {**made, "anchors": set(page.present_anchor_ids or ()), "links": links})


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
        for src in set(_converted) - set(_build["markdown"]):
            del _converted[src]
