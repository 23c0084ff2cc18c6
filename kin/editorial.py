"""Fields whose values are KIN's own classification or wording, found from the schema's descriptions.

The page "Om kildene" lists them; since the list is read from the field
descriptions (the ``EDITORIAL`` and ``EDITORIAL_TEXT`` texts), it cannot drift
from what the schema, the field reference and the JSON Schemas say.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from kin import schema as s
from kin import shapes
from kin.collections import COLLECTIONS

# "KINs egen klassifisering" begins EDITORIAL and is also written inside longer descriptions.
MARKS = ("KINs egen klassifisering", "KINs egen tekst", s.EDITORIAL_TEXT)


@dataclass(frozen=True)
class EditorialField:
    collection: str  # Norwegian label of the collection, e.g. "Organisasjoner"
    path: str  # the field's path in a record, e.g. "sections[].title"
    description: str


def _models(model: type[BaseModel], path: str = "") -> list[tuple[str, str, str]]:
    out = []
    for name, field in model.model_fields.items():
        here = f"{path}{name}"
        text = field.description or ""
        if any(mark in text for mark in MARKS):
            out.append((here, text))
        inner = shapes.of(field).model  # a nested record (one, or a list of them)
        if inner is not None and inner is not model:
            out += [(p, d) for p, d in _models(inner, f"{here}[].")]
    return out


def fields() -> list[EditorialField]:
    """Every editorial field of every collection, in registry order; each path once per collection."""
    out: list[EditorialField] = []
    for c in COLLECTIONS:
        seen: set[str] = set()
        for path, text in _models(c.model):
            if path not in seen:
                seen.add(path)
                out.append(EditorialField(c.label, path, text))
    return out
