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


_URL = r"^(https://[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s@]+\.[^\s@]+)$"


def _url(value: str) -> str:
    if not re.match(_URL, value):
        raise ValueError(f"bare https://- og mailto:-lenker er lov, fikk «{value}»")
    return value


# Text has at least one visible character: empty and whitespace-only values are errors.
Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S", strip_whitespace=False)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
# The JSON Schema patterns mirror the validators, for editors that check as you type.
IsoDate = Annotated[
    date, BeforeValidator(_iso_date), Field(json_schema_extra={"format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"})
]
Clock = Annotated[str, AfterValidator(_clock), Field(json_schema_extra={"pattern": r"^([01]\d|2[0-3]):[0-5]\d$"})]
Url = Annotated[str, AfterValidator(_url), Field(json_schema_extra={"pattern": _URL})]
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
    title: Text = Field(description="Link text")
    url: Url = Field(description="The address")


def _bullet(value: object) -> object:
    if isinstance(value, str):
        return {"text": value}
    if isinstance(value, dict | BaseModel):
        return value
    raise ValueError("forventet tekst, eller felt med text og (valgfritt) points")


class Bullet(Model):
    """One bullet point; in YAML plain text, or ``text`` with nested ``points``."""

    text: Text = Field(description="The bullet point's text")
    points: list[BulletItem] = Field(default_factory=list, description="Nested bullet points")


BulletItem = Annotated[Bullet, BeforeValidator(_bullet, json_schema_input_type=str | Bullet)]


class Fact(Model):
    label: Text = Field(description="Editorial label of the fact, e.g. 'Etablert'")
    value: Text = Field(description="The fact as the source gives it")
    people: list[PersonRef] = Field(default_factory=list, description="People the fact names, linked")
    organisations: list[OrgRef] = Field(default_factory=list, description="Organisations the fact names, linked")


class Source(Model):
    """Where a section's content was presented."""

    meeting: MeetingRef = Field(description="The meeting where it was presented (its id, the date)")
    speakers: list[PersonRef] = Field(default_factory=list, description="Who presented it")
    slide: Text | None = Field(None, description="Title of the slide or talk the content is taken from")


class Table(Model):
    caption: Text = Field(description="Caption of the table")
    columns: list[Text] = Field(min_length=1, description="Column headings")
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
    table: Table | None = Field(None, description="A table")
    people: list[PersonRef] = Field(default_factory=list, description="People the section is about, linked")
    links: list[Link] = Field(default_factory=list, description="Links, each with a title and address")
    sections: list[Section] = Field(default_factory=list, description="Subsections")
    source: Source | None = Field(None, description="Where the section's content was presented")


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
    id: Id = Field(
        description="Id (lower-case letters, digits, hyphens); equals the file name; page /organisasjoner/<id>/"
    )
    name: Text = Field(description="Full name")
    short_name: Text | None = Field(
        None, description="Short name (e.g. UiB), shown on the organisation's page and where space is short"
    )
    kind: Lax[OrgKind] = Field(description=f"Kind of organisation. {EDITORIAL}.")
    region: Lax[Region] | None = Field(None, description=f"Health region. {EDITORIAL}; absent where not clear.")
    parent: OrgRef | None = Field(
        None, description="The organisation this one belongs to (a centre under a hospital), linked as 'Del av'"
    )
    note: Text | None = Field(None, description="A note, shown as a paragraph on the organisation's page")
    description: list[Text] = Field(default_factory=list, description="Paragraphs describing it, from the sources")
    facts: list[Fact] = Field(default_factory=list, description="Key facts (founded, size, leader, ...)")
    sections: list[Section] = Field(default_factory=list, description="What the sources tell about it, by topic")


class Role(StrEnum):
    member = "member"
    secretariat = "secretariat"
    observer = "observer"


