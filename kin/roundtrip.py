"""Apply an editor's save to a YAML file without losing what the editor does not show.

The web editor (Decap CMS) sends a whole record as freshly serialised YAML: no
comments, its own quoting and key order. ``merge(old_text, new_text)`` works
out which *values* differ (both texts read by the strict loader, so ``12:30``
and ``"12:30"`` are the same value) and applies only those changes to the old
file's round-trip tree (ruamel.yaml). Comments, key order, quoting and flow
style of everything unchanged stay as they were, byte for byte.
"""

from __future__ import annotations

import difflib
import io
import json
import re
from datetime import date
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from kin.errors import DataError, DataValidationError
from kin.loader import _parse, gc_paused

_TIME = re.compile(r"\d{2}:\d{2}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _yaml() -> YAML:
    rt = YAML()
    rt.preserve_quotes = True
    rt.width = 4096  # never fold long lines
    rt.indent(mapping=2, sequence=4, offset=2)  # the data files' style: "  - item"
    return rt


def plain(text: str, name: str) -> Any:
    """The value of a YAML text as the strict loader reads it; raises on any error."""
    try:
        with gc_paused():
            value, _, errors = _parse(text, name)
    except Exception as exc:  # a YAML syntax error
        raise DataValidationError([DataError(name, 1, 1, (), f"YAML syntax error: {exc}")]) from None
    if errors:
        raise DataValidationError(errors)
    return value


def merge(old_text: str | None, new_text: str, name: str = "entry") -> str:
    """``old_text`` with the values of ``new_text``; a new file when ``old_text`` is None."""
    return merge_value(old_text, plain(new_text, name), name)


def merge_value(old_text: str | None, new: Any, name: str = "entry") -> str:
    """``old_text`` changed to hold the plain value ``new``; a new file when ``old_text`` is None."""
    rt = _yaml()
    if old_text is None:
        tree = _node(new)
    else:
        tree = rt.load(old_text)
        tree = _apply(tree, plain(old_text, name), new)
    out = io.StringIO()
    rt.dump(tree, out)
    return out.getvalue()


def _apply(node: Any, old: Any, new: Any) -> Any:
    """``node`` (round-trip tree whose value is ``old``) changed to ``new``, in place where possible."""
    if old == new and type(old) is type(new):
        return node
    if isinstance(node, CommentedMap) and isinstance(new, dict) and isinstance(old, dict):
        _apply_map(node, old, new)
        return node
    if isinstance(node, CommentedSeq) and isinstance(new, list) and isinstance(old, list):
        _apply_seq(node, old, new)
        return node
    return _scalar_like(node, new) if not isinstance(new, dict | list) else _node(new)


def _apply_map(node: CommentedMap, old: dict, new: dict) -> None:
    for key in [k for k in old if k not in new]:
        del node[key]
    keys = list(new)
    for i, key in enumerate(keys):
        if key in old:
            node[key] = _apply(node[key], old[key], new[key])
            continue
        before = [k for k in keys[:i] if k in node]  # insert after the nearest preceding key
        position = list(node).index(before[-1]) + 1 if before else 0
        node.insert(position, key, _node(new[key]))


def _apply_seq(node: CommentedSeq, old: list, new: list) -> None:
    def keys(values: list) -> list[str]:
        return [json.dumps(v, sort_keys=True, default=str) for v in values]

    opcodes = difflib.SequenceMatcher(a=keys(old), b=keys(new), autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(opcodes):  # from the end, so indices stay valid
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1)
        for k in range(paired):  # a changed item keeps its own comments and style
            node[i1 + k] = _apply(node[i1 + k], old[i1 + k], new[j1 + k])
        for _ in range(i1 + paired, i2):
            del node[i1 + paired]
        for k in range(j1 + paired, j2):
            node.insert(i1 + k - j1, _node(new[k]))


def _scalar_like(node: Any, value: Any) -> Any:
    """A new scalar, quoted like the one it replaces (times are always quoted)."""
    if isinstance(value, str) and isinstance(node, str) and type(node) is not str:
        return type(node)(value)  # same quoting or block style as before
    return _node(value)


def _node(value: Any) -> Any:
    """A round-trip value for a plain one, in the data files' style."""
    if isinstance(value, dict):
        return CommentedMap((k, _node(v)) for k, v in value.items())
    if isinstance(value, list):
        return CommentedSeq(_node(v) for v in value)
    if isinstance(value, str) and _TIME.fullmatch(value):
        return DoubleQuotedScalarString(value)  # "HH:MM", as the schema asks
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)  # written plain: 2027-02-09
        except ValueError:
            return value
    return value
