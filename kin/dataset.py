"""Load every data file, validate it and check cross-references.

``load_dataset(data_dir)`` either returns a fully validated ``Dataset`` or
raises ``DataValidationError`` carrying *all* problems found, each with file,
line, column and field. Records that fail their schema are salvaged field by
field (``salvage``), so reference and semantic checks still run on everything
that is valid and one run lists every error.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kin import localtime, messages, shapes
from kin import schema as s
from kin.collections import BY_NAME, COLLECTIONS, Collection, record_files
from kin.errors import DataError, DataValidationError
from kin.loader import Positions, gc_paused, load_yaml
from kin.reference import link_for
from kin.salvage import salvage


@dataclass
class Dataset:
    """All validated KIN data, with lookups by id."""

    network: s.Network
    organisations: list[s.Organisation]
    people: list[s.Person]
    meetings: list[s.Event]  # every event (network meetings, seminars, relay stages ...), sorted by date
    relay: s.Relay
    courses: list[s.Course]
    course_counts: list[s.CourseCount]
    statements: list[s.Statement]
    resources: s.ResourcesFile
    corrections: s.CorrectionsFile
    source_files: dict[str, str] = field(default_factory=dict)  # collection -> file name

    def __post_init__(self) -> None:
        self.org = {o.id: o for o in self.organisations}
        self.person = {p.id: p for p in self.people}
        self.meeting = {m.id: m for m in self.meetings}
        self.course = {c.id: c for c in self.courses}
        self.statement = {st.id: st for st in self.statements}
        self.course_by_code = {c.code: c for c in self.courses if c.code}

    def role_counts(self) -> dict[s.Role, int]:
        counts = Counter(p.role for p in self.people if p.role)
        return {role: counts.get(role, 0) for role in s.Role}

    def upcoming_meetings(self, today: date) -> list[s.Event]:
        """Events not yet over on ``today`` (an event is upcoming through its last day), soonest first."""
        return [m for m in self.meetings if m.last_day >= today]

    def past_meetings(self, today: date) -> list[s.Event]:
        """Events over before ``today``, latest first."""
        return [m for m in reversed(self.meetings) if m.last_day < today]

    def relay_stages(self) -> list[s.Event]:
        return [m for m in self.meetings if m.in_relay]


class _Collector:
    def __init__(self) -> None:
        self.errors: list[DataError] = []

    def from_pydantic(self, exc: ValidationError, positions: Positions, prefix: tuple = ()) -> None:
        for err in exc.errors():
            path = (*prefix, *(p for p in err["loc"] if not _is_union_tag(p)))
            line, col = positions.at(path)
            message = messages.validation(err)
            moved = s.MOVED_FIELDS.get(str(err["loc"][-1])) if len(err["loc"]) == 1 else None
            if err["type"] == "extra_forbidden":
                link = link_for(positions.file, path)
                message = messages.moved_field(moved) if moved else messages.unknown_field(link)
            self.errors.append(DataError(positions.file, line, col, path, message))

    def add(self, pos: Positions, path: tuple, message: str) -> None:
        """An error about the value at ``path`` in the file ``pos`` belongs to."""
        line, col = pos.at(path)
        self.errors.append(DataError(pos.file, line, col, path, message))


def _is_union_tag(part: object) -> bool:
    # pydantic adds tags such as 'function-after[_clock(), str]' for wrapped types
    return isinstance(part, str) and ("[" in part or part in {"str", "int", "float", "bool", "none"})


def _validate(model: type[BaseModel], raw: Any, positions: Positions, collector: _Collector) -> Any:
    """The validated model; on errors, report them and return what could be salvaged."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        collector.from_pydantic(exc, positions)
        return salvage(model, raw, exc)


def load_dataset(data_dir: Path | str, files: Any = None) -> Dataset:
    """Load and validate all data under ``data_dir``; raise on any error.

    ``files`` reads the folder instead of ``Disk`` (``kin.overlay``: unsaved
    changes over it, each unchanged file's result kept from the last load)."""
    with gc_paused():  # only short-lived, acyclic garbage here
        return _load_dataset(Path(data_dir), files or Disk(Path(data_dir)))