class Person(Model):
    id: Id = Field(description="Id (first-last name: lower-case letters, digits, hyphens); equals the file name")
    name: Text = Field(description="Name as written in the seed")
    aliases: list[Text] = Field(default_factory=list, description="Other spellings found in the sources")
    affiliation: Text | None = Field(None, description="Affiliation exactly as written in the member list")
    organisations: list[OrgRef] = Field(
        min_length=1,
        description="Organisations the person belongs to; give the region and kind in the network statistics",
    )
    role: Lax[Role] | None = Field(None, description="Network role; absent for guests")
    titles: list[Text] = Field(
        default_factory=list, description="Positions and titles, shown under the name in the people list"
    )
    distinct_from: list[PersonRef] = Field(
        default_factory=list,
        description="Ids of other people with the same name: confirms they are different people",
    )


# --- The network ---------------------------------------------------------------


class Value(Model):
    name: Text = Field(description="The value, shown as a tag on the home page")
    description: Text | None = Field(None, description="What the value means")


class Contact(Model):
    person: PersonRef = Field(description="The contact person, linked on the About page")
    email: Email = Field(description="Email address, shown as a link")
    role: Text | None = Field(None, description="What to contact the person about, shown in brackets")


class Network(Model):
    name: Text = Field(description="The network's full name")
    short_name: Text = Field(description="The network's short name (KIN)")
    purpose: list[Text] = Field(
        description="The purpose, one paragraph per item; the first is the lead on the home page"
    )
    values: list[Value] = Field(description="The network's values, shown on the home page")
    contacts: list[Contact] = Field(description="Contact people with email, shown under 'Kontakt' on the About page")
    secretariat_lead: PersonRef | None = Field(
        None, description="Head of the secretariat, marked 'Leder' in the secretariat list"
    )
    minutes_location: Text | None = Field(None, description="Where minutes are made available (e.g. Teams)")
    invitations_location: Text | None = Field(None, description="How meeting invitations are sent")
    website: Url | None = Field(
        None, description="KIN's page at the Norwegian Centre for E-health Research, linked from the About page"
    )


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
    panellists: list[Panellist] = Field(
        default_factory=list, description="Panel members, each a person with an optional role text"
    )
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
    knowledge: list[Text] = Field(default_factory=list, description="Knowledge, one item per line")
    skills: list[Text] = Field(default_factory=list, description="Skills, one item per line")
    general: list[Text] = Field(default_factory=list, description="General competence, one item per line")


class Enrolment(Model):
    year: int = Field(ge=1900, le=2100, description="The year")
    students: int = Field(ge=0, description="Number of students that year")
    note: Text | None = Field(None, description="Note on the number")


class ScheduleEntry(Model):
    day: Text = Field(description="Day, as text")
    time: Text | None = Field(None, description="Time, as text")
    activity: Text = Field(description="The activity")
    teachers: list[PersonRef] = Field(default_factory=list, description="Teachers")


class PlanItem(Model):
    code: Text | None = Field(None, description="Course code; linked to the course when it is in the catalogue")
    title: Text = Field(description="Course title")


class PlanSemester(Model):
    semester: Text = Field(description="The semester (e.g. '1. sem (høst)')")
    items: list[PlanItem] = Field(description="Courses that semester")
    note: Text | None = Field(None, description="Note on the semester")


