"""External URLs in the data: list them with their location, and check them when online.

Not part of validation or the build: the network may be down, and a remote
site's hiccup must never block publishing. Run ``python -m kin urls --check``.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from kin.collections import data_files
from kin.loader import PathKey, Positions, load_yaml

_URL = re.compile(r"https?://[^\s<>\"')\]]+")
USER_AGENT = "kin-link-check/1 (KIN website maintenance)"


@dataclass(frozen=True)
class Found:
    url: str
    file: str
    line: int
    field: str


def _walk(value: object, path: PathKey, pos: Positions) -> Iterator[Found]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*path, key), pos)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index), pos)
    elif isinstance(value, str):
        for url in _URL.findall(value):
            line, _ = pos.at(path)
            yield Found(url.rstrip(".,;:"), pos.file, line, ".".join(map(str, path)))


def external_urls(data_dir: Path) -> list[Found]:
    """Every http(s) URL in the data files, file by file (collections in registry order)."""
    found: list[Found] = []
    for _, rel in data_files(data_dir):
        raw, pos, _ = load_yaml(data_dir / rel, f"{data_dir.name}/{rel}")
        found.extend(_walk(raw, (), pos))
    return found


def check_url(url: str, timeout: float = 15) -> str:
    """'ok', an HTTP status, or why the URL could not be reached."""
    for method in ("HEAD", "GET"):  # some servers refuse HEAD
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return "ok"
        except urllib.error.HTTPError as exc:
            if method == "GET" or exc.code not in (403, 405, 501):
                return f"HTTP {exc.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            return f"unreachable ({getattr(exc, 'reason', exc)})"
    return "ok"  # pragma: no cover


def check_urls(urls: list[str], workers: int = 8) -> dict[str, str]:
    unique = list(dict.fromkeys(urls))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return dict(zip(unique, pool.map(check_url, unique), strict=True))
