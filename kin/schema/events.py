"""Events (network meetings, seminars, relay stages ...) and the KI-stafett relay."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field, ValidationInfo, field_validator, model_validator

from kin.schema.base import Clock, Email, Id, IsoDate, Lax, MeetingRef, Model, OrgRef, PersonRef, Text, Url
from kin.schema.blocks import BulletItem, Section
from kin.schema.people import Region

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
    # Talk material (kin.talks): short key points under the agenda item; slides
    # transcribed in order give the talk a page of its own, /moter/<event>/<page>/.
    points: list[BulletItem] = Field(
        default_factory=list,
        description=(
            "Hovedpunkter fra innlegget, ord for ord fra lysbildene, vist under punktet i agendaen; "
            "bare det som ikke står på en annen side"
        ),
    )
    page: Id | None = Field(
        None,
        description=(
            "Id for innleggets egen side (små bokstaver a–z, sifre og bindestrek); siden blir "
            "/moter/<møtets id>/<page>/. Må være med når innlegget har lysbilder (slides)"
        ),
    )
    slides: list[Section] = Field(
        default_factory=list,
        description=(
            "Innleggets lysbilder, i rekkefølge og ord for ord, ett avsnitt per lysbilde. Et lysbilde som står i "
            "sin helhet på en annen side (et studietilbud, en organisasjon …), tas ikke med. Gir innlegget en egen side"
        ),
    )
    material_note: Text | None = Field(
        None,
        description="Hva kilden har av lysbilder fra innlegget, når nettstedet ikke gjengir dem, vist under punktet",
    )

    @field_validator("slides")
    @classmethod
    def _slides_need_a_page(cls, slides: list[Section], info: ValidationInfo) -> list[Section]:
        # Located at ``slides`` (``page`` comes first, so it is in ``info.data`` when valid).
        if slides and not info.data.get("page"):
            raise ValueError("et innlegg med lysbilder (slides) trenger en id for sin egen side (page)")
        return slides

    @model_validator(mode="after")
    def _page_with_slides(self) -> AgendaItem:
        if self.page and not self.slides:
            raise ValueError("en egen side (page) trenger lysbilder (slides); uten dem vises alt under agendapunktet")
        return self


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

    @model_validator(mode="after")
    def _unique_pages(self) -> Event:
        pages = [item.page for item in _walk(self.agenda) if item.page]
        repeated = sorted({page for page in pages if pages.count(page) > 1})
        if repeated:
            raise ValueError(f"to innlegg har samme egen side (page): {', '.join(repeated)}")
        return self

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


def _walk(items: list[AgendaItem]):
    for item in items:
        yield item
        yield from _walk(item.items)


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