class Disk:
    """The data folder as the loader reads it, file by file."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    def has_folder(self, folder: str) -> bool:
        return (self.data_dir / folder).is_dir()

    def record_files(self, collection: Collection) -> list[Path]:
        return record_files(self.data_dir, collection)

    def load(self, rel: str, model: type[BaseModel]) -> tuple:
        """(record or salvage, positions, errors, whether the file passed its schema)."""
        display = f"{self.data_dir.name}/{rel}"
        return validate_loaded(model, *load_yaml(self.data_dir / rel, display, root=self.data_dir))


def validate_loaded(model: type[BaseModel], raw: Any, pos: Positions, errors: list[DataError]) -> tuple:
    """One file's ``Disk.load`` result from its loaded value and the errors of loading it."""
    if errors:
        return None, pos, errors, False
    collector = _Collector()
    value = _validate(model, raw, pos, collector)
    return value, pos, collector.errors, not collector.errors


def _load_dataset(data_dir: Path, files: Any) -> Dataset:
    collector = _Collector()
    positions: dict[str, Positions] = {}
    clean: set[str] = set()  # files that passed their schema (salvaged ones did not)
    singles: dict[str, Any] = {}  # collection kept in one file -> its model (None: unreadable)
    records: dict[str, list[tuple[str, Any]]] = {}  # collection kept one per file -> (file, record)
    ids = _Records(positions)

    def load(rel: str, model: type[BaseModel]) -> Any:
        value, positions[rel], errors, passed = files.load(rel, model)
        collector.errors.extend(errors)
        if passed:
            clean.add(rel)
        return value

    for c in COLLECTIONS:
        if c.file:
            singles[c.name] = load(c.file, c.model)
            continue
        if not files.has_folder(str(c.folder)):
            collector.errors.append(DataError(f"{data_dir.name}/{c.folder}/", 1, 1, (), messages.FOLDER_MISSING))
        found = records[c.name] = []
        for path in files.record_files(c):
            rel = f"{c.folder}/{path.name}"
            record = load(rel, c.model)
            if record is None:  # not even YAML: its id is unknown
                ids.incomplete.add(c.name)
                continue
            if c.name == "meetings":
                check_file_name(record, path.stem, positions[rel], collector)
            elif isinstance(getattr(record, c.id_field, None), str) and getattr(record, c.id_field) != path.stem:
                collector.add(positions[rel], (c.id_field,), f"må være lik filnavnet («{path.stem}»)")
            found.append((rel, record))

    for name, found in records.items():
        for rel, record in found:
            ids.add(name, rel, (), [record], single=True, id_field=BY_NAME[name].id_field)
    for c in COLLECTIONS:
        for name in c.nested:
            single = singles[c.name]
            ids.add(name, str(c.file), (name,), getattr(single, name, None) if single is not None else None)
    collector.errors.extend(ids.duplicate_errors)

    for c in COLLECTIONS:
        if c.file and singles[c.name] is not None:
            check_refs(singles[c.name], (), c.file, ids, collector)
    for found in records.values():
        for rel, record in found:
            check_refs(record, (), rel, ids, collector)
    for rel, meeting in records.get("meetings", []):
        check_times(meeting, positions[rel], collector)
        if rel in clean:  # the kind rules need a fully valid event
            check_kind(meeting, positions[rel], collector)
    days = {getattr(m, "id", None): getattr(m, "date", None) for _, m in records.get("meetings", [])}
    for rel, statement in records.get("statements", []):
        origin = getattr(statement, "origin", None)
        day = days.get(getattr(origin, "meeting", None))
        if message := localtime.missing(day, getattr(origin, "agenda_time", None)):
            collector.add(positions[rel], ("origin", "agenda_time"), message)
    check_same_names(records.get("people", []), positions, collector)
    if collector.errors:
        raise DataValidationError(collector.errors)

    lists = {name: sorted((r for _, r in found), key=BY_NAME[name].sort_key) for name, found in records.items()}
    return Dataset(**singles, **lists)


