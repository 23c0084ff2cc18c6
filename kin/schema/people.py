"""Organisations and people."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from kin.schema.base import EDITORIAL, EDITORIAL_TEXT, Id, Lax, Model, OrgRef, PersonRef, Text, Url
from kin.schema.blocks import Fact, Section

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
    name: Text = Field(
        description="Fullt navn. Der kilden bare har en forkortelse, er det fulle navnet KINs egen tekst, ikke kildens"
    )
    short_name: Text | None = Field(
        None, description="Kortnavn (for eksempel UiB), vist på organisasjonens side og der det er trangt om plassen"
    )
    kind: Lax[OrgKind] = Field(description=f"Type organisasjon. {EDITORIAL}.")
    region: Lax[Region] | None = Field(None, description=f"Helseregion. {EDITORIAL}; utelates når det ikke er klart.")
    parent: OrgRef | None = Field(
        None,
        description=(
            "Organisasjonen denne hører til (for eksempel et senter under et sykehus); vises som lenke under «Del av». "
            f"{EDITORIAL}; oppgi den bare når kildene sier det"
        ),
    )
    note: Text | None = Field(
        None, description=f"En merknad, vist som et eget avsnitt på organisasjonens side. {EDITORIAL_TEXT}."
    )
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
        description=(
            "Organisasjonene personen hører til; deres helseregion og type teller med i nettverkets statistikk. "
            f"{EDITORIAL}: tolkningen av tilknytningen; kildens ord står i affiliation"
        ),
    )
    role: Lax[Role] | None = Field(None, description="Rolle i nettverket; utelates for gjester")
    titles: list[Text] = Field(
        default_factory=list, description="Stillinger og titler, vist under navnet i personlisten"
    )
    url: Url | None = Field(None, description="Personens nettside, slik kilden oppgir den; vist i personlisten")
    distinct_from: list[PersonRef] = Field(
        default_factory=list,
        description="Id-ene til andre personer med samme navn: bekrefter at de er forskjellige personer",
    )
