"""Declared schema for every kind of KIN data (pydantic models).

Models are strict: unknown fields are errors, types are not coerced, and the
few conversions we allow (ISO dates, ``HH:MM`` times) are explicit validators.
Fields that point at other records carry a ``Ref`` marker; ``kin.references``
checks them after validation. ``kin.export`` turns these same models into the
published JSON Schemas, so there is no second copy of the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

T = TypeVar("T")


@dataclass(frozen=True)
class Ref:
    """Marks a field as an id of a record in another collection."""

    collection: str


def _iso_date(value: object) -> object:
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(f"forventet en dato som ÅÅÅÅ-MM-DD, fikk «{value}»")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"«{value}» er ikke en dato som finnes i kalenderen") from None
    return value


def _clock(value: str) -> str:
    match = re.fullmatch(r"(\d{2}):(\d{2})", value)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError(f'forventet et klokkeslett som "TT:MM" (24-timers, i anførselstegn), fikk «{value}»')
    return value


def _url(value: str) -> str:
    if not re.match(r"(https://[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s@]+\.[^\s@]+)$", value):
        raise ValueError(f"bare https://- og mailto:-lenker er lov, fikk «{value}»")
    return value


# Text has at least one visible character: empty and whitespace-only values are errors.
Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S", strip_whitespace=False)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
IsoDate = Annotated[date, BeforeValidator(_iso_date), Field(json_schema_extra={"format": "date"})]
Clock = Annotated[str, AfterValidator(_clock), Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
Url = Annotated[str, AfterValidator(_url), Field(pattern=r"^(https://|mailto:)")]
Email = Annotated[str, StringConstraints(pattern=r"^[^\s@]+@[^\s@]+\.[^\s@]+$")]

PersonRef = Annotated[Id, Ref("people")]
OrgRef = Annotated[Id, Ref("organisations")]
MeetingRef = Annotated[Id, Ref("meetings")]


# Said of every field whose value KIN chose rather than copied (region, kinds, level, format).
EDITORIAL = "Editorial classification by KIN, not text from the sources"

# Enums are matched by value; strict mode would demand enum instances.
Lax = Annotated[T, Field(strict=False)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- Content blocks shared by several records ------------------------------------
# Organisations, courses, reports and literature describe themselves with the same
# few blocks: facts, sections of paragraphs and bullet points, quotes and tables.
# Their text is transcribed from the sources; only labels and titles may be ours.


class Language(StrEnum):
    nb = "nb"
    en = "en"


class Link(Model):
    title: Text
    url: Url


def _bullet(value: object) -> object:
    if isinstance(value, str):
        return {"text": value}
    if isinstance(value, dict | BaseModel):
        return value
    raise ValueError("forventet tekst, eller felt med text og (valgfritt) points")


class Bullet(Model):
    """One bullet point; in YAML plain text, or ``text`` with nested ``points``."""

    text: Text
    points: list[BulletItem] = Field(default_factory=list, description="Nested bullet points")


BulletItem = Annotated[Bullet, BeforeValidator(_bullet, json_schema_input_type=str | Bullet)]


class Fact(Model):
    label: Text = Field(description="Editorial label of the fact, e.g. 'Etablert'")
    value: Text = Field(description="The fact as the source gives it")
    people: list[PersonRef] = Field(default_factory=list, description="People the fact names, linked")
    organisations: list[OrgRef] = Field(default_factory=list, description="Organisations the fact names, linked")


class Source(Model):
    """Where a section's content was presented."""

    meeting: MeetingRef
    speakers: list[PersonRef] = Field(default_factory=list)
    slide: Text | None = Field(None, description="Title of the slide or talk the content is taken from")


class Table(Model):
    caption: Text
    columns: list[Text] = Field(min_length=1)
    rows: list[list[str]] = Field(min_length=1, description='Cells as in the source; an empty cell is ""')
    credit: Text | None = Field(None, description="Whom the source credits for the table")
    language: Lax[Language] | None = Field(None, description="Language of the table when it is not Norwegian")
    source: Source | None = Field(None, description="Where the table was shown")

    @model_validator(mode="after")
    def _rows_fit_columns(self) -> Table:
        for index, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ValueError(f"rad {index} har {len(row)} celler; tabellen har {len(self.columns)} kolonner")
        return self


