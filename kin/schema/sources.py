"""The source's wording: every change the site makes to it, in one table (``corrections.yml``)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from kin.schema.base import Lax, Model, Text


class CorrectionKind(StrEnum):
    """Hva slags endring: skrivefeil, navn, oversettelse, rekkefølge, lenke eller oppdeling."""

    spelling = "spelling"
    name = "name"
    translation = "translation"
    order = "order"
    link = "link"
    structure = "structure"


class Correction(Model):
    """Én endring av kildens ordlyd."""

    source_text: Text = Field(description="Teksten slik den står i kilden, tegn for tegn")
    site_text: Text = Field(description="Teksten slik den står på nettstedet")
    kind: Lax[CorrectionKind] = Field(
        description="Hva slags endring: skrivefeil, navn, oversettelse, rekkefølge, lenke eller oppdeling"
    )
    where: Text = Field(description="Hvor på nettstedet teksten står, for eksempel «ELMED219, timeplanen»")
    reason: Text = Field(description="Hvorfor ordlyden er endret")


class CorrectionsFile(Model):
    """Alle endringer av kildenes ordlyd, vist som tabell på siden Om kildene."""

    corrections: list[Correction] = Field(
        description="Endringene, én rad per endring; en test sjekker hver rad mot kilden og nettstedet"
    )