class Course(Model):
    id: Id = Field(
        description="Short id: lower-case letters, digits and hyphens; equals the file name; the page is /studier/<id>/"
    )
    kind: Lax[CourseKind] = Field(
        description="Course, programme, study direction or offer; shown as the type and used by the catalogue filter"
    )
    code: Text | None = Field(None, description="Course code (e.g. ELMED219), shown before the title")
    title: Text = Field(description="Title in Norwegian; the heading of the course page and its catalogue row")
    title_en: Text | None = Field(None, description="English title, shown under the heading")
    institution: OrgRef = Field(
        description="The institution offering it; its health region is the course's region in the catalogue"
    )
    partners: list[OrgRef] = Field(default_factory=list, description="Partner institutions, shown as 'i samarbeid med'")
    department: Text | None = Field(None, description="Department or unit")
    part_of: Text | None = Field(None, description="Programme a study direction belongs to")
    level: Lax[Level] | None = Field(None, description=f"Level of study. {EDITORIAL}; see level_note.")
    level_note: Text | None = Field(None, description="Note on the level, shown in brackets")
    ects: float | None = Field(
        None, gt=0, le=400, description="Credits (a number), shown and sortable in the catalogue"
    )
    ects_note: Text | None = Field(None, description="Note on the credits")
    price_nok: int | None = Field(None, ge=0, description="Price in kroner (whole number); 0 shows as free")
    price_note: Text | None = Field(None, description="Note on the price")
    language: Lax[Language] | None = Field(None, description="Language of instruction")
    format: Lax[CourseFormat] | None = Field(None, description=f"Campus/online/hybrid. {EDITORIAL}; see format_note.")
    format_note: Text | None = Field(None, description="Note on the format")
    place: Text | None = Field(None, description="Where it is taught")
    term: Text | None = Field(None, description="When it runs (e.g. 'Høst 2021'), shown as 'Tid'")
    duration: Text | None = Field(None, description="How long it lasts")
    application_deadline: Text | None = Field(None, description="Application deadline, as text")
    target_group: Text | None = Field(None, description="Whom the course is for, shown as 'Målgruppe'")
    status: Lax[CourseStatus] = Field(
        description="Offered, planned or proposed; shown and used by the catalogue filter"
    )
    description: list[Text] = Field(
        default_factory=list,
        description="Description, one paragraph per item; shown at the top of the page and searched by the catalogue",
    )
    topics: list[Text] = Field(default_factory=list, description="Topics, shown as a list")
    learning_outcomes: LearningOutcomes | None = Field(
        None, description="Learning outcomes: knowledge, skills and general competence"
    )
    exam: Text | None = Field(None, description="Form of examination")
    url: Url | None = Field(None, description="The course's own page")
    links: list[Link] = Field(default_factory=list, description="Further links, each with a title and address")
    enrolment: list[Enrolment] = Field(
        default_factory=list, description="Students per year, shown as a table and a column chart"
    )
    schedule_title: Text | None = Field(None, description="Heading above the schedule (default 'Timeplan')")
    schedule: list[ScheduleEntry] = Field(default_factory=list, description="Schedule, shown as a table")
    study_plan: list[PlanSemester] = Field(
        default_factory=list, description="Study plan per semester, shown as a table"
    )
    contacts: list[PersonRef] = Field(default_factory=list, description="Contact people, shown as 'Kontakt'")
    lecturers: list[PersonRef] = Field(default_factory=list, description="Lecturers")
    presented_at: MeetingRef | None = Field(
        None, description="The meeting where the course was presented (its id, the date)"
    )
    notes: list[Text] = Field(default_factory=list, description="Notes, one per item")
    sections: list[Section] = Field(
        default_factory=list, description="Teaching details: tools, assignments, feedback, categories, ..."
    )


class FacultyCount(Model):
    faculty: Text = Field(description="Faculty or field")
    courses: int = Field(ge=0, description="Number of courses; shown as a table and chart in the region overview")


class CourseCount(Model):
    institution: OrgRef = Field(
        description="The institution the counts are for; equals the file name; shown under its health region"
    )
    title: Text = Field(description="Heading above the counts")
    counts: list[FacultyCount] = Field(description="Number of courses per faculty")
    note: Text | None = Field(None, description="Note on the counts")
    presented_at: MeetingRef | None = Field(
        None, description="The meeting where the counts were presented (its id, the date)"
    )


# --- Policy statements ---------------------------------------------------------


class StatementStatus(StrEnum):
    proposal = "proposal"
    adopted = "adopted"
    submitted = "submitted"


class Point(Model):
    text: Text = Field(description="The point, shown in a numbered list")
    points: list[Text] = Field(default_factory=list, description="Sub-points")


