"""Strict YAML loading with source positions.

PyYAML's ``safe_load`` guesses types (``NO`` becomes ``False``, ``12:30``
becomes 750, ``0150`` becomes 104, ``2022-02-08`` becomes a date) and keeps
the last of duplicate keys. Here YAML is only *parsed* into events (with
libyaml when available) and turned into Python values by hand:

* quoted scalars and anything that is not plainly a bool, int, float or null
  stay strings (dates and times are validated later by the schema);
* only ``true``/``false`` (any case) are booleans;
* duplicate keys, anchors/aliases, merge keys and custom tags are errors.

Building from the event stream, rather than composing PyYAML's node tree
first, keeps memory flat on large files (the node tree of a 2 MB file took
about 90 MiB) and is faster.

Errors found while building carry their own position. For errors found later
(validation, references), ``Positions`` maps a value's path to its
``file:line:column``; it parses the file again, with tracking, only when asked.
"""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from kin.errors import DataError

try:  # libyaml is about five times faster on large files
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader

PathKey = tuple[str | int, ...]

_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*)")
_FLOAT = re.compile(r"[-+]?([0-9][0-9_]*)?\.[0-9_]+([eE][-+]?[0-9]+)?")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "false": False}


class Positions:
    """Maps a value's path inside a file to its (line, column), both 1-based.

    Worked out only when first asked, by parsing the file again: positions are
    needed for errors, which are rare, and recording every value's position
    on every load cost more memory than the data itself.
    """

    def __init__(self, file: str, text: str | None = None) -> None:
        self.file = file
        self._text = text
        self._marks: dict[PathKey, tuple[int, int]] | None = None if text is not None else {}

    @property
    def marks(self) -> dict[PathKey, tuple[int, int]]:
        if self._marks is None:
            builder = _Builder(self.file, _document(self._text), track=True)
            with gc_paused():
                builder.value(next(builder.events), ())
            self._marks, self._text = builder.marks, None
        return self._marks

    def at(self, path: PathKey) -> tuple[int, int]:
        """Position of ``path`` or of its nearest ancestor that has one."""
        marks = self.marks
        for end in range(len(path), -1, -1):
            mark = marks.get(tuple(path[:end]))
            if mark:
                return mark
        return (1, 1)


def _mark(event: yaml.Event) -> tuple[int, int]:
    return (event.start_mark.line + 1, event.start_mark.column + 1)


def _custom_tag(tag: str | None) -> bool:
    return tag not in (None, "!") and not tag.startswith("tag:yaml.org,2002:")


class _Builder:
    """Turns one document's events into plain values and errors; with ``track``,
    also records every value's position."""

    def __init__(self, file: str, events, track: bool = False) -> None:
        self.file = file
        self.events = events
        self.track = track
        self.marks: dict[PathKey, tuple[int, int]] = {}
        self.errors: list[DataError] = []

    def error(self, event: yaml.Event, path: PathKey, message: str) -> None:
        line, col = _mark(event)
        self.errors.append(DataError(self.file, line, col, path, message))

    def value(self, event: yaml.Event, path: PathKey) -> Any:
        if self.track:
            self.marks[path] = _mark(event)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            self.error(event, path, "anchors and aliases (&, *) are not allowed")
            if isinstance(event, yaml.AliasEvent):
                return None
        if _custom_tag(getattr(event, "tag", None)):
            self.error(event, path, f"custom tag {event.tag} is not allowed")
        if isinstance(event, yaml.MappingStartEvent):
            return self._mapping(path)
        if isinstance(event, yaml.SequenceStartEvent):
            items = []
            while not isinstance(item := next(self.events), yaml.SequenceEndEvent):
                items.append(self.value(item, (*path, len(items))))
            return items
        return _scalar(event)

    def _mapping(self, path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        key_lines: dict[str, int] = {}
        while not isinstance(key := next(self.events), yaml.MappingEndEvent):
            if not isinstance(key, yaml.ScalarEvent):
                self.error(key, path, "keys must be plain text")
                self.value(key, (*path, "?"))  # consume the key ...
                self.value(next(self.events), (*path, "?"))  # ... and its value
                continue
            name = key.value
            if name == "<<" and not key.style:
                self.error(key, path, "merge keys (<<) are not allowed")
                self.value(next(self.events), (*path, "<<"))
                continue
            if name in result:
                self.error(key, (*path, name), f"duplicate key (first defined on line {key_lines[name]})")
                self.value(next(self.events), (*path, "?"))
                continue
            result[name] = self.value(next(self.events), (*path, name))
            key_lines[name] = key.start_mark.line + 1
            if self.track:  # errors about a key (e.g. unknown field) point at the key itself
                self.marks[(*path, name)] = _mark(key)
        return result


def _scalar(event: yaml.ScalarEvent) -> Any:
    text = event.value
    if event.style:  # quoted or block scalar: always text (plain is None or '')
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


@contextmanager
def gc_paused():
    """Loading makes hundreds of thousands of short-lived objects, and the cyclic
    garbage collector rescans the survivors again and again (4x slower)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _events(text: str):
    """The events of a file, after StreamStart."""
    events = iter(yaml.parse(text, Loader=_Loader))
    next(events)  # StreamStart
    return events


def _document(text: str):
    """The events of a file that has a document, from its root value on."""
    events = _events(text)
    next(events)  # DocumentStart
    return events


def _parse(text: str, name: str) -> tuple[Any, Positions, list[DataError]]:
    events = _events(text)
    if isinstance(next(events), yaml.StreamEndEvent):
        return None, Positions(name), [DataError(name, 1, 1, (), "file is empty")]
    builder = _Builder(name, events)
    value = builder.value(next(events), ())
    next(events)  # DocumentEnd
    extra = next(events)
    if isinstance(extra, yaml.DocumentStartEvent):
        builder.error(extra, (), "only one YAML document per file (remove the extra ---)")
    return value, Positions(name, text), builder.errors


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
            return _parse(text, name)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"YAML syntax error: {exc.problem or exc.context}"
        return None, Positions(name), [DataError(name, line, col, (), message)]
