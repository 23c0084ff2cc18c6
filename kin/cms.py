"""The web editor's configuration (Decap CMS), generated from the schema.

``python -m kin generate`` writes ``docs/admin/config.yml`` (``kin.generate``);
``kin generate --check``, run by the tests, fails when the file is stale. The
collections, fields, types and rules come from ``kin.collections`` and the
pydantic models in ``kin/schema.py``:

* one collection per kind of record (a folder of files, or one file);
* a select for every enum (labels as on the site, ``kin.labels``);
* a relation for every ``Ref`` to a collection of files (pick a speaker from people);
* patterns for ids, dates, ``"HH:MM"`` times, links and e-mail addresses, with
  the messages their kinds give them (``kin.shapes``);
* hints from the fields' descriptions.

So the editor follows the schema. Only Norwegian labels (``kin.fieldlabels``)
and a few widget choices (long text, what a list item shows) are listed here
by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from kin import collections as registry
from kin import config as settings
from kin import shapes
from kin.fieldlabels import field_label
from kin.jsonschemas import schema_line
from kin.labels import LABELS

CONFIG = "docs/admin/config.yml"  # relative to the project; the site serves it at /admin/config.yml
SITE_URL = "https://kin-nettverk.github.io/kin/"


_LONG_TEXT = {"description", "note", "text", "target_group", "approval", "opportunity", "risk"}
_TRUE_WHEN_ABSENT = (
    "Bryteren står av når feltet ikke er lagret, men da gjelder «ja». Slå den på og av igjen for å lagre «nei»"
)
_MAX_DEPTH = 2  # a model nested in itself (agenda items of agenda items) is offered this deep


def _pattern(shape: shapes.Shape) -> tuple[str, str] | None:
    """(regex, message) the editor checks before saving, as the loader will."""
    if shape.text is None or shape.pattern is None:
        return None
    return shape.pattern, shape.text.message if shape.pattern == shape.text.pattern else "Ugyldig format."


def _bounds(shape: shapes.Shape) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for attr, value in shape.bounds.items():
        key, step = {"ge": ("min", 0), "gt": ("min", 1), "le": ("max", 0), "lt": ("max", -1)}[attr]
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
        shape = shapes.of(info)
        inner, many = shape.type, shape.many
        field: dict[str, Any] = {"name": name, "label": field_label(model.__name__, name) or name}
        if shape.depth > 1 or (many and shape.inputs):
            return None  # no form for a table's rows or a text-or-object item; kept as is when present
        required = info.is_required() or any(getattr(m, "min_length", 0) for m in info.metadata)
        field["required"] = bool(required and not shape.optional)
        hints = [info.description] if info.description else []

        if shape.model is not None:
            if depth.get(inner, 0) >= _MAX_DEPTH:
                return None  # kept as is when present: the editor keeps fields it does not show
            sub = self.fields(inner, depth, optional=not many and not field["required"])
            field.update({"widget": "list", "fields": sub} if many else {"widget": "object", "fields": sub})
            if many:  # list items fold to one line each (time and title)
                field["summary"] = self.summary(inner)
                field["collapsed"] = True
        elif (ref := shape.ref) and ref.collection in self.folders:
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
        elif shape.kind == "enum":
            labels = [LABELS.get(m, m.value) for m in inner]
            options = [  # two values with one label (talk, talks) are told apart by their value
                {"label": label if labels.count(label) == 1 else f"{label} ({m.value})", "value": m.value}
                for m, label in zip(inner, labels, strict=True)
            ]
            field.update(widget="select", options=options)
            if many:
                field["multiple"] = True
        elif shape.kind == "bool":
            field["widget"] = "boolean"
            if info.default is True:  # Decap shows an unsaved toggle as off (a `default` would write it)
                hints.append(_TRUE_WHEN_ABSENT)
        elif shape.kind == "number":
            field.update(widget="number", value_type="int" if inner is int else "float", **_bounds(shape))
        else:
            pattern = _pattern(shape)
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
                    if shape.text.hint:
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


# libyaml's emitter writes the same text as safe_dump, several times faster (PyYAML's wheels include it).
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

HEADER = """\
# GENERATED by `python -m kin generate` from kin/schema.py and kin/collections.py.
# Do not edit by hand: `kin generate --check` (run by the tests) fails when this file is stale.
"""


def render(local_backend: dict[str, Any] | None = None, site: Path = settings.CONFIG) -> str:
    body = yaml.dump(config(local_backend, site), Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=4096)
    return HEADER + body
