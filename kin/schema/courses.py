"""Courses and programmes."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from kin.schema.base import EDITORIAL, EDITORIAL_TEXT, Id, Lax, MeetingRef, Model, OrgRef, PersonRef, Text, Url
from kin.schema.blocks import Language, Link, Section

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
            f"vist som type og brukt av filteret på siden Studietilbud. {EDITORIAL}"
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
    level_note: Text | None = Field(None, description=f"Merknad om nivået, vist i parentes. {EDITORIAL_TEXT}.")
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
    format_note: Text | None = Field(None, description=f"Merknad om undervisningsformen. {EDITORIAL_TEXT}.")
    place: Text | None = Field(None, description="Hvor undervisningen foregår")
    term: Text | None = Field(None, description="Når det går (for eksempel «Høst 2021»), vist som «Tid»")
    duration: Text | None = Field(None, description="Hvor lenge det varer")
    application_deadline: Text | None = Field(None, description="Søknadsfrist, som tekst")
    target_group: Text | None = Field(None, description="Hvem tilbudet er for, vist som «Målgruppe»")
    status: Lax[CourseStatus] = Field(
        description=f"Tilbys, planlagt eller foreslått; vist og brukt av filteret på siden Studietilbud. {EDITORIAL}"
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
    schedule_language: Lax[Language] | None = Field(None, description="Timeplanens språk, når det ikke er norsk")
    schedule_note: Text | None = Field(
        None, description="Merknad til timeplanen, vist i parentes etter kolonneoverskriften «Aktivitet»"
    )
    schedule: list[ScheduleEntry] = Field(default_factory=list, description="Timeplan, vist som tabell")
    study_plan: list[PlanSemester] = Field(default_factory=list, description="Studieplan per semester, vist som tabell")
    study_plan_ects: float | None = Field(
        None, gt=0, le=60, description="Studiepoeng per emne, når studieplanen oppgir det samme for alle emnene"
    )
    contacts: list[PersonRef] = Field(default_factory=list, description="Kontaktpersoner, vist som «Kontakt»")
    lecturers: list[PersonRef] = Field(default_factory=list, description="Forelesere")
    presented_at: MeetingRef | None = Field(
        None, description="Møtet der tilbudet ble presentert; oppgi møtets id, det vil si datoen"
    )
    presented_by: list[PersonRef] = Field(
        default_factory=list,
        description="Hvem som presenterte tilbudet på møtet; knytter tilbudet til innlegget deres i møtets agenda",
    )
    notes: list[Text] = Field(default_factory=list, description=f"Merknader, én per punkt i listen. {EDITORIAL_TEXT}.")
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
    presented_by: list[PersonRef] = Field(
        default_factory=list,
        description="Hvem som presenterte tallene på møtet; knytter dem til innlegget deres i møtets agenda",
    )
