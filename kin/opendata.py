"""Open data: the dataset as JSON files with the JSON Schemas they validate
against (both from the same pydantic types), and ``datapackage.json``, a
Frictionless Data Package describing every download of the site."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from pydantic import BaseModel, TypeAdapter

from kin import catalogue, routes, talks
from kin import schema as s
from kin.dataset import Dataset


class PublicPerson(BaseModel):
    """What the site shows of a person: no contact details."""

    id: str
    name: str
    aliases: list[str]
    organisations: list[str]
    role: s.Role | None = None
    url: str | None = None  # a speaker's web page, as the source gives it


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
    "talks": (list[talks.TalkRecord], talks.records),
    "corrections": (s.CorrectionsFile, lambda d: d.corrections),
}


def _public(p: s.Person) -> PublicPerson:
    return PublicPerson(id=p.id, name=p.name, aliases=p.aliases, organisations=p.organisations, role=p.role, url=p.url)


@functools.cache
def _adapter(name: str) -> TypeAdapter:
    return TypeAdapter(API[name][0])


@functools.cache
def model_schema(name: str) -> dict:
    """The JSON Schema of one JSON file's records (worked out once per process)."""
    if name == CATALOGUE:
        return catalogue.rows_schema()
    return _adapter(name).json_schema(mode="validation")


def schema_path(name: str) -> str:
    return f"api/schema/{name}.schema.json"


@functools.cache
def json_schema(name: str, site_url: str) -> bytes:
    """The published JSON Schema of one JSON file; ``$id`` is its own address."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site_url + schema_path(name),
        "title": f"KIN {name}",
        **model_schema(name),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False).encode()


def api_files(data: Dataset, site_url: str) -> dict[str, bytes]:
    """JSON data and matching JSON Schemas, both from the same pydantic types."""
    out = {}
    for name, (_, get) in API.items():
        out[f"api/{name}.json"] = _adapter(name).dump_json(get(data), indent=2, exclude_none=True)
        out[schema_path(name)] = json_schema(name, site_url)
    out[schema_path(CATALOGUE)] = json_schema(CATALOGUE, site_url)
    return out


# --- What the site offers for download: datapackage.json and the open-data page -----

CATALOGUE = "studietilbud"  # the course catalogue's JSON: its schema sits beside the others


@dataclass(frozen=True)
class Download:
    name: str  # Frictionless resource name
    title: str  # Norwegian, for people
    path: str  # site-relative
    format: str
    mediatype: str
    count: int | None = None  # records, where that means something
    json_schema: str | None = None  # site-relative path of its JSON Schema
    table: bool = False  # tabular: described by the catalogue's Table Schema


TITLES = {
    "people": "Personer i nettverket (uten kontaktopplysninger)",
    "organisations": "Organisasjoner",
    "meetings": "Møter med agenda og referat",
    "relay": "KI-stafetten",
    "courses": "Studietilbud, alle felt",
    "statements": "Uttalelser",
    "resources": "Rapporter og litteratur",
    "network": "Om nettverket og sekretariatets kontakter",
    "talks": "Innlegg: lysbildene og sidene med innhold fra hvert innlegg",
    "corrections": "Endringer i kildeteksten (se Om kildene)",
}


def downloads(data: Dataset) -> list[Download]:
    """Every file of the site that is not a page, with what describes it."""
    courses = len(data.courses)
    out = [
        Download("kalender", "Kalender: alle møter og KI-stafetten", routes.CALENDAR, "ics", "text/calendar"),
        Download("uttalelser-feed", "Nyhetsstrøm: uttalelser", routes.FEED_STATEMENTS, "atom", "application/atom+xml"),
        Download("moter-feed", "Nyhetsstrøm: møter og referater", routes.FEED_MEETINGS, "atom", "application/atom+xml"),
    ]
    out += [
        Download(f"kalender-{m.id}", f"Kalender: {m.title}", routes.meeting_calendar(m.id), "ics", "text/calendar")
        for m in data.meetings
    ]
    for name, (_, get) in API.items():
        value = get(data)
        count = len(value) if isinstance(value, list) else None
        out.append(
            Download(name, TITLES[name], f"api/{name}.json", "json", "application/json", count, schema_path(name))
        )
    out += [
        Download(
            "studietilbud-csv",
            "Studietilbud (CSV for regneark)",
            routes.CATALOGUE_CSV,
            "csv",
            "text/csv",
            courses,
            table=True,
        ),
        Download(
            "studietilbud-xlsx",
            "Studietilbud (Excel)",
            routes.CATALOGUE_XLSX,
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            courses,
            table=True,
        ),
        Download(
            "studietilbud-json",
            "Studietilbud (JSON, som i katalogen)",
            routes.CATALOGUE_JSON,
            "json",
            "application/json",
            courses,
            schema_path(CATALOGUE),
        ),
    ]
    return out


def _resource(d: Download, site_url: str) -> dict:
    resource = {"name": d.name, "title": d.title, "path": d.path, "format": d.format, "mediatype": d.mediatype}
    if d.format != "xlsx":
        resource["encoding"] = "utf-8"
    if d.json_schema:
        # Data Package schemas are Table Schemas (tables only); JSON Schema goes in a property of its own.
        resource["jsonSchema"] = site_url + d.json_schema
    if d.table:
        resource["type"] = "table"
        resource["schema"] = catalogue.table_schema()
        if d.format == "csv":
            resource["dialect"] = {"delimiter": ";", "header": True}
    return resource


def datapackage(data: Dataset, site_url: str) -> bytes:
    """Frictionless Data Package descriptor of every download (``datapackage.json``)."""
    package = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "kin",
        "title": data.network.name,
        "description": "Alt innholdet på nettstedet som data: kalendere, nyhetsstrømmer, JSON og studietilbud.",
        "homepage": site_url + routes.OPEN_DATA,
        "resources": [_resource(d, site_url) for d in downloads(data)],
    }
    return json.dumps(package, indent=2, ensure_ascii=False).encode()
