"""Load every data file, validate it and check cross-references.

``load_dataset(data_dir)`` either returns a fully validated ``Dataset`` or
raises ``DataValidationError`` carrying *all* problems found, each with file,
line, column and field.
"""

from __future__ import annotations

import functools
import types
import typing
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kin import schema as s
from kin.errors import DataError, DataValidationError
from kin.loader import Positions, gc_paused, load_yaml

# Single files and the model each must match; meetings live one per file.
FILES: dict[str, type[s.Model]] = {
    "network.yml": s.Network,
    "organisations.yml": s.OrganisationsFile,
    "people.yml": s.PeopleFile,
    "relay.yml": s.Relay,
    "courses.yml": s.CoursesFile,
    "statements.yml": s.StatementsFile,
    "resources.yml": s.ResourcesFile,
}
MEETINGS_DIR = "meetings"


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
            self.errors.append(DataError(positions.file, line, col, path, _message(err)))


def _is_union_tag(part: object) -> bool:
    # pydantic adds tags such as 'function-after[_clock(), str]' for wrapped types
    return isinstance(part, str) and ("[" in part or part in {"str", "int", "float", "bool", "none"})


def _message(err: dict[str, Any]) -> str:
    kind, given = err["type"], err.get("input")
    if kind == "extra_forbidden":
        if (moved := s.MOVED_FIELDS.get(str(err["loc"][-1]))) and len(err["loc"]) == 1:
            return f"unknown field; this is now written {moved} (see data/README.md)"
        return "unknown field (check the spelling; see data/README.md for the allowed fields)"
    if kind == "missing":
        return "required field is missing"
    if kind == "string_type" and isinstance(given, bool):
        return f"expected text, got the boolean {str(given).lower()}; put it in quotes"
    if kind.endswith("_type") and given is not None:
        return f"{err['msg'].lower()}, got {type(given).__name__} {given!r}"
    if kind == "enum":
        return f"{err['msg']}, got {given!r}"
    msg = err["msg"]
    return msg.removeprefix("Value error, ")


def _validate(model: type[BaseModel], raw: Any, positions: Positions, collector: _Collector) -> Any:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        collector.from_pydantic(exc, positions)
        return None


def load_dataset(data_dir: Path | str) -> Dataset:
    """Load and validate all data under ``data_dir``; raise on any error."""
    with gc_paused():  # only short-lived, acyclic garbage here
        return _load_dataset(Path(data_dir))


def _load_dataset(data_dir: Path) -> Dataset:
    collector = _Collector()
    parsed: dict[str, Any] = {}
    positions: dict[str, Positions] = {}

    def load(rel: str, model: type[BaseModel]) -> Any:
        display = f"{data_dir.name}/{rel}"
        raw, pos, errors = load_yaml(data_dir / rel, display)
        positions[rel] = pos
        collector.errors.extend(errors)
        return None if errors else _validate(model, raw, pos, collector)

    for rel, model in FILES.items():
        parsed[rel] = load(rel, model)

    meetings: list[tuple[str, s.Event]] = []
    meeting_dir = data_dir / MEETINGS_DIR
    if not meeting_dir.is_dir():
        collector.errors.append(DataError(f"{data_dir.name}/{MEETINGS_DIR}/", 1, 1, (), "folder is missing"))
    for path in sorted(meeting_dir.glob("*.y*ml")) if meeting_dir.is_dir() else []:
        rel = f"{MEETINGS_DIR}/{path.name}"
        meeting = load(rel, s.Event)
        if meeting is not None:
            if path.stem != meeting.id:
                line, col = positions[rel].at(("id",))
                collector.errors.append(
                    DataError(positions[rel].file, line, col, ("id",), f"must match the file name ({path.stem!r})")
                )
            meetings.append((rel, meeting))

    if collector.errors or any(v is None for v in parsed.values()):
        raise DataValidationError(collector.errors)

    records = _Records(positions)
    records.add("organisations", "organisations.yml", ("organisations",), parsed["organisations.yml"].organisations)
    records.add("people", "people.yml", ("people",), parsed["people.yml"].people)
    for rel, meeting in meetings:
        records.add("meetings", rel, (), [meeting], single=True)
    records.add("courses", "courses.yml", ("courses",), parsed["courses.yml"].courses)
    records.add("statements", "statements.yml", ("statements",), parsed["statements.yml"].statements)
    records.add("reports", "resources.yml", ("reports",), parsed["resources.yml"].reports)
    records.add("literature", "resources.yml", ("literature",), parsed["resources.yml"].literature)
    collector.errors.extend(records.duplicate_errors)

    for rel in FILES:
        check_refs(parsed[rel], (), rel, records, collector)
    for rel, meeting in meetings:
        check_refs(meeting, (), rel, records, collector)
        check_times(meeting, rel, positions[rel], collector)
        check_kind(meeting, rel, positions[rel], collector)
    if collector.errors:
        raise DataValidationError(collector.errors)

    return Dataset(
        network=parsed["network.yml"],
        organisations=parsed["organisations.yml"].organisations,
        people=parsed["people.yml"].people,
        meetings=sorted((m for _, m in meetings), key=lambda m: (m.date, m.start or "")),
        relay=parsed["relay.yml"],
        courses=parsed["courses.yml"].courses,
        course_counts=parsed["courses.yml"].course_counts,
        statements=parsed["statements.yml"].statements,
        resources=parsed["resources.yml"],
    )


