"""Declared schema for every kind of KIN data (pydantic models).

Models are strict: unknown fields are errors, types are not coerced, and the
few conversions we allow (ISO dates, ``HH:MM`` times) are explicit validators.
Fields that point at other records carry a ``Ref`` marker; ``kin.references``
checks them after validation. ``kin.export`` turns these same models into the
published JSON Schemas, so there is no second copy of the rules.

Field descriptions, and the docstrings of the models and enums that appear in
the JSON Schemas, are the secretariat's help text (web editor hints, hover
help in VS Code, ``data/FIELDS.md``), so they are written in Norwegian Bokmål;
notes for developers go in comments. ``tests/test_editor_schemas.py`` fails on
an English description.
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
EDITORIAL = "KINs egen klassifisering, ikke tekst fra kildene"

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
    title: Text = Field(description="Teksten som vises som lenke")
    url: Url = Field(description="Adressen lenken går til")


def _bullet(value: object) -> object:
    if isinstance(value, str):
        return {"text": value}
    if isinstance(value, dict | BaseModel):
        return value
    raise ValueError("forventet tekst, eller felt med text og (valgfritt) points")


class Bullet(Model):
    # In YAML either plain text or ``text`` with nested ``points`` (``_bullet``).
    """Et kulepunkt: enten bare tekst, eller tekst (text) med underpunkter (points)."""

    text: Text = Field(description="Teksten i kulepunktet")
    points: list[BulletItem] = Field(default_factory=list, description="Underpunkter til kulepunktet")


BulletItem = Annotated[Bullet, BeforeValidator(_bullet, json_schema_input_type=str | Bullet)]


class Fact(Model):
    label: Text = Field(description="Etikett for faktumet, valgt av KIN, for eksempel «Etablert»")
    value: Text = Field(description="Faktumet slik kilden oppgir det")
    people: list[PersonRef] = Field(
        default_factory=list, description="Personer som nevnes i faktumet; vises som lenker"
    )
    organisations: list[OrgRef] = Field(
        default_factory=list, description="Organisasjoner som nevnes i faktumet; vises som lenker"
    )


class Source(Model):
    """Hvor innholdet ble presentert."""

    meeting: MeetingRef = Field(description="Møtet der det ble presentert; oppgi møtets id, det vil si datoen")
    speakers: list[PersonRef] = Field(default_factory=list, description="Hvem som presenterte det")
    slide: Text | None = Field(None, description="Tittelen på lysbildet eller innlegget som innholdet er hentet fra")


class Table(Model):
    caption: Text = Field(description="Tabellteksten: hva tabellen viser")
    columns: list[Text] = Field(min_length=1, description="Kolonneoverskrifter")
    rows: list[list[str]] = Field(
        min_length=1, description='Cellene slik de står i kilden, én liste per rad; en tom celle skrives ""'
    )
    credit: Text | None = Field(None, description="Hvem kilden oppgir som opphav til tabellen")
    language: Lax[Language] | None = Field(None, description="Tabellens språk, når det ikke er norsk")
    source: Source | None = Field(None, description="Hvor tabellen ble vist")

    @model_validator(mode="after")
    def _rows_fit_columns(self) -> Table:
        for index, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ValueError(f"rad {index} har {len(row)} celler; tabellen har {len(self.columns)} kolonner")
        return self


class Section(Model):
    title: Text = Field(description="Overskrift; bruk lysbildets egen tittel der kilden har en")
    language: Lax[Language] | None = Field(None, description="Tekstens språk, når det ikke er norsk")
    text: list[Text] = Field(default_factory=list, description="Tekstavsnitt, slik de står i kilden")
    points: list[BulletItem] = Field(default_factory=list, description="Kulepunkter, slik de står i kilden")
    quotes: list[Text] = Field(default_factory=list, description="Sitater, ord for ord")
    table: Table | None = Field(None, description="En tabell")
    people: list[PersonRef] = Field(default_factory=list, description="Personer avsnittet handler om; vises som lenker")
    links: list[Link] = Field(default_factory=list, description="Lenker, hver med tittel og adresse")
    sections: list[Section] = Field(default_factory=list, description="Underavsnitt")
    source: Source | None = Field(None, description="Hvor innholdet i avsnittet ble presentert")


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
        description="Id (små bokstaver a–z, sifre og bindestrek); samme som filnavnet; siden blir /organisasjoner/<id>/"
    )
    name: Text = Field(description="Fullt navn")
    short_name: Text | None = Field(
        None, description="Kortnavn (for eksempel UiB), vist på organisasjonens side og der det er trangt om plassen"
    )
    kind: Lax[OrgKind] = Field(description=f"Type organisasjon. {EDITORIAL}.")
    region: Lax[Region] | None = Field(None, description=f"Helseregion. {EDITORIAL}; utelates når det ikke er klart.")
    parent: OrgRef | None = Field(
        None,
        description=(
            "Organisasjonen denne hører til (for eksempel et senter under et sykehus); vises som lenke under «Del av»"
        ),
    )
    note: Text | None = Field(None, description="En merknad, vist som et eget avsnitt på organisasjonens side")
    description: list[Text] = Field(
        default_factory=list, description="Avsnitt som beskriver organisasjonen, hentet fra kildene"
    )
    facts: list[Fact] = Field(default_factory=list, description="Nøkkelfakta (etablert, størrelse, leder …)")
    sections: list[Section] = Field(
        default_factory=list, description="Det kildene forteller om organisasjonen, ordnet etter tema"
    )


class Role(StrEnum):
    member = "member"
    secretariat = "secretariat"
    observer = "observer"


class Person(Model):
    id: Id = Field(description="Id (fornavn-etternavn: små bokstaver a–z, sifre og bindestrek); samme som filnavnet")
    name: Text = Field(description="Navnet slik det er skrevet i kildene")
    aliases: list[Text] = Field(default_factory=list, description="Andre skrivemåter av navnet som finnes i kildene")
    affiliation: Text | None = Field(None, description="Tilknytning, nøyaktig slik den står i medlemslisten")
    organisations: list[OrgRef] = Field(
        min_length=1,
        description="Organisasjonene personen hører til; deres helseregion og type teller med i nettverkets statistikk",
    )
    role: Lax[Role] | None = Field(None, description="Rolle i nettverket; utelates for gjester")
    titles: list[Text] = Field(
        default_factory=list, description="Stillinger og titler, vist under navnet i personlisten"
    )
    distinct_from: list[PersonRef] = Field(
        default_factory=list,
        description="Id-ene til andre personer med samme navn: bekrefter at de er forskjellige personer",
    )


# --- The network ---------------------------------------------------------------


class Value(Model):
    name: Text = Field(description="Verdien, vist som en etikett på forsiden")
    description: Text | None = Field(None, description="Hva verdien betyr")


class Contact(Model):
    person: PersonRef = Field(description="Kontaktpersonen, vist som lenke på siden Om KIN")
    email: Email = Field(description="E-postadresse, vist som lenke")
    role: Text | None = Field(None, description="Hva man kan kontakte personen om, vist i parentes")


class Network(Model):
    name: Text = Field(description="Nettverkets fulle navn")
    short_name: Text = Field(description="Nettverkets kortnavn (KIN)")
    purpose: list[Text] = Field(
        description="Formålet, ett avsnitt per punkt i listen; det første er ingressen på forsiden"
    )
    values: list[Value] = Field(description="Nettverkets verdier, vist på forsiden")
    contacts: list[Contact] = Field(description="Kontaktpersoner med e-post, vist under «Kontakt» på siden Om KIN")
    secretariat_lead: PersonRef | None = Field(
        None, description="Leder av sekretariatet, merket «Leder» i listen over sekretariatet"
    )
    minutes_location: Text | None = Field(None, description="Hvor referatene gjøres tilgjengelige (for eksempel Teams)")
    invitations_location: Text | None = Field(None, description="Hvordan møteinvitasjoner sendes ut")
    website: Url | None = Field(
        None, description="KINs side hos Nasjonalt senter for e-helseforskning, lenket til fra siden Om KIN"
    )


# --- Events (network meetings, seminars, relay stages ...) -----------------------


class EventKind(StrEnum):
    # The site's wording and an event's allowed sections follow its kind.
    """Hva slags arrangement det er; ordlyden på siden og hvilke deler arrangementet kan ha, følger av typen."""

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
    person: PersonRef = Field(description="Paneldeltakeren")
    role_text: Text | None = Field(None, description="Hvordan paneldeltakeren ble presentert")


class AgendaItem(Model):
    time: Clock | None = Field(
        None,
        description=(
            'Starttid for punktet, som TT:MM (i YAML-filen i anførselstegn: "10:15"); '
            "utelates når kilden ikke oppgir den"
        ),
    )
    title: Text = Field(description="Tittelen på punktet, slik den står i programmet")
    kind: Lax[AgendaKind] = Field(
        description="Type punkt, for eksempel velkommen (welcome), innlegg (talk), panel (panel) eller pause (break)"
    )
    speakers: list[PersonRef] = Field(default_factory=list, description="Hvem som holder innlegg under punktet")
    speaker_text: Text | None = Field(None, description="Innlederlinjen nøyaktig slik den står i programmet")
    slide_title: Text | None = Field(None, description="Tittelen på innleggets egne lysbilder, hvis den er en annen")
    moderator: PersonRef | None = Field(None, description="Ordstyrer for et panel")
    moderator_text: Text | None = Field(None, description="Ordstyrerlinjen nøyaktig slik den står i programmet")
    panellists: list[Panellist] = Field(
        default_factory=list, description="Paneldeltakere, hver en person med valgfri rolletekst"
    )
    items: list[AgendaItem] = Field(default_factory=list, description="Underpunkter, for eksempel innleggene i en bolk")


class MinutesStatus(StrEnum):
    draft = "draft"
    approved = "approved"


class Minutes(Model):
    status: Lax[MinutesStatus] | None = Field(None, description="Utkast eller godkjent, hvis kilden sier det")
    published_on: Text | None = Field(None, description="Hvor referatet publiseres, for eksempel Teams")
    url: Url | None = Field(None, description="Lenke til referatet, der det er offentlig")
    approval: Text | None = Field(None, description="Hva kilden sier om godkjenning av referatet")
    comments_to: list[PersonRef] = Field(default_factory=list, description="Hvem som tar imot kommentarer")


class PollKind(StrEnum):
    multiple_choice = "multiple-choice"
    ranking = "ranking"
    open = "open"


class Poll(Model):
    question: Text = Field(description="Spørsmålet slik det ble stilt")
    kind: Lax[PollKind] = Field(description="Flervalg, rangering eller åpent svar")
    tool: Text | None = Field(None, description="Avstemningsverktøy, for eksempel Mentimeter")
    code: Text | None = Field(None, description="Koden deltakerne skrev inn")
    url: Url | None = Field(None, description="Lenke til avstemningsverktøyet")
    options: list[Text] = Field(default_factory=list, description="Svaralternativene, slik de ble gitt")
    agenda_time: Clock | None = Field(None, description="Klokkeslettet for programpunktet avstemningen hørte til")
    note: Text | None = Field(
        None, description="Hva lysbildene sier om avstemningen, for eksempel resultater fra et tidligere møte"
    )


class CallForInput(Model):
    text: Text = Field(description="Oppfordringen til innspill, slik den er skrevet")
    contact: PersonRef | None = Field(None, description="Hvem som tar imot innspill")
    email: Email | None = Field(None, description="E-postadresse for innspill, slik den er publisert")


class Venue(Model):
    name: Text | None = Field(
        None, description="Navnet på stedet, for eksempel et bibliotek eller et auditorium på et sykehus"
    )
    address: Text | None = Field(None, description="Gateadresse, slik arrangørene oppgir den")
    city: Text | None = Field(None, description="By eller tettsted")

    @model_validator(mode="after")
    def _not_empty(self) -> Venue:
        if not (self.name or self.address or self.city):
            raise ValueError("oppgi minst stedets navn (name), adresse (address) eller by (city)")
        return self


class Online(Model):
    platform: Text = Field(description="Digital plattform, for eksempel Teams eller Zoom")
    join_url: Url | None = Field(None, description="Offentlig lenke for å delta; utelates når bare inviterte får den")
    join_info: Text | None = Field(
        None, description="Offentlig informasjon om hvordan man deltar (møte-id, hvordan man får lenken)"
    )


class Registration(Model):
    required: bool = Field(
        True, description="Om deltakerne må melde seg på: true (standard når feltet mangler) eller false"
    )
    url: Url | None = Field(None, description="Hvor man melder seg på")
    deadline: IsoDate | None = Field(None, description="Siste dag for påmelding")


class Event(Model):
    # Network meetings, seminars, relay stages and the rest share this model;
    # ``kind`` decides the wording and which sections the event may have (``KIND_SECTIONS``).
    """Et av KINs arrangementer: nettverksmøte, seminar, etappe i KI-stafetten og annet.
    Typen (kind) bestemmer ordlyden på siden og hvilke deler arrangementet kan ha."""

    id: Id = Field(description="Arrangementets id; samme som filnavnet (vanligvis datoen, for eksempel 2022-02-08)")
    kind: Lax[EventKind] = Field(
        EventKind.network_meeting, description="Type arrangement; nettverksmøte (network-meeting) hvis feltet utelates"
    )
    title: Text = Field(description="Arrangementets tittel")
    number: int | None = Field(None, ge=1, description="Nummer i året (nettverksmøter)")
    date: IsoDate = Field(description="Dagen for arrangementet (første dag hvis det varer flere dager)")
    end_date: IsoDate | None = Field(None, description="Siste dag, for et arrangement over flere dager")
    start: Clock | None = Field(None, description="Starttid (norsk tid); utelates når kilden ikke oppgir den")
    end: Clock | None = Field(None, description="Sluttid (norsk tid); utelates når kilden ikke oppgir den")
    status: Lax[EventStatus] | None = Field(None, description="Planlagt, bekreftet eller avlyst, hvis kilden sier det")
    format: Lax[MeetingFormat] | None = Field(None, description="Digitalt, fysisk eller hybrid")
    venue: Venue | None = Field(None, description="Hvor arrangementet holdes fysisk")
    online: Online | None = Field(None, description="Hvordan man deltar digitalt")
    region: Lax[Region] | None = Field(
        None, description="Helseregionen arrangementet holdes i (KINs egen klassifisering)"
    )
    theme: Text | None = Field(None, description="Tema for arrangementet; må være med for nettverksmøter")
    description: Text | None = Field(None, description="En kort beskrivelse av arrangementet")
    organisers: list[OrgRef] = Field(
        default_factory=list, description="Organisasjoner som arrangerer; tom liste betyr at KIN arrangerer alene"
    )
    co_organisers: list[OrgRef] = Field(
        default_factory=list, description="Organisasjoner som arrangerer sammen med KIN"
    )
    audience: Lax[Audience] | None = Field(
        None, description="Hvem som kan delta: nettverkets medlemmer, inviterte eller åpent for alle"
    )
    registration: Registration | None = Field(None, description="Om og hvordan man melder seg på")
    programme_url: Url | None = Field(None, description="Lenke til arrangementets egen programside")
    relay: bool = Field(
        False, description="En etappe i KI-stafetten (alltid true for arrangementer av typen relay-stage)"
    )
    part_of: MeetingRef | None = Field(None, description="Arrangementet dette er en del av, for eksempel en konferanse")
    announced: IsoDate | None = Field(
        None, description="Dagen arrangementet ble kunngjort; gir datoen for oppføringen i nyhetsstrømmen"
    )
    agenda: list[AgendaItem] = Field(default_factory=list, description="Programpunktene, i rekkefølge")
    minutes: Minutes | None = Field(None, description="Referat; bare for typer arrangementer som har referat")
    polls: list[Poll] = Field(
        default_factory=list, description="Avstemninger; bare for typer arrangementer som har avstemninger"
    )
    next_meeting: MeetingRef | None = Field(None, description="Neste arrangement, slik det ble kunngjort på dette")
    call_for_input: CallForInput | None = Field(
        None, description="Oppfordring til å foreslå temaer eller innlegg til neste arrangement"
    )
    sections: list[Section] = Field(
        default_factory=list,
        description="Det lysbildene sier utover programmet, for eksempel velkomst og lenker til slutt",
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
    """KI-stafetten. Etappene er arrangementer i data/meetings/ med relay: true."""

    name: Text = Field(description="Navnet på stafetten")
    description: list[Text] = Field(description="Avsnitt som beskriver stafetten")
    event_kinds: list[Text] = Field(description="Typene arrangementer stafetten består av, slik kilden kaller dem")
    cadence: list[Text] = Field(description="Hvor ofte arrangementene holdes, slik kilden sier det")


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
    knowledge: list[Text] = Field(default_factory=list, description="Kunnskap, ett punkt per linje")
    skills: list[Text] = Field(default_factory=list, description="Ferdigheter, ett punkt per linje")
    general: list[Text] = Field(default_factory=list, description="Generell kompetanse, ett punkt per linje")


class Enrolment(Model):
    year: int = Field(ge=1900, le=2100, description="Året")
    students: int = Field(ge=0, description="Antall studenter det året")
    note: Text | None = Field(None, description="Merknad om tallet")


class ScheduleEntry(Model):
    day: Text = Field(description="Dag, som tekst")
    time: Text | None = Field(None, description="Tid, som tekst")
    activity: Text = Field(description="Aktiviteten")
    teachers: list[PersonRef] = Field(default_factory=list, description="Undervisere")


class PlanItem(Model):
    code: Text | None = Field(None, description="Emnekode; blir lenke til emnet når det finnes på siden Studietilbud")
    title: Text = Field(description="Emnets tittel")


class PlanSemester(Model):
    semester: Text = Field(description="Semesteret (for eksempel «1. sem (høst)»)")
    items: list[PlanItem] = Field(description="Emnene det semesteret")
    note: Text | None = Field(None, description="Merknad om semesteret")


class Course(Model):
    id: Id = Field(
        description="Kort id: små bokstaver a–z, sifre og bindestrek; samme som filnavnet; siden blir /studier/<id>/"
    )
    kind: Lax[CourseKind] = Field(
        description=(
            "Emne/kurs, studieprogram, studieretning eller tilbud; "
            "vist som type og brukt av filteret på siden Studietilbud"
        )
    )
    code: Text | None = Field(None, description="Emnekode (for eksempel ELMED219), vist foran tittelen")
    title: Text = Field(
        description="Tittel på norsk; overskriften på tilbudets side og i tabellen på siden Studietilbud"
    )
    title_en: Text | None = Field(None, description="Tittel på engelsk, vist under overskriften")
    institution: OrgRef = Field(
        description=(
            "Institusjonen som tilbyr det; institusjonens helseregion blir tilbudets region på siden Studietilbud"
        )
    )
    partners: list[OrgRef] = Field(
        default_factory=list, description="Samarbeidende institusjoner, vist som «i samarbeid med»"
    )
    department: Text | None = Field(None, description="Institutt eller enhet")
    part_of: Text | None = Field(None, description="Studieprogrammet en studieretning hører til")
    level: Lax[Level] | None = Field(None, description=f"Studienivå. {EDITORIAL}; se level_note.")
    level_note: Text | None = Field(None, description="Merknad om nivået, vist i parentes")
    ects: float | None = Field(
        None, gt=0, le=400, description="Studiepoeng (et tall), vist og sorterbart på siden Studietilbud"
    )
    ects_note: Text | None = Field(None, description="Merknad om studiepoengene")
    price_nok: int | None = Field(None, ge=0, description="Pris i kroner (heltall); 0 vises som gratis")
    price_note: Text | None = Field(None, description="Merknad om prisen")
    language: Lax[Language] | None = Field(None, description="Undervisningsspråk")
    format: Lax[CourseFormat] | None = Field(
        None, description=f"Campus, nett eller hybrid. {EDITORIAL}; se format_note."
    )
    format_note: Text | None = Field(None, description="Merknad om undervisningsformen")
    place: Text | None = Field(None, description="Hvor undervisningen foregår")
    term: Text | None = Field(None, description="Når det går (for eksempel «Høst 2021»), vist som «Tid»")
    duration: Text | None = Field(None, description="Hvor lenge det varer")
    application_deadline: Text | None = Field(None, description="Søknadsfrist, som tekst")
    target_group: Text | None = Field(None, description="Hvem tilbudet er for, vist som «Målgruppe»")
    status: Lax[CourseStatus] = Field(
        description="Tilbys, planlagt eller foreslått; vist og brukt av filteret på siden Studietilbud"
    )
    description: list[Text] = Field(
        default_factory=list,
        description=(
            "Beskrivelse, ett avsnitt per punkt i listen; vist øverst på tilbudets side og søkbar på siden Studietilbud"
        ),
    )
    topics: list[Text] = Field(default_factory=list, description="Temaer, vist som liste")
    learning_outcomes: LearningOutcomes | None = Field(
        None, description="Læringsutbytte: kunnskap, ferdigheter og generell kompetanse"
    )
    exam: Text | None = Field(None, description="Eksamensform")
    url: Url | None = Field(None, description="Tilbudets egen nettside")
    links: list[Link] = Field(default_factory=list, description="Flere lenker, hver med tittel og adresse")
    enrolment: list[Enrolment] = Field(
        default_factory=list, description="Studenter per år, vist som tabell og søylediagram"
    )
    schedule_title: Text | None = Field(
        None, description="Overskrift over timeplanen; uten dette feltet står det «Timeplan»"
    )
    schedule: list[ScheduleEntry] = Field(default_factory=list, description="Timeplan, vist som tabell")
    study_plan: list[PlanSemester] = Field(default_factory=list, description="Studieplan per semester, vist som tabell")
    contacts: list[PersonRef] = Field(default_factory=list, description="Kontaktpersoner, vist som «Kontakt»")
    lecturers: list[PersonRef] = Field(default_factory=list, description="Forelesere")
    presented_at: MeetingRef | None = Field(
        None, description="Møtet der tilbudet ble presentert; oppgi møtets id, det vil si datoen"
    )
    notes: list[Text] = Field(default_factory=list, description="Merknader, én per punkt i listen")
    sections: list[Section] = Field(
        default_factory=list,
        description="Detaljer om undervisningen, for eksempel verktøy, oppgaver, tilbakemeldinger og kategorier",
    )


class FacultyCount(Model):
    faculty: Text = Field(description="Fakultet eller fagområde")
    courses: int = Field(ge=0, description="Antall emner; vist som tabell og diagram på siden Tilbud per region")


class CourseCount(Model):
    institution: OrgRef = Field(
        description="Institusjonen tallene gjelder; samme som filnavnet; vist under institusjonens helseregion"
    )
    title: Text = Field(description="Overskrift over tallene")
    counts: list[FacultyCount] = Field(description="Antall emner per fakultet")
    note: Text | None = Field(None, description="Merknad om tallene")
    presented_at: MeetingRef | None = Field(
        None, description="Møtet der tallene ble presentert; oppgi møtets id, det vil si datoen"
    )


# --- Policy statements ---------------------------------------------------------


class StatementStatus(StrEnum):
    proposal = "proposal"
    adopted = "adopted"
    submitted = "submitted"


class Point(Model):
    text: Text = Field(description="Punktet, vist i en nummerert liste")
    points: list[Text] = Field(default_factory=list, description="Underpunkter")


class Origin(Model):
    meeting: MeetingRef = Field(
        description="Møtet uttalelsen kommer fra; oppgi møtets id, det vil si datoen. Vises som lenke ved «Kommer fra»"
    )
    agenda_time: Clock | None = Field(
        None, description='Klokkeslettet for programpunktet, som TT:MM (i YAML-filen i anførselstegn: "12:30")'
    )
    note: Text | None = Field(None, description="Merknad om opphavet, vist under teksten")


class HistoryEntry(Model):
    date: IsoDate = Field(description="Dato for endringen, ÅÅÅÅ-MM-DD")
    status: Lax[StatementStatus] = Field(description="Den nye statusen")
    note: Text | None = Field(None, description="Hva som skjedde")


class Statement(Model):
    id: Id = Field(
        description="Id (små bokstaver a–z, sifre og bindestrek); samme som filnavnet; siden blir /uttalelser/<id>/"
    )
    title: Text = Field(description="Tittel; overskriften på uttalelsens side og i nyhetsstrømmen")
    text: list[Text] = Field(min_length=1, description="Selve uttalelsen, ett avsnitt per punkt i listen")
    points: list[Point] = Field(
        default_factory=list, description="Nummererte tiltak eller punkter, med valgfrie underpunkter"
    )
    status: Lax[StatementStatus] | None = Field(
        None, description="Forslag, vedtatt eller oversendt, vist som et merke; utelates der kildene ikke sier det"
    )
    date: IsoDate | None = Field(
        None, description="Dato, ÅÅÅÅ-MM-DD; uttalelsene sorteres etter den, og de nyeste vises på forsiden"
    )
    addressee: Text | None = Field(None, description="Hvem uttalelsen er rettet til, vist som «Mottaker»")
    origin: Origin = Field(description="Møtet og programpunktet uttalelsen kommer fra")
    history: list[HistoryEntry] = Field(
        default_factory=list, description="Hver endring av status med dato, vist som historikk"
    )


# --- Resources -----------------------------------------------------------------


class Trend(Model):
    number: int = Field(ge=1, description="Trendens nummer")
    title: Text = Field(description="Trendens tittel")
    points: list[Text] = Field(default_factory=list, description="Punkter under trenden")
    opportunity: Text = Field(description="Mulighet")
    risk: Text = Field(description="Risiko")


class Report(Model):
    id: Id = Field(description="Kort id: små bokstaver a–z, sifre og bindestrek")
    title: Text = Field(description="Rapportens tittel")
    subtitle: Text | None = Field(None, description="Undertittel")
    publisher: OrgRef = Field(description="Utgiveren")
    published: Text | None = Field(None, description="Når den ble publisert, som tekst")
    url: Url | None = Field(None, description="Lenke til rapporten")
    presented_by: PersonRef | None = Field(None, description="Hvem som presenterte den for KIN")
    presented_at: MeetingRef | None = Field(
        None, description="Møtet der det ble presentert; oppgi møtets id, det vil si datoen"
    )
    points: list[Text] = Field(default_factory=list, description="Hovedpunkter")
    drivers: list[Text] = Field(default_factory=list, description="Drivkrefter")
    opportunities: list[Text] = Field(default_factory=list, description="Muligheter")
    risks: list[Text] = Field(default_factory=list, description="Risikoer og utfordringer")
    trends: list[Trend] = Field(default_factory=list, description="Trender, hver med en mulighet og en risiko")
    questions: list[Text] = Field(default_factory=list, description="Spørsmål til debatt")
    sections: list[Section] = Field(default_factory=list, description="Vedtak, tiltak og andre detaljer")


class Work(Model):
    id: Id = Field(description="Kort id: små bokstaver a–z, sifre og bindestrek")
    authors: Text = Field(description="Forfatterne slik kilden oppgir dem")
    title: Text = Field(description="Tittel")
    venue: Text | None = Field(None, description="Tidsskrift eller forlag")
    year: int | None = Field(None, ge=1900, le=2100, description="Utgivelsesår")
    published: IsoDate | None = Field(None, description="Publiseringsdato, der kilden oppgir den")
    url: Url | None = Field(None, description="Lenke (for eksempel en DOI)")
    tables: list[Table] = Field(default_factory=list, description="Tabeller som ble vist sammen med referansen")
    cited_by: PersonRef | None = Field(None, description="Hvem som siterte verket")
    cited_at: MeetingRef | None = Field(
        None, description="Møtet der det ble sitert; oppgi møtets id, det vil si datoen"
    )


class ResourcesFile(Model):
    reports: list[Report] = Field(default_factory=list, description="Rapporter som er presentert for KIN")
    literature: list[Work] = Field(default_factory=list, description="Litteratur som er sitert på møtene")
