"""One copy of the real data for a whole test module, put back as it was after each test that changes it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DATA


class SharedCopy:
    """A copy of data/ named 'data'; ``restore()`` undoes every change made to it since it was copied."""

    def __init__(self, parent: Path) -> None:
        self.path = parent / "data"
        shutil.copytree(DATA, self.path)
        self.files = self._files()

    def _files(self) -> dict[Path, bytes]:
        return {p: p.read_bytes() for p in self.path.rglob("*") if p.is_file()}

    def restore(self) -> None:
        for path in sorted(self.path.rglob("*"), reverse=True):  # contents before their folder
            if path.is_dir() and not any(f.is_relative_to(path) for f in self.files):
                shutil.rmtree(path)
            elif path.is_file() and path not in self.files:
                path.unlink()
        for path, content in self.files.items():
            if not path.is_file() or path.read_bytes() != content:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
        assert self._files() == self.files


def module_copy_fixtures():
    """(module_copy, data_copy) fixtures for a test module: one SharedCopy per module, and a per-test
    ``data_copy`` that is put back as it was after each test. Assign both names in the module."""

    @pytest.fixture(scope="module")
    def module_copy(tmp_path_factory) -> SharedCopy:
        return SharedCopy(tmp_path_factory.mktemp("module-data"))

    @pytest.fixture
    def data_copy(module_copy):
        yield module_copy.path
        module_copy.restore()

    return module_copy, data_copy


def mirror(source: Path, target: Path) -> None:
    """Make the folder ``target`` hold exactly ``source``'s files (copying only those that differ)."""
    wanted = {p.relative_to(source): p.read_bytes() for p in source.rglob("*") if p.is_file()}
    folders = {p.relative_to(source) for p in source.rglob("*") if p.is_dir()}
    for path in sorted(target.rglob("*"), reverse=True):  # contents before their folder
        rel = path.relative_to(target)
        if path.is_dir() and rel not in folders:
            shutil.rmtree(path)
        elif path.is_file() and rel not in wanted:
            path.unlink()
    for rel, content in wanted.items():
        path = target / rel
        if not path.is_file() or path.read_bytes() != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    for rel in folders:
        (target / rel).mkdir(parents=True, exist_ok=True)
