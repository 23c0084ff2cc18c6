"""KIN's policy statements."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from kin.schema.base import Clock, Id, IsoDate, Lax, MeetingRef, Model, PersonRef, Text

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
    speakers: list[PersonRef] = Field(
        default_factory=list,
        description="Hvem som la fram forslaget, når det kom fra et bestemt innlegg; knytter uttalelsen til innlegget",
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
    title: Text = Field(
        description="Tittel, overskrift på siden og i nyhetsstrømmen; KINs egen tekst der kilden ikke har en"
    )
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