class _Records:
    """Ids per collection, with duplicate detection. A collection whose file
    could not be read at all is ``incomplete``: references into it are not checked."""

    def __init__(self, positions: dict[str, Positions]) -> None:
        self.positions = positions
        self.ids: dict[str, set[str]] = {}
        self.incomplete: set[str] = set()
        self.duplicate_errors: list[DataError] = []

    def add(
        self, collection: str, rel: str, base: tuple, items: list | None, single: bool = False, id_field: str = "id"
    ) -> None:
        seen = self.ids.setdefault(collection, set())
        if items is None:
            self.incomplete.add(collection)
            return
        for index, item in enumerate(items):
            record_id = getattr(item, id_field, None)
            if not isinstance(record_id, str):  # a salvaged record whose id was itself wrong
                self.incomplete.add(collection)
                continue
            path = (*base, id_field) if single else (*base, index, id_field)
            if record_id in seen:
                line, col = self.positions[rel].at(path)
                self.duplicate_errors.append(
                    DataError(self.positions[rel].file, line, col, path, f"id-en «{record_id}» er brukt før")
                )
            seen.add(record_id)


# How an unknown reference is named: (what, where it should be)
_REF_NAMES = {
    "people": ("personen", "people/"),
    "organisations": ("organisasjonen", "organisations/"),
    "meetings": ("arrangementet", "meetings/"),
}


def check_refs(model: BaseModel, path: tuple, rel: str, records: _Records, collector: _Collector) -> None:
    """Walk a model and report every Ref whose target id does not exist."""
    pos = records.positions[rel]
    for name, shape in shapes.ref_fields(type(model)).items():  # text, dates and the like hold no reference
        value = getattr(model, name, None)  # salvaged records may lack a field
        here = (*path, name)
        ref, many = shape.ref, shape.many
        if ref is not None and value is not None:
            if ref.collection in records.incomplete:
                continue
            for index, target in enumerate(value if many else [value]):
                if isinstance(target, str) and target not in records.ids.get(ref.collection, set()):
                    where = (*here, index) if many else here
                    kind, home = _REF_NAMES.get(ref.collection, (ref.collection, ref.collection))
                    collector.add(pos, where, f"ukjent id: {kind} «{target}» finnes ikke i {home}")
        elif isinstance(value, BaseModel):
            check_refs(value, here, rel, records, collector)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    check_refs(item, (*here, index), rel, records, collector)


# --- Semantic checks (beyond what one field's schema can say) ----------------------


def check_times(meeting: s.Event, pos: Positions, collector: _Collector) -> None:
    """An event ends after it starts; agenda items are in time order and inside the event's window.

    Runs on salvaged records too, so every field is read with ``getattr``."""
    start, end = getattr(meeting, "start", None), getattr(meeting, "end", None)
    day, end_date = getattr(meeting, "date", None), getattr(meeting, "end_date", None)
    if start and end and end <= start and not end_date:
        collector.add(pos, ("end",), f"må være senere enn start ({start})")
    if isinstance(day, date) and isinstance(end_date, date) and end_date <= day:
        collector.add(pos, ("end_date",), f"må være senere enn date ({day})")
    last_day = end_date or day
    registration = getattr(meeting, "registration", None)
    deadline = getattr(registration, "deadline", None)
    if isinstance(deadline, date) and isinstance(last_day, date) and deadline > last_day:
        collector.add(pos, ("registration", "deadline"), "kan ikke være etter arrangementet")
    announced = getattr(meeting, "announced", None)
    if isinstance(announced, date) and isinstance(day, date) and announced > day:
        collector.add(pos, ("announced",), "kan ikke være etter datoen for arrangementet")
    for name, when, clock in (("start", day, start), ("end", last_day, end)):
        if message := localtime.missing(when, clock):
            collector.add(pos, (name,), message)
    if not end_date:  # the agenda and polls of a one-day event lie on its day, the agenda inside start-end
        _check_agenda(getattr(meeting, "agenda", None) or [], ("agenda",), start, end, pos, collector, day)
        for index, poll in enumerate(getattr(meeting, "polls", None) or []):
            if message := localtime.missing(day, getattr(poll, "agenda_time", None)):
                collector.add(pos, ("polls", index, "agenda_time"), message)


