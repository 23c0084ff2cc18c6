"""Files generated from the schema, and the check that they are up to date.

``python -m kin generate`` writes them; ``python -m kin generate --check``
(run by the tests and the pre-commit hook) lists the stale ones and fails.
Each generator takes the repository root and returns ``{path: text}``, paths
relative to the root. Add new generated files to ``GENERATORS``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from kin import cms
from kin.collections import COLLECTIONS, data_files
from kin.jsonschemas import schema_files, schema_line, schema_path, with_schema_line
from kin.reference import REFERENCE
from kin.reference import render as render_reference

DATA = "data"


def _schemas(root: Path) -> dict[str, str]:
    return {f"{DATA}/{rel}": text for rel, text in schema_files().items()}


def _vscode(root: Path) -> dict[str, str]:
    """VS Code settings: schemas by folder as well (for a new file before it has its first line)."""
    schemas = {
        f"./{DATA}/{schema_path(c)}": f"{DATA}/{c.folder}/*.yml" if c.folder else f"{DATA}/{c.file}"
        for c in COLLECTIONS
    }
    settings = {
        "yaml.schemas": schemas,
        "yaml.validate": True,
        "yaml.hover": True,
        "yaml.completion": True,
        "yaml.format.enable": False,
        "yaml.keyOrdering": False,
        "[yaml]": {
            "editor.insertSpaces": True,
            "editor.tabSize": 2,
            "editor.formatOnSave": False,
            "editor.quickSuggestions": {"other": True, "comments": False, "strings": True},
        },
        "files.encoding": "utf8",
        "files.insertFinalNewline": True,
    }
    return {".vscode/settings.json": json.dumps(settings, indent=2, ensure_ascii=False) + "\n"}


def _schema_lines(root: Path) -> dict[str, str]:
    """Every data file, starting with its ``# yaml-language-server: $schema=`` line."""
    out = {}
    for collection, rel in data_files(root / DATA):
        text = (root / DATA / rel).read_text(encoding="utf-8")
        out[f"{DATA}/{rel}"] = with_schema_line(text, schema_line(collection))
    return out


def _reference(root: Path) -> dict[str, str]:
    return {REFERENCE: render_reference()}


def _cms(root: Path) -> dict[str, str]:
    return {cms.CONFIG: cms.render()}


GENERATORS: list[Callable[[Path], dict[str, str]]] = [_schemas, _vscode, _schema_lines, _reference, _cms]


def expected(root: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for generator in GENERATORS:
        out.update(generator(root))
    return out


def stale(root: Path) -> list[str]:
    """Generated files that are missing or differ from what the schema gives."""
    found = []
    for rel, text in expected(root).items():
        path = root / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            found.append(rel)
    return found


def write(root: Path) -> list[str]:
    """Write every stale generated file; return their paths."""
    changed = stale(root)
    wanted = expected(root)
    for rel in changed:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted[rel], encoding="utf-8")
    return changed
