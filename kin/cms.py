"""The web editor's configuration (Decap CMS), generated from the schema.

``python -m kin generate`` writes ``docs/admin/config.yml`` (``kin.generate``);
``kin generate --check``, run by the tests, fails when the file is stale. The
collections, fields, types and rules come from ``kin.collections`` and the
pydantic models in ``kin/schema.py``:

* one collection per kind of record (a folder of files, or one file);
* a select for every enum (labels as on the site, ``kin.labels``);
* a relation for every ``Ref`` to a collection of files (pick a speaker from people);
* patterns for ids, dates, ``"HH:MM"`` times, links and e-mail addresses;
* hints from the fields' descriptions.

So the editor follows the schema. Only Norwegian labels (``kin.fieldlabels``),
pattern messages and a few widget choices (long text, what a list item shows)
are listed here by hand.
"""

from __future__ import annotations

import enum
import types
import typing
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from kin import collections as registry
from kin import config as settings
from kin import schema as s
from kin.fieldlabels import field_label
from kin.jsonschemas import schema_line
from kin.labels import LABELS
from kin.schema import base as schema_base

CONFIG = "docs/admin/config.yml"  # relative to the project; the site serves it at /admin/config.yml
SITE_URL = "https://kin-nettverk.github.io/kin/"


def _schema_pattern(annotated: Any) -> str:
    """The JSON Schema pattern the schema gives a type (its validators check the same)."""
    return next(m.json_schema_extra["pattern"] for m in annotated.__metadata__ if getattr(m, "json_schema_extra", None))


# The schema's own patterns, with a message for each; dates, times and links are
# recognised by their validators.
_DATE = (_schema_pattern(s.IsoDate), "Dato skrives ÅÅÅÅ-MM-DD, for eksempel 2027-02-09.")
_CLOCK = (_schema_pattern(s.Clock), "Klokkeslett skrives TT:MM, for eksempel 09:30.")
_URL = (_schema_pattern(s.Url), "Lenken må begynne med https:// eller mailto:.")
_MESSAGES = {
    r"\S": "Feltet kan ikke være tomt eller bare mellomrom.",
    r"^[a-z0-9][a-z0-9-]*$": "Bare små bokstaver a–z, sifre og bindestrek (ikke æ, ø, å eller mellomrom).",
    r"^[^\s@]+@[^\s@]+\.[^\s@]+$": "Skriv en e-postadresse, for eksempel navn@eksempel.no.",
}
_BY_VALIDATOR = {schema_base._clock: _CLOCK, schema_base._url: _URL}
_LONG_TEXT = {"description", "note", "text", "target_group", "approval", "opportunity", "risk"}
_TRUE_WHEN_ABSENT = (
    "Bryteren står av når feltet ikke er lagret, men da gjelder «ja». Slå den på og av igjen for å lagre «nei»"
)
_MAX_DEPTH = 2  # a model nested in itself (agenda items of agenda items) is offered this deep


def _unwrap(annotation: Any) -> tuple[Any, list[Any], bool]:
    """(inner type, metadata found on the way, optional?) of a field annotation."""
    metadata: list[Any] = []
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            for m in annotation.__metadata__:  # Field(...) inside Annotated carries its own metadata
                metadata.extend([m, *m.metadata] if isinstance(m, FieldInfo) else [m])
            annotation = annotation.__origin__
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            annotation = args[0]
        elif isinstance(annotation, typing.TypeVar):
            annotation = str
        else:
            return annotation, metadata, optional


def _several_shapes(metadata: list[Any]) -> bool:
    """A value the schema accepts in more than one shape (e.g. text or an object)."""
    return any(getattr(m, "json_schema_input_type", PydanticUndefined) is not PydanticUndefined for m in metadata)


def _ref(metadata: list[Any]) -> s.Ref | None:
    return next((m for m in metadata if isinstance(m, s.Ref)), None)


def _pattern(inner: Any, metadata: list[Any]) -> tuple[str, str] | None:
    """(regex, message) the editor checks before saving, as the loader will."""
    if inner is date:
        return _DATE
    for m in metadata:
        if getattr(m, "func", None) in _BY_VALIDATOR:
            return _BY_VALIDATOR[m.func]
    regex = next((m.pattern for m in metadata if isinstance(getattr(m, "pattern", None), str)), None)
    return (regex, _MESSAGES.get(regex, "Ugyldig format.")) if regex else None