class Section(Model):
    title: Text = Field(description="Heading; the source's own slide title where it has one")
    language: Lax[Language] | None = Field(None, description="Language of the text when it is not Norwegian")
    text: list[Text] = Field(default_factory=list, description="Paragraphs, as written in the source")
    points: list[BulletItem] = Field(default_factory=list, description="Bullet points, as written in the source")
    quotes: list[Text] = Field(default_factory=list, description="Quotations, word for word")
    table: Table | None = None
    people: list[PersonRef] = Field(default_factory=list, description="People the section is about, linked")
    links: list[Link] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list, description="Subsections")
    source: Source | None = None


# --- Organisations and people -------------------------------------------------


class OrgKind(StrEnum):
    university = "university"
    health_trust = "health-trust"
    regional_health_authority = "regional-health-authority"
    agency = "agency"
    research_institute = "research-institute"
    company = "company"
    municipality = "municipality"
    other = "other"


class Region(StrEnum):
    nord = "helse-nord"
    midt = "helse-midt-norge"
    vest = "helse-vest"
    sor_ost = "helse-sor-ost"
    national = "national"


class Organisation(Model):
    id: Id
    name: Text = Field(description="Full name")
    short_name: Text | None = None
    kind: Lax[OrgKind] = Field(description=f"Kind of organisation. {EDITORIAL}.")
    region: Lax[Region] | None = Field(None, description=f"Health region. {EDITORIAL}; absent where not clear.")
    parent: OrgRef | None = None
    note: Text | None = None
    description: list[Text] = Field(default_factory=list, description="Paragraphs describing it, from the sources")
    facts: list[Fact] = Field(default_factory=list, description="Key facts (founded, size, leader, ...)")
    sections: list[Section] = Field(default_factory=list, description="What the sources tell about it, by topic")


class Role(StrEnum):
    member = "member"
    secretariat = "secretariat"
    observer = "observer"


class Person(Model):
    id: Id
    name: Text = Field(description="Name as written in the seed")
    aliases: list[Text] = Field(default_factory=list, description="Other spellings found in the sources")
    affiliation: Text | None = Field(None, description="Affiliation exactly as written in the member list")
    organisations: list[OrgRef] = Field(min_length=1)
    role: Lax[Role] | None = Field(None, description="Network role; absent for guests")
    titles: list[Text] = Field(default_factory=list)
    distinct_from: list[PersonRef] = Field(
        default_factory=list,
        description="Ids of other people with the same name: confirms they are different people",
    )


# --- The network ---------------------------------------------------------------


class Value(Model):
    name: Text
    description: Text | None = None


class Contact(Model):
    person: PersonRef
    email: Email
    role: Text | None = None


class Network(Model):
    name: Text
    short_name: Text
    purpose: list[Text]
    values: list[Value]
    contacts: list[Contact]
    secretariat_lead: PersonRef | None = None
    minutes_location: Text | None = None
    invitations_location: Text | None = None
    website: Url | None = None


# --- Events (network meetings, seminars, relay stages ...) -----------------------


class EventKind(StrEnum):
    """What kind of event a record is; the site's wording and sections follow it."""

    network_meeting = "network-meeting"
    seminar = "seminar"
    webinar = "webinar"
    workshop = "workshop"
    conference = "conference"
    conference_session = "conference-session"
    relay_stage = "relay-stage"


class MeetingFormat(StrEnum):
    digital = "digital"
    physical = "physical"
    hybrid = "hybrid"


class Audience(StrEnum):
    members = "members"
    invited = "invited"
    public = "public"


class EventStatus(StrEnum):
    planned = "planned"
    confirmed = "confirmed"
    cancelled = "cancelled"


class AgendaKind(StrEnum):
    welcome = "welcome"
    introduction = "introduction"
    talk = "talk"
    talks = "talks"
    panel = "panel"
    break_ = "break"
    discussion = "discussion"
    close = "close"
    other = "other"


class Panellist(Model):
    person: PersonRef = Field(description="The panellist (a person id)")
    role_text: Text | None = Field(None, description="How the panellist was introduced")


