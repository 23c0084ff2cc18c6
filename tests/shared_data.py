"""The writable copy of data/ that tests get as ``data_copy``: one per test process, put back after each test.

Copying data/ for every test cost about 0.1 s each (some 120 tests); comparing and putting back
what a test changed costs a few milliseconds. Put back means as a fresh copy would be: the same
files, folders and symbolic links, with the same bytes, permissions and modification times.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


class SharedCopy:
    """A copy of data/ named 'data'; ``restore()`` undoes every change made to it since it was copied."""

    def __init__(self, parent: Path) -> None:
        self.path = parent / "data"
        self._copy()

    def _copy(self) -> None:
        shutil.copytree(DATA, self.path)  # copy2: modification times and permissions as in data/
        self.entries = self._entries()

    def _entries(self) -> dict[str, tuple]:
        """Relative path -> (mode, mtime_ns, bytes of a file or target of a link), folders before their contents."""
        info = os.stat(self.path)
        found = {".": (info.st_mode, info.st_mtime_ns, None)}  # the folder itself
        self._scan(str(self.path), "", found)
        return found

    def _scan(self, folder: str, prefix: str, found: dict[str, tuple]) -> None:
        with os.scandir(folder) as listing:
            for entry in listing:
                rel, info, content = prefix + entry.name, entry.stat(follow_symlinks=False), None
                if stat.S_ISLNK(info.st_mode):
                    content = os.readlink(entry.path)
                elif stat.S_ISREG(info.st_mode):
                    with open(entry.path, "rb") as file:
                        content = file.read()
                found[rel] = (info.st_mode, info.st_mtime_ns, content)
                if stat.S_ISDIR(info.st_mode):
                    self._scan(entry.path, rel + os.sep, found)

    def restore(self) -> None:
        """Put back what the test changed: contents first, then permissions and times where they differ."""
        try:
            now = self._entries()
        except OSError:  # a file or folder made unreadable
            now = {}
        if now == self.entries:
            return
        if not now or any(stat.S_IMODE(mode) & 0o600 != 0o600 for mode, _, _ in now.values()):
            self._make_accessible()
            now = self._entries()
        for rel in sorted(now.keys() - {"."}, reverse=True):  # contents before their folder
            if rel in self.entries and stat.S_IFMT(now[rel][0]) == stat.S_IFMT(self.entries[rel][0]):
                continue
            path = self.path / rel
            if stat.S_ISDIR(now[rel][0]):
                shutil.rmtree(path)
            else:
                path.unlink()
        for rel, (mode, _, content) in self.entries.items():  # folders before their contents
            path = self.path / rel
            if rel == ".":
                continue
            if stat.S_ISDIR(mode):
                path.mkdir(exist_ok=True)
            elif stat.S_ISLNK(mode):
                if not path.is_symlink() or os.readlink(path) != content:
                    path.unlink(missing_ok=True)
                    path.symlink_to(content)
            elif rel not in now or now[rel][2] != content:
                path.write_bytes(content)
        changed = {rel for rel, entry in self.entries.items() if now.get(rel) != entry}
        parents = {os.path.dirname(rel) or "." for rel in changed | (now.keys() - self.entries.keys())}
        for rel in sorted((changed | parents) & self.entries.keys(), reverse=True):  # a folder after its contents
            mode, mtime_ns, _ = self.entries[rel]
            if not stat.S_ISLNK(mode):
                os.chmod(self.path / rel, stat.S_IMODE(mode))
            os.utime(self.path / rel, ns=(mtime_ns, mtime_ns), follow_symlinks=False)
        assert self._entries() == self.entries

    def _make_accessible(self) -> None:
        """Give the owner read and write on every file and folder (a test may have taken them away)."""
        os.chmod(self.path, os.stat(self.path).st_mode | 0o700)
        for folder, dirs, files in os.walk(self.path):  # a folder is opened up before it is listed
            for name in dirs + files:
                path = os.path.join(folder, name)
                if not os.path.islink(path):
                    os.chmod(path, os.stat(path).st_mode | (0o700 if name in dirs else 0o600))

    def recopy(self) -> None:
        """Start again from a fresh copy (when putting back failed)."""
        self._make_accessible()
        shutil.rmtree(self.path)
        self._copy()


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
