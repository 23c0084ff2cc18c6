"""JSON Schemas for the YAML input files, from the same pydantic models the loader uses.

Editors use them as you type (VS Code's YAML extension reads the
``# yaml-language-server: $schema=...`` line at the top of each data file):
completion, hover help from the fields' descriptions, and inline errors.
``python -m kin generate`` writes them to ``data/schemas/``; a test fails
when they are stale. They cannot check what needs the other files (whether
a referenced id exists, whether a file name matches its id); the loader does.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from kin import schema as s
from kin import shapes
from kin.collections import COLLECTIONS, Collection

SCHEMA_DIR = "schemas"  # inside the data folder, so a copied data folder keeps working
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_path(collection: Collection) -> str:
    """Path of a collection's JSON Schema, relative to the data folder."""
    return f"{SCHEMA_DIR}/{collection.name}.schema.json"


def schema_line(collection: Collection) -> str:
    """The first line of every data file of ``collection``: tells the editor which schema applies."""
    prefix = "../" if collection.folder else ""
    return f"# yaml-language-server: $schema={prefix}{schema_path(collection)}"


def with_schema_line(text: str, line: str) -> str:
    """``text`` with ``line`` as its first line (replacing an older schema line)."""
    rest = text.split("\n", 1)[1] if text.startswith("# yaml-language-server:") else text
    return f"{line}\n{rest}"


def _models(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """A model and every model nested in it, by the name pydantic gives their definitions."""
    found: dict[str, type[BaseModel]] = {}

    def walk(m: type[BaseModel]) -> None:
        if m.__name__ in found:
            return
        found[m.__name__] = m
        for sub in shapes.submodels(m):
            walk(sub)

    walk(model)
    return found


def _strip_titles(node: Any) -> None:
    """Pydantic's automatic titles ("Short Name") only repeat the field name."""
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict):
            for prop in props.values():
                prop.pop("title", None)
        for value in node.values():
            _strip_titles(value)
    elif isinstance(node, list):
        for value in node:
            _strip_titles(value)


def _is_kind(kinds: list[str], default: str) -> dict[str, Any]:
    """JSON Schema condition: ``kind`` is one of ``kinds`` (a missing kind counts as ``default``)."""
    cond: dict[str, Any] = {"required": ["kind"], "properties": {"kind": {"enum": kinds}}}
    return {"anyOf": [cond, {"not": {"required": ["kind"]}}]} if default in kinds else cond


def _kind_rules(model: type[BaseModel]) -> list[dict[str, Any]]:
    """The event kinds' rules (``s.KIND_REQUIRED``, ``s.KIND_SECTIONS``) as if/then clauses."""
    if model is not s.Event:
        return []
    default = s.Event.model_fields["kind"].default.value
    rules = [
        {"if": _is_kind([kind.value], default), "then": {"required": list(fields)}}
        for kind, fields in s.KIND_REQUIRED.items()
    ]
    for name, kinds in s.KIND_SECTIONS.items():
        others = [k.value for k in s.EventKind if k not in kinds]
        empty = {"maxItems": 0} if shapes.fields(s.Event)[name].many else {"type": "null"}
        rules.append({"if": _is_kind(others, default), "then": {"properties": {name: empty}}})
    return rules


def input_schema(collection: Collection) -> dict[str, Any]:
    """The JSON Schema one data file of ``collection`` must match."""
    schema = collection.model.model_json_schema(mode="validation")
    for name, model in _models(collection.model).items():
        target = schema if model is collection.model else schema["$defs"][name]
        for field, shape in shapes.fields(model).items():
            ref = shape.ref
            if ref is not None:
                prop = target["properties"][field]
                where = _where(ref.collection)
                prop["description"] = " ".join(filter(None, [prop.get("description"), f"(id fra {where})"]))
    if rules := _kind_rules(collection.model):
        schema["allOf"] = rules
    _strip_titles(schema)
    title = f"KIN – {collection.label}" + (f" (én fil per {collection.singular.lower()})" if collection.folder else "")
    return {"$schema": DIALECT, "title": title, **{k: v for k, v in schema.items() if k != "title"}}


def _where(ref_collection: str) -> str:
    for c in COLLECTIONS:
        if c.name == ref_collection:
            return f"{c.folder}/" if c.folder else str(c.file)
        if ref_collection in c.nested:
            return f"{ref_collection} i {c.file}"
    return ref_collection


def schema_files() -> dict[str, str]:
    """Every input JSON Schema as text, by path relative to the data folder."""
    return {schema_path(c): json.dumps(input_schema(c), indent=2, ensure_ascii=False) + "\n" for c in COLLECTIONS}
