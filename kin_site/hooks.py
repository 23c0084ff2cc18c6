"""MkDocs hooks: load and validate data before anything renders, generate one
page per record, and keep generated pages out of the navigation.

Under ``mkdocs serve`` every rebuild loads the data again (MkDocs reloads the
config, so ``on_config`` runs), through ``kin.overlay.SaveCheck``: only the
files changed since the last rebuild are read and validated again, and the
dataset-wide checks run every time (``build`` uses plain ``load_dataset``).
Python code is imported once, as MkDocs imports hook modules once: a change
to a ``.py`` file under ``kin/`` or ``kin_site/`` needs a restart of ``serve``
(the rebuild it triggers says so in the log).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import click
from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader
from markupsafe import Markup, escape
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel

import kin
from kin import config as kin_config
from kin import export, routes
from kin.overlay import SaveCheck
from kin_site import (
    admin,
    csp,
    head,
    minify,
    page_cache,
    pages,
    prerender,
    render,
    runtime,
    serve_errors,
    stash,
    theme_files,
)

PACKAGES = ("kin", "kin_site")
_ROOT = Path(__file__).resolve().parent.parent
log = get_plugin_logger("kin")


def _code_stamp() -> int:
    return max(p.stat().st_mtime_ns for pkg in PACKAGES for p in (_ROOT / pkg).rglob("*.py"))


_STARTED_WITH = _code_stamp()


class DataAbort(Abort):
    """Stops the build on data errors; MkDocs prints its Abort to stdout, this goes to stderr."""

    def show(self, *args, **kwargs) -> None:
        click.echo("\n" + self.format_message(), err=True)


def _today() -> date:
    return kin_config.today()


def _data_dir(config) -> Path:
    return Path(os.environ.get("KIN_DATA_DIR") or Path(config.config_file_path).parent / "data")


_serve_data: SaveCheck | None = None  # under `serve`: the data folder's validated files, kept between rebuilds


def _load_data(data_dir: Path) -> kin.Dataset:
    """The dataset, or ``DataValidationError`` with the same errors as ``load_dataset``."""
    if not runtime.serving:
        return kin.load_dataset(data_dir)
    global _serve_data
    _serve_data = SaveCheck.shared(data_dir)  # held between rebuilds; under `make edit`, the editor's too
    return _serve_data.load()


def on_serve(server, config, builder, **kwargs):
    server.watch(str(_data_dir(config)))  # also when KIN_DATA_DIR points outside the project
    serve_errors.install(server)  # a data error is shown in the browser at once
    return server


@event_priority(100)  # before the macros plugin reads the data
def on_config(config, **kwargs):
    if _code_stamp() != _STARTED_WITH:
        log.info("Python code under kin/ or kin_site/ changed: restart `serve` to use it.")
    data_dir = _data_dir(config)
    try:
        runtime.load(_load_data(data_dir), _today(), serving=runtime.editing)
    except kin.DataValidationError as exc:
        error = DataAbort(f"Feil i dataene, nettstedet ble ikke bygget.\n{exc}")
        error.data_errors = [str(e) for e in exc.errors]  # for the error page under serve (serve_errors)
        raise error from None
    if dump_dir := os.environ.get("KIN_DUMP_MARKDOWN"):
        prerender.write(runtime.data(), _today(), Path(dump_dir), links="page")  # as `kin_site render --links page`
    config.extra["csp_policy"] = csp.policy  # overrides/main.html; absent under Zensical, which runs no hooks
    config.extra["routes"] = routes  # for overrides/main.html
    if runtime.serving:
        theme_files.keep_listing(config.theme)
    return config


def on_startup(command, dirty, **kwargs):
    runtime.serving = command == "serve"
    # Under `make edit` (kin_site/editmount.py mounts the back end), records also link to the web editor.
    runtime.editing = runtime.serving and os.environ.get("KIN_EDIT") == "1"
    page_cache.start(command)


def on_pre_build(config, **kwargs):
    # The macros plugin builds its Jinja environment in on_config; turn on
    # autoescaping so a data value used directly in a page is text, not HTML.
    config.plugins["macros"].env.autoescape = True


def on_env(env, config, files, **kwargs):
    # MkDocs makes a new environment and compiles the theme's templates on every
    # build: keep the compiled code, and skip re-checking each template's file
    # every time a page includes it (the environment lives for one build only).
    env.bytecode_cache = render.BYTECODE_CACHE
    env.auto_reload = False
    # "material/partials/x.html" is Material's own partial, so that an override
    # of ours can include the original instead of copying it.
    theme_dirs = [d for d in config.theme.dirs if d != config.theme.custom_dir]
    material = PrefixLoader({"material": FileSystemLoader(theme_dirs)})
    env.loader = ChoiceLoader([env.loader, material, page_cache.LOADER])
    return env


def on_files(files, config, **kwargs):
    runtime.generated.update(pages.generated_pages(runtime.data()))
    for src, page in runtime.generated.items():
        files.append(File.generated(config, src, content=page.front_matter, inclusion=InclusionLevel.NOT_IN_NAV))
    admin.add_files(files, config, link=runtime.serving)
    return files


def on_nav(nav, config, files, **kwargs):
    page_cache.begin(config, files, nav)
    return nav


@event_priority(-100)  # after the macros plugin: render generated pages, set their titles
def on_page_markdown(markdown, page, config, files, **kwargs):
    generated = runtime.generated.get(page.file.src_uri)
    if generated is not None:
        renderer = runtime.renderer()
        renderer.page_url = page.url
        markdown = generated.render(renderer)
        # Theme templates do not autoescape, so the title is escaped here (Markup: a later
        # `| e` leaves it alone). Material's <title> strips tags, which unescapes: main.html
        # escapes again after that.
        page.title = escape(generated.title)
    return page_cache.markdown(markdown, page)


def on_page_content(html, page, config, files, **kwargs):
    """Put the rendered blocks back. Material prints page.meta values (title, description, author ...)
    without escaping: make them text; then the description, link-preview values and JSON-LD for
    overrides/partials/kin-head.html. Last, the page may reuse its previous output (serve only)."""
    page.content = stash.restore(html)
    page_cache.content(page.content, page)
    for key, value in page.meta.items():
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = escape(value)
    src = page.file.src_uri
    runtime.heads[src] = head.page_head(page, config, runtime.data(), runtime.generated.get(src))
    page_cache.check(page, runtime.heads[src])
    return page.content


@event_priority(-100)  # after the search plugin has indexed the page
def on_page_context(context, page, config, nav, **kwargs):
    context["kin_head"] = runtime.heads.pop(page.file.src_uri)
    # "Foreslå endring" (overrides/partials/kin-edit.html): the record's data file, or the page's Markdown.
    # Both links follow from the page's path and the config file, which the page cache's key holds.
    generated = runtime.generated.get(page.file.src_uri)
    docs = Path(config.docs_dir).relative_to(Path(config.config_file_path).resolve().parent).as_posix()
    page.edit_url = runtime.renderer().repository.edit_url(pages.source_file(generated, page.file.src_uri, docs))
    if runtime.editing and generated and generated.record:
        context["kin_admin_entry"] = render.relative(routes.admin_entry(*generated.record), page.url)
    page_cache.context(context, page, config)
    return context


@event_priority(-100)
def on_post_page(output, page, config, **kwargs):
    page_cache.store(output, page)
    # MkDocs keeps every page until the build ends; once written, nothing reads a page's HTML or
    # Markdown again (its title, toc and anchors are kept), so let them go (-26 MiB of peak at 100x).
    page.content = page.markdown = ""
    return output


@event_priority(100)  # before the search plugin writes its index, so that index can reuse the data's memory
def on_post_build(config, **kwargs):
    """Every non-page output, as ``python -m kin export`` writes it; then let the data go."""
    export.write_all(runtime.data(), Path(config.site_dir), config.site_url or "/")
    runtime.release()
    page_cache.finish()
    minify.minify_assets(Path(config.docs_dir), Path(config.site_dir))
