"""The layers, read from the source (every import statement, also those inside functions):

* the data layer ``kin/`` imports neither the site layer ``kin_site/`` nor a site generator;
* no module of ``kin/`` or ``kin_site/`` imports, directly or through others, a module that imports it.

An import names the module it loads: ``from kin import schema`` is an import of
``kin.schema``, ``from kin import Dataset`` one of ``kin``. The package a module
sits in is not counted as imported by it (Python runs it first, whatever it imports).
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

from conftest import ROOT

LAYERS = ("kin", "kin_site")
# What the data layer must never import: the site layer and the site generators.
NOT_FROM_DATA = ("kin_site", "mkdocs", "properdocs", "material", "mkdocs_macros", "zensical")


def modules(root: Path, packages: tuple[str, ...] = LAYERS) -> dict[str, Path]:
    """Dotted module name -> source file, for every module of ``packages`` under ``root``."""
    found = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> list[tuple[str, int]]:
    """(imported module, line) for every import statement in a module, nested ones included."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from . import x, from ..a import b
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                out.append((submodule if submodule in known else base, node.lineno))
    return out


def graph(root: Path, packages: tuple[str, ...] = LAYERS) -> dict[str, dict[str, int]]:
    """Module -> {module of ``packages`` it imports: line of the first such import}."""
    known = modules(root, packages)
    edges: dict[str, dict[str, int]] = {}
    for name, path in known.items():
        edges[name] = {}
        for target, line in imports(name, path, known):
            if target in known and target != name:
                edges[name].setdefault(target, line)
    return edges


def cycles(edges: dict[str, dict[str, int]]) -> list[list[str]]:
    """One import cycle (``a, b, ..., a``) through each group of modules that import each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def strongconnect(v: str) -> None:  # Tarjan's algorithm
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges[v]:
            if w not in index:
                strongconnect(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(group)

    for v in sorted(edges):
        if v not in index:
            strongconnect(v)
    return [_cycle_in(sorted(group), edges) for group in groups]


def _cycle_in(group: list[str], edges: dict[str, dict[str, int]]) -> list[str]:
    """A path from the group's first module back to itself, inside the group."""
    start, members = group[0], set(group)
    paths = {start: [start]}
    todo = [start]
    while todo:
        v = todo.pop(0)
        for w in sorted(edges[v]):
            if w == start:
                return [*paths[v], start]
            if w in members and w not in paths:
                paths[w] = [*paths[v], w]
                todo.append(w)
    raise AssertionError(f"no cycle in {group}")


def forbidden(root: Path) -> list[str]:
    """Every import in ``kin/`` of the site layer or a site generator, as ``file:line: module``."""
    known = modules(root)
    return [
        f"{path.relative_to(root)}:{line}: {target}"
        for name, path in known.items()
        if name.split(".")[0] == "kin"
        for target, line in imports(name, path, known)
        if target.split(".")[0] in NOT_FROM_DATA
    ]


def _describe(cycle: list[str], edges: dict[str, dict[str, int]]) -> str:
    return " -> ".join(f"{a} (line {edges[a][b]})" for a, b in itertools.pairwise(cycle)) + f" -> {cycle[-1]}"


def test_the_data_layer_imports_no_site_layer_or_site_generator():
    assert forbidden(ROOT) == []


def test_no_import_cycles():
    edges = graph(ROOT)
    assert {"kin.dataset", "kin.reference", "kin_site.hooks", "kin.schema.base"} <= set(edges)
    assert "kin.shapes" in edges["kin.reference"] and "kin.reference" in edges["kin.dataset"]
    found = [_describe(cycle, edges) for cycle in cycles(edges)]
    assert found == [], "import cycles:\n" + "\n".join(found)


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def test_the_checks_find_a_cycle_and_a_forbidden_import(tmp_path):
    """The same checks on a made-up project that breaks both rules, once at top level and once inside functions."""
    _write(
        tmp_path,
        {
            "kin/__init__.py": "from kin.a import A\n",
            "kin/a.py": "from kin import b\nA = 1\n",
            "kin/b.py": "def f():\n    from . import c\n",
            "kin/c.py": "import kin.a\n\n\ndef g():\n    from kin_site.pages import x\n    import mkdocs.config\n",
            "kin/schema/__init__.py": "from kin.schema.base import T\n",
            "kin/schema/base.py": "from kin import c\nT = 1\n",
            "kin_site/__init__.py": "",
            "kin_site/pages.py": "from kin import a\nfrom kin.schema import base\n",
        },
    )
    assert forbidden(tmp_path) == ["kin/c.py:5: kin_site.pages", "kin/c.py:6: mkdocs.config"]
    edges = graph(tmp_path)
    assert edges["kin_site.pages"] == {"kin.a": 1, "kin.schema.base": 2}
    assert edges["kin"] == {"kin.a": 1} and "kin" not in edges["kin.a"]  # a package is not imported by its modules
    assert cycles(edges) == [["kin.a", "kin.b", "kin.c", "kin.a"]]
    assert _describe(cycles(edges)[0], edges) == "kin.a (line 1) -> kin.b (line 2) -> kin.c (line 1) -> kin.a"
