"""What kind of field is this, and what does it point to: the one reading of the schema's annotations.

``of(info)`` looks through a model field's ``Optional``, ``Annotated``, ``Lax``
and lists and returns its ``Shape``: a kind of text (``KINDS``: date, clock,
url, id, email, text), an enum, a number, a yes/no, or a nested record; how
deep in lists it sits; whether it may be left out; and the collection a
``Ref`` points to. The reference check (``kin.dataset``), salvage, the
editor configuration (``kin.cms``), the field reference (``kin.reference``),
the JSON Schemas, ``kin new`` and the hostile-input test all ask here.

A kind of text is recognised by the type that declares it: by that type's
validators if it has any, else by its pattern. Each kind also says how the
field reference names it and what the web editor says when a value does not
match. A new field type is one ``register`` call.
"""

from __future__ import annotations

import functools
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from kin.schema import base as s


def _walk_metadata(annotation: Any) -> list[Any]:
    """Every constraint, validator and ``Field`` on the way down ``annotation`` (into lists and unions too)."""
    found: list[Any] = []
    stack = [annotation]
    while stack:
        a = stack.pop()
        if typing.get_origin(a) is typing.Annotated:
            found.extend(_expand(a.__metadata__))
        stack.extend(typing.get_args(a))
    return found


def _expand(metadata: typing.Iterable[Any]) -> list[Any]:
    """A ``Field(...)`` inside ``Annotated`` carries metadata of its own."""
    out: list[Any] = []
    for m in metadata:
        out += [m, *m.metadata] if isinstance(m, FieldInfo) else [m]
    return out


def _validators(metadata: list[Any]) -> set[Any]:
    return {m.func for m in metadata if callable(getattr(m, "func", None))}


def _constraint_pattern(metadata: list[Any]) -> str | None:
    return next((m.pattern for m in metadata if isinstance(getattr(m, "pattern", None), str)), None)


def _pattern(metadata: list[Any]) -> str | None:
    """The regex a value must match: the JSON Schema pattern (mirroring a validator), else the constraint's."""
    for m in metadata:
        extra = getattr(m, "json_schema_extra", None)
        if isinstance(extra, dict) and isinstance(extra.get("pattern"), str):
            return extra["pattern"]
    return _constraint_pattern(metadata)


@dataclass(frozen=True, eq=False)
class Kind:
    """A kind of text value, declared by an ``Annotated`` type of the schema."""

    name: str
    type: Any  # the Annotated type (e.g. ``schema.Clock``) whose validators or pattern mark the kind
    label: str  # how the field reference names it
    example: str  # a value as written in YAML (field reference, ``kin new``)
    message: str = ""  # the web editor's message for a value that does not match the pattern
    hint: bool = False  # the editor also shows the message as help under the field

    @functools.cached_property
    def _metadata(self) -> list[Any]:
        return _walk_metadata(self.type)

    @property
    def pattern(self) -> str | None:
        return _pattern(self._metadata)

    def marks(self, metadata: list[Any]) -> bool:
        """Whether a field with this metadata is of this kind: same validators, or (without any) same pattern."""
        own = _validators(self._metadata)
        if own:
            return own <= _validators(metadata)
        mine = _constraint_pattern(self._metadata)
        return mine is not None and mine in {getattr(m, "pattern", None) for m in metadata}


# Tried in order; the last one, plain text, is also what any other text is.
KINDS: list[Kind] = [
    Kind(
        "date",
        s.IsoDate,
        "dato ÅÅÅÅ-MM-DD",
        "2022-02-08",
        "Dato skrives ÅÅÅÅ-MM-DD, for eksempel 2027-02-09.",
        hint=True,
    ),
    Kind(
        "clock",
        s.Clock,
        'klokkeslett "TT:MM", i anførselstegn',
        '"12:30"',
        "Klokkeslett skrives TT:MM, for eksempel 09:30.",
        hint=True,
    ),
    Kind(
        "url",
        s.Url,
        "lenke (https:// eller mailto:)",
        "https://www.example.no/",
        "Lenken må begynne med https:// eller mailto:.",
    ),
    Kind(
        "id",
        s.Id,
        "id (små bokstaver a–z, sifre, bindestrek)",
        "kari-nordmann",
        "Bare små bokstaver a–z, sifre og bindestrek (ikke æ, ø, å eller mellomrom).",
    ),
    Kind(
        "email", s.Email, "e-postadresse", "navn@example.no", "Skriv en e-postadresse, for eksempel navn@eksempel.no."
    ),
    Kind("text", s.Text, "tekst", "Tekst", "Feltet kan ikke være tomt eller bare mellomrom."),
]
TEXT = KINDS[-1]


def register(kind: Kind) -> Kind:
    """Add a kind of text (tried before the built-in ones); return it."""
    KINDS.insert(0, kind)
    _clear_caches()
    return kind


def unregister(kind: Kind) -> None:
    KINDS.remove(kind)
    _clear_caches()


def _clear_caches() -> None:
    fields.cache_clear()
    ref_fields.cache_clear()


