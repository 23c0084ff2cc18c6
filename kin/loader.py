"""Strict YAML loading with source positions.

PyYAML's ``safe_load`` guesses types (``NO`` becomes ``False``, ``12:30``
becomes 750, ``0150`` becomes 104, ``2022-02-08`` becomes a date) and keeps
the last of duplicate keys. Here YAML is only *parsed* into events (with
libyaml when available) and turned into Python values by hand:

* quoted scalars and anything that is not plainly a bool, int, float or null
  stay strings (dates and times are validated later by the schema);
* only ``true``/``false`` (any case) are booleans;
* duplicate keys, anchors/aliases, merge keys and every explicit tag
  (``!!str``, ``!!python/...``, ``!foo``) are errors, and so are control
  characters other than tab and newline;
* all text is normalised to Unicode NFC (``å`` typed as ``a`` + ring equals ``å``);
* invisible format characters that can reorder or hide text (bidirectional
  overrides and isolates, zero-width spaces; ``kin.invisible``) are errors,
  placed on the character itself.

Every way reading a file can fail (encoding, a folder named like a file,
permissions, a symlink out of the data folder) becomes a located ``DataError``;
messages are in Norwegian (``kin.messages``).

Building from the event stream, rather than composing PyYAML's node tree
first, keeps memory flat on large files (the node tree of a 2 MB file took
about 90 MiB) and is faster.

Errors found while building carry their own position. For errors found later
(validation, references), ``Positions`` maps a value's path to its
``file:line:column``; it parses the file again, with tracking, only when asked.
"""

from __future__ import annotations

import gc
import os
import re
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from kin import messages as msg
from kin.errors import DataError
from kin.invisible import describe, hidden_characters

try:  # libyaml is about five times faster on large files
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader

PathKey = tuple[str | int, ...]

_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*)")
_FLOAT = re.compile(r"[-+]?([0-9][0-9_]*)?\.[0-9_]+([eE][-+]?[0-9]+)?")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "false": False}
# C0 controls except tab, LF and CR (CR only before LF: Windows line ends), DEL, C1, and non-characters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]|\r(?!\n)")
MAX_DEPTH = 50  # nesting deeper than any record needs; keeps hostile input from recursing without end


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