class AgendaItem(Model):
    time: Clock | None = Field(None, description='Start time of the item, quoted "HH:MM"; leave out when not given')
    title: Text = Field(description="Title of the item as on the agenda")
    kind: Lax[AgendaKind] = Field(description="Kind of item: welcome, talk, panel, break ...")
    speakers: list[PersonRef] = Field(default_factory=list, description="Speakers (person ids)")
    speaker_text: Text | None = Field(None, description="Speaker line exactly as on the agenda")
    slide_title: Text | None = Field(None, description="Title on the talk's own slides, if different")
    moderator: PersonRef | None = Field(None, description="Moderator of a panel (a person id)")
    moderator_text: Text | None = Field(None, description="Moderator line exactly as on the agenda")
    panellists: list[Panellist] = Field(default_factory=list)
    items: list[AgendaItem] = Field(default_factory=list, description="Sub-items, e.g. the talks of a session")


class MinutesStatus(StrEnum):
    draft = "draft"
    approved = "approved"


class Minutes(Model):
    status: Lax[MinutesStatus] | None = Field(None, description="Draft or approved, if stated")
    published_on: Text | None = Field(None, description="Where the minutes are published, e.g. Teams")
    url: Url | None = Field(None, description="Link to the minutes, where public")
    approval: Text | None = Field(None, description="What the source says about approving the minutes")
    comments_to: list[PersonRef] = Field(default_factory=list, description="Who takes comments (person ids)")


class PollKind(StrEnum):
    multiple_choice = "multiple-choice"
    ranking = "ranking"
    open = "open"


class Poll(Model):
    question: Text = Field(description="The question as asked")
    kind: Lax[PollKind] = Field(description="Multiple choice, ranking or open answer")
    tool: Text | None = Field(None, description="Poll tool, e.g. Mentimeter")
    code: Text | None = Field(None, description="Code participants entered")
    url: Url | None = Field(None, description="Link to the poll tool")
    options: list[Text] = Field(default_factory=list, description="Answer options, as given")
    agenda_time: Clock | None = Field(None, description="Time of the agenda item the poll belonged to")
    note: Text | None = Field(
        None, description="What the slides say about the poll, e.g. results from an earlier meeting"
    )


class CallForInput(Model):
    text: Text = Field(description="The call for input, as written")
    contact: PersonRef | None = Field(None, description="Who receives input (a person id)")
    email: Email | None = Field(None, description="E-mail address for input, as published")


class Venue(Model):
    name: Text | None = Field(None, description="Name of the place, e.g. a library or a hospital's auditorium")
    address: Text | None = Field(None, description="Street address, as the organisers give it")
    city: Text | None = Field(None, description="Town or city")

    @model_validator(mode="after")
    def _not_empty(self) -> Venue:
        if not (self.name or self.address or self.city):
            raise ValueError("oppgi minst stedets navn (name), adresse (address) eller by (city)")
        return self


class Online(Model):
    platform: Text = Field(description="Online platform, e.g. Teams or Zoom")
    join_url: Url | None = Field(None, description="Public link to join; leave out when only invitees get it")
    join_info: Text | None = Field(None, description="Public joining details (meeting id, how to get the link)")


class Registration(Model):
    required: bool = Field(True, description="Whether participants must register; false means no registration")
    url: Url | None = Field(None, description="Where to register")
    deadline: IsoDate | None = Field(None, description="Last day to register")