def _check_agenda(items: list, path: tuple, start: str | None, end: str | None, pos: Positions, collector, day) -> None:
    previous: str | None = None
    for index, item in enumerate(items):
        if item is None:
            continue
        time, here = getattr(item, "time", None), (*path, index, "time")
        if message := localtime.missing(day, time):
            collector.add(pos, here, message)
        if isinstance(time, str):
            if start and time < start:
                collector.add(pos, here, f"{time} er før møtet starter ({start})")
            elif end and time > end:
                collector.add(pos, here, f"{time} er etter at møtet slutter ({end})")
            if previous and time < previous:
                collector.add(pos, here, f"{time} er før punktet over ({previous}); punktene skal stå i tidsrekkefølge")
            previous = time
        _check_agenda(getattr(item, "items", None) or [], (*path, index, "items"), start, end, pos, collector, day)


def check_kind(event: s.Event, pos: Positions, collector: _Collector) -> None:
    """Sections only some kinds have, fields a kind requires, and fields that contradict each other."""
    kind = event.kind.value
    for name, kinds in s.KIND_SECTIONS.items():
        if getattr(event, name) and event.kind not in kinds:
            allowed = ", ".join(k.value for k in s.EventKind if k in kinds)
            collector.add(
                pos,
                (name,),
                f"et arrangement av typen {kind} har ikke {name} (bare: {allowed}); fjern feltet eller endre kind",
            )
    for name in s.KIND_REQUIRED.get(event.kind, ()):
        if getattr(event, name) is None:
            collector.add(pos, (name,), f"obligatorisk felt mangler (for arrangementer av typen {kind})")
    if event.kind is s.EventKind.relay_stage and "relay" in event.model_fields_set and not event.relay:
        collector.add(pos, ("relay",), "en etappe i stafetten er alltid en del av stafetten; fjern relay: false")
    if event.format is s.MeetingFormat.digital and event.venue:
        collector.add(
            pos, ("venue",), "et digitalt arrangement har ikke noe sted; bruk format: hybrid, eller fjern venue"
        )
    if event.format is s.MeetingFormat.physical and event.online:
        collector.add(
            pos, ("online",), "et fysisk arrangement har ingen nettplattform; bruk format: hybrid, eller fjern online"
        )
    reg = event.registration
    if reg and not reg.required and (reg.url or reg.deadline):
        collector.add(
            pos,
            ("registration", "required"),
            "påmelding er ikke påkrevd, men det er oppgitt lenke eller frist for påmelding",
        )
    if event.part_of == event.id:
        collector.add(pos, ("part_of",), "et arrangement kan ikke være en del av seg selv")


def check_file_name(meeting: s.Event, stem: str, pos: Positions, collector: _Collector) -> None:
    """A meeting's file is named after its id, and that name starts with its date."""
    meeting_id, day = getattr(meeting, "id", None), getattr(meeting, "date", None)
    if isinstance(meeting_id, str) and meeting_id != stem:
        collector.add(pos, ("id",), f"må være lik filnavnet («{stem}»)")
    if day is not None and not stem.startswith(str(day)):
        collector.add(pos, ("date",), f"{day} stemmer ikke med filnavnet «{stem}.yml», som skal starte med datoen")


def _same_name(name: str) -> str:
    return " ".join(name.casefold().split())


def check_same_names(people: list[tuple[str, Any]], positions: dict[str, Positions], collector: _Collector) -> None:
    """Two people with the same name are an error unless ``distinct_from`` says they are different people."""
    first: dict[str, tuple[str, Any]] = {}
    for rel, person in sorted(people, key=lambda found: str(getattr(found[1], "id", ""))):  # the later id is flagged
        name = getattr(person, "name", None)
        if not isinstance(name, str) or not isinstance(getattr(person, "id", None), str):
            continue
        key = _same_name(name)
        if key not in first:
            first[key] = (rel, person)
            continue
        other_rel, other = first[key]
        if other.id in (getattr(person, "distinct_from", None) or []) or person.id in (
            getattr(other, "distinct_from", None) or []
        ):
            continue
        collector.add(
            positions[rel],
            ("name",),
            f"samme navn som «{other.id}» ({positions[other_rel].file}): er det samme person, slå dem sammen; "
            f"er det to personer, skriv distinct_from: [{other.id}]",
        )
