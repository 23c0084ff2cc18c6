"""Under ``serve``: list the theme's files once per session, not on every rebuild.

Each build, MkDocs walks every theme directory (Material ships some 14,000
icon files) and tests each path against its exclusion patterns, to find the
static files to copy: about a tenth of a rebuild at real size. The list only
changes when a file is added to or removed from the theme overrides, so under
``serve`` it is kept, keyed on the override directory's listing.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

_listings: dict[tuple, list[str]] = {}


def keep_listing(theme) -> None:
    """Make ``theme.get_env()`` return environments that list the theme's files once."""
    make_env = theme.get_env

    def get_env() -> Environment:
        env = make_env()

        def list_templates(extensions=None, filter_func=None) -> list[str]:
            overrides = sorted(str(p) for p in Path(theme.custom_dir).rglob("*")) if theme.custom_dir else []
            key = (tuple(theme.dirs), tuple(theme.static_templates), extensions, tuple(overrides))
            if key not in _listings:
                _listings[key] = Environment.list_templates(env, extensions, filter_func)
            return list(_listings[key])

        env.list_templates = list_templates
        return env

    theme.get_env = get_env
