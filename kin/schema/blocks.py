"""Content blocks shared by several records: links, bullets, facts, sources, tables, sections."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, Field, model_validator

from kin.schema.base import Lax, MeetingRef, Model, OrgRef, PersonRef, Text, Url

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
    label: Text = Field(description="Etikett for faktumet, for eksempel «Etablert». KINs egen tekst, ikke fra kildene")
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
    title: Text = Field(
        description="Overskrift; bruk lysbildets egen tittel der kilden har en. Ellers er overskriften KINs egen tekst"
    )
    language: Lax[Language] | None = Field(None, description="Tekstens språk, når det ikke er norsk")
    text: list[Text] = Field(default_factory=list, description="Tekstavsnitt, slik de står i kilden")
    points: list[BulletItem] = Field(default_factory=list, description="Kulepunkter, slik de står i kilden")
    quotes: list[Text] = Field(default_factory=list, description="Sitater, ord for ord")
    table: Table | None = Field(None, description="En tabell")
    people: list[PersonRef] = Field(default_factory=list, description="Personer avsnittet handler om; vises som lenker")
    links: list[Link] = Field(default_factory=list, description="Lenker, hver med tittel og adresse")
    sections: list[Section] = Field(default_factory=list, description="Underavsnitt")
    source: Source | None = Field(None, description="Hvor innholdet i avsnittet ble presentert")
