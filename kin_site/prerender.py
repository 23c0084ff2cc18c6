"""Every page of the site as plain Markdown with the data already rendered.

``python -m kin_site render OUT_DIR`` writes what the build's pages are made of: the
hand-written pages of ``docs/`` with their macros called, and one page per
record. Any static-site generator that reads Python-Markdown can build the
result (the Zensical build and the benchmark's plain-MkDocs baseline do). No
site generator is imported here.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from kin import Dataset, config
from kin_site import pages, stash
from kin_site.macros import MACROS
from kin_site.render import Renderer, Site

DOCS = Path(__file__).resolve().parent.parent / "docs"


def page_url(src: str) -> str:
    """Directory URL of a Markdown source path: 'om/personvern.md' -> 'om/personvern/'."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def nav_titles(nav: list | None = None) -> dict[str, str]:
    """Source path -> title, from the ``nav`` of mkdocs.yml."""
    titles: dict[str, str] = {}
    for item in nav if nav is not None else config.site_config()["nav"]:
        for title, target in item.items():
            if isinstance(target, list):
                titles.update(nav_titles(target))
            else:
                titles[target] = title
    return titles


def _split_front_matter(text: str) -> tuple[str, str]:
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        return text[4 : end + 1], text[end + 5 :]
    return "", text


def _front_matter(title: str | None, meta: str, edit_url: str) -> str:
    lines = [f"title: {json.dumps(title, ensure_ascii=False)}"] if title else []
    lines += [f"edit_url: {json.dumps(edit_url)}"]  # "Foreslå endring" (overrides/partials/kin-edit.html)
    lines += [line for line in meta.splitlines() if line and not line.startswith("render_macros:")]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def render_pages(data: Dataset, today: date, docs: Path = DOCS, links: str = "source") -> dict[str, str]:
    """Source path -> Markdown of every page, hand-written and generated.

    ``links``: what relative links in the rendered HTML are relative to. "source"
    is the Markdown file, as in a Markdown link (Zensical rewrites every link so);
    "page" is the page's URL, for MkDocs, which leaves links in raw HTML alone.
    """
    renderer = Renderer(Site(data, today))

    def macro(template: str):
        return lambda: stash.put(renderer.render(template))

    env = Environment(undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True)
    env.globals.update({name: macro(template) for name, template in MACROS.items()})
    titles = nav_titles()
    out: dict[str, str] = {}
    for path in sorted(docs.rglob("*.md")):
        src = path.relative_to(docs).as_posix()
        meta, body = _split_front_matter(path.read_text(encoding="utf-8"))
        renderer.page_url = page_url(src) if links == "page" else src
        markdown = str(env.from_string(body).render())
        edit_url = renderer.repository.edit_url(pages.source_file(None, src))
        out[src] = _front_matter(titles.get(src), meta, edit_url) + stash.restore(markdown)
    for src, page in pages.generated_pages(data).items():
        renderer.page_url = page_url(src) if links == "page" else src
        meta, _ = _split_front_matter(page.front_matter)
        edit_url = renderer.repository.edit_url(pages.source_file(page, src))
        out[src] = _front_matter(page.title, meta, edit_url) + stash.restore(page.render(renderer))
    return out


def write(data: Dataset, today: date, out_dir: Path, docs: Path = DOCS, links: str = "source") -> list[Path]:
    """Write every page as Markdown into ``out_dir``, with the static files of ``docs/``."""
    shutil.copytree(docs, out_dir, ignore=shutil.ignore_patterns("*.md"), dirs_exist_ok=True)
    written = []
    for src, markdown in render_pages(data, today, docs, links).items():
        path = out_dir / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown, encoding="utf-8")
        written.append(path)
    return written
