"""Validate the data as it would be after a change, without copying the data folder.

``SaveCheck(data_dir).check({"people/x.yml": text, "meetings/y.yml": None})``
runs the full ``load_dataset`` (every schema, reference and semantic check, so
"nothing is written unless the whole dataset stays valid" holds, cross-references
included) on the folder with those files replaced, added or (None) removed.

Each unchanged file's result (its parsed, validated record, or its errors) is
kept between calls, keyed by the file's ``stat`` (inode, size, modification
and change time in nanoseconds), so a check reads and validates only the files
that changed since the last one, and repeats just the dataset-wide checks
(ids, references, names). A file (or folder listing) modified less than two
seconds before it was read is not kept: a same-size rewrite within the file
system's time stamp granularity would leave its ``stat`` as it was.

The web editor's back end (``kin.editserver``) checks its saves with it, and
``properdocs serve`` loads the data on every rebuild through it
(``SaveCheck.load``, in ``kin_site/hooks.py``). Both ask ``SaveCheck.shared``, so
under ``make edit``, where they run in one process, the folder is read and
validated once, not once each.
"""

from __future__ import annotations

import os
import threading
import time
import weakref
from pathlib import Path
from typing import Any

from kin import messages
from kin.collections import Collection
from kin.dataset import Dataset, Disk, load_dataset, validate_loaded
from kin.errors import DataError
from kin.loader import Positions, load_text


class _Changed(Disk):
    """The folder with ``changes`` (relative path -> new text, or None: removed) over it, through ``cache``."""

    def __init__(self, data_dir: Path, changes: dict[str, str | None], cache: dict[str, tuple],
                 listings: dict[str, tuple]) -> None:  # fmt: skip
        super().__init__(data_dir)
        self.changes = changes
        self.cache = cache
        self.listings = listings  # folder -> (its signature, its record files): sorting paths is slow
        self.seen: set[str] = set()

    def has_folder(self, folder: str) -> bool:
        added = any(rel.startswith(f"{folder}/") and text is not None for rel, text in self.changes.items())
        return added or super().has_folder(folder)

    def record_files(self, collection: Collection) -> list[Path]:
        folder = str(collection.folder)
        key, listed = _signature(self.data_dir / folder), self.listings.get(folder)
        if key is None or listed is None or listed[0] != key:
            read_at = time.time_ns()
            listed = (key, super().record_files(collection))
            if _settled(key, read_at):
                self.listings[folder] = listed
        changed = [(self.data_dir / rel, text) for rel, text in self.changes.items() if rel.startswith(f"{folder}/")]
        if not changed:
            return listed[1]
        files = set(listed[1])
        for path, text in changed:
            if path.parent == self.data_dir / folder:
                if text is None:
                    files.discard(path)
                elif path.suffix in (".yml", ".yaml"):
                    files.add(path)
        return sorted(files, key=lambda path: path.name)  # one folder: as sorting the paths

    def load(self, rel: str, model: Any) -> tuple:
        display = f"{self.data_dir.name}/{rel}"
        if rel in self.changes:
            text = self.changes[rel]
            if text is None:  # as the loader reports a file that is not there
                missing = DataError(display, 1, 1, (), messages.FILE_MISSING)
                return validate_loaded(model, None, Positions(display), [missing])
            return validate_loaded(model, *load_text(text.removeprefix("\ufeff"), display))
        self.seen.add(rel)
        key = _signature(self.data_dir / rel)
        cached = self.cache.get(rel)
        if key is not None and cached is not None and cached[0] == key:
            return cached[1]
        read_at = time.time_ns()
        result = super().load(rel, model)
        if _settled(key, read_at):
            self.cache[rel] = (key, result)
        return result


def _settled(key: tuple | None, read_at: int) -> bool:
    """Whether a file (or folder) read at ``read_at`` can keep its result: a change to one modified
    just before may fall in the same file system time stamp and leave its ``stat`` as it was."""
    return key is not None and read_at - max(stat[2] for stat in key) > 2_000_000_000


def _signature(path: Path) -> tuple | None:
    """What tells a file's content has changed (also through a symlink); None: not cached."""
    try:
        here, target = os.lstat(path), os.stat(path)
    except OSError:
        return None
    return tuple((s.st_ino, s.st_size, s.st_mtime_ns, s.st_ctime_ns) for s in (here, target))


class SaveCheck:
    """Checks of the data in one folder with changes over it; unchanged files are validated once."""

    @classmethod
    def shared(cls, data_dir: Path) -> SaveCheck:
        """The ``SaveCheck`` of this process for ``data_dir`` (as given: names in errors follow it),
        while any user holds it; a folder nobody checks any more lets its records go."""
        with _SHARED_LOCK:
            checker = _SHARED.get(data_dir)
            if checker is None:
                checker = _SHARED[data_dir] = cls(data_dir)
            return checker

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._cache: dict[str, tuple] = {}  # relative path -> (signature, loader result)
        self._listings: dict[str, tuple] = {}
        self._lock = threading.Lock()

    def check(self, changes: dict[str, str | None]) -> None:
        """Raise ``DataValidationError`` (every error) unless the data with ``changes`` is valid."""
        self.load(changes)

    def load(self, changes: dict[str, str | None] | None = None) -> Dataset:
        """What ``load_dataset`` returns or raises for the folder with ``changes`` (none: as on disk)."""
        with self._lock:
            files = _Changed(self.data_dir, changes or {}, self._cache, self._listings)
            try:
                return load_dataset(self.data_dir, files)
            finally:
                for rel in set(self._cache) - files.seen:  # files gone from disk
                    del self._cache[rel]


_SHARED: weakref.WeakValueDictionary[Path, SaveCheck] = weakref.WeakValueDictionary()
_SHARED_LOCK = threading.Lock()
