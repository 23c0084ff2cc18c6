"""Open data: the dataset as JSON files with the JSON Schemas they validate
against, both from the same pydantic types."""

from __future__ import annotations

import functools
import json

from pydantic import BaseModel, TypeAdapter

from kin import schema as s
from kin.dataset import Dataset


class PublicPerson(BaseModel):
    """What the site shows of a person: no contact details."""

    id: str
    name: str
    aliases: list[str]
    organisations: list[str]
    role: s.Role | None = None


API: dict[str, tuple[object, object]] = {
    # name: (type for the schema, function giving the data)
    "people": (list[PublicPerson], lambda d: [_public(p) for p in d.people]),
    "organisations": (list[s.Organisation], lambda d: d.organisations),
    "meetings": (list[s.Event], lambda d: d.meetings),
    "relay": (s.Relay, lambda d: d.relay),
    "courses": (list[s.Course], lambda d: d.courses),
    "statements": (list[s.Statement], lambda d: d.statements),
    "resources": (s.ResourcesFile, lambda d: d.resources),
    "network": (s.Network, lambda d: d.network),
}


def _public(p: s.Person) -> PublicPerson:
    return PublicPerson(id=p.id, name=p.name, aliases=p.aliases, organisations=p.organisations, role=p.role)


@functools.cache
def _adapter(name: str) -> TypeAdapter:
    return TypeAdapter(API[name][0])


@functools.cache
def json_schema(name: str) -> bytes:
    """The published JSON Schema of one API file; it depends on the code only, so it is made once."""
    schema = _adapter(name).json_schema(mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"KIN {name}", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False).encode()


def api_files(data: Dataset) -> dict[str, bytes]:
    """JSON data and matching JSON Schemas, both from the same pydantic types."""
    out = {}
    for name, (_, get) in API.items():
        out[f"api/{name}.json"] = _adapter(name).dump_json(get(data), indent=2, exclude_none=True)
        out[f"api/schema/{name}.schema.json"] = json_schema(name)
    return out