def _tag_name(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


class _Builder:
    """Turns one document's events into plain values and errors; with ``track``,
    also records every value's position."""

    def __init__(self, file: str, events, track: bool = False, text: str = "") -> None:
        self.file = file
        self.text = text  # the source, to place errors inside a scalar
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
        if type(event) is yaml.ScalarEvent and event.anchor is None and event.tag is None:
            return self._scalar(event, path)  # most values: plain text, numbers, dates
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            self.error(event, path, msg.ANCHOR)
            if isinstance(event, yaml.AliasEvent):
                return None
        if getattr(event, "tag", None) is not None:  # every explicit tag: !!str, !!binary, !foo, !
            self.error(event, path, msg.tag(_tag_name(event.tag)))
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent) and len(path) >= MAX_DEPTH:
            self.error(event, path, msg.TOO_DEEP.format(limit=MAX_DEPTH))
            self._skip()
            return None
        if isinstance(event, yaml.MappingStartEvent):
            return self._mapping(path)
        if isinstance(event, yaml.SequenceStartEvent):
            items = []
            while not isinstance(item := next(self.events), yaml.SequenceEndEvent):
                items.append(self.value(item, (*path, len(items))))
            return items
        return self._scalar(event, path)

    def _scalar(self, event: yaml.ScalarEvent, path: PathKey) -> Any:
        if (bad := _CONTROL.search(event.value)) is not None:  # written as an escape such as "\v"
            self.error(event, path, msg.control_character(bad[0]))
        self.hidden(event, path)
        return _scalar(event)

    def hidden(self, event: yaml.ScalarEvent, path: PathKey) -> None:
        """An error at every invisible format character of a scalar (key or value), placed
        on the character itself where the file has it as typed, else on the scalar."""
        found = list(hidden_characters(event.value))
        if not found:
            return
        source = self.text[event.start_mark.index : event.end_mark.index]
        for _, char in found:
            offset = source.find(char)
            if offset < 0:  # written as an escape such as "\u202e"
                self.error(event, path, msg.hidden_character(describe(char)))
                continue
            line, col = _line_col(self.text, event.start_mark.index + offset)
            self.errors.append(DataError(self.file, line, col, path, msg.hidden_character(describe(char))))
            source = source[:offset] + " " + source[offset + 1 :]  # the next one of the same character

    def _skip(self) -> None:
        """Consume the rest of a collection without building it (no recursion)."""
        depth = 1
        while depth:
            event = next(self.events)
            if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                depth += 1
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                depth -= 1

    def _mapping(self, path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        key_lines: dict[str, int] = {}
        while not isinstance(key := next(self.events), yaml.MappingEndEvent):
            if not isinstance(key, yaml.ScalarEvent):
                self.error(key, path, msg.KEY_NOT_TEXT)
                self.value(key, (*path, "?"))  # consume the key ...
                self.value(next(self.events), (*path, "?"))  # ... and its value
                continue
            if key.tag is not None or key.anchor:
                self.error(key, path, msg.tag(_tag_name(key.tag)) if key.tag is not None else msg.ANCHOR)
            name = _nfc(key.value)
            self.hidden(key, (*path, name))
            if name == "<<" and not key.style:
                self.error(key, path, msg.MERGE_KEY)
                self.value(next(self.events), (*path, "<<"))
                continue
            if name in result:
                self.error(key, (*path, name), msg.duplicate_key(key_lines[name]))
                self.value(next(self.events), (*path, "?"))
                continue
            result[name] = self.value(next(self.events), (*path, name))
            key_lines[name] = key.start_mark.line + 1
            if self.track:  # errors about a key (e.g. unknown field) point at the key itself
                self.marks[(*path, name)] = _mark(key)
        return result


def _scalar(event: yaml.ScalarEvent) -> Any:
    text = _nfc(event.value)
    if event.style:  # quoted or block scalar: always text (plain is None or '')
        return text
    if text in _NULL:
        return None
    if text.lower() in _BOOL:
        return _BOOL[text.lower()]
    if len(text) < 100:  # longer digit strings stay text (Python refuses huge int conversions)
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
        return None, Positions(name), [DataError(name, 1, 1, (), msg.FILE_EMPTY)]
    builder = _Builder(name, events, text=text)
    value = builder.value(next(events), ())
    next(events)  # DocumentEnd
    extra = next(events)
    if isinstance(extra, yaml.DocumentStartEvent):
        builder.error(extra, (), msg.EXTRA_DOCUMENT)
    return value, Positions(name, text), builder.errors


def _runaway_quote(text: str, error_line: int) -> tuple[int, int] | None:
    """Where a quote opened that ran on over several lines and ended on ``error_line``.

    A quote left open runs on until the next quote character in the file,
    which then looks like the error; the mistake is where the quote opened.
    """
    found = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.line + 1 > error_line:
                break
            multiline = token.end_mark.line > token.start_mark.line
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") and multiline:
                found = token if token.end_mark.line + 1 == error_line else None
    except yaml.YAMLError:
        pass
    return (found.start_mark.line + 1, found.start_mark.column + 1) if found else None


def _line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of character ``index`` in ``text``."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def control_characters(text: str, name: str, limit: int = 20) -> list[DataError]:
    """Every control character other than tab and newline, with its position (the first ``limit``)."""
    errors = []
    for match in _CONTROL.finditer(text):
        errors.append(DataError(name, *_line_col(text, match.start()), (), msg.control_character(match[0])))
        if len(errors) == limit:
            break
    return errors


def read_text(path: Path, name: str, root: Path | None = None) -> tuple[str | None, list[DataError]]:
    """The text of a data file, or a located error for every way reading it can fail."""

    def fail(message: str, line: int = 1, col: int = 1) -> tuple[None, list[DataError]]:
        return None, [DataError(name, line, col, (), message)]

    try:
        if root is not None and not _inside(path, root):
            return fail(msg.OUTSIDE_DATA)
        data = path.read_bytes()
    except FileNotFoundError:
        return fail(msg.SYMLINK_LOOP if path.is_symlink() else msg.FILE_MISSING)
    except IsADirectoryError:
        return fail(msg.IS_DIRECTORY)
    except PermissionError:
        return fail(msg.IS_DIRECTORY if path.is_dir() else msg.NOT_READABLE)
    except (OSError, RuntimeError) as exc:  # RuntimeError: symlink loop while resolving
        reason = getattr(exc, "strerror", None) or str(exc)
        return fail(msg.SYMLINK_LOOP if path.is_symlink() else msg.cannot_read(reason))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8")
        return fail(msg.not_utf8(), *_line_col(good, len(good)))
    return text.removeprefix("\ufeff"), []


def _inside(path: Path, root: Path) -> bool:
    """Whether ``path``, with every symlink followed, stays inside ``root``."""
    if os.name != "nt" and path.is_relative_to(root) and not _any_link(root, path.relative_to(root).parts):
        return True  # the usual case, decided without resolving every folder above root (Windows: junctions)
    real = os.path.realpath(path, strict=False)
    base = os.path.realpath(root, strict=False)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _any_link(root: Path, parts: tuple[str, ...]) -> bool:
    """Whether a step from ``root`` down ``parts`` is a symlink or leads up (``..``)."""
    current = str(root)
    for part in parts:
        current = os.path.join(current, part)
        if part == ".." or os.path.islink(current):
            return True
    return False


def load_yaml(
    path: Path, display_name: str | None = None, root: Path | None = None
) -> tuple[Any, Positions, list[DataError]]:
    """Load one YAML file strictly. Returns (value, positions, errors).

    With ``root``, a file that is (or sits behind) a symlink leading out of
    ``root`` is refused.
    """
    name = display_name or str(path)
    text, errors = read_text(path, name, root)
    if text is None:
        return None, Positions(name), errors
    return load_text(text, name)


def load_text(text: str, name: str) -> tuple[Any, Positions, list[DataError]]:
    """Load a data file's text strictly, as ``load_yaml`` loads the file."""
    if errors := control_characters(text, name):
        return None, Positions(name), errors
    try:
        with gc_paused():
            return _parse(text, name)
    except yaml.MarkedYAMLError as exc:
        opening = msg.unclosed(exc.problem, exc.context) and exc.context_mark is not None
        mark = exc.context_mark if opening else (exc.problem_mark or exc.context_mark)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = msg.yaml_syntax(exc.problem, exc.context)
        if not opening and (quote := _runaway_quote(text, line)):
            (line, col), message = quote, msg.runaway_quote(line)
        return None, Positions(name), [DataError(name, line, col, (), message)]
    except yaml.YAMLError as exc:  # a reader error the checks above did not foresee
        return None, Positions(name), [DataError(name, 1, 1, (), msg.yaml_syntax(str(exc), None))]
