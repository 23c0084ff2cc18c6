"""Strict YAML loading with source positions.

PyYAML's ``safe_load`` guesses types (``NO`` becomes ``False``, ``12:30``
becomes 750, ``0150`` becomes 104, ``2022-02-08`` becomes a date) and keeps
the last of duplicate keys. Here YAML is only *composed* into nodes (with
libyaml when available) and turned into Python values by hand:

* quoted scalars and anything that is not plainly a bool, int, float or null
  stay strings (dates and times are validated later by the schema);
* only ``true``/``false`` (any case) are booleans;
* duplicate keys, anchors/aliases, merge keys and custom tags are errors.

Every value's position is recorded in a ``Positions`` map keyed by its path,
so later validation errors can name ``file:line:column``.
"""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kin.errors import DataError

try:  # libyaml is about five times faster on large files
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _BaseLoader

_DEFAULT_TAGS = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}
_MERGE = "tag:yaml.org,2002:merge"


class _Loader(_BaseLoader):
    """Composes nodes without YAML 1.1 type guessing: ``_scalar`` decides types.

    Skipping PyYAML's regex-based resolver also makes large files about a third faster.
    """

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode and value == "<<" and implicit[0]:
            return _MERGE
        return _DEFAULT_TAGS[kind]


PathKey = tuple[str | int, ...]

_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*)")
_FLOAT = re.compile(r"[-+]?([0-9][0-9_]*)?\.[0-9_]+([eE][-+]?[0-9]+)?")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "false": False}


@dataclass
class Positions:
    """Maps a value's path inside a file to its (line, column), both 1-based."""

    file: str
    marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def at(self, path: PathKey) -> tuple[int, int]:
        """Position of ``path`` or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            mark = self.marks.get(tuple(path[:end]))
            if mark:
                return mark
        return (1, 1)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.positions = Positions(file)
        self.errors: list[DataError] = []

    def error(self, node: yaml.Node, path: PathKey, message: str) -> None:
        line, col = _mark(node)
        self.errors.append(DataError(self.file, line, col, path, message))

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        self.positions.marks[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                self.error(key_node, path, "merge keys (<<) are not allowed")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, path, "keys must be plain text")
                continue
            key = key_node.value
            if key in result:
                first = self.positions.marks.get((*path, key), (0, 0))[0]
                self.error(key_node, (*path, key), f"duplicate key (first defined on line {first})")
                continue
            result[key] = self.build(value_node, (*path, key))
            # Point errors about a key (e.g. unknown field) at the key itself.
            self.positions.marks[(*path, key)] = _mark(key_node)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: PathKey) -> Any:
        text = node.value
        if node.tag not in _IMPLICIT_TAGS and not node.tag.startswith("tag:yaml.org,2002:"):
            self.error(node, path, f"custom tag {node.tag} is not allowed")
            return text
        if node.style:  # quoted or block scalar: always text (plain is None or '')
            return text
        if text in _NULL:
            return None
        if text.lower() in _BOOL:
            return _BOOL[text.lower()]
        if _INT.fullmatch(text):
            return int(text.replace("_", ""))
        if _FLOAT.fullmatch(text):
            return float(text.replace("_", ""))
        return text


_IMPLICIT_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


# An anchor or alias starts after whitespace or a flow indicator and is followed by a name.
_MAYBE_ALIAS = re.compile(r"(?:^|[\s,\[\]{}])[&*]\S", re.M)


def _reject_aliases(text: str, file: str) -> list[DataError]:
    errors = []
    for token in yaml.scan(text, Loader=_Loader):
        if isinstance(token, (yaml.AliasToken, yaml.AnchorToken)):
            mark = token.start_mark
            errors.append(
                DataError(file, mark.line + 1, mark.column + 1, (), "anchors and aliases (&, *) are not allowed")
            )
    return errors


@contextmanager
def gc_paused():
    """Composing a large file makes hundreds of thousands of nodes, and the cyclic
    garbage collector rescans them again and again; it made loading 4x slower."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_yaml(path: Path, display_name: str | None = None) -> tuple[Any, Positions, list[DataError]]:
    """Load one YAML file strictly. Returns (value, positions, errors)."""
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, Positions(name), [DataError(name, 1, 1, (), "file is missing")]
    except UnicodeDecodeError as exc:
        return None, Positions(name), [DataError(name, 1, 1, (), f"not valid UTF-8: {exc.reason}")]
    try:
        with gc_paused():
            node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"YAML syntax error: {exc.problem or exc.context}"
        return None, Positions(name), [DataError(name, line, col, (), message)]
    # The token scan is slow; most files have no & or * at the start of a token.
    if ("&" in text or "*" in text) and _MAYBE_ALIAS.search(text):
        alias_errors = _reject_aliases(text, name)
        if alias_errors:
            return None, Positions(name), alias_errors
    if node is None:
        return None, Positions(name), [DataError(name, 1, 1, (), "file is empty")]
    builder = _Builder(name)
    with gc_paused():
        value = builder.build(node, ())
    return value, builder.positions, builder.errors