class Event(Model):
    """One of KIN's events. Network meetings, seminars, relay stages and the
    rest share this model; ``kind`` decides the wording and which sections the
    event may have (``KIND_SECTIONS``)."""

    id: Id = Field(description="The event's id; equals its file name (usually the date, e.g. 2022-02-08)")
    kind: Lax[EventKind] = Field(EventKind.network_meeting, description="Kind of event; network-meeting if left out")
    title: Text = Field(description="Title of the event")
    number: int | None = Field(None, ge=1, description="Number within the year (network meetings)")
    date: IsoDate = Field(description="Day of the event (first day if it lasts several days)")
    end_date: IsoDate | None = Field(None, description="Last day, for an event over several days")
    start: Clock | None = Field(None, description="Start time (Norwegian time); leave out when not given")
    end: Clock | None = Field(None, description="End time (Norwegian time); leave out when not given")
    status: Lax[EventStatus] | None = Field(None, description="Planned, confirmed or cancelled, if stated")
    format: Lax[MeetingFormat] | None = Field(None, description="Digital, physical or hybrid")
    venue: Venue | None = Field(None, description="Where the event takes place in person")
    online: Online | None = Field(None, description="How to take part online")
    region: Lax[Region] | None = Field(None, description="Health region the event is held in (editorial)")
    theme: Text | None = Field(None, description="Focus theme; required for network meetings")
    description: Text | None = Field(None, description="A short description of the event")
    organisers: list[OrgRef] = Field(
        default_factory=list, description="Organisations that organise the event; empty means KIN alone"
    )
    co_organisers: list[OrgRef] = Field(default_factory=list, description="Organisations that organise it with KIN")
    audience: Lax[Audience] | None = Field(None, description="Who may take part: members, invited or public")
    registration: Registration | None = Field(None, description="Whether and how to register")
    programme_url: Url | None = Field(None, description="Link to the event's own programme page")
    relay: bool = Field(False, description="A stage of KI-stafetten (always true for relay-stage events)")
    part_of: MeetingRef | None = Field(None, description="The event this one belongs to, e.g. a conference")
    announced: IsoDate | None = Field(None, description="Day the event was announced; dates its feed entry")
    agenda: list[AgendaItem] = Field(default_factory=list, description="Agenda (programme) items in order")
    minutes: Minutes | None = Field(None, description="Minutes; only for kinds that keep minutes")
    polls: list[Poll] = Field(default_factory=list, description="Polls; only for kinds that hold polls")
    next_meeting: MeetingRef | None = Field(None, description="The next event announced at this one")
    call_for_input: CallForInput | None = Field(None, description="Call for topics or talks for the next event")
    sections: list[Section] = Field(
        default_factory=list, description="What the event's slides say beyond the agenda: welcomes, closing links, ..."
    )

    @property
    def last_day(self) -> date:
        return self.end_date or self.date

    @property
    def heading(self) -> str:
        """What the event is called: a network meeting by its theme, anything else by its title."""
        return self.theme if self.kind is EventKind.network_meeting and self.theme else self.title

    @property
    def in_relay(self) -> bool:
        return self.relay or self.kind is EventKind.relay_stage


Meeting = Event  # the name used before events had kinds


# Optional sections that only some kinds of events have: a field listed here is
# an error on any other kind. Fields required by a kind on top of the model's.
KIND_SECTIONS: dict[str, frozenset[EventKind]] = {
    "minutes": frozenset({EventKind.network_meeting, EventKind.workshop}),
    "polls": frozenset(
        {
            EventKind.network_meeting,
            EventKind.workshop,
            EventKind.seminar,
            EventKind.webinar,
            EventKind.conference_session,
        }
    ),
}
KIND_REQUIRED: dict[EventKind, tuple[str, ...]] = {EventKind.network_meeting: ("theme",)}
# Fields of meeting files before events had kinds, and where their value goes now.
MOVED_FIELDS = {"platform": "online: {platform: ...}", "place": "venue: {name: ..., address: ..., city: ...}"}


# --- KI-stafett ----------------------------------------------------------------


class Relay(Model):
    """KI-stafetten. Its stages are events (``data/meetings/``) with ``relay: true``."""

    name: Text = Field(description="Name of the relay")
    description: list[Text] = Field(description="Paragraphs describing the relay")
    event_kinds: list[Text] = Field(description="The kinds of events the relay is made of, as the source names them")
    cadence: list[Text] = Field(description="How often events are held, as the source says")


# --- Courses and programmes --------------------------------------------------


class CourseKind(StrEnum):
    course = "course"
    programme = "programme"
    study_direction = "study-direction"
    offer = "offer"


class Level(StrEnum):
    intro = "intro"
    bachelor = "bachelor"
    master = "master"
    professional = "professional"
    phd = "phd"
    continuing = "continuing"


class CourseFormat(StrEnum):
    campus = "campus"
    online = "online"
    hybrid = "hybrid"


class CourseStatus(StrEnum):
    offered = "offered"
    planned = "planned"
    proposed = "proposed"


class LearningOutcomes(Model):
    knowledge: list[Text] = Field(default_factory=list)
    skills: list[Text] = Field(default_factory=list)
    general: list[Text] = Field(default_factory=list)


class Enrolment(Model):
    year: int = Field(ge=1900, le=2100)
    students: int = Field(ge=0)
    note: Text | None = None


class ScheduleEntry(Model):
    day: Text
    time: Text | None = None
    activity: Text
    teachers: list[PersonRef] = Field(default_factory=list)


class PlanItem(Model):
    code: Text | None = None
    title: Text


class PlanSemester(Model):
    semester: Text
    items: list[PlanItem]
    note: Text | None = None