class _Records:
    """Ids per collection, with duplicate detection."""

    def __init__(self, positions: dict[str, Positions]) -> None:
        self.positions = positions
        self.ids: dict[str, set[str]] = {}
        self.duplicate_errors: list[DataError] = []

    def add(self, collection: str, rel: str, base: tuple, items: list, single: bool = False) -> None:
        seen = self.ids.setdefault(collection, set())
        for index, item in enumerate(items):
            path = (*base, "id") if single else (*base, index, "id")
            if item.id in seen:
                line, col = self.positions[rel].at(path)
                self.duplicate_errors.append(
                    DataError(self.positions[rel].file, line, col, path, f"duplicate id {item.id!r}")
                )
            seen.add(item.id)


def ref_of(annotation: Any) -> tuple[s.Ref | None, bool]:
    """Find a Ref marker in a field annotation; also say whether it is a list."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        for meta in annotation.__metadata__:
            if isinstance(meta, s.Ref):
                return meta, False
        return ref_of(annotation.__origin__)
    if origin is list:
        ref, _ = ref_of(typing.get_args(annotation)[0])
        return ref, True
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            ref, many = ref_of(arg)
            if ref:
                return ref, many
    return None, False


_REF_NAMES = {
    "people": "person",
    "organisations": "organisation",
    "meetings": "meeting",
}


@functools.cache
def _fields(model: type[BaseModel]) -> list[tuple[str, s.Ref | None, bool]]:
    """Each field of a model with its Ref marker (if any), worked out once per class."""
    return [(name, *ref_of(info.annotation)) for name, info in model.model_fields.items()]


def check_refs(model: BaseModel, path: tuple, rel: str, records: _Records, collector: _Collector) -> None:
    """Walk a model and report every Ref whose target id does not exist."""
    pos = records.positions[rel]
    for name, ref, many in _fields(type(model)):
        value = getattr(model, name)
        here = (*path, name)
        if ref is not None and value is not None:
            for index, target in enumerate(value if many else [value]):
                if target not in records.ids.get(ref.collection, set()):
                    where = (*here, index) if many else here
                    line, col = pos.at(where)
                    kind = _REF_NAMES.get(ref.collection, ref.collection)
                    collector.errors.append(
                        DataError(pos.file, line, col, where, f"unknown {kind} {target!r} (not in {ref.collection})")
                    )
        elif isinstance(value, BaseModel):
            check_refs(value, here, rel, records, collector)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    check_refs(item, (*here, index), rel, records, collector)


def check_times(meeting: s.Event, rel: str, pos: Positions, collector: _Collector) -> None:
    """An event ends after it starts."""
    if meeting.start and meeting.end and meeting.end <= meeting.start and not meeting.end_date:
        line, col = pos.at(("end",))
        collector.errors.append(DataError(pos.file, line, col, ("end",), "must be later than start"))
    if meeting.end_date and meeting.end_date <= meeting.date:
        line, col = pos.at(("end_date",))
        collector.errors.append(DataError(pos.file, line, col, ("end_date",), "must be later than date"))
    deadline = meeting.registration.deadline if meeting.registration else None
    if deadline and deadline > meeting.last_day:
        where = ("registration", "deadline")
        line, col = pos.at(where)
        collector.errors.append(DataError(pos.file, line, col, where, "must not be after the event"))
    if meeting.announced and meeting.announced > meeting.date:
        line, col = pos.at(("announced",))
        collector.errors.append(DataError(pos.file, line, col, ("announced",), "must not be after the event's date"))


def check_kind(event: s.Event, rel: str, pos: Positions, collector: _Collector) -> None:
    """Sections only some kinds have, fields a kind requires, and fields that contradict each other."""

    def error(path: tuple, message: str) -> None:
        line, col = pos.at(path)
        collector.errors.append(DataError(pos.file, line, col, path, message))

    kind = event.kind.value
    for name, kinds in s.KIND_SECTIONS.items():
        if getattr(event, name) and event.kind not in kinds:
            allowed = ", ".join(k.value for k in s.EventKind if k in kinds)
            error((name,), f"a {kind} event has no {name} (only: {allowed}); remove it or change kind")
    for name in s.KIND_REQUIRED.get(event.kind, ()):
        if getattr(event, name) is None:
            error((name,), f"required field is missing (for {kind} events)")
    if event.kind is s.EventKind.relay_stage and "relay" in event.model_fields_set and not event.relay:
        error(("relay",), "a relay-stage event is always part of the relay; remove relay: false")
    if event.format is s.MeetingFormat.digital and event.venue:
        error(("venue",), "a digital event has no venue; use format: hybrid, or remove the venue")
    if event.format is s.MeetingFormat.physical and event.online:
        error(("online",), "a physical event has no online platform; use format: hybrid, or remove online")
    reg = event.registration
    if reg and not reg.required and (reg.url or reg.deadline):
        error(("registration", "required"), "no registration required, yet a registration url or deadline is given")
    if event.part_of == event.id:
        error(("part_of",), "an event cannot be part of itself")
