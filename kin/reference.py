"""The field reference (``data/FIELDS.md``), generated from the schema, and links into it.

One section per kind of record and one per nested part (an agenda item, the
minutes ...), each with a stable anchor: ``#<collection>`` for the record,
``#<collection>-<field>-<field>`` for a nested part (``#meetings-agenda``).
``link_for(file, path)`` gives the section that lists the fields allowed at
a place in a data file; error messages use it for "the allowed fields".
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from kin import shapes
from kin.collections import COLLECTIONS, Collection, collection_at

REFERENCE = "data/FIELDS.md"


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    model: type[BaseModel]
    collection: Collection
    path: tuple[str, ...]  # field names from the record down to this part


def sections() -> list[Section]:
    """Every section of the reference, in order: each record kind, then its nested parts."""
    out: list[Section] = []

    def walk(c: Collection, model: type[BaseModel], path: tuple[str, ...], seen: set) -> None:
        seen.add(model)
        anchor = "-".join((c.name, *path)).replace("_", "-")
        title = f"{c.label} (`{c.name}`)" if not path else f"{c.label}: `{'.'.join(path)}`"
        out.append(Section(anchor, title, model, c, path))
        for name, shape in shapes.fields(model).items():
            sub = shape.model
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
        shape = shapes.fields(model).get(str(part))
        sub = shape.model if shape else None
        if sub is None:
            break
        model = sub
    return f"{REFERENCE}#{_section_of(c, model).anchor}"


# --- Rendering -------------------------------------------------------------------------

_EXAMPLE_IDS = {"people": "kari-nordmann", "organisations": "uib", "meetings": "2022-02-08"}
_BOUNDS = {"ge": "minst", "gt": "mer enn", "le": "høyst", "lt": "mindre enn"}
_HEADER = "| Felt | Type | Obligatorisk | Tillatte verdier | Eksempel | Betydning, og hva nettstedet gjør med feltet |"


def describe(info: FieldInfo, c: Collection) -> tuple[str, str, str]:
    """(type, allowed values, example) for one field."""
    shape = shapes.of(info)
    allowed = ""
    if shape.ref is not None:
        target = next((x for x in COLLECTIONS if x.name == shape.ref.collection), None)
        where = f"[{target.label}](#{_anchor(target.name)})" if target else f"`{shape.ref.collection}`"
        kind, example = f"id for en post i {where}", _EXAMPLE_IDS.get(shape.ref.collection, "id")
    elif shape.kind == "enum":
        kind, example, allowed = "én av verdiene", shape.values[0], ", ".join(f"`{v}`" for v in shape.values)
    elif shape.model is not None:
        kind, example = f"[feltene som står her](#{_section_of(c, shape.model).anchor})", "…"
    elif shape.kind == "bool":
        kind, example = "`true` eller `false`", "true"
    elif shape.kind == "number":
        kind, example = ("heltall", "1") if shape.type is int else ("tall (desimalpunktum)", "7.5")
    else:
        kind, example = shape.text.label, shape.text.example
    bounds = [f"{_BOUNDS[k]} {v}" for k, v in shape.bounds.items()]
    if shape.min_items:
        bounds.append("minst én")
    allowed = allowed or ", ".join(bounds)
    if shape.many:
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
            kind, allowed, example = describe(info, c)
            row = [f"`{name}`", kind, "ja" if info.is_required() else "nei", allowed, f"`{name}: {example}`"]
            lines.append("| " + " | ".join(_cell(x) for x in [*row, info.description or ""]) + " |")
        lines.append("")
    return "\n".join(lines)
