"""mkdocs-macros entry point: each macro formats validated data with a template.

Macros never read YAML; they get typed objects from ``kin_site.runtime``.
"""

from __future__ import annotations

from markupsafe import Markup

from kin import editorial
from kin_site import runtime, stash


def _render(env, template: str, **context: object) -> Markup:
    renderer = runtime.renderer()
    renderer.page_url = env.page.url if env.page else ""
    return stash.put(renderer.render(template, **context))


# Macro name (as called in docs/*.md) -> template it renders. Every macro takes
# no arguments: pages that need a record are generated (kin_site/pages.py).
MACROS = {
    "home": "home.html",
    "subscribe": "subscribe.html",
    "meeting_index": "meeting_index.html",
    "people_directory": "people.html",
    "people_stats": "people_stats.html",
    "organisation_index": "organisation_index.html",
    "relay": "relay.html",
    "statement_index": "statement_index.html",
    "reports": "reports.html",
    "literature": "literature.html",
    "contacts": "contacts.html",
    "course_catalogue": "course_catalogue.html",
    "open_data": "open_data.html",
    "regions": "regions.html",
}


def define_env(env) -> None:
    for name, template in MACROS.items():
        env.macro(_macro(env, template), name)
    env.macro(lambda: _render(env, "source_notes.html", editorial=editorial.fields()), "source_notes")


def _macro(env, template: str):
    def macro() -> Markup:
        return _render(env, template)

    return macro
