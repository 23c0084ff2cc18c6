"""Every reference in the real data is checked (generated from the schema, as the hostile-input tests are).

Each value of a reference field, wherever it sits (found by walking every field the schema
declares, not only those the check walks), is replaced by an unknown id; each must then be
reported at its own line and column. A reference field of a record that the real data leaves out is
added to the first record of its collection, naming that collection's first record.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from kin import DataValidationError, load_dataset, shapes
from kin.collections import BY_NAME, COLLECTIONS
from kin.dataset import Disk

UNKNOWN = "ukjent-id-{}"  # ids of no record, each one different (a list may not name a record twice)


def _references(value: object, path: tuple, found: list[tuple]) -> None:
    """(path, model, field) of every reference value in a record, through every field."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            _references(item, (*path, index), found)
    elif isinstance(value, BaseModel):
        for name, shape in shapes.fields(type(value)).items():
            field = getattr(value, name, None)
            if shape.ref is not None and field is not None:
                for index, _ in enumerate(field if shape.many else [field]):
                    found.append(((*path, name, index) if shape.many else (*path, name), type(value).__name__, name))
            else:
                _references(field, (*path, name), found)


def _every_reference_field() -> set[tuple[str, str]]:
    return {
        (model.__name__, name)
        for model in shapes.reachable(c.model for c in COLLECTIONS)
        for name, shape in shapes.fields(model).items()
        if shape.ref is not None
    }


def _fill_left_out_references(data: Path) -> None:
    """Give the first record of each collection every reference field no record of it has."""
    dataset, disk = load_dataset(data), Disk(data)
    for c in COLLECTIONS:
        if c.file:
            continue
        first = sorted(disk.record_files(c))[0]
        records = getattr(dataset, c.name)
        lines = []
        for name, shape in shapes.fields(c.model).items():
            if shape.ref is not None and not any(getattr(r, name) for r in records):
                id_field = BY_NAME[shape.ref.collection].id_field
                ids = [getattr(r, id_field) for r in getattr(dataset, shape.ref.collection)]
                target = next(i for i in ids if i != first.stem)  # not the record itself
                lines.append(f"{name}: [{target}]" if shape.many else f"{name}: {target}")
        if lines:
            first.write_text(first.read_text(encoding="utf-8") + "\n".join(lines) + "\n", encoding="utf-8")
    load_dataset(data)  # still valid


def test_every_reference_is_checked_where_it_stands(data_copy):
    _fill_left_out_references(data_copy)
    disk, targets, covered = Disk(data_copy), {}, set()
    for c in COLLECTIONS:
        files = [c.file] if c.file else [f"{c.folder}/{p.name}" for p in disk.record_files(c)]
        for rel in files:
            record, positions, errors, _ = disk.load(rel, c.model)
            assert not errors, errors
            found: list[tuple] = []
            _references(record, (), found)
            covered |= {(model, name) for _, model, name in found}
            targets[rel] = [(path, *positions.at(path), name) for path, _, name in found]
    assert covered == _every_reference_field()
    for rel, places in targets.items():
        lines = (data_copy / rel).read_text(encoding="utf-8").split("\n")
        for _, line, col, name in sorted(places, key=lambda p: p[1:3], reverse=True):  # right to left
            text = lines[line - 1]
            # a list item is marked at the item; a single value, at its key
            token = re.compile(rf"(?:{name}: *)?([\"']?[a-z0-9-]+[\"']?)").match(text, col - 1)
            assert token, (rel, line, text)
            lines[line - 1] = text[: token.start(1)] + UNKNOWN.format(line * 1000 + col) + text[token.end(1) :]
        (data_copy / rel).write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        load_dataset(data_copy)
    reported = {(e.file, e.line, e.column) for e in info.value.errors if "«ukjent-id-" in e.message}
    expected = set()  # where each reference now stands (a longer id moves the ones after it on its line)
    for c in COLLECTIONS:
        for rel in targets:
            if rel == c.file or rel.startswith(f"{c.folder}/"):
                positions = disk.load(rel, c.model)[1]
                expected |= {(f"data/{rel}", *positions.at(path)) for path, *_ in targets[rel]}
    assert len(expected) > 100
    assert expected - reported == set()
