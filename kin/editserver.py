"""Local back end for the web editor: ``python -m kin edit``.

Decap CMS, opened at ``/admin/`` of the locally served site, talks to this
server instead of GitHub (its ``local_backend`` protocol, the one
``decap-server`` speaks: one POST endpoint, ``{"action": ..., "params": ...}``).
Unlike ``decap-server`` it

* reads and writes only ``.yml`` files under the data folder;
* merges each save into the file as it is on disk now, against the version
  the editor loaded (``kin.editsave``): a change made on disk meanwhile is
  kept, and a save that would undo one is refused (HTTP 409); comments,
  order and quoting of everything the edit did not change stay as they were;
* validates the whole dataset with the change before writing anything, and
  refuses the save with the ``file:line:col: field: message`` list otherwise,
  so a saved file is always a valid one.

Who may send requests, and where they are served (on the site's own origin
under ``make edit``), is ``kin.editweb``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from pathlib import Path
from typing import Any

from kin import editsave
from kin.collections import collection_at
from kin.errors import DataValidationError
from kin.jsonschemas import schema_line, with_schema_line
from kin.overlay import SaveCheck

DEFAULT_PORT = 8081  # python -m kin edit, serving the back end alone
PREFIX = "data/"  # how the editor's configuration names the data folder


class Rejected(Exception):
    """A request the editor must show as an error: HTTP 422, or 409 where it would undo a change on disk."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


class DataFolder:
    """The data folder as the editor sees it: files named ``data/...``."""

    def __init__(self, data_dir: Path) -> None:
        self.root = data_dir.resolve()
        self.lock = threading.Lock()  # one save at a time
        self.loaded: dict[Path, editsave.Loaded] = {}  # what the editor holds of each file it opened
        self.checker = SaveCheck.shared(self.root)  # each unchanged file's validation, kept (and shared with serve)
        threading.Thread(target=self._warm, daemon=True).start()

    def _warm(self) -> None:
        """Validate every file once now, so that the first save checks only what it changes."""
        with contextlib.suppress(DataValidationError):
            self.checker.check({})

    def resolve(self, name: str) -> Path:
        rel = name.removeprefix(PREFIX)
        path = (self.root / rel).resolve()
        if not name.startswith(PREFIX) or not path.is_relative_to(self.root) or path.suffix != ".yml":
            raise Rejected(f"Ikke en datafil: {name}")
        return path

    def entry(self, name: str) -> dict[str, Any]:
        try:
            content = self.resolve(name).read_bytes()
        except (OSError, Rejected):
            return {"data": None, "file": {"path": name, "id": None}}
        return {"data": content.decode("utf-8"), "file": {"path": name, "id": hashlib.sha256(content).hexdigest()}}

    def open(self, name: str) -> dict[str, Any]:
        """``entry(name)`` for the editor opening that record: remembered as the version it edits."""
        with self.lock:
            found = self.entry(name)
            if found["data"] is not None:
                self.loaded[self.resolve(name)] = editsave.Loaded(found["data"], found["data"])
            return found

    def folder(self, folder: str) -> list[dict[str, Any]]:
        base = (self.root / folder.removeprefix(PREFIX)).resolve()
        if not folder.startswith(PREFIX) or not base.is_relative_to(self.root) or not base.is_dir():
            return []
        return [self.entry(f"{folder.rstrip('/')}/{p.name}") for p in sorted(base.glob("*.yml"))]

    def persist(self, files: list[dict[str, Any]]) -> None:
        """Merge the saved files into the data, validate everything, then write."""
        with self.lock:
            self._persist(files)

    def _persist(self, files: list[dict[str, Any]]) -> None:
        changes: dict[Path, str] = {}
        removed: list[Path] = []
        holds: dict[Path, editsave.Loaded] = {}
        for item in files:
            path = self.resolve(item["path"])
            target = self.resolve(item["newPath"]) if item.get("newPath") else path
            if target != path and target.exists():
                raise Rejected(f"Ikke lagret: {item['newPath']} finnes allerede.", 409)
            old = _read(path)
            try:
                text = editsave.merged(self.loaded.get(path), item["raw"], old, item["path"])
                collection = collection_at(target.relative_to(self.root).as_posix())
                if old is None and collection:  # the merge writes no comments: the schema line goes first again
                    text = with_schema_line(text, schema_line(collection))
            except editsave.Conflict as exc:
                raise Rejected(str(exc), 409) from None
            except DataValidationError as exc:
                raise Rejected(_message(exc)) from None
            changes[target] = text
            holds[target] = editsave.Loaded(item["raw"], text)  # the editor keeps its own version open
            if target != path:
                removed.append(path)
        self._check(changes, removed)
        for path, text in changes.items():
            _write(path, text)
        for path in removed:
            path.unlink(missing_ok=True)
            self.loaded.pop(path, None)
        self.loaded.update(holds)

    def delete(self, names: list[str]) -> None:
        paths = [self.resolve(n) for n in names]
        with self.lock:
            for name, path in zip(names, paths, strict=True):
                try:
                    editsave.check_delete(self.loaded.get(path), _read(path), name)
                except editsave.Conflict as exc:
                    raise Rejected(str(exc), 409) from None
            self._check({}, paths)
            for path in paths:
                path.unlink(missing_ok=True)
                self.loaded.pop(path, None)

    def _check(self, changes: dict[Path, str], removed: list[Path]) -> None:
        """Validate the whole data as it would be after the change (without copying the folder)."""
        overlay: dict[str, str | None] = {p.relative_to(self.root).as_posix(): None for p in removed}
        overlay.update({p.relative_to(self.root).as_posix(): text for p, text in changes.items()})
        try:
            self.checker.check(overlay)
        except DataValidationError as exc:
            raise Rejected(_message(exc)) from None


def _message(exc: DataValidationError) -> str:
    lines = "\n".join(str(e) for e in exc.errors)
    return f"Ikke lagret: dataene ville fått {len(exc.errors)} feil.\n{lines}"


def _read(path: Path) -> str | None:
    """A data file's text as served to the editor (line ends untouched), or None if there is none."""
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)  # the site's file watcher never sees half a file


def handle(data: DataFolder, action: str, params: dict[str, Any]) -> Any:
    """One request of Decap's local back-end protocol."""
    if action == "info":
        return {"repo": data.root.parent.name, "publish_modes": ["simple"], "type": "kin_local"}
    if action == "entriesByFolder":
        return data.folder(params["folder"])
    if action == "entriesByFiles":
        return [data.entry(f["path"]) for f in params["files"]]
    if action == "getEntry":
        return data.open(params["path"])
    if action == "persistEntry":
        if params.get("assets"):
            raise Rejected("Bilder og vedlegg kan ikke lastes opp her.")
        data.persist(params.get("dataFiles") or [params["entry"]])
        return {"message": "entry persisted"}
    if action in ("deleteFile", "deleteFiles"):
        data.delete(params.get("paths") or [params["path"]])
        return {"message": "deleted"}
    if action == "getMedia":
        return []
    if action == "getDeployPreview":
        return None
    raise Rejected(f"Ukjent handling: {action}")