class Origin(Model):
    meeting: MeetingRef = Field(
        description="The meeting the statement comes from (its id, the date), linked as 'Kommer fra'"
    )
    agenda_time: Clock | None = Field(None, description='Time of the agenda item, quoted: "12:30"')
    note: Text | None = Field(None, description="Note on the origin, shown under the text")


class HistoryEntry(Model):
    date: IsoDate = Field(description="Date of the change, YYYY-MM-DD")
    status: Lax[StatementStatus] = Field(description="The new status")
    note: Text | None = Field(None, description="What happened")


class Statement(Model):
    id: Id = Field(description="Id (lower-case letters, digits, hyphens); equals the file name; page /uttalelser/<id>/")
    title: Text = Field(description="Title; the heading of the statement's page and its feed entry")
    text: list[Text] = Field(min_length=1, description="The statement itself, one paragraph per item")
    points: list[Point] = Field(
        default_factory=list, description="Numbered measures or points, with optional sub-points"
    )
    status: Lax[StatementStatus] | None = Field(
        None, description="Proposal, adopted or submitted, shown as a badge; left out where the sources do not say"
    )
    date: IsoDate | None = Field(
        None, description="Date, YYYY-MM-DD; statements are listed by it and the latest appear on the home page"
    )
    addressee: Text | None = Field(None, description="Whom the statement is addressed to, shown as 'Mottaker'")
    origin: Origin = Field(description="The meeting and agenda item the statement comes from")
    history: list[HistoryEntry] = Field(
        default_factory=list, description="Each change of status with its date, shown as the history"
    )


# --- Resources -----------------------------------------------------------------


class Trend(Model):
    number: int = Field(ge=1, description="Number of the trend")
    title: Text = Field(description="Title of the trend")
    points: list[Text] = Field(default_factory=list, description="Points under the trend")
    opportunity: Text = Field(description="Opportunity")
    risk: Text = Field(description="Risk")


class Report(Model):
    id: Id = Field(description="Short id: lower-case letters, digits and hyphens")
    title: Text = Field(description="Title of the report")
    subtitle: Text | None = Field(None, description="Subtitle")
    publisher: OrgRef = Field(description="The publisher")
    published: Text | None = Field(None, description="When it was published, as text")
    url: Url | None = Field(None, description="Link to the report")
    presented_by: PersonRef | None = Field(None, description="Who presented it to KIN")
    presented_at: MeetingRef | None = Field(None, description="The meeting where it was presented (its id, the date)")
    points: list[Text] = Field(default_factory=list, description="Main points")
    drivers: list[Text] = Field(default_factory=list, description="Drivers")
    opportunities: list[Text] = Field(default_factory=list, description="Opportunities")
    risks: list[Text] = Field(default_factory=list, description="Risks and challenges")
    trends: list[Trend] = Field(default_factory=list, description="Trends, each with an opportunity and a risk")
    questions: list[Text] = Field(default_factory=list, description="Questions for debate")
    sections: list[Section] = Field(default_factory=list, description="Decisions, measures and other details")


class Work(Model):
    id: Id = Field(description="Short id: lower-case letters, digits and hyphens")
    authors: Text = Field(description="Authors as the source gives them")
    title: Text = Field(description="Title")
    venue: Text | None = Field(None, description="Journal or publisher")
    year: int | None = Field(None, ge=1900, le=2100, description="Year of publication")
    published: IsoDate | None = Field(None, description="Publication date, where the source gives it")
    url: Url | None = Field(None, description="Link (e.g. a DOI)")
    tables: list[Table] = Field(default_factory=list, description="Tables shown with the citation")
    cited_by: PersonRef | None = Field(None, description="Who cited the work")
    cited_at: MeetingRef | None = Field(None, description="The meeting where it was cited (its id, the date)")


class ResourcesFile(Model):
    reports: list[Report] = Field(default_factory=list, description="Reports presented to KIN")
    literature: list[Work] = Field(default_factory=list, description="Literature cited at the meetings")
