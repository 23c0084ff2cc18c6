"""The field reference (``data/FIELDS.md``), generated from the schema, and links into it.

One section per kind of record and one per nested part (an agenda item, the
minutes ...), each with a stable anchor: ``#<collection>`` for the record,
``#<collection>-<field>-<field>`` for a nested part (``#meetings-agenda``).
``link_for(file, path)`` gives the section that lists the fields allowed at
a place in a data file; error messages use it for "the allowed fields".
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from kin import schema as s
from kin.collections import COLLECTIONS, Collection, collection_at
from kin.dataset import field_ref

REFERENCE = "data/FIELDS.md"


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    model: type[BaseModel]
    collection: Collection
    path: tuple[str, ...]  # field names from the record down to this part


def _inner(annotation: Any) -> tuple[Any, bool]:
    """The type inside Optional/Annotated/list, and whether it is a list."""
    many = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin is list:
            annotation, many = typing.get_args(annotation)[0], True
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation, many


def _submodel(info: FieldInfo) -> type[BaseModel] | None:
    inner, _ = _inner(info.annotation)
    return inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None


def sections() -> list[Section]:
    """Every section of the reference, in order: each record kind, then its nested parts."""
    out: list[Section] = []

    def walk(c: Collection, model: type[BaseModel], path: tuple[str, ...], seen: set) -> None:
        seen.add(model)
        anchor = "-".join((c.name, *path)).replace("_", "-")
        title = f"{c.label} (`{c.name}`)" if not path else f"{c.label}: `{'.'.join(path)}`"
        out.append(Section(anchor, title, model, c, path))
        for name, info in model.model_fields.items():
            sub = _submodel(info)
            if sub is not None and sub not in seen:
                walk(c, sub, (*path, name), seen)

    for c in COLLECTIONS:
        walk(c, c.model, (), set())
    return out


def _section_of(collection: Collection, model: type[BaseModel]) -> Section:
    return next(x for x in sections() if x.collection == collection and x.model is model)


def collection_of(file: str) -> Collection | None:
    """The collection a data file belongs to; ``file`` as in error messages (``data/people/x.yml``)."""
    return collection_at(file.split("/", 1)[1] if "/" in file else file)


def link_for(file: str, path: tuple[str | int, ...] = ()) -> str:
    """Where the fields allowed at ``path`` in ``file`` are listed, e.g. ``data/FIELDS.md#meetings-agenda``.

    ``path`` is an error's path; its last part (the field in question) is ignored.
    """
    c = collection_of(file)
    if c is None:
        return REFERENCE
    model: type[BaseModel] = c.model
    for part in path[:-1]:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(str(part))
        sub = _submodel(info) if info else None
        if sub is None:
            break
        model = sub
    return f"{REFERENCE}#{_section_of(c, model).anchor}"


# --- Rendering -------------------------------------------------------------------------

_SIMPLE = {
    "text": ("tekst", "Tekst"),
    "id": ("id (små bokstaver a–z, sifre, bindestrek)", "kari-nordmann"),
    "date": ("dato ÅÅÅÅ-MM-DD", "2022-02-08"),
    "clock": ('klokkeslett "TT:MM", i anførselstegn', '"12:30"'),
    "url": ("lenke (https:// eller mailto:)", "https://www.example.no/"),
    "email": ("e-postadresse", "navn@example.no"),
}
_EXAMPLE_IDS = {"people": "kari-nordmann", "organisations": "uib", "meetings": "2022-02-08"}
_BOUNDS = {"ge": "minst", "gt": "mer enn", "le": "høyst", "lt": "mindre enn"}
_HEADER = "| Felt | Type | Obligatorisk | Tillatte verdier | Eksempel | Betydning, og hva nettstedet gjør med feltet |"


def _metadata(info: FieldInfo) -> list[Any]:
    """All constraint and validator objects on a field, wherever pydantic put them."""
    found = list(info.metadata)
    stack = [info.annotation]
    while stack:
        a = stack.pop()
        if typing.get_origin(a) is typing.Annotated:
            found.extend(a.__metadata__)
        stack.extend(typing.get_args(a))
    return found


def _text_kind(info: FieldInfo) -> str:
    meta = _metadata(info)
    funcs = {getattr(getattr(m, "func", None), "__name__", "") for m in meta}
    patterns = {getattr(m, "pattern", None) for m in meta}
    for func, kind in (("_clock", "clock"), ("_url", "url"), ("_iso_date", "date")):
        if func in funcs:
            return kind
    if s.Id.__metadata__[0].pattern in patterns:
        return "id"
    if s.Email.__metadata__[0].pattern in patterns:
        return "email"
    return "text"


def _describe(info: FieldInfo, c: Collection) -> tuple[str, str, str]:
    """(type, allowed values, example) for one field."""
    ref, many_ref = field_ref(info)
    inner, many = _inner(info.annotation)
    allowed = ""
    if ref is not None:
        target = next((x for x in COLLECTIONS if x.name == ref.collection), None)
        where = f"[{target.label}](#{_anchor(target.name)})" if target else f"`{ref.collection}`"
        kind, example = f"id for en post i {where}", _EXAMPLE_IDS.get(ref.collection, "id")
    elif isinstance(inner, type) and issubclass(inner, Enum):
        values = [m.value for m in inner]
        kind, example, allowed = "én av verdiene", values[0], ", ".join(f"`{v}`" for v in values)
    elif isinstance(inner, type) and issubclass(inner, BaseModel):
        kind, example = f"[feltene som står her](#{_section_of(c, inner).anchor})", "…"
    elif inner is bool:
        kind, example = "`true` eller `false`", "true"
    elif inner is int:
        kind, example = "heltall", "1"
    elif inner is float:
        kind, example = "tall (desimalpunktum)", "7.5"
    else:
        kind, example = _SIMPLE[_text_kind(info)]
    bounds = [
        f"{w} {getattr(m, k)}" for m in info.metadata for k, w in _BOUNDS.items() if getattr(m, k, None) is not None
    ]
    if many and any(getattr(m, "min_length", None) for m in info.metadata):
        bounds.append("minst én")
    allowed = allowed or ", ".join(bounds)
    if many or many_ref:
        kind, example = f"liste med: {kind}", f"[{example}]"
    return kind, allowed, example


def _anchor(*parts: str) -> str:
    return "-".join(parts).replace("_", "-")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render() -> str:
    """The whole field reference as Markdown."""
    lines = [
        "# Feltreferanse",
        "",
        "<!-- Generated from kin/schema.py by `python -m kin generate`; do not edit by hand. -->",
        "",
        "Alle felt i alle slags poster i `data/`. Obligatoriske felt må være med; andre felt",
        "utelater du når kilden ikke oppgir dem (nettstedet viser da «ikke oppgitt»).",
        "Hvordan filene er organisert: [README.md](README.md).",
        "",
    ]
    for c in COLLECTIONS:
        where = f"`{c.folder}/<{c.id_field}>.yml` (én fil per post)" if c.folder else f"`{c.file}`"
        lines.append(f"- [{c.label}](#{_anchor(c.name)}): {where}")
    lines.append("")
    for sec in sections():
        lines += [f'<a id="{sec.anchor}"></a>', "", f"{'###' if sec.path else '##'} {sec.title}", ""]
        c = sec.collection
        if not sec.path:
            where = (
                f"`data/{c.folder}/<{c.id_field}>.yml`; filnavnet er postens `{c.id_field}`"
                if c.folder
                else f"`data/{c.file}`"
            )
            lines += [f"Fil: {where}.", ""]
        lines += [_HEADER, "|---|---|---|---|---|---|"]
        for name, info in sec.model.model_fields.items():
            kind, allowed, example = _describe(info, c)
            row = [f"`{name}`", kind, "ja" if info.is_required() else "nei", allowed, f"`{name}: {example}`"]
            lines.append("| " + " | ".join(_cell(x) for x in [*row, info.description or ""]) + " |")
        lines.append("")
    return "\n".join(lines)
