"""The validated dataset of the current build, shared by hooks and macros."""

from __future__ import annotations

from datetime import date

from kin import Dataset
from kin_site.render import Renderer, Site

_state: dict[str, object] = {}
titles: dict[str, str] = {}


def load(data: Dataset, today: date) -> None:
    titles.clear()
    site = Site(data, today)
    _state.update(data=data, site=site, renderer=Renderer(site))


def data() -> Dataset:
    return _state["data"]  # type: ignore[return-value]


def renderer() -> Renderer:
    return _state["renderer"]  # type: ignore[return-value]


def site() -> Site:
    return _state["site"]  # type: ignore[return-value]
