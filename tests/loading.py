"""``load_dataset`` for tests that load many copies of the real data, each with a change or two.

Such a test used to read, parse and validate all of the real data's files again,
though all but the one or two it changed are byte for byte the real ones.
``load(data_dir)`` is ``load_dataset(data_dir)`` (every dataset-wide check runs:
ids, references, times, kinds, names), but a file that is a plain file with the
same bytes as the real data's file at the same place gets the result of loading
that file the first time (its validated record, or its errors, with the same
file name in them): the same input, the same check. Everything else (a changed,
added, missing, unreadable or linked file, a folder in a file's place, a file
under a linked folder) is read from disk exactly as ``load_dataset`` reads it.

Records are frozen models, shared between the datasets ``load`` returns: a test
must not change a list inside one (none does).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from conftest import DATA

from kin import Dataset, load_dataset
from kin.dataset import Disk

_REAL: dict[str, bytes | None] = {}  # relative path -> the real data's bytes (None: no such file)
_LOADED: dict[tuple[str, str, type], tuple] = {}  # (folder name, relative path, model) -> Disk.load's result


def _real(rel: str) -> bytes | None:
    if rel not in _REAL:
        path = DATA / rel
        try:
            with open(path, "rb") as file:  # not Path.read_bytes, which a test may have made fail
                _REAL[rel] = file.read() if path.is_file() and not path.is_symlink() else None
        except OSError:
            _REAL[rel] = None
    return _REAL[rel]


class _SameAsReal(Disk):
    """The data folder, with each file that is the real data's own loaded once per process."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(data_dir)
        self.plain_folders: dict[str, bool] = {}

    def _plain_folder(self, folder: str) -> bool:
        """Whether ``folder`` (relative) is a real folder, not a symlink, and so is each one above it."""
        if folder not in self.plain_folders:
            parent = str(Path(folder).parent)
            try:
                mode = os.lstat(self.data_dir / folder).st_mode
            except OSError:
                mode = 0
            self.plain_folders[folder] = stat.S_ISDIR(mode) and (parent == "." or self._plain_folder(parent))
        return self.plain_folders[folder]

    def load(self, rel: str, model: Any) -> tuple:
        real = _real(rel)
        if real is None:
            return super().load(rel, model)
        path = self.data_dir / rel
        try:
            found = os.lstat(path)
            plain = stat.S_ISREG(found.st_mode) and self._plain_folder(os.path.dirname(rel) or ".")
            same = plain and found.st_size == len(real) and path.read_bytes() == real  # read as the loader reads
        except OSError:
            same = False
        if not same:
            return super().load(rel, model)
        key = (self.data_dir.name, rel, model)
        if key not in _LOADED:
            _LOADED[key] = super().load(rel, model)
        return _LOADED[key]


def load(data_dir: Path) -> Dataset:
    """What ``load_dataset(data_dir)`` returns or raises."""
    return load_dataset(data_dir, _SameAsReal(data_dir))