def _bounds(metadata: list[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for m in metadata:
        for attr, key, step in (("ge", "min", 0), ("gt", "min", 1), ("le", "max", 0), ("lt", "max", -1)):
            value = getattr(m, attr, None)
            if value is not None:
                out[key] = value + step if isinstance(value, int) else value
    return out


class Generator:
    def __init__(self) -> None:
        self.folders = {c.name: c for c in registry.COLLECTIONS if c.folder}

    def fields(
        self, model: type[BaseModel], depth: dict[type, int] | None = None, optional: bool = False
    ) -> list[dict[str, Any]]:
        """The editor's fields for a model. In an ``optional`` object nothing is required
        (the editor would insist on the object's required fields even when it is left
        empty); the local back end and CI still check the whole record."""
        depth = dict(depth or {})
        depth[model] = depth.get(model, 0) + 1
        out = []
        for name, info in model.model_fields.items():
            field = self.field(model, name, info, depth)
            if field is not None:
                if optional:
                    field["required"] = False
                out.append(field)
        return out

    def field(self, model: type[BaseModel], name: str, info: FieldInfo, depth: dict[type, int]) -> dict | None:
        inner, metadata, optional = _unwrap(info.annotation)
        metadata = [*metadata, *info.metadata]
        field: dict[str, Any] = {"name": name, "label": field_label(model.__name__, name) or name}
        many = typing.get_origin(inner) is list
        if many:
            inner, item_meta, _ = _unwrap(typing.get_args(inner)[0])
            if typing.get_origin(inner) is list or _several_shapes(item_meta):
                return None  # no form for a table's rows or a text-or-object item; kept as is when present
        else:
            item_meta = metadata
        required = info.is_required() or any(getattr(m, "min_length", 0) for m in info.metadata)
        field["required"] = bool(required and not optional)
        hints = [info.description] if info.description else []

        if isinstance(inner, type) and issubclass(inner, BaseModel):
            if depth.get(inner, 0) >= _MAX_DEPTH:
                return None  # kept as is when present: the editor keeps fields it does not show
            sub = self.fields(inner, depth, optional=not many and not field["required"])
            field.update({"widget": "list", "fields": sub} if many else {"widget": "object", "fields": sub})
            if many:  # list items fold to one line each (time and title)
                field["summary"] = self.summary(inner)
                field["collapsed"] = True
        elif (ref := _ref(item_meta if many else metadata)) and ref.collection in self.folders:
            target = self.folders[ref.collection]
            shown = self.display_field(target.model)
            field.update(
                widget="relation",
                collection=target.name,
                value_field=target.id_field,
                search_fields=list(dict.fromkeys([shown, target.id_field])),
                display_fields=[shown],
            )
            if many:
                field["multiple"] = True
        elif isinstance(inner, type) and issubclass(inner, enum.Enum):
            labels = [LABELS.get(m, m.value) for m in inner]
            options = [  # two values with one label (talk, talks) are told apart by their value
                {"label": label if labels.count(label) == 1 else f"{label} ({m.value})", "value": m.value}
                for m, label in zip(inner, labels, strict=True)
            ]
            field.update(widget="select", options=options)
            if many:
                field["multiple"] = True
        elif inner is bool:
            field["widget"] = "boolean"
            if info.default is True:  # Decap shows an unsaved toggle as off (a `default` would write it)
                hints.append(_TRUE_WHEN_ABSENT)
        elif inner in (int, float):
            field.update(widget="number", value_type="int" if inner is int else "float", **_bounds(metadata))
        else:
            pattern = _pattern(inner, item_meta if many else metadata)
            widget = "text" if name in _LONG_TEXT else "string"
            if many:
                item = {"name": name, "label": field["label"], "widget": widget}
                if pattern:
                    item["pattern"] = list(pattern)
                field.update(widget="list", field=item)
            else:
                field["widget"] = widget
                if pattern:
                    field["pattern"] = list(pattern)
                    if pattern in (_DATE, _CLOCK):
                        hints.append(pattern[1])
        if hints:
            field["hint"] = " ".join(h.rstrip(".") + "." for h in hints)
        return field

    @staticmethod
    def display_field(model: type[BaseModel]) -> str:
        return next((f for f in ("name", "title", "question", "text") if f in model.model_fields), "id")

    def summary(self, model: type[BaseModel]) -> str:
        shown = self.display_field(model)
        prefix = next((f"{{{{fields.{f}}}}} " for f in ("time", "date", "day", "year") if f in model.model_fields), "")
        return f"{prefix}{{{{fields.{shown}}}}}"

    def record_fields(self, c: registry.Collection) -> list[dict[str, Any]]:
        """The fields of a record file. The first required one carries the file's schema line as a
        comment: Decap writes it above that key, so a file saved through the GitHub
        back end keeps pointing text editors at its JSON Schema (which they also
        find by folder, .vscode/settings.json). An empty optional field is left
        out of the file, comment and all."""
        fields = self.fields(c.model)
        first = next((f for f in fields if f["required"]), fields[0])
        first["comment"] = schema_line(c).removeprefix("# ")
        return fields

    def collection(self, c: registry.Collection) -> dict[str, Any]:
        base = {"name": c.name, "label": c.label, "label_singular": c.singular}
        if c.folder:
            shown = self.display_field(c.model)
            return {
                **base,
                "folder": f"data/{c.folder}",
                "extension": "yml",
                "format": "yml",
                "create": True,
                "delete": False,
                "identifier_field": c.id_field,
                "slug": f"{{{{{c.id_field}}}}}",
                "summary": self.summary(c.model) if shown != c.id_field else f"{{{{{shown}}}}}",
                "sortable_fields": [f for f in ("date", "name", "title") if f in c.model.model_fields],
                "fields": self.record_fields(c),
            }
        return {
            **base,
            "files": [{"name": c.name, "label": c.label, "file": f"data/{c.file}", "fields": self.record_fields(c)}],
        }


def sign_in(auth_url: str | None) -> dict[str, str]:
    """Decap's GitHub sign-in through an OAuth helper: ``base_url`` is the helper's
    origin and ``auth_endpoint`` its path (Decap's default, ``auth``, when it has none).
    Nothing while no helper is set up."""
    if not auth_url:
        return {}
    parts = urlsplit(auth_url)
    path = parts.path.strip("/")
    return {"base_url": f"{parts.scheme}://{parts.netloc}", **({"auth_endpoint": path} if path else {})}


def config(local_backend: dict[str, Any] | None = None, site: Path = settings.CONFIG) -> dict[str, Any]:
    """The editor's configuration; ``site`` is the mkdocs.yml that may name the OAuth helper."""
    generator = Generator()
    repo = settings.repository(site)  # GitHub repository and branch: extra.repository in mkdocs.yml
    return {
        "backend": {
            "name": "github",
            "repo": repo.name,
            "branch": repo.branch,
            **sign_in(settings.editor_auth_url(site)),
            "squash_merges": True,
            "commit_messages": {
                "create": "Nytt: {{collection}} «{{slug}}» (webredaktør)",
                "update": "Endret: {{collection}} «{{slug}}» (webredaktør)",
                "delete": "Slettet: {{collection}} «{{slug}}» (webredaktør)",
            },
        },
        "publish_mode": "editorial_workflow",
        # Published: none. make edit: docs/admin/start.js adds it; python -m kin edit: kin_site/admin.py.
        **({"local_backend": local_backend} if local_backend else {}),
        "locale": "nb_no",
        "site_url": SITE_URL,
        "display_url": SITE_URL,
        "media_folder": "docs/assets/opplastet",
        "omit_empty_optional_fields": True,
        "show_preview_links": False,
        "editor": {"preview": False},
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": [generator.collection(c) for c in registry.COLLECTIONS],
    }


HEADER = """\
# GENERATED by `python -m kin generate` from kin/schema.py and kin/collections.py.
# Do not edit by hand: `kin generate --check` (run by the tests) fails when this file is stale.
"""


def render(local_backend: dict[str, Any] | None = None, site: Path = settings.CONFIG) -> str:
    body = yaml.safe_dump(config(local_backend, site), allow_unicode=True, sort_keys=False, width=4096)
    return HEADER + body