class Course(Model):
    id: Id
    kind: Lax[CourseKind]
    code: Text | None = None
    title: Text
    title_en: Text | None = None
    institution: OrgRef
    partners: list[OrgRef] = Field(default_factory=list)
    department: Text | None = None
    part_of: Text | None = Field(None, description="Programme a study direction belongs to")
    level: Lax[Level] | None = Field(None, description=f"Level of study. {EDITORIAL}; see level_note.")
    level_note: Text | None = None
    ects: float | None = Field(None, gt=0, le=400)
    ects_note: Text | None = None
    price_nok: int | None = Field(None, ge=0)
    price_note: Text | None = None
    language: Lax[Language] | None = None
    format: Lax[CourseFormat] | None = Field(None, description=f"Campus/online/hybrid. {EDITORIAL}; see format_note.")
    format_note: Text | None = None
    place: Text | None = None
    term: Text | None = None
    duration: Text | None = None
    application_deadline: Text | None = None
    target_group: Text | None = None
    status: Lax[CourseStatus]
    description: list[Text] = Field(default_factory=list)
    topics: list[Text] = Field(default_factory=list)
    learning_outcomes: LearningOutcomes | None = None
    exam: Text | None = None
    url: Url | None = None
    links: list[Link] = Field(default_factory=list)
    enrolment: list[Enrolment] = Field(default_factory=list)
    schedule_title: Text | None = None
    schedule: list[ScheduleEntry] = Field(default_factory=list)
    study_plan: list[PlanSemester] = Field(default_factory=list)
    contacts: list[PersonRef] = Field(default_factory=list)
    lecturers: list[PersonRef] = Field(default_factory=list)
    presented_at: MeetingRef | None = None
    notes: list[Text] = Field(default_factory=list)
    sections: list[Section] = Field(
        default_factory=list, description="Teaching details: tools, assignments, feedback, categories, ..."
    )


class FacultyCount(Model):
    faculty: Text
    courses: int = Field(ge=0)


class CourseCount(Model):
    institution: OrgRef
    title: Text
    counts: list[FacultyCount]
    note: Text | None = None
    presented_at: MeetingRef | None = None


# --- Policy statements ---------------------------------------------------------


class StatementStatus(StrEnum):
    proposal = "proposal"
    adopted = "adopted"
    submitted = "submitted"


class Point(Model):
    text: Text
    points: list[Text] = Field(default_factory=list)


class Origin(Model):
    meeting: MeetingRef
    agenda_time: Clock | None = None
    note: Text | None = None


class HistoryEntry(Model):
    date: IsoDate
    status: Lax[StatementStatus]
    note: Text | None = None


class Statement(Model):
    id: Id
    title: Text
    text: list[Text] = Field(min_length=1)
    points: list[Point] = Field(default_factory=list)
    status: Lax[StatementStatus] | None = None
    date: IsoDate | None = None
    addressee: Text | None = None
    origin: Origin
    history: list[HistoryEntry] = Field(default_factory=list)


# --- Resources -----------------------------------------------------------------


class Trend(Model):
    number: int = Field(ge=1)
    title: Text
    points: list[Text] = Field(default_factory=list)
    opportunity: Text
    risk: Text


class Report(Model):
    id: Id
    title: Text
    subtitle: Text | None = None
    publisher: OrgRef
    published: Text | None = None
    url: Url | None = None
    presented_by: PersonRef | None = None
    presented_at: MeetingRef | None = None
    points: list[Text] = Field(default_factory=list)
    drivers: list[Text] = Field(default_factory=list)
    opportunities: list[Text] = Field(default_factory=list)
    risks: list[Text] = Field(default_factory=list)
    trends: list[Trend] = Field(default_factory=list)
    questions: list[Text] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list, description="Decisions, measures and other details")


class Work(Model):
    id: Id
    authors: Text
    title: Text
    venue: Text | None = None
    year: int | None = Field(None, ge=1900, le=2100)
    published: IsoDate | None = Field(None, description="Publication date, where the source gives it")
    url: Url | None = None
    tables: list[Table] = Field(default_factory=list, description="Tables shown with the citation")
    cited_by: PersonRef | None = None
    cited_at: MeetingRef | None = None


class ResourcesFile(Model):
    reports: list[Report] = Field(default_factory=list)
    literature: list[Work] = Field(default_factory=list)
