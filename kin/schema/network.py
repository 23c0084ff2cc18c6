"""The network itself: name, purpose, values and contacts."""

from __future__ import annotations

from pydantic import Field

from kin.schema.base import Email, Model, PersonRef, Text, Url

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
    invitations_location: Text | None = Field(
        None, description="Hvor møteinnkallingene finnes, når en kilde sier det; ellers vises «ikke oppgitt»"
    )
    website: Url | None = Field(
        None, description="Nettverkets eget nettsted, når en kilde oppgir det; lenket til fra siden Om KIN"
    )