@dataclass(frozen=True)
class Shape:
    """What a field holds."""

    kind: str  # a Kind's name ("date", "text" ...), or "enum", "model", "bool", "number"
    type: Any  # the innermost type: str, date, int, float, bool, the enum class or the model class
    depth: int = 0  # 0: one value; 1: a list of them; 2: a list of lists (a table's rows)
    optional: bool = False  # the field may be None
    ref: s.Ref | None = None  # an id of a record in ``ref.collection``
    text: Kind | None = None  # for text: its kind
    pattern: str | None = None  # the regex a text value must match
    inputs: tuple[Any, ...] = ()  # other shapes the value may be written in (a bullet: text, or text and points)
    bounds: dict[str, Any] = field(default_factory=dict)  # ge/gt/le/lt of a number
    min_items: int = 0  # the least number of items in a list

    @property
    def many(self) -> bool:
        return self.depth > 0

    @property
    def model(self) -> type[BaseModel] | None:
        return self.type if self.kind == "model" else None

    @property
    def values(self) -> list[Any]:
        """An enum's values."""
        return [m.value for m in self.type] if self.kind == "enum" else []


def of(info: FieldInfo) -> Shape:
    """The shape of a model field. Pydantic moves the metadata of a plain ``Annotated``
    field (``person: PersonRef``) out of the annotation into ``info``; both count."""
    return shape_of(info.annotation, [info])


def shape_of(annotation: Any, outer: list[Any] = ()) -> Shape:
    """The shape of a type annotation; ``outer``: metadata that applies to it from outside."""
    metadata, field_level = _expand(outer), _expand(outer)
    depth, optional = 0, False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            found = _expand(annotation.__metadata__)
            metadata += found
            if depth == 0:
                field_level += found
            annotation = annotation.__origin__
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or (depth == 0 and len(args) < len(typing.get_args(annotation)))
            annotation = args[0]
        elif origin is list:
            annotation, depth = typing.get_args(annotation)[0], depth + 1
        elif isinstance(annotation, typing.TypeVar):  # an unparameterised generic (``Lax``) takes text
            annotation = str
        else:
            break
    ref = next((m for m in metadata if isinstance(m, s.Ref)), None)
    inputs = tuple(
        arg
        for m in metadata
        if getattr(m, "json_schema_input_type", PydanticUndefined) is not PydanticUndefined
        for arg in (typing.get_args(m.json_schema_input_type) or (m.json_schema_input_type,))
    )
    common = {"depth": depth, "optional": optional, "ref": ref, "inputs": inputs}
    common["min_items"] = _min_items(field_level, depth)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape("model", annotation, **common)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return Shape("enum", annotation, **common)
    if annotation is bool:
        return Shape("bool", bool, **common)
    if annotation in (int, float):
        return Shape("number", annotation, bounds=_bounds(field_level), **common)
    kind = next((k for k in KINDS if k.marks(metadata)), None)
    if kind is None:
        kind = next(k for k in KINDS if k.name == "date") if annotation is date else TEXT
    return Shape(kind.name, annotation, text=kind, pattern=_pattern(metadata), **common)


def _bounds(metadata: list[Any]) -> dict[str, Any]:
    return {
        key: getattr(m, key) for m in metadata for key in ("ge", "gt", "le", "lt") if getattr(m, key, None) is not None
    }


def _min_items(metadata: list[Any], depth: int) -> int:
    return max((getattr(m, "min_length", 0) or 0 for m in metadata), default=0) if depth else 0


@functools.cache
def fields(model: type[BaseModel]) -> dict[str, Shape]:
    """Every field of a model with its shape, worked out once per class."""
    return {name: of(info) for name, info in model.model_fields.items()}


def submodels(model: type[BaseModel]) -> list[type[BaseModel]]:
    """The records nested in ``model`` directly, in field order (each once)."""
    return list(dict.fromkeys(sh.model for sh in fields(model).values() if sh.model is not None))


def models_in(annotation: Any) -> list[type[BaseModel]]:
    """Every record type a value of ``annotation`` may hold, at any depth of lists and unions."""
    found, stack = [], [annotation]
    while stack:
        a = stack.pop()
        if isinstance(a, type) and issubclass(a, BaseModel):
            found.append(a)
        stack.extend(typing.get_args(a))
    return found


@functools.cache
def ref_fields(model: type[BaseModel]) -> dict[str, Shape]:
    """The fields of ``model`` that hold a reference, or a record that may hold one (directly or deeper)."""
    return {
        name: shape
        for name, shape in fields(model).items()
        if shape.ref is not None or any(_holds_refs(m) for m in models_in(model.model_fields[name].annotation))
    }


def _holds_refs(model: type[BaseModel]) -> bool:
    """Whether a ``model`` record, or any record nested in it, has a reference field."""
    return any(shape.ref is not None for m in reachable([model]) for shape in fields(m).values())


def reachable(models: typing.Iterable[type[BaseModel]]) -> set[type[BaseModel]]:
    """``models`` and every record type that may be nested in them, at any depth."""
    seen: set[type[BaseModel]] = set()
    todo = list(models)
    while todo:
        model = todo.pop()
        if model not in seen:
            seen.add(model)
            todo += [m for info in model.model_fields.values() for m in models_in(info.annotation)]
    return seen
