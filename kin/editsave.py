"""What a save from the web editor writes: the editor's changes merged into the file as it is now.

Decap CMS sends the whole record, not what changed, and no version of the file
it started from. So the back end remembers, per file, what the editor holds
(``Loaded``): the text it served when the record was opened, or the editor's
own last save of it. A save is then a three-way merge of values (the strict
loader's values, so quoting and comments do not count as changes):

* loaded -> saved is what the editor changed;
* loaded -> disk is what changed on disk meanwhile (an editor in VS Code, a
  ``git pull``, another browser tab's save);
* both apply where they touch different values; where both changed the same
  value differently the save is refused (``Conflict``, HTTP 409) with a
  Norwegian message naming ``file:line:col`` and the field.

The merged value is written into the file on disk with ``kin.roundtrip``, so
comments, order and quoting of everything else stay as they are on disk.
A deletion is refused if the file changed on disk since it was loaded.

Limitation: the memory is one version per file, not per browser tab. Two tabs
editing the same record is covered as far as "the other tab's save is a disk
change" (the second tab reloads its record when it opens it).
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from typing import Any

from kin import roundtrip
from kin.errors import DataError
from kin.loader import _parse, gc_paused

RELOAD = "Last inn siden på nytt (F5) for å se filen slik den er nå, og gjør endringen din igjen."
_MISSING: Any = object()  # a key a map does not have


@dataclass(frozen=True)
class Loaded:
    """What the editor holds of one file, and the file on disk at that moment."""

    text: str  # as served to the editor, or as the editor last saved it
    disk: str | None  # the file's text on disk then


class Conflict(Exception):
    """A save or deletion that would undo a change made on disk (HTTP 409); the message is Norwegian."""


def merged(loaded: Loaded | None, saved: str, disk: str | None, name: str) -> str:
    """The text to write for the editor's ``saved`` text, given what it ``loaded`` and what is on ``disk``.

    ``disk`` and ``loaded`` are None for a new file. Raises ``Conflict``, or
    ``DataValidationError`` for a text that is not valid YAML.
    """
    if disk is None:
        if loaded is not None:
            raise Conflict(f"Ikke lagret: {name} er slettet eller flyttet etter at du åpnet den. {RELOAD}")
        return roundtrip.merge(None, saved, name)
    if loaded is None:
        raise Conflict(
            f"Ikke lagret: {name} finnes allerede, men redigeringsverktøyet har ikke lest den "
            f"(den er laget utenfor verktøyet, eller tjenesten er startet på nytt). {RELOAD}"
        )
    base, mine, theirs = roundtrip.plain(loaded.text, name), roundtrip.plain(saved, name), roundtrip.plain(disk, name)
    clashes: list[tuple] = []
    value = merge_values(base, mine, theirs, (), clashes)
    if clashes:
        raise Conflict(_clash_message(clashes, theirs, disk, name))
    return roundtrip.merge_value(disk, value, name)


def check_delete(loaded: Loaded | None, disk: str | None, name: str) -> None:
    """Refuse deleting a file that changed on disk since the editor loaded it."""
    if disk is None:
        return
    unchanged = loaded is not None and disk == loaded.disk and _same(_plain(disk), _plain(loaded.text))
    if not unchanged:
        raise Conflict(
            f"Ikke slettet: {name} er endret etter at du åpnet den. Last inn siden på nytt (F5), se over "
            "posten, og slett den igjen om du fortsatt vil."
        )


def _plain(text: str) -> Any:
    try:
        return roundtrip.plain(text, "entry")
    except Exception:  # unreadable text: compare it as text
        return text


# --- three-way merge of plain values ------------------------------------------------


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _same(a: Any, b: Any) -> bool:
    if a is _MISSING or b is _MISSING:
        return a is b
    return _key(a) == _key(b)


def merge_values(base: Any, mine: Any, theirs: Any, path: tuple, clashes: list[tuple]) -> Any:
    """``theirs`` with the changes from ``base`` to ``mine``; each value changed on both sides goes to ``clashes``."""
    if _same(mine, base):
        return theirs
    if _same(theirs, base) or _same(mine, theirs):
        return mine
    if all(isinstance(v, dict) for v in (base, mine, theirs)):
        return _merge_maps(base, mine, theirs, path, clashes)
    if all(isinstance(v, list) for v in (base, mine, theirs)):
        return _merge_lists(base, mine, theirs, path, clashes)
    clashes.append(path)
    return theirs


def _merge_maps(base: dict, mine: dict, theirs: dict, path: tuple, clashes: list[tuple]) -> dict:
    out = {}
    for key in [*mine, *(k for k in theirs if k not in mine)]:  # the editor's order, then keys only on disk
        value = merge_values(base.get(key, _MISSING), mine.get(key, _MISSING), theirs.get(key, _MISSING),
                             (*path, key), clashes)  # fmt: skip
        if value is not _MISSING:
            out[key] = value
    return out


def _hunks(old: list, new: list) -> list[tuple[int, int, list]]:
    """The changes from ``old`` to ``new``: (start, end, replacement), ranges in ``old``."""
    matcher = difflib.SequenceMatcher(a=[_key(v) for v in old], b=[_key(v) for v in new], autojunk=False)
    return [(i1, i2, new[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _touch(a: tuple[int, int, list], b: tuple[int, int, list]) -> bool:
    """Whether two changes to the same list overlap, or insert at the same place."""
    (a1, a2, _), (b1, b2, _) = a, b
    return a1 == b1 or (a1 < b2 and b1 < a2) or (a1 == a2 and b1 < a1 < b2) or (b1 == b2 and a1 < b1 < a2)


def _merge_lists(base: list, mine: list, theirs: list, path: tuple, clashes: list[tuple]) -> list:
    if len(base) == len(mine) == len(theirs):  # items edited in place: merge item by item
        items = zip(base, mine, theirs, strict=True)
        return [merge_values(*values, (*path, i), clashes) for i, values in enumerate(items)]
    theirs_hunks = _hunks(base, theirs)
    changes: list[tuple[int, int, list]] = []
    used: set[int] = set()  # theirs_hunks met by one of mine
    for hunk in _hunks(base, mine):
        touching = [k for k, h in enumerate(theirs_hunks) if _touch(hunk, h)]
        if not touching:
            changes.append(hunk)
            continue
        if len(touching) > 1 or touching[0] in used:
            clashes.append(path)
            return theirs
        used.add(touching[0])
        (i1, i2, rep), (_, o2, other_rep) = hunk, theirs_hunks[touching[0]]
        if (i2, _key(rep)) == (o2, _key(other_rep)):  # the same change on both sides
            changes.append(hunk)
        elif i2 == o2 and len(rep) == len(other_rep) == i2 - i1:  # the same items edited on both sides
            items = zip(base[i1:i2], rep, other_rep, strict=True)
            changes.append((i1, i2, [merge_values(*t, (*path, i1 + k), clashes) for k, t in enumerate(items)]))
        else:
            clashes.append(path)
            return theirs
    changes += [h for k, h in enumerate(theirs_hunks) if k not in used]
    result = list(base)
    for i1, i2, rep in sorted(changes, key=lambda h: h[0], reverse=True):
        result[i1:i2] = rep
    return result


def _clash_message(clashes: list[tuple], theirs: Any, disk: str, name: str) -> str:
    with gc_paused():
        _, positions, _ = _parse(disk, name)
    lines = []
    for path in clashes:
        line, col = positions.at(path)
        now = _at(theirs, path)
        shown = f" (nå: «{_short(now)}»)" if isinstance(now, str | int | float | bool) else ""
        message = f"endret i filen etter at du åpnet den{shown}, og du har også endret den"
        lines.append(str(DataError(name, line, col, path, message)))
    return "Ikke lagret: noen andre har endret det samme feltet.\n" + "\n".join(lines) + "\n" + RELOAD


def _at(value: Any, path: tuple) -> Any:
    for part in path:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def _short(value: Any, limit: int = 80) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
