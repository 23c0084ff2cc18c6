"""Resources: reports, trends and literature."""

from __future__ import annotations

from pydantic import Field

from kin.schema.base import Id, IsoDate, MeetingRef, Model, OrgRef, PersonRef, Text, Url
from kin.schema.blocks import Section, Table

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
