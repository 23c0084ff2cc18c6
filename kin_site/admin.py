"""``/admin/``: the web editor (Decap CMS, pinned in package.json), served from the site itself.

``docs/admin/`` holds the page and the generated configuration; the editor's
code comes from ``node_modules`` (``make deps``), never from a CDN.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from kin import cms, editweb

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "node_modules" / "decap-cms" / "dist"


def _wanted(name: str) -> bool:
    # The bundle, the chunks it loads on demand, and their WebAssembly; not the source maps.
    return name == "decap-cms.js" or name.endswith(".decap-cms.js") or name.endswith(".wasm")


class LinkedFile(File):
    """Hard-linked into the site instead of copied, where the file system allows: under
    ``serve``, which empties the site on every rebuild, the 6 MiB bundle is not copied each time."""

    def copy_file(self, dirty: bool = False) -> None:
        try:
            os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
            os.link(self.abs_src_path, self.abs_dest_path)
        except OSError:
            super().copy_file(dirty)


def add_files(files: Files, config, link: bool = False) -> None:
    """The editor's files; ``link`` (under ``serve``) links the bundle instead of copying it."""
    if not (DIST / "decap-cms.js").is_file():
        raise Abort("The web editor (Decap CMS) is not installed: run `make deps` (npm ci).")
    kind = LinkedFile if link else File
    for path in sorted(DIST.iterdir()):
        if _wanted(path.name):
            files.append(kind.generated(config, f"admin/{path.name}", abs_src_path=str(path)))
    port = os.environ.get("KIN_EDIT_PORT")  # the back end served alone: `python -m kin edit --port N`
    if port:  # (under `make edit` the site tells the editor itself: kin_site/editmount.py)
        files.remove(files.get_file_from_path(editweb.CONFIG))
        local = editweb.settings(f"http://127.0.0.1:{int(port)}/api/v1")
        files.append(File.generated(config, editweb.CONFIG, content=cms.render(local)))
