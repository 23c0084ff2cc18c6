"""Our own CSS and JavaScript (every ``.css``/``.js`` under ``docs/``) are shipped minified.

rcssmin and rjsmin are small C extensions (well under a millisecond for all our
files); results are still cached per content, so ``mkdocs serve`` rebuilds do
no work for unchanged files. Material's assets are minified already and are
left alone.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}
_cache: dict[str, str] = {}


def minify_assets(docs_dir: Path, site_dir: Path) -> None:
    """Minify, in the built site, every ``.css`` and ``.js`` file that was copied from ``docs_dir``."""
    for source in sorted(docs_dir.rglob("*")):
        minify = MINIFIERS.get(source.suffix)
        path = site_dir / source.relative_to(docs_dir)
        if minify is None or not path.is_file():
            continue
        source = path.read_text(encoding="utf-8")
        key = path.suffix + hashlib.sha256(source.encode()).hexdigest()
        if key not in _cache:
            _cache[key] = minify(source)
        path.write_text(_cache[key], encoding="utf-8")
