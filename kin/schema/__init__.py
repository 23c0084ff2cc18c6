"""Declared schema for every kind of KIN data (pydantic models).

Models are strict: unknown fields are errors, types are not coerced, and the
few conversions we allow (ISO dates, ``HH:MM`` times) are explicit validators.
Fields that point at other records carry a ``Ref`` marker; ``kin.references``
checks them after validation. ``kin.jsonschemas`` turns these same models into the
published JSON Schemas, so there is no second copy of the rules.

Field descriptions, and the docstrings of the models and enums that appear in
the JSON Schemas, are the secretariat's help text (web editor hints, hover
help in VS Code, ``data/FIELDS.md``), so they are written in Norwegian Bokmål;
notes for developers go in comments. ``tests/test_editor_schemas.py`` fails on
an English description.
"""

# One module per record kind; this package re-exports them all, so callers
# keep writing ``from kin import schema`` and ``schema.Event``.

from kin.schema.base import (
    EDITORIAL,
    EDITORIAL_TEXT,
    Clock,
    Email,
    Id,
    IsoDate,
    Lax,
    MeetingRef,
    Model,
    OrgRef,
    PersonRef,
    Ref,
    Text,
    Url,
)
from kin.schema.blocks import (
    Bullet,
    BulletItem,
    Fact,
    Language,
    Link,
    Section,
    Source,
    Table,
)
from kin.schema.courses import (
    Course,
    CourseCount,
    CourseFormat,
    CourseKind,
    CourseStatus,
    Enrolment,
    FacultyCount,
    LearningOutcomes,
    Level,
    PlanItem,
    PlanSemester,
    ScheduleEntry,
)
from kin.schema.events import (
    KIND_REQUIRED,
    KIND_SECTIONS,
    MOVED_FIELDS,
    AgendaItem,
    AgendaKind,
    Audience,
    CallForInput,
    Event,
    EventKind,
    EventStatus,
    Meeting,
    MeetingFormat,
    Minutes,
    MinutesStatus,
    Online,
    Panellist,
    Poll,
    PollKind,
    Registration,
    Relay,
    Venue,
)
from kin.schema.network import (
    Contact,
    Network,
    Value,
)
from kin.schema.people import (
    Organisation,
    OrgKind,
    Person,
    Region,
    Role,
)
from kin.schema.resources import (
    Report,
    ResourcesFile,
    Trend,
    Work,
)
from kin.schema.sources import Correction, CorrectionKind, CorrectionsFile
from kin.schema.statements import (
    HistoryEntry,
    Origin,
    Point,
    Statement,
    StatementStatus,
)

__all__ = [
    "EDITORIAL",
    "EDITORIAL_TEXT",
    "KIND_REQUIRED",
    "KIND_SECTIONS",
    "MOVED_FIELDS",
    "AgendaItem",
    "AgendaKind",
    "Audience",
    "Bullet",
    "BulletItem",
    "CallForInput",
    "Clock",
    "Contact",
    "Correction",
    "CorrectionKind",
    "CorrectionsFile",
    "Course",
    "CourseCount",
    "CourseFormat",
    "CourseKind",
    "CourseStatus",
    "Email",
    "Enrolment",
    "Event",
    "EventKind",
    "EventStatus",
    "Fact",
    "FacultyCount",
    "HistoryEntry",
    "Id",
    "IsoDate",
    "Language",
    "Lax",
    "LearningOutcomes",
    "Level",
    "Link",
    "Meeting",
    "MeetingFormat",
    "MeetingRef",
    "Minutes",
    "MinutesStatus",
    "Model",
    "Network",
    "Online",
    "OrgKind",
    "OrgRef",
    "Organisation",
    "Origin",
    "Panellist",
    "Person",
    "PersonRef",
    "PlanItem",
    "PlanSemester",
    "Point",
    "Poll",
    "PollKind",
    "Ref",
    "Region",
    "Registration",
    "Relay",
    "Report",
    "ResourcesFile",
    "Role",
    "ScheduleEntry",
    "Section",
    "Source",
    "Statement",
    "StatementStatus",
    "Table",
    "Text",
    "Trend",
    "Url",
    "Value",
    "Venue",
    "Work",
]
