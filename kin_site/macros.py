"""mkdocs-macros entry point: each macro formats validated data with a template.

Macros never read YAML; they get typed objects from ``kin_site.runtime``.
"""

from __future__ import annotations

from markupsafe import Markup

from kin_site import runtime, stash


def _render(env, template: str, **context: object) -> Markup:
    renderer = runtime.renderer()
    renderer.page_url = env.page.url if env.page else ""
    return stash.put(renderer.render(template, **context))


def define_env(env) -> None:

    @env.macro
    def home() -> Markup:
        return _render(env, "home.html")

    @env.macro
    def subscribe() -> Markup:
        return _render(env, "subscribe.html")

    @env.macro
    def meeting_index() -> Markup:
        return _render(env, "meeting_index.html")

    @env.macro
    def people_directory() -> Markup:
        return _render(env, "people.html")

    @env.macro
    def people_stats() -> Markup:
        return _render(env, "people_stats.html")

    @env.macro
    def organisation_index() -> Markup:
        return _render(env, "organisation_index.html")

    @env.macro
    def relay() -> Markup:
        return _render(env, "relay.html")

    @env.macro
    def statement_index() -> Markup:
        return _render(env, "statement_index.html")

    @env.macro
    def reports() -> Markup:
        return _render(env, "reports.html")

    @env.macro
    def literature() -> Markup:
        return _render(env, "literature.html")

    @env.macro
    def contacts() -> Markup:
        return _render(env, "contacts.html")

    @env.macro
    def course_catalogue() -> Markup:
        return _render(env, "course_catalogue.html")

    @env.macro
    def open_data() -> Markup:
        return _render(env, "open_data.html")

    @env.macro
    def regions() -> Markup:
        return _render(env, "regions.html")
