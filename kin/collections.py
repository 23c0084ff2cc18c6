"""The kinds of record, where each lives under ``data/``, and the order each is listed in.

This registry is the one place that maps a collection to its folder or file.
The loader, ``python -m kin urls``, the benchmark generator, the JSON Schemas
for editors, the field reference, scaffolding and the CMS configuration all
read it. A record kept one per file lives in ``data/<folder>/<id>.yml``; the
file name must equal the record's ``id_field``.

Record order never depends on where a record sits in the data: every list is
sorted by its collection's key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kin import schema as s
from kin.collate import sort_key

DATA_FOLDER = "data"  # the data files' folder in the repository


def _by_name(record: Any) -> tuple:
    return sort_key(record.name), record.id


def _by_title(record: Any) -> tuple:
    return sort_key(record.title), record.id


def _by_date(record: Any) -> tuple:
    return record.date is None, record.date or date.min, record.id  # undated last


def _by_date_and_start(record: Any) -> tuple:
    return record.date, record.start or "", record.id


def _by_institution(record: Any) -> tuple:
    return (record.institution,)


@dataclass(frozen=True)
class Collection:
    """One kind of record: either one file per record in ``folder``, or one ``file``."""

    name: str  # the Dataset attribute, and what a Ref names
    model: type[s.Model]
    folder: str | None = None  # data/<folder>/<id>.yml
    file: str | None = None  # data/<file>, holding one model instance
    id_field: str = "id"  # in a folder: the file name (without .yml) must equal this field
    sort_key: Callable[[Any], tuple] | None = None
    nested: tuple[str, ...] = ()  # in a file: lists of records with ids that Refs may name
    label: str = ""  # Norwegian, as on the site and in the editor
    singular: str = ""
    holds: str = ""  # one line for data/README.md
    item: str = ""  # one record, in English, as `python -m kin new ITEM` names it
    id_from: tuple[str, ...] = ()  # fields a new record's id is made from (first one given), e.g. the date

    def path_of(self, record_id: str) -> str:
        """Path of a record's file, relative to the data folder."""
        return f"{self.folder}/{record_id}.yml" if self.folder else str(self.file)

    def source_of(self, record_id: str) -> str:
        """Path of a record's file in the repository (what "Foreslå endring" opens)."""
        return f"{DATA_FOLDER}/{self.path_of(record_id)}"


COLLECTIONS: tuple[Collection, ...] = (
    Collection(
        "network", s.Network, file="network.yml", label="Nettverket", singular="Nettverket",
        holds="Purpose, values, secretariat lead and contacts, where minutes are published",
    ),
    Collection(
        "organisations", s.Organisation, folder="organisations", sort_key=_by_name, item="organisation",
        id_from=("short_name", "name"),
        label="Organisasjoner", singular="Organisasjon",
        holds="One file per organisation: name, short name, kind, health region",
    ),
    Collection(
        "people", s.Person, folder="people", sort_key=_by_name, label="Personer", singular="Person",
        item="person", id_from=("name",),
        holds="One file per person: name as written, aliases, affiliation as written, organisations, role",
    ),
    Collection(
        "meetings", s.Event, folder="meetings", sort_key=_by_date_and_start, label="Møter og arrangementer",
        singular="Arrangement", item="meeting", id_from=("date",),
        holds="One file per event (network meeting, seminar, relay stage ...); the id is usually the date",
    ),
    Collection(
        "relay", s.Relay, file="relay.yml", label="KI-stafetten", singular="KI-stafetten",
        holds="KI-stafetten: description, kinds of events and cadence; its stages are events with `relay: true`",
    ),
    Collection(
        "courses", s.Course, folder="courses", sort_key=_by_title, label="Studietilbud", singular="Studietilbud",
        item="course", id_from=("code", "title"),
        holds="One file per course, programme or offer",
    ),
    Collection(
        "course_counts", s.CourseCount, folder="course-counts", id_field="institution", sort_key=_by_institution,
        label="Antall emner per fakultet", singular="Antall emner per fakultet", item="course-count",
        holds="Course counts per faculty, one file per institution, named by the institution's id",
    ),
    Collection(
        "statements", s.Statement, folder="statements", sort_key=_by_date, label="Uttalelser", singular="Uttalelse",
        item="statement", id_from=("title",),
        holds="One file per policy statement: status, date, addressee, origin meeting and history",
    ),
    Collection(
        "resources", s.ResourcesFile, file="resources.yml", nested=("reports", "literature"),
        label="Ressurser", singular="Ressurser",
        holds="Reports (Teknologirådet's six trends, Helse Nord's strategy) and cited literature",
    ),
    Collection(
        "corrections", s.CorrectionsFile, file="corrections.yml", label="Endringer i kildeteksten",
        singular="Endringer i kildeteksten",
        holds="Every change to the source's wording: as in the source, as on the site, where and why",
    ),
)  # fmt: skip
BY_NAME: dict[str, Collection] = {c.name: c for c in COLLECTIONS}
FOLDERS: tuple[Collection, ...] = tuple(c for c in COLLECTIONS if c.folder)


def record_files(data_dir: Path, collection: Collection) -> list[Path]:
    """A folder collection's record files, by name (their order carries no meaning)."""
    folder = data_dir / str(collection.folder)
    return sorted(p for p in folder.glob("*.y*ml") if p.suffix in (".yml", ".yaml")) if folder.is_dir() else []


def collection_at(rel: str) -> Collection | None:
    """The collection a data file belongs to; ``rel`` relative to the data folder (``people/x.yml``)."""
    for c in COLLECTIONS:
        if rel == c.file or (c.folder and rel.startswith(f"{c.folder}/")):
            return c
    return None


def data_files(data_dir: Path) -> Iterator[tuple[Collection, str]]:
    """Every data file (relative to ``data_dir``) with its collection."""
    for collection in COLLECTIONS:
        if collection.file:
            yield collection, collection.file
        else:
            for path in record_files(data_dir, collection):
                yield collection, f"{collection.folder}/{path.name}"
