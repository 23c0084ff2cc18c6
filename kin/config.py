"""Settings of the site that the data layer needs: values of ``mkdocs.yml``,
read as plain YAML (no MkDocs or ProperDocs import), and the build's date."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

import yaml

CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"


class _Loader(yaml.SafeLoader):
    """Reads the config's plain values; a ``!!python/...`` tag (as some Markdown
    extensions use) becomes None instead of failing."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_config(path: Path = CONFIG) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def site_url(path: Path = CONFIG) -> str:
    """The site's absolute URL, ending in a slash."""
    url = site_config(path).get("site_url") or "/"
    return url if url.endswith("/") else url + "/"


def editor_auth_url(path: Path = CONFIG) -> str | None:
    """The address of the web editor's OAuth helper for signing in on the published
    site (``extra: editor: auth_url:`` in mkdocs.yml), or None while none is set up
    (developers/sign-in.md)."""
    url = ((site_config(path).get("extra") or {}).get("editor") or {}).get("auth_url")
    if url is None:
        return None
    parts = urlsplit(url) if isinstance(url, str) else None
    if not parts or parts.scheme != "https" or not parts.hostname or parts.query or parts.fragment:
        raise ValueError(f"{path.name}: extra.editor.auth_url must be an https:// address without ? or #, not {url!r}")
    return url


@dataclass(frozen=True)
class Repository:
    """The GitHub repository and branch of the site (``extra.repository`` in mkdocs.yml)."""

    url: str  # https://github.com/OWNER/NAME
    branch: str

    @property
    def name(self) -> str:
        """OWNER/NAME, as Decap's GitHub back end names it."""
        return self.url.removeprefix("https://github.com/")

    def edit_url(self, path: str) -> str:
        """The file ``path`` (relative to the repository) in GitHub's web editor, which
        makes a branch or fork and a pull request from the change."""
        return f"{self.url}/edit/{quote(self.branch)}/{quote(path)}"


def repository(path: Path = CONFIG) -> Repository:
    """``extra.repository``: the branch's address, https://github.com/OWNER/NAME/tree/BRANCH."""
    address = str((site_config(path).get("extra") or {}).get("repository", ""))
    match = re.fullmatch(r"(https://github\.com/[\w.-]+/[\w.-]+)/tree/([\w./-]+)", address)
    if not match:
        raise ValueError(f"{path}: extra.repository must be https://github.com/OWNER/NAME/tree/BRANCH, not {address!r}")
    return Repository(match[1], match[2])


def today() -> date:
    """The day that decides upcoming and past events: KIN_TODAY (ISO date), or the
    build date in Oslo (CI runs in UTC)."""
    override = os.environ.get("KIN_TODAY")
    return date.fromisoformat(override) if override else datetime.now(ZoneInfo("Europe/Oslo")).date()
