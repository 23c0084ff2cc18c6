"""The validated dataset of the current build, shared by hooks and macros."""

from __future__ import annotations

from datetime import date

from kin import Dataset
from kin_site import stash
from kin_site.pages import GeneratedPage
from kin_site.render import Renderer, Site

_state: dict[str, object] = {}
serving = False  # under `mkdocs serve` (set on startup)
editing = False  # under `make edit` (serve with KIN_EDIT=1: the web editor's back end is mounted)
generated: dict[str, GeneratedPage] = {}  # source path -> page generated from data
heads: dict[str, dict] = {}  # source path -> head values of a page read but not yet written


def load(data: Dataset, today: date, serving: bool = False) -> None:
    generated.clear()
    heads.clear()
    stash.clear()
    site = Site(data, today)
    _state.update(data=data, site=site, renderer=Renderer(site, serving))


def release() -> None:
    """Drop the build's data once every page and export is written."""
    _state.clear()
    generated.clear()
    heads.clear()
    stash.clear()


def data() -> Dataset:
    return _state["data"]  # type: ignore[return-value]


def renderer() -> Renderer:
    return _state["renderer"]  # type: ignore[return-value]


def site() -> Site:
    return _state["site"]  # type: ignore[return-value]
