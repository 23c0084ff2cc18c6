"""Norwegian (Bokmål) labels for the data layer's enum values, numbers and dates (pages and exports)."""

from __future__ import annotations

from datetime import date

from kin import schema as s

MONTHS = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
]
WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]

LABELS: dict[object, str] = {
    s.Role.member: "Medlem",
    s.Role.secretariat: "Sekretariat",
    s.Role.observer: "Observatør",
    s.Region.nord: "Helse Nord",
    s.Region.midt: "Helse Midt-Norge",
    s.Region.vest: "Helse Vest",
    s.Region.sor_ost: "Helse Sør-Øst",
    s.Region.national: "Nasjonal",
    s.OrgKind.university: "Universitet/høgskole",
    s.OrgKind.health_trust: "Helseforetak",
    s.OrgKind.regional_health_authority: "Regionalt helseforetak",
    s.OrgKind.agency: "Direktorat/etat",
    s.OrgKind.research_institute: "Forskningsinstitutt/senter",
    s.OrgKind.company: "Bedrift",
    s.OrgKind.municipality: "Kommune",
    s.OrgKind.other: "Annet",
    s.EventKind.network_meeting: "Nettverksmøte",
    s.EventKind.seminar: "Seminar",
    s.EventKind.webinar: "Webinar",
    s.EventKind.workshop: "Workshop",
    s.EventKind.conference: "Konferanse",
    s.EventKind.conference_session: "Konferansesesjon",
    s.EventKind.relay_stage: "Etappe i KI-stafetten",
    s.Audience.members: "Nettverkets medlemmer",
    s.Audience.invited: "Inviterte",
    s.Audience.public: "Åpent for alle",
    s.EventStatus.planned: "Planlagt",
    s.EventStatus.confirmed: "Bekreftet",
    s.EventStatus.cancelled: "Avlyst",
    s.MeetingFormat.digital: "Digitalt",
    s.MeetingFormat.physical: "Fysisk",
    s.MeetingFormat.hybrid: "Hybrid",
    s.AgendaKind.welcome: "Velkommen",
    s.AgendaKind.introduction: "Innledning",
    s.AgendaKind.talk: "Innlegg",
    s.AgendaKind.talks: "Flere innlegg",
    s.AgendaKind.panel: "Panel",
    s.AgendaKind.break_: "Pause",
    s.AgendaKind.discussion: "Diskusjon",
    s.AgendaKind.close: "Slutt",
    s.AgendaKind.other: "Annet",
    s.MinutesStatus.draft: "Utkast",
    s.MinutesStatus.approved: "Godkjent",
    s.PollKind.multiple_choice: "Flervalg",
    s.PollKind.ranking: "Rangering",
    s.PollKind.open: "Åpent svar",
    s.StatementStatus.proposal: "Forslag",
    s.StatementStatus.adopted: "Vedtatt",
    s.StatementStatus.submitted: "Oversendt",
    s.CourseKind.course: "Emne/kurs",
    s.CourseKind.programme: "Studieprogram",
    s.CourseKind.study_direction: "Studieretning",
    s.CourseKind.offer: "Tilbud",
    s.Level.intro: "Innføring",
    s.Level.bachelor: "Bachelor",
    s.Level.master: "Master",
    s.Level.professional: "Profesjonsstudium",
    s.Level.phd: "PhD",
    s.Level.continuing: "Etter- og videreutdanning",
    s.Language.nb: "Norsk",
    s.Language.en: "Engelsk",
    s.CourseFormat.campus: "Campus",
    s.CourseFormat.online: "Nett",
    s.CourseFormat.hybrid: "Hybrid",
    s.CourseStatus.offered: "Tilbys",
    s.CourseStatus.planned: "Planlagt",
    s.CourseStatus.proposed: "Foreslått",
    s.CorrectionKind.spelling: "Skrivefeil og tegnsetting",
    s.CorrectionKind.name: "Navn",
    s.CorrectionKind.translation: "Oversatt",
    s.CorrectionKind.order: "Omordnet",
    s.CorrectionKind.link: "Lenke (http → https)",
    s.CorrectionKind.structure: "Delt opp i felt",
}

ROLE_PLURAL = {s.Role.member: "Medlemmer", s.Role.secretariat: "Sekretariat", s.Role.observer: "Observatører"}
MISSING = "ikke oppgitt"

# Who may take part, as a sentence on an event's page.
AUDIENCE_SENTENCE = {
    s.Audience.members: "For nettverkets medlemmer.",
    s.Audience.invited: "For inviterte.",
    s.Audience.public: "Åpent for alle.",
}

# Headings of the events index, one group per kind.
KIND_PLURAL = {
    s.EventKind.network_meeting: "Nettverksmøter",
    s.EventKind.seminar: "Seminarer",
    s.EventKind.webinar: "Webinarer",
    s.EventKind.workshop: "Workshoper",
    s.EventKind.conference: "Konferanser",
    s.EventKind.conference_session: "Konferansesesjoner",
    s.EventKind.relay_stage: "Etapper i KI-stafetten",
}


def label(value: object) -> str:
    """Norwegian label of an enum value; 'ikke oppgitt' for a missing value."""
    if value is None:
        return MISSING
    return LABELS.get(value, str(value))


def long_date(day: date, weekday: bool = False) -> str:
    text = f"{day.day}. {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def number(value: float | int | None) -> str:
    """7.5 -> '7,5'; 24000 -> '24 000' (Norwegian style, narrow no-break space)."""
    if value is None:
        return MISSING
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", "\u202f")
    return str(value).replace(".", ",")
