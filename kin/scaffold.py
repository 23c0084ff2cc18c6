"""``python -m kin new ITEM --field value ...``: start a new record file.

Writes ``data/<folder>/<id>.yml`` with the given (and required) fields filled
in and every other field of the record as a comment, with an example and its
help text, ready to be uncommented. The id comes from ``--id`` or from the
collection's ``id_from`` fields (a meeting's date, a person's name ...). The
new file is checked with the whole data set before it is kept, and an
existing file is never overwritten.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from kin import shapes
from kin.collections import FOLDERS, Collection
from kin.dataset import load_dataset
from kin.errors import DataValidationError
from kin.jsonschemas import schema_line
from kin.reference import REFERENCE, describe

ITEMS: dict[str, Collection] = {c.item: c for c in FOLDERS if c.item}
_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a"})


class ScaffoldError(Exception):
    """Why no file was written."""


def slug(text: str) -> str:
    """An id from free text: ``Kari Nordmann`` -> ``kari-nordmann``, ``Ærlig Ås`` -> ``aerlig-as``."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_ASCII))
    ascii_text = folded.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def _typed(model: type[BaseModel], name: str, raw: list[str]) -> Any:
    """A command-line value as the YAML value the field expects (numbers as numbers, lists as lists)."""
    shape = shapes.of(model.model_fields[name])
    convert = {int: int, float: float, bool: lambda v: v.lower() == "true"}.get(shape.type, str)
    try:
        values = [convert(v) for v in raw]
    except ValueError:
        raise ScaffoldError(f"--{name}: forventet et tall, fikk «{raw[0]}»") from None
    return values if shape.many else values[-1]


def record(collection: Collection, given: dict[str, list[str]]) -> dict[str, Any]:
    """The new record's fields from ``--field value`` options (``--origin.meeting`` for nested ones)."""
    model = collection.model
    out: dict[str, Any] = {}
    for key, raw in given.items():
        head, _, rest = key.partition(".")
        if head not in model.model_fields:
            raise ScaffoldError(
                f"--{key}: {collection.singular.lower()} har ikke feltet «{head}» (se {_link(collection)})"
            )
        if rest:
            sub = shapes.of(model.model_fields[head]).model
            if sub is None or rest not in sub.model_fields:
                raise ScaffoldError(f"--{key}: feltet finnes ikke")
            out.setdefault(head, {})[rest] = _typed(sub, rest, raw)
        else:
            out[head] = _typed(model, head, raw)
    if collection.id_field not in out:
        source = next((out[f] for f in collection.id_from if out.get(f)), None)
        if source is None:
            options = " eller ".join(f"--{f}" for f in (collection.id_field, *collection.id_from))
            raise ScaffoldError(f"oppgi {options} (filnavnet lages av det)")
        out[collection.id_field] = slug(str(source))
    return {name: out[name] for name in model.model_fields if name in out}


class _Dumper(yaml.SafeDumper):
    """Dates written plainly (``date: 2027-02-09``), as in the hand-written files: our loader
    never turns them into dates, so they need no quotes."""


_Dumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def render(collection: Collection, values: dict[str, Any]) -> str:
    """The file's text: filled fields first, then the others as comments with example and help."""
    lines = [schema_line(collection), f"# Ny post: {collection.singular.lower()}. Alle felt: {_link(collection)}"]
    lines += yaml.dump(values, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000).splitlines()
    optional = [(n, i) for n, i in collection.model.model_fields.items() if n not in values]
    if optional:
        lines.append("# Valgfrie felt: fjern # foran et felt for å bruke det.")
    for name, info in optional:
        _, _, example = describe(info, collection)
        value = "" if shapes.of(info).model is not None else f" {example}"
        help_text = (info.description or "").replace("\n", " ")
        lines.append(f"# {name}:{value}  # {help_text}".rstrip(" #"))
    return "\n".join(lines) + "\n"


def _link(collection: Collection) -> str:
    return f"{REFERENCE}#{collection.name.replace('_', '-')}"


def create(data_dir: Path, item: str, given: dict[str, list[str]]) -> Path:
    """Write the new record's file and check it with all the data; return its path."""
    if item not in ITEMS:
        raise ScaffoldError(f"ukjent type «{item}»; bruk én av: {', '.join(ITEMS)}")
    collection = ITEMS[item]
    values = record(collection, given)
    path = data_dir / collection.path_of(str(values[collection.id_field]))
    text = render(collection, values)
    try:
        with path.open("x", encoding="utf-8") as out:  # never overwrite
            out.write(text)
    except FileNotFoundError:
        raise ScaffoldError(f"mappen {path.parent} finnes ikke; er --data-dir riktig?") from None
    except FileExistsError:
        raise ScaffoldError(
            f"{path} finnes allerede; endre den filen, eller oppgi en annen --{collection.id_field}"
        ) from None
    try:
        load_dataset(data_dir)
    except DataValidationError as exc:
        mine = [e for e in exc.errors if e.file.endswith(f"/{collection.path_of(str(values[collection.id_field]))}")]
        if mine:
            path.unlink()
            raise ScaffoldError("ikke skrevet:\n" + "\n".join(str(e) for e in mine)) from None
    return path


def parse_options(args: list[str]) -> dict[str, list[str]]:
    """``--key value`` pairs (a key may repeat, for lists) into {key: [values]}."""
    given: dict[str, list[str]] = {}
    it = iter(args)
    for arg in it:
        if not arg.startswith("--") or len(arg) < 3:
            raise ScaffoldError(f"forventet --felt verdi, fikk «{arg}»")
        key, eq, value = arg[2:].partition("=")
        if not eq:
            value = next(it, None)
            if value is None:
                raise ScaffoldError(f"--{key} mangler verdi")
        given.setdefault(key.replace("-", "_"), []).append(value)
    return given
